"""Quotation marks paired into quoted passages (newsdesk.extract.quotes.marks)."""

from __future__ import annotations

import pytest

from newsdesk.extract.quotes import find_quote_spans

from quote_helpers import run


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "no deal." Then "yes," she said.', ['"no deal."', '"yes,"']),
        ("“Curly marks,” he said.", ["“Curly marks,”"]),
        ("Il a dit «non merci» hier.", ["«non merci»"]),
        ("Er sagte „nein danke“ heute.", ["„nein danke“"]),  # German low-high pair
        ("‘Closer Than Allies’: Xi & Putin", ["‘Closer Than Allies’"]),  # British single marks
        ("''Old style,'' Mr. Cruz said.", ["''Old style,''"]),  # NYT archive: two apostrophes
        # news convention: a mark reopens every paragraph, only the last one closes
        ("“First part.\n\n“Second part.\n\n“Third,” he said.", ["“First part.\n\n“Second part.\n\n“Third,”"]),
        # nested single quote stays inside the double quote
        ("“They shouted ‘go home’ at us,” she said.", ["“They shouted ‘go home’ at us,”"]),
        # apostrophes are not marks: possessive, contraction, decade, plural possessive
        ("Russia’s plan, don’t worry, the ’90s and the leaders’ talks.", []),
        # unbalanced: closed at the end of its paragraph, next paragraph untouched
        ("“Never closed here\n\nNext paragraph.", ["“Never closed here"]),
        ("A stray closer” here.", []),  # a closing mark with nothing open is ignored
        # a curly double quote nested in another stays inside it
        ("“I would sooner sail into what he calls “the abyss” than stay,” she said.",
         ["“I would sooner sail into what he calls “the abyss” than stay,”"]),
        # an opener after an unclosed quote, with no outer closer later, starts a new quote
        ("“We lost the vote. “We will try again,” she said.", ["“We lost the vote.", "“We will try again,”"]),
    ],
)
def test_find_quote_spans(text, expected):
    assert [text[a:b] for a, b in find_quote_spans(text)] == expected


def test_unbalanced_marks_do_not_crash(nlp):
    text = "“This quote never closes, Smith said.\n\nThe next paragraph is plain. A stray” mark."
    qs = run(nlp, text)
    assert all("next paragraph" not in q.text for q in qs if q.kind == "direct")


def test_straight_mark_after_a_finished_sentence_opens_the_next_quote():
    """'"A. "B."': a quote continued where a paragraph break was lost; the first lost its closer."""
    text = 'She said: "We tried. The money ran out. "Next year we start again." Then she left.'
    assert [text[a:b] for a, b in find_quote_spans(text)] == [
        '"We tried. The money ran out.', '"Next year we start again."']
    # a mark after a word inside a sentence still closes
    text = 'He said "no" and then "yes, we will."'
    assert [text[a:b] for a, b in find_quote_spans(text)] == ['"no"', '"yes, we will."']
