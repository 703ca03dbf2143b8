"""Building the unit table from the catalogues (:mod:`.sources`) and the hand rows (:mod:`.rows`).

Steps, in order: (1) quantulum3's units, symbols and sub-units, and "A/B" symbols of its derived
units; (2) CLDR's units, linked to a quantulum3 name when they are the same unit, else under CLDR's
en_GB name; (3) currencies: quantulum3's surfaces, babel's codes, English names (singular and
plural), the last word of a name when only one currency's names end in it ("ringgit"), and
symbols with the side of the number the locales write them on; (4) hand rows (drop, add, set);
(5) spelling variants ("ºC", "km2", "sq miles", "miles an hour", "U.S. dollars", "HK $", "dlrs");
(6) one row per (surface, case, side): the default reading wins (:func:`.rows.rank`), the others
are kept as ``alternatives``; flags and the extractor's policy (:func:`.rows.for_extractor`).

The build is deterministic (the same rows for any ``PYTHONHASHSEED``) and takes 6-15 s, most of it
importing inflect and reading babel's 1,082 locales: the table is built once and committed.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from newsdesk.unitcatalog import sources
from newsdesk.unitcatalog.rows import (
    Row, for_extractor, is_word, key, no_extract_keys, rank, read_hand, scale_words, sides, variants,
)


class _Candidates:
    """Readings per table key while the table is built; the same unit given twice merges its sources."""

    def __init__(self):
        self.by_key: dict[str, list[Row]] = defaultdict(list)

    def add(self, row: Row) -> None:
        row.surface = " ".join(row.surface.split())
        if not row.surface:
            return
        old = next((o for side in ("P", "A") for o in self.by_key.get(key(row.surface, row.case, side), [])
                    if o.unit == row.unit and o.symbol == row.symbol), None)
        if old is None:
            for side in sides(row.position):
                self.by_key[key(row.surface, row.case, side)].append(row)
            return
        old.source = "+".join(dict.fromkeys(old.source.split("+") + row.source.split("+")))
        if "foreign" not in row.flags.split(","):  # another source writes it in English text too
            old.flags = ",".join(f for f in old.flags.split(",") if f != "foreign")
        if row.tier == "everyday":
            old.tier = "everyday"
        both = set(sides(old.position)) | set(sides(row.position))
        if both == {"P", "A"} and old.position != "both":
            old.position = "both"
            for side in both:
                bucket = self.by_key[key(old.surface, old.case, side)]
                if old not in bucket:
                    bucket.append(old)

    def all_rows(self) -> list[Row]:
        return [r for rows in self.by_key.values() for r in rows]


def build_rows(use_pint: bool = True) -> list[Row]:
    """The unit table: one row per key (surface, case, side), sorted by kind, unit and surface."""
    if not use_pint:
        sources.disable_pint()
    hand = read_hand()
    q3 = sources.quantulum3_units()
    cldr = sources.cldr_catalogue({h["surface"] for h in hand if h["action"] == "skip-cldr"})
    links = sources.link_cldr(cldr, q3, {h["surface"]: h["unit"] for h in hand if h["action"] == "link"})
    cur = sources.babel_currencies()
    kinds = {h["surface"]: h["kind"] for h in hand if h["action"] == "kind"}
    cands = _Candidates()
    _add_quantulum3(cands, q3, cldr, links, hand, cur, kinds)
    _add_cldr(cands, q3, cldr, links, kinds)
    _add_currencies(cands, q3, cur)
    _apply_hand(cands, hand)
    _add_variants(cands)
    return _resolve(cands, hand, sources.common_words())


def _kind(name: str, entity: str, kinds: dict[str, str]) -> str:
    """Figure kind of a catalogue unit: a units_hand.tsv "kind" row, else by its dimension."""
    by_entity = {"currency": "money", "time": "duration"}
    return kinds.get(name) or by_entity.get(entity, "quantity")


def _add_quantulum3(cands, q3, cldr, links, hand, cur, kinds) -> None:
    """quantulum3's units (non-currency) and currency sub-units; "A/B" symbols of derived units."""
    # a CLDR unit quantulum3 lacks may carry a quantulum3 name of another dimension ("quarter"):
    # the everyday (CLDR) unit keeps the name, quantulum3's becomes "quarter (mass)"
    taken = {sources.cldr_name(e) for uid, e in cldr.items() if not links[uid]}
    label = {n: (f"{n} ({u.entity})" if n in taken else n) for n, u in q3.items()}
    promoted = {h["unit"] for h in hand if h["action"] == "everyday"}
    everyday = {n for n in links.values() if n} | promoted
    # a sub-unit carries no ISO code in quantulum3: its currency is a hand decision (a bare "cents" is USD)
    sub_units = {h["surface"]: (h["symbol"], h["factor"]) for h in hand if h["action"] == "subunit"}
    symbol_of = _cldr_symbols(cldr, links)
    for u in q3.values():
        if u.entity == "currency" and u.name not in sub_units:
            continue
        if u.entity == "currency":
            code, factor = sub_units[u.name]
            if factor == 1:  # babel's minor-unit precision: 2 digits -> 0.01
                factor = 10.0 ** -cur.get(code, {"digits": 2})["digits"]
            kind, symbol = "money", code
        else:
            code, factor, kind = None, 1.0, _kind(u.name, u.entity, kinds)
            symbol = symbol_of.get(u.name) or (u.symbols[0] if u.symbols else "")
        tier = "everyday" if (u.name in everyday or code) else "technical"
        flags = "prefixed" if u.prefixed else ""
        pos = "suffix" if code else "after"
        sub = "+hand:subunit" if code else ""
        if u.name in promoted:
            sub += "+hand:everyday"
        for s in sorted(u.surfaces | {u.name}):
            src = "q3:name" if s == u.name and s not in u.surfaces else "q3:surface"
            cands.add(Row(s, label[u.name], symbol, kind, u.entity, "i", pos, factor, tier, src + sub, flags))
        for s in u.symbols:
            cands.add(Row(s, label[u.name], symbol, kind, u.entity, "s", pos, factor, tier, "q3:symbol" + sub, flags))
        dims = u.dimensions  # derived units quantulum3 defines by dimensions (kilometre^1 hour^-1)
        if len(dims) == 2 and dims[0]["power"] == 1 and dims[1]["power"] == -1 and not code:
            num, den = q3.get(dims[0]["base"]), q3.get(dims[1]["base"])
            for a in num.symbols if num and den else ():
                for b in den.symbols:
                    if a.isascii() and b.isascii() and a.isalnum() and b.isalnum():
                        cands.add(Row(f"{a}/{b}", label[u.name], symbol, kind, u.entity, "s", "after", factor, tier,
                                      "q3:dimensions", flags))


