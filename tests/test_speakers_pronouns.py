"""Pronoun speakers: he/she/I, "it", "who", "both leaders" (newsdesk.extract.speakers.pronouns)."""

from __future__ import annotations

import pytest

from quote_helpers import find, run


def test_pronoun_resolves_to_latest_person_subject(nlp):
    text = ("John Smith arrived late on Friday. Maria Lopez was not there.\n\n"
            "Smith spoke first. “We are ready for the vote,” he said.")
    q = find(run(nlp, text), "ready for the vote")
    assert q.speaker == "he" and q.speaker_name == "John Smith" and q.speaker_label == "PERSON"


@pytest.mark.parametrize("text, fragment, name", [
    # a person named inside another speaker's reported clause is no antecedent of "he"
    ("Goalkeeper Tom Reddick admitted that Sam Ollerton had taken the last penalty because it was "
     "“too far out for me”. “It was a poor strike,” he added.", "poor strike", "Tom Reddick"),
    # nor is a role subject of that clause ("the British prime minister was …")
    ("After talks, Omar Haddad said the British prime minister was “a real help to us”. "
     "He added: “We will come to London in March.”", "come to London", "Omar Haddad"),
    # outside any reported clause the latest subject still wins
    ("Tom Reddick scored twice. Sam Ollerton missed a penalty. “It was a poor strike,” he said.",
     "poor strike", "Sam Ollerton"),
])
def test_pronoun_skips_people_inside_reported_clauses(nlp, text, fragment, name):
    assert find(run(nlp, text), fragment).speaker_name == name


@pytest.mark.parametrize("text, fragment, name", [
    # a person named in the quote's own clause is not its "he"
    ("Derek Hollis spoke in Leeds on Friday. Mr Grant has failed to fix the railways, he claimed.",
     "failed to fix", "Derek Hollis"),
    # nor is an organisation in it "the newspaper" ("The IMF will cut …, the newspaper reported")
    ("The Daily Courant reported on Monday that talks had stalled. The Arvel Fund will cut its forecast "
     "to 1%, the newspaper reported.", "cut its forecast", "Daily Courant"),
    # … unless no other organisation is there ("Halvorsen, a lender, is hiring, the firm said")
    ("Halvorsen Bank, the country's third-biggest lender, is hiring 200 staff, the firm told reporters.",
     "hiring 200", "Halvorsen Bank"),
])
def test_words_of_the_quote_itself_are_no_antecedents(nlp, text, fragment, name):
    assert find(run(nlp, text), fragment).speaker_name == name


def test_he_inside_the_same_reported_clause_keeps_its_own_antecedent(nlp):
    # "according to" relays, so the inner report is kept beside the outer one (see the
    # nested-attribution rule); its "he" is the man named inside the outer clause
    text = ("According to Arthur Penn, Joe Marlow was right when he said the plan was “a total mess”. "
            "Penn later left.")
    hits = [q for q in run(nlp, text) if q.speaker == "he"]
    assert hits and all(q.speaker_name == "Joe Marlow" for q in hits)


def test_writers_own_i_has_no_speaker_name(nlp):
    text = ("Tom Reid, the mayor, defended the parking plan on Monday.\n\n"
            "I would say the plan punishes people who have no bus to take.")
    q = find(run(nlp, text), "punishes people")
    assert q.speaker == "I" and q.speaker_name is None
    # inside a quote "I" is the quoted speaker's words: the passage continues Reid's quote
    text = ('Tom Reid, the mayor, spoke on Monday. Reid told reporters: "Nobody has called me. "If they '
            'want to, fine. I can tell them what the plan is.')
    q = find(run(nlp, text), "what the plan is")
    assert q.speaker is None and q.speaker_name == "Tom Reid" and q.text.startswith('"If they')


def test_relative_pronoun_speaker_resolves_to_antecedent(nlp):
    text = "Putin met Premier Li Qiang, who said Beijing was willing to “continue to deepen cooperation”."
    q = find(run(nlp, text), "Beijing was willing")
    assert q.speaker == "who" and q.speaker_name == "Li Qiang" and q.kind == "mixed"


def test_it_said_after_a_person_speaker_stays_unresolved(nlp):
    text = ("Maria Lopez said the harbour would reopen in May. It also said the ferries would run twice a day.")
    q = find(run(nlp, text), "ferries would run")
    assert q.speaker_name is None


def test_both_leaders_are_both_of_them(nlp):
    text = ("Emmanuel Macron met Olaf Scholz in Paris on Monday. Both leaders said the budget rules "
            "needed “a serious overhaul before winter.”")
    q = find(run(nlp, text), "serious overhaul")
    assert q.speaker_name == "Emmanuel Macron and Olaf Scholz" and q.speaker_entity_id is None
    assert [s.name for s in q.speakers] == ["Emmanuel Macron", "Olaf Scholz"]


def test_two_groups_of_leaders_are_not_both_leaders(nlp):
    text = ("Kurt Ansel visited Belgrade. In Serbia, both Christian and Islamic leaders assured their "
            "followers that the vaccine was safe.")
    q = find(run(nlp, text), "vaccine was safe")
    assert q.speaker_name is None


@pytest.mark.parametrize("text, fragment, name", [
    # a definite plural group noun after two organisations: both of them
    ("Harlow Foods said it would buy Kestrel Dairies. The companies said the deal would close in May.",
     "would close in May", "Harlow Foods and Kestrel Dairies"),
    # one name with "and" in it is no joint speaker
    ("Marsh and Sons Ltd said its profit rose.", "its profit rose", "Marsh and Sons Ltd"),
])
def test_group_nouns_and_names_with_and(nlp, text, fragment, name):
    assert find(run(nlp, text), fragment).speaker_name == name


def test_he_passes_over_a_person_the_text_marks_as_a_woman(nlp):
    text = ("Awards night\n\nBest actor Jamie Foxx missed the ceremony, but actress Helen Mirren read out his "
            "speech. He apologised for his absence, joking: “I am stuck in traffic in LA.”")
    assert find(run(nlp, text), "stuck in traffic").speaker_name == "Jamie Foxx"
