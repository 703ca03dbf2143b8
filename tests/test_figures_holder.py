"""Who has, does or reports a figure (newsdesk/extract/figures/holder.py: figure_holder)."""

from __future__ import annotations

import pytest
from extract_checks import find_figure

from newsdesk.extract.figures import extract_figures, figure_holder

# (sentence, figure text, holder)
HOLDERS = [
    ("Nokia, which has 9000 staff in Finland, counted the cost.", "9000", "Nokia"),
    ("Mary Lowe has won 14 races this year.", "14", "Mary Lowe"),
    ("Nordea Bank announced that it will charge a 1.5 per cent levy.", "1.5 per cent", "Nordea Bank"),
    ("Dell's 6,650 employees were told on Monday.", "6,650", "Dell"),
    ("It rose 5% on Monday.", "5%", None),  # no coreference: a pronoun holds nothing
]


@pytest.mark.parametrize("text,span,holder", HOLDERS)
def test_holder_is_the_clause_subject_or_the_possessor(nlp, text, span, holder):
    doc = nlp(text)
    fig = find_figure(extract_figures(doc), span)
    assert figure_holder(doc, fig) == holder
