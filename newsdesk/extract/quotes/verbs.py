"""Reporting verbs: the table (data/reporting_verbs.tsv, read into ``VERBS``: form → lemma and
flag, ``direct`` for verbs that only report quoted words; and ``SPEECH``: lemma → the frames in which
it reports speech) and ``cue_of``, which tells whether a token is a cue. A cue is written with its particle ("pointed out", "called for"); "according to"
counts as one. Belief verbs (think, believe) are not in the table: they report no quote.
Limit: verbs are found by surface form, so a verb missing from the table is missed.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsdesk import lexicon


# form (lower case) → (lemma, kinds): data/reporting_verbs.tsv
VERBS: dict[str, tuple[str, str]] = {form.lower(): (lemma, kinds)
                                     for form, lemma, kinds, _ in lexicon.rows("reporting_verbs")}

# lemma → the frames in which it reports speech: any | clause | claim (see the table's header and
# ``frames``); "according to" and the punctuation cues are speech in every frame
SPEECH: dict[str, str] = {lemma: speech for _, lemma, _, speech in lexicon.rows("reporting_verbs")}

_PARTICLES = {f.split(" ", 1)[1] for f in VERBS if " " in f}  # "out", "for", "on", "to"

_FIRST_WORDS = {f.split(" ", 1)[0] for f in VERBS} | {"according"}


def cue_of(tok: Token) -> tuple[str, str, Token] | None:
    """(lemma, kinds, last token) when ``tok`` is a reporting verb (or "according to")."""
    low = tok.lower_
    if low not in _FIRST_WORDS:
        return None
    if low == "according":
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ == "to":
            return "according to", "all", nxt
        return None
    if not tok.tag_.startswith("VB") or tok.dep_ == "amod":
        return None
    for child in tok.children:
        if child.i > tok.i and child.lower_ in _PARTICLES and (
                child.dep_ in ("prt", "prep", "advmod") or (child.dep_ == "dobj" and child.lower_ == "it")):
            hit = VERBS.get(f"{low} {child.lower_}")
            if hit and child.i <= tok.i + 2:
                return hit[0], hit[1], child
    hit = VERBS.get(low)
    if hit and hit[0] == "call" and tok.i + 1 < len(tok.doc):
        nxt = tok.nbor(1)  # "called for [all candidates to lay out …]": "for" parsed as a clause mark
        if nxt.lower_ == "for" and nxt.dep_ == "mark" and nxt.head.dep_ == "advcl" and nxt.head.head.i == tok.i:
            return "call for", VERBS.get(f"{low} for", ("call for", "all"))[1], nxt
    if hit and " " not in hit[0]:
        return hit[0], hit[1], tok
    return None
