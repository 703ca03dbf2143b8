"""The catalogue-built unit table (newsdesk/unitcatalog, newsdesk/data/units.tsv): up to date with the
pinned catalogues, well formed, the readings news needs, and the extractor's policy."""

from __future__ import annotations

from collections import defaultdict

import pytest

from newsdesk import lexicon
from newsdesk.schemas import FIGURE_KINDS
from newsdesk.unitcatalog import build_table_text, catalogues_installed, committed_table_text
from newsdesk.unitcatalog.rows import COLUMNS, Row, for_extractor, no_extract_keys, read_hand


@pytest.fixture(scope="module")
def table() -> list[Row]:
    return [Row(**{**dict(zip(COLUMNS, r)), "factor": float(r[7])}) for r in lexicon.rows("units")]


@pytest.fixture(scope="module")
def get(table):
    exact, lower = defaultdict(list), defaultdict(list)
    for r in table:
        (exact[r.surface] if r.case == "s" else lower[r.surface.lower()]).append(r)
    return lambda s: exact.get(s, []) + lower.get(s.lower(), [])


@pytest.mark.skipif(not catalogues_installed(), reason="the catalogue packages (pip install -e '.[units]') are absent")
def test_committed_table_is_what_the_pinned_catalogues_build():
    assert build_table_text() == committed_table_text(), (
        "newsdesk/data/units.tsv is stale: run `python -m newsdesk.unitcatalog` and commit the result")


def test_every_hand_row_has_a_reason_and_a_known_action():
    for h in read_hand():  # raises on an unknown action or a missing reason
        if h["action"] in ("add", "set"):
            assert h["unit"] and h["kind"] in FIGURE_KINDS and h["case"] in ("s", "i"), h
            assert h["position"] in ("after", "prefix", "suffix", "both"), h


def test_rows_are_well_formed_and_unique(table):
    keys = set()
    for r in table:
        assert r.kind in FIGURE_KINDS and r.case in ("s", "i") and r.tier in ("everyday", "technical"), r
        assert r.position in ("after", "prefix", "suffix", "both") and r.extract in ("y", "n"), r
        assert (r.kind == "money") == (r.dimension == "currency"), r
        k = (r.surface if r.case == "s" else r.surface.lower(), r.case, r.position)
        assert k not in keys, f"duplicate row {k}"
        keys.add(k)


def test_one_dimension_per_unit_name(table):
    dims: dict[str, str] = {}
    for r in table:
        assert dims.setdefault(r.unit, r.dimension) == r.dimension, (r.unit, dims[r.unit], r.dimension)


@pytest.mark.parametrize("surface, unit, symbol, factor", [
    ("km", "kilometre", "km", 1), ("kilometres", "kilometre", "km", 1), ("per cent", "percentage", "%", 1),
    ("barrels a day", "barrel per day", "bpd", 1), ("km/hr", "kilometre per hour", "km/h", 1),
    ("sq miles", "square mile", "sq mi", 1), ("m3", "cubic metre", "m³", 1), ("cubic m", "cubic metre", "m³", 1),
    ("pounds", "pound-mass", "lb", 1), ("cents", "cent", "USD", 0.01), ("yuan", "chinese yuan", "CNY", 1),
    ("rupees", "indian rupee", "INR", 1), ("ringgit", "malaysian ringgit", "MYR", 1),
    ("forints", "hungarian forint", "HUF", 1), ("percentage points", "percentage point", "pp", 1),
])
def test_after_number_readings(get, surface, unit, symbol, factor):
    row = next(r for r in get(surface) if r.position != "prefix")
    assert (row.unit, row.symbol, row.factor) == (unit, symbol, factor)


@pytest.mark.parametrize("surface, code", [
    ("$", "USD"), ("US$", "USD"), ("S$", "SGD"), ("HK$", "HKD"), ("A$", "AUD"), ("C$", "CAD"), ("£", "GBP"),
    ("€", "EUR"), ("₹", "INR"), ("Rs", "INR"), ("RM", "MYR"), ("Rp", "IDR"), ("$US", "USD"), ("¥", "JPY"),
])
def test_currency_symbols_before_a_number(get, surface, code):
    row = next(r for r in get(surface) if r.position in ("prefix", "both") and r.kind == "money")
    assert row.symbol == code


def test_readings_that_lost_are_kept_as_alternatives(get):
    pounds = next(r for r in get("pounds") if r.position != "prefix")
    assert "pound sterling" in pounds.alternatives.split("|")
    dollar = next(r for r in get("$") if r.position != "after")
    assert "australian dollar" in dollar.alternatives.split("|")


def test_extractor_policy_keeps_news_units_and_leaves_words_letters_and_foreign_symbols(get):
    no_ex = no_extract_keys(read_hand())

    def ok(s):
        return any(for_extractor(r, no_ex) for r in get(s))

    assert ok("m") and ok("km") and ok("mph") and ok("C") and ok("pct") and ok("EUR") and ok("mmBtu")
    assert not ok("in")  # "3 in 10"
    assert not ok("A")  # "12A rating": a lone letter needs a hand row
    assert not ok("set")  # quantulum3-only technical unit and an English word
    assert not ok("gold")  # babel's last name word of the Zimbabwe gold, a word
    assert not ok("KM") and not ok("Ft")  # letters only non-English locales write for a currency
    assert not ok("ALL") and not ok("TOP")  # ISO codes that spell words ("ALL 5 CANDIDATES")
    assert not ok("fur")  # "20 fur coats"


def test_extract_column_is_the_policy(table):
    no_ex = no_extract_keys(read_hand())
    assert all((r.extract == "y") == for_extractor(r, no_ex) for r in table)
