"""Every cue of a document, in text order, with its speaker and content token ranges: reporting
verbs (``find_cues``), "according to X", the question of a bare "Asked by X whether …" participle
and speech-act nouns (``noun_cues``).

"According to X" reports the clause it attaches to with X as speaker ("a statement by the
ministry" resolves to the ministry). "Asked whether …" participles and "asked not to be named"
report no speech of their subject; an "Asked by X whether/if/why …" participle reports its
question with X as speaker (its subject answers; without "by X" nothing is reported; the cue takes
no adjacent quote). A content after a cue right after a quote mark that holds the cue's own
speaker is none ("“…,” said [David Brock, a confidant who heads the PAC Correct the Record]": the
parser made the speaker a clause subject); a content before the cue that holds the cue's speaker
ends where the speaker starts ("“…,” [X, wearing a “Vote Yes” badge,] said": the quote alone).
A participle cue with no subject that the parser cut off from its clause speaks for the clause
(``_participle_speakers``: "X shared the news, writing “…”", "…, Ito said, noting …", and a
participle opening its sentence, "Adding, “…”", for the speaker of the sentence before).

Also mixed: the quoted content of a speech-act noun with a possessor, a "by" agent or a subject
that makes, renews or includes it ("Trump's call [for “a total ban”]", "her claim [that she “never
sent” …]", "the statement included a pledge [to resist any “further militarisation”]"); never an
adjacent quote.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsdesk import lexicon
from newsdesk.extract.quotes.around import (
    according_content, as_content, as_noted_content, comma_cue_sentence, inverted_over_addressee,
)
from newsdesk.extract.quotes.content import XCOMP_LEMMAS, content_of
from newsdesk.extract.quotes.objects import (
    EXT_SRC, NP_OBJECT_LEMMAS, PRONOUN_TAGS, QUESTION_MARKS, bare_conjuncts_end, call_for_clause,
    first_mark, np_object_content, np_object_tail, question_clause, said_clause_object, said_so, to_sentence_end,
)
from newsdesk.extract.quotes.records import Cue
from newsdesk.extract.quotes.spans import Paragraphs, Sents, clip, np_span, trim
from newsdesk.extract.quotes.speaker import (
    SOURCE_DOC_NOUNS, before, inverted_object_speaker, left_np_subject, name_before_verb, name_tagged_as_verb, past_dateline,
    opening_np_subject, postverbal_speaker, set_off_subject, subject,
)
from newsdesk.extract.quotes.verbs import cue_of


_ASKED = lexicon.words("quotes_asked_forms")


def _asked_not_said(tok: Token) -> bool:
    """True for "ask" uses whose content is no one's speech: a bare participle ("Asked whether
    taxes would rise, Ms Carver paused"; "The governor, asked whether …, said") reports the
    question put TO the subject; "asked not to be named" is a source's condition."""
    set_off = tok.i == 0 or tok.doc[tok.i - 1].text in (",", "\n", "\n\n") or tok.is_sent_start
    if tok.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children) and set_off:
        return True
    doc = tok.doc
    nxt = [t.lower_ for t in doc[tok.i + 1:tok.i + 4]]
    return nxt[:3] == ["not", "to", "be"]


_WH_WORDS = lexicon.words("quotes_wh_words")


def _question_put(tok: Token, paras: "Paragraphs", sents: Sents) -> Cue | None:
    """Cue for the question of a bare "Asked whether/if/why …" participle: the question is
    reported (PolNeAR marks it), but its subject only answers it, so the speaker is the
    asker named by "by" ("Asked by a caller why …"). Without a "by" asker there is no cue: a
    question with nobody's name on it ("Asked whether …, the mayor said no") would be a
    speakerless row in the warehouse that tells an analyst nothing."""
    if tok.lower_ != "asked" or tok.tag_ not in ("VBN", "VBD"):
        return None
    doc = tok.doc
    clause = next((c for c in tok.children if c.i > tok.i and c.dep_ in ("ccomp", "advcl", "xcomp")
                   and (first_mark(c) in QUESTION_MARKS or c.left_edge.lower_ in _WH_WORDS)), None)
    if clause is None:
        return None
    lo, hi = trim(doc, clause.left_edge.i, clause.right_edge.i + 1)
    clipped = clip(doc, paras, tok, lo, hi)
    if clipped is None:
        return None
    agent = next((c for c in tok.children if c.dep_ == "agent" and c.i < clause.i), None)
    head = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    if head is None:
        return None
    slo, shi = np_span(head)
    return Cue(tok, tok, "ask", "all", head, slo, shi, clipped[0], clipped[1], "question")


