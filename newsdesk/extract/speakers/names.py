"""Names written in the text: the mention that holds a speaker's head, repaired, or a name built from
the speaker's run of proper nouns when the NER missed or cut it.

A speaker inside or ending a wire-copy angle-bracket group is the bracketed company ("<Acme
Holdings Corp> said", the parser taking "<"/">" for the subject), or for a bracketed ticker the
proper nouns before it ("Thyssen AG <THYH.F> said" → Thyssen AG); a post-nominal head ("Frank
Field MP") → the person before it; an ORG mention the NER cut at "and"/"&" inside the speaker's
noun phrase is joined with the proper nouns before it ("Standard and [Poor's Corp]" → Standard and
Poor's Corp), and a NORP one to a capitalised word before it that opens no sentence ("The Liberal
[Democrats]"). For a title or role head, a person's name in apposition to it or to its of/for
object, even one the NER missed or mislabelled ("The Shadow Secretary of State for the Family,
Theresa May, said", "The Archbishop of Cardiff, the Most Reverend Peter Smith, told"; a synthetic
PERSON of 2–4 title-case words), or the person the parser made the object of the title's "of"
after a field word ("Vice President of Finance Joel Graff said"); else the entity mention
containing the speaker's head, else a name in apposition to it ("Russia's deputy minister, Dmitry
Orlov, said"). A name in apposition to a generic organisation noun that the NER missed is an ORG
("Supporters' group Shareholders United said").

A one-word name ("Mr Ashby", "the Bank") is replaced by the latest earlier mention whose longer
name holds that word (Richard Ashby, Bank of England); a proper noun the NER missed → the latest
PERSON/ORG whose name has that word (a capitalised word the tagger took for a noun — "Stals said",
"Sanders proposes" — only a PERSON's). A proper-noun speaker no mention covers ("Barclays
cautioned", "Cardinal O'Connor claimed") gets a synthetic mention of its run of proper nouns:
PERSON after an honorific or title (name without it) or for 2–4 title-case words with no
organisation word, else ORG (a run ending in a corporate suffix — Inc, Corp, Ltd, AG … — is an ORG
named by the whole run even when the NER took part of it for a person: "Yellow Freight System
Inc", as is a run ending in an organisation word: "Germantown Savings Bank"; camel-case words
count: "WebSideStory"; a run whose only mention is a person's first part is that person's full
name, outside a headline: "[Johnny] Depp said"); a unit, subsidiary, division named right before
the noun speaks itself ("Acme Corp's Acme Oil France unit said" → Acme Oil France); an all-capital
transcript name first looks for a mention with that word ("PENCE:" → Mike Pence), in a headline
also the first one below it ("MIYAZAWA SAYS …" → Kiichi Miyazawa).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import bisect
import re

from spacy.tokens import Token

from newsdesk import lexicon
from newsdesk.extract.quotes.speaker import SOURCE_DOC_NOUNS
from newsdesk.extract.speakers.organisations import INSTITUTIONS, ORG_NOUNS, institution
from newsdesk.extract.speakers.roles import HONORIFICS, NATION, ROLE_WORDS
from newsdesk.extract.types import Mention

if TYPE_CHECKING:
    from newsdesk.extract.speakers.resolver import Resolver


_NAME_WORD = re.compile(r"[A-Z&]{2,5}|[A-Z](?:[a-z]+['’-]?)*(?:[A-Z][a-z]+)*(?:['’-][A-Z]?[a-z]*)*")

_NOT_NAMES = lexicon.words("speakers_not_names")

PERSON_TITLES = lexicon.words("speakers_person_titles")

CORP_SUFFIX = lexicon.words("speakers_corporate_suffixes")

_ORG_TAIL = lexicon.words("speakers_org_name_tails")

_POST_NOMINAL = lexicon.words("speakers_post_nominals")

_ORG_GENERIC = lexicon.words("speakers_org_generic_words")

_APPOSITIVE_TITLE_WORDS = lexicon.words("speakers_appositive_title_words")


def coordinated_name(r: Resolver, m: Mention, lo: int) -> Mention | None:
    """An ORG/NORP name the NER cut short inside the speaker's span, at "and"/"&" ("Standard
    and [Poor's Corp]", "Financial Security Savings and [Loan Association]") or after a
    capitalised first word ("The Liberal [Democrats]"): the capitalised proper nouns (no
    mention of their own), "and", then the mention → a mention of the whole run (reused,
    else synthetic, labelled like the cut one)."""
    doc = r.doc
    span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
    if span is None or span.start - 1 < lo:
        return None
    j = span.start
    if doc[j - 1].lower_ in ("and", "&"):
        if j - 2 < lo:
            return None
        j -= 1
    while j - 1 >= lo and doc[j - 1].tag_ in ("NNP", "NNPS") and doc[j - 1].text[:1].isupper() \
            and "\n" not in doc[j - 1].whitespace_ and r.mention_of_token(doc[j - 1]) is None:
        j -= 1
    if j == span.start or doc[j].lower_ in ("and", "&") or span.start - j > 5:
        return None
    if doc[span.start - 1].lower_ not in ("and", "&") and (m.label == "ORG" or doc[j].is_sent_start):
        return None  # only NORP mentions, and not to a capitalised sentence opener ("Fellow Republicans")
    a = doc[j].idx
    name = doc.text[a:m.end_char]
    return r.named(a, m.end_char, name, m.label)


def unit_name(r: Resolver, head: Token, lo: int) -> Mention | None:
    """The name of a unit, subsidiary … written right before the noun ("Acme Corp's [Acme Oil
    France] unit said"): its run of proper nouns as an ORG (the mention of that name, else a
    synthetic one)."""
    doc = r.doc
    j = head.i
    while j - 1 >= lo and head.i - j < 6 and doc[j - 1].tag_ in ("NNP", "NNPS") and doc[j - 1].text[:1].isupper() \
            and doc[j - 1].text not in ("<", ">"):
        j -= 1
    if j == head.i:
        return None
    a, b = doc[j].idx, doc[head.i - 1].idx + len(doc[head.i - 1])
    name = doc.text[a:b]
    m = r.mention_of_token(doc[head.i - 1])
    if m is not None and m.label == "ORG" and m.end_char == b and m.start_char <= a:
        return m
    return r.named(a, b, name, "ORG")


def wire_bracket_name(r: Resolver, head: Token) -> Mention | None:
    """Wire copy brackets company names and tickers: a speaker inside or ending such a group
    ("<Microelectronics and Computer Technology Corp> said", "Thyssen AG <THYH.F> said", where
    the parser takes "<" or ">" for the subject) is the bracketed name — or, for a ticker
    (one upper-case symbol: "THYH.F", "MER"), the run of proper nouns right before it. The
    mention of that name is reused, else a synthetic ORG one."""
    doc = r.doc
    i = head.i
    if head.text not in ("<", ">") and not (i + 1 < len(doc) and doc[i + 1].text == ">"):
        return None
    lt = next((j for j in range(i, max(-1, i - 12), -1) if doc[j].text == "<"), None)
    gt = next((j for j in range(max(i, (lt or i) + 1), min(len(doc), i + 12)) if doc[j].text == ">"), None)
    if lt is None or gt is None or gt - lt < 2 or any("\n" in t.whitespace_ or t.text in ("<", ">")
                                                       for t in doc[lt + 1:gt]):
        return None
    inner = doc[lt + 1:gt]
    if len(inner) == 1 and re.fullmatch(r"[A-Z][A-Z0-9.]{0,9}", inner[0].text):  # a ticker
        lo = lt
        while lo > 0 and lt - lo < 6 and doc[lo - 1].tag_ in ("NNP", "NNPS") and not doc[lo - 1].is_punct \
                and "\n" not in doc[lo - 1].whitespace_:
            lo -= 1
        if lo == lt:
            return None
        toks = doc[lo:lt]
    else:
        toks = inner
    a, b = toks[0].idx, toks[-1].idx + len(toks[-1])
    name = doc.text[a:b]
    if not name[:1].isupper():
        return None
    return r.named(a, b, name, "ORG")


def appos_name(r: Resolver, child: Token) -> Mention | None:
    """A person's name in apposition to a title that the NER missed or mislabelled ("…,
    Theresa May," tagged a date): 2–4 title-case proper nouns ending at ``child``."""
    doc = r.doc
    if child.tag_ != "NNP" or not _NAME_WORD.fullmatch(child.text):
        return None
    lo = child.i
    while lo > 0 and child.i - lo < 3 and doc[lo - 1].tag_ == "NNP" and _NAME_WORD.fullmatch(doc[lo - 1].text):
        lo -= 1
    toks = [t for t in doc[lo:child.i + 1] if t.lower_ not in HONORIFICS and t.lower_ not in PERSON_TITLES
            and t.lower_ not in ROLE_WORDS and t.lower_ not in _APPOSITIVE_TITLE_WORDS]
    while toks and toks[0].i > lo and doc[toks[0].i - 1].text in ("-", "–"):
        toks = toks[1:]  # "Secretary-Treasurer Gary Casteel"
    if len(toks) < 2 or any(t.lower_ in _ORG_GENERIC or t.lower_ in ORG_NOUNS for t in toks):
        return None
    a, b = toks[0].idx, child.idx + len(child)
    return r.named(a, b, doc.text[a:b], "PERSON")


