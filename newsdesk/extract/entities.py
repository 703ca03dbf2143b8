"""Named-entity mentions, canonical names and stated roles for one parsed document.

``extract_entities(doc)`` starts from the small model's ``doc.ents``, repairs the slips it makes
systematically on news text, and links every mention to a canonical entity. Every rule is
general (no per-document or per-corpus lists); the lexicons live in ``newsdesk/data``.

1. Span repair (every mention keeps ``text == body[start_char:end_char]``):
   - cuts: line breaks and spaced dashes ("CRICKET - SRI LANKA"), unbalanced brackets, scores
     ("Surrey 429-7"); in names of people and places also free-standing numbers and commas; in a
     person's name lower-case words other than particles ("Johnstone v");
   - trims: leading "the" (kept as "The" in titles of works), leading month/weekday names,
     trailing possessives ("Russia’s" -> "Russia"), punctuation, lower-case descriptors
     ("Interfax news agency" -> "Interfax") and post-nominals ("Guy Mansfield QC");
   - hyphenated pairs of known names ("Xi-Putin", "China-Russia", "Biden-Putin") become two
     mentions with their own labels; a pair is split only when every part is a known form (alias
     table, or a name the same document uses on its own) and none is an ORG, so "Jean-Pierre",
     "Sino-Russian" and "UWP-Hachette" stay whole;
   - titles at the front of PERSON spans move to ``Mention.title`` ("President Xi Jinping" ->
     "Xi Jinping", title "President"); a title just before the span ("Mr Putin") is recorded too;
     initials and a missed given name join the surname ("R. [Ponting]", "Sandrine [Testud]");
   - labels: an alias-table hit fixes the label ("Nato" PERSON -> ORG, "Kyiv" PERSON -> GPE,
     "Ukrainian" GPE -> NORP; a city the model calls ORG stays ORG: clubs, companies); a one-word
     mention matching a person named in full in the document becomes PERSON ("Blinken" GPE; an ORG
     only with evidence such as a title or a family-name-first surname, since companies carry
     family names: "Pirelli"); a lone unknown PERSON word after "in"/"near" is a place; a form
     tagged differently within one document takes its majority label;
   - recall: alias-table names and nationality adjectives the model missed ("Kyiv", "BEIJING",
     "French"), full names it tagged elsewhere in the document, and surnames of such full names
     (and, after "Mr"/"Ms", first words of family-name-first full names: "Mr Lim");
   - people the model calls something else: an honorific at or before any span makes it a
     person ("Ms Carver" ORG, "Mr Hague" GPE; not "DR Congo", a quoted title, or "Dr Reddy's");
     a name of 2-4 words is a person when the document addresses its last word with "Mr"/"Ms"
     ("Helen Carver" ORG), or when it starts with a common given name (``data/given_names.txt``)
     and the sentence presents it as a person: role in apposition, title chain, subject of
     "said" ("Russia's deputy economy minister, Dmitry Orlov, said"); a one-word surname of a
     full name in the document that is the subject of "said" is evidence too ("Ashby said");
   - not entities: the first words of a quotation tagged as a work ("“Tonight Europe decided"),
     capitalised rates ("Bank Rate"), a department inside a person's title ("Defense" in
     "Defense Secretary Robert Hale"); spans joining two names with "as", "while", "than"...
     are cut ("Baltics as Nato"); a name in brackets after an organisation is an ORG
     ("... Fire Protection (Cal Fire)"), wherever it recurs.
2. Canonical names (``Mention.name``; ``entity_id = ids.entity_id(label, name)``): a short PERSON
   form links to the longest full name written in the same document that contains it (last token
   for Western names, first token for family-name-first names such as "Xi Jinping"; a given name
   alone only as a last resort and never after a title; ambiguous forms go to the nearest
   preceding full name). Without a full name in the document, the small table of well-known people
   in ``data/entity_aliases.tsv`` is used ("Putin" -> "Vladimir Putin"), else the name stays as
   written. Other labels are normalised by case, dots and apostrophes and mapped through the alias
   table ("U.S." -> "United States"; "America" not inside "Latin America", "Voice of America"...).
   After "Mr"/"Ms"/"Dr" one word is a family name: it links to the full name ending in it, else
   to the one starting with it ("Mr Lim" -> "Lim Wei Ming", "Mr Wen" -> "Wen Haibo"), with no
   surname list. One-word ORG short forms link to a longer ORG name of the same document when
   exactly one fits: "the X" for the head of "X of Y" or the last word ("the Bank" -> Bank of
   England, "the Commission" -> European Commission, "the Fund" -> International Monetary
   Fund); a proper word starting a name that ends in a legal/generic form, or a trade in a
   two-word name ("Brookings" -> Brookings Institution, "Huadong" GPE -> Huadong Energy Group,
   "Meridian" -> Meridian Semiconductor; never "Barclays" -> Barclays Capital).
3. Roles (``DocEntities.roles``), as body spans attached to the canonical entity: appositions
   ("Wang Yi, the Chinese foreign minister,"; "the foreign minister, Wang Yi,") and title chains
   right before a name ("Chinese President Xi Jinping", "Brookings Institution senior fellow Ryan
   Hass", "his Russian counterpart Vladimir Putin"). Roles never contain verbs, clauses, numbers,
   dates or other people; a chain must end in a title, a role noun or an agent noun.

Limits: linking is within one document only (plus the well-known table); no coreference of
pronouns or descriptions (the quotes extractor uses the roles for that); ORG short forms link
only inside a document and only when one full name fits (Bank of England and World Bank in one
document leave "the Bank" alone), and a company prefix can name a subsidiary in the same text
("Mitsubishi" -> Mitsubishi Motors); "Mr James" links to a full name ending or starting with
"James" even when another James is meant; names not in the alias table keep the
spelling most used in the document, so rare case variants may name different entities across
documents; all-capitals headlines and results tables remain hard for the small model.
Cost: linear in document length (person linking is quadratic in distinct full names only).
Token attributes are read once per document into lists (``_DocView``: ``doc.to_array`` for
text, tag, offset, space and sentence-start columns; syntax and entity attributes from the spaCy
token only for the few tokens that need them), never through ``Doc.__iter__`` or ``doc.text``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from spacy.attrs import ENT_IOB, IDX, ORTH, SENT_START, SPACY, TAG
from spacy.tokens import Doc

from newsdesk.extract.types import ENTITY_LABELS, DocEntities, Mention, Role
from newsdesk.ids import entity_id

_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_ENTITY_LABEL_SET = frozenset(ENTITY_LABELS)

# Family names written first (Chinese, Korean, Vietnamese): a lone "Xi" or "Wang" refers to the
# FIRST token of "Xi Jinping" / "Wang Yi". A short, closed list of the most common surnames.
_FAMILY_FIRST_SURNAMES = frozenset(
    """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang
    xie song tang xi han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei
    su lu ding ren yao shen zhong cui tan fan liao shi jin jia xia fu fang zou xiong bai meng qin qiu
    hou yin xue yan duan lei long shao wan qian tao mao hao gu kong mo bo kim park lee choi jung kang
    cho yoon moon nguyen tran le pham hoang
    """.split()
)
# Lower-case particles that belong inside personal names ("Ursula von der Leyen").
_NAME_PARTICLES = frozenset(
    "van von der den de del della di da dos das du la le bin bint ibn al el abu ben ter zu y".split()
)
_PUNCT_TAGS = frozenset({",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "$", "#"})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_WS_RE = re.compile(r"\s+")
# A capitalised word glued to a possessive and more text ("Putin’s“firm"): the name part.
_GLUED_POSSESSIVE_RE = re.compile(r"^([A-Z][A-Za-z\-]+)['\u2019]s\W")
_ROLE_STOP_TEXTS = frozenset({",", ";", ":", "—", "–", "(", ")", "[", "]", '"', "“", "”"})
_ROLE_TRIM_WORDS = frozenset({"the", "a", "an"})
# "America" inside a longer name the model cut short: "Latin America", "Voice of America".
_AMERICA_BLOCKERS = frozenset({"latin", "north", "south", "central", "middle", "corporate", "pan"})


# --------------------------------------------------------------------------------------------
# Data files, read once at import.


def _norm_key(text: str) -> str:
    """Matching key: case-folded, dots dropped, apostrophes straightened, spaces collapsed."""
    key = _NORM_KEY_CACHE.get(text)
    if key is None:
        if len(_NORM_KEY_CACHE) > 200_000:
            _NORM_KEY_CACHE.clear()
        key = _NORM_KEY_CACHE[text] = _norm_key_uncached(text)
    return key


_NORM_KEY_CACHE: dict[str, str] = {}


def _norm_key_uncached(text: str) -> str:
    key = _WS_RE.sub(" ", text.translate(_APOSTROPHES).replace(".", "")).strip().casefold()
    if key.startswith("the "):
        key = key[4:]
    return key


def _load_aliases(path: Path) -> dict[str, tuple[str, str]]:
    """alias key -> (canonical name, label) from the TSV (comment lines start with '#')."""
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        alias, canonical, label = cols[:3]
        if label not in _ENTITY_LABEL_SET:
            raise ValueError(f"{path}: bad label {label!r} for {alias!r}")
        table.setdefault(_norm_key(alias), (canonical, label))
        if len(cols) > 3 and cols[3].strip() == "city":
            _CITY_NAMES.add(canonical)
    return table


_CITY_NAMES: set[str] = set()  # canonical names of cities (4th column "city" in the alias table)


def _title_words(phrase: str) -> tuple[str, ...]:
    """Word sequence of a title as spaCy tokenizes it ("Secretary-General" -> secretary, -, general)."""
    return tuple(re.findall(r"[^\s\-]+|-", phrase.casefold().replace(".", "")))


def _load_titles(
    path: Path,
) -> tuple[dict[tuple[str, ...], bool], frozenset[str], frozenset[tuple[str, ...]]]:
    """(title word sequence -> is_honorific, role nouns, family-name honorifics) from the titles file."""
    titles: dict[tuple[str, ...], bool] = {}
    roles: set[str] = set()
    family: set[tuple[str, ...]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        kind = parts[1].strip() if len(parts) > 1 else ""
        if kind == "role":
            roles.add(parts[0].strip().casefold())
        else:
            titles[_title_words(parts[0])] = kind == "honorific"
            if len(parts) > 2 and parts[2].strip() == "family":
                family.add(_title_words(parts[0]))
    return titles, frozenset(roles), frozenset(family)


def _load_words(path: Path) -> frozenset[str]:
    """Case-folded words of a one-word-a-line list (comment lines start with '#')."""
    return frozenset(
        w.strip().casefold()
        for w in path.read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    )


ALIASES = _load_aliases(_DATA_DIR / "entity_aliases.tsv")
TITLES, ROLE_NOUNS, FAMILY_HONORIFICS = _load_titles(_DATA_DIR / "person_titles.txt")
GIVEN_NAMES = _load_words(_DATA_DIR / "given_names.txt")
_TITLE_MAX_LEN = max(len(t) for t in TITLES)
_TITLE_FIRST_WORDS = frozenset(t[0] for t in TITLES)
_TITLE_LAST_WORDS = frozenset(t[-1] for t in TITLES)
_HONORIFIC_FIRST_WORDS = frozenset(t[0] for t, honorific in TITLES.items() if honorific)
_TITLE_WORDS = frozenset(w for t in TITLES for w in t if w != "-")
# Last words of non-honorific titles ("minister", "president", "secretary"): they can head a role.
_TITLE_HEADS = frozenset(t[-1] for t, honorific in TITLES.items() if not honorific)


# --------------------------------------------------------------------------------------------
# Per-document token arrays. spaCy builds a ``Token`` object on every ``doc[i]`` and every step of
# ``Doc.__iter__``; the extractor reads the same few attributes many times, so they are read once
# per document with ``Doc.to_array`` into plain lists, and light token objects are made on demand.

_IOB_STRINGS = ("", "I", "O", "B")
_STRING_CACHE: dict[int, str] = {}  # hash -> string (vocabulary strings; cleared when large)
_STRING_CACHE_MAX = 500_000


def _strings_of(hashes: list[int], strings) -> list[str]:
    """Strings of a column of hashes, through a module-level cache."""
    cache = _STRING_CACHE
    try:
        return list(map(cache.__getitem__, hashes))
    except KeyError:  # a word not seen before
        if len(cache) > _STRING_CACHE_MAX:
            cache.clear()
        out = []
        for h in hashes:
            s = cache.get(h)
            if s is None:
                s = cache[h] = strings[h]
            out.append(s)
        return out


class _Tok:
    """The token attributes the extractor reads (a read-only stand-in for ``spacy.tokens.Token``).

    Text, tag, case and offsets come from the view's lists; the syntax and entity attributes,
    read for few tokens, from the spaCy token on first use."""

    __slots__ = ("_v", "i", "text", "tag_", "idx", "whitespace_", "is_space", "_tok")

    def __init__(self, v: "_DocView", i: int) -> None:
        self._v = v
        self.i = i
        self.text = v.texts[i]
        self.tag_ = v.tags[i]
        self.idx = v.idxs[i]
        self.whitespace_ = " " if v.spaces[i] else ""
        self.is_space = self.text.isspace()  # spaCy's IS_SPACE
        self._tok = None

    @property
    def lower_(self) -> str:
        return self.text.lower()

    def _spacy(self):
        if self._tok is None:
            self._tok = self._v.doc[self.i]
        return self._tok

    @property
    def is_punct(self) -> bool:
        return _lex_is_punct(self._v.doc, self.text)

    @property
    def dep_(self) -> str:
        return self._spacy().dep_

    @property
    def ent_type_(self) -> str:
        return self._spacy().ent_type_

    @property
    def ent_iob_(self) -> str:
        return self._spacy().ent_iob_

    @property
    def is_sent_start(self) -> bool | None:
        ss = self._v.sent_starts[self.i]
        return None if ss == 0 else ss > 0

    @property
    def head(self) -> "_Tok":
        return self._v[self._spacy().head.i]

    @property
    def appos_children(self) -> list["_Tok"]:
        """Children with dependency "appos", in document order."""
        return [self._v[t.i] for t in self._spacy().children if t.dep_ == "appos"]

    @property
    def left_edge(self) -> "_Tok":
        return self._v[self._spacy().left_edge.i]

    @property
    def right_edge(self) -> "_Tok":
        return self._v[self._spacy().right_edge.i]


class _SpanView(list):
    """A token range as a list of ``_Tok`` with the span's ``text``."""

    __slots__ = ("text",)


