"""Passages: the records of a document made into contiguous passages of reported speech, grouped into
acts of speech (contract v2, DESIGN.md "How quotes are counted").

A record's content becomes one passage when it is contiguous text without its own cue in it:
- a reported clause and the direct quote a colon opens right after it, from the same cue, are one
  passage ("said [some bargain was possible: “In business, …”]", ``join_colon_quote``): nothing
  but the colon lies between them;
- a content that holds its own cue phrase ("[Most of the delays, she said, came from the port]",
  "[Rather than …, said Petra Lund, a spokeswoman for the port, the council wants …]") is cut
  around that phrase (the speaker with its apposition, the cue, the commas) into two passages of
  one act of speech (``cut_around_cue``); the pieces keep the kind their own words give them
  (``kind_of``);
- an "according to X" record that overlaps a passage of another cue is dropped: the passage is
  one row, and the cue verb's speaker keeps it ("“…,” the mayor said, according to a statement",
  ``drop_relayed``);
- a content that runs over a paragraph break (a quote continued in the next paragraph, news style:
  no closing mark, a reopening one) is one passage per paragraph (``split_paragraphs``), as a
  media monitor counts it;
- a report nested whole (its speaker, cue and content) inside another's passage is cut out of that
  passage: the outer speaker only relays it or comments on it ("[The two leaders said that the deal
  “undermines …”], the aide said" → the leaders' passage only; "[it might send more troops], which
  Moscow has described as an act of aggression"), ``cut_nested``; what is left without a word is
  dropped.

``attribution_key`` says which act of speech a record belongs to: by default its cue (a cue is one
act of speech: its clause, the quoted passages it takes, the quotes that float after them), or the
key a record carries of its own (a quoted sub-heading).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsdesk.extract.quotes.marks import ALL_MARKS
from newsdesk.extract.quotes.records import speaker_of
from newsdesk.extract.quotes.spans import np_span


_COLON_GAP = re.compile(r"\s*:\s*")

_CUT_PUNCT = ",;:—–-()" + " \t\u00a0"


def attribution_key(rec: dict) -> int:
    """The act of speech a record belongs to: its own key (``rec["attr"]``) or its cue's identity."""
    return rec["attr"] if "attr" in rec else id(rec["cue"])


def join_colon_quote(text: str, raw: list[dict]) -> list[dict]:
    """Join a reported clause (or a mixed one) and the direct quote its own cue introduces right
    after it over a colon ("said [some bargain might be possible: “In business, …”]") into ONE mixed
    passage: the two are contiguous."""
    out: list[dict] = []
    for rec in sorted(raw, key=lambda r: r["span"][0]):
        prev = out[-1] if out else None
        if (prev is not None and prev["kind"] != "direct" and rec["kind"] == "direct" and prev["cue"] is rec["cue"]
                and prev["span"][1] <= rec["span"][0] and _COLON_GAP.fullmatch(text, prev["span"][1], rec["span"][0])):
            merged = dict(prev)
            merged["span"], merged["kind"] = (prev["span"][0], rec["span"][1]), "mixed"
            out[-1] = merged
            continue
        out.append(rec)
    return out


def kind_of(text: str, a: int, b: int) -> str:
    """direct (the passage is one quoted stretch: it opens with a mark, and no other double mark
    stands inside before a closing one at its end — a paragraph of a continued quote has none),
    mixed (it holds quote marks) or indirect."""
    inner = text[a:b]
    if not any(c in ALL_MARKS and c not in "'’" for c in inner):
        return "indirect"
    body = inner[1:].rstrip(".,;:!? ")
    body = body[:-1] if body[-1:] in ALL_MARKS else body
    if inner[0] in ALL_MARKS and not any(c in "“”\"«»„" for c in body):
        return "direct"
    return "mixed"


