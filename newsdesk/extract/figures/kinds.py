"""What a number without a unit is: a count, an age, a year, a score, a name, a value, or nothing.

- counts need a counted noun (:mod:`.objects`); small spelled numbers count only when they modify a
  noun ("two bridges"), so "the two", "one of …" and pronoun uses are no figures;
- ages: "Ann Okafor, 58, said" (the person is the object), "aged 35", "the age of 70", "she turned 30";
- dropped: bare years ("in 2021", "2004 results"; "more than 1000 customers" stays: a qualifier
  makes a count), small numbers the NER calls a date or time, scores ("18-17 defeat", "a 5-1
  win"), numbers inside names ("Boeing 737", "Group of 20", "Windows 10"), model numbers ("737 Max
  jets"), spelled hyphenated durations that classify a noun ("a three-month lease", "six-month
  bills": descriptors NewsQuant leaves out; digit ones such as "a 20-year treaty" stay);
- a bare number is kept only where it stands as a value ("rose 4% to 2.85", "at 1750420") or has
  a scale word;
- a bare numeral repeating the previous figure's unit unwritten takes it: "wheat rose by 3 percent
  but maize fell by 2", "from about 30-35 mpg to 40"; a number with a suspended hyphen takes the
  word of the number that completes it: "four-, five- and six-cylinder engines"; a bare number
  coordinated with a measured one shares its unit: "45 and 50 mg".
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsdesk import lexicon
from newsdesk.extract.figures.candidate import Cand, Ctx, year_like
from newsdesk.extract.figures.context import QUAL_RE
from newsdesk.extract.figures.objects import core_token, count_one, counted_noun, part_of, phrase

_NOT_COUNTED = lexicon.words("figures_not_counted")  # "4 pm", "10 GMT"
_NAME_LABELS = frozenset({"ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "FAC", "PERSON", "GPE", "NORP", "LOC", "LANGUAGE"})

_SCORE = re.compile(r"(?<![\d.,])\d{1,3}-\d{1,3}(?![\d.,%])")


def classify(ctx: Ctx, cand: Cand) -> bool:
    """Decide kind/object for unit-less numbers and drop non-figures; True to keep."""
    tok = core_token(ctx, cand)
    if tok is None:
        return False
    if cand.kind is None and cand.spelled and cand.low is None and cand.value == 1 and tok.text.lower() in ("one", "an", "a"):
        return count_one(ctx, cand, tok)
    if cand.kind in ("money", "percent", "percentage_point", "quantity", "ratio"):
        return True
    if cand.kind == "duration" and year_like(cand) and ctx.text[cand.num_end:cand.end].strip(" -").lower() == "year":
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
        cand.kind, cand.unit = "age", "year"  # "Ann Okafor, 58, said": the person is the object
        s, e = phrase(ctx.doc[tok.i - 2])
        cand.object = ctx.text[s:e]
        return True
    if _age_phrase(ctx, cand):
        cand.kind, cand.unit = "age", "year"  # "over the age of 70", "aged 35"
        return True
    # unit-less: drop years ("in 2021", "between 1600 and 1900", "2004 results") unless a qualifier
    # makes a count of them ("more than 1000 customers"); small numbers the NER calls a date or time
    if year_like(cand):
        # "2004 results" is a year; "more than 1000 customers" a count (a qualifier says so)
        head = tok.head
        qualified = QUAL_RE.search(ctx.text[max(0, cand.start - 25):cand.start]) is not None
        if not (qualified and tok.dep_ == "nummod" and head.i == tok.i + 1 and head.tag_ == "NNS"):
            return False
    if tok.ent_type_ in ("DATE", "TIME", "ORDINAL") and cand.plain_int and cand.value <= 31 and cand.low is None:
        return False
    if _in_name(ctx, cand, tok) or _model_number(ctx, cand, tok):
        return False
    noun = counted_noun(ctx, cand, tok)
    if noun is not None:
        if noun.text.lower() in _NOT_COUNTED or (len(noun.text) == 1 and noun.text.isupper()):
            return False  # "4 pm", "1.3 A/cm2": a unit or a letter is not a counted thing
        cand.kind = "count"
        s, e = phrase(noun)
        cand.object = (ctx.text[s:e] if s >= cand.end else noun.text).lstrip("-– ")
        return True
    part = part_of(ctx, cand, tok)
    if part is not None:
        cand.kind = "count"  # "five of its last six games", "20 of the 27 member states"
        s, e = phrase(part)
        cand.object = ctx.text[s:e]
        return True
    if cand.spelled and not cand.has_scale and cand.low is None:
        return False  # "the two", "one of", pronoun uses
    if cand.low is not None:
        cand.kind = "count" if cand.spelled else "other"  # "dozens" alone; "from 240 to 273"
        return True
    # a bare numeral standing as a value ("rose 8% to 3.65", "estimates of 64,900")
    standing = tok.dep_ in ("pobj", "dobj", "attr", "appos", "conj", "npadvmod") and tok.tag_ == "CD"
    # "at 1750420": too big for a year, a label or a score; not after "to" ("text HELP to 60123")
    big = cand.plain_int and cand.value >= 10000 and tok.head.text.lower() in ("at", "of", "with", "from", "than")
    if (standing and (big or not cand.plain_int)) or cand.has_scale:
        cand.kind = "other"
        return True
    return False


_DESCRIPTOR = re.compile(r"-(?:year|month|week|day)$", re.I)


def _spelled_descriptor(ctx: Ctx, cand: Cand) -> bool:
    """'a three-month lease', 'its five-year sales plan': a spelled hyphenated duration that
    classifies the next noun is a descriptor, not a reported figure (NewsQuant leaves it out); a
    digit one ("a 20-year treaty") or one set off by a comma ("a four-year, 900 million-km voyage") stays."""
    if not cand.spelled or cand.low is not None or not _DESCRIPTOR.search(ctx.text[cand.start:cand.end]):
        return False
    nxt = ctx.token_at(cand.end + 1)
    return nxt is not None and nxt.idx > cand.end and (nxt.tag_ in ("NN", "NNS", "JJ", "$", "VBN") or nxt.text[:1] in "$£€")


def _apposed_age(ctx: Ctx, cand: Cand, tok: Token) -> bool:
    """'<Person>, 66,' — a small integer set off by commas right after a person's name is an age."""
    if not cand.plain_int or cand.low is not None or not 1 <= cand.value <= 120:
        return False
    doc = ctx.doc
    if tok.i < 2 or tok.i + 1 >= len(doc) or doc[tok.i - 1].text != "," or doc[tok.i + 1].text not in (",", ")"):
        return False
    name = doc[tok.i - 2]
    # the small model often calls a bare surname a place ("Okafor, 58,")
    return name.ent_type_ == "PERSON" or (name.tag_ == "NNP" and name.ent_type_ in ("", "GPE") and name.text[:1].isupper())


