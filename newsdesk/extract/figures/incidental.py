"""Which figures are chatter rather than charts: every number is kept, ``is_incidental`` marks the ones
an analyst filters out.

- a bare count: a count with no unit written as a word ("the two leaders", "three countries",
  "one solution"; not a scaled or vague amount: "a million people", "dozens of people" stay) or a
  whole number under ten ("7 ministers"); news style spells the small numbers, so both are the
  small counts that fill a text;
- the span of a period: a duration after a word of ``figures_period_span_words.txt`` ("the first
  three quarters", "over the past five years", "the next 12 months"). It is a duration, not a ratio:
  "the first three quarters" is value 3, unit "quarter", kind duration (:func:`period_spans` turns
  the fraction reading "three quarters" = 0.75 into that before the other steps run); "the first
  half" names a period and is no figure (no number is written).
"""

from __future__ import annotations

import re

from newsdesk import lexicon
from newsdesk.extract.figures.candidate import Cand, Ctx
from newsdesk.extract.figures.numbers import FRACTION_VALUES
from newsdesk.extract.figures.patterns import phrases
from newsdesk.extract.figures.units import AFTER

_SPAN_BEFORE = re.compile(rf"\b(?:{phrases(lexicon.ordered('figures_period_span_words'))})\s+$", re.I)
_ORDINAL_BEFORE = re.compile(
    rf"\b(?:{phrases([*lexicon.ordered('figures_period_span_words'), *lexicon.ordered('figures_ordinal_words')])})\s+$",
    re.I,
)
_FRACTION_PERIOD = re.compile(r"(?:[-\s]+)(quarters?)$", re.I)  # "three quarters" is also three quarter-years


def _span_word_before(ctx: Ctx, cand: Cand) -> bool:
    return _SPAN_BEFORE.search(ctx.text[max(0, cand.start - 20):cand.start]) is not None


def period_spans(ctx: Ctx, cands: list[Cand]) -> list[Cand]:
    """'the first three quarters': the fraction reading (0.75) becomes the span it is (3 quarters, a
    duration); 'the first half of 2006', 'the second half' name a period and are no figure at all.
    Runs after the scan, before kinds and context; durations keep their reading."""
    out = []
    for cand in cands:
        if cand.kind != "ratio" or cand.low is not None:
            out.append(cand)
            continue
        if _ORDINAL_BEFORE.search(ctx.text[max(0, cand.start - 20):cand.start]) and cand.value == 0.5:
            continue  # "the first half", "the second half of the season": a named period
        out.append(cand)
        if not _span_word_before(ctx, cand):
            continue
        m = _FRACTION_PERIOD.search(ctx.text[cand.start:cand.end])
        row = AFTER.get(m.group(1)) if m else None
        if row is None or row.kind != "duration":
            continue
        count = cand.value / FRACTION_VALUES[m.group(1).lower()]
        if abs(count - round(count)) > 1e-9:
            continue
        cand.value, cand.kind, cand.unit = float(round(count)), "duration", row.stored
    return out


def is_incidental(ctx: Ctx, cand: Cand) -> bool:
    """A bare small count or the span of a period (see the module docstring)."""
    if cand.kind == "duration" and cand.conversion_of is None:
        return _span_word_before(ctx, cand)
    if cand.kind != "count" or cand.unit is not None:
        return False
    high = cand.high if cand.high is not None else cand.value
    if cand.spelled:
        return not cand.has_scale and not cand.vague
    return float(high).is_integer() and high < 10
