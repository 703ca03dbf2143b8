"""Qualifier, change, object, year and period of a figure, from the text and parse around it.

- qualifier and change (NewsQuant convention: "=", "~", ">", "<", "up", "down"): "more than" >,
  "about" ~, "up to" <, "as many as" =; a verb of change before the figure gives "up" or "down"
  ("rose 76%", "fell by 2"), "+0.2%" is up; a bare "by N" after a change takes it ("Exports were
  up 4.1%, imports by 2.2%");
- object: see :mod:`.objects` (counts and ages already name theirs);
- year: "in 2021", "for fiscal 2020";
- period: a rate after the figure ("a month", "per year", "/hour" -> "per month", "per year",
  "per hour"; "a year
  earlier" is a comparison, not a rate), or a period phrase ("annually", "last year", "in the first
  three quarters"); money priced per unit gets a per-unit ("$87 a barrel" -> "USD/barrel", "$3 per
  sq ft" -> "USD/square foot").
"""

from __future__ import annotations

import re

from newsdesk import lexicon
from newsdesk.extract.figures.candidate import Cand, Ctx
from newsdesk.extract.figures.objects import object_token, phrase
from newsdesk.extract.figures.patterns import phrases
from newsdesk.extract.figures.units import per_unit_after

_QUALIFIERS = lexicon.mapping("figures_qualifiers")  # "more than" -> ">"
QUAL_ALT = phrases(sorted(_QUALIFIERS, key=len, reverse=True))
QUAL_RE = re.compile(rf"(?:^|(?<=[^\w]))(?P<q>{QUAL_ALT})\s*$", re.I)
_CHANGE_WORDS = lexicon.rows("figures_change_words")
_UP = "|".join(word for word, change in _CHANGE_WORDS if change == "up")
_DOWN = "|".join(word for word, change in _CHANGE_WORDS if change == "down")
CHANGE_RE = re.compile(
    rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))(?:\s+(?:by|of))?\s*(?:(?:{QUAL_ALT})\s*)?$",
    re.I,
)
_YEAR_AFTER = re.compile(
    r"^[^.;:!?()]{0,30}?\b(?:in|for|during|by|of|through)\s+(?:fiscal\s+|FY\s*|the\s+year\s+)?"
    r"((?:19|20)\d\d)\b(?!\s*[%$])"
)
_RATE_PERIODS = lexicon.mapping("figures_rate_periods")  # "a month" -> "per month"
# Words after "a year", "this month" that make it a point in time, not a rate or period: "a year
# earlier", "a month ago"; after a rate also "a year on", "a week from now".
_NOT_A_RATE = "earlier|ago|later|before|after|on|from|back|previously"
_NOT_A_PERIOD = "earlier|ago|later|before|after|back|previously"
_RATE_AFTER = re.compile(
    rf"^(?:[ \t]*(?:an?|per|each|every)\s+|/)(?P<p>{'|'.join(_RATE_PERIODS)})\b"
    rf"(?!\s+(?:{_NOT_A_RATE}))",
    re.I,
)

_PERIOD_AFTER = re.compile(
    r"^[^.;:!?()]{0,40}?\b(?P<p>annually|yearly|monthly|weekly|daily|a\s+year|per\s+year|per\s+annum|"
    r"(?:this|last|next)\s+(?:year|month|week|quarter)|year[- ]on[- ]year|"
    r"in\s+the\s+(?:first|second|third|fourth|last)\s+(?:(?:two|three)\s+)?(?:quarters?|half|months)"
    r"(?:\s+of\s+(?:this|last|the)\s+year)?)\b"
    rf"(?!\s+(?:{_NOT_A_PERIOD}))",
    re.I,
)
_BRACKET_AFTER = re.compile(r"^\s*\([^()]{1,40}\)")


def add_context(ctx: Ctx, cand: Cand, taken: set[int]) -> None:
    """Qualifier, change, object, year and period from the text and parse around the figure."""
    text = ctx.text
    s_start, s_end = ctx.sent_bounds(cand.start)
    before = text[max(s_start, cand.start - 60):cand.start]
    qm = QUAL_RE.search(before)
    if qm:
        q = re.sub(r"\s+", " ", qm.group("q").lower())
        cand.qualifier = q
        cand.change = _QUALIFIERS[q]
    chm = CHANGE_RE.search(before)
    if chm:
        cand.change = "up" if chm.group("up") else "down"
    plus = cand.start > 0 and text[cand.start - 1] == "+"
    if cand.change is None and plus and cand.kind in ("percent", "money", "percentage_point"):
        cand.change = "up"  # "Dow +0.2%"
    if cand.change is None:
        cand.change = "="
    if cand.object is None:  # counts, ratios and apposed ages already name theirs
        otok = object_token(ctx, cand, taken)
        if otok is not None:
            s, e = phrase(otok, taken)
            if not (s < cand.end and e > cand.start):
                cand.object = text[s:e]
    after = text[cand.end:min(s_end, cand.end + 80)]
    after = _BRACKET_AFTER.sub("", after, count=1)  # skip a bracketed conversion: "$2bn (S$2.7bn) a year"
    if cand.kind == "count" and cand.object:  # "3,000 tests a day": the rate follows the counted noun
        om = re.match(rf"[ \t]*{re.escape(cand.object)}\b", after)
        after = after[om.end():] if om else after
    per = per_unit_after(after) if cand.kind == "money" else None
    if per:
        cand.unit = f"{cand.unit}/{per}"
    rm = _RATE_AFTER.match(after)
    if rm:
        cand.period = _RATE_PERIODS[rm.group("p").lower()]
    else:
        pm = _PERIOD_AFTER.match(after)
        if pm:
            cand.period = re.sub(r"\s+", " ", pm.group("p").lower())
    ym = _YEAR_AFTER.match(after)
    if ym:
        cand.year = int(ym.group(1))


_BY_BEFORE = re.compile(r"\bby\s*$", re.I)


def elliptical_changes(ctx: Ctx, cands: list[Cand]) -> None:
    """'Exports were up 4.1%, imports by 2.2%': a bare 'by N' takes the change of the figure before."""
    for prev, cand in zip(cands, cands[1:]):
        if (
            cand.change == "=" and prev.change in ("up", "down") and prev.kind == cand.kind
            and ctx.sent_index(prev.start) == ctx.sent_index(cand.start)
            and _BY_BEFORE.search(ctx.text[max(prev.end, cand.start - 30):cand.start])
        ):
            cand.change = prev.change
