"""Quoted passages no content claimed: adjacent cues, floating quotes, resumed quotes, and the
scare quotes and titles that are no quotes (newsdesk.extract.quotes.attachment)."""

from __future__ import annotations

import pytest

from newsdesk.extract.quotes import merging
from newsdesk.extract.quotes.attachment import gap_ok

from quote_helpers import find, run


@pytest.mark.parametrize(
    "text, fragment, kind, speaker, cue_lemma",
    [
        ("“We will win the vote tomorrow,” Smith said.", "We will win", "direct", "Smith", "say"),
        ('Smith said: "We will win the vote tomorrow."', "We will win", "direct", "Smith", "say"),
        ("‘We will win the vote tomorrow,’ Smith told reporters.", "We will win", "direct", "Smith", "tell"),
        # inverted cue
        ("“We are ready to talk to anyone at any time,” said Vladimir Putin.", "ready to talk", "direct",
         "Vladimir Putin", "say"),
        # speaker noun phrase with an apposition between quote and cue
        ("“Prices will keep rising this year,” Anna Berg, a senior economist, warned.", "Prices will", "direct",
         "Anna Berg", "warn"),
        # short utterance set off by its cue is a quote, not a scare quote
        ("“Not even one,” Smith said.", "Not even one", "direct", "Smith", "say"),
        # nested marks inside the quote
        ("“They shouted ‘go home’ at us all night,” Maria Lopez said.", "‘go home’", "direct", "Maria Lopez", "say"),
        # the cue in a sentence of its own after a question mark
        ("“Who do they think they are?” Donald Trump said of Apple.", "Who do they", "direct", "Donald Trump",
         "say"),
    ],
)
def test_direct_quote_takes_its_adjacent_cue(nlp, text, fragment, kind, speaker, cue_lemma):
    q = find(run(nlp, text), fragment)
    assert q.kind == kind
    assert q.text.startswith(("“", '"', "‘")) and q.text.rstrip(".").endswith(("”", '"', "’"))
    assert speaker in (q.speaker or "")
    assert q.cue_lemma == cue_lemma


@pytest.mark.parametrize("text, fragment, speaker, cue", [
    # the subject with its apposition sits between the quote and the verb
    ("“Radio works as a way to reach the farms,” Helen Marsh, the head of the network, said.",
     "Radio works", "Helen Marsh", "said"),
    # a verb the tagger took for a noun still cues a quote set off by ',”'
    ("“The governor should act like one, and come to Dorset,” the editorial read.",
     "come to Dorset", "editorial", "read"),
    # a short exclamation right after its verb is an utterance, not a scare quote
    ("The heckler yelled “You lie!” during the speech.", "You lie", "heckler", "yelled"),
    # verb + particle parsed as advmod
    ("“They are all here for the free stuff,” Bennett shot back with a laugh.", "free stuff", "Bennett",
     "shot back"),
])
def test_cue_found_across_apposition_misread_noun_exclamation_and_particle(nlp, text, fragment, speaker, cue):
    q = find(run(nlp, text), fragment)
    assert q.kind == "direct" and speaker in (q.speaker or "") and q.cue == cue


def test_misread_name_between_quote_and_cue(nlp):
    from spacy.tokens import Doc
    words = ["“", "Fine", ",", "”", "Tulsa", "police", "Chief", "Moss", "said", "."]
    tags = ["``", "JJ", ",", "''", "VB", "NN", "NNP", "NNP", "VBD", "."]
    doc = Doc(nlp.vocab, words=words, tags=tags, spaces=[False, False, False, True, True, True, True, True, False, False])
    assert gap_ok(doc, 4, 8, after=True)
    assert not gap_ok(doc, 8, 9, after=True)  # a real verb is no bridge


def test_cue_ending_in_a_colon_introduces_the_next_quote_only(nlp):
    text = ("“The valley is dying,” Ms. Okafor wrote on Friday. “It expresses a fear born of hunger.” "
            "Ms. Okafor added: “The mill becomes the symbol of a careless century.”")
    qs = run(nlp, text)
    q = find(qs, "careless century")
    assert q.cue == "added" and q.text.startswith("“The mill")
    assert find(qs, "fear born").cue == "wrote"


