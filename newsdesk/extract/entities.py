"""Named-entity mentions, canonical names and stated roles for one parsed document.

``extract_entities(doc)`` starts from the small model's ``doc.ents`` and repairs the slips it
makes systematically on news text, then links mentions to canonical entities:

1. Span repair (every mention keeps ``text == body[start_char:end_char]``):
   - spans are cut at line breaks, leading "the" and punctuation, trailing possessives ("Russia's")
     and punctuation are trimmed;
   - hyphenated pairs of known names ("Xi-Putin", "China-Russia", "Biden-Putin") become two mentions
     with their own labels; a pair is split only when every part is a known form (alias table or a
     name the same document uses on its own), so "Jean-Pierre" and "Sino-Russian" stay whole;
   - titles at the front of PERSON spans are moved to ``Mention.title`` ("President Xi Jinping" ->
     "Xi Jinping", title "President"); a title just before the span ("Mr Putin") is recorded too;
   - labels: an alias-table hit fixes the label ("Nato" tagged PERSON -> ORG, "Kyiv" tagged PERSON
     -> GPE; a GPE alias keeps an ORG/LOC reading of the model, since metonymy is legitimate); a one-word
     mention matching a person's full name in the document becomes PERSON ("Wang" tagged ORG).
   - recall: a capitalised token equal to the surname of a person named in full in the document,
     which the model missed, is added as a PERSON mention.
2. Canonical names: a short PERSON form links to the full name written in the same document (last
   token for Western names, first token for family-name-first names such as "Xi Jinping"; ambiguous
   short forms go to the nearest preceding full name). Without a full name in the document, a small
   table of well-known people in ``data/entity_aliases.tsv`` is used ("Putin" -> "Vladimir Putin"),
   else the name stays as written. Other labels are normalised by case and dots and mapped through the
   alias table ("U.S." -> "United States"; "America" not when part of "Latin America", "Voice of
   America"...).
3. Roles: appositions ("Wang Yi, the Chinese foreign minister,"; "the foreign minister, Wang Yi,")
   and title chains before a name ("Chinese President Xi Jinping", "Brookings Institution senior
   fellow Ryan Hass"), as body spans. Roles never contain verbs, clauses or other people.

Limits: linking is within one document only (plus the well-known table); no coreference of pronouns
or descriptions (the quotes extractor uses the roles for that); ORG short forms ("Brookings" for
"Brookings Institution") are not linked; names not in the alias table keep the spelling most used
in the document, so rare case variants may name different entities across documents.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

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
_POSSESSIVE_RE = re.compile(r"['\u2019]s?$")
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
        alias, canonical, label = line.split("\t")[:3]
        if label not in _ENTITY_LABEL_SET:
            raise ValueError(f"{path}: bad label {label!r} for {alias!r}")
        table.setdefault(_norm_key(alias), (canonical, label))
    return table


def _title_words(phrase: str) -> tuple[str, ...]:
    """Word sequence of a title as spaCy tokenizes it ("Secretary-General" -> secretary, -, general)."""
    return tuple(re.findall(r"[^\s\-]+|-", phrase.casefold().replace(".", "")))


def _load_titles(path: Path) -> dict[tuple[str, ...], bool]:
    """title word sequence -> is_honorific."""
    titles: dict[tuple[str, ...], bool] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        titles[_title_words(parts[0])] = len(parts) > 1 and parts[1].strip() == "honorific"
    return titles


ALIASES = _load_aliases(_DATA_DIR / "entity_aliases.tsv")
TITLES = _load_titles(_DATA_DIR / "person_titles.txt")
_TITLE_MAX_LEN = max(len(t) for t in TITLES)
_TITLE_FIRST_WORDS = frozenset(t[0] for t in TITLES)
_TITLE_WORDS = frozenset(w for t in TITLES for w in t if w != "-")


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


def _tnorm(tok: Token) -> str:
    return tok.lower_.replace(".", "")


def _match_title(doc: Doc, i: int, end: int) -> int:
    """Length (tokens) of the longest title phrase starting at token i and ending before ``end``."""
    if i >= end or _tnorm(doc[i]) not in _TITLE_FIRST_WORDS:
        return 0
    for n in range(min(_TITLE_MAX_LEN, end - i), 0, -1):
        if tuple(_tnorm(t) for t in doc[i : i + n]) in TITLES:
            return n
    return 0


def _title_ending_at(doc: Doc, end: int, lo: int) -> int:
    """Start token of the longest title phrase that ends right before token ``end`` (or -1)."""
    for n in range(min(_TITLE_MAX_LEN, end - lo), 0, -1):
        if tuple(_tnorm(t) for t in doc[end - n : end]) in TITLES:
            return end - n
    return -1


def _is_punct(tok: Token) -> bool:
    return tok.tag_ in _PUNCT_TAGS or tok.is_punct


def _is_cap_word(text: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text)


def _is_name_word(text: str) -> bool:
    """A word that can be part of a personal name (capitalised, or a particle like "von")."""
    return (_is_cap_word(text) or text in _NAME_PARTICLES) and not any(c.isdigit() for c in text)


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading "the"/punctuation and trailing possessives/punctuation (token level)."""
    while start < end and (doc[start].lower_ == "the" or _is_punct(doc[start]) or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_space
        or (_is_punct(doc[end - 1]) and doc[end - 1].text not in (")", "]"))
        or doc[end - 1].text in ("'s", "\u2019s", "'", "\u2019")
    ):
        end -= 1
    # An unbalanced closing bracket is punctuation too.
    if end > start and doc[end - 1].text in (")", "]"):
        opener = "(" if doc[end - 1].text == ")" else "["
        if not any(t.text == opener for t in doc[start:end]):
            end -= 1
    return start, end


