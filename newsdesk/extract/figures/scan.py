"""Surface scan: where figures start, what their text is, and the surface filters that drop non-figures.

Precompiled regexes are tried only where a candidate can start (each digit run with its currency
prefix or sign, and tokens that are number words: a hash look-up per token). A candidate is the
number core (:mod:`.numbers`), then a scale word, then a unit or currency (:mod:`.units`).

Dropped on the surface: dates ("Feb 4", "4 February"), clock times ("4:07 p.m.", "5am", "10 GMT"),
ordinals ("21st"), phone numbers, numbers glued to letters or inside names ("COVID-19", "F-35",
"G7", "5G", "3D", "737MAX"), labelled numbers ("page 5", "flight 370", "Group 20"), fractions
without a unit ("9/11", "24/7") and "PS5" (a console, not £5).
Limits: "m" after a bare number is metres unless a plural noun follows ("37m long" vs "1.5m
barrels"); a lower-case prefix glued by a hyphen does not make a name ("sub-5 nanometer filters").
"""

from __future__ import annotations

import math
import re

from spacy.tokens import Token

from newsdesk import lexicon
from newsdesk.extract.figures.candidate import Cand, Ctx
from newsdesk.extract.figures.numbers import (
    ABBREVIATION_SCALES, AFTER_A_HASHES, A_HASHES, ENDS_IN_SCALE, FRACTION, FRACTION_VALUES, LETTER_SCALES, NUMERAL,
    SCALES, SCALE_RE, SCI_RE, SHORT_SCALES, SMALL, SPELLED, TRIGGER_HASHES, VAGUE, numeral, spelled_value,
    vague_range,
)
from newsdesk.extract.figures.patterns import phrases
from newsdesk.extract.figures.units import (
    Hit, currency_alternative, currency_before, currency_of_after, currency_suffix_ok, unit_after, unit_is_money,
    unit_ok,
)

_CANDIDATE = re.compile(
    r"(?P<neg>(?<![\w.,-])[-−](?=\d)|\bminus[ -](?=\d))?"
    rf"(?:(?P<num>{NUMERAL})|(?P<vague>(?i:{VAGUE}))|(?P<frac>\b(?i:{FRACTION}))|(?P<words>\b(?i:{SPELLED})\b))"
)

_MONTHS = phrases(
    sorted((w for w, kind in lexicon.rows("calendar_words") if kind in ("month", "month_short")), key=len, reverse=True)
)
_MONTH_BEFORE = re.compile(rf"(?i:\b(?:{_MONTHS})\.?)\s*$")
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?i:(?:{_MONTHS})\b)")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")
_TIME_AFTER = re.compile(
    rf"^(?::\d\d|\s*(?i:a\.?m\b\.?|p\.?m\b\.?)|\s*(?i:{phrases(lexicon.ordered('figures_time_zones'))})\b)"
)
_TIME_BEFORE = re.compile(r"\d[:.]$")
_PHONE = re.compile(r"^\+?\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}")
_LABEL_BEFORE = re.compile(rf"(?i:\b(?:{phrases(lexicon.ordered('figures_number_labels'))})\.?)\s+$")

_GLUE_PREFIX = re.compile(rf"(?<![\w-])(?:{phrases(lexicon.ordered('figures_glued_prefixes'))})$")
_DIGIT = re.compile(r"\.?\d")
_SUSPENDED_WORD = re.compile(r"\b([A-Za-z]+)-(?=\s*(?:,|and\b|or\b))")
_SIGN_BEFORE = re.compile(r"(?:[-−]|minus[ -])$")


