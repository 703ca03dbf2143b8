"""Objects of speech-act verbs (reported only when they name a claim or hold a clause) and the other
contents of one verb: call for, ask if, said yes (newsdesk.extract.quotes.objects, .frames)."""

from __future__ import annotations

import pytest

from quote_helpers import find, run


@pytest.mark.parametrize("text", [
    "Senator Alma Reyes criticized the new tariff plan on Monday.",
    "The mayor announced a freeze on parking fees, citing the budget surplus.",
    "Governor Tom Hale has called for a review of the water contracts.",
    "The union leader highlighted the rising cost of rent in her speech.",
    "Farid attacked the port authority for its handling of the strike.",
    "The retired judge recalled a long winter of hearings in the old courthouse.",
    "Mayor Lina Osei tweeted her congratulations to the rowing team.",
    "As evidence, the coach pointed to the injury list from last season.",
    "The mayor won the runoff by promising a new tram line for the east side.",
])
def test_a_bare_noun_phrase_object_reports_no_speech(nlp, text):
    """No words of the speaker are reported by a speech-act verb's bare object (DESIGN.md)."""
    assert run(nlp, text) == []


@pytest.mark.parametrize("text, content, cue", [
    ("The harbour master denied the allegations in a short statement.", "the allegations in a short statement",
     "denied"),
    ("The treasurer has denied taking money from the club.", "taking money from the club", "denied"),
    ("The board rejected the claims made by the former coach.", "the claims made by the former coach", "rejected"),
    ("The minister dismissed the reports as gossip.", "the reports as gossip", "dismissed"),
])
def test_a_claim_frame_verb_reports_a_claim_or_a_gerund(nlp, text, content, cue):
    q = find(run(nlp, text), content.split()[1])
    assert q.text == content and q.kind == "indirect" and q.cue == cue


@pytest.mark.parametrize("text", [
    "Keeper Ana Ruiz denied the visitors a late winner on Saturday.",  # to refuse someone a thing
    "The council rejected the bid from the ferry company.",  # an act, not speech
    "The court denied the request for bail.",
])
def test_a_claim_frame_verb_with_no_claim_reports_nothing(nlp, text):
    assert run(nlp, text) == []


def test_an_object_that_holds_a_that_clause_reports_it(nlp):
    text = ("The union has demanded guarantees from the owners, including that the yard stay open until 2030 "
            "and that no worker lose pay.")
    q = find(run(nlp, text), "stay open")
    assert q.cue == "demanded" and q.kind == "indirect" and q.speaker == "The union"


@pytest.mark.parametrize("text", [
    "She refused to attack her rivals during the forum.",  # infinitive: nothing was said
    "The governor was accused of ignoring the flood warnings.",  # passive: the subject is no speaker
    "He mentioned it twice.",  # a bare pronoun object
    "The survey found a sharp drop in turnout.",  # find: a finding, not speech
    "If the council rejected the budget, the mayor would resign.",  # a condition, not a report
    "The campaign blasted out a barrage of press releases.",  # another verb: "blast out"
    "Ortega pledged to cut the tram fares by half.",  # a commitment, not a report of speech
])
def test_objects_and_infinitives_that_report_no_speech(nlp, text):
    assert run(nlp, text) == []


def test_unmarked_content_runs_to_the_end_of_its_clause(nlp):
    q = find(run(nlp, "The governor denied any role in the March 4, 2019, closure of the plant."), "any role")
    assert q.text == "any role in the March 4, 2019, closure of the plant"
    # not past the cue's own clause
    qs = run(nlp, "After he explained the rules, the players took their seats.")
    assert not [q for q in qs if "players" in q.text]


def test_noun_phrase_object_is_not_continued_by_the_next_quote(nlp):
    qs = run(nlp, "The minister did not suggest new sanctions. “We will keep talking to them until the "
                  "spring.” The talks resume in May.")
    assert not any("sanctions" in q.text and "keep talking" in q.text for q in qs)


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


@pytest.mark.parametrize("text, content", [
    ("Mayor Ruth Okafor is calling for the state to double its transit budget.",
     "the state to double its transit budget"),
    ("The senator has called for the former director to release the audit.",
     "the former director to release the audit"),
])
def test_call_for_reports_object_and_infinitive(nlp, text, content):
    q = find(run(nlp, text), content)
    assert q.text == content and q.kind == "indirect" and q.cue.endswith("for")


def test_urging_verb_runs_over_bare_verb_conjuncts(nlp):
    text = ("The mayor called on the two boroughs to share their depots, speak with “one voice on transit”, "
            "draw up a joint budget and quietly drop the old feud.")
    q = find(run(nlp, text), "one voice")
    assert q.cue == "called on" and q.text.startswith("the two boroughs") and q.text.endswith("feud"), q.text


def test_ask_reports_an_if_clause_question(nlp):
    q = find(run(nlp, "Later Ms. Varga asked the rowers if they ever trained in the rain."), "trained in the rain")
    assert q.text == "they ever trained in the rain" and q.speaker == "Ms. Varga" and q.cue == "asked"


def test_said_yes_reports_the_answer(nlp):
    q = find(run(nlp, "When the council asked about the bridge, the mayor said yes."), "yes")
    assert q.text == "yes" and q.cue == "said" and q.speaker == "the mayor"
    q = find(run(nlp, "The coach said the same of the goalkeeper."), "same")
    assert q.text == "the same of the goalkeeper" and q.cue == "said"


def test_a_share_of_a_poll_is_no_speaker(nlp):
    """"61 percent said yes", "a majority said": a poll's finding, not someone's speech."""
    assert run(nlp, "In the spring poll, 61 percent of the members said yes.") == []
    assert run(nlp, "A majority of voters said the tax plan goes too far.") == []


def test_say_object_holding_a_verb_is_a_reported_clause(nlp):
    text = "Senator Ruth Gale says the protest movement that is spreading across the state appeals to anger."
    q = find(run(nlp, text), "protest movement")
    assert q.text == "the protest movement that is spreading across the state appeals to anger"
    assert q.cue == "says" and q.kind == "indirect"
    text = "He said taxing it could put thousands of families to work downstate."  # parsed as an xcomp
    assert find(run(nlp, text), "taxing").text == "taxing it could put thousands of families to work downstate"


@pytest.mark.parametrize("text", [
    "The mayor showed great patience with the protesters.",  # a person shows a quality, says nothing
    "The video shows a crowd outside the stadium.",  # not a poll, records or data
])
def test_show_without_a_source_subject_reports_nothing(nlp, text):
    assert not [q for q in run(nlp, text) if q.cue and q.cue.startswith("show")]


@pytest.mark.parametrize("text", [
    "The minister did not say if the talks would resume on Friday.",  # negated: nothing was said
    "The club declined to say whether the coach would stay.",  # a refusal to say
    "Ito never said the pier would close.",
])
def test_a_report_of_speech_that_did_not_happen_is_no_quote(nlp, text):
    assert run(nlp, text) == []


def test_a_passive_naming_without_an_agent_is_no_quote(nlp):
    text = 'Referred to at home as "the Professor", Lindqvist coached the club for a decade.'
    assert run(nlp, text) == []
    q = find(run(nlp, 'The coach described the defeat as "a disaster for the club".'), "disaster")
    assert q.cue == "described" and q.speaker == "The coach"


def test_a_naming_verb_after_an_apposition_still_reports(nlp):
    """"X, speaking on the radio, called Y a “…”": the tagger may read the verb as a participle."""
    q = find(run(nlp, "De Wit, speaking on the radio, called the mayor a “coward,” and left."), "coward")
    assert q.cue == "called" and q.kind == "mixed"
