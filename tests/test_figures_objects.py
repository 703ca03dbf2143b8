"""What a figure counts or values (newsdesk/extract/figures/objects.py): counted nouns ("100,000
troops", "five of its last six games", "one of the best …") and objects ("40 per cent of voters")."""

from __future__ import annotations

import pytest
from extract_checks import FIGURE_FIELDS, assert_figure

# (sentence, figure text, value, unit, kind, qualifier, object, year, period)
OBJECTS = [
    ("Russia has massed more than 100,000 troops on its border.",
     "100,000", 1e5, None, "count", "more than", "troops", None, None),
    ("The plant will create up to 400 jobs.", "400", 400.0, None, "count", "up to", "jobs", None, None),
    ("Nearly 40 per cent of voters backed him.", "40 per cent", 40.0, "percentage", "percent", "nearly", "voters", None, None),
    # "N of the/its … <plural noun>" counts the noun
    ("The team has won five of its last six games.", "five", 5.0, None, "count", None, "games", None, None),
    # "one" counts when it modifies a noun directly
    ("She put one hand behind her head.", "one", 1.0, None, "count", None, "hand", None, None),
    # "one of the <superlative> X" is a count of one X (NewsQuant's convention)
    ("Are you looking for one of the best wireless speakers?", "one", 1.0, None, "count", None, "best wireless speakers", None, None),
]


@pytest.mark.parametrize(FIGURE_FIELDS, OBJECTS)
def test_counted_noun_or_valued_object(nlp, text, span, value, unit, kind, qualifier, obj, year, period):
    assert_figure(nlp, text, span, value, unit, kind, qualifier, obj, year, period)