def _starts(ctx: Ctx) -> list[tuple[int, int]]:
    """(start, digit) where a candidate can begin: a digit run, or its sign ("-5", "minus 5"), and
    number words (start = digit = the word's start). A currency before the start is read later."""
    text = ctx.text
    starts: list[tuple[int, int]] = []
    pos = 0
    for m in _DIGIT.finditer(text):
        s = m.start()
        if s < pos:
            continue
        sign = _SIGN_BEFORE.search(text, max(0, s - 6), s)
        starts.append((sign.start() if sign else s, s))
        e = s + 1
        while e < len(text) and (text[e].isdigit() or text[e] in ",." and e + 1 < len(text) and text[e + 1].isdigit()):
            e += 1
        pos = e
    for m in _SUSPENDED_WORD.finditer(text):  # "four-, five- and six-cylinder": the tokenizer keeps "four-"
        if m.group(1).lower() in SMALL:
            starts.append((m.start(), m.start()))
    doc = ctx.doc
    lowers = doc.to_array("LOWER").tolist() if len(doc) else []
    for i, h in enumerate(lowers):  # hash look-ups: no Token objects for ordinary words
        if h in TRIGGER_HASHES or (h in A_HASHES and i + 1 < len(lowers) and lowers[i + 1] in AFTER_A_HASHES):
            starts.append((ctx.tok_starts[i], ctx.tok_starts[i]))
    return sorted(set(starts))


def scan_candidates(ctx: Ctx) -> list[Cand]:
    """Surface candidates in text order (filters for non-figures applied)."""
    text = ctx.text
    out: list[Cand] = []
    last_end = 0
    for start, digit in _starts(ctx):
        if start < last_end:
            if digit >= last_end:
                start = digit
            else:
                continue  # inside the previous figure ("billion" of "US$200 billion")
        m = _CANDIDATE.match(text, start)
        if m is None and digit != start:
            m = _CANDIDATE.match(text, digit)
        if m is None:
            continue
        cur = currency_before(text, m.start()) if m.group("num") else None
        if cur is not None and cur.start < last_end:
            cur = None
        cand = _read_candidate(ctx, m, cur)
        if cand is not None:
            last_end = cand.end
            out.append(cand)
    return out


