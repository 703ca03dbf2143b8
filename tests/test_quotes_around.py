"""Contents around their cue: inverted and parenthetical cues, cues set off by commas, "as" cues,
descriptions and charges (newsdesk.extract.quotes.around)."""

from __future__ import annotations

import pytest

from newsdesk.extract.quotes import extract_quotes
from newsdesk.extract.types import DocEntities

from quote_helpers import find, run


def test_parenthetical_cue_reports_the_sentence_around_it_in_two_passages(nlp):
    # ", she said," in the middle: the reported clause is the sentence around it, cut at the cue phrase
    text = "Maria Lopez runs the club. Many of the closures, she said, have involved public courses."
    qs = run(nlp, text)
    first, second = find(qs, "Many of the closures"), find(qs, "public courses")
    assert (first.text, second.text) == ("Many of the closures", "have involved public courses")
    assert first.kind == second.kind == "indirect" and first.speaker == "she" and second.speaker is None
    assert first.speaker_name == second.speaker_name == "Maria Lopez"
    assert first.attribution_id == second.attribution_id


def test_inverted_cue_at_a_paragraph_end_reports_the_clause_before_it(nlp):
    """“A said that …, B said.\\n\\n”: the parser made B's verb the ccomp of A's; the line-break
    token that closes the paragraph must not hide that B's verb ends the sentence."""
    from spacy.tokens import Doc

    words = ["The", "mayors", "said", "that", "rents", "rose", "sharply", ",", "Anders", "Holm", "said", ".",
             "\n\n", "Talks", "resume", "."]
    spaces = [True, True, True, True, True, True, False, True, True, True, False, False, False, True, False, False]
    tags = ["DT", "NNS", "VBD", "IN", "NNS", "VBD", "RB", ",", "NNP", "NNP", "VBD", ".", "_SP", "NNS", "VBP", "."]
    deps = ["det", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "advmod", "punct", "compound", "nsubj", "ccomp",
            "punct", "dep", "nsubj", "ROOT", "punct"]
    heads = [1, 2, 2, 5, 5, 2, 5, 10, 9, 10, 2, 2, 11, 14, 14, 14]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, deps=deps, heads=heads)
    qs = extract_quotes(doc, DocEntities())
    q = next(q for q in qs if q.speaker == "Anders Holm")
    assert q.kind == "indirect" and q.text == "The mayors said that rents rose sharply"


def test_inverted_cue_with_an_addressee_object(nlp):
    text = ("After a string of heavy defeats on Sunday night, Sen. Mark Hale (D-Ore.) remains committed to "
            "fighting on through to the convention, his top aide, Ben Ruiz, told The Daily Courier.")
    q = find(run(nlp, text), "remains committed")
    assert q.text.endswith("through to the convention") and q.cue == "told" and q.speaker == "his top aide"


@pytest.mark.parametrize("text, speaker, cue, before, after", [
    ("Commuters, Mayor Dana Pruitt suggested, do not have to fear a fare rise this year.", "Mayor Dana Pruitt",
     "suggested", "Commuters", "do not have to fear a fare rise this year"),
    ("Rather than raising the levy again, said Petra Lund, a spokeswoman for the port, the council wants a new toll.",
     "Petra Lund", "said", "Rather than raising the levy again", "the council wants a new toll"),
    ("Many evenings, former staff said, the director would stay until midnight rewriting the schedules.",
     "former staff", "said", "Many evenings", "the director would stay until midnight rewriting the schedules"),
    ("This kind of lobbying, the watchdog claimed, breaks the code of conduct for ministers.", "the watchdog",
     "claimed", "This kind of lobbying", "breaks the code of conduct for ministers"),
])
def test_cue_set_off_by_commas_reports_its_sentence(nlp, text, speaker, cue, before, after):
    """The sentence around the cue phrase, in two passages of one act of speech; the phrase (speaker,
    apposition, cue) in neither."""
    qs = run(nlp, text)
    assert [q.text for q in qs] == [before, after]
    assert qs[0].speaker == speaker and qs[0].cue == cue and qs[1].speaker is None
    assert qs[0].attribution_id == qs[1].attribution_id and {q.kind for q in qs} == {"indirect"}


def test_comma_cue_before_its_own_quote_keeps_the_quote(nlp):
    qs = run(nlp, "When she first saw the bridge in May, she said, “We will need a second one by next year.”")
    q = find(qs, "second one")
    assert q.kind == "direct" and q.text.startswith("“We"), [(q.text, q.kind) for q in qs]


@pytest.mark.parametrize("text, cue, speaker, content", [
    ("As Ms. Okafor put it in a letter to the board in May, the plan is “a gift to developers and nobody else.”",
     "put it", "Ms. Okafor", "the plan is “a gift to developers and nobody else.”"),
    ("As the county paper reported on Friday, the mill will close in March.", "reported", "the county paper",
     "the mill will close in March"),
])
def test_leading_as_clause_cue_reports_the_main_clause(nlp, text, cue, speaker, content):
    q = find(run(nlp, text), content)
    assert q.cue == cue and q.speaker == speaker and q.text == content


def test_as_clause_with_an_object_is_a_time_not_a_source(nlp):
    assert not run(nlp, "As he answered questions from reporters, protesters gathered outside the hall.")


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("As the county auditor noted, the new bridge cost twice the estimate.",
     "the new bridge cost twice the estimate", "the county auditor", "noted"),
    ("The vote may slip to June, as several senators have speculated.", "The vote may slip to June",
     "several senators", "speculated"),
])
def test_as_clause_cue_reports_the_main_clause(nlp, text, content, speaker, cue):
    q = find(run(nlp, text), content)
    assert q.text == content and q.kind == "indirect" and q.speaker == speaker and q.cue == cue


def test_as_clause_with_an_object_is_no_cue(nlp):
    qs = run(nlp, "As she explained the rules, the players took their seats.")
    assert not [q for q in qs if "players" in q.text], [q.text for q in qs]


@pytest.mark.parametrize("text, fragment, speaker, kind", [
    ("The mayor described the new tram line as a lifeline for the eastern suburbs.", "lifeline", "The mayor",
     "indirect"),
    ("The council approved the budget, which Ms Okafor declared as the fairest in a decade.", "fairest",
     "Ms Okafor", "indirect"),
])
def test_describe_as_without_quote_marks_is_indirect(nlp, text, fragment, speaker, kind):
    q = find(run(nlp, text), fragment)
    assert q.speaker == speaker and q.kind == kind


def test_passive_described_as_is_no_quote(nlp):
    text = "Two newcomers, widely described as reformers, won seats on the board."
    assert not [q for q in run(nlp, text) if "reformers" in q.text]


@pytest.mark.parametrize("text, fragment, speaker", [
    ("The union has accused the port authority of a reckless cut in safety staff.", "reckless cut", "The union"),
    ("Lisbon has charged Madrid with diverting the river to its own farms.", "diverting the river", "Lisbon"),
    ("The coach criticised the referees for ignoring two clear fouls.", "ignoring two clear fouls", "The coach"),
])
def test_charges_with_a_preposition_phrase_are_indirect(nlp, text, fragment, speaker):
    q = find(run(nlp, text), fragment)
    assert q.speaker == speaker and q.kind == "indirect"


def test_an_as_clause_reacting_to_something_reports_nothing(nlp):
    text = "The question of the border has loomed large as the ministry responds to the new tariffs."
    assert run(nlp, text) == []
    q = find(run(nlp, "The bridge cost twice the estimate, as the auditor noted in her report."), "bridge cost")
    assert q.cue == "noted"
