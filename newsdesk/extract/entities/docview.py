"""Token attributes of one document as plain lists: the view every step of the extractor reads.

spaCy builds a ``Token`` object on every ``doc[i]`` and every step of ``Doc.__iter__``; the
extractor reads the same few attributes many times, so they are read once per document with
``Doc.to_array`` (text, tag, offset, space and sentence-start columns) into lists, and light token
objects (``Tok``) are made on demand. Syntax and entity attributes come from the spaCy token, only
for the few tokens that need them; ``doc.text`` and ``Doc.__iter__`` are never used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.attrs import ENT_IOB, IDX, ORTH, SENT_START, SPACY, TAG
from spacy.tokens import Doc

if TYPE_CHECKING:  # annotations only: spans imports this module
    from newsdesk.extract.entities.spans import Cand


_PUNCT_TAGS = frozenset({",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "$", "#"})

PROPER_TAGS = frozenset({"NNP", "NNPS"})

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


class Tok:
    """The token attributes the extractor reads (a read-only stand-in for ``spacy.tokens.Token``).

    Text, tag, case and offsets come from the view's lists; the syntax and entity attributes,
    read for few tokens, from the spaCy token on first use."""

    __slots__ = ("_v", "i", "text", "tag_", "idx", "whitespace_", "is_space", "_tok")

    def __init__(self, v: "DocView", i: int) -> None:
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
    def head(self) -> "Tok":
        return self._v[self._spacy().head.i]

    @property
    def appos_children(self) -> list["Tok"]:
        """Children with dependency "appos", in document order."""
        return [self._v[t.i] for t in self._spacy().children if t.dep_ == "appos"]

    @property
    def left_edge(self) -> "Tok":
        return self._v[self._spacy().left_edge.i]

    @property
    def right_edge(self) -> "Tok":
        return self._v[self._spacy().right_edge.i]


class _SpanView(list):
    """A token range as a list of ``Tok`` with the span's ``text``."""

    __slots__ = ("text",)


class DocView:
    """Token attributes of one document as plain lists, read once with ``doc.to_array``.

    ``view[i]`` gives a cached ``Tok``; ``view[a:b]`` a ``_SpanView``; ``len(view)`` and
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
        self._toks: list[Tok | None] = [None] * n
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
        """Lower-case forms without dots (``tnorm``), for matching titles."""
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
            tok = self._toks[key] = Tok(self, key)
        return tok

    def _make(self, i: int) -> Tok:
        tok = self._toks[i] = Tok(self, i)
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


class TokenView:
    """Token attributes read once per document (spaCy builds a Token object per access)."""

    __slots__ = ("texts", "tags", "_doc", "capitalised")

    def __init__(self, doc: "DocView") -> None:
        self.texts, self.tags = doc.texts, doc.tags
        self._doc = doc
        self.capitalised = [i for i, t in enumerate(self.texts) if t[:1].isupper()]  # the only starts

    @property
    def lowers(self) -> list[str]:
        return self._doc.lowers

    def covered(self, cands: list[Cand]) -> bytearray:
        """1 for every token inside a candidate."""
        covered = bytearray(len(self.texts))
        for c in cands:
            covered[c.start : c.end] = b"\x01" * (c.end - c.start)
        return covered


def tnorm(tok: "Tok") -> str:
    return tok._v.norms[tok.i]


def is_punct(tok: "Tok") -> bool:
    return tok.tag_ in _PUNCT_TAGS or tok.is_punct


def is_punct_at(doc: "DocView", i: int) -> bool:
    """``is_punct(doc[i])`` from the lists."""
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


def char_span(doc: "DocView", start: int, end: int) -> tuple[int, int]:
    return doc.idxs[start], doc.idxs[end - 1] + len(doc.texts[end - 1])
