"""Helpers of the quote and speaker tests: run the extractor with the invariants every caller
relies on checked, find a quote by a fragment of its text, and entities for a parsed text."""

from __future__ import annotations

from newsdesk import ids
from newsdesk.extract.quotes import extract_quotes
from newsdesk.extract.types import ENTITY_LABELS, DocEntities, Mention, Quote

_HONORIFICS = ("Mr ", "Mr. ", "Mrs ", "Mrs. ", "Ms ", "Ms. ", "Dr ", "Dr. ")


def _adapter_entities(doc) -> DocEntities:
    """Stand-in for the entity extractor: doc.ents, honorifics dropped, a bare surname linked
    to the latest full name that ends with it ("Mr Hass" → "Ryan Hass")."""
    out = DocEntities()
    full: list[str] = []
    for k, sent in enumerate(doc.sents):
        for e in sent.ents:
            if e.label_ not in ENTITY_LABELS:
                continue
            name = e.text
            for h in _HONORIFICS:
                if name.startswith(h):
                    name = name[len(h):]
            if e.label_ == "PERSON" and name.split():
                if len(name.split()) == 1:
                    name = next((f for f in reversed(full) if f.split()[-1] == name), name)
                else:
                    full.append(name)
            out.mentions.append(Mention(e.start_char, e.end_char, k, e.text, e.label_, name,
                                        ids.entity_id(e.label_, name)))
    return out


def entities_for(doc) -> DocEntities:
    """The entity helper's extractor when it exists, else the adapter above."""
    try:
        from newsdesk.extract.entities import extract_entities
    except ImportError:
        return _adapter_entities(doc)
    return extract_entities(doc)


def run(nlp, text: str, entities: DocEntities | None = None) -> list[Quote]:
    """``extract_quotes`` on ``text``, each quote checked against the invariants of its spans."""
    doc = nlp(text)
    qs = extract_quotes(doc, entities if entities is not None else entities_for(doc))
    for q in qs:  # the invariants every caller relies on
        assert 0 <= q.start_char < q.end_char <= len(text)
        assert q.text == text[q.start_char:q.end_char]
        assert q.kind in ("direct", "mixed", "indirect")
        if q.speaker is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)
            assert q.speaker == text[q.speaker_start:q.speaker_end]
        if q.cue is not None:
            assert q.cue == text[q.cue_start:q.cue_end]
            assert q.speaker is not None  # a passage without a mention of its own has no cue either
        assert q.attribution_id is not None
    return qs


def find(qs: list[Quote], fragment: str) -> Quote:
    """The first quote whose text holds ``fragment`` (asserting there is one)."""
    hits = [q for q in qs if fragment in q.text]
    assert hits, f"no quote contains {fragment!r}: {[(q.text, q.speaker) for q in qs]}"
    return hits[0]


def head_of(qs: list[Quote], q: Quote) -> Quote:
    """The passage of ``q``'s act of speech that carries its speaker mention and cue."""
    heads = [h for h in qs if h.attribution_id == q.attribution_id and h.speaker is not None]
    assert len(heads) == 1, f"{len(heads)} passages carry the mention of {q.text!r}"
    return heads[0]