def _hyphen_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]] | None:
    """Token ranges of "A-B(-C)" when the span is only capitalised words joined by hyphens."""
    toks = doc[start:end]
    if len(toks) < 3 or len(toks) % 2 == 0:
        return None
    parts = []
    for k, tok in enumerate(toks):
        if k % 2:
            if tok.text != "-" or tok.whitespace_ or toks[k - 1].whitespace_:
                return None
        elif not _is_cap_word(tok.text):
            return None
        else:
            parts.append((start + k, start + k + 1))
    return parts


class _DocContext:
    """Per-document facts gathered in one pass over ``doc.ents`` before repair."""

    def __init__(self, doc: Doc) -> None:
        self.ent_labels: dict[str, Counter] = defaultdict(Counter)  # key -> labels of standalone ents
        self.person_words: set[str] = set()  # case-folded words of PERSON ents
        for ent in doc.ents:
            if ent.label_ not in _ENTITY_LABEL_SET:
                continue
            toks = [t for t in ent if not t.is_space]
            if "-" not in ent.text:
                self.ent_labels[_norm_key(ent.text)][ent.label_] += 1
            if ent.label_ == "PERSON":
                for t in toks:
                    if _is_cap_word(t.text) and t.text != "-":
                        self.person_words.add(t.text.casefold())

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


