"""What a figure counts or values: the counted noun of a bare number and the object of a money,
percent or quantity figure, from the dependency parse.

- counted nouns: "100,000 troops", "dozens of people", "one count of bribery", "five of its last six
  games" (N of the/its … plural noun, N >= 2), "one of the cheapest electric bikes" (a count of 1,
  NewsQuant's convention; a plain "one of the leaders" is not a figure);
- objects: "X of Y" ("40 per cent of its sales" -> "sales"), the noun a figure modifies ("a
  $150,000 contract"), "a fine of $10 million", and the direct object or subject of the valuing
  verb ("trade volume … to US$200 billion" -> "trade volume"), climbing through container nouns
  ("passed the US$100 billion mark") and a few clauses.
Limits: None when the parse gives nothing clear; no coreference ("it rose 5%" has no object).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsdesk import lexicon
from newsdesk.extract.figures.candidate import Cand, Ctx
from newsdesk.extract.figures.numbers import VAGUE_AMOUNTS

_COUNT_STOP = lexicon.words("figures_count_stop_words")  # "one of", "three times", "five years"

_OBJECT_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
_ORDINAL_WORDS = lexicon.words("figures_ordinal_words")  # "one second"
_TIME_NOUNS = lexicon.words("figures_time_nouns")

_CONTAINER_NOUNS = lexicon.words("figures_container_nouns")  # "passed the $100 billion mark"
_ONE_IDIOMS = lexicon.words("figures_one_idiom_words")  # "one another", "one day"


def core_token(ctx: Ctx, cand: Cand) -> Token | None:
    """Last token of the number and its scale word ("billion" of "2.2 billion users")."""
    end = cand.num_end
    if cand.kind is None:
        end = cand.end
    toks = [t for t in ctx.tokens(cand.num_start, end) if t.idx < end]
    return toks[-1] if toks else None


def counted_noun(ctx: Ctx, cand: Cand, tok: Token) -> Token | None:
    """The noun a bare number counts ("100,000 troops", "dozens of people", "one count of bribery")."""
    doc = ctx.doc
    if cand.spelled and tok.text.lower() in VAGUE_AMOUNTS:
        for c in tok.children:
            if c.dep_ == "prep" and c.text.lower() == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and p.tag_ in ("NNS", "NNPS", "NN", "NNP"):
                        return p
        j = tok.i + 2
        return doc[j] if j < len(doc) and doc[j].tag_ in ("NNS", "NNPS") else None
    head = tok.head
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if cand.spelled and tok.text[:1].isupper() and not tok.is_sent_start and nxt is not None and nxt.text[:1].isupper():
        return None  # "the RBS Six Nations", "Five Eyes"
    if tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.i > tok.i and head.tag_ in ("NNS", "NNPS", "NN"):
        if head.i - tok.i <= 6 and head.text.lower() not in _COUNT_STOP and head.ent_type_ not in ("DATE", "TIME"):
            return head
    # the parse missed it: modifiers then a plural noun right after: adjectives, participles, nouns and
    # names used as modifiers, coordinated adjectives ("300 natural and man-made disasters", "148 WTO members")
    j = tok.i + 1
    while j < len(doc) and j - tok.i <= 5 and (
        doc[j].tag_ in ("JJ", "JJR", "JJS", "VBN", "VBG", "NN", "NNP", "HYPH")
        or (doc[j].tag_ in ("CC", ",") and j - 1 > tok.i and doc[j - 1].tag_ in ("JJ", "VBN", "VBG"))
    ):
        if doc[j].tag_ in ("NN", "NNP") and j + 1 < len(doc) and doc[j + 1].tag_ not in ("NNS", "NN", "NNP", "NNPS"):
            break
        j += 1
    if j < len(doc) and doc[j].tag_ in ("NNS", "NNPS") and doc[j].text.lower() not in _COUNT_STOP:
        if doc[j].ent_type_ not in ("DATE", "TIME") and not cand.spelled:
            return doc[j]
    return None


def count_one(ctx: Ctx, cand: Cand, tok: Token) -> bool:
    """'one' counts only as 'one <noun>' ("one count of bribery"), never 'one of', 'one China'."""
    doc = ctx.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.text.lower() == "of":
        return _one_of_superlative(ctx, cand, tok)
    if nxt is None or nxt.text.lower() in _ONE_IDIOMS or nxt.tag_ in ("NNP", "NNPS"):
        return False
    if nxt.text.lower() in _ORDINAL_WORDS or nxt.text.lower().endswith("ieth"):
        return False
    if tok.dep_ != "nummod" or tok.head.i != nxt.i or nxt.tag_ != "NN":
        return False
    cand.kind = "count"
    cand.object = nxt.text
    return True


def part_of(ctx: Ctx, cand: Cand, tok: Token) -> Token | None:
    """'N of the/its/Alitalia's … <plural noun>' (N >= 2, a whole number): the noun N of which are counted
    ("two of the victims", "five of its last six games", "eight of the firm's rivals"; a noun whose
    plural is its singular counts as the object of "of": "30 of the aircraft"); None for "two of
    them", "5 of the best"."""
    doc = ctx.doc
    if cand.low is not None or cand.has_scale or cand.value < 2 or not float(cand.value).is_integer():
        return None
    j = tok.i + 1
    if j + 2 >= len(doc) or doc[j].text.lower() != "of":
        return None
    start = j + 2
    if doc[j + 1].tag_ not in ("DT", "PRP$"):
        # a possessive name: "eight of Alitalia's rivals"
        if not (doc[j + 1].tag_ in ("NNP", "NNPS") and j + 2 < len(doc) and doc[j + 2].tag_ == "POS"):
            return None
        start = j + 3
    for k in range(start, min(start + 5, len(doc))):
        t = doc[k]
        if t.tag_ in ("NNS", "NNPS") and t.ent_type_ not in ("DATE", "TIME"):
            return t if t.text.lower() not in _COUNT_STOP else None
        if t.tag_ == "NN" and t.dep_ == "pobj" and t.head.i == j and t.ent_type_ not in ("DATE", "TIME"):
            return t if t.text.lower() not in _COUNT_STOP else None
        if t.tag_ not in ("JJ", "JJS", "JJR", "NN", "NNP", "VBN", "VBG", "HYPH", "CD", "RB"):
            return None
    return None