class _DocView:
    """Token attributes of one document as plain lists, read once with ``doc.to_array``.

    ``view[i]`` gives a cached ``_Tok``; ``view[a:b]`` a ``_SpanView``; ``len(view)`` and
    ``view.text`` as for the ``Doc``; ``ents`` holds ``(start, end, label)`` of ``doc.ents``.
    Columns read for every document: texts, lower-case forms, tags, offsets, trailing spaces,
    sentence starts; the others (punctuation flags, dependencies, heads) on first use.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        n = self.n = len(doc)
        self.ents = [(e.start, e.end, e.label_) for e in doc.ents]
        strings = doc.vocab.strings
        if n:
            self.texts = _strings_of(doc.to_array(ORTH).tolist(), strings)
            self.tags = _strings_of(doc.to_array(TAG).tolist(), strings)
            # offsets, trailing-space flags, sentence starts (-1 / 0 / 1) in one call
            self.idxs, self.spaces, self.sent_starts = doc.to_array([IDX, SPACY, SENT_START]).astype("int64").T.tolist()
        else:
            self.texts, self.tags, self.idxs, self.spaces, self.sent_starts = [], [], [], [], []
        # doc.text joins Token objects; the same string from the lists
        self.text = "".join([t + " " if sp else t for t, sp in zip(self.texts, self.spaces)])
        self._toks: list[_Tok | None] = [None] * n
        self._norms: list[str] | None = None
        self._lowers: list[str] | None = None
        self._ent_iobs: list[int] | None = None

    @property
    def lowers(self) -> list[str]:
        """Lower-case forms (spaCy's LOWER is ``str.lower``)."""
        if self._lowers is None:
            self._lowers = [t.lower() for t in self.texts]
        return self._lowers

    @property
    def norms(self) -> list[str]:
        """Lower-case forms without dots (``_tnorm``), for matching titles."""
        if self._norms is None:
            self._norms = [w.replace(".", "") for w in self.lowers]
        return self._norms

    @property
    def ent_iobs(self) -> list[int]:
        """ENT_IOB codes: 0 unset, 1 inside, 2 outside, 3 begin."""
        if self._ent_iobs is None:
            self._ent_iobs = self.doc.to_array(ENT_IOB).tolist() if self.n else []
        return self._ent_iobs

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, _ = key.indices(self.n)
            toks, make = self._toks, self._make
            span = _SpanView([toks[i] or make(i) for i in range(start, stop)])
            span.text = self.span_text(start, stop)
            return span
        tok = self._toks[key]
        if tok is None:
            if key < 0:
                key += self.n
            tok = self._toks[key] = _Tok(self, key)
        return tok

    def _make(self, i: int) -> _Tok:
        tok = self._toks[i] = _Tok(self, i)
        return tok

    def __iter__(self):
        return (self[i] for i in range(self.n))

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without making the span."""
        if end <= start:
            return ""
        return self.text[self.idxs[start] : self.idxs[end - 1] + len(self.texts[end - 1])]

    def sentence_starts(self) -> list[int]:
        """Token index of each sentence start (as ``doc.sents``; the whole text when unparsed)."""
        doc = self.doc
        if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            return [0]
        ss = self.sent_starts
        return [0] + [i for i in range(1, self.n) if ss[i] == 1] if self.n else []


# --------------------------------------------------------------------------------------------
# Candidate spans.


@dataclass(slots=True)
class _Cand:
    """A mention under repair: token range [start, end) plus char offsets and label."""

    start: int
    end: int
    start_char: int
    end_char: int
    label: str
    title: str | None = None
    name: str = ""
    key: str = ""
    ent_start: int = -1  # first token of the model's entity (a title stripped from it lies between)
    title_start: int = -1  # first token of ``title`` (inside or right before the span), or -1


def _tnorm(tok: "_Tok") -> str:
    return tok._v.norms[tok.i]


def _match_title(doc: "_DocView", i: int, end: int) -> int:
    """Length (tokens) of the longest title phrase starting at token i and ending before ``end``."""
    norms = doc.norms
    if i >= end or norms[i] not in _TITLE_FIRST_WORDS:
        return 0
    for n in range(min(_TITLE_MAX_LEN, end - i), 0, -1):
        if tuple(norms[i : i + n]) in TITLES:
            return n
    return 0

def _title_ending_at(doc: "_DocView", end: int, lo: int) -> int:
    """Start token of the longest title phrase that ends right before token ``end`` (or -1)."""
    norms = doc.norms
    if end <= lo or norms[end - 1] not in _TITLE_LAST_WORDS:
        return -1
    for n in range(min(_TITLE_MAX_LEN, end - lo), 0, -1):
        if tuple(norms[end - n : end]) in TITLES:
            return end - n
    return -1

def _is_punct(tok: "_Tok") -> bool:
    return tok.tag_ in _PUNCT_TAGS or tok.is_punct


def _is_punct_at(doc: "_DocView", i: int) -> bool:
    """``_is_punct(doc[i])`` from the lists."""
    return doc.tags[i] in _PUNCT_TAGS or _lex_is_punct(doc.doc, doc.texts[i])


_PUNCT_FLAG_CACHE: dict[str, bool] = {}


def _lex_is_punct(doc: Doc, text: str) -> bool:
    """spaCy's ``is_punct`` flag of a word (a lexeme attribute), cached by text."""
    flag = _PUNCT_FLAG_CACHE.get(text)
    if flag is None:
        if len(_PUNCT_FLAG_CACHE) > 200_000:
            _PUNCT_FLAG_CACHE.clear()
        flag = _PUNCT_FLAG_CACHE[text] = bool(doc.vocab[text].is_punct)
    return flag

def _is_cap_word(text: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text)


def _is_name_word(text: str) -> bool:
    """A word that can be part of a personal name (capitalised, or a particle like "von")."""
    return (_is_cap_word(text) or text in _NAME_PARTICLES) and not any(c.isdigit() for c in text)


def _char_span(doc: "_DocView", start: int, end: int) -> tuple[int, int]:
    return doc.idxs[start], doc.idxs[end - 1] + len(doc.texts[end - 1])

_CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_POST_NOMINALS = frozenset({"MP", "MSP", "MEP", "QC", "KC", "OBE", "CBE", "MBE", "KBE", "PhD"})
_TRIM_LOWER_TAIL_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "PERSON"})