def cut_around_cue(doc: Doc, text: str, raw: list[dict]) -> list[dict]:
    """Records whose span holds their own cue phrase (the speaker and the cue, with the commas or
    dashes around them) cut into the passages before and after it, each a record of the same act
    of speech; a piece without a word is dropped. ``text`` is ``doc.text`` (spaCy joins every
    token's text on each read of it, so the caller reads it once)."""
    out: list[dict] = []
    for rec in raw:
        a, b = rec["span"]
        cue = rec["cue"]
        cs, ce = cue.first.idx, cue.last.idx + len(cue.last)
        if not (a < cs and ce <= b) or cue.content_from in ("according", "colon", "byline"):
            out.append(rec)
            continue
        lo, hi = cs, ce
        head = speaker_of(rec)
        if head is not None:
            if head is cue.speaker_head and cue.speaker_lo is not None:
                slo, shi = cue.speaker_lo, cue.speaker_hi
            else:
                slo, shi = np_span(head)
            shi = max(shi, head.right_edge.i + 1)  # its apposition too: "said Petra Lund, a spokeswoman, …"
            ss, se = doc[slo].idx, doc[shi - 1].idx + len(doc[shi - 1])
            if a <= ss and se <= b and (se <= cs + 60 and ss >= cs - 60):
                lo, hi = min(lo, ss), max(hi, se)
        pieces = []
        for pa, pb in ((a, lo), (hi, b)):
            while pa < pb and text[pa] in _CUT_PUNCT:
                pa += 1
            while pb > pa and text[pb - 1] in _CUT_PUNCT:
                pb -= 1
            if any(c.isalnum() for c in text[pa:pb]):
                pieces.append((pa, pb))
        if not pieces:
            out.append(rec)
            continue
        for pa, pb in pieces:
            piece = dict(rec)
            piece["span"], piece["kind"] = (pa, pb), kind_of(text, pa, pb)
            out.append(piece)
    return out


def drop_relayed(raw: list[dict]) -> list[dict]:
    """Drop an "according to X" record that overlaps a record of another cue (the same passage is
    never two rows; the cue verb's speaker keeps it: "“…,” the mayor said, according to a
    statement from her office")."""
    others = [r["span"] for r in raw if r["cue"].content_from != "according"]
    return [r for r in raw if r["cue"].content_from != "according"
            or not any(a < r["span"][1] and r["span"][0] < b for a, b in others)]


def _extent(doc: Doc, text: str, rec: dict) -> tuple[int, int]:
    """Characters of a record's whole report: its content, cue and speaker, with a relative pronoun
    and the comma before them ("…, which Moscow has described as …")."""
    cue = rec["cue"]
    lo, hi = rec["span"]
    lo, hi = min(lo, cue.first.idx), max(hi, cue.last.idx + len(cue.last))
    head = speaker_of(rec)
    if head is not None:
        slo, shi = np_span(head)
        lo, hi = min(lo, doc[slo].idx), max(hi, doc[shi - 1].idx + len(doc[shi - 1]))
    for rel in ("which", "who", "whom", "that"):
        if text[max(0, lo - len(rel) - 1):lo].rstrip().lower().endswith(rel):
            lo = text.rfind(rel, 0, lo)
    return lo, hi


def cut_nested(doc: Doc, text: str, raw: list[dict]) -> list[dict]:
    """Passages cut around the reports of other cues nested whole inside them (see the module doc);
    ``text`` is ``doc.text``, read once by the caller."""
    inner = [(r, _extent(doc, text, r)) for r in raw]
    out: list[dict] = []
    for rec in raw:
        a, b = rec["span"]
        holes = sorted(ext for r, ext in inner if r["cue"] is not rec["cue"] and a <= ext[0] and ext[1] <= b
                       and speaker_of(r) is not None)
        if not holes or rec["kind"] == "direct":
            out.append(rec)
            continue
        pos, pieces = a, []
        for lo, hi in holes:
            if lo > pos:
                pieces.append((pos, lo))
            pos = max(pos, hi)
        pieces.append((pos, b))
        for pa, pb in pieces:
            while pa < pb and text[pa] in _CUT_PUNCT:
                pa += 1
            while pb > pa and text[pb - 1] in _CUT_PUNCT:
                pb -= 1
            if sum(1 for w in text[pa:pb].split() if any(c.isalnum() for c in w)) >= 2:
                out.append({**rec, "span": (pa, pb), "kind": kind_of(text, pa, pb)})
    return out


_PARA_BREAK = re.compile(r"\s*\n\s*")


def split_paragraphs(text: str, raw: list[dict]) -> list[dict]:
    """Records whose span runs over a paragraph break cut into one passage per paragraph (each piece
    stripped, kind from its own words, same act of speech); a piece without a word is dropped."""
    out: list[dict] = []
    for rec in raw:
        a, b = rec["span"]
        if "\n" not in text[a:b]:
            out.append(rec)
            continue
        cuts = [a] + [x for m in _PARA_BREAK.finditer(text, a, b) for x in (m.start(), m.end())] + [b]
        for pa, pb in zip(cuts[::2], cuts[1::2]):
            if any(c.isalnum() for c in text[pa:pb]):
                out.append({**rec, "span": (pa, pb), "kind": kind_of(text, pa, pb)})
    return out
