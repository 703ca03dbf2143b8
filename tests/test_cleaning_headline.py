"""newsdesk.cleaning.headline: the header zone, section tags, the headline, bullets, the first-sentence title."""

from __future__ import annotations

import pytest

from cleaning_helpers import HEAD, P1, P2, P3, article, body_lines
from newsdesk.cleaning import clean_article, first_sentence, prepare


def test_headline_after_junk_lines():
    text = ("Advertisement\nAdvertisement\nMarkets\nGet more with myNEWS\n"
            "The governor at a news conference in the capital. Photo: AFP\n\n" + article(P1, P2))
    a = clean_article(text)
    assert (a.title, a.title_source) == (HEAD, "headline")
    assert body_lines(a) == [HEAD, P1, P2]
    assert a.n_removed_lines == 5


def test_short_headline_is_not_a_section_tag():
    # a 3-word headline followed by a sentence stays the headline
    a = clean_article("Port strike ends\n\nDock workers returned to work on Monday.\n\n" + P2)
    assert a.title == "Port strike ends"


@pytest.mark.parametrize(
    "head",
    [
        "PEP BOYS - MANNY, MOE AND JACK INC REPORTS 4TH QTR",  # all caps with a dash: not a dateline
        "OIL PRICES FALL - ANALYSTS",
        "<TECHNOLOGY MARKETING INC > SETS CONTRACT",  # ticker brackets: not a breadcrumb, not HTML
    ],
)
def test_wire_headlines_stay_headlines(head):
    a = clean_article(article("NEW YORK, Feb 26 - The company said quarterly profit rose 12 pct.", P2, head=head))
    assert (a.title, a.title_source, a.dateline) == (head, "headline", "NEW YORK, Feb 26")


def test_about_line_as_first_line_is_a_headline():
    # "About <Site>" only ends articles; at the top it is a (film review) headline
    a = clean_article(article(P1, P2, head="About Time"))
    assert (a.title, a.n_removed_lines) == ("About Time", 0)


def test_bullets_kept_as_body_lines_with_the_bullet():
    text = f"{HEAD}\n\n  • Rates up for the fourth time this year\n  • Governor signals more to come\n{P1}"
    a = clean_article(text)
    bullets = ["• Rates up for the fourth time this year", "• Governor signals more to come"]
    assert body_lines(a) == [HEAD, *bullets, P1]
    assert a.body == f"{HEAD}\n\n• Rates up for the fourth time this year\n• Governor signals more to come\n{P1}"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Smith said rates would rise. Others disagreed.", "Mr. Smith said rates would rise."),  # Mr.
        ("The U.S. economy grew 2% last year. It slowed.", "The U.S. economy grew 2% last year."),
        ("“It is over,” she said. Then she left.", "“It is over,” she said."),
        (" ".join(["word"] * 30) + ".", " ".join(["word"] * 25) + "…"),  # cut at 25 words
    ],
)
def test_first_sentence_skips_abbreviations_and_cuts_at_25_words(text, expected):
    assert first_sentence(text) == expected


def test_article_without_headline_takes_its_first_sentence_as_title():
    first = ("BEIJING: Chinese officials said on Tuesday that exports rose 5 per cent in May, beating forecasts. "
             "Imports fell for a second month.")
    a = clean_article(f"{first}\n{P2}\n{P3}")
    assert a.title_source == "first_sentence"
    assert a.title == "Chinese officials said on Tuesday that exports rose 5 per cent in May, beating forecasts."
    assert a.dateline == "BEIJING"
    assert a.body == f"{first}\n{P2}\n{P3}"  # no duplicate title line


def test_one_sentence_text_is_a_body():
    a, _ = prepare(b"Markets closed early on Friday because of the storm.")
    assert (a.title_source, a.body) == ("first_sentence", "Markets closed early on Friday because of the storm.")
