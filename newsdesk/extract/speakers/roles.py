"""Role nominals: "the Russian leader", "the minister" → the person whose descriptors match.

Definite nominals → the person whose roles (DocEntities.roles), titles and premodifiers/
appositions match every word (nationality adjectives ≈ countries, leader ≈ president ≈ premier …:
data/speakers_role_nouns.tsv and speakers_nations.tsv), a person whose descriptors add a qualifier
the nominal lacks ("deputy", "former") only as a last resort; when no person matches before the
nominal and none is named before it at all (a lead-in: "…, the shadow chancellor said. Oliver
Letwin said …"), or only one whose role is merely akin ("the chairman" after "party leader X"), →
the person the next sentence introduces as the subject of its main verb (a full or titled name not
mentioned before, with no role outside the nominal's group); else the latest of the last three
person subjects whose descriptors name no other country and no other role ("the Russian minister"
is not the customs spokesman).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import bisect
import re

from spacy.tokens import Token

from newsdesk import lexicon
from newsdesk.extract.types import Mention

if TYPE_CHECKING:
    from newsdesk.extract.speakers.resolver import Resolver


HONORIFICS = lexicon.words("speakers_honorifics")


def _role_groups() -> list[frozenset[str]]:
    """The groups of interchangeable role nouns, in file order."""
    groups: dict[str, set[str]] = {}
    for word, group in lexicon.rows("speakers_role_nouns"):
        if group:
            groups.setdefault(group, set()).add(word)
    return [frozenset(g) for g in groups.values()]


_ROLE_GROUPS = _role_groups()

ROLE_WORDS = frozenset(row[0] for row in lexicon.rows("speakers_role_nouns"))

NATION = lexicon.mapping("speakers_nations")

_QUALIFIERS = lexicon.words("speakers_qualifiers")

_STOP_NOMINAL = lexicon.words("speakers_nominal_stop_words")

_POSSESSIVE = re.compile(r"[’']s?$")


def descriptor_words(text: str) -> set[str]:
    """Lower-case words of ``text`` without punctuation or possessive ending ("Russia’s" → "russia")."""
    out = set()
    for w in text.replace("-", " ").split():
        w = _POSSESSIVE.sub("", w.strip(",.’'\"()")).lower()
        if w:
            out.add(w)
    return out


def premodifier_words(r: Resolver, m: Mention) -> set[str]:
    """Words right before a person's name in its noun phrase ("Chinese President" Xi Jinping)."""
    span = r.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    out: set[str] = set()
    i = span.start - 1
    steps = 0
    while i >= 0 and steps < 5 and r.doc[i].tag_ in ("NNP", "NN", "JJ", "NNPS", "NNS", "HYPH"):
        if r.mention_of_token(r.doc[i], label="PERSON") is not None:
            break
        out.update(descriptor_words(r.doc[i].text))
        i -= 1
        steps += 1
    for tok in span:  # titles inside the span ("President Xi Jinping")
        if tok.lower_ in ROLE_WORDS:
            out.add(tok.lower_)
    return out


def apposition_words(r: Resolver, m: Mention) -> set[str]:
    """Words of an apposition after the name ("Wang Yi, [the Chinese foreign minister],")."""
    head = r.head_token(m)
    if head is None:
        return set()
    out: set[str] = set()
    for child in head.children:
        if child.dep_ == "appos":
            lo, hi = child.left_edge.i, child.i + 1
            for t in r.doc[lo:hi]:
                out.update(descriptor_words(t.text))
    if head.dep_ == "appos" and head.head.i < head.i:  # "Russia's deputy minister, [Dmitry Orlov],"
        noun = head.head
        if r.mention_of_token(noun) is None:
            for t in r.doc[noun.left_edge.i:noun.i + 1]:
                out.update(descriptor_words(t.text))
    return out


