"""extract_quotes as a whole: any input, and a verb inside a quote that reports nothing
(newsdesk.extract.quotes.assembly)."""

from __future__ import annotations

import pytest

from quote_helpers import find, run


@pytest.mark.parametrize("text", ["", "   \n\n  ", "“", "”", "'", "said", "“”", "According to"])
def test_degenerate_inputs(nlp, text):
    assert isinstance(run(nlp, text), list)


def test_verb_inside_a_short_quote_does_not_report_it(nlp):
    text = "The mayor shrugged.\n\n“You tell me,” she said."
    q = find(run(nlp, text), "You tell me")
    assert q.cue == "said" and q.speaker == "she"


def test_object_only_cue_inside_a_short_quote_is_no_cue(nlp):
    text = "He waved the sign around, mouthing “thank you” toward the audience."
    assert all(q.cue != "thank" for q in run(nlp, text))
