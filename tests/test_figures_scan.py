"""Surface scan (newsdesk/extract/figures/scan.py): where a figure starts and ends, and the surface
filters that drop dates, clock times, ordinals, phone numbers, labelled numbers and names."""

from __future__ import annotations

import pytest
from extract_checks import FIGURE_FIELDS, assert_figure, figures_of

NOT_FIGURES_ON_THE_SURFACE = [
    # dates and clock times
    "The meeting took place on Friday (Feb 4) in Beijing.",
    "The statement was issued at 4:07 p.m. on Thursday.",
    "The treaty was signed on 4 February 2022.",
    "The talks ended at 5am on Sunday.",
    # ordinals, phone numbers, labelled numbers
    "This is the defining contest of the 21st century.",
    "It was the first such meeting.",
    "Call the hotline on 555-123-4567 for details.",
    "The rule is set out on page 5 of the report.",
    # numbers glued to a name
    "The Games were held under strict COVID-19 rules.",
    "The Games were held under strict Covid-19 rules.",
    "The G7 summit ended on Sunday.",
    "The air force ordered more F-35 jets.",
    # a name split from its number by a space keeps the hyphen: no negative number
    "The squadron still flies MiG -29 fighters.",
    # letters glued to a number; a fraction without a unit
    "The phone supports 5G and has a 3D camera.",
    "He bought a PS5 console.",
    "Open 24/7 from 9/11 onwards.",
]


@pytest.mark.parametrize("text", NOT_FIGURES_ON_THE_SURFACE)
def test_dates_times_ordinals_labels_and_glued_names_are_no_figures(nlp, text):
    assert figures_of(nlp, text) == []


# (sentence, figure text, value, unit, kind, qualifier, object, year, period)
EXTENTS = [
    # "m" after a bare number is metres...
    ("The skeleton is 37m long.", "37m", 37.0, "metre", "quantity", None, "skeleton", None, None),
    # ...but millions when a plural noun follows
    ("The field holds 1.5m barrels of oil.", "1.5m barrels", 1.5e6, "barrel", "quantity", None, "oil", None, None),
    ("About 5m people live there.", "5m", 5e6, None, "count", "about", "people", None, None),
    # a lower-case prefix glued with a hyphen does not make a name ("COVID-19" does)
    ("The lab sells sub-5 nanometer filters.", "5 nanometer", 5.0, "nanometre", "quantity", None, "filters", None, None),
]


@pytest.mark.parametrize(FIGURE_FIELDS, EXTENTS)
def test_figure_starts_and_ends_where_its_number_and_unit_do(nlp, text, span, value, unit, kind, qualifier, obj, year, period):
    assert_figure(nlp, text, span, value, unit, kind, qualifier, obj, year, period)
