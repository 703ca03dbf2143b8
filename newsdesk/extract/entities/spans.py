"""Span repair: the candidate mentions made from the model's ``doc.ents``, cut, trimmed and
relabelled where the small model slips on news text (every mention keeps
``text == body[start_char:end_char]``).

- cuts: line breaks and spaced dashes ("CRICKET - SRI LANKA"), unbalanced brackets, scores
  ("Surrey 429-7"); in names of people and places also free-standing numbers and commas; in a
  person's name lower-case words other than particles ("Johnstone v"); spans joining two names
  with "as", "while", "than"... ("Baltics as Nato");
- trims: leading "the" (kept as "The" in titles of works), leading month/weekday names, trailing
  possessives ("Russia’s" -> "Russia"), punctuation, lower-case descriptors ("Interfax news
  agency" -> "Interfax") and post-nominals ("Guy Mansfield QC");
- hyphenated pairs of known names ("Xi-Putin", "China-Russia", "Biden-Putin") become two mentions
  with their own labels; a pair is split only when every part is a known form (alias table, or a
  name the same document uses on its own) and none is an ORG, so "Jean-Pierre", "Sino-Russian"
  and "UWP-Hachette" stay whole;
- people: titles leave PERSON spans (:mod:`.titles`); initials and a missed given name join the
  surname ("R. [Ponting]", "Sandrine [Testud]"); an honorific at or before any span makes it a
  person ("Ms Carver" ORG, "Mr Hague" GPE; not "DR Congo", a quoted title, or "Dr Reddy's");
- shape: a lone adjective tagged as a place or organisation is a nationality ("Ukrainian" GPE ->
  NORP); spans without a capital or digit are dropped ("hegemonic behaviour");
- not entities: the first words of a quotation tagged as a work ("“Tonight Europe decided"),
  capitalised rates ("Bank Rate").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from newsdesk import lexicon
from newsdesk.extract.entities.docview import DocView, char_span, is_punct_at, tnorm
from newsdesk.extract.entities.names import (
    ALIASES, ENTITY_LABEL_SET, NAME_PARTICLES, is_cap_word, is_name_word, norm_key,
)
from newsdesk.extract.entities.titles import TITLE_WORDS, honorific_len, strip_person_title


@dataclass(slots=True)
class Cand:
    """A mention under repair: token range [start, end) plus char offsets and label."""

    start: int
    end: int
    start_char: int
    end_char: int
    label: str
    title: str | None = None
    name: str = ""
    key: str = ""
    ent_start: int = -1  # first token of the model's entity (a title stripped from it lies between)
    title_start: int = -1  # first token of ``title`` (inside or right before the span), or -1


class DocContext:
    """Per-document facts gathered in one pass over ``doc.ents`` before repair."""

    def __init__(self, doc: "DocView") -> None:
        self.ents = doc.ents  # (start, end, label) of the model's entities
        self.ent_labels: dict[str, Counter] = defaultdict(Counter)  # key -> labels of standalone ents
        self.person_words: set[str] = set()  # case-folded words of PERSON ents
        texts = doc.texts
        for start, end, label in self.ents:
            if label not in ENTITY_LABEL_SET:
                continue
            ent_text = doc.span_text(start, end)
            if "-" not in ent_text:
                self.ent_labels[norm_key(ent_text)][label] += 1
            if label == "PERSON":
                for k in range(start, end):
                    if is_cap_word(texts[k]) and texts[k] != "-" and not texts[k].isspace():
                        self.person_words.add(texts[k].casefold())

    def known_label(self, text: str) -> str | None:
        """Label of a known form: alias table, then the document's own standalone entities."""
        key = norm_key(text)
        if key in ALIASES:
            return ALIASES[key][1]
        if key in self.ent_labels:
            return self.ent_labels[key].most_common(1)[0][0]
        if key in self.person_words:
            return "PERSON"
        return None