def unlisted_name(r: Resolver, head: Token, label: str | None = None) -> Mention | None:
    """A proper-noun speaker the NER missed and no mention names ("Barclays cautioned …",
    "Cardinal Okafor said"): a synthetic mention of its run of capitalised proper nouns — a
    PERSON after an honorific or title ("Mr", "Cardinal"; the name without it), else an ORG
    (``label`` forces one: a name in apposition to "group"). Not for all-capital words
    (headlines, datelines) nor role or generic nouns. A run ending in a corporate suffix
    ("Yellow Freight System Inc") is a company even when the NER took part of it for a
    person or place."""
    if head.tag_ in ("NNP", "NNPS") and head.text.isupper() and head.text.isalpha() and len(head.text) > 3 \
            and head.lower_ not in _NOT_NAMES:  # "PENCE:" in a transcript → Mike Pence
        m = r.by_name_word(head.text.title(), head.idx)
        if m is None and head.sent.start == 0:  # a headline: "MIYAZAWA SAYS …" → Kiichi Miyazawa below
            m = r.next_by_name_word(head.text.title(), head.idx)
        if m is not None or len(head.text) > 5:
            return m
    if head.tag_ not in ("NNP", "NNPS") or not _NAME_WORD.fullmatch(head.text) or head.lower_ in _NOT_NAMES \
            or head.is_stop or any(c.dep_ == "poss" for c in head.lefts):
        return None  # "Attorneys", "Much", "Trump's potential VP": no names
    doc = r.doc
    named_org = head.lower_ in _ORG_TAIL and head.i > 0 and doc[head.i - 1].tag_ in ("NNP", "NNPS") \
        and _NAME_WORD.fullmatch(doc[head.i - 1].text) is not None  # "Germantown Savings Bank"
    if head.lower_ in ROLE_WORDS or head.lower_ in INSTITUTIONS or (head.lower_ in ORG_NOUNS and not named_org) \
            or head.lower_ in SOURCE_DOC_NOUNS or head.lower_ in NATION:
        return None
    lo = head.i
    while lo > 0 and head.i - lo < 4 and doc[lo - 1].tag_ in ("NNP", "NNPS") and _NAME_WORD.fullmatch(doc[lo - 1].text) \
            and "\n" not in doc[lo - 1].whitespace_:
        lo -= 1
    toks = list(doc[lo:head.i + 1])
    inner = [m for m in (r.mention_of_token(t) for t in toks) if m is not None]
    if (head.lower_ in CORP_SUFFIX or head.lower_ in _ORG_TAIL) and len(toks) > 1:
        label = "ORG"
    elif inner and (label is not None or head.sent.start == 0  # not in a title-case headline
                    or any(m.label != "PERSON" or m.end_char > head.idx for m in inner)):
        return None  # a GPE, a date …: not a speaker name
    elif inner:  # "[Johnny] Depp": a person's name the NER cut short
        label = "PERSON"
    title = toks[0].lower_.rstrip(".")
    person = title in HONORIFICS or title in PERSON_TITLES
    if person:
        toks = toks[1:]
        if not toks:
            return None
    a, b = toks[0].idx, head.idx + len(head)
    name = doc.text[a:b]
    # one word is rather a company ("Barclays"), two or three title-case words without a generic
    # organisation word rather a person ("Dana Okafor")
    if not person and len(toks) >= 2 and not any(t.text.isupper() or t.lower_ in _ORG_GENERIC or t.lower_ in ORG_NOUNS
                                                 or t.lower_ in INSTITUTIONS for t in toks):
        person = True
    return r.named(a, b, name, label or ("PERSON" if person else "ORG"))