def _cldr_symbols(cldr, links) -> dict[str, str]:
    """A unit's symbol: CLDR's short form in "en" where CLDR has the unit ("ha", not quantulum3's first
    "sq hm"); units without one fall back to quantulum3's first symbol."""
    out: dict[str, str] = {}
    for uid, name in links.items():
        if name and cldr[uid]["short_en"]:
            out.setdefault(name, cldr[uid]["short_en"])
    return out


def _add_cldr(cands, q3, cldr, links, kinds) -> None:
    """CLDR units: a linked one adds surfaces to the quantulum3 unit, the others become units of their own."""
    symbol_of = _cldr_symbols(cldr, links)
    for uid, entry in sorted(cldr.items()):
        name = links[uid]
        if name:
            u = q3[name]
            entity, kind = u.entity, _kind(name, u.entity, kinds)
            symbol = symbol_of.get(name) or (u.symbols[0] if u.symbols else "")
        else:
            name = sources.cldr_name(entry)
            entity = sources.CLDR_CATEGORY_ENTITY.get(entry["category"], entry["category"])
            kind = _kind(name, entity, kinds)
            symbol = entry["short_en"] or (sorted(entry["short"])[0] if entry["short"] else "")
        for s in sorted(entry["long"]):
            cands.add(Row(s, name, symbol, kind, entity, "i", "after", 1.0, "everyday", "cldr:long"))
        for s in sorted(entry["short"]):
            cands.add(Row(s, name, symbol, kind, entity, "s", "after", 1.0, "everyday", "cldr:short"))


