"""Ranges and ratios: two numbers that are one figure.

- ranges: "between 252 and 287 miles", "$4 billion to $6 billion", "$1.5 to 2 billion" (the scale
  written once applies to both ends), "3-6W", "three or four years", and NewsQuant's "from X … to
  Y" with words between ("from $1,250 on Monday to $1,180") where a bare end takes the other's
  unit; value = midpoint. "rose 5% to 7%" and "grew by 1.2 million to 67 million" are a change and
  a level, not a range.
- ratios: "two out of five voters", "1 in 5 adults" -> 1/3, 1/5 with the counted noun as object.
Limits: a range stores low <= high (the warehouse's check), so a fall ("from 180 pounds to 168")
loses its direction.
"""

from __future__ import annotations

import re

from newsdesk.extract.figures.candidate import Cand, Ctx, year_like
from newsdesk.extract.figures.context import CHANGE_RE, QUAL_ALT
from newsdesk.extract.figures.objects import core_token, counted_noun, phrase

_FROM_BETWEEN = re.compile(r"\b(?:from|between)\s+(?:\S+\s+){0,2}$", re.I)
_RANGE_SEP = re.compile(r"^\s*(?:-|–|—|-?\s*to|and|or)\s*$", re.I)


def _range_ok(ctx: Ctx, a: Cand, b: Cand) -> bool:
    """Is "a <sep> b" one range? ("between 252 and 287 miles", "$4bn to $6bn", "3-6W", "three or four years")."""
    text = ctx.text
    sep = text[a.end:b.start]
    if not _RANGE_SEP.match(sep) or a.low is not None or b.low is not None:
        return False
    if year_like(a) != year_like(b):
        return False  # "in 2023 to 126 trillion yuan"
    if not (a.kind is None or (a.kind == b.kind and a.unit == b.unit)):
        return False
    word = sep.strip().lower()
    lead = text[max(0, a.start - 20):a.start]
    fb = _FROM_BETWEEN.search(lead)
    if word == "and":
        return fb is not None and "between" in fb.group(0).lower()
    if b.kind is None and fb is None and not b.has_scale:
        return False  # two bare numbers: only "from/between X to Y" ("1 to 2 thousand" is fine)
    if word in ("-", "–", "—"):
        # b has a unit here ("3-6W", "30-35 mpg"); bare "2-0" needed from/between above. A dash range
        # is written low to high; a spaced dash between two figures that each write their unit is
        # punctuation ("£35bn - £2.5bn less than", "45 seconds - 22secs behind")
        spaced = sep.startswith((" ", "\t")) and sep.endswith((" ", "\t"))
        return fb is not None or (a.value < b.value and not (spaced and a.kind is not None))
    if word == "or":
        return a.kind is None and a.value < b.value and a.spelled == b.spelled
    # "to": "from $1m to $2m", "2 to 2.5 degrees"; not "rose 5% to 7%", "grew by 1.2 million to 67
    # million" (a change then a level: the first end writes its own unit or scale)
    if fb is None and (a.kind is not None or a.has_scale) and CHANGE_RE.search(text[max(0, a.start - 40):a.start]):
        return False
    return fb is not None or a.value < b.value


_FROM_DIRECT = re.compile(rf"\bfrom\s+(?:(?:{QUAL_ALT})\s+)?$", re.I)
_SENT_BREAK = re.compile(r"[a-z\d]\.\s")  # "U.S. per barrel" is not a break
_FROM_GAP = re.compile(r"[^;:!?()\n]{0,45}?\bto\s*$", re.I)


