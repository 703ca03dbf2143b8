"""Organisation nominals, institutions, documents and spokespeople → the organisation or author
(newsdesk.extract.speakers.organisations, .documents)."""

from __future__ import annotations

import pytest

from quote_helpers import find, run


def test_organisation_speaker_keeps_its_entity(nlp):
    qs = run(nlp, "The European Commission said the rules would take effect in March.")
    q = find(qs, "the rules would")
    assert q.speaker_label == "ORG" and "European Commission" in q.speaker_name


@pytest.mark.parametrize("text, fragment, name", [
    # "the firm", "the company" → the latest organisation subject or speaker
    ("Halvorsen Foods reported a loss on Tuesday. Its shares fell 4%. The firm said demand for frozen "
     "meals had slumped.", "demand for frozen", "Halvorsen Foods"),
    # … unless that one is a passing mention: then the story's company
    ("Brindlecom said profits rose. Brindlecom plans to cut debt. Brindlecom Asia, its eastern arm, grew "
     "fast. The company said it would pay a dividend.", "pay a dividend", "Brindlecom"),
    # a lead sentence names its source later: "…, the watchdog has said. … the Fair Trading Board says"
    ("Card fees should be capped, the watchdog has said. In a report, the Fair Trading Board says fees are "
     "too high.", "Card fees", "Fair Trading Board"),
])
def test_organisation_nominal_resolves_to_the_organisation(nlp, text, fragment, name):
    assert find(run(nlp, text), fragment).speaker_name == name


@pytest.mark.parametrize("text, fragment, name", [
    ("Russia’s foreign ministry said the talks would “deepen mutual trust between the two sides.”",
     "deepen mutual trust", "Russian Foreign Ministry"),
    ("India’s Foreign Ministry said the talks would “deepen mutual trust between the two sides.”",
     "deepen mutual trust", "Indian Foreign Ministry"),  # the NER's bare "Foreign Ministry" gets its country
    ("The state department said that the envoy would return to Lima on Friday.", "envoy would return",
     "State Department"),
    ("The envoy urged calm, according to a Japanese foreign ministry statement.", "urged calm",
     "Japanese Foreign Ministry"),
])
def test_institution_named_from_its_noun_phrase(nlp, text, fragment, name):
    qs = [q for q in run(nlp, text) if fragment in q.text]
    assert name in {q.speaker_name for q in qs}, [(q.speaker, q.speaker_name) for q in qs]


def test_institution_named_after_by_is_the_speaker_name(nlp):
    qs = run(nlp, "Both sides should “keep talking”, according to a statement by the Chinese Foreign Ministry.")
    q = [q for q in qs if q.cue == "according to"][0]
    assert q.speaker_name == "Chinese Foreign Ministry"


def test_a_relayed_quote_is_one_row_with_the_cue_verbs_speaker(nlp):
    """"X said …, according to Y": one passage, X's; the "according to" conduit makes no second row."""
    qs = run(nlp, "Mr Li said both sides should “keep talking”, according to a statement by the "
                  "Chinese Foreign Ministry.")
    assert [(q.cue, q.speaker) for q in qs] == [("said", "Mr Li")]


def test_the_statement_resolves_to_the_author_of_an_earlier_statement(nlp):
    text = ("Norway and Chile agreed on a fishing pact, saying in a joint statement that quotas would fall. "
            "The statement criticised Peru for its “reckless trawling” near the coast.\n\n"
            "It also said the two governments would share patrol boats next year.")
    qs = run(nlp, text)
    # the joint statement is both parties': not collapsed into one of them
    assert find(qs, "reckless trawling").speaker_name == "Norway and Chile"
    assert find(qs, "share patrol boats").speaker_name == "Norway and Chile"  # "It" continues the statement


def test_the_spokesman_speaks_for_the_earlier_spokesmans_organisation(nlp):
    text = ("A Kestrel Airways spokesman said the flights would resume on Friday.\n\n"
            "\"We are sorry for the delays,\" the spokesman said.")
    q = find(run(nlp, text), "sorry for the delays")
    assert q.speaker == "the spokesman" and q.speaker_name == "Kestrel Airways"


@pytest.mark.parametrize("text, fragment, name", [
    # a title with a name in apposition speaks as that person, even when the NER missed the name
    # or took the title for an organisation
    ("Ms Harlow, the minister, spoke first. The Shadow Secretary for Rural Affairs, Joan Pellow, said: "
     "“These plans were promised two years ago and nothing has happened.”", "promised two years", "Joan Pellow"),
    ("The Roman Catholic Archbishop of Tullow, the Most Reverend Conor Devlin, told listeners that the "
     "church wanted people to reflect.", "church wanted", "Conor Devlin"),
    # a document noun speaks for its author named after it
    ("Crop output rose 12% last year, the joint report from the Grain Council said.", "Crop output",
     "Grain Council"),
    ("A separate report by Velmont Analytics has also said mobile TV is “unlikely” before 2009.",
     "mobile TV", "Velmont Analytics"),
    ("A spokesman for the Orbis Exchange said trading would start in March.", "trading would start",
     "Orbis Exchange"),
])
def test_title_apposition_and_document_author_resolve(nlp, text, fragment, name):
    assert find(run(nlp, text), fragment).speaker_name == name
