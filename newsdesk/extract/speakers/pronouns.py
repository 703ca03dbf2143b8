"""Pronouns and discourse: he/she/I, "it", "both leaders" → an earlier subject or speaker.

"I" outside quotation marks (and with no double quotation mark before it in its paragraph) is the
writer (a column, a reader's comment) and stays unresolved; he/she/I → the latest PERSON subject
or speaker before it that is not inside a quoted passage nor inside the reported clause of an
earlier person speaker ("Hodgson revealed that [Barkley had taken …]. “…,” he added" → Hodgson; a
speaker there still counts, and so does a person inside the same clause as the pronoun: "Penn said
Marlow was right when he said …" → Marlow; never a person inside the quote being resolved: "Mr
Blair has failed, he claimed" → not Blair) (a name in apposition to a subject counts), or a later
definite role subject ("The minister was unapologetic. …, she said") resolved by role (see
``roles``). "It" as a subject → the latest resolved speaker when that is no person and ≤ 1000
characters back ("The statement criticised … It also said …"). "both leaders" and "they" after a
joint speaker are joint speakers (``joint``). A relative "who" is resolved as its antecedent (by the
resolver).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import bisect

import numpy as np
from spacy.tokens import Token

from newsdesk import lexicon
from newsdesk.extract.quotes.spans import np_span
from newsdesk.extract.quotes.speaker import PRONOUNS_PERSON, SUBJ_DEPS
from newsdesk.extract.speakers.roles import ROLE_WORDS, nominal_person
from newsdesk.extract.types import Mention

if TYPE_CHECKING:
    from newsdesk.extract.speakers.resolver import Resolver


_IT_DISTANCE = 1000  # characters between an organisation speaker and a later "it said"


def definite_role_subjects(r: Resolver) -> list[Token]:
    """Definite role-noun subjects outside quotes ("The minister was unapologetic"), found
    through the dependency array (Python work only at subjects)."""
    from spacy.attrs import DEP

    doc = r.doc
    if not len(doc):
        return []
    deps = doc.to_array([DEP])
    ids = [doc.vocab.strings[d] for d in ("nsubj", "nsubjpass") if d in doc.vocab.strings]
    out = []
    for i in np.nonzero(np.isin(deps, ids))[0]:
        t = doc[int(i)]
        if (t.lower_ in ROLE_WORDS and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
                and r.mention_of_token(t) is None and not r.in_quote(t.idx)):
            out.append(t)
    return out


_NAME_GENDER = {k.casefold(): v for k, v in lexicon.mapping("speakers_given_name_genders").items()}

_WORD_GENDER = lexicon.mapping("speakers_gender_words")

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def gender_of(r: Resolver, m: Mention) -> str | None:
    """"f", "m" or None: what the person's title, roles ("actress", "Mrs") or given name mark, when
    they agree."""
    marks = set()
    words = (m.title or "").casefold().replace(".", "").split() + sorted(r.people.get(m.entity_id, ()))
    marks.update(_WORD_GENDER[w] for w in words if w in _WORD_GENDER)
    first = m.name.split()[0].casefold() if m.name.split() else ""
    if first in _NAME_GENDER:
        marks.add(_NAME_GENDER[first])
    return marks.pop() if len(marks) == 1 else None


def _fits(r: Resolver, m: Mention, gender: str | None) -> bool:
    """False when the pronoun's gender and the person's known gender differ."""
    return gender is None or gender_of(r, m) in (None, gender)


def last_person_before(r: Resolver, pos: int, gender: str | None = None) -> Mention | None:
    """Antecedent of he/she at ``pos``: the latest person subject or speaker, or a later
    definite role subject ("The minister was unapologetic. …, she said") resolved by role; a
    person whose given name, title or role marks the other gender is passed over ("Actress Helen
    Mirren read out his speech. He apologised …")."""
    k = bisect.bisect_left(r.recent_people, pos, key=lambda x: x[0]) - 1
    while k >= 0 and not _fits(r, r.recent_people[k][1], gender):
        k -= 1
    k0 = k
    while k >= 0 and k0 - k < 4 and r.recent_people[k][0] not in r.speaker_pos \
            and (r.in_content(r.recent_people[k][0], pos) or r.in_current(r.recent_people[k][0])
                 or not _fits(r, r.recent_people[k][1], gender)):
        k -= 1  # a person named inside someone's reported words: that someone is meant
    if k >= 0 and r.recent_people[k][0] not in r.speaker_pos and (
            r.in_content(r.recent_people[k][0], pos) or r.in_current(r.recent_people[k][0])):
        k = k0
    j = bisect.bisect_left(r.nominal_starts, pos) - 1
    while j >= 0 and (r.in_content(r.nominal_starts[j], pos) or r.in_current(r.nominal_starts[j])) \
            and (k < 0 or r.nominal_starts[j] > r.recent_people[k][0]):
        j -= 1
    if j >= 0 and (k < 0 or r.nominal_starts[j] > r.recent_people[k][0]):
        t = r.nominal_subjects[j]
        m = nominal_person(r, list(r.doc[np_span(t)[0]:t.i + 1]), t)
        if m is not None and _fits(r, m, gender):
            return m
    if k >= 0:
        return r.recent_people[k][1]
    k = bisect.bisect_left(r.starts, pos) - 1
    while k >= 0:
        m = r.mentions[k]
        if m.label == "PERSON" and not r.in_quote(m.start_char) and _fits(r, m, gender):
            return m
        k -= 1
    return None


def it_speaker(r: Resolver, pos: int) -> Mention | None:
    """"It said …": the latest resolved speaker when it is no person and at most
    ``_IT_DISTANCE`` characters back ("The statement criticised … It also said …"); not
    an organisation that was only a subject ("it" is as often its report or video)."""
    if r.last_speaker is None:
        return None
    at, m = r.last_speaker
    return m if m.label != "PERSON" and 0 <= pos - at <= _IT_DISTANCE else None


def quote_mark_before(r: Resolver, pos: int) -> bool:
    """Does a double quotation mark open or run earlier in the paragraph of ``pos``? (news copy
    often leaves a multi-sentence quote unbalanced, so the pairing of marks can miss it)"""
    text = r.doc.text
    a = text.rfind("\n", 0, pos) + 1
    return any(c in text[a:pos] for c in '"“”')


def pronoun_speaker(r: Resolver, head: Token) -> Mention | None:
    """A pronoun speaker: the writer's own "I" outside quotes → no one; he/she/I → the latest
    person before (``last_person_before``); "it" as a subject → the latest speaker that is no
    person (``it_speaker``); any other pronoun → no one."""
    low = head.lower_
    if low == "i" and not r.in_quote(head.idx) and not quote_mark_before(r, head.idx):
        return None  # the writer's own "I" (a column, a reader's comment): no one named before
    if low in PRONOUNS_PERSON:
        return last_person_before(r, head.idx, _PRONOUN_GENDER.get(low))
    if low == "it" and head.dep_ in SUBJ_DEPS:
        return it_speaker(r, head.idx)
    return None

