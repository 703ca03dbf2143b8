"""Units and currencies around a number: the catalogue-built table ``newsdesk/data/units.tsv`` (see
:mod:`newsdesk.unitcatalog`), read once, and matching it before and after a number.

The table has one row per surface and side of the number; the extractor uses the rows marked
``extract=y``. A currency symbol or code before the number ("US$200", "Rs 500", "EUR 5") and a
unit or currency after it and its scale word ("10 billion cubic m", "10bn yuan", "63 cents") are
found by dictionary look-up, longest surface first (exact case, then any case), not by one regex of
every surface. A currency's sub-unit scales the value to the currency ("63 cents" -> 0.63 USD).
Money priced per unit takes the unit after "a"/"per" ("$87 a barrel" -> "USD/barrel").

What a figure stores (``Figure.unit``): the ISO 4217 code for money ("USD", "USD/barrel" for a
price per unit), the unit's canonical catalogue name otherwise ("kilometre", "percentage",
"degree Celsius", "barrel per day"): one name per unit, the name both public gold sets use.

Guards for ambiguous surfaces: a currency word that is also an everyday word ("won", "real",
``figures_currency_words_need_scale.txt``) is money only after a scale word ("5 billion won"); "p"
and "sen" only attached or one space after a digit ("4 p.m." is a time); one- and two-letter units
need the number right before them ("C", "F", "W", "g", "m"; "F-35" is no temperature). A unit
whose other reading is a currency ("pounds": weight or sterling) is money after a scale word ("2
billion pounds") or a money word shortly before ("paid 450,000 pounds", "a fine of 5,000
pounds"); "2,000 pounds of explosives" and "a 200-pound man" are weights.

The same table names the units for the evaluator (:func:`unit_names`, :func:`sub_units`,
:func:`per_unit_names`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk import lexicon
from newsdesk.extract.figures.candidate import Cand, Ctx
from newsdesk.extract.figures.patterns import phrases


@dataclass(frozen=True, slots=True)
class UnitRow:
    """One extractable reading of a surface."""

    surface: str
    name: str  # canonical catalogue name ("kilometre", "dollar", "cent")
    code: str  # ISO 4217 code for money, the unit's symbol otherwise
    kind: str  # FIGURE_KINDS
    factor: float  # a sub-unit's share of its currency ("cents" 0.01), else 1
    alternatives: tuple[str, ...]  # readings that lost to this one ("pounds": pound sterling)

    @property
    def stored(self) -> str:
        """What Figure.unit holds: the ISO code for money, the catalogue name otherwise."""
        return self.code if self.kind == "money" else self.name


@dataclass(frozen=True, slots=True)
class Hit:
    """A surface matched in the text: [start, end) with the spacing or hyphen before it (``sp``)."""

    start: int
    end: int
    surface: str
    sp: str
    row: UnitRow


def _norm(s: str) -> str:
    return " ".join(s.split())


class SurfaceTable:
    """Surfaces of one side of the number -> their reading; longest match by dictionary look-up."""

    def __init__(self, rows: list[tuple[str, bool, UnitRow]]):
        self.exact: dict[str, UnitRow] = {}
        self.lower: dict[str, UnitRow] = {}
        for surface, insensitive, row in rows:
            table, k = (self.lower, _norm(surface).lower()) if insensitive else (self.exact, _norm(surface))
            table.setdefault(k, row)
        self.maxlen = max((len(k) for k in (*self.exact, *self.lower)), default=0) + 4  # doubled spaces
        self.first = {k[0] for k in self.exact} | {k[0] for k in self.lower}

    def get(self, surface: str) -> UnitRow | None:
        s = _norm(surface)
        return self.exact.get(s) or self.lower.get(s.lower())

    def longest_at(self, text: str, pos: int, stop: str = "") -> tuple[int, UnitRow] | None:
        """(end, row) of the longest surface starting at ``pos`` that does not stop inside a word
        (or before one of ``stop``), else None."""
        if pos >= len(text) or text[pos].lower() not in self.first and text[pos] not in self.first:
            return None
        for end in range(min(len(text), pos + self.maxlen), pos, -1):
            if end < len(text) and (text[end].isalnum() or text[end] == "_" or text[end] in stop):
                continue
            cand = text[pos:end]
            if cand[-1].isspace() or "\n\n" in cand:
                continue
            row = self.get(cand)
            if row is not None:
                if cand.endswith(".") and (end == len(text) or text[end].isspace()) and self.get(cand[:-1]):
                    return end - 1, self.get(cand[:-1])  # "8 pct." ending a sentence: the full stop is the sentence's
                return end, row
        return None

    def longest_before(self, text: str, end: int) -> tuple[int, UnitRow] | None:
        """(start, row) of the longest surface ending at ``end`` that does not start inside a word."""
        for start in range(max(0, end - self.maxlen), end):
            cand = text[start:end]
            if cand[0].isspace():
                continue
            if cand[0].isalnum() and start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            row = self.get(cand)
            if row is not None:
                return start, row
        return None


def _load() -> tuple[SurfaceTable, SurfaceTable, dict[str, str]]:
    """The prefix (currency before a number) and after-number tables, and every currency's name by code."""
    prefix, after = [], []
    currency_names: dict[str, str] = {}
    for surface, name, code, kind, _, case, position, factor, _, _, _, alternatives, extract in lexicon.rows("units"):
        if kind == "money" and float(factor) == 1:
            currency_names.setdefault(code, name)
        if extract != "y":
            continue
        row = UnitRow(surface, name, code, kind, float(factor), tuple(filter(None, alternatives.split("|"))))
        if position in ("prefix", "both"):
            prefix.append((surface, case == "i", row))
        if position != "prefix":
            after.append((surface, case == "i", row))
    return SurfaceTable(prefix), SurfaceTable(after), currency_names


