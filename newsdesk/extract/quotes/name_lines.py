""""NAME: text" lines: headlines and transcripts that credit the rest of the line to a name.

Indirect (mixed or direct with marks): the rest of a "NAME: …" line (headlines "Pence: …",
transcripts "WALLACE: …", also after the opening mark of a quoted transcript line, and a 1–3-word
upper-case name whose last word opens ≥ 2 lines of a document with ≥ 3 such lines: "KATE
BOULDUAN: …" then "BOULDUAN: …"; not "Q:"/"A:", not "BREAKING:"). A headline name the tagger took
for a common noun, "Trump: ‘We are going to win.’", counts when each word — or, for a run of
proper nouns, the last one: "Cecile Richards: ‘…’" — is a word of a PERSON/ORG mention of the
document and the rest of the line holds quote marks or a clause with a finite verb and its
subject, "Trump: My plans aren't set in stone"; one the NER tagged, "Clinton: I support
statehood", counts whatever its tag; so does a source word such as "Poll:" or "Sources:" before a
finite clause, a quote or ≥ 5 words, "Poll: Trump leads in Ohio", "Report: Walker to speak at the
convention"; not "Poll: The Ohio race", not a tally ("Clinton: 547.").
A transcript line whose speaker is described or given an affiliation in brackets before the colon
and whose rest is one quote counts too (``_described_speaker``: "Sen. Ana Ruiz (D-Ore.): “…”",
"Former plant manager Tom Baird: “…”"), not a Title Case headline clause ("Mayor Praises Fire
Chief X: ‘…’").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import bisect
import re

from spacy.tokens import Doc

from newsdesk import lexicon
from newsdesk.extract.quotes.records import Cue
from newsdesk.extract.quotes.spans import Paragraphs, trim
from newsdesk.extract.speakers.names import PERSON_TITLES

if TYPE_CHECKING:
    from newsdesk.extract.speakers.resolver import Resolver


_SHOUT_PREFIX = re.compile(r"^[ \t]*([A-Z][A-Z'’.-]{2,})[ \t]*:", re.M)


def name_colon_lines(doc: Doc, text: str, paras: "Paragraphs", resolver: "Resolver",
                      qspans: list[tuple[int, int]], starts: list[int]) -> list[dict]:
    """Records for lines that start with a speaker name and a colon: "Pence: …", "WALLACE: …".
    The prefix must be at most 5 tokens, hold a PERSON/ORG mention (or be one upper-case word
    that is no place name), and end the name right at the colon; content = rest of the line."""
    out: list[dict] = []
    name_words: set[str] | None = None  # words of PERSON/ORG mentions, built on first need
    transcript: set[str] | None = None  # upper-case line prefixes of a transcript, built on first need
    shouted: dict[str, int] = {}  # "WALLACE:" counts as a speaker only when it opens ≥ 2 lines
    for m in _SHOUT_PREFIX.finditer(text):
        shouted[m.group(1)] = shouted.get(m.group(1), 0) + 1
    for p_start in paras.starts:
        t0 = bisect.bisect_left(starts, p_start)
        if t0 >= len(doc):
            continue
        if doc[t0].tag_ == "``" and t0 + 1 < len(doc):  # a quoted transcript: "\"WALLACE: …"
            t0 += 1
        k = next((i for i in range(t0, min(t0 + 6, len(doc))) if doc[i].text == ":" or "\n" in doc[i].text), None)
        if k is None or k == t0 or doc[k].text != ":" or k + 1 >= len(doc):
            found = _described_speaker(doc, t0, resolver)
            if found is not None:
                out.extend(_line_record(doc, text, starts, qspans, t0, *found))
            continue
        prefix = doc[t0:k]
        proper = all(t.tag_ in ("NNP", "NNPS", "POS", ".") or t.text == "." for t in prefix)
        if not proper and not all(t.text[:1].isupper() or t.tag_ == "POS" or t.text == "." for t in prefix):
            continue
        mentions = [resolver.mention_of_token(t) for t in prefix]
        has_name = any(m is not None and m.label in ("PERSON", "ORG") for m in mentions)
        guessed = False  # a headline name the tagger took for a common noun ("Trump: ‘We win.’")
        if not has_name and all(m is None for m in mentions):
            if name_words is None:
                name_words = _person_org_words(resolver)
            guessed = has_name = all(t.tag_ == "POS" or t.text == "." or t.text.lower() in name_words
                                     for t in prefix) or (proper and prefix[-1].text.lower() in name_words)
        elif not proper and not _names_prefix(prefix, mentions):
            continue
        shout = (len(prefix) == 1 and prefix[0].is_upper and len(prefix[0]) > 2 and mentions[0] is None
                 and shouted.get(prefix[0].text, 0) >= 2)
        if not shout and not has_name:  # "KATE BOULDUAN:" then "BOULDUAN:" in a transcript
            if transcript is None:
                transcript = _transcript_speakers(text)
            shout = " ".join(text[doc[t0].idx:doc[k].idx].split()) in transcript
        # "Poll: Trump leads in Ohio", "Sources: …": a headline credited to a source document
        source = len(prefix) == 1 and prefix[0].lower_ in _HEADLINE_SOURCES and mentions[0] is None
        if not (has_name or shout or source):
            continue
        end = text.find("\n", doc[k].idx)
        end = len(text) if end < 0 else end
        c_hi = bisect.bisect_left(starts, end)
        lo, hi = trim(doc, k + 1, c_hi)
        if hi <= lo or sum(1 for t in doc[lo:hi] if t.is_alpha) < 2:
            continue  # "Clinton: 547." is a tally, not an utterance
        ca, cb = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        inside = [(qa, qb) for qa, qb in qspans if ca <= qa and qb <= cb]
        if (guessed or source) and not inside and not _has_clause(doc, lo, hi) and not (
                source and sum(1 for t in doc[lo:hi] if t.is_alpha) >= 5):  # "Poll: Trump a big turnoff for …"
            continue  # "Sanders: Win in a walk" is a section label, not an utterance
        out.extend(_line_record(doc, text, starts, qspans, t0, k, prefix[-1]))
    return out


def _line_record(doc: Doc, text: str, starts: list[int], qspans: list[tuple[int, int]], t0: int, k: int,
                 head) -> list[dict]:
    """The record of a "NAME: …" line whose colon is token ``k`` and whose speaker is ``head``
    (its span from the line start to the name): the rest of the line, direct when it is one quoted
    stretch."""
    end = text.find("\n", doc[k].idx)
    end = len(text) if end < 0 else end
    lo, hi = trim(doc, k + 1, bisect.bisect_left(starts, end))
    if hi <= lo:
        return []
    ca, cb = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    inside = [(qa, qb) for qa, qb in qspans if ca <= qa and qb <= cb]
    kind = "direct" if inside and inside[0][0] == ca and inside[-1][1] == cb else ("mixed" if inside else "indirect")
    cue = Cue(doc[k], doc[k], ":", "all", head, t0, head.i + 1, lo, hi, "colon")
    return [{"span": (ca, cb), "kind": kind, "cue": cue}]


_MAX_DESCRIBED = 14  # tokens of a described speaker before the colon of a transcript line


def _described_speaker(doc: Doc, t0: int, resolver: "Resolver"):
    """(colon, speaker head) of a transcript line whose speaker is named with a description or a
    bracketed affiliation before the colon and whose rest is one quote ("Sen. Ana Ruiz
    (D-Ore.): “…”", "Former state treasurer Ana Ruiz: “…”"): the colon within 14 tokens, an
    opening mark right after it, right before it a PERSON name (or a bracketed group after one),
    and before the name only a description in lower case (its first word, abbreviated titles and
    title words aside) — not a Title Case headline ("Mayor Praises Fire Chief X: ‘…’" is a clause
    about X). None otherwise."""
    k = next((i for i in range(t0, min(t0 + _MAX_DESCRIBED, len(doc)))
              if doc[i].text in (":", "):") or "\n" in doc[i].text or doc[i].is_quote), None)
    if k is None or k - t0 < 2 or doc[k].text not in (":", "):") or k + 1 >= len(doc):
        return None
    nxt = k + 1
    while nxt < len(doc) and doc[nxt].is_space and "\n" not in doc[nxt].text:
        nxt += 1
    if nxt >= len(doc) or not (doc[nxt].is_quote and doc[nxt].tag_ == "``"):
        return None
    j = k - 1
    if doc[k].text == "):" or doc[j].text == ")":
        while j > t0 and doc[j].text != "(":
            j -= 1
        j -= 1
    if j < t0:
        return None
    m = resolver.mention_of_token(doc[j])
    if m is None or m.label != "PERSON" or not doc[j].text[:1].isupper():
        return None
    for t in doc[t0 + 1:j]:
        if (t.text[:1].isupper() and resolver.mention_of_token(t) is not m and not t.text.endswith(".")
                and t.lower_ not in PERSON_TITLES):
            return None
    return k, doc[j]


_TRANSCRIPT_PREFIX = re.compile(r"^[ \t]*[\"“]?([A-Z][A-Z'’.-]*(?:[ \t]+[A-Z][A-Z'’.-]*){0,2})[ \t]*:[ \t]*\S",
                                re.M)

_NOT_TRANSCRIPT_SPEAKERS = lexicon.words("quotes_not_transcript_speakers")


def _transcript_speakers(text: str) -> set[str]:
    """Upper-case "NAME:" line prefixes (1–3 words) of a transcript: a prefix counts when its
    last word opens ≥ 2 such lines ("KATE BOULDUAN: …" and later "BOULDUAN: …") in a document
    with ≥ 3 of them. "Q:"/"A:" interview lines do not count (PolNeAR annotates them in some
    interviews, not in others)."""
    found = [" ".join(m.group(1).split()) for m in _TRANSCRIPT_PREFIX.finditer(text)]
    found = [f for f in found if f.split()[-1] not in _NOT_TRANSCRIPT_SPEAKERS]
    if len(found) < 3:
        return set()
    last: dict[str, int] = {}
    for f in found:
        last[f.split()[-1]] = last.get(f.split()[-1], 0) + 1
    return {f for f in found if last[f.split()[-1]] >= 2 and len(f.split()[-1]) > 2}


_HEADLINE_SOURCES = lexicon.words("quotes_headline_sources")


def _names_prefix(prefix, mentions) -> bool:
    """True when every word of a "NAME:" prefix lies in a PERSON/ORG mention (the tagger often
    takes a headline name for a common noun: "Clinton: I support statehood")."""
    return all(m is not None and m.label in ("PERSON", "ORG") for t, m in zip(prefix, mentions) if t.is_alpha)


def _has_clause(doc: Doc, lo: int, hi: int) -> bool:
    """True when tokens [lo, hi) hold a finite verb with its own subject (an utterance, not a
    section label like "Win in a walk")."""
    for t in doc[lo:hi]:
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            verb = t.head if t.dep_ in ("aux", "auxpass") else t
            if any(k.dep_ in ("nsubj", "nsubjpass") for k in verb.children):
                return True
    return False


def _person_org_words(resolver: "Resolver") -> set[str]:
    """Lower-cased words (≥ 3 letters) of the document's PERSON and ORG mentions."""
    return {w.lower() for m in resolver.mentions if m.label in ("PERSON", "ORG")
            for w in m.text.replace("’", " ").replace("'", " ").split() if len(w) > 2}