# month and weekday names, trimmed from the front of a name ("September Treasury")
_CALENDAR_WORDS = frozenset(w for w, kind in lexicon.rows("calendar_words") if kind in ("month", "weekday"))
_POST_NOMINALS = lexicon.words("entities_post_nominals")  # "Guy Mansfield QC"
_TRIM_LOWER_TAIL_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "PERSON"})


def _trim(doc: "DocView", start: int, end: int, label: str = "") -> tuple[int, int]:
    """Trim a token range: leading "the", punctuation and month/weekday names; trailing
    possessives, punctuation, post-nominals of people and lower-case descriptors; wire-copy
    angle brackets ("<Acme Corp>") and a trailing bracketed ticker ("ACME CORP <ACME.O>").

    A capitalised "The" is kept in titles of works ("The Crying Game"); a lower-case part of a
    hyphenated name ("Kang Young-hoon") is not a descriptor.
    """
    texts, tags, spaces = doc.texts, doc.tags, doc.spaces
    while start < end and (
        (texts[start].lower() == "the" and not (label == "WORK_OF_ART" and texts[start] == "The"))
        or is_punct_at(doc, start)
        or texts[start].isspace()
        or texts[start] == "<"
    ):
        start += 1
    # Wire copy marks company names and tickers with angle brackets: "<Acme Holdings Corp> said",
    # "ACME CORP <ACME.O>": the bracket (and a trailing ticker group) is no part of the name.
    if end > start and texts[end - 1] == ">":
        opener = next((j for j in range(end - 2, start - 1, -1) if texts[j] == "<"), None)
        end = opener if opener is not None and opener > start else end - 1
    # Leading month or weekday names ("September Treasury"), not in person names ("August Bebel").
    while end - start > 1 and label != "PERSON" and texts[start].lower() in _CALENDAR_WORDS:
        start += 1
    while end - start > 1 and label == "PERSON" and texts[end - 1].rstrip(".") in _POST_NOMINALS:
        end -= 1  # "Guy Mansfield QC", "Paul Boateng MP"
    while end > start:
        last = texts[end - 1]
        if not (
            tags[end - 1] == "POS"
            or last.isspace()
            or (is_punct_at(doc, end - 1) and last not in (")", "]"))
            or last in ("'s", "\u2019s", "'", "\u2019")
            # trailing descriptors: "Interfax news agency", "Kosevo stadium", "Indo-Pacific region"
            or (
                label in _TRIM_LOWER_TAIL_LABELS
                and end - start > 1
                and last.isalpha()
                and last.islower()
                and last not in NAME_PARTICLES
                and not (end - 2 >= start and texts[end - 2] == "-" and not spaces[end - 2])
            )
        ):
            break
        end -= 1
    # An unbalanced closing bracket is punctuation too.
    if end > start and texts[end - 1] in (")", "]"):
        opener = "(" if texts[end - 1] == ")" else "["
        if opener not in texts[start:end]:
            end -= 1
    return start, end


def _hyphen_parts(doc: "DocView", start: int, end: int) -> list[tuple[int, int]] | None:
    """Token ranges of "A-B(-C)" when the span is only capitalised words joined by hyphens."""
    if end - start < 3 or (end - start) % 2 == 0:
        return None
    texts, spaces = doc.texts, doc.spaces
    parts = []
    for k in range(start, end):
        if (k - start) % 2:
            if texts[k] != "-" or spaces[k] or spaces[k - 1]:
                return None
        elif not is_cap_word(texts[k]):
            return None
        else:
            parts.append((k, k + 1))
    return parts


_NUMERIC_RE = re.compile(r"^[\d.,:/\-]*\d[\d.,:/\-]*(?:st|nd|rd|th|s)?$")

# Labels whose names never contain a free-standing number ("I. Austin 4-37", "Pohang 3 Ulsan 2"
# in results tables); ORG, EVENT, PRODUCT... can ("Channel 4", "Formula 1", "Windows 10").
_NO_NUMBER_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP"})

