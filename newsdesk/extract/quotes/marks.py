"""Quotation marks: which characters open and close a quoted passage (``find_quote_spans``).

A direct quote's span includes its opening and closing marks and may run over several sentences
and paragraphs (news convention: a mark reopens each paragraph, none closes it). Attribute values
of markup left in the body (``<tweet author="…">``) are no quotes. The rules for each kind of
mark are on ``find_quote_spans``.
"""

from __future__ import annotations

import bisect
import re


# --- quotation marks -------------------------------------------------------------------------
_OPEN_D = {"“", "«", "„"}

_CLOSE_D = {"”", "»"}

SPACE = set(" \t\n\r\u00a0\u2009\u200a\u202f")

_OPENERS_BEFORE = set("([{—–-/:")  # a mark after these opens a quote

_NEWLINE = "\n"

_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,400}>")

END_PUNCT = set(",.?!…—–-:;")

ALL_MARKS = "“”\"‘’'«»„\x01"


def _is_open_context(text: str, i: int) -> bool:
    """True when the mark at ``i`` sits where an opening mark goes (after space/start/opener)."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in SPACE or prev in _OPENERS_BEFORE or prev in _OPEN_D or prev in "‘'\"") and nxt not in SPACE


def _is_close_context(text: str, i: int) -> bool:
    """True when the mark at ``i`` can close a quote (after a non-space, before space/punct/end)."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev not in SPACE and not nxt.isalnum()


def paragraph_end(text: str, i: int) -> int:
    """End of the paragraph containing ``i`` (index of its newline or len), trailing spaces trimmed."""
    j = text.find(_NEWLINE, i)
    j = len(text) if j < 0 else j
    while j > i and text[j - 1] in SPACE:
        j -= 1
    return j


def _next_paragraph_opens(text: str, nl: int) -> int | None:
    """Index of an opening double mark starting the paragraph after the newline at ``nl``."""
    j = nl
    n = len(text)
    while j < n and text[j] in SPACE:
        j += 1
    if j < n and (text[j] in _OPEN_D or (text[j] == '"' and _is_open_context(text, j))):
        return j
    return None


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans [start, end) of quoted passages, marks included, in text order.

    Double marks (" “ ” « » „) make top-level quotes; a quote left open at a paragraph end
    continues when the next paragraph opens with a mark (news convention) and is otherwise
    closed at that paragraph's end. Single marks (‘ ’ ') make a quote only outside double
    quotes; apostrophes (Russia’s, don’t, ’90s, leaders’ when nothing is open) are skipped, and
    a single quote left open at the paragraph end is dropped. Two apostrophes or backticks
    ('' ``, NYT archive style) count as one double mark. A closing mark after a line start or
    a space and before a letter, with nothing open, opens a quote (”Fear. …”). A curly
    double quote nested in an open one ("“… what he calls “hell” than …”", see
    ``_nested_close``) stays inside it. A straight mark after a finished sentence of an open quote,
    a space and before a word ('"… remote controls. "My show is …"') opens the next quote: the
    first one lost its closing mark where a paragraph break was lost. Never raises on unbalanced marks.
    """
    norm = text
    if "<" in norm:  # markup left in the body (<tweet author="…">): its attribute values are no quotes
        norm = _TAG.sub(lambda m: " " * len(m.group(0)), norm)
    if "''" in norm or "``" in norm:  # same length, so offsets hold
        norm = norm.replace("''", '"\x01').replace("``", '"\x01')
        return [(a, b + 1 if b < len(norm) and norm[b] == "\x01" else b) for a, b in _scan(norm)]
    return _scan(norm)


def _scan(text: str) -> list[tuple[int, int]]:
    """``find_quote_spans`` on a text whose double marks are single characters."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    open_at: int | None = None
    i = 0
    while i < n:
        c = text[i]
        if c == _NEWLINE and open_at is not None:
            cont = _next_paragraph_opens(text, i)
            if cont is None:  # unbalanced: close at the end of the paragraph
                end = paragraph_end(text, open_at)
                if end > open_at + 1:
                    spans.append((open_at, end))
                open_at = None
            else:
                i = cont + 1  # skip the re-opening mark of the continued quote
                continue
        elif c in _OPEN_D or c in _CLOSE_D or c == '"':
            if open_at is None:
                if c in _OPEN_D or (c == '"' and not (_is_close_context(text, i) and not _is_open_context(text, i))):
                    open_at = i
                elif c in _CLOSE_D and _reversed_opener(text, i):
                    open_at = i  # ”Fear. I am afraid …” — a closing mark typed as the opener
                # a stray closing mark with nothing open is ignored
            else:
                if c == '"' and _is_open_context(text, i) and not _is_close_context(text, i) \
                        and _reopens(text, open_at, i):
                    # ‘"A. "B …’: a straight mark after a space and before a word opens the next quote
                    # (a quote continued in a paragraph whose break was lost): the previous one ends here
                    end = i
                    while end > open_at and text[end - 1] in SPACE:
                        end -= 1
                    spans.append((open_at, end))
                    open_at = i
                    i += 1
                    continue
                closes = c in _CLOSE_D or c == '"' or (c == "“" and _is_close_context(text, i))
                if c in _OPEN_D and not closes and _nested_close(text, i) is not None:
                    i = _nested_close(text, i) + 1  # “… what he calls “hell” than …”: one quote
                    continue
                if c in _OPEN_D and not closes:
                    # an opener while open, mid-paragraph: the previous quote lost its closer
                    end = i
                    while end > open_at and text[end - 1] in SPACE:
                        end -= 1
                    if end > open_at + 1:
                        spans.append((open_at, end))
                    open_at = i
                else:
                    spans.append((open_at, i + 1))
                    open_at = None
        i += 1
    if open_at is not None:
        end = paragraph_end(text, open_at)
        if end > open_at + 1:
            spans.append((open_at, end))
    spans.extend(_single_quote_spans(text, spans))
    spans.sort()
    return spans


