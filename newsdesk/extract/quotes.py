"""Quote attribution: who said what, with which reporting verb.

``extract_quotes(doc, entities)`` returns one :class:`~newsdesk.extract.types.Quote` per
attribution found in a parsed document (tagger + parser + NER; no lemmas, no POS):

* **direct** — a passage inside quotation marks that is the content of a reporting verb
  ("“…,” Xi said", "Xi said: “…”"), or that stands alone as a floating quote paragraph.
  The span INCLUDES the opening and closing marks (as PolNeAR and textacy gold do) and may run
  over several sentences and paragraphs (news convention: a mark reopens each paragraph, none
  closes it). A quote interrupted by its cue ("“A,” Xi said, “B.”") gives TWO quotes with the
  same speaker and cue.
* **mixed** — a reported clause (or the object of a verb like *call*, *hail*, *describe*) that
  contains a quoted fragment: "Xi said China is willing … “a correct view of democracy”".
  The span is the clause, extended to cover the fragments' marks.
* **indirect** — a reported clause without marks: the ``ccomp`` of the reporting verb without
  a leading "that" ("Russia said [the responses left …]"), the clause before an inverted cue
  ("[Beijing would not welcome …], Hass pointed out"), or the clause an "according to X" phrase
  attaches to.

Speakers: the verb's subject (passive agent for "was told by X", pobj for "according to X"),
inherited through ``conj``/``advcl``/``xcomp`` ("Xi said …, adding that …"); the span is the
subject's head with its left modifiers (appositions, relative clauses dropped:
"Wang Yi, the Chinese foreign minister, told …" → "Wang Yi"). Resolution to an entity:
the mention containing the speaker's head; pronouns he/she/I → the most recent PERSON subject or
speaker before it; definite nominals ("the Russian leader", "the minister") → the person whose
roles/titles/premodifiers match the nominal's words (nationality adjectives and role words with a
few synonyms, e.g. leader ≈ president); "the ministry" → the latest ORG whose name has that word.
Floating quotes carry the previous quote's speaker AND cue (the cue offsets then point at that
earlier verb).

Limits: verbs are found by their surface form (data/reporting_verbs.tsv), so a verb missing from
the list is missed; belief verbs (think, believe) and noun cues ("in a statement") are not cues;
the speaker of a quote whose cue sits in another sentence is found only for floating quotes;
gender is not used for pronoun resolution; "they"/"it" speakers are left unresolved.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from newsdesk.extract.types import DocEntities, Mention, Quote

_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def _load_verbs(path: Path) -> dict[str, tuple[str, str]]:
    """Read ``form<TAB>lemma<TAB>kinds`` rows (``#`` comments) into form → (lemma, kinds)."""
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, lemma, kinds = line.split("\t")
        table[form.strip().lower()] = (lemma.strip(), kinds.strip())
    return table


VERBS: dict[str, tuple[str, str]] = _load_verbs(_DATA_DIR / "reporting_verbs.tsv")
_PARTICLES = {f.split(" ", 1)[1] for f in VERBS if " " in f}  # "out", "for", "on", "to"

# --- quotation marks -------------------------------------------------------------------------
_OPEN_D = {"“", "«", "„"}
_CLOSE_D = {"”", "»"}
_SPACE = set(" \t\n\r\u00a0\u2009\u200a\u202f")
_OPENERS_BEFORE = set("([{—–-/:")  # a mark after these opens a quote
_NEWLINE = "\n"
_PARA_BREAK = re.compile(r"\n\s*")
_NEWLINE_RE = re.compile(r"\n")

_PRONOUNS_PERSON = {"he", "she", "i", "him", "her"}
_PRONOUNS_OTHER = {"they", "it", "we", "you", "this", "that", "who", "which"}
_SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
_INHERIT_DEPS = {"conj", "advcl", "xcomp", "ccomp", "parataxis", "dep", "acl", "pcomp"}
_LEFT_NP_DEPS = {"compound", "amod", "det", "poss", "nummod", "nmod", "case", "quantmod", "npadvmod"}
_OBJ_CONTENT_LEMMAS = {"call", "hail", "describe", "characterize", "characterise", "label", "dub", "term",
                       "criticize", "criticise", "praise", "condemn", "accuse", "dismiss", "welcome", "mock",
                       "warn", "urge", "call for", "call on", "promise", "pledge", "vow", "threaten", "demand",
                       "ask", "tout", "blast", "slam", "echo", "cite", "stress", "emphasize", "emphasise",
                       "underscore", "underline", "reiterate", "reaffirm", "announce", "deny", "acknowledge",
                       "recommend", "propose", "request", "affirm", "tell", "post", "tweet", "write"}
_XCOMP_LEMMAS = {"urge", "call on", "call for", "ask", "warn", "promise", "pledge", "vow", "threaten",
                 "demand", "tell", "advise", "request", "recommend"}
_SOURCE_DOC_NOUNS = {"statement", "report", "readout", "release", "reports", "statements", "communique",
                     "communiqué", "transcript", "account", "post", "tweet", "interview", "letter", "memo",
                     "spokesman", "spokeswoman", "spokesperson", "poll", "survey", "study", "analysis"}

# Nominal resolution: role words that are interchangeable, nationality adjectives → country key.
_ROLE_GROUPS = [
    {"president", "leader", "premier", "chancellor", "chairman", "king", "queen", "emperor", "head",
     "counterpart"},
    {"minister", "secretary", "diplomat"},
    {"spokesman", "spokeswoman", "spokesperson"},
]
_ROLE_WORDS = set().union(*_ROLE_GROUPS) | {
    "aide", "official", "ambassador", "envoy", "governor", "senator", "mayor", "chief", "general",
    "commander", "candidate", "nominee", "adviser", "advisor", "lawmaker", "congressman",
    "congresswoman", "representative", "director", "executive", "ceo", "prosecutor", "judge",
    "lawyer", "attorney", "analyst", "fellow", "professor", "researcher", "expert", "economist",
    "businessman", "billionaire", "founder", "manager", "coach", "officer", "pope", "prime",
}
_NATION = {
    "chinese": "china", "russian": "russia", "american": "us", "u.s.": "us", "us": "us", "america": "us",
    "united states": "us", "british": "uk", "britain": "uk", "u.k.": "uk", "uk": "uk", "ukrainian": "ukraine",
    "french": "france", "german": "germany", "japanese": "japan", "indian": "india", "korean": "korea",
    "australian": "australia", "canadian": "canada", "israeli": "israel", "iranian": "iran",
    "turkish": "turkey", "european": "europe", "eu": "europe", "taiwanese": "taiwan", "mexican": "mexico",
    "italian": "italy", "spanish": "spain", "polish": "poland", "saudi": "saudi", "syrian": "syria",
    "democratic": "democrat", "democrat": "democrat", "republican": "republican", "gop": "republican",
}
_STOP_NOMINAL = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
                 "'s", "’s", "former", "then", "current", "new", "top", "senior", "then-", "-", "of"}