def _trim(doc: "_DocView", start: int, end: int, label: str = "") -> tuple[int, int]:
    """Trim a token range: leading "the", punctuation and month/weekday names; trailing
    possessives, punctuation, post-nominals of people and lower-case descriptors; wire-copy
    angle brackets ("<Acme Corp>") and a trailing bracketed ticker ("ACME CORP <ACME.O>").

    A capitalised "The" is kept in titles of works ("The Crying Game"); a lower-case part of a
    hyphenated name ("Kang Young-hoon") is not a descriptor.
    """
    texts, tags, spaces = doc.texts, doc.tags, doc.spaces
    while start < end and (
        (texts[start].lower() == "the" and not (label == "WORK_OF_ART" and texts[start] == "The"))
        or _is_punct_at(doc, start)
        or texts[start].isspace()
        or texts[start] == "<"
    ):
        start += 1
    # Wire copy marks company names and tickers with angle brackets: "<Acme Holdings Corp> said",
    # "ACME CORP <ACME.O>": the bracket (and a trailing ticker group) is no part of the name.
    if end > start and texts[end - 1] == ">":
        opener = next((j for j in range(end - 2, start - 1, -1) if texts[j] == "<"), None)
        end = opener if opener is not None and opener > start else end - 1
    # Leading month or weekday names ("September Treasury"), not in person names ("August Bebel").
    while end - start > 1 and label != "PERSON" and texts[start].lower() in _CALENDAR_WORDS:
        start += 1
    while end - start > 1 and label == "PERSON" and texts[end - 1].rstrip(".") in _POST_NOMINALS:
        end -= 1  # "Guy Mansfield QC", "Paul Boateng MP"
    while end > start:
        last = texts[end - 1]
        if not (
            tags[end - 1] == "POS"
            or last.isspace()
            or (_is_punct_at(doc, end - 1) and last not in (")", "]"))
            or last in ("'s", "\u2019s", "'", "\u2019")
            # trailing descriptors: "Interfax news agency", "Kosevo stadium", "Indo-Pacific region"
            or (
                label in _TRIM_LOWER_TAIL_LABELS
                and end - start > 1
                and last.isalpha()
                and last.islower()
                and last not in _NAME_PARTICLES
                and not (end - 2 >= start and texts[end - 2] == "-" and not spaces[end - 2])
            )
        ):
            break
        end -= 1
    # An unbalanced closing bracket is punctuation too.
    if end > start and texts[end - 1] in (")", "]"):
        opener = "(" if texts[end - 1] == ")" else "["
        if opener not in texts[start:end]:
            end -= 1
    return start, end

def _hyphen_parts(doc: "_DocView", start: int, end: int) -> list[tuple[int, int]] | None:
    """Token ranges of "A-B(-C)" when the span is only capitalised words joined by hyphens."""
    if end - start < 3 or (end - start) % 2 == 0:
        return None
    texts, spaces = doc.texts, doc.spaces
    parts = []
    for k in range(start, end):
        if (k - start) % 2:
            if texts[k] != "-" or spaces[k] or spaces[k - 1]:
                return None
        elif not _is_cap_word(texts[k]):
            return None
        else:
            parts.append((k, k + 1))
    return parts

class _DocContext:
    """Per-document facts gathered in one pass over ``doc.ents`` before repair."""

    def __init__(self, doc: "_DocView") -> None:
        self.ents = doc.ents  # (start, end, label) of the model's entities
        self.ent_labels: dict[str, Counter] = defaultdict(Counter)  # key -> labels of standalone ents
        self.person_words: set[str] = set()  # case-folded words of PERSON ents
        texts = doc.texts
        for start, end, label in self.ents:
            if label not in _ENTITY_LABEL_SET:
                continue
            ent_text = doc.span_text(start, end)
            if "-" not in ent_text:
                self.ent_labels[_norm_key(ent_text)][label] += 1
            if label == "PERSON":
                for k in range(start, end):
                    if _is_cap_word(texts[k]) and texts[k] != "-" and not texts[k].isspace():
                        self.person_words.add(texts[k].casefold())

    def known_label(self, text: str) -> str | None:
        """Label of a known form: alias table, then the document's own standalone entities."""
        key = _norm_key(text)
        if key in ALIASES:
            return ALIASES[key][1]
        if key in self.ent_labels:
            return self.ent_labels[key].most_common(1)[0][0]
        if key in self.person_words:
            return "PERSON"
        return None


_NUMERIC_RE = re.compile(r"^[\d.,:/\-]*\d[\d.,:/\-]*(?:st|nd|rd|th|s)?$")
# Labels whose names never contain a free-standing number ("I. Austin 4-37", "Pohang 3 Ulsan 2"
# in results tables); ORG, EVENT, PRODUCT... can ("Channel 4", "Formula 1", "Windows 10").
_NO_NUMBER_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP"})


_SCORE_RE = re.compile(r"^\+?\d+(?:[.\-:/]\d+)+$|^\+\d+$")  # 429-7, 9.5-0-44-1, 2-1, +353
_SCORE_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP", "ORG", "FAC"})
_NO_COMMA_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP", "FAC"})
_DASHES = frozenset({"-", "--", "\u2014", "\u2013"})
# Lower-case words that join clauses or two entities and never sit inside the name of an
# organisation or place: "the Baltics as Nato bolsters ..." (one ORG span "Baltics as Nato").
_CLAUSE_WORDS = frozenset({"as", "while", "whereas", "when", "because", "than", "if", "unless", "until", "since"})
_CLAUSE_CUT_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})