def _split_on_newlines(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a token range at whitespace tokens that contain a line break."""
    parts, s = [], start
    for i in range(start, end):
        if doc[i].is_space and "\n" in doc[i].text:
            if i > s:
                parts.append((s, i))
            s = i + 1
    if end > s:
        parts.append((s, end))
    return parts


def _strip_person_title(doc: Doc, cand: _Cand) -> None:
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
        title = doc[best[0] : best[1]].text
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
            title = doc[j : cand.start].text
    cand.title = title


def _fix_shape_label(doc: Doc, cand: _Cand) -> None:
    """A lone adjective tagged as a place or organisation is a nationality ("Ukrainian" GPE -> NORP)."""
    if cand.end - cand.start == 1 and cand.label in ("GPE", "LOC", "ORG") and doc[cand.start].tag_ == "JJ":
        cand.label = "NORP"


def _has_capital(doc: Doc, cand: _Cand) -> bool:
    """Names have a capitalised word or a digit; "hegemonic behaviour" (tagged ORG) has neither."""
    return any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[cand.start : cand.end])


def _candidates(doc: Doc, ctx: _DocContext) -> list[_Cand]:
    """Repaired candidate spans from ``doc.ents`` (token level), before linking."""
    cands: list[_Cand] = []
    for ent in doc.ents:
        if ent.label_ not in _ENTITY_LABEL_SET:
            continue
        for s0, e0 in _split_on_newlines(doc, ent.start, ent.end):
            s, e = _trim(doc, s0, e0)
            if s >= e:
                continue
            parts = _hyphen_parts(doc, s, e)
            if parts and ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"):
                labels = [ctx.known_label(doc[a:b].text) for a, b in parts]
                if all(labels):
                    for (a, b), label in zip(parts, labels):
                        cands.append(_Cand(a, b, *_char_span(doc, a, b), label=label))
                    continue
            cand = _Cand(s, e, *_char_span(doc, s, e), label=ent.label_, ent_start=s)
            if ent.label_ == "PERSON":
                _strip_person_title(doc, cand)
                if cand.start >= cand.end:
                    continue
                cand.start_char = doc[cand.start].idx
            if not _has_capital(doc, cand):
                continue
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

    def __init__(self, cands: list[_Cand], doc: Doc) -> None:
        self.full: list[_FullName] = []
        for c in cands:
            if c.label == "PERSON":
                text = doc.text[c.start_char : c.end_char]
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
        self.short_forms: set[str] = set()
        for f in self.full:
            self.short_forms.add(f.words[-1])
            if f.words[0] in _FAMILY_FIRST_SURNAMES:
                self.short_forms.add(f.words[0])

    def link(self, text: str, at: int) -> str | None:
        """Canonical full name for a (short) PERSON name at char ``at``, or None."""
        words = _name_words(text)
        if not words or not self.full:
            return None
        if len(words) >= 2 and words in self.canonical:
            return self.canonical[words]
        tier1, tier2 = [], []
        for f in self.full:
            if len(f.words) <= len(words) or not _is_subseq(words, f.words):
                continue
            if words[-1] == f.words[-1] or (words[0] == f.words[0] and f.words[0] in _FAMILY_FIRST_SURNAMES):
                tier1.append(f)
            elif words[0] == f.words[0]:
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


def _alias_blocked(doc: Doc, cand: _Cand, key: str) -> bool:
    """True when an alias hit is really part of a longer name the model cut ("Latin America")."""
    if cand.start == 0:
        return False
    prev = doc[cand.start - 1]
    if key == "america" and prev.lower_ in _AMERICA_BLOCKERS:
        return True
    # "Voice of America", "Bank of America": "of" right after a capitalised word.
    return prev.lower_ == "of" and cand.start >= 2 and _is_cap_word(doc[cand.start - 2].text) and len(key.split()) == 1


_GPE_COMPATIBLE = frozenset({"GPE", "LOC", "ORG"})  # metonymy: a country as government or team


def _resolve_label(cand: _Cand, alias: tuple[str, str] | None, linked: str | None) -> str:
    """Final label from the model label, an alias-table hit and a within-document person link."""
    model = cand.label
    if model == "PERSON" and linked:
        return "PERSON"
    if alias:
        alias_label = alias[1]
        if alias_label in ("GPE", "LOC") and model in _GPE_COMPATIBLE:
            return alias_label if model != "ORG" else model
        return alias_label
    if linked and model in ("ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "NORP"):
        return "PERSON"
    return model


def _split_name_coordinations(doc: Doc, cands: list[_Cand], linker: _PersonLinker) -> list[_Cand]:
    """Split non-PERSON spans that coordinate known people ("Xi & Putin Hail" tagged ORG).

    Applies only when every conjunct starts with a surname of a person named in full in the
    document; each conjunct then yields a PERSON mention of that one word.
    """
    out: list[_Cand] = []
    for c in cands:
        toks = doc[c.start : c.end]
        if c.label == "PERSON" or not any(t.text in ("&", "and") for t in toks):
            out.append(c)
            continue
        pieces, s = [], c.start
        for t in toks:
            if t.text in ("&", "and"):
                pieces.append((s, t.i))
                s = t.i + 1
        pieces.append((s, c.end))
        if all(b > a and doc[a].text.casefold() in linker.short_forms for a, b in pieces):
            for a, _ in pieces:
                out.append(_Cand(a, a + 1, *_char_span(doc, a, a + 1), label="PERSON", ent_start=a))
        else:
            out.append(c)
    return out


_ALIAS_MAX_WORDS = 4


def _recover_alias_hits(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Mentions for alias-table names the model did not tag ("Kyiv", "Xi Jinping").

    Only whole runs of proper-noun tokens (NNP/NNPS) that are exactly an alias, so a known word
    inside a longer name ("Washington Post" is its own alias; "Jordan Peterson" is not a country)
    is never picked out. Up to four words; longest run first.
    """
    covered = bytearray(len(doc))
    for c in cands:
        for i in range(c.start, c.end):
            covered[i] = 1
    extra: list[_Cand] = []
    i, n = 0, len(doc)
    while i < n:
        if covered[i] or doc[i].tag_ not in ("NNP", "NNPS") or not doc[i].text[:1].isupper():
            i += 1
            continue
        j = i
        while j < n and not covered[j] and doc[j].tag_ in ("NNP", "NNPS") and not doc[j].is_space:
            j += 1
        run_len = j - i
        if 1 <= run_len <= _ALIAS_MAX_WORDS and not doc[i:j].text.isupper() or run_len == 1 and len(doc[i].text) <= 4:
            hit = ALIASES.get(_norm_key(doc[i:j].text)) if run_len <= _ALIAS_MAX_WORDS else None
            if hit:
                c = _Cand(i, j, *_char_span(doc, i, j), label=hit[1], ent_start=i)
                if hit[1] == "PERSON":
                    _strip_person_title(doc, c)
                extra.append(c)
        i = j
    return extra


def _recover_missed_persons(doc: Doc, cands: list[_Cand], linker: _PersonLinker) -> list[_Cand]:
    """PERSON mentions for surnames of people named in full that the model did not tag."""
    if not linker.short_forms:
        return []
    covered = bytearray(len(doc))
    for c in cands:
        for i in range(c.start, c.end):
            covered[i] = 1
    extra = []
    for tok in doc:
        if covered[tok.i] or not tok.text[:1].isupper():
            continue
        m = None
        word = tok.text
        if tok.tag_ not in ("NNP", "NNPS"):
            m = _GLUED_POSSESSIVE_RE.match(word)
            if not m:
                continue
            word = m.group(1)
        key = word.casefold()
        alias = ALIASES.get(_norm_key(word))
        if key not in linker.short_forms or (alias and alias[1] != "PERSON") or word.isupper():
            continue
        # Not part of a longer capitalised sequence (that would be another name).
        prev, nxt = (doc[tok.i - 1] if tok.i else None), (doc[tok.i + 1] if tok.i + 1 < len(doc) else None)
        prev_ok = prev is None or prev.tag_ not in ("NNP", "NNPS") or tok.is_sent_start \
            or _title_ending_at(doc, tok.i, max(0, tok.i - _TITLE_MAX_LEN)) >= 0
        nxt_ok = nxt is None or nxt.tag_ not in ("NNP", "NNPS") or nxt.is_sent_start or m is not None
        if not (prev_ok and nxt_ok):
            continue
        c = _Cand(tok.i, tok.i + 1, tok.idx, tok.idx + len(word), "PERSON")
        if tok.i > 0:
            j = _title_ending_at(doc, tok.i, max(0, tok.i - _TITLE_MAX_LEN))
            c.title = doc[j : tok.i].text if j >= 0 else None
        extra.append(c)
    return extra


# --------------------------------------------------------------------------------------------
# Roles.

_ROLE_CHAIN_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "JJS", "HYPH", "POS", "CD", "VBN"})


