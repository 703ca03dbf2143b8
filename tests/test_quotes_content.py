"""The content after a cue: reported clauses, infinitives and objects with quoted words, and the
repairs of a parse that cuts them short or runs them long (newsdesk.extract.quotes.content)."""

from __future__ import annotations

import pytest

from newsdesk.extract.quotes import extract_quotes
from newsdesk.extract.quotes.content import _that_advcl
from newsdesk.extract.types import DocEntities

from quote_helpers import find, head_of, run


@pytest.mark.parametrize(
    "text, kind, content, speaker, cue",
    [
        # mixed: the reported clause holds a short quoted fragment
        ("Xi said China is willing to establish “a correct view of democracy”.", "mixed",
         "China is willing to establish “a correct view of democracy”", "Xi", "said"),
        # indirect: the ccomp of the reporting verb, without "that"
        ("Lonechild said she started her work with police because she wanted change.", "indirect",
         "she started her work with police because she wanted change", "Lonechild", "said"),
        ("Russia said that the responses left little cause for optimism.", "indirect",
         "the responses left little cause for optimism", "Russia", "said"),
        # according to X: the clause the phrase attaches to
        ("The talks were warm and friendly, according to a statement by the ministry.", "indirect",
         "The talks were warm and friendly", "a statement by the ministry", "according to"),
        # apposition after the speaker is not part of the speaker
        ("Wang Yi, the Chinese foreign minister, told reporters that the talks went well.", "indirect",
         "the talks went well", "Wang Yi", "told"),
        # inverted indirect: the clause comes before "X pointed out"
        ("Beijing would not welcome a conflict in Ukraine, Ryan Hass pointed out.", "indirect",
         "Beijing would not welcome a conflict in Ukraine", "Ryan Hass", "pointed out"),
    ],
)
def test_reported_clause_is_mixed_or_indirect(nlp, text, kind, content, speaker, cue):
    qs = run(nlp, text)
    q = next((q for q in qs if q.text == content), None)
    assert q is not None, [q.text for q in qs]
    assert q.kind == kind and q.speaker == speaker and q.cue == cue


def test_apposition_name_is_the_speaker_and_that_clause_is_the_content(nlp):
    text = ("Russia’s deputy economy minister, Dmitry Orlov, said on a visit to Harbin that Moscow "
            "expected bilateral trade to pass $250 billion within two years.")
    q = find(run(nlp, text), "Moscow expected")
    assert q.kind == "indirect" and q.text.startswith("Moscow expected")
    assert q.speaker_name == "Dmitry Orlov"


@pytest.mark.parametrize("text, fragment, cue, speaker", [
    ('Harbour board chair Nina Brandt called that "beyond ridiculous."', "beyond ridiculous",
     "called", "Harbour board chair Nina Brandt"),
    ('About 200 protesters gathered, holding signs and chanting "Dump Trump."', "Dump Trump", "chanting",
     "About 200 protesters"),
    ('But as veteran harbour master Ines Ruland put it, "apart from some rust on the cranes, there was '
     'little to worry about."', "rust on the cranes", "put it", "veteran harbour master Ines Ruland"),
])
def test_quoted_object_chant_and_put_it(nlp, text, fragment, cue, speaker):
    q = find(run(nlp, text), fragment)
    assert q.cue == cue and q.speaker == speaker
    assert q.text.endswith('."')


@pytest.mark.parametrize("text, fragment, cue, content_start", [
    ("Ortega referred to Lind as “a calm, patient negotiator” on Friday.", "patient negotiator", "referred to", "Lind"),
    ("Ruiz thanked her for “stepping in and fixing things when the council would not.”", "stepping in", "thanked", "her"),
])
def test_object_only_cues_report_their_quoted_object(nlp, text, fragment, cue, content_start):
    q = find(run(nlp, text), fragment)
    assert q.cue == cue and q.kind == "mixed" and q.text.startswith(content_start)


def test_object_does_not_run_through_a_colon_quote(nlp):
    text = ('An official asked if he could ask me a question: "I heard the senator say we need new rules," '
            'he said with sorrow. "Is that what we want our kids to learn?"')
    qs = run(nlp, text)
    q = find(qs, "kids to learn")  # its own passage, continuing the quote before it
    assert head_of(qs, q).cue == "said" and q.kind == "direct" and head_of(qs, q).text.startswith('"I heard')


