"""Unquoted objects of speech-act verbs and the other contents of one verb: call for, ask if, said
yes, show (newsdesk.extract.quotes.objects)."""

from __future__ import annotations

import pytest

from quote_helpers import find, run


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Senator Alma Reyes criticized the new tariff plan for its cost.", "the new tariff plan for its cost",
     "Senator Alma Reyes", "criticized"),
    ("The mayor announced a freeze on parking fees, citing the budget surplus.", "the budget surplus",
     "The mayor", "citing"),
    ("Governor Tom Hale has called for a review of the water contracts.", "a review of the water contracts",
     "Governor Tom Hale", "called for"),
])
def test_speech_act_verb_reports_its_noun_phrase_object(nlp, text, content, speaker, cue):
    q = find(run(nlp, text), content)
    assert q.text == content and q.kind == "indirect" and q.speaker == speaker and q.cue == cue


@pytest.mark.parametrize("text", [
    "She refused to attack her rivals during the forum.",  # infinitive: nothing was said
    "The governor was accused of ignoring the flood warnings.",  # passive: the subject is no speaker
    "He mentioned it twice.",  # a bare pronoun object
    "The survey found a sharp drop in turnout.",  # find: not in the speech-act set
    "If the council rejected the budget, the mayor would resign.",  # a condition, not a report
    "The campaign blasted out a barrage of press releases.",  # another verb: "blast out"
])
def test_noun_phrase_objects_that_report_no_speech(nlp, text):
    assert run(nlp, text) == []


@pytest.mark.parametrize("text, content", [
    ("Senator Diaz questioned his judgment in supporting the war.", "his judgment in supporting the war"),
    ("Rivera mentioned the stadium deal five times.", "the stadium deal five times"),
])
def test_noun_phrase_object_runs_over_the_verbs_modifiers(nlp, text, content):
    assert find(run(nlp, text), content.split()[1]).text == content


def test_unmarked_content_runs_to_the_end_of_its_clause(nlp):
    q = find(run(nlp, "The governor denied any role in the March 4, 2019, closure of the plant."), "any role")
    assert q.text == "any role in the March 4, 2019, closure of the plant"
    # not past the cue's own clause
    qs = run(nlp, "After he explained the rules, the players took their seats.")
    assert not [q for q in qs if "players" in q.text]


def test_speech_act_verb_reports_a_gerund_object(nlp):
    q = find(run(nlp, "The Harlow campaign reported raising about two million dollars in March."), "raising")
    assert q.text == "raising about two million dollars in March" and q.cue == "reported"


def test_gerund_after_a_preposition_reports_its_object(nlp):
    q = find(run(nlp, "The mayor won the runoff by promising a new tram line for the east side."), "tram line")
    assert q.cue == "promising" and q.speaker == "The mayor" and q.text.startswith("a new tram line")
    q = find(run(nlp, "After mocking the stadium deal for weeks, Ortega voted for it on Tuesday."), "stadium")
    assert q.cue == "mocking" and q.speaker == "Ortega"
    q = find(run(nlp, "With the senator calling the budget a disgrace, the talks collapsed."), "disgrace")
    assert q.speaker == "the senator"
    # a noun's gerund and a negative preposition report nothing
    assert run(nlp, "The council has a long history of blaming the unions for the delays.") == []
    assert run(nlp, "Ortega left the hall without mentioning the stadium deal.") == []


def test_highlight_remind_and_attack_report_their_object(nlp):
    for text, cue, frag in [
        ("The union leader highlighted the rising cost of rent in her speech.", "highlighted", "rising cost"),
        ("Ortega reminded the council of its promise to the farmers.", "reminded", "promise to the farmers"),
        ("Farid attacked the port authority for its handling of the strike.", "attacked", "port authority"),
    ]:
        q = find(run(nlp, text), frag)
        assert q.cue == cue and q.kind == "indirect"


def test_figurative_subject_of_an_animate_only_cue_reports_nothing(nlp):
    assert run(nlp, "The long delays suggest a deeper problem at the port.") == []
    assert run(nlp, "His support faded after mocking the plan.") == []
    q = find(run(nlp, "Critics attacked the port authority for its handling of the strike."), "port authority")
    assert q.speaker == "Critics"


def test_infinitive_of_a_done_report_reports_its_object(nlp):
    q = find(run(nlp, "The senator went on the radio to defend her vote on the budget."), "her vote")
    assert q.cue == "defend" and q.speaker == "The senator"
    q = find(run(nlp, "Ortega continued to question the cost of the new stadium."), "the cost")
    assert q.cue == "question" and q.speaker == "Ortega"
    # refused, negated: nothing was said
    assert run(nlp, "Ortega refused to criticize the stadium deal.") == []
    assert run(nlp, "Ortega did not go on the radio to defend the stadium deal.") == []


