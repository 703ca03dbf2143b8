"""Dates in article text and metadata: full dates read by dateparser, "Published …"/"Updated …" stamps.

``published_on`` comes from a "Published …" stamp (``stamp``) or a lone date line above the body
(``LONE_DATE_RE``; both lines are removed), else from a dateline that states a year; metadata written
by a scraper (front matter, a sidecar: ``newsdesk.cleaning.metadata``) wins over all of them. When a
line carries both a "Published" and an "Updated" date, the published one counts; an "Updated" stamp
alone gives no publication date.

Which lines are date lines is decided here by shape (month names ``data/months.tsv``, weekday
openings ``data/weekdays.txt``, stamp words ``data/date_stamps.tsv``); the date itself is read by
``dateparser`` (``parse_date``), configured so that it never invents what the text does not say:

- only a **full date** counts: day, month and year (``REQUIRE_PARTS``); "Feb 26", "March 2023" and
  "2023" give None, and so do relative dates ("2 hours ago", "yesterday": only the absolute-time
  parser runs);
- the year must be written with four digits, and a numeric date whose day and month could be
  swapped ("03/04/2023") gives None: that would be a guess; "21/03/2023" and "2023-03-04" are read;
- the day is the one written: "21 March 2023 23:30 EST" is 21 March (no conversion to UTC);
- English only (``languages=['en']``), offline; results are cached per string.

Cost: dateparser's first call takes ~0.2 s (its language data); a call takes 1–10 ms, so it runs
only on a line that holds a four-digit year, and the same string is read once per process.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

from newsdesk import lexicon

# A month name, in full or cut ("Sept"): a regex alternation, a month's longer forms first.
MONTH = "(?:" + "|".join(re.escape(form) for form, _ in lexicon.rows("months")) + ")"
_WEEKDAY = "(?:" + "|".join(re.escape(w) for w in lexicon.ordered("weekdays")) + r")[a-z]*\.?,?"
_TIME = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)"
_STAMP_KIND = lexicon.mapping("date_stamps", lower_keys=True)  # "last updated" -> "updated"
_STAMP_WORDS = "|".join(re.escape(words) for words in _STAMP_KIND)
_STAMP_RE = re.compile(rf"(?P<kind>{_STAMP_WORDS})(?:\s+(?:on|at))?\s*[:|-]?\s*(?P<rest>.{{3,80}})", re.I)
# a second stamp inside the rest of a stamp line: "Published 21 March 2023, updated 22 March 2023"
_INNER_STAMP_RE = re.compile(rf"(?:^|[\s,;|·•(/-])(?P<kind>{_STAMP_WORDS})\b(?:\s+(?:on|at))?\s*[:|-]?\s*", re.I)
# what follows "Published"/"Updated": a date, a weekday, a time or "2 hours ago" comes first
_STAMP_REST_RE = re.compile(rf"(?:\d|{_WEEKDAY}|{MONTH}\b)", re.I)
_STAMP_TIME_RE = re.compile(r"\d{1,2}[:.]\d{2}|\d{4}|\bago\b")
# a header line that is only a date (and time): "Tuesday, 12 March 2024 10:32 GMT", "21/03/2023 09:30"
LONE_DATE_RE = re.compile(
    rf"(?:{_WEEKDAY}\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\.?,?\s+\d{{4}}"
    rf"|{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}})"
    rf"(?:\s*[,|·•-]?\s*(?:at\s+)?{_TIME})?(?:\s*[,|·•-]?\s*{_TIME})?",
    re.I)

# A four-digit year (1800–2199): without one, no string holds a full date (dateparser is not called).
_YEAR_RE = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")
# Where a date may sit inside a longer line ("By Ann Smith | 12 March 2024"): the spans tried when the
# whole string is no date. Written forms with a month name, ISO dates, and day/month/year numbers.
_DATE_SPAN_RE = re.compile(
    rf"(?:{_WEEKDAY}\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\.?,?\s+\d{{4}}"
    rf"|(?:{_WEEKDAY}\s+)?{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{4}",
    re.I)
# day and month both written as numbers, in either order: ambiguous when both are 12 or less
_NUMERIC_DMY_RE = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}(?![\d/.-])")

# dateparser, set up never to invent a part the text does not state (module docstring).
DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "PREFER_DATES_FROM": "past",
    "RETURN_TIME_AS_PERIOD": False,
    "PARSERS": ["absolute-time"],
}


@lru_cache(maxsize=1)
def _dateparser():
    import dateparser  # ~0.2 s of language data on first use: only when a date is to be read

    return dateparser


@lru_cache(maxsize=4096)
def _read(span: str) -> datetime.date | None:
    """One string read by dateparser as a whole, or None (ambiguous numeric day and month: None)."""
    m = _NUMERIC_DMY_RE.search(span)
    if m and int(m[1]) <= 12 and int(m[2]) <= 12 and m[1].lstrip("0") != m[2].lstrip("0"):
        return None
    try:
        parsed = _dateparser().parse(span, languages=["en"], settings=DATEPARSER_SETTINGS)
    except (ValueError, OverflowError):  # dateparser raises on a few odd inputs
        return None
    return parsed.date() if parsed is not None else None


def parse_date(text: str) -> datetime.date | None:
    """The full date (day, month, four-digit year) that ``text`` states, read by dateparser: the whole
    string ("Tuesday, 12 March 2024 10:32 GMT", "21/03/2023"), else the first date inside it ("By Ann
    Smith | 12 March 2024"). None for partial, relative or ambiguous dates (module docstring)."""
    text = text.strip(" \t,;:|·•-–—()[]")
    if not text or not _YEAR_RE.search(text):
        return None
    day = _read(text) if len(text) <= 80 else None
    if day is not None:
        return day
    for m in _DATE_SPAN_RE.finditer(text):
        if m.group(0) != text and (day := _read(m.group(0))) is not None:
            return day
    return None


def stamp(line: str) -> tuple[bool, datetime.date | None]:
    """Is ``line`` a "Published 12 March 2024" / "Updated: 10:32 GMT" stamp? -> (is_stamp, published date).

    The date counts as the publication date only after a ``published`` kind of stamp word; a line with
    both ("Updated 22 March 2023 | Published 21 March 2023") gives the published one."""
    m = _STAMP_RE.fullmatch(line)
    if not m or not _STAMP_REST_RE.match(m["rest"]) or len(m["rest"].split()) > 8 \
            or m["rest"].rstrip()[-1:] in ".!?":
        return False, None
    parts = _stamp_parts(m["kind"], m["rest"])
    published = next((day for kind, day in parts if kind == "published" and day is not None), None)
    if published is None and all(day is None for _, day in parts) and not _STAMP_TIME_RE.search(m["rest"]):
        return False, None
    return True, published


def _stamp_parts(kind: str, rest: str) -> list[tuple[str, datetime.date | None]]:
    """(kind, date) of each stamp in a stamp line: the first, and any later one ("…, updated 22 March")."""
    parts, start, kind = [], 0, _STAMP_KIND.get(kind.lower())
    for inner in _INNER_STAMP_RE.finditer(rest):
        if inner.start() == 0:
            continue
        parts.append((kind, parse_date(rest[start:inner.start()])))
        start, kind = inner.end(), _STAMP_KIND.get(inner["kind"].lower())
    parts.append((kind, parse_date(rest[start:])))
    return parts


def metadata_date(value) -> datetime.date | None:
    """The publication date a metadata value states: a ``date``/``datetime`` (YAML front matter), an
    ISO string ("2023-03-21", "2023-03-21T10:00:00+01:00"), or any full date ``parse_date`` reads
    ("Tue, 21 Mar 2023 10:00:00 GMT"). The day is the one written, not converted to UTC. None for
    partial dates ("2023-03", "March 2023"), numbers (epoch seconds are not guessed) and other types."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?", text):
        try:
            return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    return parse_date(text)
