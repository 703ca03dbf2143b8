"""Dates in article text: full dates with a year, "Published …"/"Updated …" stamps, lone date lines.

``published_on`` comes from a "Published …" stamp (``stamp``) or a lone date line above the body
(``LONE_DATE_RE``; both lines are removed), else from a dateline that states a year. Only a full date
with a year counts (``parse_date``: "12 March 2024", "March 12, 2024", "2024-03-12"). Month names are
``data/months.tsv``, weekday openings ``data/weekdays.txt``, stamp words ``data/date_stamps.tsv``.
"""

from __future__ import annotations

import datetime
import re

from newsdesk import lexicon

# A month name, in full or cut ("Sept"): a regex alternation, a month's longer forms first.
MONTH = "(?:" + "|".join(re.escape(form) for form, _ in lexicon.rows("months")) + ")"
_MONTH_NUMBER = {form.lower(): int(number) for form, number in lexicon.rows("months")}
_DATE_RE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTH})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{1,2}})-(?P<d3>\d{{1,2}}))\b"
)
_WEEKDAY = "(?:" + "|".join(re.escape(w) for w in lexicon.ordered("weekdays")) + r")[a-z]*\.?,?"
_TIME = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)"
_STAMP_KIND = lexicon.mapping("date_stamps", lower_keys=True)  # "last updated" -> "updated"
_STAMP_RE = re.compile(
    "(?P<kind>" + "|".join(re.escape(words) for words in _STAMP_KIND) + ")"
    r"(?:\s+(?:on|at))?\s*[:|-]?\s*(?P<rest>.{3,80})", re.I)
# what follows "Published"/"Updated": a date, a weekday, a time or "2 hours ago" comes first
_STAMP_REST_RE = re.compile(rf"(?:\d|{_WEEKDAY}|{MONTH}\b)", re.I)
_STAMP_TIME_RE = re.compile(r"\d{1,2}[:.]\d{2}|\d{4}|\bago\b")
# a header line that is only a date (and time): "Tuesday, 12 March 2024 10:32 GMT"
LONE_DATE_RE = re.compile(
    rf"(?:{_WEEKDAY}\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\.?,?\s+\d{{4}}"
    rf"|{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    rf"(?:\s*[,|·•-]?\s*(?:at\s+)?{_TIME})?(?:\s*[,|·•-]?\s*{_TIME})?",
    re.I)


def parse_date(text: str) -> datetime.date | None:
    """The first full date with a year in ``text`` ("12 March 2024", "March 12, 2024", "2024-03-12")."""
    m = _DATE_RE.search(text)
    if not m:
        return None
    try:
        if m["y1"]:
            return datetime.date(int(m["y1"]), _MONTH_NUMBER[m["m1"].lower()], int(m["d1"]))
        if m["y2"]:
            return datetime.date(int(m["y2"]), _MONTH_NUMBER[m["m2"].lower()], int(m["d2"]))
        return datetime.date(int(m["y3"]), int(m["m3"]), int(m["d3"]))
    except ValueError:
        return None


def stamp(line: str) -> tuple[bool, datetime.date | None]:
    """Is ``line`` a "Published 12 March 2024" / "Updated: 10:32 GMT" stamp? -> (is_stamp, published date).

    The date counts as the publication date only after a ``published`` kind of stamp word."""
    m = _STAMP_RE.fullmatch(line)
    if not m or not _STAMP_REST_RE.match(m["rest"]) or len(m["rest"].split()) > 8 \
            or m["rest"].rstrip()[-1:] in ".!?":
        return False, None
    day = parse_date(m["rest"])
    if day is None and not _STAMP_TIME_RE.search(m["rest"]):
        return False, None
    return True, (day if _STAMP_KIND.get(m["kind"].lower()) == "published" else None)