def _one_of_superlative(ctx: Ctx, cand: Cand, tok: Token) -> bool:
    """'one of the cheapest electric bikes', 'one of the most daring rescues': NewsQuant counts these
    as 1 of the noun; plain 'one of the leaders', 'one of them' stay out (a superlative is required)."""
    doc = ctx.doc
    j = tok.i + 2
    if j >= len(doc) or doc[j].tag_ not in ("DT", "PRP$"):
        return False
    seen_sup = False
    for k in range(j + 1, min(j + 6, len(doc))):
        t = doc[k]
        if t.tag_ in ("JJS", "RBS"):
            seen_sup = True
        elif t.tag_ in ("NNS", "NNPS") and seen_sup and t.ent_type_ == "":
            cand.kind = "count"
            s, e = phrase(t)
            cand.object = ctx.text[s:e]
            return True
        elif t.tag_ not in ("JJ", "NN", "VBN", "VBG", "HYPH", "RB"):
            return False
    return False


def phrase(tok: Token, taken: set[int] = frozenset()) -> tuple[int, int]:
    """Character span of a noun with its adjacent compound/adjective modifiers (figures excluded)."""
    start = tok
    for left in reversed(list(tok.lefts)):
        if left.i in taken:
            break
        if left.i == start.i - 1 and left.dep_ in _OBJECT_DEPS and left.tag_ not in ("CD", "$", "PRP$", "DT"):
            start = left
        elif left.i == start.i - 1 and left.dep_ == "punct" and left.text in "-":
            start = left
        else:
            break
    return start.idx, tok.idx + len(tok.text)


def is_noun(tok: Token) -> bool:
    return tok.tag_ in ("NN", "NNS", "NNP", "NNPS")


