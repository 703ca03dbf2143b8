"""Reported numbers ("figures") from a parsed document: money, percentages, counts, quantities.

A rule system over the spaCy ``Doc`` the pipeline already made (no second model pass):

1. surface scan: precompiled regexes, tried only where a candidate can start (each digit run
   with its currency prefix, and tokens that are number words: a hash look-up per token), read
   the number core (numerals, fractions with a unit, spelled numbers, fractions such as
   "two-thirds", vague amounts such as "dozens of"); the scale ("bn", "million", "crore") and a
   unit or currency suffix are read right after the core, from the tables in
   ``newsdesk/data/currencies.tsv`` and ``units.tsv``;
2. filters drop what is not a figure: dates, clock times, bare years, ordinals, phone numbers,
   numbers inside names ("COVID-19", "G7", "Boeing 737", "Group of 20"), "one of", page numbers,
   scores ("18-17"), letters glued to digits ("5G", "3D");
3. the parse gives the counted noun of a bare number ("100,000 troops"), the object a figure
   values ("trade volume … to US$200 billion" -> "trade volume"), and the text around it the
   qualifier ("more than"), the change (NewsQuant convention: "=", "~", ">", "<", "up", "down"),
   the year ("in 2021") and the period ("annually", "a month");
4. ranges ("between 252 and 287 miles", "$1.5 million to $2 million", and NewsQuant's "from X … to
   Y": "from $36,040 at 10.45pm to $34,935" -> low 34935, high 36040) and ratios
   ("one out of three Germans" -> 1/3) are merged; a bare number repeating a neighbour's unit ("rose by
   2 percent … fell by 1") takes it; bracketed conversions ("US$200 billion (S$269 billion)") are
   linked through ``conversion_of``.

:func:`figure_holder` gives who has or reports a figure (the clause subject) for evaluation and a
proposed ``subject`` column; it is not part of the Figure contract.

Limits: English only; "pounds" is a weight unless a scale word precedes it; "m" after a bare
number is metres unless a plural noun follows ("1.5m barrels"); small spelled numbers count only
when they modify a noun ("two mosques"), so "one of …" and pronoun uses are not figures; bare
numbers with no unit or noun are kept only where they stand as a value (object of "to", "at"…).
"Name, 66,", "aged 35", "the age of 21" are ages. Spelled hyphenated durations that classify a
noun ("a two-month contract", "three-month bills") are descriptors, not figures (NewsQuant leaves
them out); digit ones ("a 20-year treaty") stay. "one of the best X" is a count of 1 X
(NewsQuant's convention); a plain "one of" is not. A "from X … to Y" range stores low <= high
(the warehouse's check), so a fall ("from 208 pounds to 193") loses its direction.
Cost is linear in the document: one pass over digits and token hashes, then a few token
look-ups per candidate (about 1-2 ms for a 500-word article, against ~100 ms for the parse).
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from newsdesk.extract.types import Figure

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


# ---------------------------------------------------------------------------------------------
# tables
# ---------------------------------------------------------------------------------------------


def _read_tsv(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file, comments and blank lines skipped."""
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _alternation(surfaces: list[tuple[str, bool]]) -> str:
    """Regex alternation of surfaces (longest first); case-insensitive ones wrapped in (?i:…)."""
    parts = []
    for surface, insensitive in sorted(surfaces, key=lambda s: -len(s[0])):
        esc = re.escape(surface).replace(r"\ ", r"\s+")
        parts.append(f"(?i:{esc})" if insensitive else esc)
    return "|".join(parts)


@dataclass(frozen=True, slots=True)
class _Currency:
    iso: str
    factor: float


@dataclass(frozen=True, slots=True)
class _Unit:
    unit: str
    kind: str


def _key(surface: str, insensitive: bool) -> str:
    """Table key: exact surface, or 'i:' + lower case for case-insensitive entries."""
    surface = " ".join(surface.split())
    return "i:" + surface.lower() if insensitive else surface


def _load_tables():
    prefix: dict[str, _Currency] = {}
    suffix: dict[str, _Currency] = {}
    pre_s, suf_s = [], []
    for surface, iso, position, factor, case in _read_tsv("currencies.tsv"):
        cur = _Currency(iso, float(factor))
        key = _key(surface, case == "i")
        if position in ("prefix", "both"):
            prefix[key] = cur
            pre_s.append((surface, case == "i"))
        if position in ("suffix", "both"):
            suffix[key] = cur
            suf_s.append((surface, case == "i"))
    units: dict[str, _Unit] = {}
    unit_s = []
    for surface, unit, kind, case in _read_tsv("units.tsv"):
        units[_key(surface, case == "i")] = _Unit(unit, kind)
        unit_s.append((surface, case == "i"))
    return prefix, suffix, units, pre_s, suf_s, unit_s


_PREFIX_CUR, _SUFFIX_CUR, _UNITS, _PRE_S, _SUF_S, _UNIT_S = _load_tables()


def _lookup(table: dict, surface: str):
    """Table entry for a matched surface (exact case first, then lower case; spaces collapsed)."""
    s = " ".join(surface.split())
    return table.get(s) or table.get("i:" + s.lower())