def _is_cut_token(doc: "_DocView", i: int, start: int, end: int, label: str) -> bool:
    """Tokens a span is cut at (the token itself is dropped).

    - line breaks, and dashes with spaces on both sides ("CRICKET - SRI LANKA"), for every label;
    - brackets without their partner inside the span ("Natalya Shikolen ( Belarus");
    - scores and phone numbers ("Surrey 429-7", "Newsroom +353") except in works, events, laws;
      any free-standing number in names of people, places, nationalities ("Pohang 3 Ulsan 2");
    - commas in names of people and places ("Oval , London"; whole alias hits such as
      "Washington, D.C." are never cut);
    - lower-case clause words ("as", "while", "than"...) in names of organisations and places
      ("Baltics as Nato");
    - in a person's name: lower-case words other than particles, and brackets.
    """
    texts, spaces = doc.texts, doc.spaces
    text = texts[i]
    if text.isspace():
        return "\n" in text
    if text in _DASHES and spaces[i] and i > 0 and spaces[i - 1]:
        return True
    if text in ("(", "["):
        closer = ")" if text == "(" else "]"
        if label == "PERSON" or closer not in texts[i + 1 : end]:
            return True
    if text in (")", "]"):
        opener = "(" if text == ")" else "["
        if label == "PERSON" or opener not in texts[start:i]:
            return True
    if label in _SCORE_LABELS and _SCORE_RE.match(text):
        return True
    if label in _NO_NUMBER_LABELS and _NUMERIC_RE.match(text):
        return True
    if text == "," and label in _NO_COMMA_LABELS:
        return True
    if text in _CLAUSE_WORDS and label in _CLAUSE_CUT_LABELS:
        return True
    if label == "PERSON":
        if text in ("/", ";", "|"):
            return True
        if text[:1].islower() and text.isalpha() and text not in _NAME_PARTICLES:
            # hyphenated names keep their lower-case parts ("Ata-ur-Rehman", "Kang Young-hoon")
            glued = (i > 0 and texts[i - 1] == "-" and not spaces[i - 1]) or (
                i + 1 < len(texts) and texts[i + 1] == "-" and not spaces[i]
            )
            return not glued
    return False


def _split_span(doc: "_DocView", start: int, end: int, label: str = "") -> list[tuple[int, int]]:
    """Cut a token range at the cut tokens of ``_is_cut_token``.

    In a person's name, a cut at a word or bracket keeps only what precedes it ("Quigley ( USA",
    "Johnstone v"): the name comes first.
    """
    if _norm_key(doc.span_text(start, end)) in ALIASES:
        return [(start, end)]
    texts = doc.texts
    parts, s, dash_cut = [], start, False
    for i in range(start, end):
        if _is_cut_token(doc, i, start, end, label):
            # a lone all-caps word before a spaced dash is a headline slug ("SOCCER - ...")
            text = texts[i]
            dash_cut = text in _DASHES
            if i > s and not (dash_cut and i - s == 1 and texts[s].isupper()
                              and _norm_key(texts[s]) not in ALIASES):
                parts.append((s, i))
            s = i + 1
            if label == "PERSON" and not text.isspace() and not _NUMERIC_RE.match(text) \
                    and text not in _DASHES:
                return parts or [(s, end)]
    if end > s:
        parts.append((s, end))
    return parts


def _strip_person_title(doc: "_DocView", cand: _Cand) -> None:
    """Move a title prefix out of a PERSON span ("Chinese President Xi Jinping" -> "Xi Jinping").

    A title phrase among the first five tokens that leaves at least one token after it ends the
    prefix; without a title, only leading lower-case words ("ex-", "former") are dropped. A title
    written right before the span ("Mr Putin" with span "Putin") is recorded as well.
    """
    start, end = cand.start, cand.end
    best, i = None, start
    while i < end - 1 and i - start <= 4:
        n = _match_title(doc, i, end)
        if n and i + n < end:
            best = (i, i + n)
            i += n
            continue
        i += 1
    title = None
    if best:
        title = doc.span_text(best[0], best[1])
        cand.title_start = best[0]
        cand.start = best[1]
    else:
        while cand.start < end - 1 and (
            (doc[cand.start].text[:1].islower() and doc[cand.start].text not in _NAME_PARTICLES)
            or _is_punct(doc[cand.start])
        ):
            cand.start += 1
    if title is None and cand.start > 0:
        j = _title_ending_at(doc, cand.start, max(0, cand.start - _TITLE_MAX_LEN))
        if j >= 0:
            title = doc.span_text(j, cand.start)
            cand.title_start = j
    cand.title = title


_DEMONYM_RE = re.compile(r"(?:an|ese|ish|ic|i)$")


def _fix_shape_label(doc: "_DocView", cand: _Cand) -> None:
    """A lone adjective tagged as a place or organisation is a nationality ("Ukrainian" GPE -> NORP)."""
    text = doc.texts[cand.start]
    if (
        cand.end - cand.start == 1
        and cand.label in ("GPE", "LOC", "ORG")
        and doc.tags[cand.start] == "JJ"
        and not text.isupper()
        and _DEMONYM_RE.search(text)
    ):
        cand.label = "NORP"


def _has_capital(doc: "_DocView", cand: _Cand) -> bool:
    """Names have a capitalised word or a digit; "hegemonic behaviour" (tagged ORG) has neither."""
    return any(t[:1].isupper() or t[:1].isdigit() for t in doc.texts[cand.start : cand.end])


_INITIALS_RE = re.compile(r"^(?:[A-Z]\.){1,3}$")


def _extend_first_name(doc: "_DocView", cand: _Cand) -> None:
    """Take in a given name the model left out ("Sandrine [Testud]" -> "Sandrine Testud").

    Only for a one-word PERSON span without a title, when the word before is a capitalised
    proper noun outside any entity, not a title, and not itself preceded by a proper noun.
    """
    # Initials just before the name ("R. Ponting", "J.J. Smith"), even when the model tagged
    # the initial alone as something else.
    while (
        cand.start > 0
        and cand.title is None
        and _INITIALS_RE.match(doc[cand.start - 1].text)
        and _norm_key(doc[cand.start - 1].text) not in ALIASES  # "U.S." is no initial
    ):
        cand.start -= 1
        cand.start_char = doc[cand.start].idx
    i = cand.start - 1
    if cand.end - cand.start != 1 or cand.title is not None or i < 0:
        return
    prev = doc[i]
    if (
        prev.tag_ == "NNP"
        and prev.ent_iob_ == "O"
        and prev.text[:1].isupper()
        and prev.text[1:].islower()
        and prev.text.isalpha()
        and _tnorm(prev) not in _TITLE_WORDS
        and _norm_key(prev.text) not in ALIASES
        and (i == 0 or doc[i - 1].tag_ not in ("NNP", "NNPS") or prev.is_sent_start)
    ):
        cand.start = i
        cand.start_char = prev.idx


_HONORIFIC_RELABEL = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
_NAME_RELABEL = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})


def _honorific_len(doc: "_DocView", i: int, end: int) -> int:
    """Tokens of an honorific ("Mr", "Ms.", "Dr") written as a word at token i, else 0.

    Only capitalised, not all-capitals forms count ("DR Congo" is no doctor)."""
    if i >= end or doc.texts[i].lower().replace(".", "") not in _HONORIFIC_FIRST_WORDS:
        return 0
    n = _match_title(doc, i, end)
    if not n or not TITLES.get(tuple(doc.norms[i : i + n]), False):
        return 0
    first = doc.texts[i]
    return n if first[:1].isupper() and not first.isupper() else 0


def _honorific_person_start(doc: "_DocView", s: int, e: int, person_words: set[str] = frozenset()) -> int:
    """For a non-PERSON span: start token of the name when an honorific leads it or stands right
    before it ("Ms Carver" tagged ORG -> 1), else -1. The name must be capitalised name words and
    even when it is also a place ("Mr Hague"); a title between quote marks ("“Mr Bean”") and a
    name with a possessive inside the model's span (the company "Dr Reddy's") are left alone,
    unless the document names a person with that word (``person_words``: "Bernard Ebbers" ...
    "Mr Ebbers' lawyers")."""
    if s > 0 and doc.texts[s - 1] in _OPEN_QUOTES and e < len(doc) and doc.texts[e] in _CLOSE_QUOTES:
        return -1
    if e < len(doc) and doc.tags[e] == "POS" and doc.ent_iobs[e] == 1 and doc.lowers[e - 1] not in person_words:
        return -1  # "'s" inside the entity: a company ("Dr Reddy's")
    n = _honorific_len(doc, s, e)
    start = s + n
    if not n:
        before = s - 1
        if before < 0 or not (_honorific_len(doc, before, s) or (
            before >= 1 and doc.texts[before] == "." and _honorific_len(doc, before - 1, s)
        )):
            return -1
    if start >= e or not all(_is_name_word(doc.texts[k]) for k in range(start, e)):
        return -1
    return start  # even an alias of a place: "Mr Hague", "Mr Jordan"


_OPEN_QUOTES = frozenset({'"', "\u201c", "\u2018", "'", "``"})
_CLOSE_QUOTES = frozenset({'"', "\u201d", "\u2019", "'", "''"})


def _is_quote_opening(doc: "_DocView", s: int, e: int) -> bool:
    """A span that starts a quotation without being all of it ("“AI is no longer a niche").

    Titles of works stand between their quote marks ("“The Crying Game”", or nearly:
    "“Hartz IV” reforms"); the model also tags the first words of a quotation as a work, which
    this recognises."""
    if s == 0 or doc.texts[s - 1] not in _OPEN_QUOTES or doc.spaces[s - 1]:
        return False
    return not any(t in _CLOSE_QUOTES for t in doc.texts[e : e + 3])


