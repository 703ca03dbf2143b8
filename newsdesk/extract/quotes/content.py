"""The content span after a cue: the reported clause (``ccomp``), an infinitive (``xcomp``) or the
objects of a reporting verb, with the repairs of a parse that cuts them short or runs them long.

Indirect: the ``ccomp`` of the verb without a leading "that" ("Russia said [the responses left
…]"). Mixed: a reported clause (or the object of *call*, *hail*, *describe*, *urge* …) that
contains quoted words ("Xi said China is willing … “a correct view of democracy”"); the span is
the clause widened to the marks of the fragments it contains; a clause or object followed
without punctuation by an opening mark runs through that quoted passage, over sentences if need
be ("added that he was the only one “fighting … . I’ll …”"), and so does a clause followed by a
comma and a quote that opens in lower case ("argued that X, “because those afflicted …”").

Object-only cues (*thank … for*, *refer to … as*) report only the quoted words of their object
and never take an adjacent quote; an object's content runs through a quoted fragment that opens
right after it ("called that “beyond preposterous.”"). *chant* reports its quoted object. Any
other table verb (either flag) without a clause reports its object (with an
as/for/against/of/on/to phrase; for a verb with a particle, the particle's object: "pointed to the
ruling as proof of a “broken process.”") when a quote mark falls inside it, through the closing
mark: "blasted the media for being “unbelievably dishonest.”", "proclaimed a goal of “Peace
Through Strength.”", "greeting [Putin as an “old friend”]" (mixed; not for the verbs of
data/quotes_rarely_speech_object_verbs.txt, whose objects are rarely speech; a ``direct``-flag
verb's clause counts only with quoted words: "blamed the law on “knuckleheaded politicians.”").
*tell*/*urge*-like verbs also take a "to"-infinitive parsed as an adverbial clause ("tells his
supporters to “go …”"). A participle of call/describe/label … right after a noun names it ("a
film called “Tenemos Familias”"): no content.

Parser repairs: a "that"-clause hung on a noun after the verb ("said on a visit to Harbin that
…") is the content; a ccomp cut short (its subject taken as the verb's object, its second half as
the verb's conjunct with its own subject or a modal, or as a second ccomp of the verb that starts
where the first ends: "said [the Iranians released by …] [were close …]") is widened, and runs
over a colon that opens an unquoted explanation to the end of the sentence ("said [it fails for a
single reason: the cost …]"); a "that"-clause with a subject parsed as an adverbial clause
("posted late at night that the referee was “a disgrace”") is the content; a subjectless
reporting participle or conjunct the parser hung inside a reported clause ("insisted that he has
“expanded the party,” [claiming …]", "told CNN that X is a “faker” [and questioning …]": after ",
VBG", or after "and" with another verb form, its own auxiliary or ", and") ends the clause and
reports on its own; a clause the parser hung on an earlier cue across another reporting verb and a
colon belongs to that verb ("“A,” Cruz said as the heckler yelled: “B!”"); a clause before an
inverted cue starts at a quote a colon sets off inside it ("… lamenting X: “…,” he said" → the
quote only); a "because/although …"
clause hung on the verb right after its reported clause joins it. A reported clause stops before a
trailing ", according to X" the parser hung inside it ("said [the case was weak], according to
…"), and before a trailing inverted cue of a short noun phrase and a reporting verb ("said
[Randolph “would have no chance,”] the source recalled").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsdesk import lexicon
from newsdesk.extract.quotes.around import as_clause_content, clause_around
from newsdesk.extract.quotes.spans import Sent, Sents, end_without_space, trim
from newsdesk.extract.quotes.speaker import PRONOUNS_PERSON, RELATIVE, SUBJ_DEPS
from newsdesk.extract.quotes.verbs import cue_of


_OBJ_CONTENT_LEMMAS = lexicon.words("quotes_object_content_verbs")

XCOMP_LEMMAS = lexicon.words("quotes_infinitive_verbs")


def content_of(verb: Token, lemma: str, last: Token, kinds: str, sents: Sents) -> tuple[int, int, str] | None:
    """Token range of what ``verb`` reports and where it came from: its ccomp ("ccomp"), an xcomp
    ("xcomp": "urged all parties to …"), its objects ("object": kept only when they hold quoted
    words), or the clause before an inverted cue ("inverted": "…, Hass pointed out")."""
    doc = verb.doc
    ccomp = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i > last.i
             and not _other_cue_colon(doc, last, c)]
    if not ccomp:  # “…,” Xi said — the quote is a ccomp before the verb, set off by punctuation
        ccomp = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i
                 and any(t.is_punct for t in doc[c.right_edge.i:verb.i])]
    if not ccomp:  # "said on a visit to Harbin [that Moscow expected …]": a that-clause parsed as relcl
        ccomp = [_that_clause(c) for c in verb.children if c.dep_ == "prep" and c.i > last.i]
        ccomp = [c for c in ccomp if c is not None][:1]
    if not ccomp:  # "posted late at night [that the referee was “a disgrace”]" parsed as advcl
        ccomp = _that_advcl(verb, last)
    if ccomp:
        c = ccomp[0]
        lo, hi = c.left_edge.i, c.right_edge.i + 1
        if c.i > last.i:
            for d in ccomp[1:]:  # "said [the Iranians released by …] [were close to …]": one clause cut in two
                if d.dep_ == "ccomp" and d.left_edge.i == hi and d.i > c.i:
                    hi = d.right_edge.i + 1
            lo, hi = _widen_ccomp(verb, lemma, last, c, lo, hi)
            hi = _cut_at_inner_cue(doc, c, lo, hi)
            hi = _into_next_quote(doc, hi, sents.of(verb.i).end)
            hi = _reason_tail(verb, hi)
            hi = _over_colon(doc, hi, sents.of(verb.i))
            hi = _before_trailing_according(doc, lo, hi)
            hi = _before_trailing_cue(doc, lo, hi)
        else:
            lo = _after_colon_quote(doc, lo, hi)
        lo, hi = trim(doc, lo, hi)
        return lo, hi, "ccomp"
    if (verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i < verb.i and lemma in _OBJ_CONTENT_LEMMAS
            and doc[verb.i - 1].text != ","):
        return None  # "a short film called “Tenemos Familias”": a name, not what anyone said
    if lemma in XCOMP_LEMMAS or lemma in _OBJ_CONTENT_LEMMAS:
        right = [c for c in verb.children if c.i > last.i and c.dep_ in ("dobj", "xcomp", "oprd", "dative",
                                                                           "attr", "ccomp", "prep")]
        if lemma in ("call for", "call on"):
            right = [c for c in last.children if c.dep_ == "pobj"] + [c for c in right if c.dep_ == "xcomp"]
        elif lemma == "refer to":  # "referred to Rubio as “a bright leader”"; no "as": no content
            as_ = [c for c in right if c.lower_ == "as"]
            right = [c for c in last.children if c.dep_ == "pobj"] + as_ if as_ else []
        preps = ("as", "against", "of", "for") if kinds == "direct" else ("as", "against", "of")
        right = [c for c in right if c.dep_ != "prep" or c.lower_ in preps or _quoted_for(c)]
        if lemma in XCOMP_LEMMAS:  # "tells his supporters at a rally [to “go …”]" parsed as advcl
            right += [c for c in verb.children if c.i > last.i and c.dep_ == "advcl"
                      and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)]
        if right:
            kind = "xcomp" if any(c.dep_ == "xcomp" for c in right) and lemma in XCOMP_LEMMAS else "object"
            lo = min(c.left_edge.i for c in right)
            hi = max(c.right_edge.i for c in right) + 1
            if lemma in _OBJ_CONTENT_LEMMAS:
                hi = _through_quote(doc, hi, sents.of(verb.i).end)
                hi = _close_open_quote(doc, lo, hi, sents.of(verb.i).end)
                hi = _into_next_quote(doc, hi, sents.of(verb.i).end)
            lo, hi = trim(doc, lo, hi)
            return lo, hi, kind
    else:
        found = _quoted_object(doc, verb, last, sents) if lemma not in _NOT_QUOTED_OBJECT else None
        if found is not None:
            return found
    found = as_clause_content(doc, verb, lemma, last, sents)
    if found is not None:
        return found
    return clause_around(verb, sents)


_QUOTED_OBJECT_PREPS = lexicon.words("quotes_object_prepositions")

_NOT_QUOTED_OBJECT = lexicon.words("quotes_rarely_speech_object_verbs")


def _quoted_object(doc: Doc, verb: Token, last: Token, sents: Sents) -> tuple[int, int, str] | None:
    """Content of any table verb without a clause whose object holds quoted words: the object with
    its as/for/… attachment through the quoted fragment ("blasted the media for being
    “dishonest.”", "proclaimed a goal of “Peace Through Strength.”", "exhorted Republicans to
    “vote your conscience”"). None when no quote mark falls inside (the object is no speech)."""
    right = [c for c in verb.children if c.i > last.i and (
        c.dep_ in ("dobj", "xcomp", "oprd", "dative", "attr")
        or (c.dep_ == "prep" and c.lower_ in _QUOTED_OBJECT_PREPS))]
    if last is not verb:  # "has gone after [the mayor] as a “walking tax bill”": the particle's object
        right += [c for c in last.children if c.dep_ in ("pobj", "prep") and c.i > last.i]
    if not any(c.dep_ != "prep" for c in right):
        return None
    lo = min(c.left_edge.i for c in right)
    hi = max(c.right_edge.i for c in right) + 1
    sent = sents.of(verb.i)
    hi = min(_through_quote(doc, hi, sent.end), sent.end)
    hi = _close_open_quote(doc, lo, hi, sent.end)
    hi = _into_next_quote(doc, hi, sent.end)
    lo, hi = trim(doc, lo, hi)
    if hi <= lo or not any(t.tag_ == "``" for t in doc[lo:hi]) or not any(t.tag_ == "''" for t in doc[lo:hi]):
        return None
    return lo, hi, "object"


def _other_cue_colon(doc: Doc, last: Token, c: Token) -> bool:
    """True when the clause ``c`` hung on a cue is set off by a colon that follows another
    reporting verb ("“A,” Trump said before adding: “B.”", "said as the heckler yelled: “B!”"):
    that verb reports it."""
    j = c.left_edge.i - 1
    while j > last.i and (doc[j].is_space or doc[j].tag_ in ("``", "''")):
        j -= 1
    if j <= last.i or doc[j].text != ":":
        return False
    return any(cue_of(t) is not None for t in doc[last.i + 1:j])


def _into_next_quote(doc: Doc, hi: int, sent_end: int) -> int:
    """``hi`` moved over an opening mark that follows a reported clause with no punctuation in
    between, so that the quoted passage it opens (which may run over several sentences) joins
    the clause ("added that he was the only one “fighting to defend the Constitution. I’ll …”")."""
    if (hi < min(len(doc), sent_end + 1) and doc[hi].tag_ == "``" and not doc[hi - 1].is_punct
            and not (doc[hi - 1].text.endswith(".") and doc[hi + 1:hi + 2].text[:1].isupper())):
        return hi + 1  # not over a sentence end inside an abbreviation: "… in the U.S. “We're not …”"
    if (hi + 1 < min(len(doc), sent_end) and doc[hi].text == "," and doc[hi + 1].tag_ == "``"
            and doc[hi + 2:hi + 3].text[:1].islower()):
        return hi + 2  # "argued that X, [“because those afflicted …”]": a lower-case continuation
    return hi


def _before_trailing_according(doc: Doc, lo: int, hi: int) -> int:
    """``hi`` moved before a trailing ", according to X" the parser hung inside the reported
    clause ("say [they would like …], according to the survey"): the phrase names the source of
    the whole report, not words of the speaker."""
    for j in range(max(lo + 1, hi - 25), hi - 1):
        t = doc[j]
        if (t.lower_ == "according" and doc[j + 1].lower_ == "to" and doc[j - 1].text == ","
                and t.right_edge.i + 1 >= hi - 1):
            return j - 1
    return hi


def _before_trailing_cue(doc: Doc, lo: int, hi: int) -> int:
    """``hi`` moved before a trailing inverted cue ", the source recalled" the parser hung inside
    the reported clause ("said [Randolph “would have no chance,”] the source recalled")."""
    end = hi
    while end > lo and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= lo or cue_of(doc[end - 1]) is None:
        return hi
    for j in range(end - 2, max(lo, end - 8), -1):
        if doc[j].text == "," or doc[j].tag_ == "''":  # the cue's subject runs from j + 1
            if end - 1 - (j + 1) >= 1 and all(t.tag_ in ("DT", "NN", "NNS", "NNP", "NNPS", "PRP", "JJ", "POS",
                                                           "PRP$") for t in doc[j + 1:end - 1]):
                return j + 1 if doc[j].tag_ == "''" else j  # keep a closing mark, drop a comma
            return hi
    return hi


def _over_colon(doc: Doc, hi: int, sent: "Sent") -> int:
    """``hi`` moved to the end of the sentence when a colon right after the reported clause opens
    an unquoted explanation ("said [it fails for a single reason: the cost of the repairs …]")."""
    end = end_without_space(doc, sent)
    if hi + 1 < end and doc[hi].text == ":" and not any(t.tag_ in ("``", "''") or t.is_quote for t in doc[hi:end]):
        return end
    return hi


def _after_colon_quote(doc: Doc, lo: int, hi: int) -> int:
    """Start of a clause before an inverted cue moved to the quote that a colon or semicolon sets
    off inside it ("Murphy followed up by lamenting …: [“There’s just a ton of …,”] he said")."""
    for j in range(hi - 1, lo, -1):
        if doc[j].tag_ == "``" and doc[j - 1].text in (":", ";"):
            return j
    return lo


def _quoted_for(prep: Token) -> bool:
    """A "for" phrase holding quoted words ("blasted the media [for being “dishonest.”]")."""
    return prep.lower_ == "for" and any(t.tag_ == "``" for t in prep.subtree)


def _close_open_quote(doc: Doc, lo: int, hi: int, sent_end: int) -> int:
    """``hi`` moved to the closing mark of a quoted fragment that opens inside [lo, hi) and that
    the parser closed on the verb ("a goal of “Peace Through Strength[.”]"); at most
    ``_MAX_TRAILING_QUOTE`` tokens and two past the sentence end, never over a line break."""
    depth = 0
    for t in doc[lo:hi]:
        depth += (t.tag_ == "``") - (t.tag_ == "''")
    if depth <= 0:
        return hi
    for j in range(hi, min(len(doc), sent_end + 2, hi + _MAX_TRAILING_QUOTE)):
        if "\n" in doc[j].text or doc[j].tag_ == "``":
            return hi
        if doc[j].tag_ == "''":
            return j + 1
    return hi


def _that_advcl(verb: Token, last: Token) -> list[Token]:
    """A "that"-clause with its own subject after the verb, parsed as an adverbial clause
    ("posted late at night [that the referee was …]")."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.i > last.i and c.left_edge.lower_ == "that" and c.left_edge.i > last.i \
                and any(k.dep_ in ("nsubj", "nsubjpass") and k.lower_ not in RELATIVE for k in c.children):
            return [c]
    return []


def _cut_at_inner_cue(doc: Doc, c: Token, lo: int, hi: int) -> int:
    """End of a reported clause [lo, hi) cut before a subjectless reporting participle or conjunct
    that the parser hung inside it ("insisted that he has “expanded the party,” [claiming that …]",
    "told CNN that Trump is a “faker” [and questioning how …]"): that cue reports on its own."""
    for t in doc[c.i + 1:hi]:
        if t.dep_ not in ("advcl", "conj", "xcomp") or not t.tag_.startswith("VB") or t.head.i < lo:
            continue
        if any(k.dep_ in SUBJ_DEPS for k in t.children) or cue_of(t) is None:
            continue
        start = t.left_edge.i
        prev = doc[start - 1] if start > lo else None
        if prev is None:
            continue
        if t.dep_ == "conj":
            # "that Trump is a “faker” [and questioning …]", "would offer … [but did not suggest …]"
            # (another form, own auxiliary, or ", and") parallel the cue, while "she would call
            # the minister in and tell him …" continues the reported clause
            own_aux = any(k.dep_ in ("aux", "neg") for k in t.children)
            comma = start - 2 >= lo and doc[start - 2].text == ","
            if prev.tag_ != "CC" or not (t.tag_ != t.head.tag_ or own_aux or comma):
                continue
            return start - 2 if doc[start - 2].text == "," else start - 1
        if t.tag_ == "VBG" and prev.text in (",", ";", "—", "–"):
            return start - 1
        if t.tag_ == "VBG" and prev.tag_ == "''" and start - 2 >= lo and doc[start - 2].text == ",":
            return start  # “… valley,” [claiming …]: keep the closing mark
    return hi


_MAX_TRAILING_QUOTE = 30  # tokens


def _through_quote(doc: Doc, hi: int, sent_end: int) -> int:
    """``hi`` moved past a quoted fragment that opens right after an object and that the parser
    hung elsewhere ("called Florida’s standards “strong.”", "called that “beyond preposterous.”").
    Limit: only a fragment closed within ``_MAX_TRAILING_QUOTE`` tokens and the sentence (+2)."""
    if hi >= len(doc) or doc[hi].tag_ != "``" or doc[hi - 1].is_punct:
        return hi  # "asked me a question: “…”" is a colon quote, not the object's own words
    stop = min(len(doc), sent_end + 2, hi + _MAX_TRAILING_QUOTE)
    for j in range(hi + 1, stop):
        if doc[j].tag_ == "''":
            return j + 1
        if doc[j].tag_ == "``" or "\n" in doc[j].text:
            break
    return hi


_DATIVE_LEMMAS = lexicon.words("quotes_hearer_verbs")


def _widen_ccomp(verb: Token, lemma: str, last: Token, c: Token, lo: int, hi: int) -> tuple[int, int]:
    """(The caller first joins a second ccomp of the verb that starts where the first one ends:
    "said [the Iranians released by …] [were close to …]".) Repair two parser errors that cut a
    reported clause short (token range [lo, hi) of the
    ccomp ``c`` after the cue): its subject taken as the verb's object ("said [the days when …]
    are gone") → start right after the cue, unless the verb takes a hearer ("told reporters …")
    or the clause opens with "that"; and its second half taken as the verb's conjunct ("said the
    process was fair, [but required …]", "said she hoped …, [and then would continue …]") → run
    to the end of that conjunct when it has its own subject or a modal, and is no reporting verb."""
    doc = verb.doc
    if doc[lo].lower_ != "that" and lemma not in _DATIVE_LEMMAS:
        for d in verb.children:
            if last.i < d.i < c.i and d.dep_ in ("dobj", "nsubj", "attr") and d.left_edge.i > last.i:
                lo = min(lo, d.left_edge.i)
    for d in verb.children:
        if d.dep_ != "conj" or d.i < hi or cue_of(d) is not None:
            continue
        subj = [k for k in d.children if k.dep_ in ("nsubj", "nsubjpass")]
        modal = any(k.dep_ == "aux" and k.tag_ == "MD" for k in d.children)
        # a conjunct with its own (non-pronoun) subject or a modal belongs to the reported clause;
        # one without ("denies it …, but has sought …") is the speaker's next action
        if (subj and all(k.lower_ not in PRONOUNS_PERSON for k in subj)) or (modal and not subj):
            if all(t.dep_ in ("punct", "cc", "advmod") or t.is_space for t in doc[hi:d.left_edge.i]):
                hi = d.right_edge.i + 1
    return lo, hi


def _that_clause(prep: Token) -> Token | None:
    """A clause opened by "that" + subject hanging (as relcl/acl) inside the prepositional phrase
    ``prep`` (at most two nouns deep): a complement clause the parser attached to a noun."""
    tok = prep
    for _ in range(3):
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        for c in obj.children:
            if c.dep_ in ("relcl", "acl") and c.i > obj.i:
                kids = list(c.children)
                if (any(k.dep_ == "mark" and k.lower_ == "that" and k.i == c.left_edge.i for k in kids)
                        and any(k.dep_ in ("nsubj", "nsubjpass") and k.lower_ not in RELATIVE for k in kids)):
                    return c
        tok = next((c for c in obj.children if c.dep_ == "prep"), None)
        if tok is None:
            return None
    return None


_REASON_MARKS = lexicon.words("quotes_reason_conjunctions")


def _reason_tail(verb: Token, hi: int) -> int:
    """``hi`` moved over a "because/although …" clause the parser hung on the reporting
    verb right after its reported clause ("said it left the meetings out [because …]"): the
    reason belongs to what was said (as PolNeAR spans it)."""
    doc = verb.doc
    for d in verb.children:
        if d.dep_ != "advcl" or d.left_edge.i < hi or cue_of(d) is not None:
            continue
        first = d.left_edge
        if first.lower_ in _REASON_MARKS and first.dep_ == "mark" and all(
                t.text == "," or t.is_space for t in doc[hi:first.i]):
            hi = d.right_edge.i + 1
    return hi
