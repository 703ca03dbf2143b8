"""Our figures in NewsQuant's terms (newsdesk/evaluate/figures.py: figure_to_prediction), with the
unit names read from the extractor's own unit table (newsdesk/data/units.tsv) and NewsQuant's naming
conventions (newsdesk/data/figures_newsquant_unit_names.tsv)."""

from __future__ import annotations

import pytest

from newsdesk import lexicon
from newsdesk.evaluate import figures as evaluate_figures
from newsdesk.evaluate.figures import figure_to_prediction
from newsdesk.extract.figures import units
from newsdesk.extract.types import Figure


@pytest.mark.parametrize("fig,value,unit", [
    (Figure(0, 1, "x", "money", 0, 2e11, unit="USD"), 2e11, "dollar"),
    (Figure(0, 1, "x", "money", 0, 1e6, unit="GBP"), 1e6, "pound sterling"),
    # cents are their own unit in NewsQuant
    (Figure(0, 8, "19 cents", "money", 0, 0.19, unit="USD"), 19.0, "cent"),
    (Figure(0, 1, "x", "money", 0, 58.24, unit="USD/barrel"), 58.24, "dollar per barrel"),
    (Figure(0, 1, "x", "money", 0, 12.0, unit="USD/square foot"), 12.0, "dollar per square foot"),
    (Figure(0, 1, "x", "money", 0, 1.5, unit="EUR/share"), 1.5, "euro per share"),
    (Figure(0, 1, "x", "quantity", 0, 30.0, unit="degree Celsius"), 30.0, "celsius"),
    (Figure(0, 1, "x", "quantity", 0, 5.0, unit="tonne"), 5.0, "metric ton"),
    (Figure(0, 1, "x", "money", 0, 3500.0, unit="USD", period="per month"), 3500.0, "dollar per month"),
    (Figure(0, 1, "x", "count", 0, 1e5, object="troops"), 1e5, "troops"),
    (Figure(0, 1, "x", "count", 0, 7.0), 7.0, "-"),
    (Figure(0, 1, "x", "age", 0, 50.0, unit="year"), 50.0, "year of age"),
    (Figure(0, 1, "x", "quantity", 0, 10.0, value_low=5.0, value_high=15.0, unit="watt"), (5.0, 15.0), "watt"),
])
def test_figure_in_newsquant_units(fig, value, unit):
    pred = figure_to_prediction(fig)
    assert pred["value"] == pytest.approx(value)
    assert pred["unit"] == unit


def test_evaluator_unit_names_are_the_extractors_table_in_newsquant_words():
    names = units.unit_names()
    assert evaluate_figures.UNIT_NAMES == {unit: evaluate_figures.newsquant_name(n) for unit, n in names.items()}
    assert set(evaluate_figures.SUB_UNITS) == set(units.sub_units())
    assert set(evaluate_figures.PER_UNIT_NAMES) == set(units.per_unit_names())


def test_every_unit_the_extractor_can_write_has_a_name():
    names = units.unit_names()
    for surface, name, code, kind, *_rest in lexicon.rows("units"):
        stored = code if kind == "money" else name
        assert stored in names, (surface, stored)
    assert (names["kilometre"], names["percentage"], names["barrel per day"], names["USD"], names["CNY"]) == (
        "kilometre", "percentage", "barrel per day", "dollar", "chinese yuan")


def test_newsquant_naming_conventions_apply_to_catalogue_names_only():
    assert evaluate_figures.newsquant_name("degree Celsius") == "celsius"
    assert evaluate_figures.newsquant_name("tonne") == "metric ton"
    assert evaluate_figures.newsquant_name("kilometre") == "kilometre"


@pytest.mark.parametrize("text,unit,value", [
    ("63 cents", "USD", 0.63), ("12 cts", "USD", 0.12), ("20p", "GBP", 0.2), ("45 pence", "GBP", 0.45),
])
def test_sub_units_are_units_of_their_own_scaled_back(text, unit, value):
    name, factor = evaluate_figures.SUB_UNITS[" ".join(text.lstrip("0123456789 ").lower().split())]
    pred = figure_to_prediction(Figure(0, len(text), text, "money", 0, value, unit=unit))
    assert (pred["unit"], pred["value"]) == (name, pytest.approx(value * factor))
    assert pred["unit"] in ("cent", "penny", "point")


def test_per_unit_nouns_are_named_as_written():
    names = units.per_unit_names()
    assert set(names) == {" ".join(s.lower().split()) for s, _ in lexicon.rows("figures_per_units")}
    assert names["share"] == "share"