# Capitalised rates are not organisations: "Bank Rate", "Federal Funds Rate".
_NON_ORG_LAST_WORDS = frozenset({"rate", "rates"})


def _candidates(doc: "_DocView", ctx: _DocContext) -> list[_Cand]:
    """Repaired candidate spans from ``doc.ents`` (token level), before linking.

    Besides the repairs of the module docstring: an honorific before or at the start of a
    non-PERSON span makes it a person ("Ms Carver" ORG); a work of art that only opens a
    quotation ("“Tonight Europe decided ...") and an ORG ending in "Rate" are dropped."""
    cands: list[_Cand] = []
    for ent_start, ent_end, ent_label0 in ctx.ents:
        if ent_label0 not in _ENTITY_LABEL_SET:
            continue
        for s0, e0 in _split_span(doc, ent_start, ent_end, ent_label0):
            ent_label = ent_label0
            s, e = _trim(doc, s0, e0, ent_label)
            if s >= e:
                continue
            if (
                ent_label == "WORK_OF_ART"
                and _is_quote_opening(doc, s, e)
                and ctx.known_label(doc.span_text(s, e)) in (None, "WORK_OF_ART")
            ):
                continue  # unless a known form ("“Martin (Campbell) is", Martin Campbell)
            if ent_label in _CLAUSE_CUT_LABELS and all(_NUMERIC_RE.match(t) for t in doc.texts[s:e]):
                continue  # "167" left by a cut ("Gartner More than 167 million")
            if ent_label == "ORG" and e - s > 1 and doc.norms[e - 1] in _NON_ORG_LAST_WORDS:
                continue
            if ent_label in _HONORIFIC_RELABEL and _honorific_person_start(doc, s, e, ctx.person_words) >= 0:
                ent_label = "PERSON"
            parts = _hyphen_parts(doc, s, e)
            if parts and ent_label in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"):
                labels = [ctx.known_label(doc.span_text(a, b)) for a, b in parts]
                # Never split company names ("UWP-Hachette") or unknown all-caps forms ("AL-RAM").
                if all(labels) and "ORG" not in labels and all(
                    _norm_key(doc.span_text(a, b)) in ALIASES or not doc.span_text(a, b).isupper() for a, b in parts
                ):
                    for (a, b), label in zip(parts, labels, strict=True):
                        cands.append(_Cand(a, b, *_char_span(doc, a, b), label=label))
                    continue
            cand = _Cand(s, e, *_char_span(doc, s, e), label=ent_label, ent_start=s)
            if ent_label == "PERSON":
                _strip_person_title(doc, cand)
                if cand.start >= cand.end:
                    continue
                cand.start_char = doc.idxs[cand.start]
                _extend_first_name(doc, cand)
            if not _has_capital(doc, cand):
                continue
            last = doc.texts[cand.end - 1]
            if len(last) > 2 and last[-2:] in ("'s", "\u2019s") and cand.end_char - cand.start_char > 2:
                cand.end_char -= 2  # a possessive the tokenizer left glued to the name
            _fix_shape_label(doc, cand)
            cands.append(cand)
    return cands


# --------------------------------------------------------------------------------------------
# Linking.


@dataclass(slots=True)
class _FullName:
    words: tuple[str, ...]  # case-folded
    written: str
    start_char: int


def _name_words(text: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WS_RE.sub(" ", text).strip().split(" "))


def _is_full_name(text: str) -> bool:
    words = _WS_RE.sub(" ", text).strip().split(" ")
    return 2 <= len(words) <= 5 and all(_is_name_word(w) for w in words) and "&" not in text


def _is_subseq(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


class _PersonLinker:
    """Links short PERSON forms to full names written in the same document."""

    def __init__(self, cands: list[_Cand], body: str) -> None:
        self.full: list[_FullName] = []
        for c in cands:
            if c.label == "PERSON":
                text = body[c.start_char : c.end_char]
                if _is_full_name(text):
                    self.full.append(_FullName(_name_words(text), _WS_RE.sub(" ", text), c.start_char))
        # Cluster: a full name that is a sub-sequence of a longer one with the same first and last
        # word is the same person ("Vladimir Putin" < "Vladimir Vladimirovich Putin").
        self.canonical: dict[tuple[str, ...], str] = {}
        by_len = sorted({f.words for f in self.full}, key=len, reverse=True)
        written: dict[tuple[str, ...], str] = {}
        for f in self.full:  # prefer a spelling that is not all capitals, then the first seen
            if f.words not in written or (written[f.words].isupper() and not f.written.isupper()):
                written[f.words] = f.written
        for words in by_len:
            target = words
            for longer in by_len:
                if len(longer) <= len(words):
                    break
                if longer[0] == words[0] and longer[-1] == words[-1] and _is_subseq(words, longer):
                    target = longer
                    break
            self.canonical[words] = self.canonical.get(target, written[target])
        self.first_words = {f.words[0] for f in self.full}  # family names written first, after "Mr"
        self.short_forms: set[str] = set()
        for f in self.full:
            self.short_forms.add(f.words[-1])
            if f.words[0] in _FAMILY_FIRST_SURNAMES:
                self.short_forms.add(f.words[0])

    def link(self, text: str, at: int, titled: bool = False, family: bool = False) -> str | None:
        """Canonical full name for a (short) PERSON name at char ``at``, or None.

        A Western given name alone links to a full name only as a last resort, and never when a
        title precedes it ("Prince Charles" is not "Charles Kennedy"). After a family-name
        honorific (``family``: "Mr", "Ms", "Dr"...) one word is a family name: it links to a full
        name that ends with it, else to one that starts with it ("Mr Lim" -> "Lim Wei Ming"),
        whatever the surname."""
        words = _name_words(text)
        if not words or not self.full:
            return None
        if len(words) >= 2 and words in self.canonical:
            return self.canonical[words]
        tier1, tier2 = [], []
        if family and len(words) == 1:
            w = words[0]
            tier1 = [f for f in self.full if len(f.words) > 1 and f.words[-1] == w]
            if not tier1:
                tier1 = [f for f in self.full if len(f.words) > 1 and f.words[0] == w]
        for f in (self.full if not tier1 else ()):
            if len(f.words) <= len(words) or not _is_subseq(words, f.words):
                continue
            if words[-1] == f.words[-1] or (words[0] == f.words[0] and f.words[0] in _FAMILY_FIRST_SURNAMES):
                tier1.append(f)
            elif words[0] == f.words[0] and not titled:
                tier2.append(f)
        pool = tier1 or tier2
        if not pool:
            return None
        names = {self.canonical[f.words] for f in pool}
        if len(names) == 1:
            return names.pop()
        before = [f for f in pool if f.start_char < at]
        nearest = max(before, key=lambda f: f.start_char) if before else min(pool, key=lambda f: f.start_char)
        return self.canonical[nearest.words]


def _family_title_before(doc: "_DocView", i: int) -> bool:
    """A family-name honorific ("Mr", "Ms.", "Dr") written right before token i."""
    for n in (1, 2):  # "Mr" or "Mr ."
        j = i - n
        if j >= 0 and tuple(w for w in doc.norms[j:i] if w) in FAMILY_HONORIFICS and doc.texts[j][:1].isupper():
            return True
    return False


def _alias_blocked(doc: "_DocView", cand: _Cand, key: str) -> bool:
    """True when an alias hit is really part of a longer name the model cut ("Latin America")."""
    if cand.start == 0:
        return False
    prev = doc[cand.start - 1]
    if key == "america" and (
        prev.lower_ in _AMERICA_BLOCKERS
        or (
            prev.tag_ in _PROPER_TAGS
            and _is_cap_word(prev.text)
            and (not prev.is_sent_start or _tnorm(prev) in _TITLE_WORDS)
        )
    ):
        return True  # "Latin America", "Captain America": part of another name
    # "Voice of America", "Bank of America": "of" right after a capitalised word.
    return prev.lower_ == "of" and cand.start >= 2 and _is_cap_word(doc[cand.start - 2].text) and len(key.split()) == 1


_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "throughout"})


def _after_place_preposition(doc: "_DocView", cand: _Cand) -> bool:
    """A lone capitalised word right after "in"/"near"... is a place, not a person
    ("fighting in Tavildara"); people are rarely "in" someone (possessives excepted)."""
    if cand.end - cand.start != 1 or cand.start == 0:
        return False
    nxt = doc[cand.end] if cand.end < len(doc) else None
    if nxt is not None and nxt.tag_ == "POS":
        return False
    return doc[cand.start - 1].lower_ in _PLACE_PREPOSITIONS