def test_object_only_cue_does_not_take_an_adjacent_quote(nlp):
    text = ("''It was the broader market timing,'' Mr. Hedge said, referring to the two resorts. "
            "''I assume they saw the golf market returning.''")
    qs = run(nlp, text)
    assert all(q.cue != "referring to" for q in qs if "assume" in q.text)
    # its unquoted object is reported on its own (see test_referring_and_pointing_report_their_object)
    assert [q.text for q in qs if q.cue == "referring to"] == ["the two resorts"]


def test_floating_quote_takes_previous_speaker(nlp, monkeypatch):
    # a quote paragraph with no cue continues the previous paragraph's speaker
    monkeypatch.setattr(merging, "MERGE_CONTINUED", False)
    text = ("“We will win the vote tomorrow,” Maria Lopez said.\n\n"
            "“We have always been ready to talk to them about it.”")
    qs = run(nlp, text)
    q = find(qs, "always been ready")
    assert q.kind == "direct" and q.speaker == "Maria Lopez" and q.cue == "said"


def test_quote_after_reported_clause_continues_it(nlp):
    text = ("Asked about the strike, Maria Lopez said she and the mayor had settled their feud. "
            "“I honestly think the mayor has done a remarkable job under hard conditions.”")
    q = find(run(nlp, text), "remarkable job")
    assert q.text.startswith("she and the mayor") and q.text.endswith("conditions.”")
    assert q.kind == "mixed" and q.speaker == "Maria Lopez"


def test_quote_after_side_clause_of_a_direct_cue_continues_the_direct_quote(nlp):
    text = ("“The councillors left just don’t understand the farmers,” said Capt. Owen Tull, "
            "who said he would back neither of them. “The farming view is far out there.”")
    q = find(run(nlp, text), "far out there")
    assert q.kind == "direct" and q.text.startswith("“The councillors left")


def test_quote_resumed_after_its_cue_in_the_same_sentence_is_one_quote(nlp):
    text = ('"These people know how to bend rules," said Marlow, speaking of landlords, '
            '"and leave themselves a little escape hatch."')
    q = find(run(nlp, text), "escape hatch")
    assert q.kind == "direct" and q.speaker == "Marlow"
    assert q.text.startswith('"These people') and q.text.endswith('hatch."')


@pytest.mark.parametrize(
    "text",
    [
        "Analysts see the plan as a “game changer” for the region.",  # scare quote, no speech verb
        'Burton thinks that cats are "cuties".',  # textacy: belief verb, short fragment
        'Burton claims that his favorite book is "One Hundred Years of Solitude".',  # a title
        "The ‘democracy’ summit opened on Monday in the capital.",
    ],
)
def test_scare_quotes_and_titles_are_not_direct_quotes(nlp, text):
    assert [q for q in run(nlp, text) if q.kind == "direct"] == []


@pytest.mark.parametrize(
    "text",
    [
        # titles in Title Case are not utterances even when a reporting verb follows
        "Serafinowicz, who starred in “Parks and Recreation” and “Guardians of the Galaxy,” posted the clip.",
        # attribute values of markup left in the body are not quotes
        '<tweet pic="" author="GovChristie" timestamp="1449075600">Praying for all of them today.</tweet>',
    ],
)
def test_titles_and_markup_are_not_direct_quotes(nlp, text):
    assert [q for q in run(nlp, text) if q.kind == "direct"] == []


@pytest.mark.parametrize("text, fragment, speaker", [
    ("The crowd cheered.\n“Like Denver. Or Boulder,” Okafor said. “The rents are worse.”\n", "Like Denver", "Okafor"),
    ("“Happy Groundhog Day!,” he tweeted. “The best muffins are made in my bakery.”", "Groundhog", "he"),
])
def test_title_case_utterances_with_a_cue(nlp, text, fragment, speaker):
    q = find(run(nlp, text), fragment)
    assert q.kind == "direct" and q.speaker == speaker


def test_title_followed_by_a_verb_with_its_own_clause_is_no_quote(nlp):
    text = "Appearing on “Sunday Morning Live,” Rep. Ann Moss said the bill would pass."
    assert all("Morning Live" not in q.text or q.kind != "direct" for q in run(nlp, text))