@dataclass(slots=True)
class _Cue:
    """A reporting verb (or "according to") with its speaker and content token ranges."""

    first: Token  # first token of the cue
    last: Token  # last token of the cue
    lemma: str
    kinds: str  # "all" or "direct"
    speaker_head: Token | None
    speaker_lo: int | None  # token range of the speaker span (end exclusive)
    speaker_hi: int | None
    content_lo: int | None  # token range of the reported content (end exclusive)
    content_hi: int | None
    content_from: str = ""  # ccomp | xcomp | object | inverted | according


# ================================================================================ quote marks
def _is_open_context(text: str, i: int) -> bool:
    """True when the mark at ``i`` sits where an opening mark goes (after space/start/opener)."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in _SPACE or prev in _OPENERS_BEFORE or prev in _OPEN_D or prev in "‘'\"") and nxt not in _SPACE


def _is_close_context(text: str, i: int) -> bool:
    """True when the mark at ``i`` can close a quote (after a non-space, before space/punct/end)."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev not in _SPACE and not nxt.isalnum()


def _paragraph_end(text: str, i: int) -> int:
    """End of the paragraph containing ``i`` (index of its newline or len), trailing spaces trimmed."""
    j = text.find(_NEWLINE, i)
    j = len(text) if j < 0 else j
    while j > i and text[j - 1] in _SPACE:
        j -= 1
    return j


