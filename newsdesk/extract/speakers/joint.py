"""Joint speakers: a speaker noun phrase that names several parties, each resolved, none collapsed.

- Coordinated names: "Hana Ito and Omar Haddad said", "Beijing and Moscow said" → the conjuncts of
  the speaker head (``conjuncts``), each resolved on its own;
- a plural role or group noun counted as two ("the two leaders", "both ministers", "the two
  countries", ``speakers_joint_group_nouns.tsv`` for groups): the two latest distinct people (or
  countries, organisations) named outside quotes before it in the text (``two_before``);
- "they" right after a joint speaker (≤ ``_THEY_DISTANCE`` characters), and "it" when the latest
  speaker was a joint one (their statement: "Beijing and Moscow said in a joint statement … It also
  said …"): the same parties;
- a definite document noun whose earlier mention a coordinated subject issued ("Xi and Putin signed a
  joint statement … the statement included a pledge …", ``documents.earlier_author_subject``): those
  subjects; a "joint" document that resolves to one party of the latest joint speaker ("In their joint
  statement, Moscow …; “…,” the statement said"): all of them.

``joint_speakers`` returns the parties in the order named (coordinated names) or in text order of
their latest mention (a role noun), or None when the speaker is no joint speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import bisect

from spacy.tokens import Token

from newsdesk import lexicon
from newsdesk.extract.quotes.spans import np_span
from newsdesk.extract.speakers.documents import DOC_NOUNS, earlier_author_subject
from newsdesk.extract.speakers.roles import ROLE_WORDS
from newsdesk.extract.types import Mention

if TYPE_CHECKING:
    from newsdesk.extract.speakers.resolver import Resolver


_JOINT = lexicon.words("speakers_joint_words")

_GROUP_NOUNS = lexicon.mapping("speakers_joint_group_nouns")  # plural noun → label of its parties

_CONJ_TAGS = ("NNP", "NNPS", "NN", "NNS", "PRP")

_LEGAL_FORMS = lexicon.words("speakers_corporate_suffixes") | {"sons", "partners", "associates", "company"}

_LOOK_BACK = 2000  # characters searched back for the two parties of "the two leaders"

_THEY_DISTANCE = 600  # characters between a joint speaker and a "they" that continues it


def conjuncts(head: Token) -> list[Token]:
    """The heads of a coordinated speaker ("[Hana Ito] and [Omar Haddad]", "Ito, Haddad and Berg"):
    ``head`` and its noun conjuncts joined by "and" (not a bare singular common noun:
    ``_bare_singular``); [head] when it has none, or when the
    coordination is one name ("Rochester Gas and Electric Co", "Dubin Clark and Co": one entity of
    the model, or ending in a legal form)."""
    out = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.i > t.i and c.tag_ in _CONJ_TAGS and not _bare_singular(c):
                out.append(c)
                stack.append(c)
    if len(out) > 1 and not any(t.lower_ in ("and", "&") and t.dep_ == "cc" for h in out for t in h.children):
        return [head]
    out.sort(key=lambda t: t.i)
    if len(out) > 1 and (_one_entity(out[0], out[-1]) or out[-1].lower_.rstrip(".") in _LEGAL_FORMS):
        return [head]
    return out


def _bare_singular(t: Token) -> bool:
    """A singular common noun without a determiner, possessive or number ("Ito, the front-runner
    and [current poll leader] in Ohio"): a second description of the same party, no party of its
    own."""
    return t.tag_ == "NN" and t.is_lower and not any(
        c.dep_ in ("det", "poss", "nummod") or c.tag_ in ("NNP", "NNPS") for c in t.children)


def _one_entity(first: Token, last: Token) -> bool:
    return any(e.start <= first.i and last.i < e.end for e in first.doc.ents)


def joint_span(head: Token) -> tuple[int, int]:
    """Token range of a coordinated speaker: from the first conjunct's noun phrase to the last's head."""
    parts = conjuncts(head)
    return np_span(parts[0])[0], parts[-1].i + 1


def group_label(words: list[Token], head: Token) -> str | None:
    """PERSON for "both leaders", "the two presidents" (a plural role noun), the label of a group
    noun ("the two countries" → GPE, and a definite one alone: "the companies said" after a merger
    of two); None otherwise (not "both Christian and Islamic leaders", whose modifiers make two
    groups)."""
    low = head.lower_
    before = [t for t in words if t.i < head.i]
    if head.tag_ != "NNS" or not (any(t.lower_ in _JOINT for t in before) or (
            low in _GROUP_NOUNS and [t.lower_ for t in before] == ["the"])):
        return None
    if any(t.lower_ in ("and", "or", "&") for t in words if t.i < head.i):
        return None
    if low.endswith("s") and low[:-1] in ROLE_WORDS:
        return "PERSON"
    return _GROUP_NOUNS.get(low)


def two_before(r: "Resolver", pos: int, label: str) -> list[Mention] | None:
    """The two latest distinct entities with ``label`` named outside quotes before ``pos`` (at most
    ``_LOOK_BACK`` characters back), in text order; None when there are not two. A name the text
    gives a role ("Petra Novak, the Austrian trade minister") counts as a person whatever its label."""
    found: list[Mention] = []
    seen: set[str] = set()
    k = bisect.bisect_left(r.starts, pos) - 1
    while k >= 0 and pos - r.mentions[k].start_char <= _LOOK_BACK and len(found) < 2:
        m = r.mentions[k]
        kind = "PERSON" if m.label == "PERSON" or m.entity_id in r.people else m.label
        if kind == label and m.entity_id not in seen and not r.in_quote(m.start_char):
            seen.add(m.entity_id)
            found.append(m)
        k -= 1
    return found[::-1] if len(found) == 2 else None


def joint_speakers(r: "Resolver", head: Token, words: list[Token]) -> list[Mention | Token] | None:
    """The parties of a joint speaker, each a resolved mention or (unresolved) its head token; None
    when ``head`` is no joint speaker (see the module doc)."""
    parts = conjuncts(head)
    if len(parts) > 1:
        out: list[Mention | Token] = []
        for t in parts:
            m = r.resolve(t, *np_span(t))
            out.append(m if m is not None else t)
        return out
    label = group_label(words, head)
    if label is not None:
        return two_before(r, head.idx, label)
    if r.last_joint is not None and 0 <= head.idx - r.last_joint[0] <= _THEY_DISTANCE and (
            head.lower_ == "they" or (head.lower_ == "it" and r.last_speaker is not None
                                      and r.last_speaker[0] == r.last_joint[0])):
        return list(r.last_joint[1])
    author = earlier_author_subject(r, head)
    if author is not None and len(conjuncts(author)) > 1:
        return joint_speakers(r, author, [])
    if r.last_joint is not None and _joint_document(r, head):
        m = r.resolve(head, *np_span(head))
        if m is not None and any(isinstance(p, Mention) and p.entity_id == m.entity_id for p in r.last_joint[1]):
            return list(r.last_joint[1])
    return None


def _joint_document(r: "Resolver", head: Token) -> bool:
    """True for a definite document noun that is, or refers back to, a "joint" one ("In their joint
    statement, Moscow …; … the statement said"): the text calls it joint here or at one of its
    earlier mentions (≤ 3 back)."""
    if head.lower_ not in DOC_NOUNS or not any(c.dep_ in ("det", "poss") for c in head.children):
        return False
    same = [t for t in r.doc[:head.i + 1] if t.lower_ == head.lower_][-4:]
    return any(c.lower_ == "joint" for t in same for c in t.children)
