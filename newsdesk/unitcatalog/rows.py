"""The unit table's row, its hand decisions (``newsdesk/data/units_hand.tsv``), its spelling variants,
which reading of a shared surface wins, and which rows the extractor matches.

Build-time only, like the rest of :mod:`newsdesk.unitcatalog`; the extractor reads the
written table (``newsdesk/data/units.tsv``) through :mod:`newsdesk.lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from newsdesk import lexicon

HAND_ACTIONS = ("add", "set", "drop", "link", "skip-cldr", "no-extract", "everyday", "subunit", "kind")


@dataclass(slots=True)
class Row:
    surface: str
    unit: str  # canonical name (quantulum3's name; CLDR/babel name where quantulum3 has none)
    symbol: str  # ISO 4217 code for money, else the unit's main symbol ("" if none)
    kind: str  # FIGURE_KINDS: money, percent, percentage_point, multiple, duration, age, quantity
    dimension: str  # quantulum3 entity ("length", "currency", "temperature"...)
    case: str  # "s" exact case, "i" any case
    position: str  # after|prefix|suffix|both ("after" for units: after the number)
    factor: float = 1.0  # cents -> 0.01 of the currency
    tier: str = "everyday"  # everyday (CLDR unit or currency) | technical (quantulum3 only)
    source: str = ""  # catalogues that give this surface for this unit, "+"-joined
    flags: str = ""  # word (a common English word), scale, short (1 char), ambiguous, prefixed
    alternatives: str = ""  # other units the same surface has in the catalogues ("unit|unit")
    extract: str = ""  # "y" if the extractor matches it (:func:`for_extractor`, decided at build time)


COLUMNS = [f.name for f in fields(Row)]


def read_hand() -> list[dict]:
    """The rows of ``units_hand.tsv`` as dicts (action, surface, unit, symbol, kind, dimension, case,
    position, factor, tier, why); raises on an unknown action or a row without a reason."""
    out = []
    for row in lexicon.rows("units_hand"):
        action, surface, unit, symbol, kind, dimension, case, position, factor, tier, why = (row + ("",) * 11)[:11]
        if action not in HAND_ACTIONS:
            raise ValueError(f"units_hand.tsv: unknown action {action!r}")
        if not why:
            raise ValueError(f"units_hand.tsv: a row without a reason: {row}")
        out.append(dict(action=action, surface=surface, unit=unit, symbol=symbol, kind=kind, dimension=dimension,
                        case=case or "i", position=position or "after", factor=float(factor or 1),
                        tier=tier or "everyday", why=why))
    return out


def scale_words() -> frozenset[str]:
    """Scale words the extractor reads after a number ("m", "bn", "million"): their surfaces are flagged."""
    return frozenset(row[0] for row in lexicon.rows("figures_scale_words"))


def sides(position: str) -> tuple[str, ...]:
    """The sides of the number a row reads on: P (before: "$5") and/or A (after: "5 km", "5 dollars")."""
    return {"prefix": ("P",), "both": ("P", "A")}.get(position, ("A",))


def key(surface: str, case: str, side: str) -> str:
    """Table key: the side of the number and the surface (lower case if case-insensitive). Readings
    on different sides coexist ("PS" = £ before a number, horsepower after it); readings on the same
    side compete, money and units alike ("kn" after a number: kuna or knot)."""
    s = " ".join(surface.split())
    return side + ":" + (s if case == "s" else "i:" + s.lower())


def variants(row: Row) -> list[tuple[str, str]]:
    """Spelling variants every news text uses, applied to catalogue surfaces: (surface, rule name)."""
    s, out = row.surface, []
    if "°" in s:
        out.append((s.replace("°", "º"), "ordinal-sign"))  # "ºC": masculine ordinal for the degree sign
    if any(ch in s for ch in "²³"):
        out.append((s.replace("²", "2").replace("³", "3"), "ascii-power"))  # "km2", "m3"
    if row.case == "i" and re.match(r"(square|cubic) \w", s):
        out.append((re.sub(r"^square ", "sq ", re.sub(r"^cubic ", "cu ", s)), "sq-cu"))  # "sq miles"
    power = re.fullmatch(r"(square|cubic) .+", row.unit) and re.fullmatch(r"([a-zµμ]{1,3})([²³])", row.symbol)
    if power and row.surface == row.symbol:  # "cubic m", "sq km": the power as a word before the length symbol
        words = ("square", "sq") if power.group(2) == "²" else ("cubic", "cu")
        out += [(f"{w} {power.group(1)}", "power-word") for w in words]
    if row.case == "i" and " per " in s:  # "miles an hour", "barrels a day"
        tail = s.split(" per ", 1)[1]
        art = "an" if re.match(r"[aeiou]|hour|honest", tail) else "a"
        out.append((s.replace(" per ", f" {art} ", 1), "per-article"))
        if s.count(" ") == 2:  # "barrels-a-day" (one-word unit per one-word unit)
            out.append((s.replace(" per ", f"-{art}-", 1), "per-article"))
    if row.kind == "money":
        if re.match(r"(?i)us\b|us\$", s):
            out.append((re.sub(r"(?i)^us", "U.S.", s), "U.S."))  # "U.S. dollars", "U.S.$"
        if re.fullmatch(r"[A-Z]{1,3}\$", s):
            out.append((s[:-1] + " $", "spaced-sign"))  # "HK $"
        if re.search(r"\bdollars?$", s, re.I):
            out.append((re.sub(r"dollar(s?)$", lambda m: "dlr" + m.group(1), s, flags=re.I), "dlrs"))  # wire copy
    return out


def is_word(r: Row, words: frozenset[str]) -> bool:
    """One of the 10,000 most common English words (quantulum3's list, from web text): a
    case-insensitive surface, or a lower-case symbol with a vowel; an exact-case symbol such as "RM"
    or "GB", or a vowel-less abbreviation such as "pct", "lbs", "mpg", is not the word; an ISO 4217 code that
    spells a word is ("ALL", "TOP", "CUP": capitals in a headline)."""
    s = r.surface
    if s.lower() not in words:
        return False
    return r.case == "i" or (s.islower() and any(v in s for v in "aeiou")) or (r.kind == "money" and s == r.symbol)


def families(r: Row) -> set[str]:
    """Catalogues that give this row: q3, cldr, babel, hand (a spelling variant counts as its origin)."""
    return {src.split(":")[0] for src in r.source.split("+")} - {"variant"}


def rank(r: Row):
    """Default reading of a surface several units share: a hand row; an everyday unit over a technical one;
    a catalogue entry over an SI-prefix-generated one; for currency symbols the code most locales
    write it for; then the reading more catalogues give; then the name (for a stable order)."""
    n_loc = max((int(m) for m in re.findall(r"babel:symbol\((\d+)\)", r.source)), default=0)
    n_src = len(families(r) - {"hand"})
    hand = bool({"hand", "hand:set"} & set(r.source.split("+")))
    return (not hand, r.tier != "everyday", "prefixed" in r.flags, -n_loc, -n_src, r.unit)


def for_extractor(r: Row, no_extract: frozenset[str] = frozenset()) -> bool:
    """Whether the extractor matches this surface (the table keeps every row, for naming).

    - technical units (only quantulum3 has them: "gray", "barn", "darcy", "attometre") are left
      out: after a number in news they are counted nouns ("5 barns") or noise;
    - a single letter is matched only with a hand row ("m", "C"; not "A" = ampere: "12A rating");
    - a surface that is one of the 10,000 most common English words is matched only when two
      catalogues give it ("mile": quantulum3 and CLDR) or a hand row does, not on one catalogue's
      word alone ("gold" = the Zimbabwe gold currency's last name word in babel, "st" = stone in
      CLDR, "set" in quantulum3);
    - units_hand.tsv "no-extract" rows: surfaces two catalogues agree on that are still words
      after a number in news ("3 in 10");
    - a currency symbol of letters that only non-English locales write ("KM", "Ft", "DA"; flag
      "foreign"): English news writes the currency's name or code, and the letters are mostly a
      unit or an abbreviation there ("10 KM race").
    """
    if r.tier != "everyday" or any(key(r.surface, r.case, sd) in no_extract for sd in sides(r.position)):
        return False
    flags = set(r.flags.split(","))
    if "foreign" in flags:
        return False
    fam = families(r)
    if "short" in flags and not {"hand", "hand:set"} & set(r.source.split("+")):
        return False  # a lone letter after a number ("12A", "10K race", "N.Z.") needs a hand row
    if "word" in flags and not ("hand" in fam or len(fam) >= 2):
        return False
    return True


def no_extract_keys(hand: list[dict]) -> frozenset[str]:
    """Table keys of the units_hand.tsv "no-extract" rows."""
    return frozenset(key(h["surface"], h["case"], sd) for h in hand if h["action"] == "no-extract"
                     for sd in sides(h["position"]))


def format_rows(rows: list[Row], header: list[str]) -> str:
    """The table as the text of newsdesk/data/units.tsv: comment lines, then one tab-separated row a line."""
    lines = [f"# {line}" if line else "#" for line in header]
    for r in rows:
        vals = [f"{r.factor:g}" if c == "factor" else getattr(r, c) for c in COLUMNS]
        if any("\t" in v or "\n" in v for v in vals):
            raise ValueError(f"a tab or newline in a unit row: {vals}")
        lines.append("\t".join(vals))
    return "\n".join(lines) + "\n"
