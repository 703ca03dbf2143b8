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
    # ... also after a possessive name, and a noun whose plural is its singular
    ("Nine of Acme's suppliers were late.", "Nine", 9.0, None, "count", None, "suppliers", None, None),
    ("The navy retired 12 of the aircraft.", "12", 12.0, None, "count", None, "aircraft", None, None),
    # the counted noun after coordinated adjectives or a name used as a modifier
    ("Inspectors found about 240 small and medium-sized leaks.", "240", 240.0, None, "count", "about",
     "leaks", None, None),
    ("All 27 EU governments signed.", "27", 27.0, None, "count", None, "EU governments", None, None),
    # "one" counts when it modifies a noun directly
    ("He kept one eye on the road.", "one", 1.0, None, "count", None, "eye", None, None),
    # "one of the <superlative> X" is a count of one X (NewsQuant's convention)
    ("It is one of the cheapest electric bikes.", "one", 1.0, None, "count", None, "cheapest electric bikes", None, None),
]


@pytest.mark.parametrize(FIGURE_FIELDS, OBJECTS)
def test_counted_noun_or_valued_object(nlp, text, span, value, unit, kind, qualifier, obj, year, period):
    assert_figure(nlp, text, span, value, unit, kind, qualifier, obj, year, period)
