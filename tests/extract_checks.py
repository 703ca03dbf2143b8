"""Shared checks of the entity and figure extractor tests.

Each helper runs an extractor on a text and holds every record it returns to the contract the
loader validates: every span is a slice of the body, labels and kinds come from the contract, values
are finite, a range has low <= high. The tests then assert the behaviour they are named for.
"""

from __future__ import annotations

import math

import pytest

from newsdesk.extract.entities import extract_entities
from newsdesk.extract.figures import extract_figures
from newsdesk.extract.types import ENTITY_LABELS, FIGURE_KINDS, DocEntities, Figure
from newsdesk.ids import entity_id

# parameter names of the one-figure tables: (sentence, figure text, value, unit, kind, qualifier,
# object, year, period)
FIGURE_FIELDS = "text,span,value,unit,kind,qualifier,obj,year,period"
# parameter names of the range tables: (sentence, figure text, low, high, unit)
RANGE_FIELDS = "text,span,low,high,unit"


def figures_of(nlp, text: str) -> list[Figure]:
    """The figures of ``text``, each checked against the contract."""
    doc = nlp(text)
    figs = extract_figures(doc)
    for f in figs:
        assert f.text == text[f.start_char:f.end_char]
        assert math.isfinite(f.value)
        assert f.kind in FIGURE_KINDS
        assert 0 <= f.sentence_index < len(list(doc.sents))
        assert f.value_low is None or f.value_high is None or f.value_low <= f.value_high  # warehouse check
    return figs


def find_figure(figs: list[Figure], text: str) -> Figure:
    """The first figure whose text is ``text`` (fails naming the figures there are)."""
    matches = [f for f in figs if f.text == text]
    assert matches, f"no figure with text {text!r} in {[f.text for f in figs]}"
    return matches[0]


def assert_figure(nlp, text, span, value, unit, kind, qualifier, obj, year, period) -> None:
    """The figure ``span`` of ``text`` has this value, unit, kind, qualifier, object, year and period."""
    f = find_figure(figures_of(nlp, text), span)
    assert math.isclose(f.value, value, rel_tol=1e-9)
    assert (f.unit, f.kind, f.qualifier, f.object, f.year, f.period) == (unit, kind, qualifier, obj, year, period)


def assert_range(nlp, text, span, low, high, unit) -> None:
    """The figure ``span`` of ``text`` is the range low..high (value: the midpoint) in ``unit``."""
    f = find_figure(figures_of(nlp, text), span)
    assert (f.value_low, f.value_high) == pytest.approx((low, high))
    assert f.value == pytest.approx((low + high) / 2)
    assert f.unit == unit


_ENTITIES: dict[str, DocEntities] = {}


def entities_of(nlp, text: str) -> DocEntities:
    """The mentions and roles of ``text`` (extracted once per text), checked against the contract."""
    if text not in _ENTITIES:
        ents = extract_entities(nlp(text))
        for m in ents.mentions:
            assert m.text == text[m.start_char:m.end_char]
            assert m.label in ENTITY_LABELS
            assert m.entity_id == entity_id(m.label, m.name)
        for r in ents.roles:
            assert r.role == text[r.start_char:r.end_char]
        _ENTITIES[text] = ents
    return _ENTITIES[text]


def mentions_written(ents: DocEntities, text: str) -> list:
    """The mentions written exactly ``text``."""
    return [m for m in ents.mentions if m.text == text]
