"""Ranges and ratios (newsdesk/extract/figures/ranges.py): two numbers that are one figure."""

from __future__ import annotations

import pytest
from extract_checks import FIGURE_FIELDS, RANGE_FIELDS, assert_figure, assert_range, figures_of

# (sentence, figure text, low, high, unit)
RANGES = [
    ("The range grew to between 252 and 287 miles.", "252 and 287 miles", 252.0, 287.0, "mile"),
    ("The court could order damages of $2 billion to $4 billion.", "$2 billion to $4 billion", 2e9, 4e9, "USD"),
    # the scale written once applies to both ends
    ("Analysts expect $1.5 to $2 billion in losses.", "$1.5 to $2 billion", 1.5e9, 2e9, "USD"),
    ("The kit uses a 3-6W lamp.", "3-6W", 3.0, 6.0, "watt"),
    ("Water temperatures fell by 2 to 2.5 degrees Celsius.", "2 to 2.5 degrees Celsius", 2.0, 2.5, "degree Celsius"),
    ("The hall holds 3 to 4 thousand fans.", "3 to 4 thousand", 3000.0, 4000.0, None),
    ("It took two or three years to build.", "two or three years", 2.0, 3.0, "year"),
    # "from X … to Y" with words between is one range (NewsQuant); a bare end takes the unit; low <= high
    ("Gold slid from $1,250 at 9.15am to $1,180 at 4pm.", "$1,250 at 9.15am to $1,180", 1180.0, 1250.0, "USD"),
    ("The boxer went from 180 pounds to 168 before the bout.", "180 pounds to 168", 168.0, 180.0, "pound-mass"),
    ("Shares fell from $5 to $3 on Monday.", "$5 to $3", 3.0, 5.0, "USD"),
    ("Rents may rise 4 to 6 per cent.", "4 to 6 per cent", 4.0, 6.0, "percentage"),
    ("Fuel economy improved from 24 miles per gallon in 2010 to 31 mpg in 2019.",
     "24 miles per gallon in 2010 to 31 mpg", 24.0, 31.0, "mile per gallon"),
]


@pytest.mark.parametrize(RANGE_FIELDS, RANGES)
def test_range_has_low_high_midpoint_and_unit(nlp, text, span, low, high, unit):
    assert_range(nlp, text, span, low, high, unit)


# (sentence, figure text, value, unit, kind, qualifier, object, year, period)
RATIOS = [
    # "one out of four" is a ratio of the counted noun
    ("One out of four Canadians have trouble paying rent.", "One out of four", 1 / 4, None, "ratio", None, "Canadians", None, None),
    ("Two out of five voters stayed at home.", "Two out of five", 2 / 5, None, "ratio", None, "voters", None, None),
    # "N in M" only with a numerator of one ("2 in 5 games" may be a score)
    ("Nearly 1 in 5 households are in debt.", "1 in 5", 1 / 5, None, "ratio", "nearly", "households", None, None),
]


@pytest.mark.parametrize(FIGURE_FIELDS, RATIOS)
def test_one_out_of_n_is_a_ratio_of_the_counted_noun(nlp, text, span, value, unit, kind, qualifier, obj, year, period):
    assert_figure(nlp, text, span, value, unit, kind, qualifier, obj, year, period)


@pytest.mark.parametrize("text", [
    "Borrowing was £35bn - £2.5bn less than forecast.",  # a spaced dash as punctuation
    "She finished in 45 seconds - 12secs behind the winner.",
])
def test_a_dash_between_two_figures_with_their_own_units_is_no_range(nlp, text):
    assert all(f.value_low is None for f in figures_of(nlp, text))


def test_change_then_level_is_not_a_range(nlp):
    figs = figures_of(nlp, "The population grew by 1.2 million to 67 million.")
    assert [(f.text, f.value, f.value_low) for f in figs] == [("1.2 million", 1.2e6, None), ("67 million", 6.7e7, None)]
