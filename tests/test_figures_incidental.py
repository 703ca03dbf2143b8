"""Chatter or chart (newsdesk/extract/figures/incidental.py): bare small counts and spans of periods are
incidental; every number is still kept. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest
from extract_checks import figures_of, find_figure

INCIDENTAL = [
    # a bare count written as a word, or a whole number under ten, with no unit
    ("The two ministers signed the deal.", "two"),
    ("Talks were held in three capitals.", "three"),
    ("The court heard 4 witnesses on Monday.", "4"),
    # the span of a period
    ("Sales grew in each of the past two years.", "two years"),
    ("The index lost ground over the last 18 months.", "18 months"),
]


@pytest.mark.parametrize("text,span", INCIDENTAL)
def test_bare_small_counts_and_period_spans_are_incidental(nlp, text, span):
    assert find_figure(figures_of(nlp, text), span).is_incidental


CHARTED = [
    ("The court heard 14 witnesses on Monday.", "14"),  # ten or more, in digits
    ("A million people signed the petition.", "A million"),  # a scale word makes it a magnitude
    ("Dozens of homes were flooded.", "Dozens"),  # a vague amount is a magnitude, not chatter
    ("Prices rose 3% in two months.", "3%"),  # a unit: never a bare count
    ("The treaty runs for 25 years.", "25 years"),  # a duration that is not a span word's period
]


@pytest.mark.parametrize("text,span", CHARTED)
def test_counts_with_weight_and_measures_are_charted(nlp, text, span):
    assert not find_figure(figures_of(nlp, text), span).is_incidental


def test_first_three_quarters_is_a_span_of_three_quarters_not_a_ratio(nlp):
    figs = figures_of(nlp, "Exports rose 6% in the first three quarters of the year.")
    span = find_figure(figs, "three quarters")
    assert (span.kind, span.value, span.unit, span.is_incidental) == ("duration", 3.0, "quarter", True)
    assert [f.kind for f in figs if f.kind == "ratio"] == []
    assert not find_figure(figs, "6%").is_incidental


def test_a_fraction_outside_a_period_span_stays_a_ratio(nlp):
    f = find_figure(figures_of(nlp, "Three quarters of the staff voted to strike."), "Three quarters")
    assert (f.kind, f.value, f.is_incidental) == ("ratio", 0.75, False)


@pytest.mark.parametrize("text", [
    "The merger should close in the first half of 2027.",
    "Attendance fell in the second half of the season.",
])
def test_a_named_half_year_is_no_figure(nlp, text):
    assert figures_of(nlp, text) == []


def test_a_hyphenated_fraction_is_a_ratio_even_without_of(nlp):
    f = find_figure(figures_of(nlp, "Three-quarters said the plan was fair."), "Three-quarters")
    assert (f.kind, f.value) == ("ratio", 0.75)
