"""Number parsing (newsdesk/extract/figures/numbers.py): spelled numbers, fractions, scale words,
vague amounts, scientific notation."""

from __future__ import annotations

import pytest
from extract_checks import FIGURE_FIELDS, RANGE_FIELDS, assert_figure, assert_range, figures_of

# (sentence, figure text, value, unit, kind, qualifier, object, year, period)
NUMBERS = [
    ("She bought a dozen eggs.", "a dozen", 12.0, None, "count", None, "eggs", None, None),
    ("Half a million people marched.", "Half a million", 5e5, None, "count", None, "people", None, None),
    # wire-service abbreviations, also in capitals
    ("Net profit rose to 1.5 mln dlrs.", "1.5 mln dlrs", 1.5e6, "USD", "money", None, "Net profit", None, None),
    ("ECUADOR QUAKE CAUSES 950 MLN DLRS IN LOSSES", "950 MLN DLRS", 9.5e8, "USD", "money", None, "ECUADOR QUAKE", None, None),
    ("The bond pays 8-3/4 pct.", "8-3/4 pct", 8.75, "percentage", "percent", None, "bond", None, None),
    # Indian scale words
    ("The state will spend Rs 500 crore on roads.", "Rs 500 crore", 5e9, "INR", "money", None, "state", None, None),
    # a fraction needs a unit; with one it is a quantity
    ("A mouse can get through a 2 1/2 inch gap.", "2 1/2 inch", 2.5, "inch", "quantity", None, "gap", None, None),
    ("Nearly two-thirds of voters stayed home.", "two-thirds", 2 / 3, None, "ratio", "nearly", "voters", None, None),
    ("Tesla shares have fallen by a third this year.", "a third", 1 / 3, None, "ratio", None, "Tesla shares", None, "this year"),
    # scientific notation is one number
    ("The grain weighs approximately 6.5×10−9 kilograms.", "6.5×10−9 kilograms", 6.5e-9, "kilogram", "quantity", "approximately", "grain", None, None),
]


@pytest.mark.parametrize(FIGURE_FIELDS, NUMBERS)
def test_spelled_fractional_and_scaled_numbers_give_their_value(nlp, text, span, value, unit, kind, qualifier, obj, year, period):
    assert_figure(nlp, text, span, value, unit, kind, qualifier, obj, year, period)


# (sentence, figure text, low, high, unit): NewsQuant's ranges from the value to ten times it
VAGUE_AMOUNTS = [
    ("Dozens of cars were towed.", "Dozens", 12.0, 120.0, None),
    ("Tens of thousands of troops gathered.", "Tens of thousands", 1e4, 1e5, None),
    ("Hundreds of protesters marched.", "Hundreds", 100.0, 1000.0, None),
    ("The stadium cost hundreds of millions of euros.", "hundreds of millions of euros", 1e8, 1e9, "EUR"),
]


@pytest.mark.parametrize(RANGE_FIELDS, VAGUE_AMOUNTS)
def test_vague_amounts_are_ranges_up_to_ten_times_the_amount(nlp, text, span, low, high, unit):
    assert_range(nlp, text, span, low, high, unit)


# A wire price split over a line break ("11\n3/4") once crashed the whole run (found on Reuters).
@pytest.mark.parametrize("text", ["The stock rose 11\n3/4 to 50.", "It was 11\n3/8 pct higher"])
def test_a_fraction_never_spans_a_line_break(nlp, text):
    for f in figures_of(nlp, text):
        assert "\n" not in f.text and f.text == text[f.start_char:f.end_char]
