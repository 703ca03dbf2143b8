"""Token and character geometry every step of the quote pass shares: sentences and paragraphs by
index, a document's quoted passages as token ranges (``DocView``), noun-phrase spans, trimming
and clipping of token ranges. Speakers and contents are kept inside the cue's paragraph (``clip``):
the parser sometimes runs a sentence over a headline or a photo caption.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from newsdesk.extract.quotes.marks import find_quote_spans


_NEWLINE_RE = re.compile(r"\n")
PARA_BREAK = re.compile(r"\n\s*")  # a paragraph break: a run of newlines (and spaces) counts once

_LEFT_NP_DEPS = {"compound", "amod", "det", "poss", "nummod", "nmod", "case", "quantmod", "npadvmod"}


class Sent:
    """Token range of one sentence (cheap stand-in for spaCy's Span)."""

    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


class Sents:
    """Sentence of a token by index, computed once per document (``Token.sent`` is slow)."""

    def __init__(self, doc: Doc):
        self.list = [Sent(s.start, s.end) for s in doc.sents] or [Sent(0, len(doc))]
        self.starts = [s.start for s in self.list]

    def of(self, i: int) -> Sent:
        return self.list[max(0, bisect.bisect_right(self.starts, i) - 1)]


class Paragraphs:
    """Paragraph index of a character offset (paragraphs end at a newline)."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in _NEWLINE_RE.finditer(text)]

    def of(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1


def np_span(head: Token) -> tuple[int, int]:
    """Token range of a noun phrase: the head and its left modifiers (no appos/relcl/prep),
    never crossing a line break."""
    lo = head.i
    for child in head.lefts:
        if child.dep_ in _LEFT_NP_DEPS:
            lo = min(lo, child.left_edge.i)
    doc = head.doc
    for i in range(head.i - 1, lo - 1, -1):  # stay inside the head's line, after a dateline dash
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_ or _is_dash(doc, i):
            lo = i + 1
            break
    while lo < head.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return lo, head.i + 1


def _is_dash(doc: Doc, i: int) -> bool:
    """A dateline dash or colon ("BEIJING - Beijing said"), not a hyphen inside a name."""
    t = doc[i].text
    if t in ("—", "–", "--", ":"):
        return True
    return t == "-" and bool(doc[i].whitespace_) and i > 0 and bool(doc[i - 1].whitespace_)


def trim(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Drop punctuation (but not quote marks), 'that' and spaces at the edges of a token range."""
    while lo < hi and (doc[lo].is_space or (doc[lo].is_punct and not doc[lo].is_quote)
                       or (doc[lo].lower_ in ("that", "whether", "if") and doc[lo].dep_ == "mark")):
        lo += 1
    while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].tag_ == "CC"
                       or (doc[hi - 1].is_punct and not doc[hi - 1].is_quote)):
        hi -= 1
    return lo, hi


def clip(doc: Doc, paras: Paragraphs, pivot: Token, lo: int, hi: int) -> tuple[int, int] | None:
    """Token range [lo, hi) cut down to the paragraph of ``pivot``; None when nothing is left."""
    p = paras.of(pivot.idx)
    while lo < hi and paras.of(doc[lo].idx) < p:
        lo += 1
    while hi > lo and paras.of(doc[hi - 1].idx) > p:
        hi -= 1
    lo, hi = trim(doc, lo, hi)
    return (lo, hi) if hi > lo else None


def end_without_space(doc: Doc, sent: "Sent") -> int:
    """End of a sentence without the line-break tokens that close a paragraph."""
    end = sent.end
    while end > sent.start + 1 and doc[end - 1].is_space:
        end -= 1
    return end


def tok_range(starts: list[int], ends: list[int], a: int, b: int) -> tuple[int, int]:
    """Tokens [lo, hi) overlapping the character span [a, b)."""
    lo = bisect.bisect_right(ends, a)
    hi = bisect.bisect_left(starts, b)
    return lo, max(lo, hi)


def n_words(doc: Doc, lo: int, hi: int) -> int:
    return sum(1 for t in doc[lo:hi] if not t.is_punct and not t.is_space)


class DocView:
    """One parsed document as the quote pass reads it, computed once: its tokens with their
    character offsets, sentences, paragraphs, and quoted passages (character spans, token ranges)."""

    def __init__(self, doc: Doc, text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text  # spaCy joins every token's text on each read
        self.toks = list(doc)
        self.starts = [t.idx for t in self.toks]
        self.ends = [t.idx + len(t) for t in self.toks]
        self.sents = Sents(doc)
        self.sent_starts = [self.starts[s.start] for s in self.sents.list if s.start < len(self.starts)]
        self.paras = Paragraphs(self.text)
        self.qspans = find_quote_spans(self.text)
        self.qstarts = [a for a, _ in self.qspans]
        self.qtok = [tok_range(self.starts, self.ends, a, b) for a, b in self.qspans]

    def inside_quote(self, tok: Token) -> int | None:
        """Index of the quoted passage ``tok`` lies strictly inside, else None."""
        k = bisect.bisect_left(self.qstarts, tok.idx) - 1
        if k >= 0 and self.qspans[k][0] < tok.idx < self.qspans[k][1]:
            return k
        return None

    def sent_index(self, pos: int) -> int:
        """Index of the sentence holding the character offset ``pos``."""
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)