def _resolve_label(cand: _Cand, alias: tuple[str, str] | None, linked: str | None, evidence: bool) -> str:
    """Final label from the model label, an alias-table hit and a within-document person link.

    ``evidence`` says the document supports a PERSON reading beyond the link itself (the model
    tagged the form PERSON elsewhere, a title precedes it, or it is a family-name-first surname);
    it is required to turn an ORG into a person, since companies carry family names ("Pirelli").
    """
    model = cand.label
    if model == "PERSON" and linked:
        return "PERSON"
    if alias:
        alias_label = alias[1]
        if alias_label == "NORP" and model == "LANGUAGE":
            return model  # "French" the language
        if model == "ORG" and alias[0] in _CITY_NAMES:
            return model  # clubs and companies are named after cities, not after countries
        return alias_label
    if linked and (model in ("GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART") or (model == "ORG" and evidence)):
        return "PERSON"
    return model


def _split_name_coordinations(doc: "_DocView", cands: list[_Cand], linker: _PersonLinker) -> list[_Cand]:
    """Split non-PERSON spans that coordinate known people ("Xi & Putin Hail" tagged ORG).

    Applies only when every conjunct starts with a surname of a person named in full in the
    document; each conjunct then yields a PERSON mention of that one word.
    """
    out: list[_Cand] = []
    texts = doc.texts
    for c in cands:
        if c.label == "PERSON" or ("&" not in texts[c.start : c.end] and "and" not in texts[c.start : c.end]):
            out.append(c)
            continue
        pieces, s = [], c.start
        for k in range(c.start, c.end):
            if texts[k] in ("&", "and"):
                pieces.append((s, k))
                s = k + 1
        pieces.append((s, c.end))
        if all(b > a and texts[a].casefold() in linker.short_forms for a, b in pieces):
            for a, _ in pieces:
                out.append(_Cand(a, a + 1, *_char_span(doc, a, a + 1), label="PERSON", ent_start=a))
        else:
            out.append(c)
    return out


_ALIAS_MAX_WORDS = 4
_PROPER_TAGS = frozenset({"NNP", "NNPS"})


def _vote_labels(cands: list[_Cand], text: str) -> None:
    """One label per written form in a document: a form the model tagged differently in
    different places takes its most frequent label (ties keep each mention's own label).
    Alias-table forms are left to the table."""
    votes: dict[str, Counter] = defaultdict(Counter)
    keys = []
    for c in cands:
        key = _norm_key(text[c.start_char : c.end_char])
        keys.append(key)
        if key not in ALIASES:
            votes[key][c.label] += 1
    for c, key in zip(cands, keys, strict=True):
        counts = votes.get(key)
        if counts and len(counts) > 1:
            best, n = counts.most_common(1)[0]
            if n > counts[c.label]:
                c.label = best


def _recover_alias_hits(doc: "_DocView", cands: list[_Cand], tv: "_TokenView", person_words: set[str]) -> list[_Cand]:
    """Mentions for alias-table names the model did not tag ("Kyiv", "Xi Jinping").

    Only whole runs of proper-noun tokens (NNP/NNPS) that are exactly an alias, so a known word
    inside a longer name ("Washington Post" is its own alias; "Jordan Peterson" is not a country)
    is never picked out, nor a word of a person's name in the document. Up to four words;
    all-capitals forms count too (datelines such as "BEIJING -", "NATO").
    """
    covered = tv.covered(cands)
    extra: list[_Cand] = []
    texts, tags = tv.texts, tv.tags
    n = len(texts)
    nxt = 0  # first token not yet consumed by a run
    for i in tv.capitalised:
        if i < nxt or covered[i]:
            continue
        if tags[i] not in _PROPER_TAGS:
            # a nationality adjective the model left untagged ("French officials")
            hit = ALIASES.get(_norm_key(texts[i])) if tags[i] == "JJ" else None
            if hit and hit[1] == "NORP":
                extra.append(_Cand(i, i + 1, *_char_span(doc, i, i + 1), label="NORP", ent_start=i))
            continue
        j = i
        while j < n and not covered[j] and tags[j] in _PROPER_TAGS:
            j += 1
        if j - i <= _ALIAS_MAX_WORDS:
            hit = ALIASES.get(_norm_key(doc.span_text(i, j)))
            # a word of a person's name in this document is that person ("Michael Jordan ... Jordan")
            if hit and j - i == 1 and hit[1] != "PERSON" and texts[i].casefold() in person_words:
                hit = None
            if hit:
                c = _Cand(i, j, *_char_span(doc, i, j), label=hit[1], ent_start=i)
                if hit[1] == "PERSON":
                    _strip_person_title(doc, c)
                extra.append(c)
        nxt = j
    return extra


def _recover_missed_persons(
    doc: "_DocView", cands: list[_Cand], linker: _PersonLinker, tv: "_TokenView"
) -> list[_Cand]:
    """PERSON mentions the model missed: full names it tagged elsewhere in the document, and
    single words that are the surname of such a full name ("Putin’s“firm": the glued name too)."""
    # (Adding words the model tagged PERSON alone elsewhere was measured: more noise than names.)
    short_forms = linker.short_forms
    if not short_forms:
        return []
    covered = tv.covered(cands)
    texts, tags, lowers = tv.texts, tv.tags, tv.lowers
    n = len(texts)
    extra = []
    full_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in sorted({f.words for f in linker.full}, key=len, reverse=True):
        full_first[words[0]].append(words)
    for i in tv.capitalised:
        if covered[i]:
            continue
        # A full name written again without the model tagging it.
        done = False
        for words in full_first.get(lowers[i], ()):
            j = i + len(words)
            if j <= n and not any(covered[i:j]) and tuple(lowers[i:j]) == words and all(
                texts[k][:1].isupper() or texts[k] in _NAME_PARTICLES for k in range(i, j)
            ):
                extra.append(_Cand(i, j, *_char_span(doc, i, j), "PERSON", ent_start=i))
                for k in range(i, j):
                    covered[k] = 1
                done = True
                break
        if done:
            continue
        # A surname alone.
        m = None
        word = texts[i]
        if tags[i] not in _PROPER_TAGS:
            m = _GLUED_POSSESSIVE_RE.match(word)
            if not m:
                continue
            word = m.group(1)
        if word.isupper():
            continue
        if word.casefold() not in short_forms:
            # a family name written first, after "Mr"/"Ms" ("Mr Lim" for "Lim Wei Ming")
            if word.casefold() not in linker.first_words or i < 1 or not _family_title_before(doc, i):
                continue
        alias = ALIASES.get(_norm_key(word))
        if alias and alias[1] != "PERSON":
            continue
        # Not part of a longer capitalised sequence (that would be another name).
        tok = doc[i]
        title_start = _title_ending_at(doc, i, max(0, i - _TITLE_MAX_LEN)) if i else -1
        prev_ok = i == 0 or tags[i - 1] not in _PROPER_TAGS or tok.is_sent_start or title_start >= 0
        nxt_ok = i + 1 >= n or tags[i + 1] not in _PROPER_TAGS or doc[i + 1].is_sent_start or m is not None
        if not (prev_ok and nxt_ok):
            continue
        c = _Cand(i, i + 1, tok.idx, tok.idx + len(word), "PERSON")
        c.title = doc.span_text(title_start, i) if title_start >= 0 else None
        c.title_start = title_start
        extra.append(c)
    return extra


class _TokenView:
    """Token attributes read once per document (spaCy builds a Token object per access)."""

    __slots__ = ("texts", "tags", "_doc", "capitalised")

    def __init__(self, doc: "_DocView") -> None:
        self.texts, self.tags = doc.texts, doc.tags
        self._doc = doc
        self.capitalised = [i for i, t in enumerate(self.texts) if t[:1].isupper()]  # the only starts

    @property
    def lowers(self) -> list[str]:
        return self._doc.lowers

    def covered(self, cands: list[_Cand]) -> bytearray:
        """1 for every token inside a candidate."""
        covered = bytearray(len(self.texts))
        for c in cands:
            covered[c.start : c.end] = b"\x01" * (c.end - c.start)
        return covered


# --------------------------------------------------------------------------------------------
# Roles.

_ROLE_CHAIN_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "JJS", "HYPH", "POS", "CD", "VBN"})
_NON_NAME_ENT_TYPES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
# Agent nouns that can head a role ("farmer", "correspondent", "strategist", "chairwoman").
_AGENT_SUFFIX_RE = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|person|ee|ive|ier)s?$")


def _is_hyph(tok: "_Tok") -> bool:
    return tok.tag_ == "HYPH" or tok.text == "-"


def _has_role_word(toks: list["_Tok"]) -> bool:
    """A role needs a common noun or a (non-honorific) title word."""
    for t in toks:
        if t.tag_ in ("NN", "NNS") and t.text[:1].islower():
            return True
        if _tnorm(t) in _TITLE_HEADS or _tnorm(t) in ROLE_NOUNS:
            return True
    return False


def _is_person_noun(tok: "_Tok") -> bool:
    """Can this word head a role before a name? Titles, listed role nouns, agent nouns."""
    norm = _tnorm(tok)
    return norm in ROLE_NOUNS or norm in _TITLE_HEADS or bool(
        _AGENT_SUFFIX_RE.search(norm)
    )


