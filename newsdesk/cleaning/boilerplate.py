"""Remove the lines of a page that are not the article: ads, prompts, captions, trailing blocks.

1. **Boilerplate lines** are removed by regex families from ``data/boilerplate.tsv`` (ads, newsletter /
   app / social prompts, "Read more", comment forms, "Source link", "About <Site>", video players and
   timestamps, photo credits and captions, share buttons, agency sign-offs, copyright lines) plus rules
   in code: the caption line(s) after a video timestamp, a line repeated verbatim right after itself,
   a lone 1–4 digit number not glued under a text line (comment counts), a separator line ("* * *")
   and "Published …"/"Updated …" stamps (``dates.stamp``). Above the body, bylines (openers in
   ``data/byline_openers.txt``), breadcrumbs and lone date lines go too (``is_header_junk``). The tail
   of a hard-wrapped sentence (a line starting in lower case right under a line that does not end a
   sentence) is never boilerplate.
2. **Trailing blocks**: after a *terminal* marker ("Source link", "Leave a Reply", bare "Read More",
   "Check Also", "Related articles", "About <Site>", "Share this:", …) the rest is cut when it holds at
   most ``TERMINAL_RATIO`` times the words kept before the marker, so a marker early in an article only
   loses its own line.
3. **Related-article headlines** standing alone between paragraphs (``_is_related_headline``) are
   removed once the headline is known.

Limits: rules are line-based; boilerplate glued inside a real paragraph stays. A related-article
headline is recognised only when it stands alone between two sentence-final paragraphs (6–20 words,
no final punctuation, not all capitals), so a 6+ word sub-head without punctuation may go too. A
caption without a credit ("Mr Xi in Beijing.") is not recognised.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from newsdesk import lexicon
from newsdesk.cleaning.dates import LONE_DATE_RE, stamp
from newsdesk.cleaning.lines import BULLET_RE, OPENER_RE, MarkedLines, ends_sentence, words
from newsdesk.cleaning.unwrap import is_continuation

# A terminal marker cuts the rest of the file when the rest has at most this share of the words
# kept before the marker.
TERMINAL_RATIO = 0.5


@dataclass(frozen=True)
class _Rule:
    family: str
    action: str  # drop | terminal | video
    regex: re.Pattern[str]


def _load_rules(name: str = "boilerplate.tsv") -> tuple[_Rule, ...]:
    rules = []
    for n, line in lexicon.lines(name):
        family, action, pattern = line.split("\t", 2)
        if action not in ("drop", "terminal", "video"):
            raise ValueError(f"{lexicon.path(name)}:{n}: unknown action {action!r}")
        rules.append(_Rule(family, action, re.compile(pattern, re.I)))
    return tuple(rules)


_RULES = _load_rules()
# Boilerplate lines are short: only caption rules are tried on lines longer than this.
_SHORT_LINE = 200
# A caption ends with its credit ("… Photo: AFP", "… (Reuters)"), never with sentence punctuation:
# lines ending in one of these are not tried against caption rules (speed; a caption ending "AFP." stays).
_NOT_CAPTION_END = frozenset('.!?…"”')


def _any_of(rules) -> re.Pattern[str]:
    """One alternation of several rules: a single C-level test rejects most lines (speed only)."""
    return re.compile("|".join(f"(?:{r.regex.pattern})" for r in rules), re.I)


_CAPTION_RULES = tuple(r for r in _RULES if r.family == "caption")
_OTHER_RULES = tuple(r for r in _RULES if r.family != "caption")
_ANY_CAPTION = _any_of(_CAPTION_RULES)
_ANY_OTHER = _any_of(_OTHER_RULES)

# a byline above the body: "By Ann Smith", "By Ann Smith and Bob Jones, Reuters"
_BYLINE_RE = re.compile(
    "(?:" + "|".join(re.escape(w) for w in lexicon.ordered("byline_openers")) + ")"
    r"\s+[A-Z][\w'’.-]*(?:[ ,]+(?:and\s+)?[\w'’.&-]+){0,9}")
_LONE_NUMBER_RE = re.compile(r"\d{1,4}")
_DECOR_RE = re.compile(r"[\s*•·▪●■◦‣▸►\-–—_=~#+|/\\]+")
_BREADCRUMB_RE = re.compile(r"[^<>»›|]{1,40}(?:\s[>»›|]\s[^<>»›|]{1,40}){2,6}")  # "World > Asia > China"


def classify_line(line: str) -> tuple[str, str] | None:
    """``(family, action)`` of the first boilerplate rule that matches the whole stripped line, else None.

    Rules are tried in file order, except that caption rules come last and only for lines that do
    not end with sentence punctuation (see ``_NOT_CAPTION_END``).
    """
    if len(line) <= _SHORT_LINE and _ANY_OTHER.fullmatch(line):
        for rule in _OTHER_RULES:
            if rule.regex.fullmatch(line):
                return rule.family, rule.action
    if line and line[-1] not in _NOT_CAPTION_END and _ANY_CAPTION.fullmatch(line):
        return "caption", "drop"
    return None


def is_header_junk(line: str) -> bool:
    """A line above the body that is no headline: a byline of up to 10 words, a lone date (and time),
    a breadcrumb ("World > Asia > China") or a lone number."""
    return bool(_BYLINE_RE.fullmatch(line) and words(line) <= 10 or LONE_DATE_RE.fullmatch(line)
                or _BREADCRUMB_RE.fullmatch(line) or _LONE_NUMBER_RE.fullmatch(line))


def remove_boilerplate_lines(marked: MarkedLines) -> tuple[list[int], datetime.date | None]:
    """Drop the boilerplate lines (rules 1 of the module doc) -> (terminal marker lines, the date of
    the first "Published …" stamp or None)."""
    lines, keep, removed, drop = marked.lines, marked.keep, marked.removed, marked.drop
    next_nonblank = marked.next_nonblank
    published_on: datetime.date | None = None
    terminals: list[int] = []
    prev_text: str | None = None
    for i, line in enumerate(lines):
        if not line or not keep[i]:
            continue
        if line == prev_text:  # verbatim repeat of the previous kept line
            drop(i)
            continue
        if is_continuation(lines, removed, i):
            prev_text = line
            continue  # the tail of a hard-wrapped sentence ("…1.53 dlrs a\nshare."), never boilerplate
        if _DECOR_RE.fullmatch(line):  # separators: "* * *", "•", "—", "- - - -"
            drop(i)
            continue
        hit = classify_line(line)
        if hit and hit[0] == "about" and prev_text is None:
            hit = None  # "About <Site>" closes an article; as its first line it is a headline ("About Time")
        if hit:
            family, action = hit
            drop(i)
            if family == "metadata":  # "First published on Tue 21 Mar 2023 09.30 GMT": a stamp's date counts
                published_on = published_on or stamp(line)[1]
            if action == "terminal":
                terminals.append(i)
            elif action == "video":  # the player's caption follows, often twice
                j = next_nonblank(i)
                nj = next_nonblank(j) if j is not None else None
                if j is not None and (words(lines[j]) <= 30 and not ends_sentence(lines[j])
                                      or nj is not None and lines[nj] == lines[j]):
                    drop(j)
                    k = next_nonblank(j)
                    while k is not None and lines[k] == lines[j]:
                        drop(k)
                        k = next_nonblank(k)
            continue
        if _LONE_NUMBER_RE.fullmatch(line) and (not lines[i - 1] or removed[i - 1]):  # a comment count, alone
            drop(i)
            continue
        is_stamp, day = stamp(line)
        if is_stamp:
            drop(i)
            published_on = published_on or day
            continue
        prev_text = line
    return terminals, published_on


def cut_trailing_block(marked: MarkedLines, terminals: list[int]) -> None:
    """Drop everything after the first terminal marker whose trailing block is small enough
    (rule 2 of the module doc)."""
    lines, keep, n = marked.lines, marked.keep, len(marked.lines)
    if terminals:
        kept_words = [(words(lines[i]) if keep[i] else 0) for i in range(n)]
        total = sum(kept_words)
        before = 0
        cursor = 0
        for t in terminals:
            before += sum(kept_words[cursor:t])
            cursor = t
            if before and total - before <= TERMINAL_RATIO * before:
                for j in range(t + 1, n):
                    marked.drop(j)
                break


def _is_related_headline(line: str, prev_kept: str | None, next_kept: str | None) -> bool:
    """A related-article headline between paragraphs: 6–20 words, no final punctuation or colon,
    capitalised, the paragraph before it finished and a new prose paragraph (8+ words, sentence-final)
    after it (so never the last line, nor a line inside a list of short lines).
    The caller checks it stands alone (blank or removed lines on both sides)."""
    n = len(line.split())
    if not 6 <= n <= 20 or prev_kept is None or next_kept is None:
        return False
    if ends_sentence(line) or line[-1] in ":;," or not OPENER_RE.match(line):
        return False
    if " v " in line or BULLET_RE.match(line) or line[0] in "-–—" or line.upper() == line:
        return False
    return (ends_sentence(prev_kept) and ends_sentence(next_kept) and words(next_kept) >= 8
            and bool(OPENER_RE.match(next_kept)))


def drop_related_headlines(marked: MarkedLines, headline: int | None) -> None:
    """Drop related-article headlines standing alone between paragraphs below the headline
    (rule 3 of the module doc)."""
    lines, removed, n = marked.lines, marked.removed, len(marked.lines)
    kept = marked.kept()
    start = kept.index(headline) + 1 if headline is not None else 0
    for pos in range(start + 1, len(kept) - 1):
        i = kept[pos]
        alone = (not lines[i - 1] or removed[i - 1]) and (i + 1 >= n or not lines[i + 1] or removed[i + 1])
        if alone and _is_related_headline(lines[i], lines[kept[pos - 1]], lines[kept[pos + 1]]):
            marked.drop(i)
