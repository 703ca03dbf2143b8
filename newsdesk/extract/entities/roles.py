"""Roles (``DocEntities.roles``): what the text says an entity is, as body spans.

Appositions ("Wang Yi, the Chinese foreign minister,"; "the foreign minister, Wang Yi,") and title
chains right before a name ("Chinese President Xi Jinping", "Brookings Institution senior fellow
Ryan Hass", "his Russian counterpart Vladimir Putin"). Roles never contain verbs, clauses,
numbers, dates or other people; a chain must end in a title, a role noun or an agent noun.
"""

from __future__ import annotations

import re

from newsdesk import lexicon
from newsdesk.extract.entities.docview import DocView, Tok, is_punct, tnorm
from newsdesk.extract.entities.titles import ROLE_NOUNS, TITLES, TITLE_HEADS, TITLE_WORDS

_ROLE_STOP_TEXTS = frozenset({",", ";", ":", "—", "–", "(", ")", "[", "]", '"', "“", "”"})
_ROLE_TRIM_WORDS = frozenset({"the", "a", "an"})

_ROLE_CHAIN_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "JJS", "HYPH", "POS", "CD", "VBN"})
_NON_NAME_ENT_TYPES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})

# Agent nouns that can head a role ("farmer", "correspondent", "strategist", "chairwoman").
_AGENT_SUFFIX_RE = re.compile(rf"(?:{'|'.join(map(re.escape, lexicon.ordered('entities_agent_noun_suffixes')))})s?$")


def _is_hyph(tok: "Tok") -> bool:
    return tok.tag_ == "HYPH" or tok.text == "-"


def _has_role_word(toks: list["Tok"]) -> bool:
    """A role needs a common noun or a (non-honorific) title word."""
    for t in toks:
        if t.tag_ in ("NN", "NNS") and t.text[:1].islower():
            return True
        if tnorm(t) in TITLE_HEADS or tnorm(t) in ROLE_NOUNS:
            return True
    return False


def is_person_noun(tok: "Tok") -> bool:
    """Can this word head a role before a name? Titles, listed role nouns, agent nouns."""
    norm = tnorm(tok)
    return norm in ROLE_NOUNS or norm in TITLE_HEADS or bool(
        _AGENT_SUFFIX_RE.search(norm)
    )


def _chain_token_ok(doc: "DocView", i: int, name_start: int) -> bool:
    """May token i be part of a title chain before a name?"""
    t = doc[i]
    if t.is_space or t.ent_type_ in _NON_NAME_ENT_TYPES:
        return False
    if any(c.isdigit() for c in t.text):  # "£50m. Chief executive ..." (a missed sentence break)
        return False
    if t.text.endswith(".") and tnorm(t) not in TITLE_WORDS:
        return False
    if _is_hyph(t):
        return True
    if t.tag_ in _ROLE_CHAIN_TAGS:
        return True
    # a lower-case prefix glued to a hyphen: "ex-", "co-", "under-"
    return t.text[:1].islower() and i + 1 < name_start and _is_hyph(doc[i + 1]) and not t.whitespace_


