"""Find the dateline that opens a paragraph: ``"BEIJING -"``, ``"LOS ANGELES, March 12 (Reuters) -"``.

Forms: ``"BEIJING -"``, ``"MOSCOW:"``, ``"LOS ANGELES, March 12 (Reuters) -"``, ``"WASHINGTON (AP) —"``,
``"ROCHESTER, N.Y., Feb 26 -"``, ``"MANILA, April 1, Reuter -"``. The place is in capitals
(lower-case particles of ``data/place_particles.txt`` allowed: "RIO de JANEIRO") unless an agency or
a date follows it ("Washington (AP) —", "Beijing, March 12 -"); a label of ``data/not_places.txt``
("UPDATE:", "RPT -") is no place. An agency after a comma, without brackets, is one of
``data/dateline_agencies.txt``. A dateline is recorded as place and date, without agency and
separator; the body keeps it (downstream offsets index into the body). Its date gives
``published_on`` when it states a year and no stamp above the body gave one.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from newsdesk import lexicon
from newsdesk.cleaning.dates import MONTH, parse_date

_AGENCY = r"[A-Z][A-Za-z.&/ -]{0,24}"
_AGENCY_AFTER_COMMA = "|".join(re.escape(a) for a in lexicon.ordered("dateline_agencies"))
# Upper-case labels that open a paragraph like a place would ("UPDATE: …", "RPT - …")
_NOT_PLACES = lexicon.words("not_places")
_PARTICLES = "|".join(re.escape(p) for p in lexicon.ordered("place_particles"))
_CAPS_PLACE = rf"(?:[A-Z][A-Z'’.-]+(?:\s(?:[A-Z][A-Z'’.-]*|{_PARTICLES})){{0,3}})"
_TITLE_PLACE = r"(?:[A-Z][a-z'’.-]+(?:\s[A-Z][a-z'’.-]+){0,2})"
_DL_DATE = rf"(?i:{MONTH}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{MONTH}\.?(?:,?\s+\d{{4}})?)"
_SEP = r"(?:\s*[-–—]{1,2}\s+|\s*:\s*)"
# ", Belgium" / ", N.Y." / ", Ontario" after the place (never a month)
_REGION = rf"(?:,\s(?!{MONTH}\b)[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)"
_DATELINE_RE = re.compile(
    # all-caps place, optional region, optional date, optional (agency), then dash or colon
    rf"(?P<place>{_CAPS_PLACE}{_REGION}?)"
    rf"(?:,?\s+(?P<date>{_DL_DATE}))?(?:\s*\((?P<agency>{_AGENCY})\)|,\s(?P<agency_c>{_AGENCY_AFTER_COMMA}))?"
    rf"(?P<sep>{_SEP})(?=\S)"
    # or a title-case place that must carry an agency or a date
    rf"|(?P<place2>{_TITLE_PLACE}{_REGION}?)(?:,?\s+(?P<date2>{_DL_DATE}))?\s*\((?P<agency2>{_AGENCY})\)"
    rf"(?P<sep2>{_SEP})(?=\S)"
    rf"|(?P<place3>{_TITLE_PLACE}{_REGION}?),\s*(?P<date3>{_DL_DATE})(?P<sep3>\s*[-–—]{{1,2}}\s+)(?=\S)"
)


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a paragraph."""

    text: str  # "LOS ANGELES, March 12"
    end: int  # offset in the paragraph where the article text starts
    day: datetime.date | None  # only if the dateline carries a year
    strong: bool  # a date or an agency is part of it: surely a dateline, not a headline with a dash


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening ``paragraph``, or None. The place must be all caps unless an agency or a
    date follows it ("Washington (AP) —", "Beijing, March 12 -"). Labels such as "UPDATE:" are not places."""
    m = _DATELINE_RE.match(paragraph)
    if not m:
        return None
    place = m["place"] or m["place2"] or m["place3"]
    date = m["date"] or m["date2"] or m["date3"]
    first_word = re.split(r"[\s,]", place, maxsplit=1)[0]
    if m["place"] and (first_word.strip(".’'") in _NOT_PLACES or len(place) < 3 and not m["agency"]):
        return None
    text = f"{place}, {date}" if date else place
    strong = bool(date or m["agency"] or m["agency_c"] or m["agency2"])
    return Dateline(text=text, end=m.end(), day=parse_date(date) if date else None, strong=strong)