def object_token(ctx: Ctx, cand: Cand, taken: set[int]) -> Token | None:
    """What a money/percent/quantity figure values, from the dependency parse (None when unclear)."""
    toks = [t for t in ctx.tokens(cand.start, cand.end) if t.idx < cand.end]
    if not toks:
        return None
    inside = {t.i for t in toks}
    # "X of Y": "40 per cent of its sales", "10 billion cubic m of natural gas"
    for t in toks:
        for c in t.children:
            if c.dep_ == "prep" and c.text.lower() == "of" and c.i not in inside and c.i > toks[-1].i - 1:
                for p in c.children:
                    if p.dep_ == "pobj" and is_noun(p) and p.ent_type_ not in ("DATE", "MONEY", "PERCENT", "CARDINAL"):
                        return p
                    if p.dep_ == "pobj" and cand.kind == "ratio" and is_noun(p) and p.ent_type_ == "CARDINAL":
                        return p  # "two-thirds of the 2.5M print and online readers"
    if cand.kind == "ratio" and re.match(r"\s+of\b", ctx.text[cand.end:cand.end + 4]):
        return None  # "half of which": the whole is not a noun
    root = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[-1])
    node = root
    for _ in range(6):
        dep, head = node.dep_, node.head
        if head.i == node.i:
            return None
        modifies_noun = dep in ("nummod", "compound", "amod", "nmod", "quantmod") and is_noun(head)
        if modifies_noun and head.i > node.i and head.i not in taken:
            if head.text.lower() in _CONTAINER_NOUNS or head.text.lower() in _TIME_NOUNS:
                node = head  # "passed the US$100 billion mark": the object is what passed it
                continue
            return head  # "a 1.5 per cent levy", "a $150,000 contract"
        if dep in ("appos",) and head.i in inside:
            return None
        if dep == "pobj" and head.dep_ == "prep":
            prep = head
            if prep.text.lower() in ("of", "worth") and is_noun(prep.head) and prep.head.i not in taken:
                return prep.head  # "a fine of $10 million"
            node = prep
            continue
        if dep in ("prep", "advmod", "npadvmod", "dobj", "attr", "oprd", "appos", "conj", "pobj", "dep", "acomp", "nsubj"):
            if head.tag_.startswith("VB") or head.dep_ == "ROOT" or _predicative_adj(head):
                return _verb_object(head, inside | taken)
            node = head
            continue
        if dep in ("nummod", "compound", "npadvmod") and head.tag_ == "JJ" and head.i > node.i:
            node = head  # "0.03 millimeter slim", "30 miles wide": the adjective's subject is measured
            continue
        return None
    return None


def _predicative_adj(tok: Token) -> bool:
    """An adjective with its own subject: "a prize worth up to $3 million" (prize <- worth)."""
    return tok.tag_ == "JJ" and any(c.dep_ in SUBJECT_DEPS for c in tok.children)


def _verb_object(verb: Token, inside: set[int]) -> Token | None:
    """Direct object of the valuing verb if it is not the figure, else its subject; climbs through
    clauses ("its outlook for the year ended March to US$12bn" -> "outlook") for a few steps."""
    v = verb
    for _ in range(5):
        if v.tag_.startswith("VB") or v.dep_ == "ROOT" or _predicative_adj(v):
            for c in v.children:
                if (
                    c.dep_ == "dobj" and c.i not in inside and is_noun(c) and c.text.lower() not in _TIME_NOUNS
                    # "passed the $100 billion mark": a container noun holding the figure is not its object
                    and not (c.text.lower() in _CONTAINER_NOUNS and any(t.i in inside for t in c.subtree))
                    and c.ent_type_ not in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY")
                ):
                    return c
            for c in v.children:
                if c.dep_ in SUBJECT_DEPS and c.i not in inside:
                    if is_noun(c):
                        return c
                    if c.tag_ in ("WDT", "WP") and v.dep_ == "relcl" and is_noun(v.head):
                        return v.head  # "the island that is about 30 miles wide"
                    return None
        if v.dep_ == "relcl" and is_noun(v.head):
            return v.head
        if v.head.i == v.i:
            break
        v = v.head
    return None
