"""Bracketed conversions: "US$200 billion (S$269 billion)", "$445bn (£227bn; 331bn euros)",
"62 mph (100 km/h)".

A figure in brackets right after another of the same kind (money, quantity, duration) in another
unit converts it: ``conversion_of`` is the index of the converted figure, and the conversion
shares its object, year, period, change and status.
"""

from __future__ import annotations

import re

from newsdesk.extract.figures.candidate import Cand, Ctx

_CONV_OPEN = re.compile(r"\s*\(\s*(?:about|around|approximately|roughly|some|~|or|US)?\s*")
_CONV_NEXT = re.compile(r"\s*[;,/]\s*(?:or\s+)?")


def link_conversions(ctx: Ctx, cands: list[Cand]) -> None:
    """'US$200 billion (S$269 billion)', '$445bn (£227bn; 331bn euros)': bracketed figures convert the one before."""
    text = ctx.text
    i = 0
    while i < len(cands) - 1:
        a = cands[i]
        group: list[int] = []
        j, sep_re = i + 1, _CONV_OPEN
        while j < len(cands) and sep_re.fullmatch(text[cands[j - 1].end:cands[j].start]):
            group.append(j)
            if text[cands[j].end:cands[j].end + 1] == ")" or text[cands[j].end:cands[j].end + 2].strip() == ")":
                break
            j, sep_re = j + 1, _CONV_NEXT
        else:
            group = []
        if group and ")" in text[cands[group[-1]].end:cands[group[-1]].end + 2]:
            for k in group:
                _link(a, cands[k], i)
            i = group[-1] + 1
        else:
            i += 1


def _link(a: Cand, b: Cand, index: int) -> None:
    """Mark ``b`` as a conversion of ``a`` (same dimension, another unit) and share a's context."""
    if not (a.kind == b.kind and (a.unit != b.unit or a.kind != "money")) or a.kind not in ("money", "quantity", "duration"):
        return
    b.conversion_of = index
    b.object = b.object or a.object
    b.year = b.year or a.year
    b.period = b.period or a.period
    b.status = a.status
    if b.change == "=" and a.change != "=":
        b.change = a.change