def _add_currencies(cands, q3, cur) -> None:
    """Currencies: quantulum3's surfaces and symbols, babel's codes, names, name heads and symbols."""
    q3_by_code: dict[str, list[str]] = defaultdict(list)
    for u in q3.values():
        if u.code:
            q3_by_code[u.code].append(u.name)
    # a currency's canonical name: quantulum3's (the shortest if several share the code: "dollar" over
    # "united states dollar"), else babel's English name in lower case
    cur_name = {c: min(q3_by_code[c], key=len) if c in q3_by_code else info["name"].lower() for c, info in cur.items()}
    plural_of: dict[str, dict[str, str]] = defaultdict(dict)  # code -> singular last word -> plural last word
    for c, info in cur.items():
        for one, other in sorted(info["pairs"]):
            plural_of[c][one.split()[-1].lower()] = other.split()[-1].lower()
    for u in q3.values():
        if u.entity != "currency" or not u.code:
            continue
        name = cur_name.get(u.code, u.name)
        babel_heads = {n.split()[-1].lower() for n in sorted(cur.get(u.code, {}).get("names", ()))}
        for s in sorted(u.surfaces | {u.name}):
            # "dollar" ends USD's babel names too (shared with 30 other dollars): babel confirms q3's reading
            src = "q3:surface" + ("+babel:shared-head" if s.lower() in babel_heads else "")
            cands.add(Row(s, name, u.code, "money", "currency", "i", "suffix", 1.0, "everyday", src))
            # quantulum3's plural of a bare currency word comes from inflect ("pesoes"); CLDR's is right
            if s.lower() in plural_of[u.code]:
                cands.add(Row(plural_of[u.code][s.lower()], name, u.code, "money", "currency", "i", "suffix", 1.0,
                              "everyday", "q3:surface*babel:plural"))
        for s in u.symbols:
            cands.add(Row(s, name, u.code, "money", "currency", "s", "both" if s == u.code else "prefix", 1.0,
                          "everyday", "q3:symbol"))
    heads: dict[str, set[str]] = defaultdict(set)  # "ringgit" -> {"MYR"}
    for c, info in cur.items():
        name = cur_name[c]
        cands.add(Row(c, name, c, "money", "currency", "s", "both", 1.0, "everyday", "babel:code"))
        for n in sorted(info["names"]):
            if "(" in n:
                continue
            cands.add(Row(n, name, c, "money", "currency", "i", "suffix", 1.0, "everyday", "babel:name"))
            heads[n.split()[-1].lower()].add(c)
        for sym, n_loc in info["symbols"].items():
            if len(sym) == 1 and sym.isalpha() and sym not in info["en_symbols"]:
                continue  # a lone letter ("M" loti, "L" leu) only outside English locales: not for English text
            # English text puts a symbol where English locales do; a symbol only non-English locales use is
            # a prefix if it holds a currency sign ("$US") and either side if it is letters ("kn", "zł")
            side_set = info["positions"].get((sym, True)) or (
                {"prefix"} if any(unicodedata.category(ch) == "Sc" for ch in sym) else {"prefix", "suffix"})
            if side_set == {"suffix"}:
                side_set = {"prefix", "suffix"}  # en_DE etc. write "5 €"; English news also writes "€5"
            pos = "both" if len(side_set) == 2 else next(iter(side_set))
            # letters only non-English locales write ("KM", "Ft", "zł"): English news writes the name or code
            foreign = sym not in info["en_symbols"] and not any(unicodedata.category(ch) == "Sc" for ch in sym)
            cands.add(Row(sym, name, c, "money", "currency", "s", pos, 1.0, "everyday", f"babel:symbol({n_loc})",
                          "foreign" if foreign else ""))
    # a name's last word alone ("ringgit", "baht") when only one currency's names end in it, over all of
    # the currency window: "guilders" (ANG now, NLG until 2002) and "marks" (BAM, DEM) stay out
    for head, codes in sorted(heads.items()):
        if len(codes) == 1:
            c = next(iter(codes))
            cands.add(Row(head, cur_name[c], c, "money", "currency", "i", "suffix", 1.0, "everyday", "babel:head"))