def test_noun_phrase_object_is_not_continued_by_the_next_quote(nlp):
    qs = run(nlp, "The minister did not suggest new sanctions. “We will keep talking to them until the "
                  "spring.” The talks resume in May.")
    assert not any("sanctions" in q.text and "keep talking" in q.text for q in qs)


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("“The ferry has been late all winter,” Councillor Ines Marlow said, referring to the harbour line.",
     "the harbour line", "Councillor Ines Marlow", "referring to"),
    ("As evidence, the coach pointed to the injury list from last season.",
     "the injury list from last season", "the coach", "pointed to"),
    ("The retired judge recalled a long winter of hearings in the old courthouse.",
     "a long winter of hearings in the old courthouse", "The retired judge", "recalled"),
    ("Mayor Lina Osei tweeted her congratulations to the rowing team.",
     "her congratulations to the rowing team", "Mayor Lina Osei", "tweeted"),
])
def test_referring_and_pointing_report_their_object(nlp, text, content, speaker, cue):
    q = find(run(nlp, text), content)
    assert q.text == content and q.kind == "indirect" and q.speaker == speaker and q.cue == cue


@pytest.mark.parametrize("text", [
    "Pointing to the new stadium, the mayor promised that fares would fall.",  # fronted: the clause is the report
    "The old mill, often referred to as the Red Barn, was sold last year.",  # passive naming
])
def test_fronted_or_passive_pointing_reports_no_object(nlp, text):
    qs = run(nlp, text)
    assert not [q for q in qs if q.cue and q.cue.lower().startswith(("point", "refer"))], \
        [(q.text, q.cue) for q in qs]


def test_markup_and_inverted_tweet_report_no_object(nlp):
    qs = run(nlp, '<tweet author="cityhall" date="May 2">The bridge opens on Monday.</tweet>')
    assert not [q for q in qs if q.cue and q.cue.startswith("tweet")], [(q.text, q.cue) for q in qs]
    qs = run(nlp, "“The bridge is finally open,” tweeted a local cyclist from the harbour district.")
    assert not [q for q in qs if "cyclist" in q.text], [(q.text, q.cue) for q in qs]


def test_call_reports_an_unquoted_naming(nlp):
    q = find(run(nlp, "The union leader called the contract a betrayal of the workers."), "betrayal")
    assert q.text == "the contract a betrayal of the workers" and q.cue == "called" and q.kind == "indirect"
    assert not [q for q in run(nlp, "The mayor called the governor on Monday.") if q.cue == "called"]


@pytest.mark.parametrize("text, content", [
    ("Mayor Ruth Okafor is calling for the state to double its transit budget.",
     "the state to double its transit budget"),
    ("The senator has called for the former director to release the audit.",
     "the former director to release the audit"),
])
def test_call_for_reports_object_and_infinitive(nlp, text, content):
    q = find(run(nlp, text), content)
    assert q.text == content and q.kind == "indirect" and q.cue.endswith("for")


def test_call_for_a_gerund(nlp):
    q = find(run(nlp, "The senator has called for reducing the corporate tax rate."), "tax rate")
    assert q.text == "reducing the corporate tax rate" and q.cue == "called for"


def test_urging_verb_runs_over_bare_verb_conjuncts(nlp):
    text = ("The mayor called on the two boroughs to share their depots, speak with “one voice on transit”, "
            "draw up a joint budget and quietly drop the old feud.")
    q = find(run(nlp, text), "one voice")
    assert q.cue == "called on" and q.text.startswith("the two boroughs") and q.text.endswith("feud"), q.text


def test_ask_reports_an_if_clause_question(nlp):
    q = find(run(nlp, "Later Ms. Varga asked the rowers if they ever trained in the rain."), "trained in the rain")
    assert q.text == "they ever trained in the rain" and q.speaker == "Ms. Varga" and q.cue == "asked"


def test_said_yes_reports_the_answer(nlp):
    q = find(run(nlp, "In the spring poll, 61 percent of the members said yes."), "yes")
    assert q.text == "yes" and q.cue == "said" and q.speaker == "61 percent"
    q = find(run(nlp, "Some 73 percent said the same of the governor."), "same")
    assert q.text == "the same of the governor" and q.cue == "said"


def test_say_object_holding_a_verb_is_a_reported_clause(nlp):
    text = "Senator Ruth Gale says the protest movement that is spreading across the state appeals to anger."
    q = find(run(nlp, text), "protest movement")
    assert q.text == "the protest movement that is spreading across the state appeals to anger"
    assert q.cue == "says" and q.kind == "indirect"
    text = "He said taxing it could put thousands of families to work downstate."  # parsed as an xcomp
    assert find(run(nlp, text), "taxing").text == "taxing it could put thousands of families to work downstate"


def test_a_poll_shows_reports_its_object(nlp):
    q = find(run(nlp, "A county poll released on Monday showed Mayor Reyes with a nine-point lead over her rival."),
             "nine-point")
    assert q.text == "Mayor Reyes with a nine-point lead over her rival" and q.cue == "showed"


@pytest.mark.parametrize("text", [
    "The mayor showed great patience with the protesters.",  # a person shows a quality, says nothing
    "The video shows a crowd outside the stadium.",  # not a poll, records or data
])
def test_show_without_a_source_subject_reports_nothing(nlp, text):
    assert not [q for q in run(nlp, text) if q.cue and q.cue.startswith("show")]
