"""newsdesk.cleaning.dates: published_on from a "Published …" stamp above the body, else a dated dateline;
dates read by dateparser, never completed when a part is missing."""

from __future__ import annotations

import datetime

import pytest

from cleaning_helpers import HEAD, P1, P2, article, body_lines
from newsdesk.cleaning import clean_article
from newsdesk.cleaning.dates import metadata_date, parse_date, stamp

D = datetime.date


def test_byline_and_published_stamp_under_headline_give_published_on():
    text = f"{HEAD}\n\nBy Ann Smith\n\nPublished 14 August 2025\n\n{P1}\n\n{P2}"
    a = clean_article(text)
    assert body_lines(a) == [HEAD, P1, P2]
    assert a.published_on == datetime.date(2025, 8, 14)


def test_dateline_with_year_gives_published_on():
    a = clean_article(article("NEW YORK, June 3, 2024 (Reuters) - Stocks rose on Monday as traders bet on cuts.", P2))
    assert (a.dateline, a.published_on) == ("NEW YORK, June 3, 2024", datetime.date(2024, 6, 3))



@pytest.mark.parametrize("text, expected", [
    ("21 March 2023", D(2023, 3, 21)),
    ("March 21, 2023", D(2023, 3, 21)),
    ("Tuesday, 21 March 2023 10:32 GMT", D(2023, 3, 21)),
    ("Mar. 21st, 2023 at 10:32 a.m. ET", D(2023, 3, 21)),
    ("21 March 2023 23:30 EST", D(2023, 3, 21)),  # the day as written, not moved to UTC
    ("2023-03-21", D(2023, 3, 21)),
    ("21/03/2023", D(2023, 3, 21)),  # the day cannot be the month
    ("By Ann Smith | 21 March 2023", D(2023, 3, 21)),  # a date inside a byline line
    ("Feb 26", None),  # no year: not completed with this year
    ("March 2023", None),  # no day
    ("2023", None),
    ("03/04/2023", None),  # 3 April or 4 March: a guess, so none
    ("2 hours ago", None),  # relative: not turned into today's date
    ("yesterday", None),
    ("31 February 2023", None),
    ("1,500 people marched in 2023", None),
])
def test_parse_date_reads_full_dates_only(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("line, expected", [
    ("Published: 21 March 2023", (True, D(2023, 3, 21))),
    ("Published 21 March 2023 | Updated 22 March 2023", (True, D(2023, 3, 21))),
    ("Updated 22 March 2023, published 21 March 2023", (True, D(2023, 3, 21))),  # "Published" wins
    ("Last updated: 22 March 2023", (True, None)),  # an update is no publication date
    ("Updated: 10:32 GMT", (True, None)),
    ("Published 2 hours ago", (True, None)),
    ("Published in the journal Nature", (False, None)),  # a sentence, not a stamp
])
def test_stamp_lines_and_published_over_updated(line, expected):
    assert stamp(line) == expected


def test_published_stamp_wins_over_updated_stamp_in_an_article():
    text = f"{HEAD}\n\nUpdated: 22 March 2023\n\nPublished: 21 March 2023\n\n{P1}\n\n{P2}"
    a = clean_article(text)
    assert a.published_on == D(2023, 3, 21) and body_lines(a) == [HEAD, P1, P2]


@pytest.mark.parametrize("line", [
    "First published on Tue 21 Mar 2023 09.30 GMT",  # a boilerplate "metadata" line that is also a stamp
    "Published: 2023-03-21T09:30:00Z",
    "Published 21.03.2023",
    "21/03/2023 09:30",  # a lone numeric date line above the body
])
def test_date_lines_above_the_body_are_removed_and_read(line):
    a = clean_article(f"{HEAD}\n\n{line}\n\n{P1}\n\n{P2}")
    assert a.published_on == D(2023, 3, 21) and body_lines(a) == [HEAD, P1, P2]


def test_dateline_without_year_gives_no_date():
    a = clean_article(article("LONDON, Feb 26 (Reuters) - Stocks rose on Monday as traders bet on cuts.", P2))
    assert (a.dateline, a.published_on) == ("LONDON, Feb 26", None)


@pytest.mark.parametrize("value, expected", [
    (D(2023, 3, 21), D(2023, 3, 21)),  # YAML front matter gives date objects
    (datetime.datetime(2023, 3, 21, 23, 30), D(2023, 3, 21)),
    ("2023-03-21T23:30:00-05:00", D(2023, 3, 21)),  # the day as written
    ("2023-03-21T10:00:00Z", D(2023, 3, 21)),
    ("Tue, 21 Mar 2023 10:00:00 GMT", D(2023, 3, 21)),  # RSS pubDate
    ("2023-03", None),
    ("March 2023", None),
    (1679400000, None),  # a number is not guessed to be epoch seconds
    (None, None),
])
def test_metadata_date(value, expected):
    assert metadata_date(value) == expected