@pytest.mark.parametrize("text, cue, content", [
    ("In a radio interview he blasted the county council for being “utterly clueless.”", "blasted",
     "the county council for being “utterly clueless.”"),
    ('At the rally on Friday, Moreno proclaimed a plan of "Bridges Before Walls." She spoke for an hour.',
     "proclaimed", 'a plan of "Bridges Before Walls."'),
    ("The senator denounced the budget as “a disgrace to the state.”", "denounced",
     "the budget as “a disgrace to the state.”"),
    ("The coach later defended his decision as “the only sensible choice.”", "defended",  # direct-flag verb
     "his decision as “the only sensible choice.”"),
    ("Norway branded the regime an “outlaw nation in the region.”", "branded",
     "the regime an “outlaw nation in the region.”"),
    ('The governor lauded Ms. Ruiz in her speech for helping develop "new and clever ideas."', "lauded",
     'Ms. Ruiz in her speech for helping develop "new and clever ideas."'),
    ("The mayor has repeatedly pointed to the bridge as the symbol of a “broken county government.”",
     "pointed to", "the bridge as the symbol of a “broken county government.”"),  # the particle's object
    ("Moss exhorted voters to “follow your conscience” and said she was tired.", "exhorted",
     "voters to “follow your conscience”"),
])
def test_object_with_quoted_words_of_any_table_verb_is_mixed(nlp, text, cue, content):
    q = find(run(nlp, text), content)
    assert q.kind == "mixed" and q.cue == cue and q.text == content


@pytest.mark.parametrize("text, cue", [
    ("The senator lambasted the budget as a disgrace to the state.", "lambasted"),
    ("The coach later assailed the referee as a menace to the sport.", "assailed"),
])
def test_object_without_quoted_words_is_no_quote(nlp, text, cue):
    assert not [q for q in run(nlp, text) if q.cue == cue]


def test_greeting_as_a_quoted_name_is_reported(nlp):
    q = find(run(nlp, "The talks opened warmly, with Ms. Harlow greeting Mr. Brandt as an “old comrade”."),
             "old comrade")
    assert q.cue == "greeting" and q.speaker == "Ms. Harlow" and q.text.startswith("Mr. Brandt")


def test_tell_with_an_infinitive_parsed_as_adverbial_clause(nlp):
    text = "Lopez tells his volunteers at a Denver meeting to “knock on every door” and then “call every neighbor.”"
    q = find(run(nlp, text), "knock on every door")
    assert q.cue == "tells" and q.speaker == "Lopez" and q.kind == "mixed"


def test_reporting_participle_inside_a_reported_clause_reports_on_its_own(nlp):
    text = "Ortega insisted that the mill has “saved the whole valley,” claiming that it created 900 jobs."
    qs = run(nlp, text)
    q = find(qs, "saved the whole valley")
    assert q.cue == "insisted" and q.text.endswith("valley,”") and "claiming" not in q.text
    assert find(qs, "900 jobs").cue == "claiming"


def test_that_clause_parsed_as_adverbial_clause_is_the_content(nlp):
    from spacy.tokens import Doc
    words = ["Lee", "wrote", "in", "the", "night", "that", "Ward", "was", "“", "rude", "”", "."]
    tags = ["NNP", "VBD", "IN", "DT", "NN", "WDT", "NNP", "VBD", "``", "JJ", "''", "."]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "advmod", "nsubj", "advcl", "punct", "acomp", "punct", "punct"]
    heads = [1, 1, 1, 4, 2, 7, 7, 1, 9, 7, 9, 1]
    doc = Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)
    assert [t.i for t in _that_advcl(doc[1], doc[1])] == [7]
    assert _that_advcl(doc[7], doc[7]) == []


def test_reported_clause_runs_into_a_quote_that_opens_right_after_it(nlp):
    text = ("Moss added that she was the only one to spend her entire life “fighting to defend the river. "
            "I will tell you this, the mill will not reopen.”")
    q = find(run(nlp, text), "only one")
    assert q.kind == "mixed" and q.cue == "added" and q.text.endswith("not reopen.”")


