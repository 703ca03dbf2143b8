"""The speaker span of a cue: subjects, and the noun phrase taken where the parser lost it
(newsdesk.extract.quotes.speaker)."""

from __future__ import annotations

import pytest

from newsdesk.extract.quotes import extract_quotes
from newsdesk.extract.types import DocEntities

from quote_helpers import find, run


def test_dateline_is_not_a_speaker(nlp):
    text = "BEIJING: Chinese President Xi Jinping met Russian leader Vladimir Putin on Thursday."
    assert all(q.speaker != "BEIJING" for q in run(nlp, text))


@pytest.mark.parametrize("text, fragment, speaker", [
    ("KESTREL LOAD FACTOR\n\nSAN DIEGO, March 5 - Kestrel Southwest Ferries said its average load factor "
     "during February was 54.9 pct, down from 56.1 pct a year earlier.", "load factor", "Kestrel Southwest Ferries"),
    ("KESTREL UNIT BUYS BRANCHES\n\nIRVINE, Calif., March 9 - Kestrel Corp of America's Harbour Savings and "
     "Loan Association said it completed the purchase of 16 branches.", "16 branches",
     "Harbour Savings and Loan Association"),
])
def test_dateline_place_is_never_the_speaker(nlp, text, fragment, speaker):
    # the parser takes the dateline's place for the subject ("DIEGO" nsubj of "said")
    q = find(run(nlp, text), fragment)
    assert q.cue == "said" and q.speaker.endswith(speaker)


def test_speaker_of_an_inverted_cue_parsed_as_its_object(nlp):
    text = "“Look, Ortega needed to win the first two rounds,” added a North Dakota Republican. “She's done that.”"
    qs = run(nlp, text)
    q = find(qs, "win the first")
    assert q.cue == "added" and q.speaker == "a North Dakota Republican"
    assert find(qs, "done that").attribution_id == q.attribution_id  # the next quote continues it


@pytest.mark.parametrize("text, fragment, speaker", [
    ('"Cyclists should stay off the ring road this week," opined the Lakeside Courier.', "ring road",
     "the Lakeside Courier"),
    ('"Nobody asked us about the new bridge!" wrote a farmer from the valley.', "new bridge", "a farmer"),
])
def test_inverted_cue_whose_speaker_was_parsed_as_object(nlp, text, fragment, speaker):
    q = find(run(nlp, text), fragment)
    assert q.speaker == speaker


@pytest.mark.parametrize("text, fragment, speaker_end", [
    ("But in a phone call with reporters on Jan. 4, Maj. Ann R. Okafor, a military spokeswoman in Kabul, "
     "said, “I mean, a patrol is a combat operation. There is no way around that.”", "patrol", "Okafor"),
    ("Ted Lindqvist, the 2014 Green party nominee, tweeted in response: “Important point: the mayor ignores "
     "farmers and teachers.”", "Important point", "Lindqvist"),
])
def test_speaker_cut_off_from_its_cue_by_the_parser(nlp, text, fragment, speaker_end):
    q = find(run(nlp, text), fragment)
    assert q.speaker is not None and q.speaker.endswith(speaker_end)


@pytest.mark.parametrize("text, fragment, speaker", [
    ("As a part of his plea deal, Marcel Lehel Lazar, 44, said that he entered nearly 100 accounts.",
     "entered nearly 100 accounts", "Marcel Lehel Lazar"),
    ("Jacob Weiler, a Boulder, Colo., rabbi helping to plan the vigil, said he was worried.",
     "he was worried", "Jacob Weiler"),
    ("“Having the harbour log and two mates who understand it is priceless,” said Dunly, explaining he "
     "sailed with both.", "harbour log", "Dunly"),
])
def test_speaker_the_parser_hung_elsewhere(nlp, text, fragment, speaker):
    q = find(run(nlp, text), fragment)
    assert q.speaker == speaker


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Later, the mayor's office released a statement saying it was moving the parade to Sunday.",
     "moving the parade", "the mayor's office"),
    ("Outside, Ana Ruiz held up a sign saying \"Hands off our library, we paid for every brick.\"", "every brick",
     "a sign"),
])
def test_participle_on_a_noun_speaker(nlp, text, fragment, speaker):
    q = find(run(nlp, text), fragment)
    assert q.speaker == speaker