def _chain_token_ok(doc: "_DocView", i: int, name_start: int) -> bool:
    """May token i be part of a title chain before a name?"""
    t = doc[i]
    if t.is_space or t.ent_type_ in _NON_NAME_ENT_TYPES:
        return False
    if any(c.isdigit() for c in t.text):  # "£50m. Chief executive ..." (a missed sentence break)
        return False
    if t.text.endswith(".") and _tnorm(t) not in _TITLE_WORDS:
        return False
    if _is_hyph(t):
        return True
    if t.tag_ in _ROLE_CHAIN_TAGS:
        return True
    # a lower-case prefix glued to a hyphen: "ex-", "co-", "under-"
    return t.text[:1].islower() and i + 1 < name_start and _is_hyph(doc[i + 1]) and not t.whitespace_


def _pre_name_role(
    doc: "_DocView", name_start: int, name_end: int, sent_start: int, ent_start: int
) -> tuple[int, int] | None:
    """Token range of a title chain right before a name ("Russian presidential aide").

    The chain is the run of nouns/adjectives/proper nouns right before the name whose syntactic
    heads stay inside chain+name; it must end in a title, a role noun or an agent noun
    ("Norfolk farmer"), and may not cross another person's name, a date or a number.
    """
    i = name_start - 1
    ent_start = name_start if ent_start < 0 else ent_start
    lo = max(sent_start, name_start - 9)
    while i >= lo:
        t = doc[i]
        if not _chain_token_ok(doc, i, name_start) or (t.ent_type_ == "PERSON" and i < ent_start):
            break
        i -= 1
    start = i + 1
    if start >= name_start:
        return None  # no chain at all
    # Every chain token must hang inside the chain+name (no subject nouns of an earlier clause).
    # The parser may also hang the name on the role noun ("his counterpart Antony Blinken":
    # Blinken = appos of counterpart); then the role noun itself may point outside.
    inverted = doc[name_end - 1].head.i == name_start - 1 and doc[name_end - 1].dep_ == "appos"
    for k in range(name_start - 1, start - 1, -1):
        h = doc[k].head.i
        if inverted and k == name_start - 1:
            continue
        glued = k + 1 < name_start and _is_hyph(doc[k + 1]) and not doc[k].whitespace_
        if not (k < h < name_end) and not _is_hyph(doc[k]) and doc[k].tag_ != "POS" and not glued:
            start = k + 1
            break
    while start < name_start and (_is_hyph(doc[start]) or doc[start].tag_ == "POS"):
        start += 1
    end = name_start
    while end > start and TITLES.get((_tnorm(doc[end - 1]),), False):  # trailing "Mr"
        end -= 1
    if end <= start or not _has_role_word(list(doc[start:end])) or not _is_person_noun(doc[end - 1]):
        return None
    return start, end


def _role_np_bounds(doc: "_DocView", head: "_Tok") -> tuple[int, int] | None:
    """Token range of the noun phrase headed by ``head``, cut before clauses and punctuation.

    None when it is no single entity's role: longer than 12 tokens, holding a verb, a wh-word or
    a person; headed by a plural, a number or a hyphen fragment; or relative ("his predecessor").
    """
    start = head.left_edge.i
    end = head.i + 1
    for t in doc[head.i + 1 : head.right_edge.i + 1]:
        if t.text in _ROLE_STOP_TEXTS or t.tag_.startswith("VB") or t.tag_ in ("WDT", "WP", "WP$", "MD"):
            break
        if t.dep_ in ("relcl", "acl", "advcl", "appos", "cc", "conj"):
            break
        end = t.i + 1
    while start < end and (doc[start].lower_ in _ROLE_TRIM_WORDS or _is_punct(doc[start])):
        start += 1
    while end > start and _is_punct(doc[end - 1]):
        end -= 1
    toks = list(doc[start:end])
    if not toks or len(toks) > 12 or any(
        t.ent_type_ == "PERSON" or t.tag_.startswith("VB") or t.tag_ in ("WRB", "WDT", "WP", "WP$") for t in toks
    ):
        return None
    if head.tag_ not in ("NN", "NNS") and _tnorm(head) not in _TITLE_HEADS:
        return None
    if not head.text.isalpha() or head.tag_ == "NNS":  # "4bn"; plurals describe several
        return None
    if doc[start].tag_ == "PRP$":  # "its unit", "his predecessor": relative, not a role
        return None
    if end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        return None  # a fragment of a hyphenated compound ("WorldCom's ex" of "ex-head")
    return start, end


def _appositive_roles(doc: "_DocView", name_start: int, name_end: int, label: str) -> list[tuple[int, int]]:
    """Roles in apposition: "Wang Yi, the Chinese foreign minister," / "the minister, Wang Yi,".

    ``label`` is the entity's label (roles of PERSON and ORG entities are extracted).
    """
    found = []
    name_toks = range(name_start, name_end)
    head = doc[name_end - 1]
    after_punct = name_end < len(doc) and doc.texts[name_end] in (",", "—", "–", "(")
    for t in head.appos_children if after_punct else ():
        if t.i > name_end:
            b = _role_np_bounds(doc, t)
            if b and b[0] > name_end:
                found.append(b)
    if head.dep_ == "appos" and head.head.i < name_start and head.head.i not in name_toks:
        noun = head.head
        if name_start > 0 and doc[name_start - 1].text in (",", "—", "–", "("):
            b = _role_np_bounds(doc, noun)
            if b and b[1] < name_start:
                found.append(b)
    return found


# --------------------------------------------------------------------------------------------
# Entry point.


def _label_and_name(doc: "_DocView", text: str, c: _Cand, ctx: _DocContext, linker: _PersonLinker) -> None:
    """Set the final label and canonical name of one candidate (alias table, person linking)."""
    written = _WS_RE.sub(" ", text[c.start_char : c.end_char])
    c.key = _norm_key(written)
    alias = ALIASES.get(c.key)
    if alias and _alias_blocked(doc, c, c.key):
        alias = None
    if alias and alias[1] != "PERSON" and c.label == "PERSON" and c.title is not None and _title_words(c.title) in FAMILY_HONORIFICS:
        alias = None  # "Mr Hague" is a person, not The Hague
    linked = None
    if c.label == "PERSON" or (len(written.split(" ")) == 1 and (alias is None or alias[1] == "PERSON")):
        family = c.title is not None and _title_words(c.title) in FAMILY_HONORIFICS
        linked = linker.link(written, c.start_char, titled=c.title is not None, family=family)
    evidence = bool(linked) and (
        "PERSON" in ctx.ent_labels.get(c.key, ())
        or c.title is not None
        or c.key in _FAMILY_FIRST_SURNAMES
        or _is_reported_speaker(doc, c.start, c.end)
    )
    c.label = _resolve_label(c, alias, linked, evidence)
    if c.label == "PERSON" and not linked and not alias and c.title is None and _after_place_preposition(doc, c):
        c.label = "GPE"
    if c.label == "PERSON":
        c.name = linked or (alias[0] if alias and alias[1] == "PERSON" else written)
    elif alias:
        c.name = alias[0]
    else:
        c.name = written


# Verbs of saying whose subject is a person (or an organisation speaking: evidence only together
# with a full personal name in the document that ends in the word, "Ashby said" / "Richard Ashby").
_REPORTING_VERBS = frozenset(
    "said says say told tells added adds stated warned warns argued argues insisted insists noted notes "
    "explained explains wrote writes acknowledged admitted claimed claims declared confirmed replied "
    "recalled asked asks".split()
)


def _is_reported_speaker(doc: "_DocView", start: int, end: int) -> bool:
    """Is the span the subject of a verb of saying ("Ashby said", "said Orlov")?"""
    last = end - 1
    tok = doc.doc[last]
    return tok.dep_ == "nsubj" and tok.head.lower_ in _REPORTING_VERBS


def _has_person_role(doc: "_DocView", start: int, end: int, sent_start: int) -> bool:
    """Is the span presented as a person: a role in apposition headed by a person noun
    ("Russia's deputy economy minister, Dmitry Orlov,") or a title chain right before it?"""
    for a, b in _appositive_roles(doc, start, end, "PERSON"):
        if _is_person_noun(doc[b - 1]):
            return True
    return _pre_name_role(doc, start, end, sent_start, start) is not None


