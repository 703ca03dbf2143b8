"""What a number without a unit is (newsdesk/extract/figures/kinds.py): a count, an age, a value,
the unit of the figure before it, or no figure (a year, a score, a name, a descriptor)."""

from __future__ import annotations

import pytest
from extract_checks import FIGURE_FIELDS, assert_figure, figures_of, find_figure

# (sentence, figure text, value, unit, kind, qualifier, object, year, period)
KINDS = [
    # small spelled numbers modifying a noun are counts (NewsQuant convention)
    ("Floods closed two bridges in the valley.", "two", 2.0, None, "count", None, "bridges", None, None),
    # "Name, 66," is an age, with the person as its object
    ("Joe Biden, 79, spoke on Tuesday.", "79", 79.0, "year", "age", None, "Joe Biden", None, None),
    ("Okafor, 58, now leads the board.", "58", 58.0, "year", "age", None, "Okafor", None, None),
    # ages after an age word
    ("The club has 40 members over the age of 70.", "70", 70.0, "year", "age", None, "age", None, None),
    ("She turned 30 last week.", "30", 30.0, "year", "age", None, None, None, "last week"),
    # a bare number after "by" repeats the unit of a parallel "by" figure
    ("Wheat rose by 3 percent but maize fell by 2.", "2", 2.0, "percentage", "percent", None, "maize", None, None),
]


@pytest.mark.parametrize(FIGURE_FIELDS, KINDS)
def test_number_without_unit_is_a_count_an_age_or_takes_the_unit_before(nlp, text, span, value, unit, kind, qualifier, obj, year, period):
    assert_figure(nlp, text, span, value, unit, kind, qualifier, obj, year, period)


@pytest.mark.parametrize(
    "text",
    [
        # bare years
        "Trade grew strongly in 2021.",
        "He has not left the country since 2013.",
        "Barclays was the first bank to report 2004 results.",
        "The 1986 year was difficult.",
        # numbers inside names and model numbers
        "Leaders of the Group of 20 met in Rome.",
        "The airline grounded its Boeing 737 fleet.",
        "Wales won in the RBS Six Nations.",
        "Cayman Airways grounded its new 737 Max jets.",
        # "one" and small spelled numbers used as pronouns
        "He is one of the leaders of the party.",
        "Moscow supports the one China principle.",
        "The two met in Beijing.",
        "He won one in 2019.",
        "Two of them left early.",
        # scores, descriptors, numbers standing as no value, letters as the counted noun
        "England lost the match 18-17 after a 5-1 win last week.",
        "The theatre signed a three-month lease with them.",
        "Text the word PUB to 85130 to vote.",
        "The current density fell to 1.3 A on Monday.",
    ],
)
def test_years_scores_names_descriptors_and_pronoun_uses_are_no_figures(nlp, text):
    assert figures_of(nlp, text) == []


def test_number_with_its_own_noun_does_not_take_the_unit_before(nlp):
    """'helped by 3 new stores' counts stores; it does not repeat the dollar unit of 'by $5 million'."""
    figs = figures_of(nlp, "Sales rose by $5 million, helped by 3 new stores.")
    three = find_figure(figs, "3")
    assert (three.kind, three.unit, three.object) == ("count", None, "new stores")


def test_big_bare_number_standing_as_a_value_is_kept(nlp):
    figs = figures_of(nlp, "Texas had the most lightning strikes in 2018 at 2483805.")
    assert [(f.text, f.value) for f in figs] == [("2483805", 2483805.0)]


@pytest.mark.parametrize("text,expected", [
    ("The range offers four-, five- and six-cylinder engines.",
     [("four", 4.0, None, "cylinder"), ("five", 5.0, None, "cylinder"), ("six", 6.0, None, "cylinder")]),
    ("Lenders offer 10- and 25-year loans.", [("10", 10.0, "year", "loans"), ("25-year", 25.0, "year", "loans")]),
])
def test_a_suspended_hyphen_takes_the_word_of_the_number_that_completes_it(nlp, text, expected):
    """Coordinated compounds share their last word: "four-, five- and six-cylinder" is three cylinder counts."""
    assert [(f.text, f.value, f.unit, f.object) for f in figures_of(nlp, text)] == expected


def test_a_level_after_at_repeats_the_noun_of_the_level_before(nlp):
    figs = figures_of(nlp, "The index ended at 1,410.5 points while the other closed at 1,388.2.")
    assert [(f.text, f.object) for f in figs] == [("1,410.5", "points"), ("1,388.2", "points")]


def test_a_bare_number_coordinated_with_a_measured_one_shares_its_unit(nlp):
    figs = figures_of(nlp, "Patients were given 20 and 40 mg of the drug.")
    assert [(f.text, f.value, f.unit) for f in figs] == [("20", 20.0, "milligram"), ("40 mg", 40.0, "milligram")]


def test_a_bare_level_after_at_does_not_take_a_currency(nlp):
    figs = figures_of(nlp, "The euro traded at $1.14 and the index at 96.1.")
    assert find_figure(figs, "96.1").unit is None