PREFIX, AFTER, _CURRENCY_NAMES = _load()
_CODE_OF_NAME = {name: code for code, name in _CURRENCY_NAMES.items()}

_SPACE_AFTER = re.compile(r"[ \t]*(?:\n[ \t]*)?-?|-")
_OF_AFTER = re.compile(r"\s+of\s+")
_SPACE_BEFORE = re.compile(r"[ \t]?$")


def unit_after(text: str, pos: int) -> Hit | None:
    """The unit or currency written after position ``pos`` (after a number and its scale word), with
    the spacing or hyphen between: "5 km", "5-km", "10bn yuan"; not "5 km2x" (inside a word) nor "5 %s"."""
    sp = _SPACE_AFTER.match(text, pos)
    start = sp.end() if sp else pos
    found = AFTER.longest_at(text, start, stop="%$")
    if found is None:
        return None
    end, row = found
    return Hit(start, end, text[start:end], text[pos:start], row)


def currency_of_after(text: str, pos: int) -> Hit | None:
    """A currency after "of": "millions of dollars", "hundreds of euros"."""
    m = _OF_AFTER.match(text, pos)
    if m is None:
        return None
    found = AFTER.longest_at(text, m.end(), stop="%$")
    if found is None or found[1].kind != "money":
        return None
    return Hit(m.end(), found[0], text[m.end():found[0]], text[pos:m.end()], found[1])


def currency_before(text: str, pos: int) -> Hit | None:
    """The currency symbol or code right before ``pos`` (one space or tab may stand between):
    "US$200", "Rs 500", "EUR 5"; not "ABCRM5" (a code glued inside a word)."""
    sp = _SPACE_BEFORE.search(text, max(0, pos - 1), pos)
    end = sp.start() if sp else pos
    found = PREFIX.longest_before(text, end)
    if found is None:
        return None
    start, row = found
    return Hit(start, end, text[start:end], text[end:pos], row)


_PER_UNIT_NOUNS = lexicon.rows("figures_per_units")  # nouns a price is per that are not units: "share"
_PER_AFTER = re.compile(r"^(?:[ \t]*(?:an?|per)\s+|/)", re.I)


def per_unit_after(after: str) -> str | None:
    """The unit a price is per, written after it: "a barrel", "per sq m", "/kg", "a share" -> its name
    ("barrel", "square metre", "share"); None when the words after are no unit."""
    m = _PER_AFTER.match(after)
    if m is None:
        return None
    for surface, name in _PER_UNIT_NOUNS:
        if re.match(rf"{phrases([surface])}\b", after[m.end():], re.I):
            return name
    found = AFTER.longest_at(after, m.end(), stop="%$")
    if found is None or found[1].kind in ("money", "percent", "percentage_point", "multiple", "age", "duration"):
        return None
    return found[1].name


