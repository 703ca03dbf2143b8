"""Join the kept body lines into the body text, unwrapping hard-wrapped wire copy.

Two kept lines are joined by ``"\\n\\n"`` when a blank or removed line stood between them, by ``" "``
when the text is hard-wrapped (wire copy at ~70 columns) and the break falls inside a sentence, else
by ``"\\n"``. Hard-wrapped (``wrap_width``): the longest body line has 40–100 characters and at least
two line breaks fall inside a sentence (the line above does not end a sentence) where the next line's
first word would not have fitted on the line above (a paragraph's first line is allowed four columns
less: its indent is often lost, "NEW YORK, March 9 - The Semiconductor Industry\\nAssociation said").
Only such breaks, and breaks before a line that starts in lower case under a line that does not end a
sentence (``is_continuation``), are joined, so tables ("Shr six cts vs three cts") and sentence-final
lines keep their line breaks, and downstream a line break still starts a sentence ("Clayton\\nYeutter"
was two sentences). The tail of a hard-wrapped sentence is never boilerplate nor a headline candidate
of its own. A line equal to the kept line before it (repeats that met once the lines between them
went) is removed here.
"""

from __future__ import annotations

from newsdesk.cleaning.lines import MarkedLines, ends_sentence

PARA_INDENT = 4  # columns a hard-wrapped paragraph's first line may have been indented by


def is_continuation(lines: list[str], removed: list[bool], i: int) -> bool:
    """Line ``i`` continues a hard-wrapped sentence: it starts with a lower-case letter and the kept
    line right above it (no blank between) does not end a sentence ("…1.53 dlrs a\\nshare.")."""
    return bool(i and lines[i - 1] and not removed[i - 1] and lines[i][0].islower()
                and not ends_sentence(lines[i - 1]))


def wrapped_break(above: str, below: str, width: int) -> bool:
    """The line break between ``above`` and ``below`` was made by wrapping at ``width`` columns:
    ``above`` does not end a sentence and ``below``'s first word would not have fitted on it."""
    return not ends_sentence(above) and len(above) + 1 + len(below.split(" ", 1)[0]) > width


def wrap_width(lines: list[str], body_idx: list[int]) -> int | None:
    """The column width a hard-wrapped body was wrapped at (its longest line), or None when the
    body is not hard-wrapped: the longest line has 40–100 characters and at least two breaks
    between adjacent body lines are wrapping breaks (``wrapped_break``)."""
    if len(body_idx) < 3:
        return None
    width = max(len(lines[i]) for i in body_idx)
    if not 40 <= width <= 100:
        return None
    wrapped = sum(1 for a, b in zip(body_idx, body_idx[1:])
                  if b == a + 1 and wrapped_break(lines[a], lines[b], width))
    return width if wrapped >= 2 else None


def join_body(marked: MarkedLines, body_idx: list[int]) -> str:
    """The body lines ``body_idx`` joined into one text; separators follow the original layout."""
    lines, removed = marked.lines, marked.removed
    width = wrap_width(lines, body_idx)
    parts: list[str] = []
    prev: int | None = None
    prev_opens = True  # the previous kept line opens a paragraph (its indent may have been lost)
    for i in body_idx:
        line = lines[i]
        if prev is not None and line == lines[prev]:  # repeats that met once the lines between went
            removed[i] = True
            continue
        opens = prev is None
        if prev is not None:
            gap = range(prev + 1, i)
            if any(not lines[j] or removed[j] for j in gap):
                parts.append("\n\n")
                opens = True
            else:
                # a paragraph's first line was wrapped at the width less its indent ("NEW YORK,
                # March 9 - The Semiconductor Industry\nAssociation urged …", indent gone)
                wrap_at = (width - PARA_INDENT) if width and prev_opens else width
                join = width and (wrapped_break(lines[prev], line, wrap_at) or is_continuation(lines, removed, i))
                parts.append(" " if join else "\n")
        parts.append(line)
        prev, prev_opens = i, opens
    return "".join(parts)
