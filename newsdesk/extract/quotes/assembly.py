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

from spacy.tokens import Doc, Token

from newsdesk import lexicon
from newsdesk.cleaning import find_dateline
from newsdesk.extract.quotes.attachment import OBJECT_ONLY_LEMMAS, attach_unclaimed, inverted_gap_speaker
from newsdesk.extract.quotes.cues import find_cues, noun_cues
from newsdesk.extract.quotes.filters import drop_nested, nested_cue, reason_cue
from newsdesk.extract.quotes.marks import ALL_MARKS, END_PUNCT, SPACE
from newsdesk.extract.quotes.passages import (
    attribution_key, cut_around_cue, cut_nested, drop_relayed, join_colon_quote, split_paragraphs,
)
from newsdesk.extract.quotes.name_lines import name_colon_lines
from newsdesk.extract.quotes.frames import reported_object, speech_only
from newsdesk.extract.quotes.records import Cue, speaker_of
from newsdesk.extract.quotes.spans import DocView, n_words, np_span
from newsdesk.extract.speakers.joint import conjuncts, joint_span, joint_speakers
from newsdesk.extract.speakers.names import fuller_name
from newsdesk.extract.speakers.resolver import Resolver
from newsdesk.extract.types import DocEntities, Mention, Quote, QuoteSpeaker


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
    view = DocView(doc, text)
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
    # 3. reports nested in others dropped; passages made contiguous, one row each
    raw = speech_only(raw)
    raw = drop_nested(raw)
    raw = join_colon_quote(text, raw)
    raw = cut_around_cue(doc, text, raw)
    raw = drop_relayed(raw)
    raw = cut_nested(doc, text, raw)
    raw = split_paragraphs(text, raw)
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
              or cue.content_from in ("object", "npobject")) and not reported_object(cue):
            continue  # call/describe/hail… and bare objects only count with quoted words
        if kind != "direct" and ((nested_cue(cue) and inside_quote(cue.first.head) == qk) or reason_cue(cue)):
            continue  # (a verb inside a quote cannot take over the clause of a cue outside it)
        rec = {"span": span, "kind": kind, "cue": cue}
        if kind == "direct" and cue.speaker_head is None:
            head = inverted_gap_speaker(doc, qtok[overlapping[0]][1], cue)
            if head is not None:
                rec["speaker"] = head  # "“…,” Trump barked": the parser lost the subject of the cue
        raw.append(rec)
        if cue.content_from != "according":  # "…,” Xi said, according to X": Xi keeps the quote
            for k in overlapping:
                claimed.setdefault(k, rec)
    return raw, claimed


def _trimmed(text: str, raw: list[dict]) -> list[dict]:
    """The records in text order with their spans stripped of white space and of a dateline that
    opens their paragraph ("MANAGUA, March 18 - [Representatives … will meet]"), empty and repeated
    spans dropped (one passage, one row)."""
    out: list[dict] = []
    seen: set[tuple[int, int]] = set()
    for rec in sorted(raw, key=lambda r: r["span"]):
        a, b = rec["span"]
        a = _after_dateline(text, a, b)
        while a < b and text[a] in SPACE:
            a += 1
        while b > a and text[b - 1] in SPACE:
            b -= 1
        if b <= a or (a, b) in seen:
            continue
        seen.add((a, b))
        out.append({**rec, "span": (a, b)})
    return out


def _after_dateline(text: str, a: int, b: int) -> int:
    """``a`` moved past the dateline of its paragraph when the span starts inside it."""
    p = text.rfind("\n", 0, a) + 1
    if a - p > 60:
        return a
    end = text.find("\n", p)
    dateline = find_dateline(text[p:end if end >= 0 else len(text)])
    return p + dateline.end if dateline is not None and a < p + dateline.end < b else a


