"""Parts of one quote joined into one row: a direct quote interrupted by its cue or continued in the
next paragraph (``merge_continued``), and a reported clause with the direct quote its own cue
introduces right after it (``join_clause_and_quote``).

A quote interrupted by its cue ("“A,” Xi said. “B.”") and a floating continuation in the next
paragraph (a blank line between counts as one break) are merged into ONE quote from the first
opening to the last closing mark, so the cue text sits inside the span (``MERGE_CONTINUED``;
PolNeAR annotates it this way). A reported clause and a direct quote its cue introduces right
after it, over a colon or the parenthetical cue ("said [some bargain was possible: “In business,
…”]"; "[A, he added, “B”]"), are one mixed span.
"""

from __future__ import annotations

import re

from newsdesk.extract.quotes.marks import ALL_MARKS
from newsdesk.extract.quotes.records import same_token, speaker_of
from newsdesk.extract.quotes.spans import PARA_BREAK, Paragraphs


_CLAUSE_QUOTE_GAP = re.compile(r"\s*:\s*|,\s[^,.;:\n“”\"]{1,40},\s*")


def join_clause_and_quote(text: str, raw: list[dict]) -> list[dict]:
    """Join a reported clause and the direct quote its own cue introduces right after it — over a
    colon ("said [some bargain might be possible: “In business, …”]") or the parenthetical cue
    itself ("[The harbour was empty, she added, “but the boats will …”]") — into ONE mixed span."""
    out: list[dict] = []
    for rec in sorted(raw, key=lambda r: r["span"][0]):
        prev = out[-1] if out else None
        if (prev is not None and prev["kind"] == "indirect" and rec["kind"] == "direct" and prev["cue"] is rec["cue"]
                and prev["span"][1] <= rec["span"][0]
                and _CLAUSE_QUOTE_GAP.fullmatch(text, prev["span"][1], rec["span"][0])):
            merged = dict(prev)
            merged["span"], merged["kind"] = (prev["span"][0], rec["span"][1]), "mixed"
            out[-1] = merged
            continue
        out.append(rec)
    return out


# A direct quote interrupted by its cue ("“A,” Xi said. “B.”") or continued by a floating quote
# in the next paragraph is ONE quote whose span runs from the first opening mark to the last
# closing mark (the cue text in between is inside the span), as PolNeAR and GenderGapTracker
# annotate it. Set to False to get one quote per quoted stretch instead.
MERGE_CONTINUED = True

_MAX_MERGE_PARAGRAPHS = 1  # paragraph breaks between the parts (a run of newlines counts once)


def merge_continued(text: str, raw: list[dict], paras: Paragraphs) -> list[dict]:
    """Merge consecutive direct records that share their cue and speaker (see MERGE_CONTINUED).
    Only quoted records take part; an "according to" record around them is left as it is."""
    quoted = [r for r in raw if r["kind"] == "direct" or (r["kind"] == "mixed" and r["cue"].content_from != "according")]
    rest = [r for r in raw if not (r["kind"] == "direct" or (r["kind"] == "mixed" and r["cue"].content_from != "according"))]
    out: list[dict] = []
    for rec in quoted:
        prev = out[-1] if out else None
        if (prev is not None and rec["kind"] == "direct"
                and (prev["kind"] == "direct" or (prev["kind"] == "mixed"
                                                  and text[prev["span"][1] - 1] in ALL_MARKS))
                and prev["cue"] is rec["cue"] and same_token(speaker_of(prev), speaker_of(rec))
                and rec["span"][0] >= prev["span"][1]
                and len(PARA_BREAK.findall(text, prev["span"][1], rec["span"][0])) <= _MAX_MERGE_PARAGRAPHS):
            merged = dict(prev)
            merged["span"] = (prev["span"][0], rec["span"][1])
            out[-1] = merged
            continue
        out.append(rec)
    return sorted(out + rest, key=lambda r: r["span"][0])