def _apply_hand(cands: _Candidates, hand: list[dict]) -> None:
    """units_hand.tsv: drop rows first, then add and set rows (a set row chooses the default reading)."""
    for h in hand:
        if h["action"] == "drop":
            for side in sides(h["position"]):
                k = key(h["surface"], h["case"], side)
                cands.by_key[k] = [r for r in cands.by_key[k] if r.unit != h["unit"] and h["unit"] != "*"]
    for h in hand:
        if h["action"] not in ("add", "set"):
            continue
        row = Row(h["surface"], h["unit"], h["symbol"], h["kind"], h["dimension"], h["case"], h["position"],
                  h["factor"], h["tier"], "hand")
        if h["action"] == "add":
            cands.add(row)
            continue
        for side in sides(row.position):
            k = key(row.surface, row.case, side)
            others = [r for r in cands.by_key[k] if r.unit != row.unit]
            same = [r for r in cands.by_key[k] if r.unit == row.unit]
            row.source = "+".join(dict.fromkeys([s for r in same for s in r.source.split("+")] + ["hand:set"]))
            cands.by_key[k] = [row] + others


def _add_variants(cands: _Candidates) -> None:
    """Spelling variants of what the catalogues and hand rows gave, twice ("US dollars" -> "US dlrs" -> "U.S. dlrs")."""
    todo = cands.all_rows()
    for _ in range(2):
        new_rows = []
        for r in todo:
            for surface, rule in variants(r):
                v = Row(surface, r.unit, r.symbol, r.kind, r.dimension, r.case, r.position, r.factor, r.tier,
                        f"variant:{rule}", r.flags)
                cands.add(v)
                new_rows.append(v)
        todo = new_rows


def _resolve(cands: _Candidates, hand: list[dict], words: frozenset[str]) -> list[Row]:
    """One row per key: the winner, the rest as its alternatives; a "both" row that wins on one side only
    keeps that side; an exact-case row duplicating a case-insensitive one folds into it; flags; policy."""
    won: dict[int, set[str]] = defaultdict(set)
    alts: dict[int, set[str]] = defaultdict(set)
    objs: dict[int, Row] = {}
    for k, rows in cands.by_key.items():
        if not rows:
            continue
        rows = rows if "hand:set" in rows[0].source or rows[0].source == "hand" else sorted(rows, key=rank)
        win = rows[0]
        objs[id(win)] = win
        won[id(win)].add(k[0])
        alts[id(win)] |= {r.unit for r in rows[1:] if r.unit != win.unit}
    ci = {(w.surface.lower(), w.unit, w.position): w for w in objs.values() if w.case == "i"}
    for i, w in list(objs.items()):
        twin = ci.get((w.surface.lower(), w.unit, w.position)) if w.case == "s" else None
        if twin is not None:
            twin.source = "+".join(dict.fromkeys(twin.source.split("+") + w.source.split("+")))
            del objs[i]
    scales = scale_words()
    out: list[Row] = []
    for i, win in objs.items():
        if win.position == "both" and won[i] != {"P", "A"}:
            win.position = "prefix" if won[i] == {"P"} else ("suffix" if win.kind == "money" else "after")
        flags = set(filter(None, win.flags.split(",")))
        if alts[i]:
            flags.add("ambiguous")
            win.alternatives = "|".join(sorted(alts[i]))
        if is_word(win, words):
            flags.add("word")
        if win.surface in scales:
            flags.add("scale")
        if len(win.surface) == 1 and win.surface.isalpha():
            flags.add("short")
        win.flags = ",".join(sorted(flags))
        out.append(win)
    no_ex = no_extract_keys(hand)
    for r in out:
        r.extract = "y" if for_extractor(r, no_ex) else "n"
    out.sort(key=lambda r: (r.kind, r.unit, r.case, r.surface.lower(), r.position))
    return out
