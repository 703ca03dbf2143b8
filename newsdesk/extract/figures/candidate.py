"""The figure under construction (``Cand``) and the per-document look-ups every step uses (``Ctx``).

``Ctx`` reads the token offsets and sentence starts of a ``Doc`` once into arrays, so a step finds
the token or sentence at a character offset by bisection, without building spaCy ``Span`` objects.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

from spacy.tokens import Doc, Token


@dataclass(slots=True)
class Cand:
    start: int
    end: int
    num_start: int  # the number core (for token look-ups)
    num_end: int
    value: float
    low: float | None = None
    high: float | None = None
    kind: str | None = None
    unit: str | None = None
    spelled: bool = False
    vague: bool = False  # "dozens", "tens of thousands": a magnitude, not a count
    has_scale: bool = False
    plain_int: bool = False  # digits only, no comma/decimal
    qualifier: str | None = None
    change: str | None = None
    object: str | None = None
    year: int | None = None
    period: str | None = None
    conversion_of: int | None = None
    status: str = "actual"  # actual | target | forecast | estimate (:mod:`.status`)
    incidental: bool = False  # a bare small count or a period span (:mod:`.incidental`)


class Ctx:
    """Per-document look-ups: text, token by character, sentence by character (arrays, no Span objects)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        arr = doc.to_array(["IDX", "SENT_START"]) if len(doc) else None
        self.tok_starts: list[int] = arr[:, 0].tolist() if arr is not None else []
        starts = [self.tok_starts[i] for i, flag in enumerate(arr[:, 1].tolist()) if flag == 1] if arr is not None else []
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        self.sent_starts = starts

    def token_at(self, char: int) -> Token | None:
        i = bisect.bisect_right(self.tok_starts, char) - 1
        return self.doc[i] if i >= 0 else None

    def tokens(self, start: int, end: int) -> list[Token]:
        i = max(bisect.bisect_right(self.tok_starts, start) - 1, 0)
        j = bisect.bisect_left(self.tok_starts, end)
        return [self.doc[k] for k in range(i, j)]

    def sent_index(self, char: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, char) - 1, 0)

    def sent_bounds(self, char: int) -> tuple[int, int]:
        i = self.sent_index(char)
        end = self.sent_starts[i + 1] if i + 1 < len(self.sent_starts) else len(self.text)
        return self.sent_starts[i], end


def finite(cand: Cand) -> bool:
    """Value, low and high are finite numbers ("9" * 400 overflows to inf)."""
    return all(v is None or math.isfinite(v) for v in (cand.value, cand.low, cand.high))


def year_like(cand: Cand) -> bool:
    """A bare 4-digit integer between 1000 and 2100 (both ends for a range)."""
    if cand.spelled or not cand.plain_int or cand.has_scale:
        return False
    values = (cand.low, cand.high) if cand.low is not None else (cand.value,)
    return all(v is not None and 1000 <= v <= 2100 and float(v).is_integer() for v in values)