_SCORE_RE = re.compile(r"^\+?\d+(?:[.\-:/]\d+)+$|^\+\d+$")  # 429-7, 9.5-0-44-1, 2-1, +353
_SCORE_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP", "ORG", "FAC"})
_NO_COMMA_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP", "FAC"})
_DASHES = frozenset({"-", "--", "\u2014", "\u2013"})

# Lower-case words that join clauses or two entities and never sit inside the name of an
# organisation or place: "the Baltics as Nato bolsters ..." (one ORG span "Baltics as Nato").
_CLAUSE_WORDS = lexicon.words("entities_clause_words")
_CLAUSE_CUT_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})


def _is_cut_token(doc: "DocView", i: int, start: int, end: int, label: str) -> bool:
    """Tokens a span is cut at (the token itself is dropped).

    - line breaks, and dashes with spaces on both sides ("CRICKET - SRI LANKA"), for every label;
    - brackets without their partner inside the span ("Natalya Shikolen ( Belarus");
    - scores and phone numbers ("Surrey 429-7", "Newsroom +353") except in works, events, laws;
      any free-standing number in names of people, places, nationalities ("Pohang 3 Ulsan 2");
    - commas in names of people and places ("Oval , London"; whole alias hits such as
      "Washington, D.C." are never cut);
    - lower-case clause words ("as", "while", "than"...) in names of organisations and places
      ("Baltics as Nato");
    - a possessive "'s" before a number or after a name of the alias table ("Obama’s 2008",
      "Trump’s East European …"): a name never runs over its owner's "'s" ("Dr Reddy's
      Laboratories", "People's Bank" keep theirs);
    - in a person's name: lower-case words other than particles, and brackets.
    """
    texts, spaces = doc.texts, doc.spaces
    text = texts[i]
    if text.isspace():
        return "\n" in text
    if text in _DASHES and spaces[i] and i > 0 and spaces[i - 1]:
        return True
    if text in ("(", "["):
        closer = ")" if text == "(" else "]"
        if label == "PERSON" or closer not in texts[i + 1 : end]:
            return True
    if text in (")", "]"):
        opener = "(" if text == ")" else "["
        if label == "PERSON" or opener not in texts[start:i]:
            return True
    if label in _SCORE_LABELS and _SCORE_RE.match(text):
        return True
    if label in _NO_NUMBER_LABELS and _NUMERIC_RE.match(text):
        return True
    if text == "," and label in _NO_COMMA_LABELS:
        return True
    if text in ("'s", "\u2019s") and start < i < end - 1 and (
            _NUMERIC_RE.match(texts[i + 1]) or norm_key(doc.span_text(start, i)) in ALIASES):
        return True  # "Obama’s 2008", "Trump’s East European …": a known name's possessive ends it
    if text in _CLAUSE_WORDS and label in _CLAUSE_CUT_LABELS:
        return True
    if label == "PERSON":
        if text in ("/", ";", "|"):
            return True
        if text[:1].islower() and text.isalpha() and text not in NAME_PARTICLES:
            # hyphenated names keep their lower-case parts ("Ata-ur-Rehman", "Kang Young-hoon")
            glued = (i > 0 and texts[i - 1] == "-" and not spaces[i - 1]) or (
                i + 1 < len(texts) and texts[i + 1] == "-" and not spaces[i]
            )
            return not glued
    return False


def _split_span(doc: "DocView", start: int, end: int, label: str = "") -> list[tuple[int, int]]:
    """Cut a token range at the cut tokens of ``_is_cut_token``.

    In a person's name, a cut at a word or bracket keeps only what precedes it ("Quigley ( USA",
    "Johnstone v"): the name comes first.
    """
    if norm_key(doc.span_text(start, end)) in ALIASES:
        return [(start, end)]
    texts = doc.texts
    parts, s, dash_cut = [], start, False
    for i in range(start, end):
        if _is_cut_token(doc, i, start, end, label):
            # a lone all-caps word before a spaced dash is a headline slug ("SOCCER - ...")
            text = texts[i]
            dash_cut = text in _DASHES
            if i > s and not (dash_cut and i - s == 1 and texts[s].isupper()
                              and norm_key(texts[s]) not in ALIASES):
                parts.append((s, i))
            s = i + 1
            if label == "PERSON" and not text.isspace() and not _NUMERIC_RE.match(text) \
                    and text not in _DASHES:
                return parts or [(s, end)]
    if end > s:
        parts.append((s, end))
    return parts


