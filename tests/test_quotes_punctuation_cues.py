"""Cues that are punctuation: a colon before a quote, a dash signing a quote paragraph
(newsdesk.extract.quotes.punctuation_cues)."""

from __future__ import annotations

import pytest

from quote_helpers import find, run


@pytest.mark.parametrize(
    "text, fragment, speaker, cue",
    [
        # the cue clause ends with a colon, the quote is the next paragraph
        ("Rosa Lind continued:\n\n“The questions asked at this hearing show why tenants distrust the council.”",
         "The questions asked", "Rosa Lind", "continued"),
        # no reporting verb before the colon: the clause's subject speaks, the colon is the cue
        ("Senator Tim Kaine has a stance of his own: “I am pro-life in my personal life, but not in politics.”",
         "I am pro-life", "Senator Tim Kaine", ":"),
    ],
)
def test_colon_introduced_quotes(nlp, text, fragment, speaker, cue):
    q = find(run(nlp, text), fragment)
    assert q.kind == "direct" and speaker in q.speaker and q.cue == cue


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Voters want calm, not flair - Anna Berg and Thomas Lindqvist: “Most people we surveyed said they valued "
     "steadiness over flair in a leader.”", "steadiness", "Thomas Lindqvist"),
    ("The size of the swing did not surprise the veteran pollster Maria Santos: “Late deciders always break "
     "toward the challenger in this state.”", "Late deciders", "Maria Santos"),
])
def test_name_before_a_colon_speaks_the_quote(nlp, text, fragment, speaker):
    q = find(run(nlp, text), fragment)
    assert q.cue == ":" and q.speaker.endswith(speaker)


def test_quote_signed_by_dash_line(nlp):
    text = ("Fact check of the hearing.\n\n\"The claim that I would sell the harbour is simply not true.\"\n\n"
            "- Rosa Lind.\n\nThe mayor is relying on an outdated survey.")
    q = find(run(nlp, text), "sell the harbour")
    assert q.kind == "direct" and q.cue == "-" and q.speaker == "Rosa Lind"
    assert q.text.startswith('"The claim') and q.text.endswith('true."')


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Readers wrote in.\n\n“The bridge plan is a waste of money. Nobody asked us.” ― Maria Okafor\n"
     "“I like the new park.”— Tom B. Lindqvist.\n", "waste of money", "Maria Okafor"),
    ("Readers wrote in.\n\n“The bridge plan is a waste of money. Nobody asked us.” ― Maria Okafor\n"
     "“I like the new park a lot, honestly.”— Tom B. Lindqvist.\n", "new park", "Tom B. Lindqvist"),
    ("Readers wrote in.\n\n”The bridge plan is a waste of money. Nobody asked us.” ― Maria Okafor\n",
     "waste of money", "Maria Okafor"),
    ("Readers wrote in.\n\n“The bridge plan is a waste of money. Nobody asked about it.”― Maria Okafor\n",
     "waste of money", "Maria Okafor"),  # the tokenizer glues '”―'
])
def test_quote_signed_by_dash_on_the_same_line(nlp, text, fragment, speaker):
    q = find(run(nlp, text), fragment)
    assert q.kind == "direct" and q.cue.endswith(("―", "—")) and q.speaker == speaker
    assert q.text[0] in "“”" and q.text.endswith(".”")


def test_dash_after_a_quote_inside_a_sentence_is_no_signature(nlp):
    text = "He called the plan “a waste of money and time” ― Maria Okafor disagreed with him on Monday.\n"
    assert all(q.cue not in ("―", "-") for q in run(nlp, text))
