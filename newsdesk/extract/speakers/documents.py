"""Documents and spokespeople: the one behind "a Kremlin readout", "the statement", "a study by X",
"a company spokesman".

A document noun → a name in its noun phrase, else its author after "from/by" or a participle's
agent ("the joint report from the FAO", "a study by Gartner", "an analysis released by the VA"; "a
spokesman for the LSE" → the LSE; "a company/bank/firm spokesman" → the organisation "the company"
would name). A definite document noun with no name in it ("the statement", "their joint
statement") → the author of an earlier mention of that noun (≤ 3 back): a name in its noun phrase,
its "by X", or the subject of the clause it sits in ("saying in a joint statement" → the subject of
"saying").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import bisect

from spacy.tokens import Token

from newsdesk import lexicon
from newsdesk.extract.quotes.spans import np_span
from newsdesk.extract.quotes.speaker import subject
from newsdesk.extract.speakers.organisations import INSTITUTIONS, ORG_NOUNS, institution, org_antecedent_of
from newsdesk.extract.types import Mention

if TYPE_CHECKING:
    from newsdesk.extract.speakers.resolver import Resolver


_DOC_NOUN_LOOKBACK = 3  # earlier mentions of "statement" looked at for "the statement"

DOC_NOUNS = lexicon.words("speakers_document_nouns")

SPOKES = lexicon.words("speakers_spokesperson_nouns")

_NOT_COMPANY_SPOKESPERSON_MODIFIERS = lexicon.words("speakers_not_company_spokesperson_modifiers")


def by_agent(head: Token) -> Token | None:
    """The author of a document noun named after it: "a report [from/by X]", "figures
    [gathered/published by X]"."""
    for c in head.children:
        if c.dep_ == "prep" and (c.lower_ in ("by", "from") or c.lower_ == "for" and head.lower_ in SPOKES):
            return next((g for g in c.children if g.dep_ == "pobj"), None)  # also "a spokesman [for X]"
        if c.dep_ == "acl" and c.tag_ == "VBN":
            for g in c.children:
                if g.dep_ == "agent":
                    return next((x for x in g.children if x.dep_ == "pobj"), None)
    return None


def document_source(r: Resolver, head: Token, lo: int, hi: int) -> Mention | None:
    """Author of a statement, readout … with no name in its own noun phrase: an institution
    written as a modifier ("a Chinese foreign ministry statement"), else, for a definite one
    ("the statement", "their joint statement"), the author of an earlier mention of the same
    noun (at most ``_DOC_NOUN_LOOKBACK`` back): a name in that noun phrase, its "by X", or
    the subject of the clause it sits in ("saying in a joint statement" → the subject of
    "saying"; "In their joint statement, Moscow expressed …" → Moscow)."""
    words = list(r.doc[lo:hi])
    inner = [t for t in words if t.i < head.i and t.lower_ in INSTITUTIONS]
    if inner:
        m = institution(r, [t for t in words if t.i <= inner[-1].i], inner[-1])
        if m is not None:
            return m
    low = head.lower_
    if low not in DOC_NOUNS or r.source_depth > 2:
        return None
    if not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
               for c in head.children):
        return None
    if r.doc_nouns is None:
        r.doc_nouns = {}
        for t in r.doc:
            if t.lower_ in DOC_NOUNS and t.tag_.startswith("NN") and not r.in_quote(t.idx):
                r.doc_nouns.setdefault(t.lower_, []).append(t.i)
    occ = r.doc_nouns.get(low, [])
    k = bisect.bisect_left(occ, head.i) - 1
    r.source_depth += 1
    try:
        for j in range(k, max(-1, k - _DOC_NOUN_LOOKBACK), -1):
            m = author_of(r, r.doc[occ[j]])
            if m is not None:
                return m
    finally:
        r.source_depth -= 1
    return None


def earlier_author_subject(r: Resolver, head: Token) -> Token | None:
    """For a definite document noun with no name in it ("the statement"), the subject of the clause
    that holds an earlier mention of the same noun (≤ ``_DOC_NOUN_LOOKBACK`` back: "saying in a
    joint statement", "signed a joint statement" → who did so), or None."""
    low = head.lower_
    if low not in DOC_NOUNS or not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                                        for c in head.children):
        return None
    occ = [t.i for t in r.doc[:head.i] if t.lower_ == low and t.tag_.startswith("NN") and not r.in_quote(t.idx)]
    for i in reversed(occ[-_DOC_NOUN_LOOKBACK:]):
        t = r.doc[i]
        verb = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else t.head if t.dep_ == "dobj" else None
        if verb is not None and verb.tag_.startswith("VB"):
            subj = subject(verb)
            if subj is not None and subj.i != t.i:
                return subj
    return None


def author_of(r: Resolver, t: Token) -> Mention | None:
    """Who issued the document noun ``t`` (see ``_document_source``)."""
    a, b = np_span(t)
    for x in r.doc[a:b]:
        mm = r.mention_of_token(x)
        if mm is not None and mm.label in ("PERSON", "ORG", "GPE") and x.i != t.i:
            return mm
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return r.resolve(obj, *np_span(obj))
    if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.tag_.startswith("VB"):
        subj = subject(t.head.head)
        if subj is not None and subj.i != t.i:
            return r.resolve(subj, *np_span(subj))
    return None


def document_speaker(r: Resolver, head: Token, lo: int, hi: int) -> Mention | None:
    """The one behind a source noun (document, poll, spokesperson): a PERSON/ORG/GPE named in its
    noun phrase ("a Kremlin readout", "Trump’s tweet"); for "a company spokesman" the organisation
    "the company" would name; its author after "by/from" or a participle's agent ("the joint
    report from the FAO", "a study by Gartner"); else ``document_source``."""
    low = head.lower_
    for t in r.doc[lo:hi]:
        mm = r.mention_of_token(t)
        if mm is not None and mm.label in ("PERSON", "ORG", "GPE") and t.i != head.i:
            return mm
    if low in SPOKES:  # "a company spokesman" speaks for the company "the company" would be
        mod = next((t for t in r.doc[lo:head.i] if t.lower_ in ORG_NOUNS and t.tag_ == "NN"
                    and t.lower_ not in _NOT_COMPANY_SPOKESPERSON_MODIFIERS), None)
        if mod is not None:
            mm = org_antecedent_of(r, mod, True) or org_antecedent_of(r, mod, False)
            if mm is not None:
                return mm
    by = by_agent(head)  # "the joint report from the FAO", "a study by Gartner"
    if by is not None and r.source_depth < 3:
        r.source_depth += 1
        try:
            mm = r.resolve(by, *np_span(by))
        finally:
            r.source_depth -= 1
        if mm is not None and mm.label in ("PERSON", "ORG", "GPE"):
            return mm
    return document_source(r, head, lo, hi)


