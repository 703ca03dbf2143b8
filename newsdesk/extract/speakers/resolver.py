"""The per-document state of speaker resolution and the order of its strategies (``Resolver``).

The state: the document's mentions sorted by offset and indexed by name, descriptor words of each
person (entity roles, titles, premodifiers, appositions), the person and organisation subjects or
speakers seen so far (in text order), the latest resolved speaker, the reported contents of person
speakers (people named in them are no antecedents of a later he/she), the span of the quote being
resolved (its own words are no antecedents), and the latest "a X spokesman" with its X. A bare
"the spokesman/spokeswoman" speaks for the organisation of the latest earlier spokesman speaker
(≤ 1500 characters back: "a UAL spokesman said … the spokesman added" → UAL).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from newsdesk import lexicon
from newsdesk.extract.quotes.spans import np_span
from newsdesk.extract.quotes.speaker import PRONOUNS_PERSON, RELATIVE, SOURCE_DOC_NOUNS, SUBJ_DEPS
from newsdesk.extract.speakers.documents import SPOKES, document_speaker
from newsdesk.extract.speakers.names import (
    CORP_SUFFIX, PERSON_TITLES, appositive_name, head_mention, name_word_mention, titled_name, unit_name,
    unlisted_name, wire_bracket_name,
)
from newsdesk.extract.speakers.organisations import ORG_DISTANCE, institution, nominal_org, org_nominal
from newsdesk.extract.speakers.joint import group_label
from newsdesk.extract.speakers.pronouns import definite_role_subjects, pronoun_speaker
from newsdesk.extract.speakers.roles import (
    ROLE_WORDS, apposition_words, descriptor_words, nominal_person, premodifier_words,
)
from newsdesk.extract.types import DocEntities, Mention
from newsdesk.ids import entity_id


_PRONOUNS_OTHER = lexicon.words("speakers_other_pronouns")

_INDEFINITE = lexicon.words("speakers_indefinite_words")

_UNIT_NOUNS = lexicon.words("speakers_unit_nouns")


class Resolver:
    """Maps a speaker head token to a mention / entity (pronouns and nominals included)."""

    def __init__(self, doc: Doc, entities: DocEntities, quoted: list[tuple[int, int]] | None = None):
        self.doc = doc
        self.quoted = [(a, b) for a, b in (quoted or []) if b - a > 20]  # quoted passages, not titles
        self.quoted_starts = [a for a, _ in self.quoted]
        self.mentions = sorted(entities.mentions, key=lambda m: m.start_char)
        self.starts = [m.start_char for m in self.mentions]
        self.people: dict[str, set[str]] = {}  # entity_id → descriptor words
        self.by_id: dict[str, Mention] = {}
        self.recent_people: list[tuple[int, Mention]] = []  # (char pos, mention) of subjects/speakers
        self.anonymous: set[str] = set()  # head nouns of indefinite speakers ("an energy adviser")
        self.by_name: dict[tuple[str, str | None], Mention] = {}  # (name, label | None) → first mention
        for m in self.mentions:
            self.by_id.setdefault(m.entity_id, m)
            self.by_name.setdefault((m.name, m.label), m)
            self.by_name.setdefault((m.name, None), m)
        for role in entities.roles:
            self.people.setdefault(role.entity_id, set()).update(descriptor_words(role.role))
        self.recent_orgs: list[tuple[int, Mention]] = []  # organisations as subjects/speakers
        for m in self.mentions:
            if m.label == "ORG":
                head = self.head_token(m)
                if head is not None and not self.in_quote(m.start_char) and (
                        head.dep_ in SUBJ_DEPS or (head.dep_ in ("appos", "poss", "compound")
                                                    and head.head.dep_ in SUBJ_DEPS)):
                    self.recent_orgs.append((m.start_char, m))
            if m.label != "PERSON":
                continue
            words = self.people.setdefault(m.entity_id, set())
            if m.title:
                words.update(descriptor_words(m.title))
            words.update(premodifier_words(self, m))
            words.update(apposition_words(self, m))
            head = self.head_token(m)
            if head is not None and (head.dep_ in SUBJ_DEPS or (head.dep_ == "appos" and head.head.dep_ in SUBJ_DEPS)) \
                    and not self.in_quote(m.start_char):
                self.recent_people.append((m.start_char, m))
        self.recent_people.sort(key=lambda x: x[0])
        self.nominal_subjects = definite_role_subjects(self)
        self.nominal_starts = [t.idx for t in self.nominal_subjects]
        self.last_speaker: tuple[int, Mention] | None = None  # latest resolved speaker (text order)
        # reported content of a person speaker, in text order: people named in it ("Hodgson revealed
        # that [Barkley had taken the kicks]") are no antecedents of a later he/she
        self.content_spans: list[tuple[int, int]] = []
        self.speaker_pos: set[int] = set()
        self.current: tuple[int, int] = (0, 0)  # span of the quote being resolved: its own words are no antecedents
        self.org_count: dict[str, int] | None = None  # ORG entity → mentions, on first need
        self.doc_nouns: dict[str, list[int]] | None = None  # "statement" → token indices, on first need
        self.source_depth = 0
        self.last_spokes: tuple[int, Mention] | None = None  # latest "a X spokesman" and its X
        self.last_joint: tuple[int, tuple] | None = None  # latest joint speaker's position and parties ("they")

    def mention_start_token(self, m: Mention) -> Token:
        return self.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")[0]

    def head_token(self, m: Mention) -> Token | None:
        span = self.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def in_quote(self, pos: int) -> bool:
        """True when ``pos`` lies inside a quoted passage (its people are not antecedents)."""
        k = bisect.bisect_right(self.quoted_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] < pos < self.quoted[k][1]

    def named(self, a: int, b: int, name: str, label: str, any_label: bool = False) -> Mention:
        """The document's first mention called ``name`` (with ``label`` unless ``any_label``), else a
        synthetic ``label`` mention of the text at ``a:b`` under that name — for names the NER missed
        or cut ("[Johnny] Depp", "<Acme Corp>", "China’s Foreign Ministry")."""
        m = self.by_name.get((name, None if any_label else label))
        if m is not None:
            return m
        return Mention(a, b, 0, self.doc.text[a:b], label, name, entity_id(label, name))

    def mention_of_token(self, tok: Token, label: str | None = None) -> Mention | None:
        """The mention whose span contains ``tok`` (optionally with ``label``)."""
        k = bisect.bisect_right(self.starts, tok.idx) - 1
        while k >= 0 and k >= bisect.bisect_right(self.starts, tok.idx) - 3:
            m = self.mentions[k]
            if m.start_char <= tok.idx < m.end_char and (label is None or m.label == label):
                return m
            k -= 1
        return None

    def note_speaker(self, pos: int, m: Mention, head: Token | None = None) -> None:
        """Record a resolved PERSON speaker so later pronouns can point to it (also a name the
        NER labelled otherwise when it stands in apposition to a person's role: "the minister,
        Dmitry Orlov,")."""
        if m.label == "PERSON" or (head is not None and head.lower_ in ROLE_WORDS):
            bisect.insort(self.recent_people, (pos, m), key=lambda x: x[0])
        elif m.label == "ORG":
            bisect.insort(self.recent_orgs, (pos, m), key=lambda x: x[0])
            if self.org_count is not None:
                self.org_count[m.entity_id] = self.org_count.get(m.entity_id, 0) + 2
        self.last_speaker = (pos, m)
        self.speaker_pos.add(pos)

    def note_content(self, a: int, b: int) -> None:
        """Record the reported content [a, b) of a quote whose speaker is a person."""
        if self.content_spans and self.content_spans[-1][1] >= a and self.content_spans[-1][0] <= a:
            a = self.content_spans[-1][0]
            b = max(b, self.content_spans[-1][1])
            self.content_spans[-1] = (a, b)
        else:
            bisect.insort(self.content_spans, (a, b))

    def in_current(self, pos: int) -> bool:
        """True when ``pos`` lies inside the quote being resolved ("Mr Blair has failed, he
        claimed" → he is not Mr Blair)."""
        return self.current[0] <= pos < self.current[1]

    def in_content(self, pos: int, at: int | None = None) -> bool:
        """True when ``pos`` lies inside the reported content of a person speaker (and ``at``,
        when given, does not lie in that same content: "Flynn said Trump was right when he said
        …" → he is Trump)."""
        k = bisect.bisect_right(self.content_spans, (pos, float("inf"))) - 1
        if k < 0 or not self.content_spans[k][0] <= pos < self.content_spans[k][1]:
            return False
        return at is None or not self.content_spans[k][0] <= at < self.content_spans[k][1]

    def resolve(self, head: Token, lo: int, hi: int) -> Mention | None:
        """Entity mention for the speaker whose head is ``head`` (span tokens [lo, hi)): the
        strategies of the topic modules, in this order; the first that applies decides."""
        if head.lower_ in ROLE_WORDS or head.lower_ in PERSON_TITLES:
            m = titled_name(self, head)  # "The Shadow Secretary of State, Theresa May, said"
            if m is not None:
                return m
        m = wire_bracket_name(self, head)
        if m is not None:  # "<Acme Holdings Corp> said", "Acme AG <ACME.F> said"
            return m
        m = head_mention(self, head, lo, hi) or appositive_name(self, head)
        if m is not None:
            return m
        low = head.lower_
        if low in _UNIT_NOUNS and head.tag_ == "NN":
            named = unit_name(self, head, lo)  # "Dow Chemical Co's Merrell Dow Pharmaceuticals Inc unit said"
            if named is not None:
                return named
        if low in SPOKES and lo < hi and self.doc[lo].lower_ == "the" and hi - lo == 2 and self.last_spokes is not None \
                and 0 <= head.idx - self.last_spokes[0] <= ORG_DISTANCE:
            return self.last_spokes[1]  # "a UAL spokesman said … the spokesman added" → UAL
        if low in SOURCE_DOC_NOUNS:  # "a Kremlin readout", "Trump’s tweet" → the Kremlin, Trump
            return document_speaker(self, head, lo, hi)
        if low in RELATIVE and head.head.dep_ == "relcl" and head.head.head.i != head.i:
            ant = head.head.head  # "Li Qiang, …, who said" → Li Qiang
            return self.resolve(ant, *np_span(ant)) if ant.lower_ not in RELATIVE else None
        m = name_word_mention(self, head)
        if m is not None:
            return m
        if low in PRONOUNS_PERSON or low in _PRONOUNS_OTHER:
            return pronoun_speaker(self, head)
        words = [t for t in self.doc[lo:hi]]
        if words and words[0].lower_ in _INDEFINITE:
            self.anonymous.add(low)
            return None  # indefinite: an anonymous source
        if low in ROLE_WORDS:
            return nominal_person(self, words, head)
        if group_label(words, head) is not None:  # "both leaders" whose two are not found: not one of them
            return None
        for t in words:  # "the Chinese Foreign Ministry" partly tagged, "Xi's office"
            mm = self.mention_of_token(t)
            if mm is not None and mm.label in ("ORG", "PERSON") and t.i == head.i:
                return mm
        return ((None if low in CORP_SUFFIX else nominal_org(self, low, head.idx)) or institution(self, words, head)
                or org_nominal(self, words, head) or unlisted_name(self, head))

    def person_before(self, pos: int) -> bool:
        """Is a person named (outside quotes) before ``pos``?"""
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0:
            if self.mentions[k].label == "PERSON" and not self.in_quote(self.mentions[k].start_char):
                return True
            k -= 1
        return False

    def by_name_word(self, word: str, pos: int) -> Mention | None:
        """The latest PERSON/ORG mention whose canonical name contains ``word`` as a word."""
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0:
            m = self.mentions[k]
            if m.label in ("PERSON", "ORG") and word in m.name.split():
                return m
            k -= 1
        return None

    def next_by_name_word(self, word: str, pos: int) -> Mention | None:
        """The first PERSON/ORG mention after ``pos`` (≤ ``ORG_DISTANCE`` characters) whose
        canonical name contains ``word`` as a word."""
        k = bisect.bisect_right(self.starts, pos)
        while k < len(self.mentions) and self.mentions[k].start_char - pos <= ORG_DISTANCE:
            m = self.mentions[k]
            if m.label in ("PERSON", "ORG") and word in m.name.split():
                return m
            k += 1
        return None

    def last_mention_of(self, eid: str, pos: int) -> Mention | None:
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0:
            if self.mentions[k].entity_id == eid:
                return self.mentions[k]
            k -= 1
        return None
