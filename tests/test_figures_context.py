"""Qualifier, change, object, year and period of a figure from the text around it
(newsdesk/extract/figures/context.py)."""

from __future__ import annotations

import pytest
from extract_checks import FIGURE_FIELDS, assert_figure, figures_of, find_figure

# (sentence, figure text, value, unit, kind, qualifier, object, year, period)
CONTEXT = [
    ("He wants to increase trade volume to US$200 billion (S$269 billion) annually.",
     "US$200 billion", 2e11, "USD", "money", None, "trade volume", None, "annually"),
    ("Bilateral trade reached $240 billion in 2023.",
     "$240 billion", 2.4e11, "USD", "money", None, "Bilateral trade", 2023, None),
    # the percentage rises (change "up"); the level it rose to is a separate figure
    ("Revenue rose 76% to $1.13bn (£600m).", "76%", 76.0, "percentage", "percent", None, "Revenue", None, None),
    ("Revenue rose 76% to $1.13bn (£600m).", "$1.13bn", 1.13e9, "USD", "money", None, "Revenue", None, None),
    ("Revenue rose 76% to $1.13bn (£600m).", "£600m", 6e8, "GBP", "money", None, "Revenue", None, None),
    # a rate written after the amount is the period, after a counted noun too
    ("They pay $3,500 a month in rent.", "$3,500", 3500.0, "USD", "money", None, None, None, "per month"),
    ("The clinic runs 2,400 scans a week.", "2,400", 2400.0, None, "count", None, "scans", None, "per week"),
    # "a year earlier" is a comparison, not a rate
    ("Orders climbed to $4.12 billion from $3.95 billion a year earlier.",
     "$3.95 billion", 3.95e9, "USD", "money", None, "Orders", None, None),
]


@pytest.mark.parametrize(FIGURE_FIELDS, CONTEXT)
def test_qualifier_object_year_and_period_from_the_context(nlp, text, span, value, unit, kind, qualifier, obj, year, period):
    assert_figure(nlp, text, span, value, unit, kind, qualifier, obj, year, period)


# (sentence, figure text, change) in NewsQuant's convention
CHANGES = [
    ("Shares fell 3.5 per cent on Monday.", "3.5 per cent", "down"),
    ("Exports jumped 12% in May.", "12%", "up"),
    ("Exports jumped 12% to $4 billion.", "$4 billion", "="),
    ("The bakery now has more than 1000 subscribers.", "1000", ">"),
    ("The town has about 600 residents.", "600", "~"),
    ("The prize is worth up to $3 million.", "$3 million", "<"),
    # an explicit plus sign, as in market tables, is a rise
    ("By noon the index was +1.4% and bonds -0.3%.", "1.4%", "up"),
    ("Turnover increased by $12.4 billion.", "$12.4 billion", "up"),
]


@pytest.mark.parametrize("text,span,change", CHANGES)
def test_change_from_verbs_qualifiers_and_signs(nlp, text, span, change):
    assert find_figure(figures_of(nlp, text), span).change == change


@pytest.mark.parametrize("text,span,change", [
    ("Exports were up 4.1%, imports by 2.2% and services by 0.9%.", "2.2%", "up"),
    ("Coal output was down 6%, gas by 1.5%.", "1.5%", "down"),
])
def test_a_gapped_change_takes_the_verb_of_the_change_before(nlp, text, span, change):
    """Gapping: "X rose 5%, Y by 3%" leaves the verb out of the second clause; "by N" keeps its change."""
    assert find_figure(figures_of(nlp, text), span).change == change


def test_a_slash_after_money_is_a_rate_or_a_price_per_unit(nlp):
    figs = figures_of(nlp, "Cleaners earn $15.40/hour and beef sells at $9/kg.")
    assert (find_figure(figs, "$15.40").period, find_figure(figs, "$9").unit) == ("per hour", "USD/kilogram")