# ---------------------------------------------------------------------------------------------
# regexes (compiled once)
# ---------------------------------------------------------------------------------------------

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
_SHORT_SCALES = {"t": 1e12, "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12}

_W = "|".join(sorted([*_SMALL, *_TENS, *_SCALES, "dozen"], key=len, reverse=True))
_WORD = rf"(?:(?:{'|'.join(_TENS)})-(?:one|two|three|four|five|six|seven|eight|nine)|{_W})"
_FIRST = rf"(?:(?:{'|'.join(_TENS)})-(?:one|two|three|four|five|six|seven|eight|nine)|{'|'.join(sorted([*_SMALL, *_TENS], key=len, reverse=True))})"
_SPELLED = (
    rf"(?:(?:a|an|half\s+a|half\s+an)\s+(?:dozen|hundred|thousand|million|billion|trillion)|{_FIRST})"
    rf"(?:(?:\s+and\s+|\s+|-)(?:{_WORD}))*(?:\s+and\s+a\s+half)?"
)
_VAGUE = r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|hundreds|thousands|millions|billions)(?=\s+of\b)"
_FRACTION = (
    r"(?:(?:two|three|four)[- ](?:thirds|fifths|tenths)(?![-\w])"
    r"|(?:one|a)[- ](?:third|fifth|tenth)(?=\s+of\b)"
    r"|(?:one|three|a)[- ]quarters?(?=\s+of\s+(?:the|its|their|his|her|all|[a-z]+s)\b)"
    r"|half(?=\s+of\b)|(?<=\bby\s)(?:(?:a|one)\s(?:third|quarter|fifth|tenth)|half)\b)"
)
_FRACTION_VALUES = {"half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25, "fifth": 0.2,
                    "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
_NUMERAL = r"(?:\d+[ \t-])?\d+/\d+(?!/)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"

_CANDIDATE = re.compile(
    rf"(?:(?P<cur>{_alternation(_PRE_S)})[ \t]?)?(?P<neg>(?<![\w.,-])[-−](?=\d)|\bminus[ -](?=\d))?"
    rf"(?:(?P<num>{_NUMERAL})|(?P<vague>(?i:{_VAGUE}))|(?P<frac>\b(?i:{_FRACTION}))|(?P<words>\b(?i:{_SPELLED})\b))"
)
_SCALE_RE = re.compile(
    r"(?P<sp>[ \t]*(?:\n[ \t]*)?|-)"
    r"(?P<scale>(?i:hundred(?:\s+(?:thousand|million|billion))?|thousand|million|billion|trillion|lakhs?|crores?)"
    r"|mln|bln|mn|bn|tn|trn|Bn|BN|MLN|BLN|Mln|Bln|[mMbBkKT])(?![\w])"
)
_UNIT_RE = re.compile(rf"(?P<sp>[ \t]*(?:\n[ \t]*)?-?|-)(?P<unit>{_alternation(_UNIT_S)})(?![\w%$])")
_SUFFIX_CUR_RE = re.compile(rf"(?P<sp>[ \t]*(?:\n[ \t]*)?)(?P<cur>{_alternation(_SUF_S)})(?![\w])")
_VAGUE_OF_CUR_RE = re.compile(rf"\s+of\s+(?P<cur>{_alternation(_SUF_S)})(?![\w])")

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH_BEFORE = re.compile(rf"(?i:\b(?:{_MONTHS})\.?)\s*$")
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?i:(?:{_MONTHS})\b)")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")
_TIME_AFTER = re.compile(r"^(?::\d\d|\s*(?i:a\.?m\b\.?|p\.?m\b\.?)|\s*(?i:GMT|UTC|EDT|EST|BST|PDT|PST|CET)\b)")
_TIME_BEFORE = re.compile(r"\d[:.]$")
_PHONE = re.compile(r"^\+?\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}")
_LABEL_BEFORE = re.compile(
    r"(?i:\b(?:page|pages|p|pp|section|sections|article|articles|chapter|clause|paragraph|no|nos|number|"
    r"rule|resolution|room|flight|route|line|platform|gate|level|grade|stage|phase|version|season|episode|"
    r"volume|vol|issue|act|part|figure|fig|table|item|unit|apartment|block|district|row|seat|term|game|"
    r"round|week|day|group|class|category|tier|division|league|world\s+war|world\s+cup|region|step)\.?)\s+$"
)
_QUALIFIERS = {
    "more than": ">", "over": ">", "at least": ">", "above": ">", "upwards of": ">", "in excess of": ">",
    "just over": ">", "well over": ">", "no less than": ">", "not less than": ">", "a little over": ">",
    "slightly more than": ">", "greater than": ">", "exceeding": ">", "nearly": "~", "almost": "~",
    "about": "~", "around": "~", "approximately": "~", "roughly": "~", "some": "~", "close to": "~",
    "an estimated": "~", "estimated": "~", "approx.": "~", "circa": "~", "~": "~", "up to": "<",
    "less than": "<", "fewer than": "<", "under": "<", "just under": "<", "below": "<", "at most": "<",
    "no more than": "<", "not more than": "<", "a little under": "<", "slightly less than": "<",
    "as many as": "=", "as much as": "=", "as few as": "=", "as little as": "=", "exactly": "=",
}
_QUAL_ALT = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUALIFIERS, key=len, reverse=True))
_QUAL_RE = re.compile(rf"(?:^|(?<=[^\w]))(?P<q>{_QUAL_ALT})\s*$", re.I)
_UP = (
    r"up|rose|risen|rise|rises|rising|increased|increase|increases|increasing|gained|gain|gains|gaining|"
    r"climbed|climb|climbs|climbing|jumped|jump|jumps|jumping|advanced|advance|advances|added|adds|grew|grown|"
    r"grow|grows|growing|surged|surge|surges|soared|soar|soars|rallied|rebounded|spiked|swelled|expanded|higher|"
    r"upward|upwards"
)
_DOWN = (
    r"down|fell|fall|falls|fallen|falling|dropped|drop|drops|dropping|declined|decline|declines|declining|"
    r"decreased|decrease|decreases|lost|lose|loses|losing|slipped|slip|slips|slid|slide|slides|shed|sheds|plunged|"
    r"plunge|plunges|plummeted|plummeting|tumbled|tumble|tumbles|sank|sink|sinks|eased|ease|eases|slumped|"
    r"slump|slumps|dipped|dip|dips|retreated|contracted|shrank|lower|cut|cuts|reduced|downward|downwards"
)
_CHANGE_RE = re.compile(
    rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))(?:\s+(?:by|of))?\s*(?:(?:{_QUAL_ALT})\s*)?$",
    re.I,
)
_YEAR_AFTER = re.compile(
    r"^[^.;:!?()]{0,30}?\b(?:in|for|during|by|of|through)\s+(?:fiscal\s+|FY\s*|the\s+year\s+)?"
    r"((?:19|20)\d\d)\b(?!\s*[%$])"
)
_RATE_AFTER = re.compile(
    r"^[ \t]*(?:an?|per|each|every)\s+(?P<p>year|month|week|day|hour|quarter|annum|night)\b"
    r"(?!\s+(?:earlier|ago|later|before|after|on|from|back|previously))",
    re.I,
)
_PER_UNIT_AFTER = re.compile(
    r"^[ \t]*(?:an?|per)\s+(?P<u>barrel|ounce|gram|tonne|ton|gallon|litre|liter|share|kilogram|kg|pound|"
    r"square\s+foot|square\s+metre|square\s+meter|sq\s+m|sq\s+ft|mmBTU|MWh|kWh|person|head|capita)\b",
    re.I,
)
_PERIOD_AFTER = re.compile(
    r"^[^.;:!?()]{0,40}?\b(?P<p>annually|yearly|monthly|weekly|daily|a\s+year|per\s+year|per\s+annum|"
    r"(?:this|last|next)\s+(?:year|month|week|quarter)|year[- ]on[- ]year|"
    r"in\s+the\s+(?:first|second|third|fourth|last)\s+(?:(?:two|three)\s+)?(?:quarters?|half|months)"
    r"(?:\s+of\s+(?:this|last|the)\s+year)?)\b"
    r"(?!\s+(?:earlier|ago|later|before|after|back|previously))",
    re.I,
)
_BRACKET_AFTER = re.compile(r"^\s*\([^()]{1,40}\)")
_FROM_BETWEEN = re.compile(r"\b(?:from|between)\s+(?:\S+\s+){0,2}$", re.I)
_RANGE_SEP = re.compile(r"^\s*(?:-|–|—|-?\s*to|and|or)\s*$", re.I)
_COUNT_STOP = frozenset(
    "of one ones other others another more most less times time percent cent year years month months week weeks "
    "day days hour hours minute minutes second seconds decade decades century centuries".split()
)
_NOT_COUNTED = frozenset(
    "am pm a.m. p.m. gmt utc edt est bst % per percent".split()
)
_NAME_LABELS = frozenset({"ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "FAC", "PERSON", "GPE", "NORP", "LOC", "LANGUAGE"})
_OBJECT_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_ORDINAL_WORDS = frozenset(
    "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth "
    "sixteenth seventeenth eighteenth nineteenth hundredth thousandth millionth".split()
)
_TIME_NOUNS = frozenset("year years month months week weeks day days quarter quarters time times decade".split())
_SCORE = re.compile(r"(?<![\d.,])\d{1,3}-\d{1,3}(?![\d.,%])")
_CONTAINER_NOUNS = frozenset("mark level threshold barrier milestone figure range total sum amount".split())


# ---------------------------------------------------------------------------------------------
# numbers
# ---------------------------------------------------------------------------------------------


def _numeral(text: str) -> float:
    """'1,500.5' -> 1500.5; '2 1/2' -> 2.5; '1/4' -> 0.25."""
    if "/" in text:
        whole, _, frac = re.sub(r"[\s-]+", " ", text.strip()).rpartition(" ")
        num, den = frac.split("/")
        return (float(whole) if whole else 0.0) + float(num) / float(den) if float(den) else math.nan
    return float(text.replace(",", ""))


def _spelled_value(text: str) -> float | None:
    """Value of spelled-out numbers ("two hundred and five", "half a million", "a dozen")."""
    total, current, seen = 0.0, 0.0, False
    for w in re.split(r"[\s-]+", text.lower()):
        if w in ("and", "a", "an"):
            continue
        if w == "half":
            current += 0.5
        elif w in _SMALL:
            current += _SMALL[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _vague_range(text: str) -> tuple[float, float]:
    """'dozens' -> 12..120, 'tens of thousands' -> 1e4..1e5, 'millions' -> 1e6..1e7 (NewsQuant)."""
    words = text.lower().split()
    if words[0] == "dozens":
        return 12.0, 120.0
    base = {"hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9}[words[-1]]
    mult = {"tens": 10.0, "hundreds": 100.0}.get(words[0], 1.0) if len(words) > 1 else 1.0
    return base * mult, base * mult * 10


# ---------------------------------------------------------------------------------------------
# the raw candidate
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    num_start: int  # the number core (for token look-ups)
    num_end: int
    value: float
    low: float | None = None
    high: float | None = None
    kind: str | None = None
    unit: str | None = None
    spelled: bool = False
    has_scale: bool = False
    plain_int: bool = False  # digits only, no comma/decimal
    qualifier: str | None = None
    change: str | None = None
    object: str | None = None
    year: int | None = None
    period: str | None = None
    conversion_of: int | None = None


class _Ctx:
    """Per-document look-ups: text, token by character, sentence by character (arrays, no Span objects)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        arr = doc.to_array(["IDX", "SENT_START"]) if len(doc) else None
        self.tok_starts: list[int] = arr[:, 0].tolist() if arr is not None else []
        starts = [self.tok_starts[i] for i, flag in enumerate(arr[:, 1].tolist()) if flag == 1] if arr is not None else []
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        self.sent_starts = starts

    def token_at(self, char: int) -> Token | None:
        i = bisect.bisect_right(self.tok_starts, char) - 1
        return self.doc[i] if i >= 0 else None

    def tokens(self, start: int, end: int) -> list[Token]:
        i = max(bisect.bisect_right(self.tok_starts, start) - 1, 0)
        j = bisect.bisect_left(self.tok_starts, end)
        return [self.doc[k] for k in range(i, j)]

    def sent_index(self, char: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, char) - 1, 0)

    def sent_bounds(self, char: int) -> tuple[int, int]:
        i = self.sent_index(char)
        end = self.sent_starts[i + 1] if i + 1 < len(self.sent_starts) else len(self.text)
        return self.sent_starts[i], end


_SCI_RE = re.compile(r"[ \t]?(?:×[ \t]?10[ \t]?\^?|[xX*][ \t]?10(?:\^|\*\*))[ \t]?(?P<exp>[-−–+]?\d{1,3})(?![\d]|[.,]\d)")
_GLUE_PREFIX = re.compile(r"(?<![\w-])(?:now|sub|over|under|near|nearly|almost|about|around|roughly)$")
_DIGIT = re.compile(r"\.?\d")
_PREFIX_BEFORE = re.compile(rf"(?:(?:{_alternation(_PRE_S)})[ \t]?)?(?:[-−]|minus[ -])?$")
_WORD_TRIGGERS = frozenset([*_SMALL, *_TENS, "half", "dozens", "hundreds", "thousands", "millions", "billions", "tens"])
_AFTER_A = frozenset(["dozen", "hundred", "thousand", "million", "billion", "trillion", "third", "fifth", "tenth", "quarter"])
_TRIGGER_HASHES = frozenset(hash_string(w) for w in _WORD_TRIGGERS)
_A_HASHES = frozenset(hash_string(w) for w in ("a", "an"))
_AFTER_A_HASHES = frozenset(hash_string(w) for w in _AFTER_A)


def _starts(ctx: _Ctx) -> list[tuple[int, int]]:
    """(start, fallback) where a candidate can begin: a digit run's currency prefix or sign (falling back
    to the digit itself) and number words."""
    text = ctx.text
    starts: list[tuple[int, int]] = []
    pos = 0
    for m in _DIGIT.finditer(text):
        s = m.start()
        if s < pos:
            continue
        window_start = max(0, s - 12)
        pm = _PREFIX_BEFORE.search(text, window_start, s)
        starts.append((pm.start() if pm and pm.end() == s and pm.start() < s else s, s))
        e = s + 1
        while e < len(text) and (text[e].isdigit() or text[e] in ",." and e + 1 < len(text) and text[e + 1].isdigit()):
            e += 1
        pos = e
    doc = ctx.doc
    lowers = doc.to_array("LOWER").tolist() if len(doc) else []
    for i, h in enumerate(lowers):  # hash look-ups: no Token objects for ordinary words
        if h in _TRIGGER_HASHES or (h in _A_HASHES and i + 1 < len(lowers) and lowers[i + 1] in _AFTER_A_HASHES):
            starts.append((ctx.tok_starts[i], ctx.tok_starts[i]))
    return sorted(set(starts))


def _scan(ctx: _Ctx) -> list[_Cand]:
    """Surface candidates in text order (filters for non-figures applied)."""
    text = ctx.text
    out: list[_Cand] = []
    last_end = 0
    for start, fallback in _starts(ctx):
        if start < last_end:
            if fallback >= last_end:
                start = fallback
            else:
                continue  # inside the previous figure ("billion" of "US$200 billion")
        m = _CANDIDATE.match(text, start)
        if m is None and fallback != start:
            m = _CANDIDATE.match(text, fallback)
        if m is None:
            continue
        cand = _read_candidate(ctx, m)
        if cand is not None:
            last_end = cand.end
            out.append(cand)
    return out


def _read_candidate(ctx: _Ctx, m: re.Match) -> _Cand | None:
    text = ctx.text
    core_group = next(g for g in ("num", "vague", "frac", "words") if m.group(g))
    start, core_start = m.start(), m.start(core_group)
    before = text[max(0, start - 40):start]
    cur = _lookup(_PREFIX_CUR, m.group("cur")) if m.group("cur") else None
    if m.group("num"):
        raw = m.group("num")
        # left boundary: "COVID-19", "F-35", "G7", "A4", "x2"; a currency symbol is fine
        prev = text[core_start - 1] if core_start > 0 else " "
        if not m.group("cur") and not m.group("neg"):
            glued = prev in "-–" and core_start > 1 and text[core_start - 2].isalpha()
            if glued and _GLUE_PREFIX.search(text, max(0, core_start - 12), core_start - 1):
                glued = False  # "sub-7 nanometer", "her now-18 month-old daughter"
            if prev.isalnum() or prev in "_#@/\\" or glued:
                return None
            if prev == "." and core_start > 1 and text[core_start - 2].isdigit():
                return None
        if m.group("cur") and m.group("cur")[0].isalpha() and start > 0 and text[start - 1].isalnum():
            return None  # "ABCRM5": currency code glued inside a word
        value = _numeral(raw)
        if not math.isfinite(value):
            return None
        cand = _Cand(start, m.end(), core_start, m.end(), value, plain_int=raw.isdigit())
        sci = _SCI_RE.match(text, m.end())
        if sci:  # "1.99×10−30", "6.02 x 10^23": one number, not three
            exp = sci.group("exp").replace("−", "-").replace("–", "-")
            cand.value = value = float(f"{value}e{exp}")
            cand.end = cand.num_end = sci.end()
            cand.plain_int, cand.has_scale = False, True
        if m.group("neg"):
            prev_word = re.search(r"(\S+)\s*$", text[max(0, start - 30):start])
            if prev_word and prev_word.group(1)[:1].isupper():
                return None  # "COVID -19"
            cand.value = -value
    elif m.group("frac"):
        if m.group("cur"):
            return None
        words = re.split(r"[- ]", m.group("frac").lower())
        num = 1.0 if len(words) == 1 else float(_SMALL.get(words[0], 1))
        cand = _Cand(start, m.end(), core_start, m.end(), num * _FRACTION_VALUES[words[-1]], kind="ratio", spelled=True)
        return cand
    elif m.group("vague"):
        low, high = _vague_range(m.group("vague"))
        cand = _Cand(start, m.end(), core_start, m.end(), (low + high) / 2, low, high, spelled=True)
    else:
        value = _spelled_value(m.group("words"))
        if value is None:
            return None
        cand = _Cand(start, m.end(), core_start, m.end(), value, spelled=True)
        if re.search(r"(?i:hundred|thousand|million|billion|trillion|dozen)\W*$", m.group("words")):
            cand.has_scale = True
    if cur is None and m.group("cur"):
        return None

    pos = cand.end
    after = text[pos:pos + 40]
    # ---- not figures, judged on the surface ----
    if m.group("num"):
        if re.match(r"/\d", after):
            return None
        if (
            _ORDINAL_AFTER.match(after) or _TIME_AFTER.match(after)
            or _TIME_BEFORE.search(text[max(0, core_start - 2):core_start])
        ):
            return None
        if _PHONE.match(text[core_start:core_start + 20]) and not cur:
            return None
        if not cur and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)):
            return None
        if not cur and _LABEL_BEFORE.search(before):
            return None
    # ---- scale ----
    sm = _SCALE_RE.match(text, pos)
    if sm and m.group("num"):
        scale_word = sm.group("scale")
        short = scale_word.lower() in _SHORT_SCALES and scale_word.lower() not in _SCALES
        attached = sm.group("sp") == ""
        take = True
        if short:
            if not attached and scale_word.lower() not in ("bn", "mn", "mln", "bln", "tn", "trn"):
                take = cur is not None and scale_word in ("m", "M", "b", "B", "k", "K")
                take = take and scale_word.lower() != "k"  # "$5 k" is rare; "$5k" is attached
            elif scale_word.lower() in ("m", "b", "k", "t") and cur is None:
                # "37m" is metres, "1.5m barrels" millions: decided below from the next word
                nxt = ctx.token_at(sm.end() + 1) if sm.end() < len(text) else None
                take = scale_word == "M" or (
                    scale_word == "m" and nxt is not None and nxt.idx > sm.end() - 1 and _plural_follows(ctx, nxt)
                ) or (scale_word.lower() in ("m", "b", "bn") and _SUFFIX_CUR_RE.match(text, sm.end()) is not None)
        if take:
            factor = 1.0
            for word in scale_word.lower().split():
                factor *= _SCALES.get(word) or _SHORT_SCALES[word]
            cand.value *= factor
            cand.has_scale = True
            cand.end = pos = sm.end()
            after = text[pos:pos + 40]
    if m.group("vague") and not cur:
        vm = _VAGUE_OF_CUR_RE.match(text, pos)
        if vm:
            c = _lookup(_SUFFIX_CUR, vm.group("cur"))
            if c:
                cand.kind, cand.unit, cand.end = "money", c.iso, vm.end()
                cand.value, cand.low, cand.high = cand.value * c.factor, cand.low * c.factor, cand.high * c.factor
                return cand
    # ---- currency or unit after ----
    if cur is not None:
        if m.group("cur") == "PS" and cand.plain_int and cand.value < 10 and not cand.has_scale:
            return None  # "PS5" is a games console
        cand.kind, cand.unit = "money", cur.iso
        cm = _SUFFIX_CUR_RE.match(text, pos)  # "US$5 million dollars", "$76 US" is left alone
        if cm and cm.group("cur").lower() in ("dollars", "dollar"):
            cand.end = cm.end()
        return cand
    cm = _SUFFIX_CUR_RE.match(text, pos)
    um = _UNIT_RE.match(text, pos)
    if cm and (not um or cm.end() >= um.end()):
        surface = cm.group("cur")
        c = _lookup(_SUFFIX_CUR, surface)
        if c and _currency_suffix_ok(ctx, cand, cm):
            cand.kind, cand.unit, cand.end = "money", c.iso, cm.end()
            cand.value *= c.factor
            return cand
    if m.group("num") and "/" in m.group("num") and not (um and _lookup(_UNITS, um.group("unit"))):
        return None  # a fraction without a unit: date ("9/11") or score
    if um:
        u = _lookup(_UNITS, um.group("unit"))
        if u and _unit_ok(ctx, cand, um, u):
            if um.group("unit").lower().startswith("pound") and _pounds_are_money(ctx, cand, um):
                cand.kind, cand.unit = "money", "GBP"  # "2 billion pounds", "paid 450,000 pounds"
            else:
                cand.kind, cand.unit = u.kind, u.unit
            cand.end = um.end()
            return cand
    if text[cand.end:cand.end + 1].isalpha():
        return None  # letters glued to the number: "5G", "3D", "737MAX", "5T"
    return cand


_MONEY_CONTEXT = re.compile(
    r"\b(?:paid|pay|pays|paying|cost|costs|costing|worth|spent|spend|spends|spending|fined|fine\s+of|earn|earns|"
    r"earned|earning|salary|wage|wages|price|priced|sold\s+for|bought\s+for|fee|fees|charged|donated|owed|owes|"
    r"debt|debts|loan|compensation|awarded|prize|budget|bill|tax|taxes|bonus|deal|funding|investment|"
    r"revenue|profit|profits|loss|losses|turnover|sterling)\b[^.;:!?]{0,30}$",
    re.I,
)


def _pounds_are_money(ctx: _Ctx, cand: _Cand, um: re.Match) -> bool:
    """'pounds' after a number: money with a scale word ("2 billion pounds") or a money word shortly
    before ("paid 450,000 pounds", "a fine of 5,000 pounds"), else a weight ("lost 20 pounds",
    "2,000 pounds of explosives", "a 200-pound man")."""
    if cand.spelled or um.group("sp").strip(" \t") == "-":
        return False
    if cand.has_scale:
        return True
    text = ctx.text
    if re.match(r"\s+of\b", text[um.end():um.end() + 4]):
        return False
    return _MONEY_CONTEXT.search(text[max(0, cand.start - 50):cand.start]) is not None


def _plural_follows(ctx: _Ctx, tok: Token) -> bool:
    """A plural noun (not a unit) starts at ``tok`` or after at most two adjectives/nouns."""
    doc = ctx.doc
    for j in range(tok.i, min(tok.i + 3, len(doc))):
        t = doc[j]
        if t.tag_ in ("NNS", "NNPS"):
            return True
        if t.tag_ not in ("JJ", "NN", "VBN", "HYPH"):
            return False
    return False


def _currency_suffix_ok(ctx: _Ctx, cand: _Cand, cm: re.Match) -> bool:
    """Guards for ambiguous currency words after a number ("won", "p", "sen", "dong")."""
    surface = cm.group("cur")
    if surface == "won" and not cand.has_scale:
        return False  # "they won", "10 won"? only "5 billion won"
    if surface in ("p", "sen") and (cm.group("sp") not in ("", " ") or cand.spelled):
        return False
    if surface == "p":
        nxt = ctx.text[cm.end():cm.end() + 3]
        if nxt.startswith(".m") or nxt.startswith(".M"):
            return False  # "4 p.m."
    return True


def _unit_ok(ctx: _Ctx, cand: _Cand, um: re.Match, u: _Unit) -> bool:
    """Guards for short or ambiguous unit surfaces."""
    surface = um.group("unit")
    sp = um.group("sp")
    if len(surface) <= 2 and surface.isalpha() and sp.strip(" \t") not in ("", "-"):
        return False
    if surface in ("C", "F", "W", "V", "g", "m", "PS") and sp not in ("", " "):
        return False
    if surface in ("C", "F") and ctx.text[um.end():um.end() + 1] in ("-", "."):
        return False  # "F-35", "C."
    if surface in ("second",) and cand.spelled:
        return False
    if u.kind == "duration" and surface.lower() in ("second",):
        return sp != ""
    return True


# ---------------------------------------------------------------------------------------------
# parse-based decisions
# ---------------------------------------------------------------------------------------------


def _core_token(ctx: _Ctx, cand: _Cand) -> Token | None:
    """Last token of the number and its scale word ("billion" of "2.2 billion users")."""
    end = cand.num_end
    if cand.kind is None:
        end = cand.end
    toks = [t for t in ctx.tokens(cand.num_start, end) if t.idx < end]
    return toks[-1] if toks else None


def _in_name(ctx: _Ctx, cand: _Cand, tok: Token) -> bool:
    """Number inside a named entity ("Boeing 737", "Group of 20", "Windows 10") or right after a proper noun."""
    if tok.ent_type_ in _NAME_LABELS:
        return True
    prev = ctx.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.tag_ in ("NNP", "NNPS") and cand.plain_int and prev.idx + len(prev.text) >= cand.num_start - 1:
        return prev.ent_type_ != "DATE" and prev.text not in ("US", "U.S.")
    return False


def _model_number(ctx: _Ctx, cand: _Cand, tok: Token) -> bool:
    """'737 Max jets', '911 Carrera': a 3+ digit integer glued before a capitalised name word is a model."""
    doc = ctx.doc
    if not cand.plain_int or cand.has_scale or cand.value < 100 or tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    return nxt.tag_ == "NNP" and nxt.text[:1].isupper() and nxt.ent_type_ not in ("NORP", "GPE") and not nxt.is_sent_start


def _counted_noun(ctx: _Ctx, cand: _Cand, tok: Token) -> Token | None:
    """The noun a bare number counts ("100,000 troops", "dozens of people", "one count of fraud")."""
    doc = ctx.doc
    if cand.spelled and tok.text.lower() in ("dozens", "hundreds", "thousands", "millions", "billions"):
        for c in tok.children:
            if c.dep_ == "prep" and c.text.lower() == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and p.tag_ in ("NNS", "NNPS", "NN", "NNP"):
                        return p
        j = tok.i + 2
        return doc[j] if j < len(doc) and doc[j].tag_ in ("NNS", "NNPS") else None
    head = tok.head
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if cand.spelled and tok.text[:1].isupper() and not tok.is_sent_start and nxt is not None and nxt.text[:1].isupper():
        return None  # "the RBS Six Nations", "Five Eyes"
    if tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.i > tok.i and head.tag_ in ("NNS", "NNPS", "NN"):
        if head.i - tok.i <= 4 and head.text.lower() not in _COUNT_STOP and head.ent_type_ not in ("DATE", "TIME"):
            return head
    # the parse missed it: adjectives/compounds then a plural noun right after
    j = tok.i + 1
    while j < len(doc) and j - tok.i <= 3 and doc[j].tag_ in ("JJ", "JJR", "JJS", "VBN", "VBG", "NN", "HYPH"):
        if doc[j].tag_ == "NN" and j + 1 < len(doc) and doc[j + 1].tag_ not in ("NNS", "NN"):
            break
        j += 1
    if j < len(doc) and doc[j].tag_ in ("NNS", "NNPS") and doc[j].text.lower() not in _COUNT_STOP:
        if doc[j].ent_type_ not in ("DATE", "TIME") and not cand.spelled:
            return doc[j]
    return None


def _phrase(tok: Token, taken: set[int] = frozenset()) -> tuple[int, int]:
    """Character span of a noun with its adjacent compound/adjective modifiers (figures excluded)."""
    start = tok
    for left in reversed(list(tok.lefts)):
        if left.i in taken:
            break
        if left.i == start.i - 1 and left.dep_ in _OBJECT_DEPS and left.tag_ not in ("CD", "$", "PRP$", "DT"):
            start = left
        elif left.i == start.i - 1 and left.dep_ == "punct" and left.text in "-":
            start = left
        else:
            break
    return start.idx, tok.idx + len(tok.text)


def _is_noun(tok: Token) -> bool:
    return tok.tag_ in ("NN", "NNS", "NNP", "NNPS")


def _object_token(ctx: _Ctx, cand: _Cand, taken: set[int]) -> Token | None:
    """What a money/percent/quantity figure values, from the dependency parse (None when unclear)."""
    toks = [t for t in ctx.tokens(cand.start, cand.end) if t.idx < cand.end]
    if not toks:
        return None
    inside = {t.i for t in toks}
    # "X of Y": "60 per cent of its revenue", "10 billion cubic m of natural gas"
    for t in toks:
        for c in t.children:
            if c.dep_ == "prep" and c.text.lower() == "of" and c.i not in inside and c.i > toks[-1].i - 1:
                for p in c.children:
                    if p.dep_ == "pobj" and _is_noun(p) and p.ent_type_ not in ("DATE", "MONEY", "PERCENT", "CARDINAL"):
                        return p
                    if p.dep_ == "pobj" and cand.kind == "ratio" and _is_noun(p) and p.ent_type_ == "CARDINAL":
                        return p  # "two-thirds of the combined 4.3M digital and physical sales"
    if cand.kind == "ratio" and re.match(r"\s+of\b", ctx.text[cand.end:cand.end + 4]):
        return None  # "half of which": the whole is not a noun
    root = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[-1])
    node = root
    for _ in range(6):
        dep, head = node.dep_, node.head
        if head.i == node.i:
            return None
        modifies_noun = dep in ("nummod", "compound", "amod", "nmod", "quantmod") and _is_noun(head)
        if modifies_noun and head.i > node.i and head.i not in taken:
            if head.text.lower() in _CONTAINER_NOUNS or head.text.lower() in _TIME_NOUNS:
                node = head  # "passed the US$100 billion mark": the object is what passed it
                continue
            return head  # "a 0.6 per cent fee", "a $150,000 contract"
        if dep in ("appos",) and head.i in inside:
            return None
        if dep == "pobj" and head.dep_ == "prep":
            prep = head
            if prep.text.lower() in ("of", "worth") and _is_noun(prep.head) and prep.head.i not in taken:
                return prep.head  # "a fine of $10 million"
            node = prep
            continue
        if dep in ("prep", "advmod", "npadvmod", "dobj", "attr", "oprd", "appos", "conj", "pobj", "dep", "acomp", "nsubj"):
            if head.tag_.startswith("VB") or head.dep_ == "ROOT" or _predicative_adj(head):
                return _verb_object(head, inside | taken)
            node = head
            continue
        if dep in ("nummod", "compound", "npadvmod") and head.tag_ == "JJ" and head.i > node.i:
            node = head  # "0.03 millimeter slim", "90 miles wide": the adjective's subject is measured
            continue
        return None
    return None


def _predicative_adj(tok: Token) -> bool:
    """An adjective with its own subject: "a grant worth up to $8 million" (grant <- worth)."""
    return tok.tag_ == "JJ" and any(c.dep_ in _SUBJECT_DEPS for c in tok.children)


def _verb_object(verb: Token, inside: set[int]) -> Token | None:
    """Direct object of the valuing verb if it is not the figure, else its subject; climbs through
    clauses ("guidance for the quarter ended December to US$84bn" -> "guidance") for a few steps."""
    v = verb
    for _ in range(5):
        if v.tag_.startswith("VB") or v.dep_ == "ROOT" or _predicative_adj(v):
            for c in v.children:
                if (
                    c.dep_ == "dobj" and c.i not in inside and _is_noun(c) and c.text.lower() not in _TIME_NOUNS
                    # "passed the $100 billion mark": a container noun holding the figure is not its object
                    and not (c.text.lower() in _CONTAINER_NOUNS and any(t.i in inside for t in c.subtree))
                    and c.ent_type_ not in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY")
                ):
                    return c
            for c in v.children:
                if c.dep_ in _SUBJECT_DEPS and c.i not in inside:
                    if _is_noun(c):
                        return c
                    if c.tag_ in ("WDT", "WP") and v.dep_ == "relcl" and _is_noun(v.head):
                        return v.head  # "the country that is about 90 miles wide"
                    return None
        if v.dep_ == "relcl" and _is_noun(v.head):
            return v.head
        if v.head.i == v.i:
            break
        v = v.head
    return None


_HOLDER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def figure_holder(doc: Doc, fig: Figure) -> str | None:
    """Who or what has, does or reports the figure: the subject of the clause the figure is in
    ("Ford, which has 13,000 workers" -> "Ford"; "Dell plans to lay off 6,650 employees" -> "Dell"),
    or the possessor of a counted noun ("Dell's 6,650 employees" -> "Dell").

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
    # a counted or measured noun with a possessor: "Dell's 6,650 employees"
    if root.head.i not in inside and _is_noun(root.head):
        for c in root.head.children:
            if c.dep_ == "poss" and c.tag_ not in ("PRP$", "WP$"):
                return _holder_text(doc, c, inside)
    node = root
    for _ in range(6):
        if node.tag_.startswith("VB") or node.dep_ == "ROOT":
            for c in node.children:
                if c.dep_ in _SUBJECT_DEPS and c.i not in inside:
                    if c.tag_ in ("WDT", "WP") and node.dep_ == "relcl" and _is_noun(node.head):
                        return _holder_text(doc, node.head, inside)  # "Ford, which has …"
                    if c.tag_ == "PRP" and node.dep_ in ("ccomp", "xcomp", "advcl", "conj"):
                        break  # "Jyske Bank announced that it will charge …": try the main clause's subject
                    if c.tag_ in ("PRP", "WDT", "WP", "EX", "DT") or not _is_noun(c):
                        return None
                    return _holder_text(doc, c, inside)
            if node.dep_ == "relcl" and _is_noun(node.head) and node.head.i not in inside:
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


# ---------------------------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------------------------


def extract_figures(doc: Doc) -> list[Figure]:
    """All figures of ``doc`` in text order; ``conversion_of`` indexes into the returned list."""
    ctx = _Ctx(doc)
    cands = _merge_ratios(ctx, _merge_ranges(ctx, _scan(ctx)))
    kept: list[_Cand] = []
    for cand in cands:
        if _finite(cand) and (_elliptical_unit(ctx, kept[-1] if kept else None, cand) or _classify(ctx, cand)):
            kept.append(cand)
    taken = {t.i for cand in kept for t in ctx.tokens(cand.start, cand.end) if t.idx < cand.end}
    for cand in kept:
        _context(ctx, cand, taken)
    _elliptical_changes(ctx, kept)
    _link_conversions(ctx, kept)
    figures = []
    for cand in kept:
        text = ctx.text[cand.start:cand.end]
        figures.append(
            Figure(
                start_char=cand.start, end_char=cand.end, text=text, kind=cand.kind or "other",
                sentence_index=ctx.sent_index(cand.start), value=cand.value, value_low=cand.low,
                value_high=cand.high, unit=cand.unit, qualifier=cand.qualifier, change=cand.change,
                object=cand.object, year=cand.year, period=cand.period, conversion_of=cand.conversion_of,
            )
        )
    return figures


_BY_END = re.compile(r"\bby\s+$", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:\S+\s+)?$", re.I)


def _elliptical_unit(ctx: _Ctx, prev: _Cand | None, cand: _Cand) -> bool:
    """A bare numeral that repeats the previous figure's unit without writing it: "DAX rose by 2 percent
    but Nasdaq fell by 1" (both after "by"), "from about 14-18 mpg to 24" (right after "from X to").
    Takes the unit and kind of ``prev``; True when it did (the figure is kept)."""
    if prev is None or cand.kind is not None or cand.spelled or cand.low is not None or prev.kind in (None, "count"):
        return False
    if prev.kind in ("age", "ratio", "multiple") or ctx.sent_index(prev.start) != ctx.sent_index(cand.start):
        return False
    if _year_like(cand):
        return False
    text = ctx.text
    gap = text[prev.end:cand.start]
    parallel_by = (
        _BY_END.search(gap[-6:]) is not None and len(gap) <= 40
        and _BY_END.search(text[max(0, prev.start - 6):prev.start]) is not None
    )
    from_to = re.fullmatch(r"\s+to\s+", gap) is not None and _FROM_BEFORE.search(text[max(0, prev.start - 25):prev.start])
    if not (parallel_by or from_to):
        return False
    tok = _core_token(ctx, cand)
    if tok is None or _counted_noun(ctx, cand, tok) is not None or _in_name(ctx, cand, tok):
        return False  # "rose by $5 million, helped by 3 new stores"
    cand.kind, cand.unit = prev.kind, prev.unit
    return True


def _finite(cand: _Cand) -> bool:
    """Value, low and high are finite numbers ("9" * 400 overflows to inf)."""
    return all(v is None or math.isfinite(v) for v in (cand.value, cand.low, cand.high))


def _classify(ctx: _Ctx, cand: _Cand) -> bool:
    """Decide kind/object for unit-less numbers and drop non-figures; True to keep."""
    tok = _core_token(ctx, cand)
    if tok is None:
        return False
    if cand.kind is None and cand.spelled and cand.low is None and cand.value == 1 and tok.text.lower() in ("one", "an", "a"):
        return _count_one(ctx, cand, tok)
    if cand.kind in ("money", "percent", "percentage_point", "quantity", "ratio"):
        return True
    if cand.kind == "duration" and _year_like(cand) and ctx.text[cand.num_end:cand.end].strip(" -").lower() == "year":
        return False  # "the 1986 year": a year, not 1986 years
    if cand.kind in ("duration", "age", "multiple"):
        if cand.spelled and tok.text.lower() == "one" and cand.kind == "multiple":
            return False
        if cand.kind == "duration" and _spelled_descriptor(ctx, cand):
            return False
        return True
    if cand.plain_int and cand.low is None and _SCORE.search(ctx.text[max(0, cand.num_start - 4):cand.num_end + 4]):
        return False  # unit-less integers joined by a hyphen are scores: "18-17 defeat", "a 5-1 win"
    if _apposed_age(ctx, cand, tok):
        cand.kind, cand.unit = "age", "year"  # "Joe Maddon, 66, said": the person is the object
        s, e = _phrase(ctx.doc[tok.i - 2])
        cand.object = ctx.text[s:e]
        return True
    if _age_phrase(ctx, cand):
        cand.kind, cand.unit = "age", "year"  # "over the age of 21", "aged 35"
        return True
    # unit-less: drop years ("in 2021", "between 1600 and 1900", "2004 results") unless a qualifier
    # makes a count of them ("more than 1000 customers"); small numbers the NER calls a date or time
    if _year_like(cand):
        # "2004 results" is a year; "more than 1000 customers" a count (a qualifier says so)
        head = tok.head
        qualified = _QUAL_RE.search(ctx.text[max(0, cand.start - 25):cand.start]) is not None
        if not (qualified and tok.dep_ == "nummod" and head.i == tok.i + 1 and head.tag_ == "NNS"):
            return False
    if tok.ent_type_ in ("DATE", "TIME", "ORDINAL") and cand.plain_int and cand.value <= 31 and cand.low is None:
        return False
    if _in_name(ctx, cand, tok) or _model_number(ctx, cand, tok):
        return False
    noun = _counted_noun(ctx, cand, tok)
    if noun is not None:
        if noun.text.lower() in _NOT_COUNTED or (len(noun.text) == 1 and noun.text.isupper()):
            return False  # "4 pm", "1.3 A/cm2": a unit or a letter is not a counted thing
        cand.kind = "count"
        s, e = _phrase(noun)
        cand.object = (ctx.text[s:e] if s >= cand.end else noun.text).lstrip("-– ")
        return True
    part = _part_of(ctx, cand, tok)
    if part is not None:
        cand.kind = "count"  # "five of its last six games", "20 of the 27 member states"
        s, e = _phrase(part)
        cand.object = ctx.text[s:e]
        return True
    if cand.spelled and not cand.has_scale and cand.low is None:
        return False  # "the two", "one of", pronoun uses
    if cand.low is not None:
        cand.kind = "count" if cand.spelled else "other"  # "dozens" alone; "from 240 to 273"
        return True
    # a bare numeral standing as a value ("rose 8% to 3.65", "estimates of 64,900")
    standing = tok.dep_ in ("pobj", "dobj", "attr", "appos", "conj", "npadvmod") and tok.tag_ == "CD"
    # "at 2483805": too big for a year, a label or a score; not after "to" ("text GOODPUB to 85130")
    big = cand.plain_int and cand.value >= 10000 and tok.head.text.lower() in ("at", "of", "with", "from", "than")
    if (standing and (big or not cand.plain_int)) or cand.has_scale:
        cand.kind = "other"
        return True
    return False


_DESCRIPTOR = re.compile(r"-(?:year|month|week|day)$", re.I)


def _spelled_descriptor(ctx: _Ctx, cand: _Cand) -> bool:
    """'a two-month contract', 'its three-year growth forecast': a spelled hyphenated duration that
    classifies the next noun is a descriptor, not a reported figure (NewsQuant leaves it out); a
    digit one ("a 20-year treaty") or one set off by a comma ("a five-year, 1.8 billion-mile journey") stays."""
    if not cand.spelled or cand.low is not None or not _DESCRIPTOR.search(ctx.text[cand.start:cand.end]):
        return False
    nxt = ctx.token_at(cand.end + 1)
    return nxt is not None and nxt.idx > cand.end and (nxt.tag_ in ("NN", "NNS", "JJ", "$", "VBN") or nxt.text[:1] in "$£€")


def _apposed_age(ctx: _Ctx, cand: _Cand, tok: Token) -> bool:
    """'<Person>, 66,' — a small integer set off by commas right after a person's name is an age."""
    if not cand.plain_int or cand.low is not None or not 1 <= cand.value <= 120:
        return False
    doc = ctx.doc
    if tok.i < 2 or tok.i + 1 >= len(doc) or doc[tok.i - 1].text != "," or doc[tok.i + 1].text not in (",", ")"):
        return False
    name = doc[tok.i - 2]
    # the small model often calls a bare surname a place ("Maddon, 66,")
    return name.ent_type_ == "PERSON" or (name.tag_ == "NNP" and name.ent_type_ in ("", "GPE") and name.text[:1].isupper())


_AGE_BEFORE = re.compile(r"\b(?:aged|ages|age\s+of|age|turned|turns|turning)\s+$", re.I)


def _age_phrase(ctx: _Ctx, cand: _Cand) -> bool:
    """'the age of 21', 'aged 35', 'ages 18 to 24', 'she turned 30 last week': a bare integer after an
    age word, not followed by a noun it counts ("turned 30 players away")."""
    if not cand.plain_int or cand.value > 120 or (cand.low is not None and cand.high > 120):
        return False
    if _AGE_BEFORE.search(ctx.text[max(0, cand.start - 12):cand.start]) is None:
        return False
    nxt = ctx.token_at(cand.end + 1)
    return nxt is None or nxt.idx <= cand.end or nxt.tag_ not in ("NNS", "NN", "NNPS")


def _year_like(cand: _Cand) -> bool:
    """A bare 4-digit integer between 1000 and 2100 (both ends for a range)."""
    if cand.spelled or not cand.plain_int or cand.has_scale:
        return False
    values = (cand.low, cand.high) if cand.low is not None else (cand.value,)
    return all(v is not None and 1000 <= v <= 2100 and float(v).is_integer() for v in values)


def _count_one(ctx: _Ctx, cand: _Cand, tok: Token) -> bool:
    """'one' counts only as 'one <noun>' ("one count of wire fraud"), never 'one of', 'one China'."""
    doc = ctx.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.text.lower() == "of":
        return _one_of_superlative(ctx, cand, tok)
    if nxt is None or nxt.text.lower() in ("another", "day", "time", "way", "thing") or nxt.tag_ in ("NNP", "NNPS"):
        return False
    if nxt.text.lower() in _ORDINAL_WORDS or nxt.text.lower().endswith("ieth"):
        return False
    if tok.dep_ != "nummod" or tok.head.i != nxt.i or nxt.tag_ != "NN":
        return False
    cand.kind = "count"
    cand.object = nxt.text
    return True


def _part_of(ctx: _Ctx, cand: _Cand, tok: Token) -> Token | None:
    """'N of the/its … <plural noun>' (N >= 2, a whole number): the plural noun N of which are counted
    ("two of the victims", "five of its last six games"); None for "two of them", "5 of the best"."""
    doc = ctx.doc
    if cand.low is not None or cand.has_scale or cand.value < 2 or not float(cand.value).is_integer():
        return None
    j = tok.i + 1
    if j + 2 >= len(doc) or doc[j].text.lower() != "of" or doc[j + 1].tag_ not in ("DT", "PRP$"):
        return None
    for k in range(j + 2, min(j + 7, len(doc))):
        t = doc[k]
        if t.tag_ in ("NNS", "NNPS") and t.ent_type_ not in ("DATE", "TIME"):
            return t if t.text.lower() not in _COUNT_STOP else None
        if t.tag_ not in ("JJ", "JJS", "JJR", "NN", "NNP", "VBN", "VBG", "HYPH", "CD", "RB"):
            return None
    return None


def _one_of_superlative(ctx: _Ctx, cand: _Cand, tok: Token) -> bool:
    """'one of the best wireless speakers', 'one of the most spectacular catches': NewsQuant counts these
    as 1 of the noun; plain 'one of the leaders', 'one of them' stay out (a superlative is required)."""
    doc = ctx.doc
    j = tok.i + 2
    if j >= len(doc) or doc[j].tag_ not in ("DT", "PRP$"):
        return False
    seen_sup = False
    for k in range(j + 1, min(j + 6, len(doc))):
        t = doc[k]
        if t.tag_ in ("JJS", "RBS"):
            seen_sup = True
        elif t.tag_ in ("NNS", "NNPS") and seen_sup and t.ent_type_ == "":
            cand.kind = "count"
            s, e = _phrase(t)
            cand.object = ctx.text[s:e]
            return True
        elif t.tag_ not in ("JJ", "NN", "VBN", "VBG", "HYPH", "RB"):
            return False
    return False


def _range_ok(ctx: _Ctx, a: _Cand, b: _Cand) -> bool:
    """Is "a <sep> b" one range? ("between 252 and 287 miles", "$3bn to $5bn", "5-10W", "three or four years")."""
    text = ctx.text
    sep = text[a.end:b.start]
    if not _RANGE_SEP.match(sep) or a.low is not None or b.low is not None:
        return False
    if _year_like(a) != _year_like(b):
        return False  # "in 2023 to 126 trillion yuan"
    if not (a.kind is None or (a.kind == b.kind and a.unit == b.unit)):
        return False
    word = sep.strip().lower()
    lead = text[max(0, a.start - 20):a.start]
    fb = _FROM_BETWEEN.search(lead)
    if word == "and":
        return fb is not None and "between" in fb.group(0).lower()
    if b.kind is None and fb is None and not b.has_scale:
        return False  # two bare numbers: only "from/between X to Y" ("1 to 2 thousand" is fine)
    if word in ("-", "–", "—"):
        return True  # b has a unit here ("5-10W", "14-18 mpg"); bare "2-0" needed from/between above
    if word == "or":
        return a.kind is None and a.value < b.value and a.spelled == b.spelled
    # "to": "from $1m to $2m", "1 to 1.5 degrees"; not "rose 5% to 7%", "grew by 1.2 million to 67
    # million" (a change then a level: the first end writes its own unit or scale)
    if fb is None and (a.kind is not None or a.has_scale) and _CHANGE_RE.search(text[max(0, a.start - 40):a.start]):
        return False
    return fb is not None or a.value < b.value


_FROM_DIRECT = re.compile(rf"\bfrom\s+(?:(?:{_QUAL_ALT})\s+)?$", re.I)
_SENT_BREAK = re.compile(r"[a-z\d]\.\s")  # "U.S. per barrel" is not a break
_FROM_GAP = re.compile(r"[^;:!?()\n]{0,45}?\bto\s*$", re.I)


def _gapped_from_to(ctx: _Ctx, cands: list[_Cand], i: int) -> int | None:
    """Index of the 'to' end of "from $36,040 at 10.45pm last night to $34,935", "from 20 mpg in 2008 to
    29 mpg", "from 208 pounds to 193" (NewsQuant reads these as a range, in text order), else None.

    Only when the first figure has a unit, follows "from" directly (a qualifier may stand between),
    the words between end in "to" without a clause break, and the second end is bare (it takes the
    first end's unit) or has the same kind and unit; bare years in between are skipped.
    """
    a = cands[i]
    text = ctx.text
    if a.kind is None or a.low is not None or not _FROM_DIRECT.search(text[max(0, a.start - 30):a.start]):
        return None
    j = i + 1
    while j < len(cands) and _year_like(cands[j]) and cands[j].kind is None:
        j += 1
    if j >= len(cands):
        return None
    b = cands[j]
    gap = text[a.end:b.start]
    if b.low is not None or not _FROM_GAP.fullmatch(gap) or _SENT_BREAK.search(gap) or ", " in gap:
        return None
    if b.kind is None and not b.spelled and not b.has_scale:
        return j
    return j if (b.kind, b.unit) == (a.kind, a.unit) else None


def _merge_ranges(ctx: _Ctx, cands: list[_Cand]) -> list[_Cand]:
    """Merge range pairs into one candidate: value = midpoint, unit from the high end; low <= high always
    (the warehouse checks it), so "from 208 pounds to 193" is low 193, high 208."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        j = None if i + 1 < len(cands) and _range_ok(ctx, a, cands[i + 1]) else _gapped_from_to(ctx, cands, i)
        if j is not None:
            b = cands[j]
            out.append(
                _Cand(
                    a.start, b.end, a.num_start, a.num_end, (a.value + b.value) / 2, min(a.value, b.value), max(a.value, b.value), kind=a.kind,
                    unit=a.unit, spelled=a.spelled, has_scale=a.has_scale, plain_int=a.plain_int,
                )
            )
            i = j + 1
            continue
        if i + 1 < len(cands) and _range_ok(ctx, a, cands[i + 1]):
            b = cands[i + 1]
            lo = a.value
            if not a.has_scale and b.has_scale and not b.spelled:
                digits = re.sub(r"[^\d.]", "", ctx.text[b.num_start:b.num_end])
                scale = b.value / float(digits) if digits and float(digits) else 1.0
                if scale > 1 and lo * scale <= b.value * 1.0001:
                    lo *= scale  # "$1.5 to 2 billion": the scale written once applies to both
            hi = b.value
            out.append(
                _Cand(
                    a.start, b.end, b.num_start, b.num_end, (lo + hi) / 2, min(lo, hi), max(lo, hi), kind=b.kind, unit=b.unit,
                    spelled=a.spelled and b.spelled, has_scale=b.has_scale, plain_int=b.plain_int,
                )
            )
            i += 2
            continue
        out.append(a)
        i += 1
    return out


_OUT_OF = re.compile(r"\s+(?:out\s+of|in)\s+", re.I)


def _merge_ratios(ctx: _Ctx, cands: list[_Cand]) -> list[_Cand]:
    """'one out of three Germans', '1 in 5 adults' -> one ratio figure (1/3), the counted noun as object.

    "in" only with a numerator of one ("2 in 5 games" is ambiguous); both numbers bare integers and
    the first the smaller; the denominator must not be a year ("one in 2019")."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands):
            b = cands[i + 1]
            sep = _OUT_OF.fullmatch(ctx.text[a.end:b.start])
            ok = (
                sep is not None and a.kind is None and b.kind is None and a.low is None and b.low is None
                and not a.has_scale and not b.has_scale and float(a.value).is_integer() and float(b.value).is_integer()
                and 0 < a.value < b.value and not _year_like(b)
                and ("out" in sep.group(0).lower() or a.value == 1)
            )
            if ok:
                r = _Cand(a.start, b.end, b.num_start, b.num_end, a.value / b.value, kind="ratio", spelled=b.spelled)
                tok = _core_token(ctx, b)
                noun = _counted_noun(ctx, b, tok) if tok is not None else None
                if noun is not None:
                    s, e = _phrase(noun)
                    r.object = ctx.text[s:e]
                out.append(r)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _context(ctx: _Ctx, cand: _Cand, taken: set[int]) -> None:
    """Qualifier, change, object, year and period from the text and parse around the figure."""
    text = ctx.text
    s_start, s_end = ctx.sent_bounds(cand.start)
    before = text[max(s_start, cand.start - 60):cand.start]
    qm = _QUAL_RE.search(before)
    if qm:
        q = re.sub(r"\s+", " ", qm.group("q").lower())
        cand.qualifier = q
        cand.change = _QUALIFIERS[q]
    chm = _CHANGE_RE.search(before)
    if chm:
        cand.change = "up" if chm.group("up") else "down"
    plus = cand.start > 0 and text[cand.start - 1] == "+"
    if cand.change is None and plus and cand.kind in ("percent", "money", "percentage_point"):
        cand.change = "up"  # "Dow +0.2%"
    if cand.change is None:
        cand.change = "="
    if cand.object is None:  # counts, ratios and apposed ages already name theirs
        otok = _object_token(ctx, cand, taken)
        if otok is not None:
            s, e = _phrase(otok, taken)
            if not (s < cand.end and e > cand.start):
                cand.object = text[s:e]
    after = text[cand.end:min(s_end, cand.end + 80)]
    after = _BRACKET_AFTER.sub("", after, count=1)  # skip a bracketed conversion: "$2bn (S$2.7bn) a year"
    pu = _PER_UNIT_AFTER.match(after)
    if pu and cand.kind == "money":
        per = re.sub(r"\s+", " ", pu.group("u").lower())
        cand.unit = f"{cand.unit}/{per}"
    rm = _RATE_AFTER.match(after)
    if rm:
        p = rm.group("p").lower()
        cand.period = "per year" if p == "annum" else f"per {p}"
    else:
        pm = _PERIOD_AFTER.match(after)
        if pm:
            cand.period = re.sub(r"\s+", " ", pm.group("p").lower())
    ym = _YEAR_AFTER.match(after)
    if ym:
        cand.year = int(ym.group(1))


_CONV_OPEN = re.compile(r"\s*\(\s*(?:about|around|approximately|roughly|some|~|or|US)?\s*")
_CONV_NEXT = re.compile(r"\s*[;,/]\s*(?:or\s+)?")


_BY_BEFORE = re.compile(r"\bby\s*$", re.I)


def _elliptical_changes(ctx: _Ctx, cands: list[_Cand]) -> None:
    """'Ross was down 2.3%, Burlington by 2.6%': a bare 'by N' takes the change of the figure before."""
    for prev, cand in zip(cands, cands[1:]):
        if (
            cand.change == "=" and prev.change in ("up", "down") and prev.kind == cand.kind
            and ctx.sent_index(prev.start) == ctx.sent_index(cand.start)
            and _BY_BEFORE.search(ctx.text[max(prev.end, cand.start - 30):cand.start])
        ):
            cand.change = prev.change


def _link_conversions(ctx: _Ctx, cands: list[_Cand]) -> None:
    """'US$200 billion (S$269 billion)', '$445bn (£227bn; 331bn euros)': bracketed figures convert the one before."""
    text = ctx.text
    i = 0
    while i < len(cands) - 1:
        a = cands[i]
        group: list[int] = []
        j, sep_re = i + 1, _CONV_OPEN
        while j < len(cands) and sep_re.fullmatch(text[cands[j - 1].end:cands[j].start]):
            group.append(j)
            if text[cands[j].end:cands[j].end + 1] == ")" or text[cands[j].end:cands[j].end + 2].strip() == ")":
                break
            j, sep_re = j + 1, _CONV_NEXT
        else:
            group = []
        if group and ")" in text[cands[group[-1]].end:cands[group[-1]].end + 2]:
            for k in group:
                _link(a, cands[k], i)
            i = group[-1] + 1
        else:
            i += 1


def _link(a: _Cand, b: _Cand, index: int) -> None:
    """Mark ``b`` as a conversion of ``a`` (same dimension, another unit) and share a's context."""
    if not (a.kind == b.kind and (a.unit != b.unit or a.kind != "money")) or a.kind not in ("money", "quantity", "duration"):
        return
    b.conversion_of = index
    b.object = b.object or a.object
    b.year = b.year or a.year
    b.period = b.period or a.period
    if b.change == "=" and a.change != "=":
        b.change = a.change
