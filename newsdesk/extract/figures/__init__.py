"""Reported numbers ("figures") from a parsed document: money, percentages, counts, quantities.

A rule system over the spaCy ``Doc`` the pipeline already made (no second model pass), one module
per step, assembled by :func:`extract_figures` (:mod:`.assemble`):

1. surface scan (:mod:`.scan`): where a figure can start, its number (:mod:`.numbers`: numerals,
   spelled numbers, fractions, vague amounts, scale words) and its unit or currency (:mod:`.units`,
   from ``newsdesk/data/units.tsv``, built from quantulum3's and CLDR's catalogues by
   :mod:`newsdesk.unitcatalog`); surface filters drop dates, clock
   times, ordinals, phone numbers, labelled numbers and numbers glued to names;
2. ranges and ratios (:mod:`.ranges`): "between 252 and 287 miles", "two out of five voters";
3. kinds (:mod:`.kinds`): what a number without a unit is (a count, an age, a value) or why it is
   no figure (a year, a score, a name, a descriptor); a bare number may repeat its neighbour's unit;
4. what it counts or values (:mod:`.objects`), and its qualifier, change, year and period
   (:mod:`.context`);
5. bracketed conversions (:mod:`.conversions`): "US$200 billion (S$269 billion)".

:func:`figure_holder` (:mod:`.holder`) gives who has or reports a figure (the clause subject) for
evaluation and a proposed ``subject`` column; it is not part of the Figure contract. The word lists
the steps use are data files in ``newsdesk/data`` (``figures_*``, ``units.tsv``, ``calendar_words.tsv``),
read through :mod:`newsdesk.lexicon`.

Limits: English only; each module states its own. Cost is linear in the document: one pass over
digits and token hashes, then a few token look-ups per candidate (about 1-2 ms for a 500-word
article, against ~100 ms for the parse).
"""

from newsdesk.extract.figures.assemble import extract_figures
from newsdesk.extract.figures.holder import figure_holder

__all__ = ["extract_figures", "figure_holder"]