def test_reported_clause_runs_into_a_lower_case_quote_after_a_comma(nlp):
    text = ("She also argued that it would be wiser to close the mill than the school, "
            "“because those who run the mill will be getting all of the subsidies.”")
    q = find(run(nlp, text), "close the mill")
    assert q.kind == "mixed" and q.cue == "argued" and q.text.endswith("subsidies.”")


def test_quote_after_another_cue_and_a_colon_is_that_cues_quote(nlp):
    text = ('"It seems there\'s a young woman who\'s having a hard night," Marlow said as the heckler yelled: "You lie!"')
    qs = run(nlp, text)
    assert find(qs, "You lie").cue == "yelled" and find(qs, "You lie").speaker == "the heckler"
    assert find(qs, "young woman").cue == "said" and "You lie" not in find(qs, "young woman").text


def test_quote_set_off_by_a_colon_before_an_inverted_cue_is_direct(nlp):
    text = ("A few minutes later, Okafor followed up by lamenting the stack of forms her job requires, "
            "especially the grants: “There is just a mountain of paper in this job,” she said.")
    q = find(run(nlp, text), "mountain of paper")
    assert q.kind == "direct" and q.cue == "said" and q.text == "“There is just a mountain of paper in this job,”"


def test_reason_clause_hung_on_the_reporting_verb_is_part_of_the_content(nlp):
    # the parser sometimes hangs "because …" on "said" instead of on the reported clause
    from spacy.tokens import Doc
    words = ["Officials", "said", "it", "left", "the", "meetings", "out", "because", "they", "were", "routine", "."]
    heads = [1, 1, 3, 1, 5, 3, 3, 9, 9, 1, 9, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "det", "dobj", "prt", "mark", "nsubj", "advcl", "acomp", "punct"]
    tags = ["NNS", "VBD", "PRP", "VBD", "DT", "NNS", "RP", "IN", "PRP", "VBD", "JJ", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    q = find(extract_quotes(doc, DocEntities()), "meetings")
    assert q.text == "it left the meetings out because they were routine" and q.cue == "said"


def test_reported_clause_cut_into_two_ccomps_is_one_clause(nlp):
    # the parser hangs "released" and "were" both as clauses of "said"
    q = find(run(nlp, "The ambassador said the Iraqis released by the United Kingdom were close to "
                      "finishing their terms."), "released by")
    assert q.text == "the Iraqis released by the United Kingdom were close to finishing their terms"


def test_reported_clause_runs_over_a_colon_explanation(nlp):
    q = find(run(nlp, "Many tenants had said it falls flat for a simple reason: the kindness he shows his "
                      "family is not one he extends to others."), "falls flat")
    assert q.text.endswith("extends to others")


def test_reported_clause_stops_before_a_trailing_according_to(nlp):
    qs = run(nlp, "Most of the jurors said the case against him was weak, according to the court clerk.")
    said = [q for q in qs if q.cue == "said"]
    assert said and said[0].text == "the case against him was weak"


def test_reported_clause_stops_before_a_trailing_inverted_cue(nlp):
    q = find(run(nlp, "The mayor said the bridge “would never open on time,” an aide recalled."), "never open")
    assert "recalled" not in q.text


def test_a_clause_does_not_run_into_a_quote_that_opens_a_new_sentence(nlp):
    """"… in the U.S. “We are not …”": the abbreviation's period ends the sentence; the quote is the
    next passage, with a cue of its own."""
    text = ('She denied reports that the firm would sell bonds in the U.S. "We are not selling bonds," she said.')
    qs = run(nlp, text)
    assert find(qs, "reports that").text.endswith("in the U.S.")
    assert find(qs, "not selling").cue == "said"


def test_a_passage_never_starts_with_the_dateline(nlp):
    text = "Coffee talks\n\nMANAGUA, March 18 - Four countries will meet here Friday to discuss prices, an official said.\n"
    q = find(run(nlp, text), "Four countries")
    assert q.text.startswith("Four countries")
