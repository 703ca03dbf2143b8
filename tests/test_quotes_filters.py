"""Reports dropped because another one covers them: nesting, inner reports, reason gerunds,
crowds inside an "according to" source (newsdesk.extract.quotes.filters)."""

from __future__ import annotations

from quote_helpers import find, run


def test_report_nested_in_a_reported_clause_is_not_a_second_quote(nlp):
    qs = run(nlp, "The mayor said the auditors found that the bridge had cost twice the estimate.")
    assert [q.cue for q in qs] == ["said"]
    assert qs[0].text == "the auditors found that the bridge had cost twice the estimate"


def test_report_nested_under_a_document_subject_is_not_a_second_quote(nlp):
    # a poll only relays, so nesting does not drop the inner report: the nested-cue rule must
    qs = run(nlp, "A new report says 68% of voters say the tax plan goes too far.")
    assert [q.cue for q in qs] == ["says"]


def test_attribution_nested_in_a_reported_clause_is_dropped(nlp):
    qs = run(nlp, "Officials said the road was closed after the police warned drivers to stay away.")
    assert [q.cue for q in qs] == ["said"]
    # kept: a named party's words in a relative clause, and what a relaying source passes on
    qs = run(nlp, "The city said it might close the bridge, which Mayor Ortiz has described as a lifeline.")
    assert [q.cue for q in qs] == ["said", "described"]
    qs = run(nlp, "The talks were frank, according to the readout, and Putin told Xi that the sanctions had failed.")
    assert [q.text for q in qs if q.cue == "told"] == ["the sanctions had failed"]


def test_verb_inside_a_quote_does_not_swallow_the_cue_clause_before_it(nlp):
    # the parser hangs "characterized" as the clause of "hailed", a verb inside the quoted passage
    text = ("Reuters characterized the tone of the talks as between two leaders that are ‘closer than "
            "brothers’: “Prime Minister Ana Lopes hailed relations with Spain as better than a partnership "
            "in a phone call with King Felipe, according to the palace, as the two leaders made a show of unity.”")
    q = find(run(nlp, text), "closer than brothers")
    assert q.speaker == "Reuters" and q.cue == "characterized" and "hailed relations" in q.text


def test_gerund_giving_the_reason_for_blame_reports_nothing(nlp):
    qs = run(nlp, "The council censured the treasurer for saying the pension fund was insolvent.")
    assert not [q for q in qs if q.cue == "saying"]
    qs = run(nlp, "The treasurer upset the council by saying the pension fund was insolvent.")
    assert [q.text for q in qs if q.cue == "saying"] == ["the pension fund was insolvent"]


def test_crowd_report_inside_an_according_to_source_is_one_attribution(nlp):
    qs = run(nlp, "According to the survey, 62 percent of parents say they want longer school days.")
    assert [q.cue for q in qs] == ["According to"] and qs[0].speaker == "the survey"
    # a named speaker inside the relayed clause keeps his own words
    qs = run(nlp, "According to aides, Governor Lin Ortiz said she would veto the bill.")
    assert any(q.cue == "said" and q.speaker == "Governor Lin Ortiz" for q in qs)