def _next_paragraph_opens(text: str, nl: int) -> int | None:
    """Index of an opening double mark starting the paragraph after the newline at ``nl``."""
    j = nl
    n = len(text)
    while j < n and text[j] in _SPACE:
        j += 1
    if j < n and (text[j] in _OPEN_D or (text[j] == '"' and _is_open_context(text, j))):
        return j
    return None


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans [start, end) of quoted passages, marks included, in text order.

    Double marks (" “ ” « » „) make top-level quotes; a quote left open at a paragraph end
    continues when the next paragraph opens with a mark (news convention) and is otherwise
    closed at that paragraph's end. Single marks (‘ ’ ') make a quote only outside double
    quotes; apostrophes (Russia’s, don’t, ’90s, leaders’ when nothing is open) are skipped, and
    a single quote left open at the paragraph end is dropped. Never raises on unbalanced marks.
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    open_at: int | None = None
    i = 0
    while i < n:
        c = text[i]
        if c == _NEWLINE and open_at is not None:
            cont = _next_paragraph_opens(text, i)
            if cont is None:  # unbalanced: close at the end of the paragraph
                end = _paragraph_end(text, open_at)
                if end > open_at + 1:
                    spans.append((open_at, end))
                open_at = None
            else:
                i = cont + 1  # skip the re-opening mark of the continued quote
                continue
        elif c in _OPEN_D or c in _CLOSE_D or c == '"':
            if open_at is None:
                if c in _OPEN_D or (c == '"' and not (_is_close_context(text, i) and not _is_open_context(text, i))):
                    open_at = i
                # a stray closing mark with nothing open is ignored
            else:
                closes = c in _CLOSE_D or c == '"' or (c == "“" and _is_close_context(text, i))
                if c in _OPEN_D and not closes:
                    # an opener while open, mid-paragraph: the previous quote lost its closer
                    end = i
                    while end > open_at and text[end - 1] in _SPACE:
                        end -= 1
                    if end > open_at + 1:
                        spans.append((open_at, end))
                    open_at = i
                else:
                    spans.append((open_at, i + 1))
                    open_at = None
        i += 1
    if open_at is not None:
        end = _paragraph_end(text, open_at)
        if end > open_at + 1:
            spans.append((open_at, end))
    spans.extend(_single_quote_spans(text, spans))
    spans.sort()
    return spans


