"""newsdesk.cleaning.dates: published_on from a "Published …" stamp above the body, else a dated dateline."""

from __future__ import annotations

import datetime

from cleaning_helpers import HEAD, P1, P2, article, body_lines
from newsdesk.cleaning import clean_article


def test_byline_and_published_stamp_under_headline_give_published_on():
    text = f"{HEAD}\n\nBy Ann Smith\n\nPublished 14 August 2025\n\n{P1}\n\n{P2}"
    a = clean_article(text)
    assert body_lines(a) == [HEAD, P1, P2]
    assert a.published_on == datetime.date(2025, 8, 14)


def test_dateline_with_year_gives_published_on():
    a = clean_article(article("NEW YORK, June 3, 2024 (Reuters) - Stocks rose on Monday as traders bet on cuts.", P2))
    assert (a.dateline, a.published_on) == ("NEW YORK, June 3, 2024", datetime.date(2024, 6, 3))
