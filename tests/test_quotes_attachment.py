"""Quoted passages no content claimed: adjacent cues, floating quotes, resumed quotes, and the
scare quotes and titles that are no quotes (newsdesk.extract.quotes.attachment)."""

from __future__ import annotations

import pytest

from newsdesk.extract.quotes.attachment import gap_ok

from quote_helpers import find, head_of, run


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
    # a short exclamation right after its verb is an utterance, not a scare quote
    ("The heckler yelled “You lie!” during the speech.", "You lie", "heckler", "yelled"),
    # verb + particle parsed as advmod
    ("“They are all here for the free stuff,” Bennett shot back with a laugh.", "free stuff", "Bennett",
     "shot back"),
])
def test_cue_found_across_apposition_exclamation_and_particle(nlp, text, fragment, speaker, cue):
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
    assert head_of(qs, find(qs, "fear born")).cue == "wrote"  # a floating quote continues the first


def test_object_only_cue_does_not_take_an_adjacent_quote(nlp):
    text = ("''It was the broader market timing,'' Mr. Hedge said, referring to the two resorts. "
            "''I assume they saw the golf market returning.''")
    qs = run(nlp, text)
    assert all(q.cue != "referring to" for q in qs if "assume" in q.text)
    assert not [q for q in qs if q.cue == "referring to"]  # nor is its bare object reported


def test_floating_quote_continues_the_previous_speaker(nlp):
    """A quote paragraph with no cue continues the previous paragraph's speaker: a passage of the
    same act of speech, with no mention or cue of its own and the speaker's name."""
    text = ("“We will win the vote tomorrow,” Maria Lopez said.\n\n"
            "“We have always been ready to talk to them about it.”")
    qs = run(nlp, text)
    q = find(qs, "always been ready")
    assert q.kind == "direct" and q.speaker is None and q.cue is None
    assert q.speaker_name == "Maria Lopez" and q.attribution_id == find(qs, "win the vote").attribution_id
    assert head_of(qs, q).speaker == "Maria Lopez" and head_of(qs, q).cue == "said"


def test_floating_quote_after_a_reported_clause_in_the_next_paragraph(nlp):
    text = ("Tomas Ferreira, the harbour master, said the dredging would start in June.\n\n"
            "“The channel is too shallow for the new ferries, and every month costs us money.”")
    qs = run(nlp, text)
    q = find(qs, "too shallow")
    assert q.speaker is None and q.speaker_name == "Tomas Ferreira"
    assert q.attribution_id == find(qs, "dredging would start").attribution_id


def test_floating_quote_does_not_cross_another_named_subject(nlp):
    text = ("“The pier must close,” said Hana Ito.\n\n"
            "Omar Haddad, who leads the Friends of the Pier, disagreed. “We have engineers ready to start.”")
    qs = run(nlp, text)
    assert all(q.speaker_name != "Hana Ito" for q in qs if "engineers" in q.text)


def test_floating_quote_does_not_cross_two_paragraphs(nlp):
    text = ("“The pier must close,” said Hana Ito.\n\nThe council meets on Friday.\n\n"
            "“The engineers will report next month on the cost of repairs.”")
    assert [q for q in run(nlp, text) if "engineers" in q.text] == []


def test_quote_after_reported_clause_continues_it_as_a_second_passage(nlp):
    text = ("Asked about the strike, Maria Lopez said she and the mayor had settled their feud. "
            "“I honestly think the mayor has done a remarkable job under hard conditions.”")
    qs = run(nlp, text)
    clause, quote = find(qs, "settled their feud"), find(qs, "remarkable job")
    assert clause is not quote and clause.kind == "indirect" and quote.kind == "direct"
    assert quote.text.startswith("“I honestly") and quote.speaker is None
    assert quote.attribution_id == clause.attribution_id and clause.speaker == "Maria Lopez"


def test_quote_after_side_clause_of_a_direct_cue_continues_the_direct_quote(nlp):
    text = ("“The councillors left just don’t understand the farmers,” said Capt. Owen Tull, "
            "who said he would back neither of them. “The farming view is far out there.”")
    qs = run(nlp, text)
    q = find(qs, "far out there")
    assert q.kind == "direct" and q.attribution_id == find(qs, "councillors left").attribution_id


def test_quote_resumed_after_its_cue_in_the_same_sentence_is_a_second_passage(nlp):
    text = ('"These people know how to bend rules," said Marlow, speaking of landlords, '
            '"and leave themselves a little escape hatch."')
    qs = run(nlp, text)
    first, second = find(qs, "bend rules"), find(qs, "escape hatch")
    assert first.speaker == "Marlow" and second.speaker is None and second.speaker_name == first.speaker_name
    assert second.text.startswith('"and leave') and first.attribution_id == second.attribution_id


def test_quoted_subheading_takes_the_speaker_who_then_says_it(nlp):
    text = ("Ferry service ends\n\nThe last ferry crossed on Sunday.\n\n“A piece of our history”\n\n"
            "Its owner, Jonas Berg, watched from the pier. “The boat is a piece of our history,” Berg said.")
    qs = run(nlp, text)
    sub = find(qs, "A piece of our history")
    assert sub.speaker is None and sub.cue is None and sub.speaker_name == find(qs, "The boat is").speaker_name
    assert sub.attribution_id != find(qs, "The boat is").attribution_id  # an act of its own


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


def test_cue_with_a_clause_of_its_own_does_not_take_the_quote_before_it(nlp):
    """'“… a finished sentence.” He said [the plant would close]': the cue opens a new report."""
    text = ("“We were told nothing about the plan,” Rosa Lind said at the gate. “We found out from the radio.” "
            "She said the plant would close in June.")
    qs = run(nlp, text)
    radio, plant = find(qs, "from the radio"), find(qs, "plant would close")
    assert radio.speaker is None and radio.attribution_id == find(qs, "told nothing").attribution_id
    assert plant.speaker == "She" and plant.cue == "said" and plant.attribution_id != radio.attribution_id


def test_a_quote_continued_in_the_next_paragraph_is_one_passage_per_paragraph(nlp):
    """News style: no closing mark at the paragraph end, a reopening one: two passages, one act."""
    text = ("Ferry strike\n\n“The crews have waited two years for this offer, and it is not enough,” said Rosa Lind. "
            "“We will not sail on Monday.\n\n“Nor on Tuesday, unless the company calls us back.”\n")
    qs = run(nlp, text)
    monday, tuesday = find(qs, "sail on Monday"), find(qs, "Nor on Tuesday")
    assert monday is not tuesday and "\n" not in monday.text and monday.kind == tuesday.kind == "direct"
    assert monday.attribution_id == tuesday.attribution_id == find(qs, "two years").attribution_id
