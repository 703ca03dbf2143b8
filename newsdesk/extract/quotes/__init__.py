"""Quote attribution: who said what, with which reporting verb — one row per passage (contract v2).

``extract_quotes(doc, entities)`` returns one :class:`~newsdesk.extract.types.Quote` per passage of
reported speech found in a parsed document (tagger + parser + NER; no lemmas, no POS), sorted by
start offset. Every span is a character span of ``doc.text`` and ``text`` is that exact slice.
A passage is contiguous: the words inside one pair of marks, or one reported clause; the passages
of one act of speech ("“A,” she said. “B.”", a quoted paragraph that continues her) share
``attribution_id``, and only the passage that carries the speaker mention has speaker and cue
spans — the others carry the act's ``speaker_name`` / ``speaker_entity_id`` / ``speakers``.

Kinds: **direct** — a passage inside quotation marks (marks included, as PolNeAR, textacy and
GenderGapTracker gold do); **mixed** — a reported clause or object that contains quoted words;
**indirect** — a reported clause, a claim object or a sentence without marks. ``cue`` is the
reporting verb as written (with its particle: "pointed out", "called for"; "according to"; ":" for
a colon, "-" for a dash signature), ``cue_lemma`` its lemma from data/reporting_verbs.tsv.

A document goes through these steps, one module each:

1. ``marks`` — quotation marks paired into quoted passages (``find_quote_spans``).
2. ``verbs`` and ``cues`` — reporting verbs (the table, ``VERBS``), "according to", speech-act
   nouns and "Asked by X whether …" questions found as cues, each with
3. ``speaker`` — the speaker span (the verb's subject and the parser's ways of losing it), and
4. ``content``, ``around`` and ``objects`` — the content span: the reported clause or object
   after the cue, the clause or sentence around it.
5. ``assembly`` — contents claim the quoted passages they overlap (direct / mixed / indirect);
   ``name_lines`` adds "NAME: text" lines; ``attachment`` gives every passage left an adjacent
   cue, a colon or dash cue (``punctuation_cues``), the act of speech of the most recent speaker
   (a floating or continued passage), or the later speaker of a quoted sub-heading.
6. ``frames`` keeps reported speech only (the verb's speech frame, a source that can speak);
   ``filters`` drops reports nested in others; ``passages`` makes contiguous passages (cut around
   their own cue, at paragraph breaks, around a nested report; a relayed duplicate dropped) and
   groups them into acts of speech.
7. ``assembly`` — each act's speaker resolved once, in text order (``speakers.Resolver``; joint
   speakers by ``speakers.joint``), one Quote per passage.

``spans`` holds the token and character geometry every step shares, ``records`` the records
passed between the steps. Word lists are data: ``newsdesk/data/quotes_*`` and ``speakers_*``.

Limits: verbs are found by surface form, so a verb missing from the table is missed; speakers
and contents are kept inside the cue's paragraph; "they" is resolved only after a joint speaker;
a floating passage continues a speaker only from the same or the next paragraph; the speaker of a
quote whose cue sits in another sentence is found only as a floating quote or after a colon.
"""

from newsdesk.extract.quotes.marks import find_quote_spans
from newsdesk.extract.quotes.verbs import VERBS
from newsdesk.extract.quotes.assembly import extract_quotes

__all__ = ["extract_quotes", "find_quote_spans", "VERBS"]