_CALL_NOUNS = lexicon.words("quotes_call_nouns")

_CLAIM_NOUNS = lexicon.words("quotes_claim_nouns")

_NOUN_CUE_VERBS = lexicon.words("quotes_noun_cue_verbs")


def noun_cues(doc: Doc, paras: Paragraphs) -> list[Cue]:
    """Speech-act nouns with their content: "Trump's call [for a ban on …]", "renewed calls
    [for a special prosecutor]", "his recent call [to ban …]", "the senator's claim [that the
    plan still works …]", "included a pledge [to resist any “further militarisation”]". The speaker is the
    possessor ("Trump's", "his"), the "by" agent ("claims by intelligence agencies"), or the
    subject of a verb that makes, renews or includes the noun ("the statement included a
    pledge" → the statement); without one the noun is no cue. Content: the "for" object, a
    "to"-infinitive, or a "that"-clause hung on the noun, and only when it holds quoted words
    (unquoted ones are rarely marked on PolNeAR train: "his call for a ban" is mostly not);
    these cues never take an adjacent quote (content_from "noun")."""
    out: list[Cue] = []
    for tok in doc:
        low = tok.lower_
        if low not in _CALL_NOUNS and low not in _CLAIM_NOUNS or not tok.tag_.startswith("NN"):
            continue
        content = None
        last = tok
        for c in tok.children:
            if c.i <= tok.i:
                continue
            if low in _CALL_NOUNS and c.dep_ == "prep" and c.lower_ == "for" and c.i == tok.i + 1:
                if any(g.dep_ in ("pobj", "pcomp") for g in c.children):
                    content, last = (c.i + 1, c.right_edge.i + 1), c
            elif c.dep_ in ("acl", "relcl", "ccomp") and c.left_edge.i == tok.i + 1 and (
                    any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)
                    or (low in _CLAIM_NOUNS and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark")):
                lo = c.left_edge.i + (1 if c.left_edge.lower_ == "that" else 0)
                content = (lo, c.right_edge.i + 1)
            if content is not None:
                break
        if content is None:
            continue
        lo, hi = trim(doc, *content)
        if hi - lo < 2 or not any(t.is_quote for t in doc[lo:hi]):
            continue  # only with quoted words: an unquoted "his call for a ban" is rarely marked
        speaker = next((k for k in tok.children if k.dep_ == "poss"), None)
        if speaker is None:
            agent = next((k for k in tok.children if k.dep_ == "prep" and k.lower_ == "by" and k.i < lo), None)
            speaker = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if speaker is None and tok.dep_ in ("dobj", "pobj") and (tok.head.lower_ in _NOUN_CUE_VERBS or (
                tok.dep_ == "pobj" and tok.head.head.lower_ in _NOUN_CUE_VERBS)):
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head
            speaker = next((k for k in verb.children if k.dep_ == "nsubj"), None)
        if speaker is None or speaker.lower_ in ("its", "their", "it", "they"):
            continue
        clipped = clip(doc, paras, tok, lo, hi)
        if clipped is None:
            continue
        slo, shi = np_span(speaker)
        lemma = "call for" if low in _CALL_NOUNS else low.rstrip("s")
        out.append(Cue(tok, last, lemma, "all", speaker, slo, shi, clipped[0], clipped[1], "noun"))
    return out


_ADDRESSEE_LEMMAS = lexicon.words("quotes_addressee_verbs")

_AS_LEMMAS = lexicon.words("quotes_as_verbs")

_PREP_CONTENT = dict.fromkeys(_AS_LEMMAS, "as") | dict(lexicon.mapping("quotes_charge_verbs"))


def find_cues(doc: Doc, paras: Paragraphs, sents: Sents, toks: list[Token]) -> list[Cue]:
    """Every reporting-verb and "according to" cue in the document, in text order. Speakers and
    contents are kept inside the cue's paragraph (the parser sometimes runs a sentence over a
    headline or a photo caption)."""
    cues: list[Cue] = []
    for tok in toks:
        hit = cue_of(tok)
        if hit is None:
            continue
        lemma, kinds, last = hit
        if lemma == "according to":
            pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            head = pobj
            if pobj.lower_ in SOURCE_DOC_NOUNS:  # "a statement by the ministry" → the ministry
                by = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("by", "of", "from")), None)
                inner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
                if inner is not None:
                    head = inner
            sp = clip(doc, paras, tok, pobj.left_edge.i, pobj.right_edge.i + 1)
            content = according_content(tok, last, sents)
            content = clip(doc, paras, tok, *content) if content else None
            if sp is None or content is None:
                continue
            cues.append(Cue(tok, last, lemma, kinds, head, sp[0], sp[1], content[0], content[1], "according"))
            continue
        if lemma == "ask" and _asked_not_said(tok):
            put = _question_put(tok, paras, sents)
            if put is not None:
                cues.append(put)
            continue
        subj = subject(tok)
        if subj is None:  # "The governor, asked whether …, said": the parser hung the subject on "asked"
            subj = next((g for c in tok.lefts if c.lower_ in _ASKED for g in c.children if g.dep_ == "nsubj"), None)
        if subj is None:  # "“…,” Will wrote": the name tagged as a modal
            subj = name_tagged_as_verb(tok)
        if subj is None:  # "“…,” added a South Carolina Democrat": the speaker parsed as the object
            subj = inverted_object_speaker(tok, last)
        if subj is None:  # "Col. X, a spokesman in Baghdad, said" with X hung elsewhere
            subj = left_np_subject(tok, sents)
        if subj is None:  # “…,” opined Cleveland’s Plain Dealer (parsed as the verb's object)
            subj = postverbal_speaker(tok, last)
        if subj is None and tok.tag_ in ("VBD", "VBZ", "VBP", "VBN"):  # "“…,” X, wearing …, said"
            subj = set_off_subject(tok, sents.of(tok.i).start)
        if subj is None and tok.tag_ in ("VBD", "VBZ", "VBP"):  # "Lazar, 44, said" hung elsewhere
            subj = name_before_verb(tok, sents.of(tok.i).start)
        if subj is None:  # "[Black Lives Matter] issued a statement saying": the name taken for a modifier
            subj = opening_np_subject(tok, sents.of(tok.i).start)
        if subj is not None and (subj.dep_ == "csubj" or subj.lower_ == "there"
                                 or (subj.lower_ == "it" and subj.dep_ == "nsubjpass")):
            subj = None
        if subj is not None and subj.i < tok.i:  # "SAN DIEGO, March 5 - Pacific Southwest Airlines said"
            subj = past_dateline(doc, paras, subj, tok)
        if subj is not None and subj.lower_ == "that" and subj.i == tok.i - 1 and tok.i + 1 < len(doc) \
                and doc[tok.i + 1].text == ",":
            continue  # "That said, …"
        slo = shi = None
        if subj is not None:
            slo, shi = np_span(subj)
            if slo <= last.i < shi:  # "Said Ellis:" tagged as one name: the cue is no part of it
                slo = last.i + 1
            if paras.of(doc[slo].idx) != paras.of(tok.idx):
                # the parser ran the sentence over a headline: take the first subject of the
                # cue's own paragraph before the verb
                # (only for participles, "China has offered …, saying …")
                p = paras.of(tok.idx)
                subj = next((t for t in doc[sents.of(tok.i).start:tok.i]
                             if t.dep_ in ("nsubj", "nsubjpass") and paras.of(t.idx) == p), None) \
                    if tok.tag_ in ("VBG", "VBN") else None
                slo, shi = np_span(subj) if subj is not None else (None, None)
        found = content_of(tok, lemma, last, kinds, sents)
        if lemma in _PREP_CONTENT and (found is None or found[2] == "object"):
            found = as_content(tok, last, _PREP_CONTENT[lemma]) or found  # "described … as …"
        if found is None and lemma in NP_OBJECT_LEMMAS:  # kept when it reports speech (frames)
            found = np_object_content(tok, lemma, last)
        if (found is not None and found[2] in ("object", "npobject") and lemma in NP_OBJECT_LEMMAS
                and (found[1] - found[0] > 1 or doc[found[0]].tag_ not in PRONOUN_TAGS)):
            found = (found[0], np_object_tail(tok, found[0], found[1]), found[2])
        if found is None:
            found = as_noted_content(tok, sents)
        if lemma == "call for":
            found = call_for_clause(tok, last) or found
        if found is not None and found[2] == "xcomp" and lemma in XCOMP_LEMMAS:
            found = (found[0], bare_conjuncts_end(tok, found[1]), found[2])
        if found is None and lemma == "say":
            found = said_so(tok) or said_clause_object(tok)
        if found is not None and found[2] == "object" and lemma in _ADDRESSEE_LEMMAS:
            found = inverted_over_addressee(tok, sents) or found  # "[…], Carter told a Senate panel."
        if kinds == "all" and (found is None or found[2] == "object"):  # "Instead, X told CNN, …"
            found = comma_cue_sentence(tok, last, sents) or found
        if lemma == "ask" and (found is None or found[2] == "object"):
            found = question_clause(tok) or found
        if (found is not None and subj is not None and found[0] > tok.i and found[0] <= subj.i < found[1]
                and tok.i > 0 and doc[tok.i - 1].is_quote):
            found = None  # "“…,” said [David Brock, a confidant who heads … Correct the Record]": the speaker
        if (found is not None and subj is not None and found[1] <= tok.i and found[0] < slo <= subj.i < found[1]
                and any(t.is_quote for t in doc[found[0]:slo])):
            found = (found[0], slo, found[2])  # "“…,” [X], wearing …, said": the clause ends at its speaker
        clo = chi = None
        src = ""
        if found is not None:
            if found[2] in EXT_SRC and found[0] > tok.i:
                found = (found[0], to_sentence_end(doc, found[0], found[1], min(sents.of(tok.i).end, tok.right_edge.i + 1)), found[2])
            clipped = clip(doc, paras, tok, found[0], found[1])
            if clipped is not None:
                clo, chi = clipped
                src = found[2]
        cues.append(Cue(tok, last, lemma, kinds, subj, slo, shi, clo, chi, src))
    _participle_speakers(doc, paras, sents, cues)
    return cues