def _relabel_named_persons(doc: "_DocView", cands: list[_Cand], sent_starts: list[int]) -> None:
    """A personal name the model tagged as an organisation or place becomes PERSON.

    Only spans of two to four capitalised name words (not all capitals, not in the alias table,
    not ending in an organisation-type word) that either end in the family name of someone the
    document addresses with "Mr"/"Ms"... ("Helen Carver" ORG and "Ms Carver"), or start with a
    common given name (``data/given_names.txt``) while the sentence presents them as a person:
    a role in apposition or a title chain before it, or the subject of a verb of saying
    ("..., Dmitry Orlov, said"). "Goldman Sachs said" stays ORG (no given name).
    """
    addressed = {
        doc.lowers[c.end - 1]
        for c in cands
        if c.label == "PERSON" and c.title is not None and _title_words(c.title) in FAMILY_HONORIFICS
    }
    for c in cands:
        if c.label not in _NAME_RELABEL or not 2 <= c.end - c.start <= 4:
            continue
        texts = doc.texts[c.start : c.end]
        if not all(_is_cap_word(t) and t.isalpha() and not t.isupper() for t in texts):
            continue
        if doc.norms[c.start] in _TITLE_WORDS or any(w in _HONORIFIC_FIRST_WORDS for w in doc.norms[c.start : c.end]):
            continue  # "Mr Hague" is handled with its title; "Tanzania Mr Brown" is two names
        if doc.norms[c.end - 1] in _ORG_FORM_WORDS or _norm_key(doc.span_text(c.start, c.end)) in ALIASES:
            continue
        if doc.lowers[c.end - 1] in addressed:
            c.label = "PERSON"
            continue
        if doc.norms[c.start] not in GIVEN_NAMES:
            continue
        sent_start = sent_starts[bisect.bisect_right(sent_starts, c.start) - 1]
        if _has_person_role(doc, c.start, c.end, sent_start) or _is_reported_speaker(doc, c.start, c.end):
            c.label = "PERSON"


def _drop_title_words(cands: list[_Cand]) -> list[_Cand]:
    """Drop non-PERSON mentions inside the title of a person ("Defense" ORG in "Defense Secretary
    Robert Hale"): the title belongs to the person (CoNLL-2003 leaves such words untagged too)."""
    ranges = [(c.title_start, c.start) for c in cands if c.label == "PERSON" and 0 <= c.title_start < c.start]
    if not ranges:
        return cands
    return [
        c for c in cands
        if c.label == "PERSON" or not any(a <= c.start and c.end <= b for a, b in ranges)
    ]


def _parenthetical_orgs(doc: "_DocView", cands: list[_Cand]) -> None:
    """A name in brackets right after an organisation is its short name: "California Department
    of Forestry and Fire Protection (Cal Fire)" -> "Cal Fire" is an ORG, wherever it recurs in
    the document. ``cands`` must be sorted by position."""
    keys: set[str] = set()
    n = len(doc)
    for x, y in zip(cands, cands[1:]):
        if (
            x.label == "ORG"
            and y.label not in ("ORG", "GPE", "LOC", "FAC", "NORP")  # "Hearts (Edinburgh)"
            and all(_is_name_word(t) for t in doc.texts[y.start : y.end])
            and _norm_key(doc.span_text(y.start, y.end)) not in ALIASES
            and y.start == x.end + 1
            and doc.texts[x.end] == "("
            and y.end < n
            and doc.texts[y.end] == ")"
        ):
            keys.add(_norm_key(doc.span_text(y.start, y.end)))
    if keys:
        for c in cands:
            if c.label != "ORG" and _norm_key(doc.span_text(c.start, c.end)) in keys:
                c.label = "ORG"


# Last words of organisation names whose first word alone names the organisation: legal and
# generic forms ("Brookings" for "Brookings Institution", "Huadong" for "Huadong Energy Group"),
# and, in two-word names only, the trade ("Meridian Semiconductor", "Delta Airlines"); a word
# that names a subsidiary ("Barclays Capital", "Sony Pictures Entertainment") is not listed.
_ORG_TYPE_WORDS = frozenset(
    "group institution institute corporation corp company co inc incorporated ltd limited plc llc "
    "holdings foundation".split()
)
_ORG_TRADE_WORDS = frozenset(
    "semiconductor semiconductors energy airlines airways technologies communications securities "
    "resources pharmaceuticals".split()
)
_ORG_FORM_WORDS = _ORG_TYPE_WORDS | _ORG_TRADE_WORDS
_ORG_NAME_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "&", "de", "du", "des", "la"})
_ORG_SHORT_LABELS = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "PERSON"})


def _link_org_short_forms(doc: "_DocView", cands: list[_Cand]) -> None:
    """Link a one-word short form of an organisation to its full name in the same document.

    - "the X" tagged ORG, where X is the head of exactly one longer ORG name in the document:
      its first word before "of" ("the Bank" -> Bank of England) or its last word ("the
      Commission" -> European Commission, "the Fund" -> International Monetary Fund);
    - a capitalised word (not all capitals, not in the alias table, not linked to a person) that
      starts exactly one ORG name ending in an organisation-type word ("Brookings" ->
      Brookings Institution, "Huadong" GPE -> Huadong Energy Group ORG).
    Two candidate full names (Bank of England and World Bank) leave the short form alone. A
    short form of an all-capital name (a wire headline: "ACME CORP <ACME.O> TO BUY ...") becomes
    an ORG but keeps its own spelling as the name ("Acme", not "ACME CORP").
    """
    texts = doc.texts
    fulls = [
        c for c in cands
        if c.label == "ORG" and c.end - c.start >= 2 and all(
            _is_cap_word(t) or t in _ORG_NAME_FUNCTION_WORDS for t in texts[c.start : c.end]
        )
    ]
    if not fulls:
        return
    lowers = doc.lowers
    words_of = [(lowers[f.start], lowers[f.start + 1], lowers[f.end - 1], f.end - f.start, f.name) for f in fulls]
    for c in cands:
        if c.end - c.start != 1 or c.label not in _ORG_SHORT_LABELS or c.key in ALIASES:
            continue
        word = doc.texts[c.start]
        if word.isupper() or not word[:1].isupper() or not word.isalpha():
            continue
        if c.label == "PERSON" and (c.title is not None or c.name != word):
            continue
        w = lowers[c.start]
        the = c.start > 0 and lowers[c.start - 1] == "the" and c.label == "ORG"
        targets = set()
        for first, second, last, n, name in words_of:
            if the and ((first == w and second == "of" and n >= 3) or last == w):
                targets.add(name)
            elif first == w and (last in _ORG_TYPE_WORDS or (n == 2 and last in _ORG_TRADE_WORDS)):
                targets.add(name)
        if len(targets) == 1:
            target = targets.pop()
            c.name = word if target.isupper() else target
            c.label = "ORG"


def _unify_spellings(cands: list[_Cand]) -> None:
    """Names outside the alias table: one spelling per (label, key) in the document, the most used."""
    spellings: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cands:
        if c.label != "PERSON" and c.key not in ALIASES:
            spellings[(c.label, c.key)][c.name] += 1
    for c in cands:
        if c.label != "PERSON" and c.key not in ALIASES:
            c.name = spellings[(c.label, c.key)].most_common(1)[0][0]


def extract_entities(doc: Doc) -> DocEntities:
    """Mentions (repaired spans, canonical names, entity ids) and stated roles of one document.

    ``doc`` is the parsed body (tagger, parser, ner; no lemmas needed). Linear in document length
    apart from person linking, which is quadratic in the number of distinct full names only.
    """
    doc = _DocView(doc)  # token attributes read once; everything below works on the view
    text = doc.text
    sent_tok_starts = doc.sentence_starts() or [0]
    sent_starts = [doc.idxs[i] for i in sent_tok_starts] if len(doc) else [0]
    ctx = _DocContext(doc)
    cands = _candidates(doc, ctx)
    _relabel_named_persons(doc, cands, sent_tok_starts)
    tv = _TokenView(doc)
    cands.extend(_recover_alias_hits(doc, cands, tv, ctx.person_words))
    linker = _PersonLinker(cands, text)
    cands = _split_name_coordinations(doc, cands, linker)
    cands.extend(_recover_missed_persons(doc, cands, linker, tv))
    cands.sort(key=lambda c: (c.start_char, -c.end_char))
    cands = _drop_title_words(cands)
    _parenthetical_orgs(doc, cands)

    _vote_labels(cands, text)

    for c in cands:
        _label_and_name(doc, text, c, ctx, linker)
    _unify_spellings(cands)
    _link_org_short_forms(doc, cands)

    result = DocEntities()
    seen_roles: set[tuple[str, int, int]] = set()
    last_end = -1
    for c in cands:
        if c.start_char < last_end or c.end_char <= c.start_char:
            continue  # overlapping candidates ("R." inside "R. Ponting"): the longer sorts first
        last_end = c.end_char
        sidx = max(0, bisect.bisect_right(sent_starts, c.start_char) - 1)
        eid = entity_id(c.label, c.name)
        result.mentions.append(
            Mention(
                start_char=c.start_char,
                end_char=c.end_char,
                sentence_index=sidx,
                text=text[c.start_char : c.end_char],
                label=c.label,
                name=c.name,
                entity_id=eid,
                title=c.title,
            )
        )
        if c.label not in ("PERSON", "ORG") or c.end_char != doc.idxs[c.end - 1] + len(doc.texts[c.end - 1]):
            continue
        spans = _appositive_roles(doc, c.start, c.end, c.label)
        if c.label == "PERSON":
            pre = _pre_name_role(doc, c.start, c.end, sent_tok_starts[sidx], c.ent_start)
            if pre:
                spans.append(pre)
        for a, b in spans:
            rs, re_ = _char_span(doc, a, b)
            if (eid, rs, re_) in seen_roles:
                continue
            seen_roles.add((eid, rs, re_))
            result.roles.append(Role(eid, c.name, c.label, text[rs:re_], rs, re_))
    return result