def _gapped_from_to(ctx: Ctx, cands: list[Cand], i: int) -> int | None:
    """Index of the 'to' end of "from $1,250 at 9am on Monday to $1,180", "from 31 mpg in 2015 to
    38 mpg", "from 180 pounds to 168" (NewsQuant reads these as a range, in text order), else None.

    Only when the first figure has a unit, follows "from" directly (a qualifier may stand between),
    the words between end in "to" without a clause break, and the second end is bare (it takes the
    first end's unit) or has the same kind and unit; bare years in between are skipped.
    """
    a = cands[i]
    text = ctx.text
    if a.kind is None or a.low is not None or not _FROM_DIRECT.search(text[max(0, a.start - 30):a.start]):
        return None
    j = i + 1
    while j < len(cands) and year_like(cands[j]) and cands[j].kind is None:
        j += 1
    if j >= len(cands):
        return None
    b = cands[j]
    gap = text[a.end:b.start]
    if b.low is not None or not _FROM_GAP.fullmatch(gap) or _SENT_BREAK.search(gap) or ", " in gap:
        return None
    if b.kind is None and not b.spelled and not b.has_scale:
        return j
    return j if (b.kind, b.unit) == (a.kind, a.unit) else None


def merge_ranges(ctx: Ctx, cands: list[Cand]) -> list[Cand]:
    """Merge range pairs into one candidate: value = midpoint, unit from the high end; low <= high always
    (the warehouse checks it), so "from 180 pounds to 168" is low 168, high 180."""
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        j = None if i + 1 < len(cands) and _range_ok(ctx, a, cands[i + 1]) else _gapped_from_to(ctx, cands, i)
        if j is not None:
            b = cands[j]
            out.append(
                Cand(
                    a.start, b.end, a.num_start, a.num_end, (a.value + b.value) / 2, min(a.value, b.value), max(a.value, b.value), kind=a.kind,
                    unit=a.unit, spelled=a.spelled, has_scale=a.has_scale, plain_int=a.plain_int,
                )
            )
            i = j + 1
            continue
        if i + 1 < len(cands) and _range_ok(ctx, a, cands[i + 1]):
            b = cands[i + 1]
            lo = a.value
            if not a.has_scale and b.has_scale and not b.spelled:
                digits = re.sub(r"[^\d.]", "", ctx.text[b.num_start:b.num_end])
                scale = b.value / float(digits) if digits and float(digits) else 1.0
                if scale > 1 and lo * scale <= b.value * 1.0001:
                    lo *= scale  # "$1.5 to 2 billion": the scale written once applies to both
            hi = b.value
            out.append(
                Cand(
                    a.start, b.end, b.num_start, b.num_end, (lo + hi) / 2, min(lo, hi), max(lo, hi), kind=b.kind, unit=b.unit,
                    spelled=a.spelled and b.spelled, has_scale=b.has_scale, plain_int=b.plain_int,
                )
            )
            i += 2
            continue
        out.append(a)
        i += 1
    return out


_OUT_OF = re.compile(r"\s+(?:out\s+of|in)\s+", re.I)


def merge_ratios(ctx: Ctx, cands: list[Cand]) -> list[Cand]:
    """'two out of five voters', '1 in 5 adults' -> one ratio figure (1/3), the counted noun as object.

    "in" only with a numerator of one ("2 in 5 games" is ambiguous); both numbers bare integers and
    the first the smaller; the denominator must not be a year ("one in 2019")."""
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands):
            b = cands[i + 1]
            sep = _OUT_OF.fullmatch(ctx.text[a.end:b.start])
            ok = (
                sep is not None and a.kind is None and b.kind is None and a.low is None and b.low is None
                and not a.has_scale and not b.has_scale and float(a.value).is_integer() and float(b.value).is_integer()
                and 0 < a.value < b.value and not year_like(b)
                and ("out" in sep.group(0).lower() or a.value == 1)
            )
            if ok:
                r = Cand(a.start, b.end, b.num_start, b.num_end, a.value / b.value, kind="ratio", spelled=b.spelled)
                tok = core_token(ctx, b)
                noun = counted_noun(ctx, b, tok) if tok is not None else None
                if noun is not None:
                    s, e = phrase(noun)
                    r.object = ctx.text[s:e]
                out.append(r)
                i += 2
                continue
        out.append(a)
        i += 1
    return out
