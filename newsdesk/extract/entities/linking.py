"""Within-document linking: short forms to the full name the same document writes.

People: a short PERSON form links to the longest full name written in the document that contains
it (last token for Western names, first token for family-name-first names such as "Xi Jinping"; a
given name alone only as a last resort and never after a title; ambiguous forms go to the nearest
preceding full name). After "Mr"/"Ms"/"Dr" one word is a family name: it links to the full name
ending in it, else to the one starting with it ("Mr Lim" -> "Lim Wei Ming", "Mr Wen" -> "Wen
Haibo"), with no surname list. Spans that coordinate known people ("Xi & Putin Hail" ORG) split.

Organisations: a one-word short form links to a longer ORG name of the same document when exactly
one fits: "the X" for the head of "X of Y" or the last word ("the Bank" -> Bank of England, "the
Commission" -> European Commission, "the Fund" -> International Monetary Fund); a proper word
starting a name that ends in a legal/generic form, or a trade in a two-word name ("Brookings" ->
Brookings Institution, "Huadong" GPE -> Huadong Energy Group, "Meridian" -> Meridian
Semiconductor; never "Barclays" -> Barclays Capital). Names outside the alias table take the
spelling most used in the document.

Events: "the Olympics", "the Winter Olympics" and "the 2022 Winter Olympics" in one document are one
entity, named by the longest form the document writes (``link_event_short_forms``).

Limits: linking is within one document only (plus the well-known people of the alias table); no
coreference of pronouns or descriptions (the quotes extractor uses the roles for that); ORG short
forms link only when one full name fits (Bank of England and World Bank in one document leave
"the Bank" alone), and a company prefix can name a subsidiary in the same text ("Mitsubishi" ->
Mitsubishi Motors); "Mr James" links to a full name ending or starting with "James" even when
another James is meant; rare case variants of names outside the alias table may name different
entities across documents. Cost: quadratic in the number of distinct full names only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from newsdesk import lexicon
from newsdesk.extract.entities.docview import DocView, char_span
from newsdesk.extract.entities.names import ALIASES, FAMILY_FIRST_SURNAMES, WS_RE, is_cap_word, is_name_word
from newsdesk.extract.entities.spans import Cand


@dataclass(slots=True)
class _FullName:
    words: tuple[str, ...]  # case-folded
    written: str
    start_char: int


def _name_words(text: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in WS_RE.sub(" ", text).strip().split(" "))


def _is_full_name(text: str) -> bool:
    words = WS_RE.sub(" ", text).strip().split(" ")
    return 2 <= len(words) <= 5 and all(is_name_word(w) for w in words) and "&" not in text


def _is_subseq(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


class PersonLinker:
    """Links short PERSON forms to full names written in the same document."""

    def __init__(self, cands: list[Cand], body: str) -> None:
        self.full: list[_FullName] = []
        for c in cands:
            if c.label == "PERSON":
                text = body[c.start_char : c.end_char]
                if _is_full_name(text):
                    self.full.append(_FullName(_name_words(text), WS_RE.sub(" ", text), c.start_char))
        # Cluster: a full name that is a sub-sequence of a longer one with the same first and last
        # word is the same person ("Vladimir Putin" < "Vladimir Vladimirovich Putin").
        self.canonical: dict[tuple[str, ...], str] = {}
        by_len = sorted({f.words for f in self.full}, key=len, reverse=True)
        written: dict[tuple[str, ...], str] = {}
        for f in self.full:  # prefer a spelling that is not all capitals, then the first seen
            if f.words not in written or (written[f.words].isupper() and not f.written.isupper()):
                written[f.words] = f.written
        for words in by_len:
            target = words
            for longer in by_len:
                if len(longer) <= len(words):
                    break
                if longer[0] == words[0] and longer[-1] == words[-1] and _is_subseq(words, longer):
                    target = longer
                    break
            self.canonical[words] = self.canonical.get(target, written[target])
        self.first_words = {f.words[0] for f in self.full}  # family names written first, after "Mr"
        self.short_forms: set[str] = set()
        for f in self.full:
            self.short_forms.add(f.words[-1])
            if f.words[0] in FAMILY_FIRST_SURNAMES:
                self.short_forms.add(f.words[0])

    def link(self, text: str, at: int, titled: bool = False, family: bool = False) -> str | None:
        """Canonical full name for a (short) PERSON name at char ``at``, or None.

        A Western given name alone links to a full name only as a last resort, and never when a
        title precedes it ("Prince Charles" is not "Charles Kennedy"). After a family-name
        honorific (``family``: "Mr", "Ms", "Dr"...) one word is a family name: it links to a full
        name that ends with it, else to one that starts with it ("Mr Lim" -> "Lim Wei Ming"),
        whatever the surname."""
        words = _name_words(text)
        if not words or not self.full:
            return None
        if len(words) >= 2 and words in self.canonical:
            return self.canonical[words]
        tier1, tier2 = [], []
        if family and len(words) == 1:
            w = words[0]
            tier1 = [f for f in self.full if len(f.words) > 1 and f.words[-1] == w]
            if not tier1:
                tier1 = [f for f in self.full if len(f.words) > 1 and f.words[0] == w]
        for f in (self.full if not tier1 else ()):
            if len(f.words) <= len(words) or not _is_subseq(words, f.words):
                continue
            if words[-1] == f.words[-1] or (words[0] == f.words[0] and f.words[0] in FAMILY_FIRST_SURNAMES):
                tier1.append(f)
            elif words[0] == f.words[0] and not titled:
                tier2.append(f)
        pool = tier1 or tier2
        if not pool:
            return None
        names = {self.canonical[f.words] for f in pool}
        if len(names) == 1:
            return names.pop()
        before = [f for f in pool if f.start_char < at]
        nearest = max(before, key=lambda f: f.start_char) if before else min(pool, key=lambda f: f.start_char)
        return self.canonical[nearest.words]


def split_name_coordinations(doc: "DocView", cands: list[Cand], linker: PersonLinker) -> list[Cand]:
    """Split non-PERSON spans that coordinate known people ("Xi & Putin Hail" tagged ORG).

    Applies only when every conjunct starts with a surname of a person named in full in the
    document; each conjunct then yields a PERSON mention of that one word.
    """
    out: list[Cand] = []
    texts = doc.texts
    for c in cands:
        if c.label == "PERSON" or ("&" not in texts[c.start : c.end] and "and" not in texts[c.start : c.end]):
            out.append(c)
            continue
        pieces, s = [], c.start
        for k in range(c.start, c.end):
            if texts[k] in ("&", "and"):
                pieces.append((s, k))
                s = k + 1
        pieces.append((s, c.end))
        if all(b > a and texts[a].casefold() in linker.short_forms for a, b in pieces):
            for a, _ in pieces:
                out.append(Cand(a, a + 1, *char_span(doc, a, a + 1), label="PERSON", ent_start=a))
        else:
            out.append(c)
    return out


# Last words of organisation names whose first word alone names the organisation: legal and
# generic forms ("Brookings" for "Brookings Institution", "Huadong" for "Huadong Energy Group"),
# and, in two-word names only, the trade ("Meridian Semiconductor", "Delta Airlines"); a word
# that names a subsidiary ("Barclays Capital", "Sony Pictures Entertainment") is not listed.
ORG_TYPE_WORDS = frozenset(w for w, kind in lexicon.rows("entities_org_form_words") if kind == "type")
_ORG_TRADE_WORDS = frozenset(w for w, kind in lexicon.rows("entities_org_form_words") if kind == "trade")
ORG_FORM_WORDS = ORG_TYPE_WORDS | _ORG_TRADE_WORDS
_ORG_NAME_FUNCTION_WORDS = lexicon.words("entities_org_name_function_words")  # "Bank of England"
_ORG_SHORT_LABELS = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "PERSON"})


def link_org_short_forms(doc: "DocView", cands: list[Cand]) -> None:
    """Link a one-word short form of an organisation to its full name in the same document.

    - "the X" tagged ORG, where X is the head of exactly one longer ORG name in the document:
      its first word before "of" ("the Bank" -> Bank of England) or its last word ("the
      Commission" -> European Commission, "the Fund" -> International Monetary Fund);
    - a capitalised word (not all capitals, not in the alias table, not linked to a person) that
      starts exactly one ORG name ending in an organisation-type word ("Brookings" ->
      Brookings Institution, "Huadong" GPE -> Huadong Energy Group ORG).
    Two candidate full names (Bank of England and World Bank) leave the short form alone. A
    short form of an all-capital name (a wire headline: "ACME CORP <ACME.O> TO BUY ...") becomes
    an ORG but keeps its own spelling as the name ("Acme", not "ACME CORP").
    """
    texts = doc.texts
    fulls = [
        c for c in cands
        if c.label == "ORG" and c.end - c.start >= 2 and all(
            is_cap_word(t) or t in _ORG_NAME_FUNCTION_WORDS for t in texts[c.start : c.end]
        )
    ]
    if not fulls:
        return
    lowers = doc.lowers
    words_of = [(lowers[f.start], lowers[f.start + 1], lowers[f.end - 1], f.end - f.start, f.name) for f in fulls]
    for c in cands:
        if c.end - c.start != 1 or c.label not in _ORG_SHORT_LABELS or c.key in ALIASES:
            continue
        word = doc.texts[c.start]
        if word.isupper() or not word[:1].isupper() or not word.isalpha():
            continue
        if c.label == "PERSON" and (c.title is not None or c.name != word):
            continue
        w = lowers[c.start]
        the = c.start > 0 and lowers[c.start - 1] == "the" and c.label == "ORG"
        targets = set()
        for first, second, last, n, name in words_of:
            if the and ((first == w and second == "of" and n >= 3) or last == w):
                targets.add(name)
            elif first == w and (last in ORG_TYPE_WORDS or (n == 2 and last in _ORG_TRADE_WORDS)):
                targets.add(name)
        if len(targets) == 1:
            target = targets.pop()
            c.name = word if target.isupper() else target
            c.label = "ORG"


def unify_spellings(cands: list[Cand]) -> None:
    """Names outside the alias table: one spelling per (label, key) in the document, the most used."""
    spellings: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cands:
        if c.label != "PERSON" and c.key not in ALIASES:
            spellings[(c.label, c.key)][c.name] += 1
    for c in cands:
        if c.label != "PERSON" and c.key not in ALIASES:
            c.name = spellings[(c.label, c.key)].most_common(1)[0][0]


def link_event_short_forms(cands: list[Cand]) -> None:
    """One entity for the forms of one event in a document: a name whose words end exactly one
    longest EVENT name of the document takes that name ("the Olympics" and "the Winter Olympics" →
    2022 Winter Olympics, when the document writes it so). Two longest names ("2018 Winter Olympics"
    and "2022 Winter Olympics", "Winter Olympics" and "Summer Olympics") leave the short form alone."""
    names = {c.name for c in cands if c.label == "EVENT" and c.name}
    words = {n: tuple(n.casefold().split()) for n in names}

    def longer(n: str) -> set[str]:
        w = words[n]
        return {m for m in names if len(words[m]) > len(w) and words[m][-len(w):] == w}

    for c in cands:
        if c.label == "EVENT" and c.name in names:
            tops = [m for m in longer(c.name) if not longer(m)]
            if len(tops) == 1:
                c.name = tops[0]
