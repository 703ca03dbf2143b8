"""Quote attribution: who said what, with which reporting verb.

``extract_quotes(doc, entities)`` returns one :class:`~newsdesk.extract.types.Quote` per
attribution found in a parsed document (tagger + parser + NER; no lemmas, no POS), sorted by
start offset. Every span is a character span of ``doc.text`` and ``text`` is that exact slice.

Kinds: **direct** — a passage inside quotation marks that a cue reports, a colon or a signature
introduces, or that floats after a quote with a speaker (the span INCLUDES its marks, as PolNeAR
and textacy gold do); **mixed** — a reported clause or object that contains quoted words (the
clause widened to the marks of its fragments); **indirect** — a reported clause, object or
sentence without marks. ``cue`` is the reporting verb as written (with its particle: "pointed
out", "called for"; "according to"; ":" for a colon, "-" for a dash signature), ``cue_lemma``
its lemma from data/reporting_verbs.tsv. The speaker span is a noun phrase of the text;
speaker_name / speaker_label / speaker_entity_id come from :mod:`newsdesk.extract.speakers`.

A document goes through these steps, one module each:

1. ``marks`` — quotation marks paired into quoted passages (``find_quote_spans``).
2. ``verbs`` and ``cues`` — reporting verbs (the table, ``VERBS``), "according to", speech-act
   nouns and "Asked by X whether …" questions found as cues, each with
3. ``speaker`` — the speaker span (the verb's subject and the parser's ways of losing it), and
4. ``content``, ``around`` and ``objects`` — the content span: the reported clause or object
   after the cue, the clause or sentence around it, an unquoted noun-phrase object.
5. ``assembly`` — contents claim the quoted passages they overlap (direct / mixed / indirect);
   ``name_lines`` adds "NAME: text" lines; ``attachment`` gives every passage left an adjacent
   cue, a colon or dash cue (``punctuation_cues``), or the speaker of the quote before it.
6. ``merging`` joins parts of one quote, ``filters`` drops reports nested in others.
7. ``assembly`` — speakers resolved in text order (``speakers.Resolver``), rows built.

``spans`` holds the token and character geometry every step shares, ``records`` the records
passed between the steps. ``merging.MERGE_CONTINUED`` (on) switches step 6's merge of an
interrupted or continued quote; the textacy evaluation turns it off. Word lists are data: ``newsdesk/data/quotes_*`` and ``speakers_*``.

Limits: verbs are found by surface form, so a verb missing from the table is missed; speakers
and contents are kept inside the cue's paragraph; gender is not used (a "she" after a male
subject can go wrong when no role word intervenes); "they" stays unresolved ("it" only after an
organisation speaker); a quote whose cue sits in another sentence is attributed only as a
floating quote or after a colon. Runs in linear time over the tokens (about 230k tokens/s of
parsed text on the dev machine, entities excluded).
"""

from newsdesk.extract.quotes.marks import find_quote_spans
from newsdesk.extract.quotes.verbs import VERBS
from newsdesk.extract.quotes.assembly import extract_quotes

__all__ = ["extract_quotes", "find_quote_spans", "VERBS"]
