"""Contents that lie around their cue rather than after it: the clause before an inverted cue, the
sentence around a parenthetical cue, the main clause of an "as" cue, the object and "as" phrase
of a description or charge, and the clause an "according to" phrase modifies.

Indirect: the clause before an inverted cue ("[Beijing would not welcome …], Hass pointed out";
the line break closing a paragraph does not count as sentence text; also when a tell/assure/warn
… verb has an object that only names the addressee: "[This includes …], Carter told a Senate
panel"); the whole sentence around a parenthetical cue ("[Most of the delays, she said, came from
…]"; also when the parser hung the words before it on the cue: "[Tenants, the mayor suggested,
need not fear …]", "[If the demands are not met, Taylor warned, supporters plan …]", "[Instead,
Trump told CNN, his policy …]" — a cue phrase of subject, verb and ≤ 6 verbless words between
commas, ≥ 3 words with a verb after it, not before a quote that opens in upper case: "…, he said,
“We …”"); the object and "as" phrase of describe/declare/portray/label … ("Xi described relations
[as going beyond an alliance]"; "which Russia has described [as an act of aggression]"; not
passive: "widely described as reformers"); the object and phrase of a charge ("accused [Russia of
a build-up]", "charged [Kiev with sending troops]", "criticised [officials for politicising the
Games]").

A cue in a leading "as" clause reports the rest of its sentence ("As Ms. Simonyan put it in a
statement, [RT is ''providing …'']", "As the paper reported, [X …]"; not when the cue has an
object or clause of its own — "As he answered questions, …" — nor for a trailing "…, as X
noted", learn or mention). The clause an "as X noted" cue comments on is reported too ("As the
auditor noted, [the bridge cost …]", "[The vote may slip], as senators have speculated"; the whole
sentence when the cue sits in its middle); the "as" clause needs its own subject and no object (nor a
"to" complement: "… as Beijing responds to the move" is a reaction, not a comment), and
no colon after it (then it introduces a quote of its own: "… as the heckler yelled: “…”").
An "according to X" phrase reports the clause it attaches to (its sentence minus the phrase).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsdesk import lexicon
from newsdesk.extract.quotes.spans import Sents, end_without_space, trim
from newsdesk.extract.quotes.verbs import cue_of


_NO_SOURCE_AS_VERBS = lexicon.words("quotes_no_source_as_verbs")


def inverted_over_addressee(verb: Token, sents: "Sents") -> tuple[int, int, str] | None:
    """The clause before an inverted cue whose object is only the person addressed: "[This
    includes a special force …], Carter told a Senate panel Wednesday." (the parser's object
    "a Senate panel" is no content). Same shape as an inverted cue: the verb hangs on the clause
    before it, set off by a comma, and its phrase runs to the end of the sentence with no quote
    mark, clause or infinitive of its own."""
    doc = verb.doc
    head = verb.head
    sent = sents.of(verb.i)
    if verb.dep_ not in ("ccomp", "parataxis", "conj") or head.i >= verb.i or sents.of(head.i) is not sent:
        return None
    le = verb.left_edge.i
    if not (le > sent.start and (doc[le].text == "," or doc[le - 1].text == ",")):
        return None
    if verb.right_edge.i < end_without_space(doc, sent) - 2:
        return None
    if any(k.dep_ in ("ccomp", "xcomp", "advcl") and k.i > verb.i for k in verb.children) or any(
            t.is_quote for t in doc[verb.i:verb.right_edge.i + 1]):
        return None
    if not any(k.dep_ == "nsubj" and k.i < verb.i for k in verb.children):
        return None
    lo, hi = trim(doc, head.left_edge.i, le)
    return (lo, hi, "inverted") if hi - lo >= 3 else None


_COMMA_CUE_DEPS = ("ROOT", "parataxis", "ccomp", "advcl", "conj")


def comma_cue_sentence(verb: Token, last: Token, sents: "Sents") -> tuple[int, int, str] | None:
    """A cue set off by commas inside the sentence it reports, when the parser hung the words
    before it on the verb ("[Tenants, the mayor suggested, need not fear …]", "[If the
    demands are not met, Mr. Taylor warned, supporters plan …]", "[Rather than …, said Marcia
    Smith, Teck wants …]"): the whole sentence, as for a parenthetical cue. The cue phrase runs
    from its subject (or the verb, when the subject follows it) to the next comma, ≤ 6 words
    after the verb with no verb, "that" or quote mark among them; some words precede it after
    a comma, and ≥ 3 words with a verb follow it."""
    doc = verb.doc
    if verb.dep_ not in _COMMA_CUE_DEPS or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if any(k.dep_ in ("ccomp", "xcomp", "aux", "auxpass", "neg", "mark") for k in verb.children):
        return None
    sent = sents.of(verb.i)
    subjs = [k for k in verb.children if k.dep_ == "nsubj"]
    subj = min(subjs, key=lambda k: abs(k.i - verb.i)) if subjs else None  # not "Voters" hung on it too
    if subj is None:
        return None
    if subj.i < verb.i:
        start = subj.left_edge.i
        if any(t.text in (",", "—", "–") or t.is_quote for t in doc[start:verb.i]):
            return None  # "the senator, a Democrat, said": not a short cue phrase
    else:
        start = verb.i
    # the comma closing the cue phrase
    end = None
    for j in range(last.i + 1, min(last.i + 16, sent.end)):
        t = doc[j]
        if t.text == ",":
            end = j
            break
        if t.is_quote or t.lower_ == "that" or "\n" in t.text or (t.tag_.startswith("VB") and subj.i < verb.i) \
                or t.tag_ == "MD":
            return None
    if end is None or (subj.i < verb.i and end - last.i > 7):
        return None
    if any(k.i > end and k.dep_ in ("dobj", "dative", "attr", "oprd") for k in verb.children):
        return None  # the object runs past the comma: no short cue phrase
    if start - 1 <= sent.start or doc[start - 1].text != ",":
        return None
    lo, hi = trim(doc, sent.start, sent.end)
    while lo > sent.start and doc[lo - 1].dep_ == "mark" and doc[lo - 1].is_alpha:
        lo -= 1  # keep "If …": it belongs to what was said
    if cue_of(doc[lo]) is not None or not any(t.is_alpha for t in doc[lo:start - 1]):
        return None
    after = [t for t in doc[end + 1:hi] if t.is_alpha]
    if len(after) < 3 or not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[end + 1:hi]):
        return None
    if (end + 2 < len(doc) and doc[end + 1].is_quote and doc[end + 2].text[:1].isupper()) or any(
            t.text == ":" and doc[t.i + 1].is_quote for t in doc[end + 1:hi - 1]):
        return None  # "…, he said, “We …”" and "…: “…”" introduce a quote of their own
    return lo, hi, "parenthetical"


def as_clause_content(doc: Doc, verb: Token, lemma: str, last: Token, sents: Sents) -> tuple[int, int, str] | None:
    """Content of a cue in a leading "as" clause set off by a comma: the rest of the clause it
    hangs on ("As Ms. Simonyan put it in a statement, [RT is ''providing …'']"). Not when the cue
    has a clause or an object of its own ("As he answered questions, …" is a time, not a source),
    nor for a trailing "…, as X noted" (as often a comparison as a source), learn or mention."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > last.i and not (c.dep_ == "dobj" and lemma == "tell")
           for c in verb.children):
        return None
    head, sent = verb.head, sents.of(verb.i)
    re_ = verb.right_edge.i
    if verb.i > head.i or lemma in _NO_SOURCE_AS_VERBS:  # "CLAUSE, as X noted." is too often no report
        return None
    if re_ + 1 >= len(doc) or doc[re_ + 1].text != "," and doc[re_].text != ",":
        return None
    lo, hi = re_ + 1, max(head.right_edge.i + 1, re_ + 1)
    lo, hi = max(lo, sent.start), min(hi, sent.end)
    lo, hi = trim(doc, lo, hi)
    return (lo, hi, "inverted") if hi - lo >= 3 else None


