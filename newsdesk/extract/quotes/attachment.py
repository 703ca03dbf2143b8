"""Attachment of the quoted passages no cue's content claimed: an adjacent cue, a colon or a
signature, the quote before it, or nothing (``attach_unclaimed``).

An adjacent cue in the same sentence and paragraph takes the quote ("“…,” Xi said", "Xi said:
“…”", "said Xi"); a subject with a long apposition may sit between a quote and its verb ("“…,”
[James Comey, the director of the F.B.I.,] said"); a capitalised word tagged as a verb before a
proper noun between them is a name ("“…,” Tulsa police Chief X said"); a cue ending in
a colon before a mark ("Mr. Franco added: “…”") introduces the quote after it, never the one
before it. A quote that resumes after its cue in the same sentence ("“A,” said Sherman, speaking
of politicians, “and leave …”") is the same quote.

A standalone quote — a whole utterance that starts a sentence or paragraph — floats: it continues
the act of speech of the most recent speaker (a passage of its own, with no speaker mention or cue
of its own): the reported clause before it ("She said the two unions had settled their feud. “I
honestly think …”"), unless that clause hangs in the sentence that cues the previous direct quote
("“A,” said X, who said Y. “B.”" → “B.” continues “A,”), else the previous direct quote; only from
this or the previous paragraph, and only when no other cue and no other named subject come in
between ("“A,” said Ito. Haddad disagreed. “B.”": B is not Ito's). A standalone quote that ends its
sentence and continues no one is said by the speaker of the sentence right before it when that
sentence names its speaker as the subject of a reporting verb that reports nothing of its own
("Sam Ode said in a statement. “…”", "Ms Lind agreed. “…”", "Ito touted her record. “…”":
``_lead_in``). A quoted sub-heading (a paragraph
that is only a quote, without end punctuation) takes the speaker of the first later passage that
holds its words, as an act of speech of its own.

Not quotes: ≤ 3 quoted words not set off as an utterance (scare quotes, "old friend"), short Title
Case stretches (“Guardians of the Galaxy”) unless they hold a sentence break (“Like Oakland. Or
Ferguson,”) or end with , ! ? before a speaker and a bare finite reporting verb (“Happy Cinco de
Mayo!,” he tweeted).
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from newsdesk import lexicon
from newsdesk.extract.quotes.marks import ALL_MARKS, END_PUNCT
from newsdesk.extract.quotes.frames import can_speak, in_speech_frame
from newsdesk.extract.quotes.punctuation_cues import byline_cue, colon_cue
from newsdesk.extract.quotes.records import Cue, speaker_of
from newsdesk.extract.quotes.spans import PARA_BREAK, DocView, Paragraphs, Sents, n_words, np_span
from newsdesk.extract.quotes.verbs import VERBS, cue_of


OBJECT_ONLY_LEMMAS = lexicon.words("quotes_object_only_verbs")

_MAX_GAP = 10  # tokens allowed between a quote and its cue ("“…,” the Chinese foreign minister said")

_GAP_TAGS_AFTER = {"NNP", "NNPS", "NN", "NNS", "PRP", "DT", "JJ", "POS", "CD", "HYPH", "RB", "PRP$", "NFP"}

_GAP_TAGS_BEFORE = {"RB", "IN", "NNP", "DT", "PRP", "NN", "NNS", "CD", "JJ", "NNPS", "POS", "PRP$"}


def gap_ok(doc: Doc, lo: int, hi: int, after: bool) -> bool:
    """True when tokens [lo, hi) between a quote and its cue are a short, verb-free bridge:
    after a quote, a speaker noun phrase ("“…,” [the Chinese leader] added"); before a quote,
    the rest of the cue ("said [on Thursday:] “…”")."""
    if sum(1 for t in doc[lo:hi] if not t.is_space) > _MAX_GAP:
        return False
    tags = _GAP_TAGS_AFTER if after else _GAP_TAGS_BEFORE
    for t in doc[lo:hi]:
        if "\n" in t.text or not (t.is_punct or t.is_space or t.tag_ in tags or (after and _misread_name(t))):
            return False
    return True


def _misread_name(t: Token) -> bool:
    """A capitalised word mid-sentence that the tagger took for a verb ("“…,” [Tulsa] police
    Chief Chuck Jordan said"): part of a name when a proper noun follows it."""
    return (t.tag_.startswith("VB") and t.text[:1].isupper() and t.is_alpha and not t.is_sent_start
            and t.i + 1 < len(t.doc) and t.doc[t.i + 1].tag_ in ("NNP", "NNPS", "NN"))


_MAX_SUBJECT_GAP = 40


def gap_is_subject(doc: Doc, cue: Cue, lo: int, hi: int) -> bool:
    """True when tokens [lo, hi) between a quote and its cue are the cue's subject with its
    apposition or relative clause ("“…,” [James Comey, the director of the F.B.I.,] said"; "“…,”
    [Dana Ruiz, the analyst who runs a polling blog] tweeted"), on one line."""
    subj = cue.speaker_head
    if subj is None or not (lo <= subj.i < hi) or hi - lo > _MAX_SUBJECT_GAP:
        return False
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    end = hi
    while end > lo and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if any("\n" in t.text or "\n" in t.whitespace_ for t in doc[lo:hi]):
        return False
    return subj.left_edge.i <= lo and subj.right_edge.i >= end - 1


def introduces_next(doc: Doc, cue: Cue) -> bool:
    """True when a cue ends in a colon before an opening mark ("Mr. Franco added: “…”"): it
    introduces the quote after it, not the one before it."""
    j = cue.last.i + 1
    return j + 1 < len(doc) and doc[j].text == ":" and (doc[j + 1].tag_ in ("``", "''") or doc[j + 1].is_quote)


def reports_its_own_clause(text: str, a: int, b: int, cue: Cue) -> bool:
    """True when a cue after a finished quoted sentence reports an unquoted clause of its own ("“…
    by the end of quotas.” He said [the six factories were …]"): it opens a new report and is not
    the quote's cue (the quote floats, or has a cue of its own before it)."""
    inner = text[a:b].rstrip(ALL_MARKS + " ")
    if inner[-1:] not in (".", "?", "!") or cue.content_lo is None or cue.content_lo <= cue.last.i:
        return False
    first = cue.first.doc[cue.content_lo]
    return not first.is_quote and cue.content_from in ("ccomp", "xcomp")


def gap_speaker(doc: Doc, lo: int, hi: int) -> Token | None:
    """Head of the noun phrase between a quote and a following cue ("“…,” [Mr Hass] wrote")."""
    nouns = [t for t in doc[lo:hi] if t.tag_ in ("NNP", "NNPS", "NN", "NNS", "PRP")]
    return nouns[-1] if nouns else None


def inverted_gap_speaker(doc: Doc, hi: int, cue: Cue) -> Token | None:
    """The noun phrase between a quote ending at token ``hi`` and the cue that follows it, when the
    parser gave the cue no subject ("“Go back,” [Trump] barked and …": "Trump" taken as a compound
    of the verb); None when the gap is no short verb-free noun phrase."""
    if cue.first.i <= hi or not gap_ok(doc, hi, cue.first.i, after=True):
        return None
    return gap_speaker(doc, hi, cue.first.i)


_TITLE_SMALL = lexicon.words("quotes_title_small_words")

_WORD = re.compile(r"[^\W\d_][\w’'.-]*")


def looks_like_title(inner: str) -> bool:
    """True for a short Title Case stretch (2–6 words, every content word capitalised):
    a book, show, slogan or organisation name rather than an utterance."""
    words = _WORD.findall(inner)
    content = [w for w in words if w.lower() not in _TITLE_SMALL]
    if not 2 <= len(content) <= 6 or len(words) > 8:
        return False
    return all(w[0].isupper() for w in content)


_SENTENCE_BREAK = re.compile(r"[.?!] +[A-Z]")


def titled_utterance(doc: Doc, inner: str, hi: int) -> bool:
    """True for a Title Case quote that is nevertheless an utterance: it holds a sentence break
    (“Like Oakland. Or Ferguson,”) or ends with , ! ? and a speaker with a reporting verb follows
    (“Happy Cinco de Mayo!,” he tweeted / said Ms Lee) — unlike “Guardians of the Galaxy,” posted …"""
    if _SENTENCE_BREAK.search(inner):
        return True
    if inner[-1:] not in (",", "!", "?"):
        return False
    toks = [t for t in doc[hi:hi + 6] if not t.is_space]

    def bare_cue(t: Token) -> bool:  # a finite reporting verb with no clause of its own after it
        return (t.tag_ in ("VBD", "VBZ", "VBP") and cue_of(t) is not None
                and not any(c.dep_ in ("ccomp", "dobj") and c.i > t.i for c in t.children))

    if toks and toks[0].tag_ in ("PRP", "NNP", "NNPS"):
        k = 1
        while k < len(toks) and toks[k].tag_ in ("NNP", "NNPS"):
            k += 1
        return k < len(toks) and bare_cue(toks[k])
    return len(toks) > 1 and bare_cue(toks[0]) and toks[1].tag_ in ("NNP", "NNPS")


def starts_utterance(text: str, a: int) -> bool:
    """True when the quote opening at ``a`` begins a paragraph or follows a finished sentence."""
    j = a - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0 or text[j] in "\n:":
        return True
    if text[j] in ALL_MARKS:  # after a closed quote: “A.” “B.”
        k = j - 1
        while k >= 0 and text[k] in ALL_MARKS:
            k -= 1
        return k >= 0 and text[k] in ".?!…"
    return text[j] in ".?!…"


def resumes_after_cue(text: str, a: int, inner: str, prev: dict, first_sent, sents: "Sents",
                       free_cue_pos: list[int]) -> bool:
    """True when the quote at ``a`` resumes a direct quote after its cue in the same sentence:
    “A,” said Sherman, speaking of politicians, “and leave …” — the second part opens with a
    lower-case word, the cue sits between the two parts, and no other cue comes in between."""
    body = inner.lstrip(ALL_MARKS + " .…")
    if not body[:1].islower() or prev["kind"] != "direct" or speaker_of(prev) is None:
        return False
    cue = prev["cue"]
    if not (prev["span"][1] <= cue.first.idx and cue.last.idx < a):
        return False
    if sents.of(cue.last.i).start != first_sent.start:
        return False
    return bisect.bisect_left(free_cue_pos, a) - bisect.bisect_right(free_cue_pos, cue.first.idx) == 0


def reported_before(reported: list[dict], ends: list[int], a: int, last_direct: dict | None,
                     sents: "Sents") -> dict | None:
    """The latest indirect/mixed record ending before ``a``, if it is later than ``last_direct``
    and not a side clause of the sentence that cues ``last_direct`` ("“A,” said Xi, who said
    Y. “B.”": “B.” continues “A,”)."""
    i = bisect.bisect_right(ends, a) - 1
    if i < 0:
        return None
    rec = reported[i]
    if last_direct is not None:
        if last_direct["span"][1] >= rec["span"][1]:
            return None
        if sents.of(last_direct["cue"].last.i).start == sents.of(rec["cue"].last.i).start:
            return None
    return rec


def _continued(view: DocView, reported: list[dict], reported_ends: list[int], a: int, last_direct: dict | None,
               free_cue_pos: list[int]) -> dict | None:
    """The record whose act of speech a floating quote at ``a`` continues — the most recent
    speaker's: the latest reported clause before it (``reported_before``), else the last direct
    quote. A record continues only when it has a speaker, it ends in this or the previous
    paragraph (news text almost never floats further), and between the end of its cue's sentence
    and the quote there is no other cue and no other speaker (``_other_subject``: "“A,” said Ito.
    Haddad disagreed. “B.”" — B is not Ito's). Not after a bare noun-phrase object ("He did not
    suggest [retaliation]. “Our goal …”": no words of his were reported)."""
    text, paras, sents, starts, ends = view.text, view.paras, view.sents, view.starts, view.ends
    candidates = [reported_before(reported, reported_ends, a, last_direct, sents), last_direct]
    for rec in candidates:
        if rec is None or speaker_of(rec) is None or rec["cue"].last.idx >= a:
            continue
        if rec["kind"] != "direct" and rec["cue"].content_from == "npobject":
            continue
        rb = rec["span"][1]
        if len(PARA_BREAK.findall(text, rb, a)) > 1:
            continue
        prev_b = max(rb, rec["cue"].last.idx + 1)
        cue_sent = sents.of(rec["cue"].last.i)  # "said X, who … responded anonymously." counts once
        if cue_sent.end - 1 < len(starts) and paras.of(starts[cue_sent.end - 1]) == paras.of(prev_b - 1):
            prev_b = max(prev_b, ends[cue_sent.end - 1])
        if bisect.bisect_left(free_cue_pos, a) - bisect.bisect_right(free_cue_pos, prev_b) > 0:
            continue
        if _other_subject(view, prev_b, a, speaker_of(rec)):
            continue
        return rec
    return None


def _lead_in(view: DocView, cues: list[Cue], a: int, reported_cues: set[int]) -> Cue | None:
    """The cue of the sentence that leads into a floating quote at ``a``: a sentence naming its
    speaker as the subject of a reporting verb that reports nothing of its own ("Sam Ode, the
    party's spokesman, said in a statement. “…”", "Ms Lind agreed. “…”", "Ito touted her record
    on housing. “…”"), the quote opening right after it (the same paragraph, or the next one
    when the sentence ends its paragraph). Not a negated report, not a speaker that cannot speak,
    not a cue whose own reported clause or quote was found (that one is continued as such); the
    speaker's noun phrase opens the sentence (after at most an adverbial set off by a comma: "On
    Monday, Ito said.") and no other subject follows the cue ("X began to read a statement, and
    the judge interrupted him. “…”" is not X's); a verb that only cues quoted words counts with no
    object or an object that names speech ("continued her remarks", not "snapped photos")."""
    doc, text, sents, starts = view.doc, view.text, view.sents, view.starts
    k = bisect.bisect_left(starts, a)
    if k == 0:
        return None
    prev_sent = sents.of(k - 1)
    if prev_sent.end > k or len(PARA_BREAK.findall(text, doc[prev_sent.end - 1].idx, a)) > 1:
        return None
    cands = [c for c in cues if prev_sent.start <= c.first.i < prev_sent.end]
    if not cands or any(view.inside_quote(t) is not None for t in doc[prev_sent.start:prev_sent.end]):
        return None
    cue = cands[-1]
    if (id(cue) in reported_cues or cue.speaker_head is None or not can_speak(cue.speaker_head)
            or not in_speech_frame({"kind": "direct", "cue": cue})):
        return None
    lo = cue.speaker_lo if cue.speaker_lo is not None else cue.speaker_head.i
    opener = doc[prev_sent.start:lo]  # nothing, or an adverbial set off by a comma: "On Monday, X said."
    if cue.speaker_head.i > cue.first.i or (len(opener) and (opener[-1].text != "," or len(opener) > 8)) or any(
            t.dep_ in ("nsubj", "nsubjpass") for t in doc[cue.last.i + 1:prev_sent.end]):
        return None  # the sentence is about someone or something else, or goes on to another subject
    obj = next((c for c in cue.first.children if c.dep_ == "dobj"), None)
    if cue.kinds == "direct" and obj is not None and obj.lower_ not in _SPEECH_OBJECTS:
        return None  # "snapped his picture" is no speech; "continued his remarks" is
    return cue


_SPEECH_OBJECTS = lexicon.words("quotes_claim_object_nouns")


def _ends_sentence(view: DocView, hi: int) -> bool:
    """True when the quote ending before token ``hi`` ends its sentence: nothing follows in its
    paragraph, or the next word starts a sentence ("“This is great!” beamed X" goes on)."""
    doc = view.doc
    while hi < len(doc) and doc[hi].is_space and "\n" not in doc[hi].text:
        hi += 1
    return hi >= len(doc) or "\n" in doc[hi].text or view.sents.of(hi).start == hi


def _other_subject(view: DocView, lo: int, hi: int, speaker: Token) -> bool:
    """True when a sentence between ``lo`` and ``hi`` (outside quoted passages) has a named subject
    (a proper noun or a PERSON/ORG name) that is no word of the speaker's noun phrase: another
    speaker comes in between."""
    doc = view.doc
    words = {t.lower_ for t in doc[np_span(speaker)[0]:speaker.i + 1]}
    k = bisect.bisect_left(view.starts, lo)
    while k < len(doc) and view.starts[k] < hi:
        t = doc[k]
        if (t.dep_ in ("nsubj", "nsubjpass") and view.inside_quote(t) is None
                and (t.tag_ in ("NNP", "NNPS") or t.ent_type_ in ("PERSON", "ORG")) and t.lower_ not in words):
            return True
        k += 1
    return False


def whole_paragraph(text: str, a: int, b: int) -> bool:
    """True when the quoted passage [a, b) is its paragraph's only text (a quoted sub-heading)."""
    i = a - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    j = b
    while j < len(text) and text[j] in " \t\u00a0.":
        j += 1
    return (i < 0 or text[i] == "\n") and (j >= len(text) or text[j] == "\n")


_WORDS = re.compile(r"\w+")


def _subheadings(text: str, spans: list[tuple[int, int]], records: list[dict]) -> list[dict]:
    """Records for quoted sub-headings ("‘A piece of our history’" on a line of its own): the first
    later passage with a speaker whose words hold the sub-heading's (≥ 2 words) gives its speaker;
    the sub-heading is an act of speech of its own (key ``attr``) without a mention or cue of its
    own, inheriting that passage's speaker (``inherits``)."""
    out = []
    later = sorted((r for r in records if speaker_of(r) is not None), key=lambda r: r["span"][0])
    for a, b in spans:
        words = _WORDS.findall(text[a:b].lower())
        if len(words) < 2:
            continue
        needle = " " + " ".join(words) + " "
        for r in later:
            if r["span"][0] >= b and needle in " " + " ".join(_WORDS.findall(text[slice(*r["span"])].lower())) + " ":
                out.append({"span": (a, b), "kind": "direct", "cue": r["cue"], "speaker": speaker_of(r),
                            "attr": ("subheading", a), "inherits": r})
                break
    return out


def _adjacent_cue(view: DocView, k: int, cue_by_sent: dict[int, list[Cue]], short: bool, exclaim: bool,
                  ends_punct: bool) -> tuple[int, Cue, Token | None] | None:
    """(distance, cue, speaker head) of the cue that takes the unclaimed quoted passage ``k``: the
    nearest adjacent cue after it in its last sentence ("“…,” Xi said", "said Xi") or before it in its
    first sentence ("Xi said: “…”"), else a colon or a dash signature; None when there is none."""
    doc, text, starts, sents, paras = view.doc, view.text, view.starts, view.sents, view.paras
    a, b = view.qspans[k]
    lo, hi = view.qtok[k]
    first_sent = sents.of(lo)
    last_sent = sents.of(hi - 1)
    pa, pb = paras.of(a), paras.of(b - 1)
    best: tuple[int, Cue, Token | None] | None = None
    after_sents = {last_sent.start}
    if hi < len(doc) and paras.of(doc[hi].idx) == pb:
        after_sents.add(sents.of(hi).start)  # the parser split after “…?” Trump said
    for c in [c for st in after_sents for c in cue_by_sent.get(st, [])]:  # “…,” Xi said / said Xi
        if c.first.idx >= b and c.content_from != "according" and paras.of(c.first.idx) == pb \
                and not introduces_next(doc, c) and not reports_its_own_clause(text, a, b, c):
            gap_lo, gap_hi = hi, c.first.i
            short_gap = gap_ok(doc, gap_lo, gap_hi, after=True)
            if not (short_gap or gap_is_subject(doc, c, gap_lo, gap_hi)):
                continue
            if not ends_punct and not (gap_hi > gap_lo and doc[gap_lo].is_punct):
                continue  # “…” which Xi described: a fragment, not a quote set off by its cue
            speaker = gap_speaker(doc, gap_lo, gap_hi) if short_gap else c.speaker_head
            if speaker is None and c.speaker_head is not None and c.speaker_head.i > c.last.i:
                speaker = c.speaker_head  # inverted: “…,” said Xi
            if speaker is None:
                speaker = c.speaker_head
            if speaker is None and gap_hi - gap_lo <= 1:  # “…” reply Burton and Nick (parsed as object)
                speaker = next((t for t in doc[c.last.i + 1:c.last.i + 4]
                                if t.tag_ in ("NNP", "NNPS") and t.dep_ != "compound"), None)
            dist = c.first.i - hi
            if best is None or dist < best[0]:
                best = (dist, c, speaker)
    for c in cue_by_sent.get(first_sent.start, []):  # Xi said: “…”
        if c.last.idx < a and c.content_from != "according" and paras.of(c.first.idx) == pa:
            if not gap_ok(doc, c.last.i + 1, lo, after=False):
                continue
            if short and not (lo > 0 and doc[lo - 1].text in (":", ",")) and not (exclaim and lo == c.last.i + 1):
                continue
            dist = lo - c.last.i
            if best is None or dist < best[0]:
                best = (dist, c, c.speaker_head)
    if best is None and not short:
        colon = colon_cue(doc, text, a, lo, cue_by_sent, sents)
        if colon is not None:
            best = (0, colon, colon.speaker_head)
    if best is None and not short:
        byline = byline_cue(doc, text, b, starts, a)
        if byline is not None:
            best = (0, byline, byline.speaker_head)
    return best


def attach_unclaimed(view: DocView, cues: list[Cue], raw: list[dict], claimed: dict[int, dict]) -> list[dict]:
    """Records for the quoted passages no content claimed (``claimed``: quote index → record): an
    adjacent cue in the same sentence and paragraph, a colon or a byline, a quote that
    resumes after its cue, else a floating quote that continues the most recent speaker
    (``_continued``), else a quoted sub-heading that a later speaker says (``_subheadings``); ≤ 3
    words not set off as an utterance (scare quotes, titles) are skipped. ``raw`` holds the records
    found so far. Returns the new records (text order, sub-headings last)."""
    doc, text, sents = view.doc, view.text, view.sents
    qspans, qtok, inside_quote = view.qspans, view.qtok, view.inside_quote
    new: list[dict] = []
    cue_by_sent: dict[int, list[Cue]] = {}
    free_cue_pos: list[int] = []
    for cue in cues:
        if (inside_quote(cue.first) is None and cue.lemma not in OBJECT_ONLY_LEMMAS
                and cue.content_from not in ("question", "noun")):  # "Asked whether …" takes no adjacent quote
            cue_by_sent.setdefault(sents.of(cue.first.i).start, []).append(cue)
            if cue.content_from != "according":
                free_cue_pos.append(cue.first.idx)
    reported = sorted((r for r in raw if r["kind"] in ("indirect", "mixed")
                       and r["cue"].content_from not in ("according", "noun")), key=lambda r: r["span"][1])
    reported_ends = [r["span"][1] for r in reported]
    reported_cues = {id(r["cue"]) for r in raw}
    lead_cues = sorted((c for cs in cue_by_sent.values() for c in cs if c.content_from != "according"),
                       key=lambda c: c.first.i)
    last_direct: dict | None = None
    subheadings: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(qspans):
        if k in claimed:
            last_direct = claimed[k]
            continue
        lo, hi = qtok[k]
        if hi <= lo:
            continue
        nwords = n_words(doc, lo, hi)
        short = nwords <= 3
        exclaim = short and text[a:b].rstrip(ALL_MARKS + " ")[-1:] in ("!", "?")
        first_sent = sents.of(lo)
        inner = text[a:b].rstrip(ALL_MARKS + " ")
        ends_punct = bool(inner) and inner[-1] in END_PUNCT
        starts_sentence = lo <= first_sent.start + 1 or (lo > 0 and doc[lo - 1].text in (":", ",", "—"))
        if whole_paragraph(text, a, b) and not ends_punct and text[:a].rstrip()[-1:] != ":":
            subheadings.append((a, b))  # a quoted sub-heading: its speaker is found later in the text
            continue
        if short and not (ends_punct and starts_sentence) and not exclaim:
            continue  # scare quote or title: ≤ 3 words not set off as an utterance
        if looks_like_title(inner) and not titled_utterance(doc, inner, hi):
            continue  # “Guardians of the Galaxy,” ''An American Son.
        best = _adjacent_cue(view, k, cue_by_sent, short, exclaim, ends_punct)
        if best is None and last_direct is not None and resumes_after_cue(text, a, inner, last_direct,
                                                                            first_sent, sents, free_cue_pos):
            best = (0, last_direct["cue"], speaker_of(last_direct))
        if best is not None:
            rec = {"span": (a, b), "kind": "direct", "cue": best[1], "speaker": best[2]}
            new.append(rec)
            last_direct = rec
            continue
        # floating quote: a whole utterance (starts a sentence or paragraph, ends with sentence
        # punctuation) that continues the most recent speaker
        outer_end = text[b:b + 1]  # British style: “… stability”.
        if not (starts_utterance(text, a) and inner and (inner[-1] in ".?!…—-" or outer_end in (".", "?", "!"))):
            continue
        prev = _continued(view, reported, reported_ends, a, last_direct, free_cue_pos)
        if prev is not None:
            rec = {"span": (a, b), "kind": "direct", "cue": prev["cue"], "speaker": speaker_of(prev)}
            new.append(rec)
            last_direct = rec
            continue
        lead = _lead_in(view, lead_cues, a, reported_cues) if _ends_sentence(view, hi) else None
        if lead is not None:
            rec = {"span": (a, b), "kind": "direct", "cue": lead, "speaker": lead.speaker_head}
            new.append(rec)
            last_direct = rec
    new += _subheadings(text, subheadings, raw + new)
    return new
