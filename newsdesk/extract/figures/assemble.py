"""Assembly: :func:`extract_figures` runs the steps of the package over one parsed document.

scan (:mod:`.scan`) -> merge ranges and ratios (:mod:`.ranges`) -> spans of periods
(:mod:`.incidental`) -> keep what is a figure, taking an unwritten unit or deciding the kind
(:mod:`.kinds`) -> qualifier, change, object, year, period (:mod:`.context`) and status
(:mod:`.status`) -> changes left unwritten -> conversions (:mod:`.conversions`) -> incidental or not
-> ``Figure`` records.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsdesk.extract.figures.candidate import Cand, Ctx, finite
from newsdesk.extract.figures.context import add_context, elliptical_changes
from newsdesk.extract.figures.conversions import link_conversions
from newsdesk.extract.figures.incidental import is_incidental, period_spans
from newsdesk.extract.figures.kinds import classify, complete_suspended, elliptical_unit, shared_unit, suspended_hyphen
from newsdesk.extract.figures.ranges import merge_ranges, merge_ratios
from newsdesk.extract.figures.scan import scan_candidates
from newsdesk.extract.figures.status import figure_status
from newsdesk.extract.types import Figure


def extract_figures(doc: Doc) -> list[Figure]:
    """All figures of ``doc`` in text order; ``conversion_of`` indexes into the returned list."""
    ctx = Ctx(doc)
    cands = merge_ratios(ctx, merge_ranges(ctx, scan_candidates(ctx)))
    cands = period_spans(ctx, cands)
    kept: list[Cand] = []
    pending: list[Cand] = []  # numbers with a suspended hyphen ("four-, five- and six-cylinder")
    for i, cand in enumerate(cands):
        if not finite(cand):
            continue
        if shared_unit(ctx, cand, cands[i + 1] if i + 1 < len(cands) else None):
            kept.append(cand)
            pending = []
            continue
        if cand.kind is None and suspended_hyphen(ctx, cand):
            pending.append(cand)
            continue
        if elliptical_unit(ctx, kept[-1] if kept else None, cand) or classify(ctx, cand):
            if complete_suspended(ctx, pending, cand):
                kept.extend(pending)
            kept.append(cand)
        pending = []
    kept.sort(key=lambda c: c.start)
    taken = {t.i for cand in kept for t in ctx.tokens(cand.start, cand.end) if t.idx < cand.end}
    for cand in kept:
        add_context(ctx, cand, taken)
        cand.status = figure_status(ctx, cand)
    elliptical_changes(ctx, kept)
    link_conversions(ctx, kept)
    for cand in kept:
        cand.incidental = is_incidental(ctx, cand)
    figures = []
    for cand in kept:
        text = ctx.text[cand.start:cand.end]
        figures.append(
            Figure(
                start_char=cand.start, end_char=cand.end, text=text, kind=cand.kind or "other",
                sentence_index=ctx.sent_index(cand.start), value=cand.value, value_low=cand.low,
                value_high=cand.high, unit=cand.unit, qualifier=cand.qualifier, change=cand.change,
                object=cand.object, year=cand.year, period=cand.period, conversion_of=cand.conversion_of,
                is_incidental=cand.incidental, status=cand.status,
            )
        )
    return figures
