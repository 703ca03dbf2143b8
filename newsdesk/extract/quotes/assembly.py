"""Assembly of a document's quotes: the steps in order (``extract_quotes``), the claim of quoted
passages by the contents of cues, and the rows with their speakers resolved (``_finish``).

A cue's content that is one quoted passage makes a direct quote (its words outside the marks at
most one, with a long quote), one that holds marks a mixed quote, one without marks an indirect
one; a direct-flag verb (call, describe, hail …) and a bare object count only with quoted words.
A verb inside a quote never reports that quote ("“You tell me,” he said" → he), nor does a verb
inside a quoted passage of more than three words report anything. Speakers are resolved in text
order, so that he/she and "the company" can point back to speakers already resolved.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from newsdesk import lexicon
from newsdesk.extract.quotes import merging
from newsdesk.extract.quotes.attachment import OBJECT_ONLY_LEMMAS, attach_unclaimed
from newsdesk.extract.quotes.cues import find_cues, noun_cues
from newsdesk.extract.quotes.filters import drop_nested, nested_cue, reason_cue
from newsdesk.extract.quotes.marks import ALL_MARKS, END_PUNCT, SPACE
from newsdesk.extract.quotes.merging import join_clause_and_quote, merge_continued
from newsdesk.extract.quotes.name_lines import name_colon_lines
from newsdesk.extract.quotes.objects import np_object_cue
from newsdesk.extract.quotes.records import Cue, speaker_of
from newsdesk.extract.quotes.spans import DocView, n_words, np_span
from newsdesk.extract.speakers.names import fuller_name
from newsdesk.extract.speakers.resolver import Resolver
from newsdesk.extract.types import DocEntities, Quote


_SPOKESPERSON_NOUNS = lexicon.words("speakers_spokesperson_nouns")


def extract_quotes(doc: Doc, entities: DocEntities) -> list[Quote]:
    """All direct, mixed and indirect quotes of ``doc`` with speaker and cue (see the package doc).

    ``doc`` is the parsed body; ``entities`` the entity extractor's output for the same doc.
    Spans are character offsets into ``doc.text``; each quote's ``text`` equals that slice.
    Direct quotes include their quotation marks. Output is sorted by start offset.
    """
    text = doc.text
    if not text.strip():
        return []
    view = DocView(doc)
    resolver = Resolver(doc, entities, view.qspans)
    cues = find_cues(doc, view.paras, view.sents, view.toks)
    cues += noun_cues(doc, view.paras)
    # 1. cues with content: direct (content ≈ a quote), mixed (content holds marks), indirect
    raw, claimed = _claim_contents(view, cues)
    # 1b. "NAME: text" lines (headlines "Pence: Trump Was ‘Mocking’ …", transcripts "WALLACE: …")
    for rec in name_colon_lines(doc, text, view.paras, resolver, view.qspans, view.starts):
        raw.append(rec)
        a, b = rec["span"]
        for k in range(bisect.bisect_left(view.qstarts, a), bisect.bisect_left(view.qstarts, b)):
            claimed.setdefault(k, rec)
    # 2. quotes no content claimed: an adjacent, colon or byline cue, else a floating quote
    raw += attach_unclaimed(view, cues, raw, claimed)
    raw.sort(key=lambda r: r["span"][0])
    if merging.MERGE_CONTINUED:  # read at call time: the evaluation switches it off
        raw = merge_continued(text, raw, view.paras)
    raw = drop_nested(raw)
    raw = join_clause_and_quote(text, raw)
    return _finish(doc, text, raw, resolver, view.sent_index)


def _claim_contents(view: DocView, cues: list[Cue]) -> tuple[list[dict], dict[int, dict]]:
    """Records of the cues whose content is found: direct when the content is one quoted passage,
    mixed when it holds quote marks, indirect otherwise; and, for each quoted passage a content
    overlaps, the record that claims it (quote index → record)."""
    doc, text, starts, ends = view.doc, view.text, view.starts, view.ends
    qspans, qstarts, qtok, inside_quote = view.qspans, view.qstarts, view.qtok, view.inside_quote
    raw: list[dict] = []  # records before speaker resolution
    claimed: dict[int, dict] = {}  # quote index → record that took it
    # 1. cues with content: direct (content ≈ a quote), mixed (content holds marks), indirect
    for cue in cues:
        qk = inside_quote(cue.first)
        if qk is not None and (n_words(doc, *qtok[qk]) > 3 or cue.lemma in OBJECT_ONLY_LEMMAS):
            continue  # a verb inside a quoted passage is part of what was said ("mouthing “thank you”")
        if cue.content_lo is None or cue.content_hi is None:
            continue
        ca, cb = starts[cue.content_lo], ends[cue.content_hi - 1]
        k0 = bisect.bisect_left(qstarts, cb)
        overlapping = [k for k in range(max(0, bisect.bisect_left(qstarts, ca) - 1), k0)
                       if qspans[k][0] < cb and qspans[k][1] > ca]
        if qk is not None and overlapping == [qk]:
            continue  # “You tell me,” he said: a verb cannot report the quote it stands in
        kind = "indirect"
        span = (ca, cb)
        if overlapping:
            qa = min(qspans[k][0] for k in overlapping)
            qb = max(qspans[k][1] for k in overlapping)
            # words of the clause outside the marks
            outside = sum(1 for t in doc[cue.content_lo:cue.content_hi]
                          if not t.is_punct and not t.is_space and not (qa <= t.idx < qb))
            k0 = overlapping[0]
            utterance = (n_words(doc, *qtok[k0]) > 3
                         or text[qspans[k0][0]:qspans[k0][1]].rstrip(ALL_MARKS + " ")[-1:] in END_PUNCT)
            long_quote = n_words(doc, *qtok[k0]) > 3
            if len(overlapping) == 1 and utterance and (outside == 0 or (outside == 1 and long_quote)):
                kind, span = "direct", (qa, qb)
            else:
                kind, span = "mixed", (min(ca, qa), max(cb, qb))
        elif ((cue.kinds == "direct" and cue.content_from != "as")
              or cue.content_from in ("object", "npobject")) and not np_object_cue(cue):
            continue  # call/describe/hail… and bare objects only count with quoted words
        if kind != "direct" and ((nested_cue(cue) and inside_quote(cue.first.head) == qk) or reason_cue(cue)):
            continue  # (a verb inside a quote cannot take over the clause of a cue outside it)
        rec = {"span": span, "kind": kind, "cue": cue}
        raw.append(rec)
        if cue.content_from != "according":  # "…,” Xi said, according to X": Xi keeps the quote
            for k in overlapping:
                claimed.setdefault(k, rec)
    return raw, claimed


def _finish(doc: Doc, text: str, raw: list[dict], resolver: Resolver, sent_index) -> list[Quote]:
    """Resolve speakers in text order and build the Quote records (dedup identical spans)."""
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for rec in raw:
        a, b = rec["span"]
        while a < b and text[a] in SPACE:
            a += 1
        while b > a and text[b - 1] in SPACE:
            b -= 1
        if b <= a or (a, b) in seen:
            continue
        seen.add((a, b))
        cue: Cue = rec["cue"]
        q = Quote(start_char=a, end_char=b, text=text[a:b], kind=rec["kind"], sentence_index=sent_index(a))
        cs, ce = cue.first.idx, cue.last.idx + len(cue.last)
        q.cue, q.cue_start, q.cue_end, q.cue_lemma = text[cs:ce], cs, ce, cue.lemma
        head = speaker_of(rec)
        if head is not None:
            if head is cue.speaker_head and cue.speaker_lo is not None:
                slo, shi = cue.speaker_lo, cue.speaker_hi
            else:
                slo, shi = np_span(head)
            ss, se = doc[slo].idx, doc[shi - 1].idx + len(doc[shi - 1])
            q.speaker, q.speaker_start, q.speaker_end = text[ss:se], ss, se
            # the quote's own words are no antecedents when the speaker stands outside them
            # (an inverted cue heading its sentence: "Mr Blair has failed, he claimed"; not "X got
            # a roar when, at the end of …, she added")
            resolver.current = (a, b) if not a <= ss < b and head.head.dep_ in ("ROOT", "parataxis") else (0, 0)
            m = resolver.resolve(head, slo, shi)
            if m is not None and head.lower_ in _SPOKESPERSON_NOUNS and m.label in ("ORG", "GPE"):
                resolver.last_spokes = (ss, m)
            if m is not None:
                m = fuller_name(resolver, m)
                q.speaker_name, q.speaker_label, q.speaker_entity_id = m.name, m.label, m.entity_id
                resolver.note_speaker(ss, m, head)
                if m.label == "PERSON" and q.kind != "direct":
                    resolver.note_content(a, b)
        out.append(q)
    return out