def unit_names() -> dict[str, str]:
    """Figure.unit -> the unit's canonical catalogue name: a currency's code -> its name ("USD" ->
    "dollar"), a measure's name -> itself. Read by newsdesk.evaluate.figures."""
    names = dict(_CURRENCY_NAMES)
    for surface, name, code, kind, *_ in lexicon.rows("units"):
        if kind != "money":
            names.setdefault(name, name)
    return names


def sub_units() -> dict[str, tuple[str, float]]:
    """A currency's sub-units as written (lower case, spaces collapsed: "cents", "p", "euro cents") ->
    (the sub-unit's catalogue name, how many make the currency unit): "cents" -> ("cent", 100.0)."""
    return {
        _norm(surface).lower(): (name, round(1 / float(factor), 6))
        for surface, name, _, kind, _, _, _, factor, *_ in lexicon.rows("units")
        if kind == "money" and float(factor) < 1
    }


def per_unit_names() -> dict[str, str]:
    """A per-unit noun that is not a unit ("share", "head") -> its name, as Figure.unit writes it after
    the "/" ("USD/share"); units after the "/" are written by their catalogue name already."""
    return {_norm(surface).lower(): name for surface, name in _PER_UNIT_NOUNS}


_NEED_SCALE = lexicon.words("figures_currency_words_need_scale", lower=True)


def currency_suffix_ok(ctx: Ctx, cand: Cand, hit: Hit) -> bool:
    """Guards for ambiguous currency words after a number ("won", "real", "p", "sen")."""
    surface = hit.surface
    if surface.lower() in _NEED_SCALE and not cand.has_scale:
        return False  # "they won", "10 real reasons"; only "5 billion won"
    if surface in ("p", "sen") and (hit.sp not in ("", " ") or cand.spelled):
        return False
    if surface == "p":
        nxt = ctx.text[hit.end:hit.end + 3]
        if nxt.startswith(".m") or nxt.startswith(".M"):
            return False  # "4 p.m."
    return "-" not in hit.sp or not cand.spelled  # "a 10-dollar bill", not "a one-dollar"


def unit_ok(ctx: Ctx, cand: Cand, hit: Hit) -> bool:
    """Guards for short or ambiguous unit surfaces."""
    surface, sp = hit.surface, hit.sp
    if len(surface) <= 2 and surface.isalpha() and sp.strip(" \t") not in ("", "-"):
        return False
    if surface in ("C", "F", "W", "V", "g", "m", "PS") and sp not in ("", " "):
        return False
    if surface in ("C", "F") and ctx.text[hit.end:hit.end + 1] in ("-", "."):
        return False  # "F-35", "C."
    if surface.lower() == "second" and (cand.spelled or sp == ""):
        return False
    return True


def currency_alternative(row: UnitRow) -> str | None:
    """The ISO code of a currency reading a unit surface lost to ("pounds": weight, else GBP), if any."""
    if len(row.surface) <= 2:
        return None
    return next((_CODE_OF_NAME[a] for a in row.alternatives if a in _CODE_OF_NAME), None)


_MONEY_CONTEXT = re.compile(rf"\b(?:{phrases(lexicon.ordered('figures_money_words'))})\b[^.;:!?]{{0,30}}$", re.I)


def unit_is_money(ctx: Ctx, cand: Cand, hit: Hit) -> bool:
    """A unit whose other reading is a currency ("pounds") after a number: money with a scale word ("2
    billion pounds") or a money word shortly before ("paid 450,000 pounds", "a fine of 5,000 pounds"),
    else the unit ("lost 20 pounds", "2,000 pounds of explosives", "a 200-pound man")."""
    if cand.spelled or hit.sp.strip(" \t") == "-":
        return False
    if cand.has_scale:
        return True
    text = ctx.text
    if re.match(r"\s+of\b", text[hit.end:hit.end + 4]):
        return False
    return _MONEY_CONTEXT.search(text[max(0, cand.start - 50):cand.start]) is not None
