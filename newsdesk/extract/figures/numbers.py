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

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
SHORT_SCALES = {"t": 1e12, "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12}

_W = "|".join(sorted([*SMALL, *_TENS, *SCALES, "dozen"], key=len, reverse=True))
_WORD = rf"(?:(?:{'|'.join(_TENS)})-(?:one|two|three|four|five|six|seven|eight|nine)|{_W})"
_FIRST = rf"(?:(?:{'|'.join(_TENS)})-(?:one|two|three|four|five|six|seven|eight|nine)|{'|'.join(sorted([*SMALL, *_TENS], key=len, reverse=True))})"
SPELLED = (
    rf"(?:(?:a|an|half\s+a|half\s+an)\s+(?:dozen|hundred|thousand|million|billion|trillion)|{_FIRST})"
    rf"(?:(?:\s+and\s+|\s+|-)(?:{_WORD}))*(?:\s+and\s+a\s+half)?"
)
VAGUE = r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|hundreds|thousands|millions|billions)(?=\s+of\b)"
FRACTION = (
    r"(?:(?:two|three|four)[- ](?:thirds|fifths|tenths)(?![-\w])"
    r"|(?:one|a)[- ](?:third|fifth|tenth)(?=\s+of\b)"
    r"|(?:one|three|a)[- ]quarters?(?=\s+of\s+(?:the|its|their|his|her|all|[a-z]+s)\b)"
    r"|half(?=\s+of\b)|(?<=\bby\s)(?:(?:a|one)\s(?:third|quarter|fifth|tenth)|half)\b)"
)
FRACTION_VALUES = {"half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25, "fifth": 0.2,
                    "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
NUMERAL = r"(?:\d+[ \t-])?\d+/\d+(?!/)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"

SCALE_RE = re.compile(
    r"(?P<sp>[ \t]*(?:\n[ \t]*)?|-)"
    r"(?P<scale>(?i:hundred(?:\s+(?:thousand|million|billion))?|thousand|million|billion|trillion|lakhs?|crores?)"
    r"|mln|bln|mn|bn|tn|trn|Bn|BN|MLN|BLN|Mln|Bln|[mMbBkKT])(?![\w])"
)

SCI_RE = re.compile(r"[ \t]?(?:×[ \t]?10[ \t]?\^?|[xX*][ \t]?10(?:\^|\*\*))[ \t]?(?P<exp>[-−–+]?\d{1,3})(?![\d]|[.,]\d)")

_WORD_TRIGGERS = frozenset([*SMALL, *_TENS, "half", "dozens", "hundreds", "thousands", "millions", "billions", "tens"])
_AFTER_A = frozenset(["dozen", "hundred", "thousand", "million", "billion", "trillion", "third", "fifth", "tenth", "quarter"])
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
    if words[0] == "dozens":
        return 12.0, 120.0
    base = {"hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9}[words[-1]]
    mult = {"tens": 10.0, "hundreds": 100.0}.get(words[0], 1.0) if len(words) > 1 else 1.0
    return base * mult, base * mult * 10