def fuller_name(r: Resolver, m: Mention) -> Mention:
    """The latest earlier mention with a longer name that contains ``m``'s one-word name
    ("Mr Ashby" → Richard Ashby, "the Bank" → Bank of England, "Ms Carver" → Helen Carver):
    the entity extractor sometimes leaves a short form unlinked or mislabelled."""
    words = [w for w in m.name.replace(".", "").split() if w.lower() not in HONORIFICS]
    if len(words) != 1 or not words[0][:1].isupper() or m.label not in ("PERSON", "ORG"):
        return m  # a place is not short for a longer name ("Beijing" ≠ "Beijing Winter Olympics")
    word = words[0]
    k = bisect.bisect_left(r.starts, m.start_char) - 1
    while k >= 0:
        o = r.mentions[k]
        if (o.entity_id != m.entity_id and o.label in ("PERSON", "ORG") and len(o.name.split()) > 1
                and word in o.name.replace(",", " ").split()):
            return o
        k -= 1
    return m


def titled_name(r: Resolver, head: Token) -> Mention | None:
    """The person a title or role head names: a PERSON in apposition to it or to its of/for/at
    object, or a name there the NER missed or mislabelled ("The Shadow Secretary of State for the
    Family, Theresa May, said", "The Archbishop of Cardiff, the Most Reverend Peter Smith, told")."""
    near = list(head.children)
    for prep in near[:]:  # the parser may hang the name on the title's "of"/"for" object
        if prep.dep_ == "prep" and prep.i > head.i and prep.lower_ in ("of", "for", "at"):
            near.extend(g for o in prep.children if o.dep_ == "pobj" for g in o.children)
    for child in near:
        if child.dep_ == "appos" and child.i > head.i:
            mm = r.mention_of_token(child)
            if mm is not None and mm.label == "PERSON":
                return mm
            if mm is None or mm.label not in ("ORG", "GPE", "NORP"):
                mm = appos_name(r, child)
                if mm is not None:
                    return mm
    return None


