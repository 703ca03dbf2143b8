"""Reported speech only: whether a record reports speech or writing, by the frame its cue verb is used
in and by the kind of its source (DESIGN.md "How quotes are counted").

The verb table states in which frames each verb reports speech (data/reporting_verbs.tsv, column
``speech``): ``any``; ``clause`` — a reported clause or quoted words only, not the commitment of an
infinitive ("pledged to cut taxes", "agreed to meet"); ``claim`` — as clause, and an object that
names a claim or a gerund ("denied the allegations", "denied taking bribes"; not "denied them a
win", "rejected the bid"). A bare noun-phrase object is no speech in any frame ("announced a new
plan", "criticised the deal": no words of the speaker are reported), unless it holds a "that"-clause
("demanded guarantees, including that Ukraine never join NATO").

A passive naming without an agent is none ("Referred to at home as “the General”, he …"). A negated
report is none ("He did not say if the meeting would go on", "declined to say whether
…"): nothing was said; a "not" of the quote before the cue that the parser hung on it negates
nothing ("“Absolutely not,” she replied").

The source must be able to speak (``can_speak``): a person, an organisation, a government, a
pronoun; not a finding, an event or a thing ("the data", "a survey", "the video", "a post-mortem",
"Putin's post-election trip", "his decision"; data/speakers_not_speaking_nouns.txt), nor a share of
a population ("68 percent say", "a majority said": a poll's finding); a possessive is never the
speaker. "According to X" attributes to X whatever X is.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsdesk import lexicon
from newsdesk.extract.quotes.records import Cue, speaker_of
from newsdesk.extract.quotes.speaker import across_mark
from newsdesk.extract.quotes.verbs import SPEECH


_CLAIM_OBJECTS = lexicon.words("quotes_claim_object_nouns")

_NOT_SPEAKING = lexicon.words("speakers_not_speaking_nouns")

_REFUSALS = lexicon.words("quotes_refusal_verbs")

_SHARES = lexicon.words("quotes_crowd_words") | {"%"}  # percent, majority, half …

_NO_FRAME_CHECK = ("according", "colon", "byline", "noun", "question")


def _object_head(cue: Cue) -> Token:
    doc = cue.first.doc
    return next((t for t in doc[cue.content_lo:cue.content_hi]
                 if t.head is t or not cue.content_lo <= t.head.i < cue.content_hi), doc[cue.content_hi - 1])


def _holds_clause(cue: Cue) -> bool:
    """True when the content holds a "that"-clause with a finite verb ("demanded guarantees,
    including [that Ukraine should never join]", "echoing statements [that the demands were
    unacceptable]"): a proposition, though hung on a noun."""
    doc = cue.first.doc
    return any(t.lower_ == "that" and t.dep_ == "mark" and t.head.tag_ in ("VBD", "VBZ", "VBP", "MD", "VB")
               for t in doc[cue.content_lo:cue.content_hi])


def reported_object(cue: Cue) -> bool:
    """True when an unquoted object content reports speech: it holds a "that"-clause, or the verb
    is a claim-frame one and the object names a claim or is a gerund ("denied [the allegations]",
    "denied [taking bribes]")."""
    if cue.content_lo is None:
        return False
    if _holds_clause(cue):
        return True
    head = _object_head(cue)
    return SPEECH.get(cue.lemma) == "claim" and (head.lower_ in _CLAIM_OBJECTS or head.tag_ == "VBG")


def negated(cue: Cue) -> bool:
    """True for a report of speech that did not happen: a negated cue ("He did not say if the
    meeting would go on", "never said that …") or one a refusal governs ("declined to say whether
    …", data/quotes_refusal_verbs.txt)."""
    v = cue.first
    if any(c.dep_ == "neg" and not across_mark(c, v) for c in v.children):
        return True  # (a "not" inside the quote before the cue negates nothing: "“Absolutely not,” she replied")
    return v.dep_ == "xcomp" and v.head.lower_ in _REFUSALS


def _bare_participle(cue: Cue) -> bool:
    """A past participle hung on another clause, with no auxiliary, subject or "by" agent ("Referred
    to as “the General”, …", "Dubbed “the Iron Lady”, she …"): a passive naming whose subject is its
    object, not its speaker (not "X, speaking on air, called Y a “blowhard”", a finite verb the
    tagger took for a participle)."""
    v = cue.first
    return (v.tag_ == "VBN" and v.dep_ in ("advcl", "acl")
            and not any(c.dep_ in ("aux", "auxpass", "agent", "nsubj") for c in v.children))


def in_speech_frame(rec: dict) -> bool:
    """True when the record's cue reports speech in the frame it is used in (see the module doc)."""
    cue: Cue = rec["cue"]
    if cue.content_from not in ("colon", "byline") and negated(cue):
        return False
    if cue.content_from in ("as", "object", "npobject") and _bare_participle(cue):
        return False  # "Referred to at home as “the General”, Michels led …": a name, said by no one
    frame = SPEECH.get(cue.lemma, "any")
    if rec["kind"] != "indirect" or cue.content_from in _NO_FRAME_CHECK:
        return True
    if cue.content_from in ("object", "npobject"):
        return reported_object(cue)
    return frame == "any" or cue.content_from not in ("xcomp", "as")


def can_speak(head: Token, owner_speaks: bool = False) -> bool:
    """True for a source head that can say something (see the module doc). ``owner_speaks``: the
    head is the possessor of a speech-act noun ("Trump's call for “a ban”"), whose owner speaks."""
    low = head.lower_
    if head.tag_ == "POS" or (head.dep_ == "poss" and head.tag_ != "PRP$" and not owner_speaks):
        return False
    if head.tag_ == "CD" or low in _SHARES:
        return False  # "68 percent (of voters) say", "a majority said": a poll's finding
    return not (low in _NOT_SPEAKING and head.ent_type_ not in ("PERSON", "ORG"))


def speech_only(raw: list[dict]) -> list[dict]:
    """The records that report speech: a speech frame of their cue, and a source that can speak
    ("according to X" whatever X is)."""
    out = []
    for rec in raw:
        if not in_speech_frame(rec):
            continue
        head = speaker_of(rec)
        src = rec["cue"].content_from
        if head is not None and src != "according" and not can_speak(head, owner_speaks=src == "noun"):
            continue
        out.append(rec)
    return out
