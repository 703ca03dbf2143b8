"""Reports dropped because another one already covers them: nested attributions, the inner report of
a reported clause, the reason gerund of blame, a crowd's report inside an "according to" source.

The clause of a reporting verb that is itself the reported clause of another one ("she said [she
found that …]", "a poll shows [68% say …]") is no quote of its own: the outer report only; PolNeAR
train marks the inner one 1 time in 5; only when the outer verb has no subject or a document
subject — other outer reports drop the inner one by nesting, below — and not when the outer verb
stands in a quoted passage the inner one is not in: "X characterized it as ‘…’: “Xi hailed …”".
Nor is the clause of a gerund after "for" that gives the reason for blame or praise ("criticized
him for saying [he …]"; train: 1 in 17).

Nesting: an attribution whose span lies inside the span of an indirect or mixed one is dropped
("Officials said [the road was closed after the police warned drivers …]": PolNeAR marks the outer
report, the inner one 1 time in 4), unless the outer speaker only relays — a document ("a Kremlin
readout", "the statement") or an "according to" source — or the inner cue sits in a relative
clause with a named subject ("…, which Russia has described as …"), or the inner is a direct quote
the outer merely starts with. Inside an "according to" source, an indirect or mixed report whose
speaker is a count or a crowd is dropped all the same ("According to the survey, [62 percent of
parents say they …]": the survey's report).
"""

from __future__ import annotations

from newsdesk import lexicon
from newsdesk.extract.quotes.records import Cue, speaker_of
from newsdesk.extract.quotes.speaker import SOURCE_DOC_NOUNS, SUBJ_DEPS, subject
from newsdesk.extract.quotes.verbs import VERBS


_CROWD_WORDS = lexicon.words("quotes_crowd_words")


def reason_cue(cue: Cue) -> bool:
    """True for a gerund cue that gives the reason for blame or praise ("criticized him for
    saying [he had …]", "apologize for suggesting that …"): PolNeAR train marks its clause 1 time
    in 17; the blame is the report (see the accuse/criticize objects)."""
    v = cue.first
    return v.tag_ == "VBG" and v.dep_ == "pcomp" and v.head.lower_ == "for"


def nested_cue(cue: Cue) -> bool:
    """True for a reporting verb whose clause is itself the reported clause of another reporting
    verb ("she said [she found that …]", "a poll shows [68% say …]"): PolNeAR annotates the outer
    report, rarely the inner one (train: 1 in 5). Only when the outer verb has no subject or a
    document subject ("a poll shows …", "the report said …"): other outer reports are handled by
    ``drop_nested`` after the quotes are claimed, so the inner cue may still claim its quote."""
    v = cue.first
    if cue.content_hi is not None and cue.content_hi <= v.i:
        return False  # an inverted cue the parser hung on the verb before it ("A said X, B said")
    if not (v.dep_ == "ccomp" and v.head is not v and v.head.lower_ in VERBS):
        return False
    outer = subject(v.head)
    return outer is None or outer.lower_ in SOURCE_DOC_NOUNS


NESTED_INNER_KINDS = ("indirect", "mixed", "direct")


def _relaying(rec: dict) -> bool:
    """True for a record whose speaker only relays others' words: a document ("a ministry
    statement said Xi called for …", "a Kremlin readout"), or an "according to" source."""
    if rec["cue"].content_from == "according":
        return True
    head = speaker_of(rec)
    if head is None:
        return False
    return head.lower_ in SOURCE_DOC_NOUNS or any(t.lower_ in _RELAY_ROLES for t in head.lefts)


_RELAY_ROLES = lexicon.words("quotes_relaying_roles")


def _named_relative(cue: Cue) -> bool:
    """True for a cue in a relative clause with a named subject of its own ("troops, which
    Russia has described as an act of aggression"): another party's words, kept when nested."""
    v = cue.first
    return v.dep_ == "relcl" and any(c.dep_ in SUBJ_DEPS and c.tag_ in ("NNP", "NNPS") for c in v.children)


def _crowd_speaker(rec: dict) -> bool:
    """True for a record whose speaker is a count or a crowd ("51 percent of respondents", "three
    in four", "voters", "campaign finance records"), not one named party."""
    head = speaker_of(rec)
    if head is None:
        return False
    return head.tag_ in ("CD", "NNS") or head.lower_ in _CROWD_WORDS


def drop_nested(raw: list[dict]) -> list[dict]:
    """Drop a record whose span lies inside the span of an indirect or mixed record ("Brown
    said [the company told him [it would stay]]", "she said [X, he added, “…”]"): PolNeAR marks
    the outer attribution and rarely the inner one (train: 1 in 4). One pass over the records
    sorted by start (longest first)."""
    order = sorted(raw, key=lambda r: (r["span"][0], -r["span"][1]))
    dropped: set[int] = set()
    reach, reach_start = -1, -1  # furthest end of an indirect/mixed record started so far, its start
    reach_acc = -1  # furthest end of an "according to" record started so far
    for rec in order:
        a, b = rec["span"]
        if (b <= reach and rec["kind"] in NESTED_INNER_KINDS and not _named_relative(rec["cue"])
                and not (rec["kind"] == "direct" and a == reach_start)):
            dropped.add(id(rec))
            continue
        if b <= reach_acc and rec["kind"] in ("indirect", "mixed") and _crowd_speaker(rec):
            dropped.add(id(rec))  # "[51 percent of respondents said they …], according to the poll"
            continue
        if rec["kind"] in ("indirect", "mixed") and not _relaying(rec) and b > reach:
            reach, reach_start = b, a
        if rec["cue"].content_from == "according" and b > reach_acc:
            reach_acc = b
    return [r for r in raw if id(r) not in dropped]  # input order kept
