"""Direct quotes whose speaker is plainly there but the parse loses it (issue 16 follow-up:
recall at the attribution grain). Every sentence here was written for these tests."""

from __future__ import annotations

from quote_helpers import find, head_of, run


def test_not_inside_the_quote_does_not_negate_its_cue(nlp):
    # the parser hangs the quote's "not" on the cue as its negation
    q = find(run(nlp, '"Absolutely not. Absolutely not," Mayor Ortiz replied when the council asked about '
                      'a tax rise.'), "Absolutely")
    assert q.kind == "direct" and q.speaker == "Mayor Ortiz" and q.cue == "replied"


def test_participle_after_a_cue_the_parser_hung_under_the_quote(nlp):
    # "replied" parsed as the clause of the quote's "Tell": the participle keeps the replier
    q = find(run(nlp, '"Tell him I said thanks," Varga replied, adding that the plan was "a shambles."'),
             "shambles")
    assert q.speaker == "Varga" and q.cue == "adding"