def pre_name_role(
    doc: "DocView", name_start: int, name_end: int, sent_start: int, ent_start: int
) -> tuple[int, int] | None:
    """Token range of a title chain right before a name ("Russian presidential aide").

    The chain is the run of nouns/adjectives/proper nouns right before the name whose syntactic
    heads stay inside chain+name; it must end in a title, a role noun or an agent noun
    ("Norfolk farmer"), and may not cross another person's name, a date or a number.
    """
    i = name_start - 1
    ent_start = name_start if ent_start < 0 else ent_start
    lo = max(sent_start, name_start - 9)
    while i >= lo:
        t = doc[i]
        if not _chain_token_ok(doc, i, name_start) or (t.ent_type_ == "PERSON" and i < ent_start):
            break
        i -= 1
    start = i + 1
    if start >= name_start:
        return None  # no chain at all
    # Every chain token must hang inside the chain+name (no subject nouns of an earlier clause).
    # The parser may also hang the name on the role noun ("his counterpart Antony Blinken":
    # Blinken = appos of counterpart); then the role noun itself may point outside.
    inverted = doc[name_end - 1].head.i == name_start - 1 and doc[name_end - 1].dep_ == "appos"
    for k in range(name_start - 1, start - 1, -1):
        h = doc[k].head.i
        if inverted and k == name_start - 1:
            continue
        glued = k + 1 < name_start and _is_hyph(doc[k + 1]) and not doc[k].whitespace_
        if not (k < h < name_end) and not _is_hyph(doc[k]) and doc[k].tag_ != "POS" and not glued:
            start = k + 1
            break
    while start < name_start and (_is_hyph(doc[start]) or doc[start].tag_ == "POS"):
        start += 1
    end = name_start
    while end > start and TITLES.get((tnorm(doc[end - 1]),), False):  # trailing "Mr"
        end -= 1
    if end <= start or not _has_role_word(list(doc[start:end])) or not is_person_noun(doc[end - 1]):
        return None
    return start, end


def _role_np_bounds(doc: "DocView", head: "Tok") -> tuple[int, int] | None:
    """Token range of the noun phrase headed by ``head``, cut before clauses and punctuation.

    None when it is no single entity's role: longer than 12 tokens, holding a verb, a wh-word or
    a person; headed by a plural, a number or a hyphen fragment; or relative ("his predecessor").
    """
    start = head.left_edge.i
    end = head.i + 1
    for t in doc[head.i + 1 : head.right_edge.i + 1]:
        if t.text in _ROLE_STOP_TEXTS or t.tag_.startswith("VB") or t.tag_ in ("WDT", "WP", "WP$", "MD"):
            break
        if t.dep_ in ("relcl", "acl", "advcl", "appos", "cc", "conj"):
            break
        end = t.i + 1
    while start < end and (doc[start].lower_ in _ROLE_TRIM_WORDS or is_punct(doc[start])):
        start += 1
    while end > start and is_punct(doc[end - 1]):
        end -= 1
    toks = list(doc[start:end])
    if not toks or len(toks) > 12 or any(
        t.ent_type_ == "PERSON" or t.tag_.startswith("VB") or t.tag_ in ("WRB", "WDT", "WP", "WP$") for t in toks
    ):
        return None
    if head.tag_ not in ("NN", "NNS") and tnorm(head) not in TITLE_HEADS:
        return None
    if not head.text.isalpha() or head.tag_ == "NNS":  # "4bn"; plurals describe several
        return None
    if doc[start].tag_ == "PRP$":  # "its unit", "his predecessor": relative, not a role
        return None
    if end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        return None  # a fragment of a hyphenated compound ("WorldCom's ex" of "ex-head")
    return start, end


def appositive_roles(doc: "DocView", name_start: int, name_end: int, label: str) -> list[tuple[int, int]]:
    """Roles in apposition: "Wang Yi, the Chinese foreign minister," / "the minister, Wang Yi,".

    ``label`` is the entity's label (roles of PERSON and ORG entities are extracted).
    """
    found = []
    name_toks = range(name_start, name_end)
    head = doc[name_end - 1]
    after_punct = name_end < len(doc) and doc.texts[name_end] in (",", "—", "–", "(")
    for t in head.appos_children if after_punct else ():
        if t.i > name_end:
            b = _role_np_bounds(doc, t)
            if b and b[0] > name_end:
                found.append(b)
    if head.dep_ == "appos" and head.head.i < name_start and head.head.i not in name_toks:
        noun = head.head
        if name_start > 0 and doc[name_start - 1].text in (",", "—", "–", "("):
            b = _role_np_bounds(doc, noun)
            if b and b[1] < name_start:
                found.append(b)
    return found
