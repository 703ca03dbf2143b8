"""The article as marked lines, and the shapes of a line every cleaning step asks about.

``MarkedLines`` holds the normalised text split into lines with two marks per line, *kept* and
*removed*, that the steps set in turn (boilerplate, header zone, related headlines). A blank line
separates paragraphs and is neither; a removed line also separates the kept lines around it.
Line shapes: does a line end a sentence (``ends_sentence``), is it a body line rather than a
headline (``is_paragraph_like``), how many words does it hold (``words``). Bullets and sentence
punctuation are character sets here, not word lists.
"""

from __future__ import annotations

import re

from newsdesk.cleaning.dateline import find_dateline

TERMINAL_PUNCT = ".!?…"
CLOSERS = "\"”’')]"
BULLET_RE = re.compile(r"[•·▪●■◦‣▸►]\s*")
OPENER_RE = re.compile(r"[\"“‘'(\[]?[A-Z0-9£$€¥]")


class MarkedLines:
    """The lines of one normalised text (``lines``), which are kept (``keep``) and which were removed
    by a rule (``removed``: counted in ``CleanArticle.n_removed_lines``)."""

    __slots__ = ("lines", "keep", "removed")

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.keep = [bool(line) for line in lines]  # blank lines are separators, never "removed"
        self.removed = [False] * len(lines)

    def drop(self, i: int) -> None:
        """Remove line ``i`` (a blank or already removed line stays as it is)."""
        if self.keep[i]:
            self.keep[i] = False
            self.removed[i] = True

    def next_nonblank(self, i: int) -> int | None:
        """The index of the first non-blank line after ``i``, kept or not."""
        lines = self.lines
        for j in range(i + 1, len(lines)):
            if lines[j]:
                return j
        return None

    def kept(self) -> list[int]:
        """The indexes of the kept lines, in order."""
        keep = self.keep
        return [i for i in range(len(keep)) if keep[i]]


def ends_sentence(line: str) -> bool:
    """Ends with sentence punctuation, possibly followed by closing quotes/brackets."""
    return line.rstrip(CLOSERS)[-1:] in TERMINAL_PUNCT


def words(line: str) -> int:
    """The number of whitespace-separated words in ``line``."""
    return len(line.split())


def is_paragraph_like(line: str) -> bool:
    """A body line rather than a headline: a finished sentence of 10+ words, 40+ words, a bullet,
    or a line opening with a dateline."""
    n = len(line.split())
    if n >= 40 or BULLET_RE.match(line):
        return True
    tail = line.rstrip(CLOSERS)[-1:]
    if n >= 10 and tail in ".…!":
        return True
    if n >= 20 and tail == "?":
        return True
    if n < 6:
        return False
    dateline = find_dateline(line)  # "OIL PRICES FALL - ANALYSTS" is a headline: too little after the dash
    if dateline is None:
        return False
    # an all-caps line with a dash ("PEP BOYS - MANNY, MOE AND JACK INC") is a headline unless dated
    return dateline.strong or len(line[dateline.end:].split()) >= 6 and any(c.islower() for c in line)
