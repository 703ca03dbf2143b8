"""Who has, does or reports a figure (:func:`figure_holder`), for evaluation and a proposed
``subject`` column; not part of the Figure contract.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsdesk.extract.figures.objects import SUBJECT_DEPS, is_noun
from newsdesk.extract.types import Figure

_HOLDER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def figure_holder(doc: Doc, fig: Figure) -> str | None:
    """Who or what has, does or reports the figure: the subject of the clause the figure is in
    ("Nokia, which has 9,000 staff" -> "Nokia"; "Acme plans to lay off 1,200 employees" -> "Acme"),
    or the possessor of a counted noun ("Acme's 1,200 employees" -> "Acme").

    A candidate for a future ``Figure.subject`` column (the thing NewsQuant calls the referred
    concept of a count); not part of the Figure contract yet. None for pronouns and when unclear.
    Limits: no coreference ("it", "they" give None); the first subject found climbing at most six
    heads is taken, so figures in long coordinated sentences may get the main clause's subject.
    """
    toks = [t for t in doc.char_span(fig.start_char, fig.end_char, alignment_mode="expand") or []]
    if not toks:
        return None
    inside = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[-1])
    # a counted or measured noun with a possessor: "Acme's 1,200 employees"
    if root.head.i not in inside and is_noun(root.head):
        for c in root.head.children:
            if c.dep_ == "poss" and c.tag_ not in ("PRP$", "WP$"):
                return _holder_text(doc, c, inside)
    node = root
    for _ in range(6):
        if node.tag_.startswith("VB") or node.dep_ == "ROOT":
            for c in node.children:
                if c.dep_ in SUBJECT_DEPS and c.i not in inside:
                    if c.tag_ in ("WDT", "WP") and node.dep_ == "relcl" and is_noun(node.head):
                        return _holder_text(doc, node.head, inside)  # "Nokia, which has …"
                    if c.tag_ == "PRP" and node.dep_ in ("ccomp", "xcomp", "advcl", "conj"):
                        break  # "Nordea Bank announced that it will charge …": try the main clause's subject
                    if c.tag_ in ("PRP", "WDT", "WP", "EX", "DT") or not is_noun(c):
                        return None
                    return _holder_text(doc, c, inside)
            if node.dep_ == "relcl" and is_noun(node.head) and node.head.i not in inside:
                return _holder_text(doc, node.head, inside)
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _holder_text(doc: Doc, tok: Token, inside: set[int]) -> str | None:
    """A noun with its adjacent compound/adjective/possessive modifiers, figures excluded."""
    start = tok.i
    while start - 1 >= 0 and doc[start - 1].head.i in range(start, tok.i + 1) and doc[start - 1].dep_ in _HOLDER_DEPS \
            and doc[start - 1].i not in inside and doc[start - 1].tag_ not in ("CD", "PRP$", "DT"):
        start -= 1
    if start == tok.i and doc[tok.i].i in inside:
        return None
    span = doc[start:tok.i + 1]
    return span.text if span.text.strip() else None