_DEMONYM_RE = re.compile(rf"(?:{'|'.join(map(re.escape, lexicon.ordered('entities_demonym_suffixes')))})$")


def _fix_shape_label(doc: "DocView", cand: Cand) -> None:
    """A lone adjective tagged as a place or organisation is a nationality ("Ukrainian" GPE -> NORP)."""
    text = doc.texts[cand.start]
    if (
        cand.end - cand.start == 1
        and cand.label in ("GPE", "LOC", "ORG")
        and doc.tags[cand.start] == "JJ"
        and not text.isupper()
        and _DEMONYM_RE.search(text)
    ):
        cand.label = "NORP"


def _has_capital(doc: "DocView", cand: Cand) -> bool:
    """Names have a capitalised word or a digit; "hegemonic behaviour" (tagged ORG) has neither."""
    return any(t[:1].isupper() or t[:1].isdigit() for t in doc.texts[cand.start : cand.end])


_INITIALS_RE = re.compile(r"^(?:[A-Z]\.){1,3}$")


def _extend_first_name(doc: "DocView", cand: Cand) -> None:
    """Take in a given name the model left out ("Sandrine [Testud]" -> "Sandrine Testud").

    Only for a one-word PERSON span without a title, when the word before is a capitalised
    proper noun outside any entity, not a title, and not itself preceded by a proper noun.
    """
    # Initials just before the name ("R. Ponting", "J.J. Smith"), even when the model tagged
    # the initial alone as something else.
    while (
        cand.start > 0
        and cand.title is None
        and _INITIALS_RE.match(doc[cand.start - 1].text)
        and norm_key(doc[cand.start - 1].text) not in ALIASES  # "U.S." is no initial
    ):
        cand.start -= 1
        cand.start_char = doc[cand.start].idx
    i = cand.start - 1
    if cand.end - cand.start != 1 or cand.title is not None or i < 0:
        return
    prev = doc[i]
    if (
        prev.tag_ == "NNP"
        and prev.ent_iob_ == "O"
        and prev.text[:1].isupper()
        and prev.text[1:].islower()
        and prev.text.isalpha()
        and tnorm(prev) not in TITLE_WORDS
        and norm_key(prev.text) not in ALIASES
        and (i == 0 or doc[i - 1].tag_ not in ("NNP", "NNPS") or prev.is_sent_start)
    ):
        cand.start = i
        cand.start_char = prev.idx


_HONORIFIC_RELABEL = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


def _honorific_person_start(doc: "DocView", s: int, e: int, person_words: set[str] = frozenset()) -> int:
    """For a non-PERSON span: start token of the name when an honorific leads it or stands right
    before it ("Ms Carver" tagged ORG -> 1), else -1. The name must be capitalised name words and
    even when it is also a place ("Mr Hague"); a title between quote marks ("“Mr Bean”") and a
    name with a possessive inside the model's span (the company "Dr Reddy's") are left alone,
    unless the document names a person with that word (``person_words``: "Bernard Ebbers" ...
    "Mr Ebbers' lawyers")."""
    if s > 0 and doc.texts[s - 1] in _OPEN_QUOTES and e < len(doc) and doc.texts[e] in _CLOSE_QUOTES:
        return -1
    if e < len(doc) and doc.tags[e] == "POS" and doc.ent_iobs[e] == 1 and doc.lowers[e - 1] not in person_words:
        return -1  # "'s" inside the entity: a company ("Dr Reddy's")
    n = honorific_len(doc, s, e)
    start = s + n
    if not n:
        before = s - 1
        if before < 0 or not (honorific_len(doc, before, s) or (
            before >= 1 and doc.texts[before] == "." and honorific_len(doc, before - 1, s)
        )):
            return -1
    if start >= e or not all(is_name_word(doc.texts[k]) for k in range(start, e)):
        return -1
    return start  # even an alias of a place: "Mr Hague", "Mr Jordan"


