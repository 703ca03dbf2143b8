"""Units and currencies: the tables in ``newsdesk/data/units.tsv`` and ``currencies.tsv``, and
matching them around a number.

A currency symbol or code before the number ("US$200", "Rs 500") and a unit or currency word after
it and its scale ("10 billion cubic m", "10bn yuan", "63 cents") are read from the tables (longest
surface first, exact or any case as each row says); a currency's sub-unit scales the value to the
currency ("63 cents" -> 0.63 USD). Money priced per unit takes the unit after "a"/"per" ("$87 a
barrel" -> "USD/barrel").

Guards for ambiguous surfaces: "won" is a currency only after a scale word ("5 billion won"), "p"
and "sen" only attached or one space after a digit ("4 p.m." is a time); one- and two-letter units
need the number right before them ("C", "F", "W", "g", "m"; "F-35" is no temperature). Limits:
"pounds" is a weight unless a scale word precedes it ("2 billion pounds") or a money word stands
shortly before ("paid 450,000 pounds", "a fine of 5,000 pounds"); "2,000 pounds of explosives" and
"a 200-pound man" are weights.

The tables also give each unit's name as NewsQuant writes it (:func:`unit_names`, :func:`sub_units`,
:func:`per_unit_names`), which the evaluator (newsdesk.evaluate.figures) compares with the gold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk import lexicon
from newsdesk.extract.figures.candidate import Cand, Ctx
from newsdesk.extract.figures.patterns import alternation, phrases


@dataclass(frozen=True, slots=True)
class _Currency:
    iso: str
    factor: float


@dataclass(frozen=True, slots=True)
class _Unit:
    unit: str
    kind: str


def _key(surface: str, insensitive: bool) -> str:
    """Table key: exact surface, or 'i:' + lower case for case-insensitive entries."""
    surface = " ".join(surface.split())
    return "i:" + surface.lower() if insensitive else surface


def _load_tables():
    prefix: dict[str, _Currency] = {}
    suffix: dict[str, _Currency] = {}
    pre_s, suf_s = [], []
    for surface, iso, position, factor, case in (row[:5] for row in lexicon.rows("currencies")):
        cur = _Currency(iso, float(factor))
        key = _key(surface, case == "i")
        if position in ("prefix", "both"):
            prefix[key] = cur
            pre_s.append((surface, case == "i"))
        if position in ("suffix", "both"):
            suffix[key] = cur
            suf_s.append((surface, case == "i"))
    units: dict[str, _Unit] = {}
    unit_s = []
    for surface, unit, kind, case in (row[:4] for row in lexicon.rows("units")):
        units[_key(surface, case == "i")] = _Unit(unit, kind)
        unit_s.append((surface, case == "i"))
    return prefix, suffix, units, pre_s, suf_s, unit_s


PREFIX_CUR, SUFFIX_CUR, UNITS, PRE_S, _SUF_S, _UNIT_S = _load_tables()


def lookup(table: dict, surface: str):
    """Table entry for a matched surface (exact case first, then lower case; spaces collapsed)."""
    s = " ".join(surface.split())
    return table.get(s) or table.get("i:" + s.lower())


UNIT_RE = re.compile(rf"(?P<sp>[ \t]*(?:\n[ \t]*)?-?|-)(?P<unit>{alternation(_UNIT_S)})(?![\w%$])")
SUFFIX_CUR_RE = re.compile(rf"(?P<sp>[ \t]*(?:\n[ \t]*)?)(?P<cur>{alternation(_SUF_S)})(?![\w])")
VAGUE_OF_CUR_RE = re.compile(rf"\s+of\s+(?P<cur>{alternation(_SUF_S)})(?![\w])")

_PER_UNITS = lexicon.rows("figures_per_units")
PER_UNIT_AFTER = re.compile(rf"^[ \t]*(?:an?|per)\s+(?P<u>{phrases(surface for surface, _ in _PER_UNITS)})\b", re.I)


def unit_names() -> dict[str, str]:
    """Figure.unit -> its name in NewsQuant's vocabulary (``normalized_unit``): the newsquant_name column
    of units.tsv, and of currencies.tsv for a currency's main unit ("USD" -> "dollar"). Units without a
    name are left out; a unit named two ways is an error. Read by newsdesk.evaluate.figures."""
    names: dict[str, str] = {}
    pairs = [(row[1], row[4]) for row in lexicon.rows("units")]
    pairs += [(row[1], row[5]) for row in lexicon.rows("currencies") if float(row[3]) == 1]
    for unit, name in pairs:
        if name and names.setdefault(unit, name) != name:
            raise ValueError(f"unit {unit!r} has two newsquant names: {names[unit]!r} and {name!r}")
    return names


def sub_units() -> dict[str, tuple[str, float]]:
    """A currency's sub-units as written (lower case, spaces collapsed: "cents", "p", "euro cents") ->
    (NewsQuant's name for them, how many make the currency unit): "cents" -> ("cent", 100.0)."""
    return {
        " ".join(surface.lower().split()): (name, 1 / float(factor))
        for surface, _, _, factor, _, name in lexicon.rows("currencies")
        if float(factor) < 1
    }


def per_unit_names() -> dict[str, str]:
    """A per-unit as written into Figure.unit ("sq m" of "USD/sq m") -> its NewsQuant name ("square metre")."""
    return {" ".join(surface.lower().split()): name for surface, name in _PER_UNITS}


def currency_suffix_ok(ctx: Ctx, cand: Cand, cm: re.Match) -> bool:
    """Guards for ambiguous currency words after a number ("won", "p", "sen", "dong")."""
    surface = cm.group("cur")
    if surface == "won" and not cand.has_scale:
        return False  # "they won", "10 won"? only "5 billion won"
    if surface in ("p", "sen") and (cm.group("sp") not in ("", " ") or cand.spelled):
        return False
    if surface == "p":
        nxt = ctx.text[cm.end():cm.end() + 3]
        if nxt.startswith(".m") or nxt.startswith(".M"):
            return False  # "4 p.m."
    return True


def unit_ok(ctx: Ctx, cand: Cand, um: re.Match, u: _Unit) -> bool:
    """Guards for short or ambiguous unit surfaces."""
    surface = um.group("unit")
    sp = um.group("sp")
    if len(surface) <= 2 and surface.isalpha() and sp.strip(" \t") not in ("", "-"):
        return False
    if surface in ("C", "F", "W", "V", "g", "m", "PS") and sp not in ("", " "):
        return False
    if surface in ("C", "F") and ctx.text[um.end():um.end() + 1] in ("-", "."):
        return False  # "F-35", "C."
    if surface in ("second",) and cand.spelled:
        return False
    if u.kind == "duration" and surface.lower() in ("second",):
        return sp != ""
    return True


_MONEY_CONTEXT = re.compile(rf"\b(?:{phrases(lexicon.ordered('figures_money_words'))})\b[^.;:!?]{{0,30}}$", re.I)


def pounds_are_money(ctx: Ctx, cand: Cand, um: re.Match) -> bool:
    """'pounds' after a number: money with a scale word ("2 billion pounds") or a money word shortly
    before ("paid 450,000 pounds", "a fine of 5,000 pounds"), else a weight ("lost 20 pounds",
    "2,000 pounds of explosives", "a 200-pound man")."""
    if cand.spelled or um.group("sp").strip(" \t") == "-":
        return False
    if cand.has_scale:
        return True
    text = ctx.text
    if re.match(r"\s+of\b", text[um.end():um.end() + 4]):
        return False
    return _MONEY_CONTEXT.search(text[max(0, cand.start - 50):cand.start]) is not None
