"""Cues: the reporting-verb table, questions put to someone, speech-act nouns, and which verbs are
no cue (newsdesk.extract.quotes.verbs, .cues)."""

from __future__ import annotations

import pytest

from newsdesk.extract.quotes import VERBS, extract_quotes

from quote_helpers import entities_for, find, run


def test_reporting_verbs_table_has_inflections():
    assert VERBS["said"] == ("say", "all")
    assert VERBS["told"][0] == "tell"
    assert VERBS["emphasised"][0] == "emphasise"
    assert VERBS["pointed out"][0] == "point out"
    assert VERBS["according to"][0] == "according to"
    assert VERBS["hailed"][1] == "direct"  # hail only reports quoted words


@pytest.mark.parametrize("text, not_cue", [
    ("Asked whether taxes would rise again, Ms Carver paused for a moment.", "Asked"),
    ("The governor, asked whether the split vote signalled a pause, said the committee would wait.", "asked"),
    ("A Kremlin official, who asked not to be named, said the talks went well.", "asked"),
])
def test_questions_put_to_someone_are_not_their_quotes(nlp, text, not_cue):
    # the question may be reported, but never as the words of the one it was put to
    assert all(q.cue != not_cue or q.speaker is None for q in run(nlp, text))


def test_asked_by_participle_reports_the_question_of_the_asker(nlp):
    text = "Asked by a reporter whether the plant would close, the mayor said no."
    q = find(run(nlp, text), "the plant would close")
    assert q.text == "the plant would close" and q.cue == "Asked" and q.speaker == "a reporter"


def test_bare_asked_participle_reports_nothing(nlp):
    qs = run(nlp, "Asked whether the plant would close, the mayor said no.")
    assert not [q for q in qs if q.cue == "Asked"]
    assert all(q.speaker is not None for q in qs)


def test_participle_naming_a_thing_is_no_cue(nlp):
    qs = run(nlp, "The campaign paid to broadcast a short film called “Tenemos Historias” on Univision.")
    assert not [q for q in qs if q.cue == "called"]


@pytest.mark.parametrize("text, content, speaker", [
    ("The council repeated its warning, and the mayor's call for “a full public inquiry” drew cheers.",
     "“a full public inquiry”", "the mayor"),
    ("The joint communique also included a pledge to resist any “further militarisation” of the strait.",
     "to resist any “further militarisation” of the strait", "The joint communique"),
])
def test_speech_act_noun_with_quoted_content(nlp, text, content, speaker):
    q = find(run(nlp, text), content)
    assert q.text == content and q.speaker == speaker


def test_speech_act_noun_without_quoted_words_is_no_cue(nlp):
    # the noun "call" without quoted words reports nothing (nor does "attacked" with a bare object)
    qs = run(nlp, "Critics attacked the senator's call for a ban on imports.")
    assert qs == []


def test_clause_holding_the_speaker_of_an_inverted_cue_is_no_content(nlp):
    # the parser's error, rebuilt by hand: "Ruiz" is the subject of "Save", a ccomp of "said"
    from spacy.tokens import Doc
    parse = [("“", "``", "punct", 10), ("It", "PRP", "nsubj", 2), ("is", "VBZ", "ccomp", 10), ("a", "DT", "det", 4),
             ("fight", "NN", "attr", 2), ("for", "IN", "prep", 4), ("the", "DT", "det", 7), ("ages", "NNS", "pobj", 5),
             (",", ",", "punct", 10), ("”", "''", "punct", 10), ("said", "VBD", "ROOT", 10),
             ("Dana", "NNP", "compound", 12), ("Ruiz", "NNP", "nsubj", 20), (",", ",", "punct", 12),
             ("a", "DT", "det", 15), ("teacher", "NN", "appos", 12), ("who", "WP", "nsubj", 17),
             ("heads", "VBZ", "relcl", 15), ("the", "DT", "det", 19), ("group", "NN", "dobj", 17),
             ("Save", "VB", "ccomp", 10), ("the", "DT", "det", 22), ("Roads", "NNP", "dobj", 20), (".", ".", "punct", 10)]
    spaces = [False, True, True, True, True, True, True, False, False, True, True, True, False, True, True, True,
              True, True, True, True, True, True, False, False]
    doc = Doc(nlp.vocab, words=[p[0] for p in parse], spaces=spaces, tags=[p[1] for p in parse],
              deps=[p[2] for p in parse], heads=[p[3] for p in parse], sent_starts=[True] + [False] * (len(parse) - 1))
    qs = extract_quotes(doc, entities_for(doc))
    assert [(q.kind, q.speaker) for q in qs] == [("direct", "Dana Ruiz")]
