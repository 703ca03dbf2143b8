"""What a figure is (newsdesk/extract/figures/status.py): actual, target, forecast or estimate, read
from the words that govern it in the parse. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest
from extract_checks import figures_of, find_figure

STATUS = [
    # --- targets: a verb of wanting, aiming, planning or pledging whose complement holds the figure
    ("The two governments want to lift bilateral trade to $80 billion.", "$80 billion", "target"),
    ("The club aims to sell 40,000 season tickets.", "40,000", "target"),
    ("Ministers plan to cut emissions by 45% before the next election.", "45%", "target"),
    ("The mayor pledged to plant 2 million trees.", "2 million", "target"),
    ("The charity hopes to raise £3m for the new wing.", "£3m", "target"),
    ("The council committed to spend £40m on roads.", "£40m", "target"),
    ("The bank targets 2% inflation.", "2%", "target"),
    # a noun of intent with the figure in its complement, or as the object of a verb that moves it
    ("The city missed its goal of 5,000 affordable flats.", "5,000", "target"),
    ("Officials set a target of 30 per cent renewable power.", "30 per cent", "target"),
    ("The board cut its margin target to 12%.", "12%", "target"),
    # --- forecasts: expected, projected, predicted; a future or possible modal; a headline infinitive
    ("Coffee exports are expected to reach $6bn next season.", "$6bn", "forecast"),
    ("Output is projected to grow 4.5% this year.", "4.5%", "forecast"),
    ("Analysts forecast a rise of 7% in ticket prices.", "7%", "forecast"),
    ("The network will carry 1.2 million passengers a day by 2030.", "1.2 million", "forecast"),
    ("The repairs could cost as much as $900m.", "$900m", "forecast"),
    ("Fares are set to rise 6% in January.", "6%", "forecast"),
    ("The fund raised its growth forecast to 2.8%.", "2.8%", "forecast"),
    ("Rail freight to double to 90 million tonnes by 2035", "90 million tonnes", "forecast"),
    # --- estimates: "an estimated", "estimated", a verb or noun of estimating
    ("An estimated 12,000 fans travelled to the final.", "12,000", "estimate"),
    ("The damage is estimated at $45 million.", "$45 million", "estimate"),
    ("Local estimates put the crowd at 8,000.", "8,000", "estimate"),
]


@pytest.mark.parametrize("text,span,status", STATUS)
def test_governing_words_give_the_status(nlp, text, span, status):
    assert find_figure(figures_of(nlp, text), span).status == status


ACTUAL = [
    # past-tense reports stay actual, whatever else the sentence holds
    ("Coffee exports reached $5.1bn last season.", "$5.1bn"),
    ("The mayor planted 2 million trees last year.", "2 million"),
    ("The bank raised rates by 0.25 percentage points.", "0.25 percentage points"),
    # an approximation is a rounded actual: the qualifier says so, the status does not change
    ("About 300 people attended the vigil.", "300"),
    ("Roughly $2bn left the fund in May.", "$2bn"),
    # a subject is not in the complement of the verb of intent
    ("Seven unions want a pay rise.", "Seven"),
    # a relative clause has its own tense: "will" in the main clause does not reach it
    ("The mill, which employs 450 people, will close in June.", "450"),
    # the starting point of a target is where things stand
    ("The council aims to cut waste to 20% from 35% today.", "35%"),
    # a number beside a forecast it beat is actual
    ("Profit rose 9%, beating forecasts.", "9%"),
    # "committed" is a target only with a "to" complement; an adverbial clause is no complement
    ("The painter committed fraud in 2019, aged 61.", "61"),
    # a clause of circumstance keeps its own status
    ("The port expects 700 cruise calls after handling 610 calls last year.", "610"),
]


@pytest.mark.parametrize("text,span", ACTUAL)
def test_reported_facts_stay_actual(nlp, text, span):
    assert find_figure(figures_of(nlp, text), span).status == "actual"


def test_a_conversion_shares_the_status_of_what_it_converts(nlp):
    figs = figures_of(nlp, "The partners want to reach US$50 billion (S$67 billion) in two-way trade.")
    usd, sgd = find_figure(figs, "US$50 billion"), find_figure(figs, "S$67 billion")
    assert (usd.status, sgd.status) == ("target", "target") and sgd.conversion_of is not None


def test_target_and_actual_in_one_sentence_are_told_apart(nlp):
    figs = figures_of(nlp, "The airport handled 31 million passengers and plans to handle 45 million by 2032.")
    assert (find_figure(figs, "31 million").status, find_figure(figs, "45 million").status) == ("actual", "target")
