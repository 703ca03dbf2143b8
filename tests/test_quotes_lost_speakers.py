"""Direct quotes whose speaker is plainly there but the parse loses it (issue 16 follow-up:
recall at the attribution grain). Every sentence here was written for these tests."""

from __future__ import annotations

from quote_helpers import find, head_of, run


def test_not_inside_the_quote_does_not_negate_its_cue(nlp):
    # the parser hangs the quote's "not" on the cue as its negation
    q = find(run(nlp, '"Absolutely not. Absolutely not," Mayor Ortiz replied when the council asked about '
                      'a tax rise.'), "Absolutely")
    assert q.kind == "direct" and q.speaker == "Mayor Ortiz" and q.cue == "replied"


def test_participle_after_a_cue_the_parser_hung_under_the_quote(nlp):
    # "replied" parsed as the clause of the quote's "Tell": the participle keeps the replier
    q = find(run(nlp, '"Tell him I said thanks," Varga replied, adding that the plan was "a shambles."'),
             "shambles")
    assert q.speaker == "Varga" and q.cue == "adding"


def test_infinitive_cue_hung_on_an_adverb_takes_the_clause_subject(nlp):
    # "went so far as to say": "say" hangs on "far", not on the verb with the subject
    q = find(run(nlp, 'The columnist Ruth Ames went so far as to say: "The league as we knew it is finished."'),
             "league")
    assert q.speaker == "The columnist" and q.speaker_name == "Ruth Ames"


def test_inverted_cue_after_a_space_token(nlp):
    # a no-break space between the closing mark and the verb is its own token
    q = find(run(nlp, "“We will take this to the appeals court, and we will win,”\u00a0added Ortega."), "appeals")
    assert q.speaker == "Ortega" and q.cue == "added"


def test_inverted_cue_with_a_title_participle_and_a_party_in_brackets(nlp):
    # "ranking" tagged as a verb inside the title; the party and state close the name
    qs = run(nlp, "“Nobody trusts the agency any more,” said Finance ranking Republican Paula Grant (R-Ohio).")
    assert len(qs) == 1
    assert qs[0].speaker.endswith("Paula Grant") and qs[0].speaker_name == "Paula Grant"


def test_inverted_cue_with_another_as_its_speaker(nlp):
    q = find(run(nlp, 'One reader praised the new layout. "Nobody reads the minutes anyway, so who cares about '
                      'the font," wrote another.'), "minutes")
    assert q.speaker == "another" and q.cue == "wrote"


def test_name_tagged_as_a_modal_between_quote_and_cue(nlp):
    q = find(run(nlp, '"The bridge should open by May, and the tolls will stay low," Will wrote.'), "bridge")
    assert q.speaker == "Will" and q.cue == "wrote"
