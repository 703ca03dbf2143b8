"""Bracketed conversions (newsdesk/extract/figures/conversions.py): a figure in brackets in another
unit converts the one before it and shares its context."""

from __future__ import annotations

from extract_checks import figures_of, find_figure


def test_bracketed_conversion_points_to_the_figure_before_and_shares_its_context(nlp):
    text = "He wants to increase trade volume to US$200 billion (S$269 billion) annually, up from US$140 billion in 2021."
    figs = figures_of(nlp, text)
    usd = find_figure(figs, "US$200 billion")
    sgd = find_figure(figs, "S$269 billion")
    assert sgd.conversion_of == figs.index(usd)
    assert (sgd.value, sgd.unit, sgd.object, sgd.period) == (2.69e11, "SGD", "trade volume", "annually")
    assert usd.conversion_of is None
    prev = find_figure(figs, "US$140 billion")
    assert (prev.value, prev.year, prev.conversion_of) == (1.4e11, 2021, None)


def test_several_conversions_in_one_bracket(nlp):
    figs = figures_of(nlp, "Regional exports reached $445.1bn (£227bn; 331bn euros) in 2004.")
    usd = figs.index(find_figure(figs, "$445.1bn"))
    assert [(f.unit, f.conversion_of, f.year) for f in figs] == [("USD", None, 2004), ("GBP", usd, 2004), ("EUR", usd, 2004)]


def test_conversion_of_a_quantity(nlp):
    figs = figures_of(nlp, "The top speed falls to just 62 mph (100 km/h) with a full load.")
    assert find_figure(figs, "100 km/h").conversion_of == figs.index(find_figure(figs, "62 mph"))
