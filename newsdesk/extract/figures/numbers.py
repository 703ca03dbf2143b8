"""Number parsing: numerals, spelled numbers, fractions, vague amounts and scale words.

- numerals: "1,500.5", "2 1/2" (a fraction needs a unit, see :mod:`.scan`), ".5", scientific
  notation ("1.99×10−30", "6.02 x 10^23": one number, not three);
- spelled numbers: "two hundred and five", "half a million", "a dozen", "twenty-one";
- fractions: "two-thirds", "a third of", "three quarters of the", "half of", "by a third";
- vague amounts as ranges (NewsQuant's convention): "dozens" 12..120, "hundreds" 100..1000,
  "tens of thousands" 1e4..1e5, "millions" 1e6..1e7;
- scale words after a number: "million", "bn", "mln", "crore", "lakh", "hundred thousand".

The word triggers (number words, "a"/"an" before a scale word or fraction) are kept as spaCy
string hashes, so the scanner finds them with one hash look-up per token.
"""

from __future__ import annotations

import math
import re

from spacy.strings import hash_string

from newsdesk import lexicon
from newsdesk.extract.figures.patterns import phrases


def _value(text: str) -> float:
    """A value as written in the data files: "12", "1e6", "1/3"."""
    num, _, den = text.partition("/")
    return float(num) / float(den) if den else float(num)


_NUMBER_WORDS = lexicon.rows("figures_number_words")
SMALL = {word: int(value) for word, value, cls in _NUMBER_WORDS if cls == "small"}
_TENS = {word: int(value) for word, value, cls in _NUMBER_WORDS if cls == "tens"}
_DOZEN = [word for word, _, cls in _NUMBER_WORDS if cls == "dozen"]
_ONE_TO_NINE = phrases(word for word, value in SMALL.items() if 1 <= value <= 9)

_SCALE_WORDS = lexicon.rows("figures_scale_words")
# spelled scale words, any case: "hundred", "million" (English), "lakh", "crore" (Indian)
SCALES = {s: _value(f) for s, f, kind, _ in _SCALE_WORDS if kind in ("word", "indian")}
_ENGLISH_SCALES = [s for s, _, kind, _ in _SCALE_WORDS if kind == "word"]  # also after "a": "a million"
_AFTER_HUNDRED = [s for s, _, _, after in _SCALE_WORDS if after == "after hundred"]  # "hundred thousand"
# abbreviations and letters, exact case: "bn", "Mln", "m", "K"; keyed in lower case
SHORT_SCALES = {s.lower(): _value(f) for s, f, kind, _ in _SCALE_WORDS if kind in ("abbreviation", "letter")}
ABBREVIATION_SCALES = frozenset(s.lower() for s, _, kind, _ in _SCALE_WORDS if kind == "abbreviation")  # "5 bn"
LETTER_SCALES = frozenset(s.lower() for s, _, kind, _ in _SCALE_WORDS if kind == "letter")  # "5m", "$5 m"

_W = phrases(sorted([*SMALL, *_TENS, *SCALES, *_DOZEN], key=len, reverse=True))
_WORD = rf"(?:(?:{phrases(_TENS)})-(?:{_ONE_TO_NINE})|{_W})"
_FIRST = rf"(?:(?:{phrases(_TENS)})-(?:{_ONE_TO_NINE})|{phrases(sorted([*SMALL, *_TENS], key=len, reverse=True))})"
_A_SCALES = phrases([*_DOZEN, *_ENGLISH_SCALES])  # "a dozen", "half a million"
SPELLED = (
    rf"(?:(?:a|an|half\s+a|half\s+an)\s+(?:{_A_SCALES})|{_FIRST})"
    rf"(?:(?:\s+and\s+|\s+|-)(?:{_WORD}))*(?:\s+and\s+a\s+half)?"
)
ENDS_IN_SCALE = re.compile(rf"(?i:{phrases([*_ENGLISH_SCALES, *_DOZEN])})\W*$")  # "two hundred": has a scale

_VAGUE_WORDS = lexicon.rows("figures_vague_amounts")
VAGUE_AMOUNTS = {w: _value(v) for w, v, role, _ in _VAGUE_WORDS if role == "amount"}  # "dozens" 12 (12..120)
_VAGUE_MULTIPLIERS = {w: _value(v) for w, v, role, _ in _VAGUE_WORDS if role == "multiplier"}  # "tens" of thousands
_AFTER_MULTIPLIER = [w for w, _, role, after in _VAGUE_WORDS if after == "after multiplier"]
VAGUE = (
    rf"(?:(?:{phrases(_VAGUE_MULTIPLIERS)})\s+of\s+(?:{phrases(_AFTER_MULTIPLIER)})|{phrases(VAGUE_AMOUNTS)})"
    r"(?=\s+of\b)"
)