def _participle_speakers(doc: Doc, paras: Paragraphs, sents: Sents, cues: list[Cue]) -> None:
    """Speakers of participle cues the parser cut off from their clause: a participle set off by
    a comma ("X shared the news on Monday, [writing] “…”", "…, Ito said, [noting] the plan “…”")
    speaks for the nearest earlier cue of its sentence that has a speaker, else for the subject of
    its sentence's main verb; a participle that opens its sentence ("[Adding], “…”") for the last
    cue with a speaker of the sentence before it in the same paragraph. In place."""
    for k, cue in enumerate(cues):
        v = cue.first
        if cue.speaker_head is not None or v.tag_ != "VBG":
            continue
        sent = sents.of(v.i)
        p = before(doc, v.i)
        prev = None
        if p >= sent.start and doc[p].text == ",":
            prev = next((c for c in reversed(cues[:k]) if c.speaker_head is not None
                         and sent.start <= c.first.i and c.last.i < v.i), None)
            if prev is None:
                root = v
                while root.head.i != root.i and root.head.i >= sent.start:
                    root = root.head
                head = subject(root) if root is not v else None
                if head is not None and sent.start <= head.i < v.i:
                    cue.speaker_head = head
                    cue.speaker_lo, cue.speaker_hi = np_span(head)
                continue
        elif v.i == sent.start and v.text[:1].isupper() and v.i + 1 < len(doc) and doc[v.i + 1].text == ",":
            if sent.start == 0:
                continue
            before_sent = sents.of(sent.start - 1)
            prev = next((c for c in reversed(cues[:k]) if c.speaker_head is not None
                         and before_sent.start <= c.first.i < sent.start), None)
            if prev is not None and paras.of(prev.first.idx) != paras.of(v.idx):
                prev = None
        if prev is not None:
            cue.speaker_head, cue.speaker_lo, cue.speaker_hi = prev.speaker_head, prev.speaker_lo, prev.speaker_hi