def _finish(doc: Doc, text: str, raw: list[dict], resolver: Resolver, sent_index) -> list[Quote]:
    """Group the records into acts of speech, resolve each act's speaker once (in text order, so
    that he/she and "the company" can point back to speakers already resolved) and build one Quote
    per passage: the act's first passage with a speaker carries the speaker and cue spans, the others
    inherit its speaker name. An act of speech with no speaker at all is no quote; a sub-heading
    takes the speaker of the passage it repeats."""
    recs = _trimmed(text, raw)
    groups: dict[object, list[dict]] = {}
    for rec in recs:
        groups.setdefault(attribution_key(rec), []).append(rec)
    heads = {key: next((r for r in rs if "inherits" not in r and speaker_of(r) is not None), None)
             for key, rs in groups.items()}
    head_ids = {id(h) for h in heads.values() if h is not None}
    said: dict[object, Speakers] = {}
    for rec in recs:  # text order
        key = attribution_key(rec)
        if id(rec) in head_ids:
            said[key] = _resolve(doc, rec, resolver)
        spk = said.get(key)
        if spk is not None and spk.person and rec["kind"] != "direct":
            resolver.note_content(*rec["span"])
    out: list[Quote] = []
    for key, rs in groups.items():
        head = heads[key]
        spk = said.get(key) if head is not None else (
            said.get(attribution_key(rs[0]["inherits"])) if "inherits" in rs[0] else None)
        if spk is None:
            continue  # reported speech with nobody saying it
        akey = f"{rs[0]['span'][0]}:{rs[0]['span'][1]}"
        for rec in rs:
            a, b = rec["span"]
            q = Quote(start_char=a, end_char=b, text=text[a:b], kind=rec["kind"], sentence_index=sent_index(a),
                      speaker_name=spk.name, speaker_label=spk.label, speaker_entity_id=spk.entity_id,
                      attribution_id=akey, speakers=list(spk.speakers))
            if rec is head:
                cue: Cue = rec["cue"]
                cs, ce = cue.first.idx, cue.last.idx + len(cue.last)
                q.cue, q.cue_start, q.cue_end, q.cue_lemma = text[cs:ce], cs, ce, cue.lemma
                q.speaker, q.speaker_start, q.speaker_end = text[spk.start:spk.end], spk.start, spk.end
            out.append(q)
    out.sort(key=lambda q: q.start_char)
    return out


class Speakers:
    """The resolved speaker of one act of speech: its span as written and its parties."""

    __slots__ = ("start", "end", "name", "label", "entity_id", "speakers", "person")

    def __init__(self, start: int, end: int, parties: list) -> None:
        self.start, self.end = start, end
        mentions = [m for m in parties if isinstance(m, Mention)]
        names = [m.name if isinstance(m, Mention) else _np_text(m) for m in parties]
        self.name = (None if not mentions else names[0] if len(names) == 1
                     else ", ".join(names[:-1]) + " and " + names[-1])
        labels = {m.label for m in mentions}
        self.label = labels.pop() if len(labels) == 1 and mentions else None
        self.entity_id = mentions[0].entity_id if len(parties) == 1 and mentions else None
        seen: set[str] = set()
        self.speakers = []
        for m in mentions:
            if m.entity_id not in seen:
                seen.add(m.entity_id)
                self.speakers.append(QuoteSpeaker(m.entity_id, m.name, m.label, len(self.speakers)))
        self.person = len(mentions) == 1 and mentions[0].label == "PERSON"


def _np_text(tok: Token) -> str:
    lo, hi = np_span(tok)
    d = tok.doc
    return d.text[d[lo].idx:d[hi - 1].idx + len(d[hi - 1])]


def _resolve(doc: Doc, rec: dict, resolver: Resolver) -> Speakers:
    """The speaker of the act of speech whose first passage is ``rec``: the span as written (a
    coordinated speaker whole: "Hana Ito and Omar Haddad") and its parties, resolved in text order
    (``joint.joint_speakers`` for joint speakers, else ``Resolver.resolve``)."""
    a, b = rec["span"]
    cue: Cue = rec["cue"]
    head = speaker_of(rec)
    if head is cue.speaker_head and cue.speaker_lo is not None:
        slo, shi = cue.speaker_lo, cue.speaker_hi
    else:
        slo, shi = np_span(head)
    if len(conjuncts(head)) > 1:
        slo, shi = min(slo, joint_span(head)[0]), max(shi, joint_span(head)[1])
    ss, se = doc[slo].idx, doc[shi - 1].idx + len(doc[shi - 1])
    # the quote's own words are no antecedents when the speaker stands outside them (an inverted
    # cue heading its sentence: "Mr Blair has failed, he claimed"; not "X got a roar when, at the
    # end of …, she added")
    resolver.current = (a, b) if not a <= ss < b and head.head.dep_ in ("ROOT", "parataxis") else (0, 0)
    parties = joint_speakers(resolver, head, list(doc[slo:shi]))
    if parties is not None:
        resolver.last_joint = (ss, tuple(parties))
        first = next((m for m in parties if isinstance(m, Mention)), None)
        if first is not None:
            resolver.last_speaker = (ss, first)
        return Speakers(ss, se, parties)
    m = resolver.resolve(head, slo, shi)
    if m is not None and head.lower_ in _SPOKESPERSON_NOUNS and m.label in ("ORG", "GPE"):
        resolver.last_spokes = (ss, m)
    if m is None:
        return Speakers(ss, se, [])
    m = fuller_name(resolver, m)
    resolver.note_speaker(ss, m, head)
    return Speakers(ss, se, [m])