# The constructions that make a fraction word a figure (its words are in figures_fraction_words.tsv).
FRACTION = (
    r"(?:(?:two|three|four)[- ](?:thirds|fifths|tenths)(?![-\w])"
    r"|(?:one|a)[- ](?:third|fifth|tenth)(?=\s+of\b)"
    r"|(?:one|three|a)[- ]quarters?(?=\s+of\s+(?:the|its|their|his|her|all|[a-z]+s)\b)"
    r"|(?:one|three)-quarters?(?![-\w])|(?:one|two)-(?:thirds?|fifths?)(?![-\w])"
    r"|half(?=\s+of\b)|(?<=\bby\s)(?:(?:a|one)\s(?:third|quarter|fifth|tenth)|half)\b)"
)
_FRACTION_WORDS = lexicon.rows("figures_fraction_words")
FRACTION_VALUES = {w: _value(v) for w, v, _ in _FRACTION_WORDS}
NUMERAL = r"(?:\d+[ \t-])?\d+/\d+(?!/)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"

_SPELLED_SCALES = "|".join(  # "hundred" may take a bigger scale: "5 hundred million"
    phrases([s]) + (rf"(?:\s+(?:{phrases(_AFTER_HUNDRED)}))?" if s == "hundred" else "") for s in SCALES
)
_SHORT_SURFACES = [s for s, _, kind, _ in _SCALE_WORDS if kind in ("abbreviation", "letter")]
SCALE_RE = re.compile(
    r"(?P<sp>[ \t]*(?:\n[ \t]*)?|-)"
    rf"(?P<scale>(?i:{_SPELLED_SCALES})|{phrases(_SHORT_SURFACES)})(?![\w])"
)

SCI_RE = re.compile(r"[ \t]?(?:×[ \t]?10[ \t]?\^?|[xX*][ \t]?10(?:\^|\*\*))[ \t]?(?P<exp>[-−–+]?\d{1,3})(?![\d]|[.,]\d)")

# Words a candidate can start at (besides digits), and the words "a"/"an" can stand before in one.
_WORD_TRIGGERS = frozenset(
    [*SMALL, *_TENS, *(w for w, _, form in _FRACTION_WORDS if form == "half"), *(w for w, *_ in _VAGUE_WORDS)]
)
_AFTER_A = frozenset([*_DOZEN, *_ENGLISH_SCALES, *(w for w, _, form in _FRACTION_WORDS if form == "singular")])
TRIGGER_HASHES = frozenset(hash_string(w) for w in _WORD_TRIGGERS)
A_HASHES = frozenset(hash_string(w) for w in ("a", "an"))
AFTER_A_HASHES = frozenset(hash_string(w) for w in _AFTER_A)


def numeral(text: str) -> float:
    """'1,500.5' -> 1500.5; '2 1/2' -> 2.5; '1/4' -> 0.25."""
    if "/" in text:
        whole, _, frac = re.sub(r"[\s-]+", " ", text.strip()).rpartition(" ")
        num, den = frac.split("/")
        return (float(whole) if whole else 0.0) + float(num) / float(den) if float(den) else math.nan
    return float(text.replace(",", ""))


def spelled_value(text: str) -> float | None:
    """Value of spelled-out numbers ("two hundred and five", "half a million", "a dozen")."""
    total, current, seen = 0.0, 0.0, False
    for w in re.split(r"[\s-]+", text.lower()):
        if w in ("and", "a", "an"):
            continue
        if w == "half":
            current += 0.5
        elif w in SMALL:
            current += SMALL[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def vague_range(text: str) -> tuple[float, float]:
    """'dozens' -> 12..120, 'tens of thousands' -> 1e4..1e5, 'millions' -> 1e6..1e7 (NewsQuant)."""
    words = text.lower().split()
    base = VAGUE_AMOUNTS[words[-1]]
    mult = _VAGUE_MULTIPLIERS.get(words[0], 1.0) if len(words) > 1 else 1.0
    return base * mult, base * mult * 10
