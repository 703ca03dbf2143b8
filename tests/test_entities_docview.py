"""The token view (newsdesk/extract/entities/docview.py): the per-document lists the extractor reads
equal what spaCy's own objects give."""

from __future__ import annotations

import pytest

from newsdesk.extract.entities import DocView


@pytest.mark.parametrize(
    "text",
    [
        "Chinese President Xi Jinping arrived in Moscow.\n\nMr Putin  said “talks went well”, Reuters reported.",
        "  Leading spaces, tabs\tand U.S. initials (J.J. Smith) end here",
        "",
    ],
)
def test_token_view_matches_spacy(nlp, text):
    doc = nlp(text)
    view = DocView(doc)
    assert view.text == doc.text
    assert view.texts == [t.text for t in doc]
    assert view.lowers == [t.lower_ for t in doc]
    assert view.tags == [t.tag_ for t in doc]
    assert view.idxs == [t.idx for t in doc]
    assert [view[i].whitespace_ for i in range(len(doc))] == [t.whitespace_ for t in doc]
    assert [view[i].is_punct for i in range(len(doc))] == [t.is_punct for t in doc]
    assert [view[i].is_sent_start for i in range(len(doc))] == [t.is_sent_start for t in doc]
    assert [view[i].head.i for i in range(len(doc))] == [t.head.i for t in doc]
    assert (view.sentence_starts() or [0]) == ([s.start for s in doc.sents] or [0])
    for a in range(len(doc)):
        for b in range(a, min(len(doc), a + 4) + 1):
            assert view.span_text(a, b) == doc[a:b].text