def head_mention(r: Resolver, head: Token, lo: int, hi: int) -> Mention | None:
    """The mention holding the speaker's head, repaired: a post-nominal head ("Frank Field MP") →
    the person before it; an ORG/NORP name the NER cut short inside the span → the whole name
    (``coordinated_name``); a bare institution ("India’s [Foreign Ministry]") → the fuller name its
    noun phrase gives."""
    m = r.mention_of_token(head)
    if m is None and head.lower_ in _POST_NOMINAL and head.tag_ == "NNP" and head.i > 0:
        m = r.mention_of_token(r.doc[head.i - 1], label="PERSON")  # "Frank Field MP"
        if m is not None:
            return m
    if m is not None and m.label in ("ORG", "NORP"):
        joined = coordinated_name(r, m, lo)
        if joined is not None:  # "Standard and [Poor's Corp] said", "The Liberal [Democrats] say"
            return joined
    if m is not None:
        if m.label == "ORG" and head.lower_ in INSTITUTIONS:  # "India’s [Foreign Ministry]"
            fuller = institution(r, list(r.doc[lo:hi]), head)
            if fuller is not None and fuller.name != m.name and fuller.name.endswith(m.name):
                return fuller
        return m
    return None


def appositive_name(r: Resolver, head: Token) -> Mention | None:
    """A PERSON/ORG named in apposition after the head ("Russia's deputy economy minister, Dmitry
    Orlov, said"), or, after a generic organisation noun, a name there the NER missed ("campaign
    group Save Our Pier said")."""
    for child in head.children:  # "Russia's deputy economy minister, Dmitry Orlov, said"
        if child.dep_ == "appos" and child.i > head.i:
            mm = r.mention_of_token(child)
            if mm is not None and mm.label in ("PERSON", "ORG"):
                return mm
            if mm is None and head.lower_ in ORG_NOUNS:  # "campaign group Save Our Pier said"
                mm = unlisted_name(r, child, "ORG")
                if mm is not None:
                    return mm
    return None


def name_word_mention(r: Resolver, head: Token) -> Mention | None:
    """A proper-noun head no mention covers → the latest PERSON/ORG whose name has that word
    ("China’s Xi" → Xi Jinping); a capitalised word the tagger took for a noun ("Stals said") →
    only a PERSON's."""
    if head.tag_ in ("NNP", "NNPS"):  # a name the NER missed: "China’s Xi" → Xi Jinping
        m = r.by_name_word(head.text, head.idx)
        if m is not None:
            return m
    elif head.tag_ in ("NN", "NNS") and head.text[:1].isupper() and head.text[1:].islower():
        m = r.by_name_word(head.text, head.idx)  # a surname tagged as a noun: "Stals said"
        if m is not None and m.label == "PERSON":
            return m
    return None