def _has_role_word(toks: list[Token]) -> bool:
    """A role needs a common noun or a (non-honorific) title word."""
    for t in toks:
        if t.tag_ in ("NN", "NNS") and t.text[:1].islower():
            return True
        if _tnorm(t) in _TITLE_WORDS:
            seq = (_tnorm(t),)
            if not TITLES.get(seq, False):
                return True
    return False


def _pre_name_role(
    doc: Doc, name_start: int, name_end: int, sent_start: int, ent_start: int
) -> tuple[int, int] | None:
    """Token range of a title chain right before a name ("Russian presidential aide")."""
    i = name_start - 1
    ent_start = name_start if ent_start < 0 else ent_start
    lo = max(sent_start, name_start - 9)
    while i >= lo:
        t = doc[i]
        ok = t.tag_ in _ROLE_CHAIN_TAGS or (
            t.text[:1].islower() and i + 1 < name_start and doc[i + 1].tag_ == "HYPH"
        )
        if not ok or t.is_space or (t.ent_type_ == "PERSON" and i < ent_start):
            break
        i -= 1
    start = i + 1
    # Every chain token must hang inside the chain+name (no subject nouns of an earlier clause).
    # The parser may also hang the name on the role noun ("his counterpart Antony Blinken":
    # Blinken = appos of counterpart); then the role noun itself may point outside.
    inverted = doc[name_end - 1].head.i == name_start - 1 and doc[name_end - 1].dep_ == "appos"
    for k in range(name_start - 1, start - 1, -1):
        h = doc[k].head.i
        if inverted and k == name_start - 1:
            continue
        if not (k < h < name_end) and doc[k].tag_ not in ("HYPH", "POS"):
            start = k + 1
            break
    while start < name_start and doc[start].tag_ in ("HYPH", "POS"):
        start += 1
    end = name_start
    while end > start and TITLES.get((_tnorm(doc[end - 1]),), False):  # trailing "Mr"
        end -= 1
    if end <= start or not _has_role_word(list(doc[start:end])):
        return None
    return start, end