def test_participle_on_a_person_inside_a_prepositional_phrase(nlp):
    """"footage of Maria Lopez saying, “…”" with "saying" hung on the name: she speaks, not the ad."""
    from spacy.tokens import Doc

    words = ["The", "ad", "shows", "footage", "of", "Maria", "Lopez", "saying", ",", "“", "We", "will", "win",
             "this", "time", ".", "”"]
    spaces = [True, True, True, True, True, True, True, False, True, False, True, True, True, True, False, False,
              False]
    tags = ["DT", "NN", "VBZ", "NN", "IN", "NNP", "NNP", "VBG", ",", "``", "PRP", "MD", "VB", "DT", "NN", ".", "''"]
    deps = ["det", "nsubj", "ROOT", "dobj", "prep", "compound", "pobj", "acl", "punct", "punct", "nsubj", "aux",
            "ccomp", "det", "npadvmod", "punct", "punct"]
    heads = [1, 2, 2, 2, 3, 6, 4, 6, 7, 12, 12, 12, 7, 14, 12, 12, 12]
    ents = ["O"] * 5 + ["B-PERSON", "I-PERSON"] + ["O"] * 10
    doc = Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, deps=deps, heads=heads, ents=ents)
    q = find(extract_quotes(doc, DocEntities()), "We will win")
    assert q.speaker == "Maria Lopez"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("“We have no more beds at the shelter tonight. Please stop sending people. #Bergen,” tweeted a volunteer "
     "from Oslo going by the handle Skipper.", "no more beds", "a volunteer"),  # #Bergen is no speaker
    ("Humphrey, who calls the mayor a “sociopath,” said he doesn’t believe the recall needs a candidate.",
     "recall needs", "Humphrey"),  # marks inside the subject's relative clause do not count
])
def test_a_word_of_the_quote_is_not_its_speaker(nlp, text, fragment, speaker):
    q = find(run(nlp, text), fragment)
    assert q.speaker == speaker


@pytest.mark.parametrize("text, fragment, speaker", [
    ("The senator also forced Mr Dahl, the bank's chief executive, to admit that no manager had been fired.",
     "no manager had been fired", "Mr Dahl"),
    ("The union used the hearing to say that the new rota was unsafe.", "rota was unsafe", "The union"),
])
def test_object_control_speaker(nlp, text, fragment, speaker):
    q = find(run(nlp, text), fragment)
    assert q.speaker == speaker


def test_sentence_initial_inverted_cue_with_colon(nlp):
    q = find(run(nlp, "Said Ellis: “I doubt she cares about the harbour at all.”"), "harbour")
    assert q.speaker == "Ellis" and q.cue == "Said"


def test_the_one_quoted_as_saying_is_the_speaker(nlp):
    text = ("The paper quoted harbour officials as saying the pier would close. The mayor was quoted as "
            "saying the vote had failed.")
    qs = run(nlp, text)
    assert find(qs, "pier would close").speaker == "harbour officials"
    assert find(qs, "vote had failed").speaker == "The mayor"


def test_a_wire_ticker_after_the_dateline_is_no_speaker(nlp):
    text = "KESTREL RAISES OUTPUT\n\nOSLO, May 4 - Kestrel Shipping Plc <KSP.OL> said it would add two routes.\n"
    q = find(run(nlp, text), "two routes")
    assert "KSP" not in q.speaker and q.speaker_name == "Kestrel Shipping Plc"


@pytest.mark.parametrize("text, fragment, speaker", [
    # the parser hung the name on the verb as a compound: the noun phrase between quote and cue speaks
    ("The reporter kept asking. “Go back to your seat,” Ortega snapped and a guard led the reporter out.\n\n"
     "The rally went on.", "back to your seat", "Ortega"),
    # an inverted cue with an adjective before the speaker's name
    ('"I will not call it a mistake, so drop it," said retired surgeon Ana Ruiz, asked about her claims.',
     "call it a mistake", "retired surgeon Ana Ruiz"),
])
def test_speaker_of_an_inverted_cue_the_parser_lost(nlp, text, fragment, speaker):
    assert find(run(nlp, text), fragment).speaker == speaker