_OPEN_QUOTES = frozenset({'"', "\u201c", "\u2018", "'", "``"})
_CLOSE_QUOTES = frozenset({'"', "\u201d", "\u2019", "'", "''"})


def _is_quote_opening(doc: "DocView", s: int, e: int) -> bool:
    """A span that starts a quotation without being all of it ("“AI is no longer a niche").

    Titles of works stand between their quote marks ("“The Crying Game”", or nearly:
    "“Hartz IV” reforms"); the model also tags the first words of a quotation as a work, which
    this recognises."""
    if s == 0 or doc.texts[s - 1] not in _OPEN_QUOTES or doc.spaces[s - 1]:
        return False
    return not any(t in _CLOSE_QUOTES for t in doc.texts[e : e + 3])


# Capitalised rates are not organisations: "Bank Rate", "Federal Funds Rate".
_NON_ORG_LAST_WORDS = lexicon.words("entities_non_org_last_words")


def repaired_candidates(doc: "DocView", ctx: DocContext) -> list[Cand]:
    """Repaired candidate spans from ``doc.ents`` (token level), before linking.

    Besides the repairs of the module docstring: an honorific before or at the start of a
    non-PERSON span makes it a person ("Ms Carver" ORG); a work of art that only opens a
    quotation ("“Tonight Europe decided ...") and an ORG ending in "Rate" are dropped."""
    cands: list[Cand] = []
    for ent_start, ent_end, ent_label0 in ctx.ents:
        if ent_label0 not in ENTITY_LABEL_SET:
            continue
        for s0, e0 in _split_span(doc, ent_start, ent_end, ent_label0):
            ent_label = ent_label0
            s, e = _trim(doc, s0, e0, ent_label)
            if s >= e:
                continue
            if (
                ent_label == "WORK_OF_ART"
                and _is_quote_opening(doc, s, e)
                and ctx.known_label(doc.span_text(s, e)) in (None, "WORK_OF_ART")
            ):
                continue  # unless a known form ("“Martin (Campbell) is", Martin Campbell)
            if ent_label in _CLAUSE_CUT_LABELS and all(_NUMERIC_RE.match(t) for t in doc.texts[s:e]):
                continue  # "167" left by a cut ("Gartner More than 167 million")
            if ent_label == "ORG" and e - s > 1 and doc.norms[e - 1] in _NON_ORG_LAST_WORDS:
                continue
            if ent_label in _HONORIFIC_RELABEL and _honorific_person_start(doc, s, e, ctx.person_words) >= 0:
                ent_label = "PERSON"
            parts = _hyphen_parts(doc, s, e)
            if parts and ent_label in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"):
                labels = [ctx.known_label(doc.span_text(a, b)) for a, b in parts]
                # Never split company names ("UWP-Hachette") or unknown all-caps forms ("AL-RAM").
                if all(labels) and "ORG" not in labels and all(
                    norm_key(doc.span_text(a, b)) in ALIASES or not doc.span_text(a, b).isupper() for a, b in parts
                ):
                    for (a, b), label in zip(parts, labels, strict=True):
                        cands.append(Cand(a, b, *char_span(doc, a, b), label=label))
                    continue
            cand = Cand(s, e, *char_span(doc, s, e), label=ent_label, ent_start=s)
            if ent_label == "PERSON":
                strip_person_title(doc, cand)
                if cand.start >= cand.end:
                    continue
                cand.start_char = doc.idxs[cand.start]
                _extend_first_name(doc, cand)
            if not _has_capital(doc, cand):
                continue
            last = doc.texts[cand.end - 1]
            if len(last) > 2 and last[-2:] in ("'s", "\u2019s") and cand.end_char - cand.start_char > 2:
                cand.end_char -= 2  # a possessive the tokenizer left glued to the name
            _fix_shape_label(doc, cand)
            cands.append(cand)
    return cands