def as_content(verb: Token, last: Token, prep: str = "as") -> tuple[int, int, str] | None:
    """What "describe/declare/portray X as Y" reports without quote marks: the object and the
    "as" phrase ("Xi described relations as going beyond an alliance"; "which Russia has
    described as an act of aggression" → "as an act of aggression"), kind "as"; likewise the
    object and ``prep`` phrase of a charge ("accused Russia of a build-up", "charged Kiev with
    sending troops", "criticised officials for politicising the Games")."""
    if verb.dep_ == "acl" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None  # "candidates described as anti-establishment": no speaker in sight
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > last.i), None)
    kids = list(verb.children) + (list(obj.children) if obj is not None else [])  # "accused [X of Y]"
    as_ = next((c for c in kids if c.dep_ == "prep" and c.lower_ == prep and c.i > last.i
                and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
    if as_ is None:
        return None
    if obj is not None and obj.i > as_.i:
        obj = None
    lo = obj.left_edge.i if obj is not None else as_.i
    lo, hi = trim(verb.doc, lo, as_.right_edge.i + 1)
    return (lo, hi, "as") if hi - lo >= 3 else None


def as_noted_content(verb: Token, sents: Sents) -> tuple[int, int, str] | None:
    """The clause an "as X noted" cue comments on: "As the Times reported, [Clinton raised …]",
    "[He may not be as strong as he looks], as some have speculated", "[Those voters], as Clyburn
    noted, [will …]" (the whole sentence, cue inside). The verb is an adverbial clause opened by
    "as", with its own subject and no object or clause of its own."""
    if verb.dep_ != "advcl" or verb.head.i == verb.i:
        return None
    kids = list(verb.children)
    if not any(k.dep_ == "mark" and k.lower_ == "as" and k.i < verb.i for k in kids):
        return None
    if not any(k.dep_ == "nsubj" and k.i < verb.i for k in kids) or any(
            k.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") or (k.dep_ == "prep" and k.lower_ == "to")
            for k in kids):
        return None  # "… as Beijing responds [to Moscow's move]": reacting to something, not a comment
    doc = verb.doc
    if verb.right_edge.i + 1 < len(doc) and doc[verb.right_edge.i + 1].text == ":":
        return None  # "…, Marlow said as the heckler yelled: “You lie!”": the cue introduces its own quote
    sent = sents.of(verb.i)
    le, re_ = verb.left_edge.i, verb.right_edge.i + 1
    before = trim(doc, sent.start, le)
    after = trim(doc, re_, sent.end)
    nb, na = before[1] - before[0], after[1] - after[0]
    if nb >= 3 and na >= 3:
        lo, hi = trim(doc, sent.start, sent.end)
    elif max(nb, na) >= 3:
        lo, hi = before if nb >= na else after
    else:
        return None
    while lo < hi and doc[lo].tag_ == "CC":  # "But as Clyburn noted, …"
        lo += 1
    return (lo, hi, "as") if hi > lo else None


def according_content(tok: Token, to: Token, sents: Sents) -> tuple[int, int] | None:
    """The clause an "according to X" phrase modifies: its sentence minus the phrase."""
    doc = tok.doc
    sent = sents.of(tok.i)
    phrase_lo = min(tok.left_edge.i, tok.i)
    phrase_hi = max(to.right_edge.i, tok.right_edge.i) + 1
    before = trim(doc, sent.start, phrase_lo)
    after = trim(doc, phrase_hi, sent.end)
    best = before if before[1] - before[0] >= after[1] - after[0] else after
    return best if best[1] - best[0] >= 2 else None


def clause_around(verb: Token, sents: Sents) -> tuple[int, int, str] | None:
    """The clause before an inverted cue ("inverted": "[…], Hass pointed out") or the whole sentence
    around a parenthetical one ("parenthetical": "[Most of the delays, she said, came from …]"),
    for a verb that reports nothing after it."""
    doc = verb.doc
    # inverted cue: "CLAUSE, X said." — the verb hangs on the clause it reports, which precedes
    # it, and nothing but punctuation follows the verb's own phrase
    head = verb.head
    sent = sents.of(verb.i)
    _sep = (",", "—", "–")
    le, re_ = verb.left_edge.i, verb.right_edge.i
    set_off_left = le > sent.start and (doc[le].text in _sep or doc[le - 1].text in _sep)
    if (verb.dep_ in ("ccomp", "parataxis", "conj") and head.i < verb.i and sents.of(head.i) is sent
            and set_off_left and verb.right_edge.i >= end_without_space(doc, sent) - 2):
        lo, hi = trim(doc, head.left_edge.i, verb.left_edge.i)
        if hi - lo >= 3:
            return lo, hi, "inverted"
    # parenthetical cue: "Most of the delays, she said, came from …" — the reported clause is
    # the whole sentence around the ", X said," (the span keeps the cue inside)
    set_off_right = doc[re_].text in _sep or (re_ + 1 < sent.end and doc[re_ + 1].text in _sep)
    if (verb.dep_ in ("parataxis", "ccomp", "advcl", "conj") and set_off_left and set_off_right
            and re_ + 2 < sent.end and cue_of(head) is None):
        lo, hi = trim(doc, sent.start, sent.end)
        if hi - lo - (re_ + 1 - le) >= 4:
            return lo, hi, "parenthetical"
    return None