_AGE_BEFORE = re.compile(r"\b(?:aged|ages|age\s+of|age|turned|turns|turning)\s+$", re.I)


def _age_phrase(ctx: Ctx, cand: Cand) -> bool:
    """'the age of 21', 'aged 35', 'ages 18 to 24', 'she turned 30 last week': a bare integer after an
    age word, not followed by a noun it counts ("turned 30 players away")."""
    if not cand.plain_int or cand.value > 120 or (cand.low is not None and cand.high > 120):
        return False
    if _AGE_BEFORE.search(ctx.text[max(0, cand.start - 12):cand.start]) is None:
        return False
    nxt = ctx.token_at(cand.end + 1)
    return nxt is None or nxt.idx <= cand.end or nxt.tag_ not in ("NNS", "NN", "NNPS")


def _in_name(ctx: Ctx, cand: Cand, tok: Token) -> bool:
    """Number inside a named entity ("Boeing 737", "Group of 20", "Windows 10") or right after a proper noun."""
    if tok.ent_type_ in _NAME_LABELS:
        return True
    prev = ctx.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.tag_ in ("NNP", "NNPS") and cand.plain_int and prev.idx + len(prev.text) >= cand.num_start - 1:
        return prev.ent_type_ != "DATE" and prev.text not in ("US", "U.S.")
    return False


def _model_number(ctx: Ctx, cand: Cand, tok: Token) -> bool:
    """'737 Max jets', '911 Carrera': a 3+ digit integer glued before a capitalised name word is a model."""
    doc = ctx.doc
    if not cand.plain_int or cand.has_scale or cand.value < 100 or tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    # an organisation's or a country's name is no model name: "148 WTO members", "27 EU states"
    return nxt.tag_ == "NNP" and nxt.text[:1].isupper() and nxt.ent_type_ not in ("NORP", "GPE", "ORG") and not nxt.is_sent_start