def _role_np_bounds(doc: Doc, head: Token) -> tuple[int, int] | None:
    """Token range of the noun phrase headed by ``head``, cut before clauses and punctuation."""
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
    if not toks or len(toks) > 12 or any(t.ent_type_ == "PERSON" or t.tag_.startswith("VB") for t in toks):
        return None
    if head.tag_ not in ("NN", "NNS") and _tnorm(head) not in _TITLE_WORDS:
        return None
    return start, end


def _appositive_roles(doc: Doc, name_start: int, name_end: int) -> list[tuple[int, int]]:
    """Roles in apposition: "Wang Yi, the Chinese foreign minister," / "the minister, Wang Yi,"."""
    found = []
    name_toks = range(name_start, name_end)
    head = doc[name_end - 1]
    for t in head.children:
        if t.dep_ == "appos" and t.i > name_end and doc[name_end].text in (",", "—", "–", "("):
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


def extract_entities(doc: Doc) -> DocEntities:
    """Mentions (repaired spans, canonical names, entity ids) and stated roles of one document.

    ``doc`` is the parsed body (tagger, parser, ner; no lemmas needed). Linear in document length
    apart from person linking, which is quadratic in the number of distinct full names only.
    """
    text = doc.text
    ctx = _DocContext(doc)
    cands = _candidates(doc, ctx)
    cands.extend(_recover_alias_hits(doc, cands))
    linker = _PersonLinker(cands, doc)
    cands = _split_name_coordinations(doc, cands, linker)
    cands.extend(_recover_missed_persons(doc, cands, linker))
    cands.sort(key=lambda c: (c.start_char, c.end_char))

    # Labels and names.
    for c in cands:
        written = _WS_RE.sub(" ", text[c.start_char : c.end_char])
        c.key = _norm_key(written)
        alias = ALIASES.get(c.key)
        if alias and _alias_blocked(doc, c, c.key):
            alias = None
        linked = None
        if c.label == "PERSON" or (len(written.split(" ")) == 1 and (alias is None or alias[1] == "PERSON")):
            linked = linker.link(written, c.start_char)
        c.label = _resolve_label(c, alias, linked)
        if c.label == "PERSON":
            c.name = linked or (alias[0] if alias and alias[1] == "PERSON" else written)
        elif alias:
            c.name = alias[0]
        else:
            c.name = written

    # Unaliased non-person names: one spelling per (label, key) in the document, the most used.
    spellings: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cands:
        if c.label != "PERSON" and c.key not in ALIASES:
            spellings[(c.label, c.key)][c.name] += 1
    for c in cands:
        if c.label != "PERSON" and c.key not in ALIASES:
            c.name = spellings[(c.label, c.key)].most_common(1)[0][0]

    sent_starts = [s.start_char for s in doc.sents]
    sent_tok_starts = [s.start for s in doc.sents]
    result = DocEntities()
    seen_roles: set[tuple[str, int, int]] = set()
    last_end = -1
    for c in cands:
        if c.start_char < last_end or c.end_char <= c.start_char:
            continue  # overlapping candidates (should not happen): keep the first
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
        if c.label not in ("PERSON", "ORG") or c.end_char != doc[c.end - 1].idx + len(doc[c.end - 1].text):
            continue
        spans = _appositive_roles(doc, c.start, c.end)
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
