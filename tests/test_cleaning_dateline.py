"""newsdesk.cleaning.dateline: datelines opening the first paragraph, recorded as place and date."""

from __future__ import annotations

import pytest

from cleaning_helpers import HEAD, P1, P2, article, body_lines
from newsdesk.cleaning import clean_article, find_dateline


@pytest.mark.parametrize(
    "opening, dateline",
    [
        ("BEIJING - Chinese exports rose", "BEIJING"),
        ("BEIJING – Chinese exports rose", "BEIJING"),  # en dash
        ("BEIJING: Chinese exports rose", "BEIJING"),
        ("LOS ANGELES, March 12 - A wildfire spread", "LOS ANGELES, March 12"),
        ("MOSCOW, Feb 4 (Reuters) - Russia said", "MOSCOW, Feb 4"),
        ("WASHINGTON (AP) — The Pentagon said", "WASHINGTON"),
        ("ROCHESTER, N.Y., Feb 26 - Champion Products said", "ROCHESTER, N.Y., Feb 26"),  # US state
        ("BRUSSELS, Belgium (AP) — European leaders agreed", "BRUSSELS, Belgium"),
        ("Beijing, March 12 (Reuters) - Chinese exports rose", "Beijing, March 12"),  # title case + agency
        ("ST. PETERSBURG, Russia — Officials said", "ST. PETERSBURG, Russia"),
        ("MANILA, April 1, Reuter - Officials said", "MANILA, April 1"),  # agency after a comma
        ("CLEVELAND, FEB 26 - Standard Oil said", "CLEVELAND, FEB 26"),  # month in capitals
        ("UPDATE: Chinese exports rose", None),  # a label, not a place
        ("NATO-led forces said", None),  # no separator
        ("The US economy grew", None),
    ],
)
def test_dateline_is_found_recorded_without_agency_and_kept_in_the_body(opening, dateline):
    first = f"{opening} by 5 per cent in the year to May, officials said on Tuesday."
    a = clean_article(article(first, P2))
    assert a.dateline == dateline
    assert body_lines(a)[1] == first  # the dateline stays in the body
    assert a.published_on is None  # no year stated


def test_dateline_after_standfirst_lines():
    # short standfirst lines (no bullets) above the dateline paragraph
    text = f"{HEAD}\n\nRates up for the fourth time this year\n\nBRUSSELS – {P1}\n\n{P2}"
    assert clean_article(text).dateline == "BRUSSELS"


def test_find_dateline_offset_points_at_the_text():
    d = find_dateline("MOSCOW, Feb 4 (Reuters) - Russia said")
    assert d is not None and "MOSCOW, Feb 4 (Reuters) - Russia said"[d.end:] == "Russia said"
