"""Find the headline above the body, and the title: the headline, or the first sentence.

The **header zone** is the kept lines above the first paragraph-like line (a sentence-final line of
10+ words, any line of 40+ words, a bullet, or a line opening with a dateline and some text:
``lines.is_paragraph_like``). In it, bylines, lone dates, breadcrumbs and lone numbers are removed
(``boilerplate.is_header_junk``; a date among them gives ``published_on``). The **headline** is the
first line left, skipping 1–3 word lines that sit right above a headline-like line (4–30 words, no
final punctuation): those are section tags. Lines above the headline are removed, and so is the
headline printed again under itself. With no line above the body, the **title** is the first sentence
of the first paragraph without its dateline, cut at ``TITLE_MAX_WORDS`` words (an ellipsis "…" marks
the cut), ``title_source`` is ``"first_sentence"`` and the body has no separate title line. A
sentence ends at ".", "!", "?" or "…" unless the dot closes an abbreviation of
``data/abbreviations.txt`` or an initial. Bullet standfirst lines are kept as body lines WITH their
bullet sign ("• The Chinese leader said …"): the sign tells a re-run that they are standfirst lines,
not a headline, and spaCy reads it as punctuation. The first paragraph is found here too (standfirst
lines may precede it), with the dateline that opens it (``dateline.find_dateline``).
"""

from __future__ import annotations

import datetime
import re

from newsdesk import lexicon
from newsdesk.cleaning.boilerplate import is_header_junk
from newsdesk.cleaning.dateline import Dateline, find_dateline
from newsdesk.cleaning.dates import parse_date
from newsdesk.cleaning.lines import BULLET_RE, MarkedLines, ends_sentence, is_paragraph_like, words
from newsdesk.cleaning.types import RejectError
from newsdesk.cleaning.unwrap import is_continuation

# Max words of a title built from the first sentence.
TITLE_MAX_WORDS = 25

_ABBREV = lexicon.words("abbreviations")
_SENT_END_RE = re.compile(r"[.!?…][\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")


def first_sentence(text: str, max_words: int = TITLE_MAX_WORDS) -> str:
    """The first sentence of ``text`` (abbreviation- and initial-aware), cut at ``max_words`` with "…"."""
    end = len(text)
    for m in _SENT_END_RE.finditer(text):
        before = text[max(0, m.start() - 30): m.start()].rsplit(None, 1)
        word = before[-1].lower().lstrip("(\"“‘'") if before else ""
        if text[m.start()] == "." and (word in _ABBREV or (len(word) == 1 and word.isalpha())):
            continue
        end = m.end()
        break
    tokens = text[:end].split()
    if len(tokens) > max_words:
        return " ".join(tokens[:max_words]).rstrip(",;:–—-") + "…"
    return " ".join(tokens)


def _is_headline_like(line: str) -> bool:
    """4–30 words without sentence punctuation at the end, not opening with a dated dateline."""
    if not 4 <= words(line) <= 30 or ends_sentence(line):
        return False
    dateline = find_dateline(line)
    return dateline is None or not dateline.strong


def find_headline(marked: MarkedLines, kept: list[int]) -> tuple[int | None, datetime.date | None]:
    """Clear the header zone and pick the headline -> (headline line or None, the first date found in
    a removed header line or None). ``kept`` are the kept lines."""
    lines, keep, removed, drop = marked.lines, marked.keep, marked.removed, marked.drop
    n = len(lines)
    day: datetime.date | None = None
    first_par = next((i for i in kept if is_paragraph_like(lines[i])), None)
    header = [i for i in kept if first_par is None or i < first_par]
    candidates = []
    for i in header:
        line = lines[i]
        if is_continuation(lines, removed, i):
            candidates.append(i)
        elif is_header_junk(line):
            day = day or parse_date(line)
            drop(i)
        else:
            candidates.append(i)
    headline: int | None = None
    if candidates:
        headline = candidates[-1]
        for pos, i in enumerate(candidates[:-1]):
            # a 1–3 word line right above a headline-like line is a section tag
            if not (words(lines[i]) <= 3 and _is_headline_like(lines[candidates[pos + 1]])):
                headline = i
                break
        for i in candidates:
            if i < headline:
                drop(i)
        for i in range(headline + 1, n):  # the headline printed again under itself (CMS templates)
            if keep[i] and lines[i] == lines[headline]:
                drop(i)
            elif keep[i] and is_paragraph_like(lines[i]):
                break
    return headline, day


def find_opening(lines: list[str], body_idx: list[int]) -> tuple[str | None, Dateline | None, str | None]:
    """(the first body line that is not a bullet, the dateline opening the first paragraph, the line
    that dateline opens). Standfirst lines (bullets or short lines) may precede the dateline."""
    first_body: str | None = None
    dateline: Dateline | None = None
    dateline_line: str | None = None
    for i in body_idx[:6]:
        if BULLET_RE.match(lines[i]):
            continue
        first_body = first_body or lines[i]
        dateline = find_dateline(lines[i])
        if dateline is not None:
            dateline_line = lines[i]
            break
        if is_paragraph_like(lines[i]):
            break
    return first_body, dateline, dateline_line


def title_and_body(lines: list[str], headline: int | None, body_idx: list[int], body_text: str,
                   opening: tuple[str | None, Dateline | None, str | None]) -> tuple[str, str, str]:
    """(title, title_source, body): the headline and the body under it, or the first sentence of the
    first paragraph (``opening``, from ``find_opening``) and the body alone. Raises
    ``RejectError('no_body')`` when there is no sentence to take a title from."""
    if headline is not None:
        title = lines[headline]
        return title, "headline", f"{title}\n\n{body_text}"
    first_body, dateline, dateline_line = opening
    if first_body is None:  # only bullet lines: the first, without its bullet sign
        first_body = BULLET_RE.sub("", lines[body_idx[0]], count=1)
    start = first_body[dateline.end:] if dateline and dateline_line == first_body else first_body
    title = first_sentence(start)
    if not title:
        raise RejectError("no_body", "the text has no sentence to take a title from")
    return title, "first_sentence", body_text
