"""Recall: mentions the model did not tag.

- alias-table names and nationality adjectives ("Kyiv", "BEIJING", "French"), as whole runs of
  proper nouns (a known word inside a longer name is never picked out: "Jordan Peterson");
- full names the model tagged elsewhere in the document, and surnames of such full names ("Putin’s“firm"
  too), and, after "Mr"/"Ms", first words of family-name-first full names ("Mr Lim").
"""

from __future__ import annotations

import re
from collections import defaultdict

from newsdesk.extract.entities.docview import DocView, PROPER_TAGS, TokenView, char_span
from newsdesk.extract.entities.linking import PersonLinker
from newsdesk.extract.entities.names import ALIASES, NAME_PARTICLES, norm_key
from newsdesk.extract.entities.spans import Cand
from newsdesk.extract.entities.titles import (
    TITLE_MAX_LEN, family_title_before, strip_person_title, title_ending_at,
)

# A capitalised word glued to a possessive and more text ("Putin’s“firm"): the name part.
_GLUED_POSSESSIVE_RE = re.compile(r"^([A-Z][A-Za-z\-]+)['\u2019]s\W")

_ALIAS_MAX_WORDS = 4


def recover_alias_hits(doc: "DocView", cands: list[Cand], tv: "TokenView", person_words: set[str]) -> list[Cand]:
    """Mentions for alias-table names the model did not tag ("Kyiv", "Xi Jinping").

    Only whole runs of proper-noun tokens (NNP/NNPS) that are exactly an alias, so a known word
    inside a longer name ("Washington Post" is its own alias; "Jordan Peterson" is not a country)
    is never picked out, nor a word of a person's name in the document. Up to four words;
    all-capitals forms count too (datelines such as "BEIJING -", "NATO").
    """
    covered = tv.covered(cands)
    extra: list[Cand] = []
    texts, tags = tv.texts, tv.tags
    n = len(texts)
    nxt = 0  # first token not yet consumed by a run
    for i in tv.capitalised:
        if i < nxt or covered[i]:
            continue
        if tags[i] not in PROPER_TAGS:
            # a nationality adjective the model left untagged ("French officials")
            hit = ALIASES.get(norm_key(texts[i])) if tags[i] == "JJ" else None
            if hit and hit[1] == "NORP":
                extra.append(Cand(i, i + 1, *char_span(doc, i, i + 1), label="NORP", ent_start=i))
            continue
        j = i
        while j < n and not covered[j] and tags[j] in PROPER_TAGS:
            j += 1
        if j - i <= _ALIAS_MAX_WORDS:
            hit = ALIASES.get(norm_key(doc.span_text(i, j)))
            # a word of a person's name in this document is that person ("Michael Jordan ... Jordan")
            if hit and j - i == 1 and hit[1] != "PERSON" and texts[i].casefold() in person_words:
                hit = None
            if hit:
                c = Cand(i, j, *char_span(doc, i, j), label=hit[1], ent_start=i)
                if hit[1] == "PERSON":
                    strip_person_title(doc, c)
                extra.append(c)
        nxt = j
    return extra


def recover_missed_persons(
    doc: "DocView", cands: list[Cand], linker: PersonLinker, tv: "TokenView"
) -> list[Cand]:
    """PERSON mentions the model missed: full names it tagged elsewhere in the document, and
    single words that are the surname of such a full name ("Putin’s“firm": the glued name too)."""
    # (Adding words the model tagged PERSON alone elsewhere was measured: more noise than names.)
    short_forms = linker.short_forms
    if not short_forms:
        return []
    covered = tv.covered(cands)
    texts, tags, lowers = tv.texts, tv.tags, tv.lowers
    n = len(texts)
    extra = []
    full_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in sorted({f.words for f in linker.full}, key=len, reverse=True):
        full_first[words[0]].append(words)
    for i in tv.capitalised:
        if covered[i]:
            continue
        # A full name written again without the model tagging it.
        done = False
        for words in full_first.get(lowers[i], ()):
            j = i + len(words)
            if j <= n and not any(covered[i:j]) and tuple(lowers[i:j]) == words and all(
                texts[k][:1].isupper() or texts[k] in NAME_PARTICLES for k in range(i, j)
            ):
                extra.append(Cand(i, j, *char_span(doc, i, j), "PERSON", ent_start=i))
                for k in range(i, j):
                    covered[k] = 1
                done = True
                break
        if done:
            continue
        # A surname alone.
        m = None
        word = texts[i]
        if tags[i] not in PROPER_TAGS:
            m = _GLUED_POSSESSIVE_RE.match(word)
            if not m:
                continue
            word = m.group(1)
        if word.isupper():
            continue
        if word.casefold() not in short_forms:
            # a family name written first, after "Mr"/"Ms" ("Mr Lim" for "Lim Wei Ming")
            if word.casefold() not in linker.first_words or i < 1 or not family_title_before(doc, i):
                continue
        alias = ALIASES.get(norm_key(word))
        if alias and alias[1] != "PERSON":
            continue
        # Not part of a longer capitalised sequence (that would be another name).
        tok = doc[i]
        title_start = title_ending_at(doc, i, max(0, i - TITLE_MAX_LEN)) if i else -1
        prev_ok = i == 0 or tags[i - 1] not in PROPER_TAGS or tok.is_sent_start or title_start >= 0
        nxt_ok = i + 1 >= n or tags[i + 1] not in PROPER_TAGS or doc[i + 1].is_sent_start or m is not None
        if not (prev_ok and nxt_ok):
            continue
        c = Cand(i, i + 1, tok.idx, tok.idx + len(word), "PERSON")
        c.title = doc.span_text(title_start, i) if title_start >= 0 else None
        c.title_start = title_start
        extra.append(c)
    return extra
