"""Titles and honorifics before a person's name: the table ``newsdesk/data/person_titles.tsv``
and matching it over a document's tokens.

Titles at the front of PERSON spans move to ``Mention.title`` ("President Xi Jinping" -> "Xi
Jinping", title "President"); a title just before the span ("Mr Putin") is recorded too.
Multi-word titles match longest first ("Prime Minister" before "Minister"); dots are ignored ("Dr."
= "Dr"). Honorifics are forms of address, not roles ("Mr Putin" has no role); after a family-name
honorific ("Mr", "Ms", "Dr") the next name word is a family name ("Mr Lim" -> "Lim Wei Ming").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsdesk import lexicon
from newsdesk.extract.entities.docview import DocView, is_punct
from newsdesk.extract.entities.names import NAME_PARTICLES

if TYPE_CHECKING:  # annotations only: spans imports this module
    from newsdesk.extract.entities.spans import Cand


def title_words(phrase: str) -> tuple[str, ...]:
    """Word sequence of a title as spaCy tokenizes it ("Secretary-General" -> secretary, -, general)."""
    return tuple(re.findall(r"[^\s\-]+|-", phrase.casefold().replace(".", "")))


def _load_titles() -> tuple[dict[tuple[str, ...], bool], frozenset[str], frozenset[tuple[str, ...]]]:
    """(title word sequence -> is_honorific, role nouns, family-name honorifics) from person_titles.tsv."""
    titles: dict[tuple[str, ...], bool] = {}
    roles: set[str] = set()
    family: set[tuple[str, ...]] = set()
    for title, kind, after in lexicon.rows("person_titles"):
        if kind == "role":
            roles.add(title.casefold())
        else:
            titles[title_words(title)] = kind == "honorific"
            if after == "family":
                family.add(title_words(title))
    return titles, frozenset(roles), frozenset(family)


TITLES, ROLE_NOUNS, FAMILY_HONORIFICS = _load_titles()

TITLE_MAX_LEN = max(len(t) for t in TITLES)
_TITLE_FIRST_WORDS = frozenset(t[0] for t in TITLES)
_TITLE_LAST_WORDS = frozenset(t[-1] for t in TITLES)
HONORIFIC_FIRST_WORDS = frozenset(t[0] for t, honorific in TITLES.items() if honorific)
TITLE_WORDS = frozenset(w for t in TITLES for w in t if w != "-")

# Last words of non-honorific titles ("minister", "president", "secretary"): they can head a role.
TITLE_HEADS = frozenset(t[-1] for t, honorific in TITLES.items() if not honorific)


def _match_title(doc: "DocView", i: int, end: int) -> int:
    """Length (tokens) of the longest title phrase starting at token i and ending before ``end``."""
    norms = doc.norms
    if i >= end or norms[i] not in _TITLE_FIRST_WORDS:
        return 0
    for n in range(min(TITLE_MAX_LEN, end - i), 0, -1):
        if tuple(norms[i : i + n]) in TITLES:
            return n
    return 0


def title_ending_at(doc: "DocView", end: int, lo: int) -> int:
    """Start token of the longest title phrase that ends right before token ``end`` (or -1)."""
    norms = doc.norms
    if end <= lo or norms[end - 1] not in _TITLE_LAST_WORDS:
        return -1
    for n in range(min(TITLE_MAX_LEN, end - lo), 0, -1):
        if tuple(norms[end - n : end]) in TITLES:
            return end - n
    return -1


def honorific_len(doc: "DocView", i: int, end: int) -> int:
    """Tokens of an honorific ("Mr", "Ms.", "Dr") written as a word at token i, else 0.

    Only capitalised, not all-capitals forms count ("DR Congo" is no doctor)."""
    if i >= end or doc.texts[i].lower().replace(".", "") not in HONORIFIC_FIRST_WORDS:
        return 0
    n = _match_title(doc, i, end)
    if not n or not TITLES.get(tuple(doc.norms[i : i + n]), False):
        return 0
    first = doc.texts[i]
    return n if first[:1].isupper() and not first.isupper() else 0


def family_title_before(doc: "DocView", i: int) -> bool:
    """A family-name honorific ("Mr", "Ms.", "Dr") written right before token i."""
    for n in (1, 2):  # "Mr" or "Mr ."
        j = i - n
        if j >= 0 and tuple(w for w in doc.norms[j:i] if w) in FAMILY_HONORIFICS and doc.texts[j][:1].isupper():
            return True
    return False


def strip_person_title(doc: "DocView", cand: Cand) -> None:
    """Move a title prefix out of a PERSON span ("Chinese President Xi Jinping" -> "Xi Jinping").

    A title phrase among the first five tokens that leaves at least one token after it ends the
    prefix; without a title, only leading lower-case words ("ex-", "former") are dropped. A title
    written right before the span ("Mr Putin" with span "Putin") is recorded as well.
    """
    start, end = cand.start, cand.end
    best, i = None, start
    while i < end - 1 and i - start <= 4:
        n = _match_title(doc, i, end)
        if n and i + n < end:
            best = (i, i + n)
            i += n
            continue
        i += 1
    title = None
    if best:
        title = doc.span_text(best[0], best[1])
        cand.title_start = best[0]
        cand.start = best[1]
    else:
        while cand.start < end - 1 and (
            (doc[cand.start].text[:1].islower() and doc[cand.start].text not in NAME_PARTICLES)
            or is_punct(doc[cand.start])
        ):
            cand.start += 1
    if title is None and cand.start > 0:
        j = title_ending_at(doc, cand.start, max(0, cand.start - TITLE_MAX_LEN))
        if j >= 0:
            title = doc.span_text(j, cand.start)
            cand.title_start = j
    cand.title = title