def _single_quote_spans(text: str, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotes in single marks outside the double-quoted spans (see ``find_quote_spans``)."""
    out: list[tuple[int, int]] = []
    starts = [s for s, _ in doubles]
    open_at: int | None = None
    for i, c in enumerate(text):
        if c == _NEWLINE:
            open_at = None
            continue
        if c not in "‘’'":
            continue
        k = bisect.bisect_right(starts, i) - 1
        if k >= 0 and doubles[k][0] <= i < doubles[k][1]:
            continue  # nested inside a double quote: part of that quote
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # apostrophe inside a word: Russia’s, don’t
        if open_at is None:
            if c in "‘'" and _is_open_context(text, i):
                if nxt.isdigit() and text[i + 1:i + 4].rstrip("0123456789") in ("s", "s ", "s,", "s.", ""):
                    continue  # ’90s, '20
                open_at = i
        elif _is_close_context(text, i) and c in "’'":
            out.append((open_at, i + 1))
            open_at = None
    return out


# ================================================================================ cues
class _Paragraphs:
    """Paragraph index of a character offset (paragraphs end at a newline)."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in _NEWLINE_RE.finditer(text)]

    def of(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1


def _cue_of(tok: Token) -> tuple[str, str, Token] | None:
    """(lemma, kinds, last token) when ``tok`` is a reporting verb (or "according to")."""
    low = tok.lower_
    if low == "according":
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ == "to":
            return "according to", "all", nxt
        return None
    if not tok.tag_.startswith("VB") or tok.dep_ == "amod":
        return None
    for child in tok.children:
        if child.i > tok.i and child.dep_ in ("prt", "prep") and child.lower_ in _PARTICLES:
            hit = VERBS.get(f"{low} {child.lower_}")
            if hit and child.i <= tok.i + 2:
                return hit[0], hit[1], child
    hit = VERBS.get(low)
    if hit and " " not in hit[0]:
        return hit[0], hit[1], tok
    return None


def _np_span(head: Token) -> tuple[int, int]:
    """Token range of a noun phrase: the head and its left modifiers (no appos/relcl/prep),
    never crossing a line break."""
    lo = head.i
    for child in head.lefts:
        if child.dep_ in _LEFT_NP_DEPS:
            lo = min(lo, child.left_edge.i)
    doc = head.doc
    for i in range(head.i - 1, lo - 1, -1):  # stay inside the head's line
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            lo = i + 1
            break
    while lo < head.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return lo, head.i + 1


_RELATIVE = {"who", "which", "that", "whom"}


def _subject(verb: Token) -> Token | None:
    """Subject of ``verb``: nsubj, passive agent, the noun a relative clause hangs on, or the
    subject inherited from the governing verb ("Xi said …, adding …", "responded by affirming")."""
    tok: Token | None = verb
    for _ in range(5):
        if tok is None:
            return None
        agent = None
        # the nearest subject: a sentence run over a headline can give a verb two of them
        for child in sorted(tok.children, key=lambda c: abs(c.i - tok.i)):
            if child.dep_ in ("nsubj", "csubj"):
                if child.lower_ in _RELATIVE and tok.dep_ == "relcl":
                    return tok.head
                return child
        for child in tok.children:
            if child.dep_ == "agent":
                agent = next((g for g in child.children if g.dep_ == "pobj"), None)
        if agent is not None:
            return agent
        for child in tok.children:
            if child.dep_ == "nsubjpass" and tok.lower_ not in ("told", "asked", "quoted"):
                return child
        if tok.dep_ in _INHERIT_DEPS or (tok.dep_ == "prep" and tok.tag_ == "IN"):
            if tok.head is tok:
                return None
            tok = tok.head
        else:
            return None
    return None


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Drop punctuation (but not quote marks), 'that' and spaces at the edges of a token range."""
    while lo < hi and (doc[lo].is_space or (doc[lo].is_punct and not doc[lo].is_quote)
                       or (doc[lo].lower_ in ("that", "whether", "if") and doc[lo].dep_ == "mark")):
        lo += 1
    while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].tag_ == "CC"
                       or (doc[hi - 1].is_punct and not doc[hi - 1].is_quote and doc[hi - 1].text not in ".?!")):
        hi -= 1
    return lo, hi


def _content_of(verb: Token, lemma: str, last: Token) -> tuple[int, int, str] | None:
    """Token range of what ``verb`` reports and where it came from: its ccomp ("ccomp"), an xcomp
    ("xcomp": "urged all parties to …"), its objects ("object": kept only when they hold quoted
    words), or the clause before an inverted cue ("inverted": "…, Hass pointed out")."""
    doc = verb.doc
    ccomp = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i > last.i]
    if not ccomp:  # “…,” Xi said — the quote is a ccomp before the verb, set off by punctuation
        ccomp = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i
                 and any(t.is_punct for t in doc[c.right_edge.i:verb.i])]
    if ccomp:
        c = ccomp[0]
        lo, hi = _trim(doc, c.left_edge.i, c.right_edge.i + 1)
        return lo, hi, "ccomp"
    if lemma in _XCOMP_LEMMAS or lemma in _OBJ_CONTENT_LEMMAS:
        right = [c for c in verb.children if c.i > last.i and c.dep_ in ("dobj", "xcomp", "oprd", "dative",
                                                                           "attr", "ccomp", "prep")]
        if lemma in ("call for", "call on"):
            right = [c for c in last.children if c.dep_ == "pobj"] + [c for c in right if c.dep_ == "xcomp"]
        right = [c for c in right if c.dep_ != "prep" or c.lower_ in ("as", "against", "of", "for")]
        if right:
            kind = "xcomp" if any(c.dep_ == "xcomp" for c in right) and lemma in _XCOMP_LEMMAS else "object"
            lo = min(c.left_edge.i for c in right)
            hi = max(c.right_edge.i for c in right) + 1
            lo, hi = _trim(doc, lo, hi)
            return lo, hi, kind
    # inverted cue: "CLAUSE, X said." — the verb hangs on the clause it reports, which precedes
    # it, and nothing but punctuation follows the verb's own phrase
    head = verb.head
    if (verb.dep_ in ("ccomp", "parataxis", "conj") and head.i < verb.i and head.sent == verb.sent
            and verb.left_edge.i > 0 and doc[verb.left_edge.i - 1].text in (",", "—", "–")
            and verb.right_edge.i >= verb.sent.end - 2):
        lo, hi = _trim(doc, head.left_edge.i, verb.left_edge.i)
        if hi - lo >= 3:
            return lo, hi, "inverted"
    return None


def _according_content(tok: Token, to: Token) -> tuple[int, int] | None:
    """The clause an "according to X" phrase modifies: its sentence minus the phrase."""
    doc = tok.doc
    sent = tok.sent
    phrase_lo = min(tok.left_edge.i, tok.i)
    phrase_hi = max(to.right_edge.i, tok.right_edge.i) + 1
    before = _trim(doc, sent.start, phrase_lo)
    after = _trim(doc, phrase_hi, sent.end)
    best = before if before[1] - before[0] >= after[1] - after[0] else after
    return best if best[1] - best[0] >= 2 else None


def _clip(doc: Doc, paras: _Paragraphs, pivot: Token, lo: int, hi: int) -> tuple[int, int] | None:
    """Token range [lo, hi) cut down to the paragraph of ``pivot``; None when nothing is left."""
    p = paras.of(pivot.idx)
    while lo < hi and paras.of(doc[lo].idx) < p:
        lo += 1
    while hi > lo and paras.of(doc[hi - 1].idx) > p:
        hi -= 1
    lo, hi = _trim(doc, lo, hi)
    return (lo, hi) if hi > lo else None


def _find_cues(doc: Doc, paras: _Paragraphs) -> list[_Cue]:
    """Every reporting-verb and "according to" cue in the document, in text order. Speakers and
    contents are kept inside the cue's paragraph (the parser sometimes runs a sentence over a
    headline or a photo caption)."""
    cues: list[_Cue] = []
    for tok in doc:
        hit = _cue_of(tok)
        if hit is None:
            continue
        lemma, kinds, last = hit
        if lemma == "according to":
            pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            head = pobj
            if pobj.lower_ in _SOURCE_DOC_NOUNS:  # "a statement by the ministry" → the ministry
                by = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("by", "of", "from")), None)
                inner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
                if inner is not None:
                    head = inner
            sp = _clip(doc, paras, tok, pobj.left_edge.i, pobj.right_edge.i + 1)
            content = _according_content(tok, last)
            content = _clip(doc, paras, tok, *content) if content else None
            if sp is None or content is None:
                continue
            cues.append(_Cue(tok, last, lemma, kinds, head, sp[0], sp[1], content[0], content[1], "according"))
            continue
        subj = _subject(tok)
        if subj is not None and (subj.dep_ == "csubj" or subj.lower_ == "there"
                                 or (subj.lower_ == "it" and subj.dep_ == "nsubjpass")):
            subj = None
        if subj is not None and subj.lower_ == "that" and subj.i == tok.i - 1 and tok.i + 1 < len(doc) \
                and doc[tok.i + 1].text == ",":
            continue  # "That said, …"
        slo = shi = None
        if subj is not None:
            slo, shi = _np_span(subj)
            if paras.of(doc[slo].idx) != paras.of(tok.idx):
                subj, slo, shi = None, None, None
        found = _content_of(tok, lemma, last) if kinds == "all" or lemma in _OBJ_CONTENT_LEMMAS else None
        clo = chi = None
        src = ""
        if found is not None:
            clipped = _clip(doc, paras, tok, found[0], found[1])
            if clipped is not None:
                clo, chi = clipped
                src = found[2]
        cues.append(_Cue(tok, last, lemma, kinds, subj, slo, shi, clo, chi, src))
    return cues


# ================================================================================ resolution
class _Resolver:
    """Maps a speaker head token to a mention / entity (pronouns and nominals included)."""

    def __init__(self, doc: Doc, entities: DocEntities):
        self.doc = doc
        self.mentions = sorted(entities.mentions, key=lambda m: m.start_char)
        self.starts = [m.start_char for m in self.mentions]
        self.people: dict[str, set[str]] = {}  # entity_id → descriptor words
        self.by_id: dict[str, Mention] = {}
        self.recent_people: list[tuple[int, Mention]] = []  # (char pos, mention) of subjects/speakers
        for m in self.mentions:
            self.by_id.setdefault(m.entity_id, m)
        for role in entities.roles:
            self.people.setdefault(role.entity_id, set()).update(_words(role.role))
        for m in self.mentions:
            if m.label != "PERSON":
                continue
            words = self.people.setdefault(m.entity_id, set())
            if m.title:
                words.update(_words(m.title))
            words.update(self._premodifiers(m))
            words.update(self._apposition(m))
            head = self._head_token(m)
            if head is not None and head.dep_ in _SUBJ_DEPS:
                self.recent_people.append((m.start_char, m))
        self.recent_people.sort(key=lambda x: x[0])

    def _head_token(self, m: Mention) -> Token | None:
        span = self.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _premodifiers(self, m: Mention) -> set[str]:
        """Words right before a person's name in its noun phrase ("Chinese President" Xi Jinping)."""
        span = self.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        if span is None or not len(span):
            return set()
        out: set[str] = set()
        i = span.start - 1
        steps = 0
        while i >= 0 and steps < 5 and self.doc[i].tag_ in ("NNP", "NN", "JJ", "NNPS", "NNS", "HYPH"):
            if self.mention_of_token(self.doc[i], label="PERSON") is not None:
                break
            out.update(_words(self.doc[i].text))
            i -= 1
            steps += 1
        for tok in span:  # titles inside the span ("President Xi Jinping")
            if tok.lower_ in _ROLE_WORDS:
                out.add(tok.lower_)
        return out

    def _apposition(self, m: Mention) -> set[str]:
        """Words of an apposition after the name ("Wang Yi, [the Chinese foreign minister],")."""
        head = self._head_token(m)
        if head is None:
            return set()
        out: set[str] = set()
        for child in head.children:
            if child.dep_ == "appos":
                lo, hi = child.left_edge.i, child.i + 1
                for t in self.doc[lo:hi]:
                    out.update(_words(t.text))
        return out

    def mention_of_token(self, tok: Token, label: str | None = None) -> Mention | None:
        """The mention whose span contains ``tok`` (optionally with ``label``)."""
        k = bisect.bisect_right(self.starts, tok.idx) - 1
        while k >= 0 and k >= bisect.bisect_right(self.starts, tok.idx) - 3:
            m = self.mentions[k]
            if m.start_char <= tok.idx < m.end_char and (label is None or m.label == label):
                return m
            k -= 1
        return None

    def note_speaker(self, pos: int, m: Mention) -> None:
        """Record a resolved PERSON speaker so later pronouns can point to it."""
        if m.label == "PERSON":
            bisect.insort(self.recent_people, (pos, m), key=lambda x: x[0])

    def last_person_before(self, pos: int) -> Mention | None:
        k = bisect.bisect_left(self.recent_people, pos, key=lambda x: x[0]) - 1
        if k >= 0:
            return self.recent_people[k][1]
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0:
            if self.mentions[k].label == "PERSON":
                return self.mentions[k]
            k -= 1
        return None

    def resolve(self, head: Token, lo: int, hi: int) -> Mention | None:
        """Entity mention for the speaker whose head is ``head`` (span tokens [lo, hi))."""
        m = self.mention_of_token(head)
        if m is not None:
            return m
        low = head.lower_
        if head.tag_ in ("NNP", "NNPS"):  # a name the NER missed: "China’s Xi" → Xi Jinping
            m = self._by_name_word(head.text, head.idx)
            if m is not None:
                return m
        if low in _PRONOUNS_PERSON:
            return self.last_person_before(head.idx)
        if low in _PRONOUNS_OTHER:
            return None
        words = [t for t in self.doc[lo:hi]]
        if words and words[0].lower_ in ("a", "an", "one", "some", "another", "two", "three", "several"):
            return None  # indefinite: an anonymous source
        if low in _ROLE_WORDS:
            return self._nominal_person(words, head)
        for t in words:  # "the Chinese Foreign Ministry" partly tagged, "Xi's office"
            mm = self.mention_of_token(t)
            if mm is not None and mm.label in ("ORG", "PERSON") and t.i == head.i:
                return mm
        return self._nominal_org(low, head.idx)

    def _nominal_person(self, words: list[Token], head: Token) -> Mention | None:
        """The person whose descriptors match a definite nominal ("the Russian leader")."""
        want = []
        for t in words:
            w = t.lower_
            if w in _STOP_NOMINAL or t.is_punct:
                continue
            want.append(w)
        if not want:
            return None
        best: Mention | None = None
        best_pos = -1
        for eid, desc in self.people.items():
            keys = {_NATION.get(w, w) for w in desc}
            ok = True
            for w in want:
                if w in _ROLE_WORDS:
                    group = next((g for g in _ROLE_GROUPS if w in g), {w})
                    if not (keys & group):
                        ok = False
                        break
                elif _NATION.get(w, w) not in keys:
                    ok = False
                    break
            if not ok:
                continue
            last = self._last_mention_of(eid, head.idx)
            if last is not None and last.start_char > best_pos:
                best, best_pos = last, last.start_char
        return best

    def _by_name_word(self, word: str, pos: int) -> Mention | None:
        """The latest PERSON/ORG mention whose canonical name contains ``word`` as a word."""
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0:
            m = self.mentions[k]
            if m.label in ("PERSON", "ORG") and word in m.name.split():
                return m
            k -= 1
        return None

    def _last_mention_of(self, eid: str, pos: int) -> Mention | None:
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0:
            if self.mentions[k].entity_id == eid:
                return self.mentions[k]
            k -= 1
        return None

    def _nominal_org(self, word: str, pos: int) -> Mention | None:
        """"the ministry" → the latest ORG mention before ``pos`` whose name contains the word."""
        if not word.isalpha() or len(word) < 4:
            return None
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0:
            m = self.mentions[k]
            if m.label == "ORG" and word in m.name.lower().split():
                return m
            k -= 1
        return None


def _words(text: str) -> set[str]:
    return {w.strip(",.’'\"()").lower() for w in text.replace("-", " ").split() if w.strip(",.’'\"()")}


# ================================================================================ assembly
def _tok_range(starts: list[int], ends: list[int], a: int, b: int) -> tuple[int, int]:
    """Tokens [lo, hi) overlapping the character span [a, b)."""
    lo = bisect.bisect_right(ends, a)
    hi = bisect.bisect_left(starts, b)
    return lo, max(lo, hi)


def _n_words(doc: Doc, lo: int, hi: int) -> int:
    return sum(1 for t in doc[lo:hi] if not t.is_punct and not t.is_space)


_END_PUNCT = set(",.?!…—–-:;")
_MAX_GAP = 6  # tokens allowed between a quote and its cue ("“…,” the Chinese foreign minister said")


_GAP_TAGS_AFTER = {"NNP", "NNPS", "NN", "NNS", "PRP", "DT", "JJ", "POS", "CD", "HYPH", "RB", "PRP$", "NFP"}
_GAP_TAGS_BEFORE = {"RB", "IN", "NNP", "DT", "PRP", "NN", "NNS", "CD", "JJ", "NNPS", "POS", "PRP$"}


def _gap_ok(doc: Doc, lo: int, hi: int, after: bool) -> bool:
    """True when tokens [lo, hi) between a quote and its cue are a short, verb-free bridge:
    after a quote, a speaker noun phrase ("“…,” [the Chinese leader] added"); before a quote,
    the rest of the cue ("said [on Thursday:] “…”")."""
    if hi - lo > _MAX_GAP:
        return False
    tags = _GAP_TAGS_AFTER if after else _GAP_TAGS_BEFORE
    for t in doc[lo:hi]:
        if "\n" in t.text or not (t.is_punct or t.tag_ in tags):
            return False
    return True


def _gap_speaker(doc: Doc, lo: int, hi: int) -> Token | None:
    """Head of the noun phrase between a quote and a following cue ("“…,” [Mr Hass] wrote")."""
    nouns = [t for t in doc[lo:hi] if t.tag_ in ("NNP", "NNPS", "NN", "NNS", "PRP")]
    return nouns[-1] if nouns else None


def extract_quotes(doc: Doc, entities: DocEntities) -> list[Quote]:
    """All direct, mixed and indirect quotes of ``doc`` with speaker and cue (see module doc).

    ``doc`` is the parsed body; ``entities`` the entity extractor's output for the same doc.
    Spans are character offsets into ``doc.text``; each quote's ``text`` equals that slice.
    Direct quotes include their quotation marks. Output is sorted by start offset.
    """
    text = doc.text
    if not text.strip():
        return []
    starts = [t.idx for t in doc]
    ends = [t.idx + len(t) for t in doc]
    sent_starts = [s.start_char for s in doc.sents]
    paras = _Paragraphs(text)
    qspans = find_quote_spans(text)
    qstarts = [a for a, _ in qspans]
    qtok = [_tok_range(starts, ends, a, b) for a, b in qspans]
    resolver = _Resolver(doc, entities)
    cues = _find_cues(doc, paras)

    def inside_quote(tok: Token) -> int | None:
        k = bisect.bisect_left(qstarts, tok.idx) - 1
        if k >= 0 and qspans[k][0] < tok.idx < qspans[k][1]:
            return k
        return None

    def sent_index(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    raw: list[dict] = []  # records before speaker resolution
    claimed: dict[int, dict] = {}  # quote index → record that took it
    # 1. cues with content: direct (content ≈ a quote), mixed (content holds marks), indirect
    for cue in cues:
        qk = inside_quote(cue.first)
        if qk is not None and _n_words(doc, *qtok[qk]) > 3:
            continue  # a verb inside a quoted passage is part of what was said
        if cue.content_lo is None or cue.content_hi is None:
            continue
        ca, cb = starts[cue.content_lo], ends[cue.content_hi - 1]
        k0 = bisect.bisect_left(qstarts, cb)
        overlapping = [k for k in range(max(0, bisect.bisect_left(qstarts, ca) - 1), k0)
                       if qspans[k][0] < cb and qspans[k][1] > ca]
        kind = "indirect"
        span = (ca, cb)
        if overlapping:
            qa = min(qspans[k][0] for k in overlapping)
            qb = max(qspans[k][1] for k in overlapping)
            # words of the clause outside the marks
            outside = sum(1 for t in doc[cue.content_lo:cue.content_hi]
                          if not t.is_punct and not t.is_space and not (qa <= t.idx < qb))
            if outside <= 1 and len(overlapping) == 1 and _n_words(doc, *qtok[overlapping[0]]) > 3:
                kind, span = "direct", (qa, qb)
            else:
                kind, span = "mixed", (min(ca, qa), max(cb, qb))
        elif cue.kinds == "direct" or cue.content_from == "object":
            continue  # call/describe/hail… and bare objects only count with quoted words
        rec = {"span": span, "kind": kind, "cue": cue}
        raw.append(rec)
        if cue.content_from != "according":  # "…,” Xi said, according to X": Xi keeps the quote
            for k in overlapping:
                claimed.setdefault(k, rec)
    # 2. quotes not claimed: an adjacent cue in the same sentence and paragraph, else a floating
    #    quote, else (≤ 3 words) a scare quote or title, skipped
    cue_by_sent: dict[int, list[_Cue]] = {}
    free_cue_pos: list[int] = []
    for cue in cues:
        if inside_quote(cue.first) is None:
            cue_by_sent.setdefault(cue.first.sent.start, []).append(cue)
            if cue.content_from != "according":
                free_cue_pos.append(cue.first.idx)
    last_direct: dict | None = None
    for k, (a, b) in enumerate(qspans):
        if k in claimed:
            last_direct = claimed[k]
            continue
        lo, hi = qtok[k]
        if hi <= lo:
            continue
        nwords = _n_words(doc, lo, hi)
        if nwords <= 3:
            continue  # scare quote or title
        first_sent = doc[lo].sent
        last_sent = doc[hi - 1].sent
        pa, pb = paras.of(a), paras.of(b - 1)
        best: tuple[int, _Cue, Token | None] | None = None
        for c in cue_by_sent.get(last_sent.start, []):  # “…,” Xi said / said Xi
            if c.first.idx >= b and c.content_from != "according" and paras.of(c.first.idx) == pb:
                gap_lo, gap_hi = hi, c.first.i
                if not _gap_ok(doc, gap_lo, gap_hi, after=True):
                    continue
                if text[b - 2:b - 1] not in _END_PUNCT and not (gap_hi > gap_lo and doc[gap_lo].is_punct):
                    continue  # “…” which Xi described: a fragment, not a quote set off by its cue
                speaker = _gap_speaker(doc, gap_lo, gap_hi)
                if speaker is None and c.speaker_head is not None and c.speaker_head.i > c.last.i:
                    speaker = c.speaker_head  # inverted: “…,” said Xi
                if speaker is None:
                    speaker = c.speaker_head
                dist = c.first.i - hi
                if best is None or dist < best[0]:
                    best = (dist, c, speaker)
        for c in cue_by_sent.get(first_sent.start, []):  # Xi said: “…”
            if c.last.idx < a and c.content_from != "according" and paras.of(c.first.idx) == pa:
                if not _gap_ok(doc, c.last.i + 1, lo, after=False):
                    continue
                dist = lo - c.last.i
                if best is None or dist < best[0]:
                    best = (dist, c, c.speaker_head)
        if best is not None:
            rec = {"span": (a, b), "kind": "direct", "cue": best[1], "speaker": best[2]}
            raw.append(rec)
            last_direct = rec
            continue
        # floating quote: covers (most of) its sentence(s); the previous quote, in this or the
        # previous paragraph with no other cue in between, had a speaker
        p_lo, p_hi = paras.starts[pa], (paras.starts[pb + 1] if pb + 1 < len(paras.starts) else len(text))
        sent_words = sum(1 for t in doc[first_sent.start:last_sent.end]
                         if p_lo <= t.idx < p_hi and not t.is_punct and not t.is_space)
        if nwords < 0.6 * sent_words or last_direct is None or _speaker_of(last_direct) is None:
            continue
        prev_b = max(last_direct["span"][1], last_direct["cue"].last.idx + 1)
        breaks = len(_PARA_BREAK.findall(text, last_direct["span"][1], a))
        n_cues_between = bisect.bisect_left(free_cue_pos, a) - bisect.bisect_right(free_cue_pos, prev_b)
        if breaks <= 1 and n_cues_between == 0:
            rec = {"span": (a, b), "kind": "direct", "cue": last_direct["cue"], "speaker": _speaker_of(last_direct)}
            raw.append(rec)
            last_direct = rec
    raw.sort(key=lambda r: r["span"][0])
    return _finish(doc, raw, resolver, sent_index)


def _speaker_of(rec: dict) -> Token | None:
    """Speaker head token of a record (its own, else its cue's)."""
    return rec.get("speaker") or rec["cue"].speaker_head


def _finish(doc: Doc, raw: list[dict], resolver: _Resolver, sent_index) -> list[Quote]:
    """Resolve speakers in text order and build the Quote records (dedup identical spans)."""
    text = doc.text
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for rec in raw:
        a, b = rec["span"]
        while a < b and text[a] in _SPACE:
            a += 1
        while b > a and text[b - 1] in _SPACE:
            b -= 1
        if b <= a or (a, b) in seen:
            continue
        seen.add((a, b))
        cue: _Cue = rec["cue"]
        q = Quote(start_char=a, end_char=b, text=text[a:b], kind=rec["kind"], sentence_index=sent_index(a))
        cs, ce = cue.first.idx, cue.last.idx + len(cue.last)
        q.cue, q.cue_start, q.cue_end, q.cue_lemma = text[cs:ce], cs, ce, cue.lemma
        head = _speaker_of(rec)
        if head is not None:
            if head is cue.speaker_head and cue.speaker_lo is not None:
                slo, shi = cue.speaker_lo, cue.speaker_hi
            else:
                slo, shi = _np_span(head)
            ss, se = doc[slo].idx, doc[shi - 1].idx + len(doc[shi - 1])
            q.speaker, q.speaker_start, q.speaker_end = text[ss:se], ss, se
            m = resolver.resolve(head, slo, shi)
            if m is not None:
                q.speaker_name, q.speaker_label, q.speaker_entity_id = m.name, m.label, m.entity_id
                resolver.note_speaker(ss, m)
        out.append(q)
    return out


__all__ = ["extract_quotes", "find_quote_spans", "VERBS"]