def nominal_person(r: Resolver, words: list[Token], head: Token) -> Mention | None:
    """The person whose descriptors match a definite nominal ("the Russian leader")."""
    want = []
    for t in words:
        w = t.lower_
        if w in _STOP_NOMINAL or t.is_punct:
            continue
        want.append(w)
    if not want:
        return None
    written = {w.lower_ for w in words}
    best: Mention | None = None
    best_pos = -1
    qualified: Mention | None = None  # a match whose descriptors add "deputy", "former" …
    qualified_pos = -1
    best_exact = False
    for eid, desc in r.people.items():
        keys = {NATION.get(w, w) for w in desc}
        ok = True
        for w in want:
            if w in ROLE_WORDS:
                group = next((g for g in _ROLE_GROUPS if w in g), {w})
                if not (keys & group):
                    ok = False
                    break
            elif NATION.get(w, w) not in keys:
                ok = False
                break
        if not ok:
            continue
        last = r.last_mention_of(eid, head.idx)
        if last is None:
            continue
        if (desc & _QUALIFIERS) - written:
            # "the governor" is rather the governor than the deputy governor, "the minister"
            # rather the minister than a former one; qualified matches are a last resort
            if last.start_char > qualified_pos:
                qualified, qualified_pos = last, last.start_char
        elif last.start_char > best_pos:
            best, best_pos = last, last.start_char
            best_exact = all(w in desc for w in want if w in ROLE_WORDS)
    if head.lower_ not in r.anonymous and (best is not None and not best_exact
                                              or best is None and not r.person_before(head.idx)):
        # a role only akin to an earlier person's ("the chairman" after "party leader X"), or
        # one before any person is named, is the person the next sentence introduces
        roles = {w for w in want if w in ROLE_WORDS}
        group = set().union(*(next((g for g in _ROLE_GROUPS if w in g), {w}) for w in roles)) if roles else set()
        named = named_next(r, head, group)
        if named is not None:
            return named
    if best is None and head.lower_ not in r.anonymous:
        # "the US president" when no descriptor says so: the latest person subject/speaker
        # (of the last three) whose descriptors name no other country and no other role
        # ("the Russian minister" is not the customs spokesman); "the adviser" after "an
        # energy adviser" said … stays anonymous
        nations = {NATION[w] for w in want if w in NATION}
        roles = {w for w in want if w in ROLE_WORDS}
        group = set().union(*(next((g for g in _ROLE_GROUPS if w in g), {w}) for w in roles)) if roles else set()
        k = bisect.bisect_left(r.recent_people, head.idx, key=lambda x: x[0]) - 1
        fallback: Mention | None = None
        for _, m in reversed(r.recent_people[max(0, k - 2):k + 1]):
            desc = r.people.get(m.entity_id, set())
            keys = {NATION[w] for w in desc if w in NATION}
            has_roles = desc & ROLE_WORDS
            if (not keys or not nations or keys & nations) and (not group or not has_roles or has_roles & group):
                if not (desc & _QUALIFIERS) - written:
                    return m
                fallback = fallback or m
        return qualified or fallback
    return best


def named_next(r: Resolver, head: Token, group: set[str]) -> Mention | None:
    """A lead-in role nominal that no earlier person matches names the person the next
    sentence introduces as its subject ("…, the shadow chancellor said. [Oliver Letwin] said
    …", "The new health minister says … [Dr Ann Lowe], on her first day, admitted …"): the
    first person mention there (two words or more, outside quotes) that is the subject of the
    sentence's main verb, not mentioned before the nominal, and whose known roles, if any,
    share the nominal's role group."""
    doc = r.doc
    end = head.sent.end
    nxt = None
    while end < len(doc):
        cand = doc[end].sent
        if any(t.is_alpha for t in cand):
            nxt = cand
            break
        end = cand.end
    if nxt is None:
        return None
    k = bisect.bisect_left(r.starts, nxt.start_char)
    while k < len(r.mentions) and r.mentions[k].start_char < nxt.end_char:
        m = r.mentions[k]
        k += 1
        if m.label != "PERSON" or r.in_quote(m.start_char) or (
                len(m.text.split()) < 2 and not m.title
                and not (m.start_char > 0 and r.mention_start_token(m).i > 0
                         and doc[r.mention_start_token(m).i - 1].lower_.rstrip(".") in HONORIFICS)):
            continue  # a full name or a titled one ("Lord Falconer"), not a bare surname
        t = r.head_token(m)
        if t is None or t.dep_ not in ("nsubj", "nsubjpass") or t.head.i != nxt.root.i:
            continue
        if r.last_mention_of(m.entity_id, head.idx) is not None:
            return None
        roles = r.people.get(m.entity_id, set()) & ROLE_WORDS
        if roles and group and not roles & group:
            return None
        return m
    return None
