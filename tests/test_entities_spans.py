"""Span repair (newsdesk/extract/entities/spans.py): cuts, trims, hyphenated pairs of names, shape
labels, and spans that are no entities."""

from __future__ import annotations

import pytest
from extract_checks import entities_of


@pytest.mark.parametrize(
    "text, expected",
    [
        # hyphenated pairs of known names become two mentions with their own labels
        ("Vladimir Putin met Xi Jinping. The Xi-Putin meeting lasted two hours.",
         [("Xi", "PERSON", "Xi Jinping"), ("Putin", "PERSON", "Vladimir Putin")]),
        ("Analysts watched the China-Russia talks in Beijing closely.",
         [("China", "GPE", "China"), ("Russia", "GPE", "Russia")]),
        # possessives are trimmed, curly and straight
        ("Russia’s army and Moscow's diplomats were busy.",
         [("Russia", "GPE", "Russia"), ("Moscow", "GPE", "Moscow")]),
        # leading "the"
        ("Trade with the United States fell sharply last year.", [("United States", "GPE", "United States")]),
    ],
)
def test_hyphenated_pairs_split_and_possessives_and_the_are_trimmed(nlp, text, expected):
    ents = entities_of(nlp, text)
    got = [(m.text, m.label, m.name) for m in ents.mentions]
    for item in expected:
        assert item in got, got
    assert not any(m.label == "PERSON" and "-" in m.text for m in ents.mentions)
    assert not any(m.text.startswith("the ") or m.text.endswith(("’s", "'s")) for m in ents.mentions)


@pytest.mark.parametrize(
    "text, expected",
    [
        # numbers never sit inside names of people or places (results tables)
        ("Results: Pohang 3 Ulsan 2 .", ["Pohang", "Ulsan"]),
        ("I. Austin 4-37 took the wickets.", ["I. Austin"]),
        # post-nominals leave the span, prefixed party titles too
        ("Paul Boateng MP agreed with the plan.", ["Paul Boateng"]),
    ],
)
def test_numbers_and_post_nominals_leave_names(nlp, text, expected):
    ents = entities_of(nlp, text)
    got = [m.text for m in ents.mentions]
    for item in expected:
        assert item in got, got
    assert not any(any(ch.isdigit() for ch in m.text) for m in ents.mentions if m.label == "PERSON")


def test_lone_demonym_is_a_nationality_not_a_place(nlp):
    # the small model tags the first "Ukrainian" GPE; the alias table knows it is a nationality
    ents = entities_of(nlp, "Ukrainian troops held the line, the Ukrainian army said.")
    assert {m.label for m in ents.mentions if m.text == "Ukrainian"} == {"NORP"}


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # "as" joins two entities: never one ORG span
        ("Pentagon to send 3,000 more troops to the Baltics as Nato bolsters eastern flank",
         [("Baltics", "LOC", "Baltic states"), ("Nato", "ORG", "NATO")], "Baltics as Nato"),
        # a capitalised rate is not an organisation
        ("The committee voted 6-3 for the cut, with three members preferring to hold Bank Rate at 4.25%.",
         [], "Bank Rate"),
        # the first words of a quotation are not a work of art
        ("“Tonight Europe decided to take its security into its own hands,” said Commission Vice-President "
         "Anja Bergström.", [("Anja Bergström", "PERSON", "Anja Bergström")], "Tonight Europe"),
    ],
)
def test_clause_words_cut_spans_and_rates_and_quotation_openings_are_no_entities(nlp, text, expected, absent):
    ents = entities_of(nlp, text)
    got = [(m.text, m.label, m.name) for m in ents.mentions]
    for item in expected:
        assert item in got, got
    assert absent not in [m.text for m in ents.mentions], got
