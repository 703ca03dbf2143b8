""""NAME: text" lines of headlines and transcripts (newsdesk.extract.quotes.name_lines)."""

from __future__ import annotations

import pytest

from newsdesk import ids
from newsdesk.extract.quotes import extract_quotes
from newsdesk.extract.types import DocEntities, Mention

from quote_helpers import find, run


def test_transcript_speaker_lines(nlp):
    # "NAME: text" lines; an all-caps name counts when it opens at least two lines
    text = ("HARLOW: Let us start with the harbour story tonight.\n\n"
            "BRANDT: Well, the question really is why they closed it.\n\n"
            "HARLOW: Do you honestly think those two plans are alike?")
    qs = run(nlp, text)
    speakers = [(q.speaker, q.cue, q.text[:10]) for q in qs]
    assert ("HARLOW", ":", "Let us sta") in speakers and ("HARLOW", ":", "Do you hon") in speakers


def test_transcript_full_name_then_surname_lines(nlp):
    # "MARTA OKONJO:" opens one line, "OKONJO:" another: both are speaker lines of a transcript
    text = ("Partial transcript:\n\nMARTA OKONJO: Why not hold the vote in March?\n\n"
            "PETER VANCE: Because the budget will not be ready before the summer recess.\n\n"
            "OKONJO: You had the whole winter to write that budget, surely.\n\n"
            "VANCE: Winter was spent on the flood repairs, as you know.")
    got = {q.text[:12]: q.cue for q in run(nlp, text)}
    assert got.get("Why not hold") == ":" and got.get("Because the ") == ":", got
    assert got.get("You had the ") == ":" and got.get("Winter was s") == ":", got


def test_quoted_transcript_name_colon_lines(nlp):
    text = ("Senator Maria Grayson spoke to the host on Sunday.\n\n"
            "\"Host: Will the senator attend the hearing tomorrow?\n\n"
            "\"Maria Grayson: I will not, and I have told the committee why.\"")
    q = find(run(nlp, text), "told the committee why")
    assert q.cue == ":" and q.speaker == "Maria Grayson"


def test_single_upper_case_colon_lines_are_no_transcript(nlp):
    text = "BREAKING: The council has voted.\n\nUPDATE: The mayor resigned tonight.\n\nNOTE: The vote was close."
    assert not [q for q in run(nlp, text) if q.cue == ":"]


def test_tally_lines_are_not_quotes(nlp):
    text = "Delegate count\n\nHillary Clinton: 1,769.\n\nBernie Sanders: 1,501.\n"
    assert run(nlp, text) == []


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Reid: 'Never, ever, ever underestimate Trump.'\n\nHarry Reid has some advice for Democrats.",
     "Never, ever", "Reid"),
    ("Rose: ‘We are going to build so much.’\n\nAnna Rose was generous on Tuesday.", "build so much", "Rose"),
])
def test_headline_name_colon_with_untagged_name(nlp, text, fragment, speaker):
    q = find(run(nlp, text), fragment)
    assert q.cue == ":" and q.speaker == speaker


def test_headline_name_whose_surname_is_a_known_name(nlp):
    text = ("Jolene Marquardt: ‘We Will Not Let The Mill Close.’\n\n"
            "Mill owner Jolene Marquardt spoke on Monday. Marquardt said the town would survive.")
    at = text.rindex("Marquardt")  # the entity extractor found only the bare surname in the body
    ents = DocEntities()
    ents.mentions.append(Mention(at, at + 9, 2, "Marquardt", "PERSON", "Marquardt",
                                 ids.entity_id("PERSON", "Marquardt")))
    q = find(run(nlp, text, ents), "Mill Close")
    assert q.kind == "direct" and q.cue == ":" and q.speaker == "Jolene Marquardt"


@pytest.mark.parametrize("text, content, speaker", [
    # a headline name the tagger took for a common noun, found by the NER
    ("Whitmore: I support the rail plan.\n\nGovernor Ann Whitmore spoke in Lansing on Monday.",
     "I support the rail plan", "Whitmore"),
])
def test_headline_name_colon_line_without_quote_marks(nlp, text, content, speaker):
    doc = nlp(text)
    ents = DocEntities(mentions=[Mention(0, 8, 0, "Whitmore", "PERSON", "Ann Whitmore",
                                         ids.entity_id("PERSON", "Ann Whitmore"))])
    qs = extract_quotes(doc, ents)
    q = find(qs, content)
    assert q.text == content and q.speaker == speaker and q.cue == ":"


def test_headline_label_without_quote_is_not_a_quote(nlp):
    text = "Sanders: Win in a walk\n\nBernie Sanders needs a big win in New Hampshire, his aides say."
    assert not [q for q in run(nlp, text) if "walk" in q.text]


def test_headline_source_word_colon_line(nlp):
    text = "Report: Senator Gale will run for governor.\n\nThe senator's office declined to comment."
    q = find(run(nlp, text), "run for governor")
    assert q.text == "Senator Gale will run for governor" and q.speaker == "Report" and q.cue == ":"
    assert not [q for q in run(nlp, "Report: The Ohio race\n\nA new report was released today.") if q.cue == ":"]
    # a poll is a finding, not a source that speaks (frames.can_speak)
    assert run(nlp, "Poll: Senator Gale leads the race in Ohio.\n\nA new survey was released today.") == []


def test_headline_credited_to_a_source_word_without_a_verb(nlp):
    qs = run(nlp, "Sources: Ortega the clear favourite of the party leaders.\n\nThe mayor of the valley town spent "
                  "the week campaigning on the east side.")
    assert [(q.cue, q.speaker, q.text) for q in qs] == [(":", "Sources", "Ortega the clear favourite of the party leaders")]