_PARALLEL_PREP = re.compile(r"\b(by|at)\s+$", re.I)  # "fell by 2 … by 1", "ended at 1,410 points … at 1,388"
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:\S+\s+)?$", re.I)


def elliptical_unit(ctx: Ctx, prev: Cand | None, cand: Cand) -> bool:
    """A bare numeral that repeats the previous figure's unit without writing it: "wheat rose by 3 percent
    but maize fell by 2" (both after "by"), "the index ended at 1,410 points and the other at 1,388" (both
    after "at"), "from about 30-35 mpg to 40" (right after "from X to").
    Takes the unit and kind of ``prev``; True when it did (the figure is kept)."""
    if prev is None or cand.kind is not None or cand.spelled or cand.low is not None or prev.kind is None:
        return False
    if prev.kind in ("age", "ratio", "multiple") or ctx.sent_index(prev.start) != ctx.sent_index(cand.start):
        return False
    if year_like(cand):
        return False
    text = ctx.text
    gap = text[prev.end:cand.start]
    prep_before_cand = _PARALLEL_PREP.search(gap[-6:])
    prep_before_prev = _PARALLEL_PREP.search(text[max(0, prev.start - 6):prev.start])
    parallel = (
        prep_before_cand is not None and prep_before_prev is not None and len(gap) <= 60
        and prep_before_cand.group(1).lower() == prep_before_prev.group(1).lower()
    )
    from_to = re.fullmatch(r"\s+to\s+", gap) is not None and _FROM_BEFORE.search(text[max(0, prev.start - 25):prev.start])
    at = parallel and prep_before_cand.group(1).lower() == "at"
    if not (parallel or from_to) or (prev.kind == "count" and not at) or (prev.kind == "money" and at):
        # a count's noun carries over only between levels "at N" ("at 1,410 points … at 1,388"); a
        # currency does not: news repeats its sign ("at $1.14, … at 96.1" is a rate, then an index)
        return False
    tok = core_token(ctx, cand)
    if tok is None or counted_noun(ctx, cand, tok) is not None or _in_name(ctx, cand, tok):
        return False  # "rose by $5 million, helped by 3 new stores"
    cand.kind, cand.unit = prev.kind, prev.unit
    if prev.kind == "count":
        cand.object = prev.object
    return True


_SUSPENDED = re.compile(r"-\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)", re.I)


def suspended_hyphen(ctx: Ctx, cand: Cand) -> bool:
    """'four-, five- and six-cylinder engines', 'two- or three-bedroom flats': a number whose hyphen waits
    for the word of a later number in the same coordination."""
    return _SUSPENDED.match(ctx.text, cand.end) is not None


def complete_suspended(ctx: Ctx, pending: list[Cand], cand: Cand) -> bool:
    """Give the numbers waiting in ``pending`` the kind, unit and object of ``cand`` when it closes their
    coordination (its number is hyphenated to the shared word: "six-cylinder"); True when it did."""
    if not pending or ctx.text[cand.num_end:cand.num_end + 1] != "-":
        return False
    chain = pending + [cand]
    for a, b in zip(chain, chain[1:]):
        if _SUSPENDED.fullmatch(ctx.text, a.end, b.start) is None:
            return False
    for p in pending:
        p.kind, p.unit, p.object = cand.kind, cand.unit, cand.object
    return True


_COORDINATED = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and|or)[ \t]+", re.I)


def shared_unit(ctx: Ctx, cand: Cand, nxt: Cand | None) -> bool:
    """'45 and 50 mg', 'between 2 or 3 per cent': a bare number coordinated with the next one shares the
    unit written once after it; True when it took it."""
    if nxt is None or cand.kind is not None or nxt.kind in (None, "count", "ratio", "age") or nxt.low is not None:
        return False
    if cand.spelled != nxt.spelled or year_like(cand) or _COORDINATED.fullmatch(ctx.text, cand.end, nxt.start) is None:
        return False
    if nxt.has_scale:
        return False  # "5 and 10 million dollars": is the first 5 or 5 million? left alone
    cand.kind, cand.unit = nxt.kind, nxt.unit
    return True