def _read_candidate(ctx: Ctx, m: re.Match, cur_hit: Hit | None) -> Cand | None:
    """The candidate a match of ``_CANDIDATE`` (and the currency written before it) starts, or None."""
    text = ctx.text
    core_group = next(g for g in ("num", "vague", "frac", "words") if m.group(g))
    start, core_start = (cur_hit.start if cur_hit else m.start()), m.start(core_group)
    before = text[max(0, start - 40):start]
    cur = cur_hit.row if cur_hit else None
    if m.group("num"):
        raw = m.group("num")
        # left boundary: "COVID-19", "F-35", "G7", "A4", "x2"; a currency symbol is fine
        prev = text[core_start - 1] if core_start > 0 else " "
        if not cur and not m.group("neg"):
            glued = prev in "-–" and core_start > 1 and text[core_start - 2].isalpha()
            if glued and _GLUE_PREFIX.search(text, max(0, core_start - 12), core_start - 1):
                glued = False  # "sub-5 nanometer filters", "under-21 players"
            if prev.isalnum() or prev in "_#@/\\" or glued:
                return None
            if prev == "." and core_start > 1 and text[core_start - 2].isdigit():
                return None
        value = numeral(raw)
        if not math.isfinite(value):
            return None
        cand = Cand(start, m.end(), core_start, m.end(), value, plain_int=raw.isdigit())
        sci = SCI_RE.match(text, m.end())
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
        words = re.split(r"[- ]", m.group("frac").lower())
        num = 1.0 if len(words) == 1 else float(SMALL.get(words[0], 1))
        cand = Cand(start, m.end(), core_start, m.end(), num * FRACTION_VALUES[words[-1]], kind="ratio", spelled=True)
        return cand
    elif m.group("vague"):
        low, high = vague_range(m.group("vague"))
        cand = Cand(start, m.end(), core_start, m.end(), (low + high) / 2, low, high, spelled=True, vague=True)
    else:
        value = spelled_value(m.group("words"))
        if value is None:
            return None
        cand = Cand(start, m.end(), core_start, m.end(), value, spelled=True)
        if ENDS_IN_SCALE.search(m.group("words")):
            cand.has_scale = True

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
    sm = SCALE_RE.match(text, pos)
    if sm and m.group("num"):
        scale_word = sm.group("scale")
        short = scale_word.lower() in SHORT_SCALES and scale_word.lower() not in SCALES
        attached = sm.group("sp") == ""
        take = True
        if short:
            if not attached and scale_word.lower() not in ABBREVIATION_SCALES:
                take = cur is not None and scale_word in ("m", "M", "b", "B", "k", "K")
                take = take and scale_word.lower() != "k"  # "$5 k" is rare; "$5k" is attached
            elif scale_word.lower() in LETTER_SCALES and cur is None:
                # "37m" is metres, "1.5m barrels" millions: decided below from the next word
                nxt = ctx.token_at(sm.end() + 1) if sm.end() < len(text) else None
                take = scale_word == "M" or (
                    scale_word == "m" and nxt is not None and nxt.idx > sm.end() - 1 and _plural_follows(ctx, nxt)
                ) or (scale_word.lower() in ("m", "b", "bn") and _money_after(text, sm.end()))
        if take:
            factor = 1.0
            for word in scale_word.lower().split():
                factor *= SCALES.get(word) or SHORT_SCALES[word]
            cand.value *= factor
            cand.has_scale = True
            cand.end = pos = sm.end()
            after = text[pos:pos + 40]
    if m.group("vague") and not cur:
        vm = currency_of_after(text, pos)  # "millions of dollars"
        if vm:
            f = vm.row.factor
            cand.kind, cand.unit, cand.end = "money", vm.row.code, vm.end
            cand.value, cand.low, cand.high = cand.value * f, cand.low * f, cand.high * f
            return cand
    # ---- currency or unit after ----
    if cur is not None:
        if cur_hit.surface == "PS" and cand.plain_int and cand.value < 10 and not cand.has_scale:
            return None  # "PS5" is a games console
        cand.kind, cand.unit = "money", cur.code
        um = unit_after(text, pos)  # "US$5 million dollars"; "$76 US" is left alone
        if um and um.sp.strip() == "" and um.row.kind == "money" and um.row.code == cur.code and um.row.factor == 1:
            cand.end = um.end
        return cand
    um = unit_after(text, pos)
    if m.group("num") and "/" in m.group("num") and um is None:
        return None  # a fraction without a unit: date ("9/11") or score
    if um is not None:
        row = um.row
        if row.kind == "money":
            if currency_suffix_ok(ctx, cand, um):
                cand.kind, cand.unit, cand.end = "money", row.code, um.end
                cand.value *= row.factor
                return cand
        elif unit_ok(ctx, cand, um):
            code = currency_alternative(row)
            if code and unit_is_money(ctx, cand, um):
                cand.kind, cand.unit = "money", code  # "2 billion pounds", "paid 450,000 pounds"
            else:
                cand.kind, cand.unit = row.kind, row.stored
            cand.end = um.end
            return cand
    if m.group("num") and "/" in m.group("num"):
        return None
    if text[cand.end:cand.end + 1].isalpha():
        return None  # letters glued to the number: "5G", "3D", "737MAX", "5T"
    return cand


def _money_after(text: str, pos: int) -> bool:
    """A currency word follows ("1.5m euros", "2bn yuan"): the letter before it is a scale word."""
    um = unit_after(text, pos)
    return um is not None and um.row.kind == "money" and "-" not in um.sp


def _plural_follows(ctx: Ctx, tok: Token) -> bool:
    """A plural noun (not a unit) starts at ``tok`` or after at most two adjectives/nouns."""
    doc = ctx.doc
    for j in range(tok.i, min(tok.i + 3, len(doc))):
        t = doc[j]
        if t.tag_ in ("NNS", "NNPS"):
            return True
        if t.tag_ not in ("JJ", "NN", "VBN", "HYPH"):
            return False
    return False
