"""Parts of one quote joined into one row (newsdesk.extract.quotes.merging)."""

from __future__ import annotations

from quote_helpers import find, run


def test_multi_paragraph_quote_is_one_quote(nlp):
    text = ("“The first paragraph of the statement goes here.\n\n"
            "“The second paragraph carries on and ends the quote,” Smith said.")
    qs = [q for q in run(nlp, text) if q.kind == "direct"]
    assert len(qs) == 1
    assert qs[0].start_char == 0 and qs[0].text.endswith("quote,”")
    assert qs[0].speaker == "Smith"


def test_interrupted_quote_is_one_quote(nlp):
    # “A,” X said. “B.” — one quote from the first opening to the last closing mark (MERGE_CONTINUED)
    text = "“We will win the vote,” Smith said. “Nobody can stop us now.”"
    qs = [q for q in run(nlp, text) if q.kind == "direct"]
    assert len(qs) == 1 and qs[0].text == text


def test_floating_continuation_after_a_blank_line_is_merged(nlp):
    text = ("The senator spoke on Monday.\n\n“We will find the votes we need and win this,” Collins told a radio host."
            "\n\n“So the simple plan is, we count and we pass it. Game over.”\n\nOthers disagreed.")
    qs = [q for q in run(nlp, text) if q.kind == "direct"]
    assert len(qs) == 1 and qs[0].speaker == "Collins"
    assert qs[0].text.startswith("“We will find") and qs[0].text.endswith("Game over.”")


def test_reported_clause_and_the_quote_after_its_colon_are_one_span(nlp):
    qs = run(nlp, "The auditor said there was a simple reason: ''Nobody ever checked the invoices. Not once in ten years.''")
    assert [(q.kind, q.cue, q.text) for q in qs] == [
        ("mixed", "said", "there was a simple reason: ''Nobody ever checked the invoices. Not once in ten years.''")]