def _reopens(text: str, open_at: int, i: int) -> bool:
    """True when the straight mark at ``i`` follows a finished sentence of the open quote ("…
    remote controls. "My show is …"): the quote before it ended, its closing mark lost."""
    j = i - 1
    while j > open_at and text[j] in SPACE:
        j -= 1
    return j > open_at + 1 and text[j] in ".?!…"


def _nested_close(text: str, i: int) -> int | None:
    """Index of the closer of a double quote nested at ``i`` inside an open one ("“I would
    sooner sail into what he calls “the abyss” than …”"): a ” within 60 characters, with no other mark
    between, followed later in the same paragraph by another ” (the outer closer) before any
    other opening mark. None when the inner opener rather starts a new quote."""
    end = text.find(_NEWLINE, i)
    end = len(text) if end < 0 else end
    j = i + 1
    while j < min(end, i + 61) and text[j] not in _CLOSE_D and text[j] not in _OPEN_D and text[j] != '"':
        j += 1
    if j >= min(end, i + 61) or text[j] not in _CLOSE_D or j == i + 1:
        return None
    k = j + 1
    while k < end and text[k] not in _CLOSE_D and text[k] not in _OPEN_D and text[k] != '"':
        k += 1
    return j if k < end and text[k] in _CLOSE_D else None


def _reversed_opener(text: str, i: int) -> bool:
    """True for a closing double mark used as an opener: nothing is open, it follows a line
    start or a space and a letter or digit follows it (”Sorry Sarah, …”)."""
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in SPACE or prev in "\u202a\u200e\ufeff") and nxt.isalnum()


def _single_quote_spans(text: str, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotes in single marks outside the double-quoted spans (see ``find_quote_spans``)."""
    out: list[tuple[int, int]] = []
    starts = [s for s, _ in doubles]
    open_at: int | None = None
    for i, c in enumerate(text):
        if c == _NEWLINE:
            open_at = None
            continue
        if c not in "‘’'":
            continue
        k = bisect.bisect_right(starts, i) - 1
        if k >= 0 and doubles[k][0] <= i < doubles[k][1]:
            continue  # nested inside a double quote: part of that quote
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # apostrophe inside a word: Russia’s, don’t
        if open_at is None:
            if c in "‘'" and _is_open_context(text, i):
                if nxt.isdigit() and text[i + 1:i + 4].rstrip("0123456789") in ("s", "s ", "s,", "s.", ""):
                    continue  # ’90s, '20
                open_at = i
        elif _is_close_context(text, i) and c in "’'":
            out.append((open_at, i + 1))
            open_at = None
    return out
