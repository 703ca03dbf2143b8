"""Contents that are objects of the cue verb, and the other contents of one verb or construction:
an object noun phrase that reports speech, "call for X to do Y", "ask if …", "said so/yes/no".

An object noun phrase of a verb of data/quotes_npobject_verbs.txt (``np_object_content``) is a
candidate content, kept only when it reports speech (``frames.reported_object``: it names a claim
for a claim-frame verb, "denied [the allegations]", "denied [taking bribes]", or it holds a
"that"-clause, "demanded [guarantees, including that …]"); a bare noun phrase ("criticised the
deal", "announced a plan") reports no words of the speaker. Such an object runs over the verb's
modifiers that follow it without a comma ("denied [the charges in court]"), never over a quote mark
(``np_object_tail``).

Unmarked content after its cue (a reported clause, an object, an infinitive) runs on to the end of
the cue verb's subtree within the sentence when no quote mark, line break, ; : — – ( or other
reporting verb comes first ("denied [any role in the March 4, 2019, closure of the plant]"); not a
span with quote marks, nor a lone pronoun ("mentioned it twice"). An urging verb's infinitive
runs over the bare-verb conjuncts the parser hung on the verb ("called on the sides [to
strengthen ties, speak with “a louder voice”, come up with …]"). "call for X to do Y" reports the
object with its infinitive ("called for [all candidates to lay out their plans]", also when the
parser took "for" for the mark of the clause). "ask" reports a question hung as an adverbial
clause ("asked the students [if they …]"). "said so", "said yes", "said no" report their one word
(poll answers: "75 percent said yes"), "said [the same of Trump]", "said [as much]" their object;
an object or xcomp of "say" that holds a finite verb is a reported clause ("says [the movement
that is spreading … appeals to anger]").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsdesk import lexicon
from newsdesk.extract.quotes.spans import trim
from newsdesk.extract.quotes.verbs import cue_of


NP_OBJECT_LEMMAS = lexicon.words("quotes_npobject_verbs")

_NP_OBJECT_PREPS = lexicon.words("quotes_npobject_prepositions")


# the clauses a "call for" cue heads when it is a speech act ("those calling for …" names people)
_CALL_FOR_DEPS = ("ROOT", "advcl", "conj", "parataxis", "xcomp")

PRONOUN_TAGS = ("PRP", "DT", "WDT", "EX")


EXT_SRC = {"npobject", "ccomp", "object", "xcomp"}  # contents run on by to_sentence_end


def to_sentence_end(doc: Doc, lo: int, hi: int, end: int) -> int:
    """``hi`` of unmarked content moved to ``end`` (the cue's subtree end within its sentence),
    the way PolNeAR spans run, unless a quote mark, line break, ; : — – ( or another reporting
    verb comes first; spans with quote marks and lone pronouns keep their end."""
    if any(t.is_quote for t in doc[lo:hi]) or (hi - lo == 1 and doc[lo].tag_ in PRONOUN_TAGS):
        return hi  # a mixed span keeps its closing mark at the end; "mentioned it twice" stays a pronoun
    j = hi
    while j < end:
        t = doc[j]
        if t.is_quote or "\n" in t.text or t.text in (";", ":", "—", "–", "(") or (t.tag_.startswith("VB") and cue_of(t) is not None):
            return hi
        j += 1
    return trim(doc, hi, end)[1] if end > hi else hi


def bare_conjuncts_end(verb: Token, hi: int) -> int:
    """``hi`` moved over the subjectless bare-verb conjuncts the parser hung on an urging verb
    right after its infinitive ("called on the sides [to strengthen coordination, speak with
    “a louder voice”, come up with solutions and oppose hegemony]"): conj children of the verb
    tagged VB/VBP, without subject or auxiliary, each starting ≤ 2 tokens after the span so far."""
    doc = verb.doc
    for c in sorted((c for c in verb.children if c.dep_ == "conj" and c.i >= hi), key=lambda c: c.i):
        if c.tag_ not in ("VB", "VBP") or c.left_edge.i > hi + 1 or any(
                k.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for k in c.children):
            break
        hi = max(hi, c.right_edge.i + 1)
        for cc in c.children:  # "…, come up with solutions [and resolutely oppose …]"
            if cc.dep_ == "conj" and cc.tag_ in ("VB", "VBP") and not any(
                    k.dep_ in ("nsubj", "nsubjpass", "aux") for k in cc.children):
                hi = max(hi, cc.right_edge.i + 1)
    return trim(doc, verb.i, hi)[1]


def np_object_content(verb: Token, lemma: str, last: Token) -> tuple[int, int, str] | None:
    """Token range of the noun-phrase object of a speech-act verb ("criticized [the accord]",
    "accused [Rubio of lying]", "called for [a ban]"), with a following for/of/as phrase."""
    doc = verb.doc
    if last is not verb:  # "called for [a ban]", "called for [reducing the rate]"
        objs = [c for c in last.children if c.dep_ in ("pobj", "pcomp")]
    else:
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        if not objs:  # a gerund object: "reported [raising $9 million]", "admitted [using the code]"
            objs = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG"
                    and c.left_edge.i == verb.i + 1 and not any(k.dep_ in ("nsubj", "aux") for k in c.children)]
    if not objs:
        return None
    obj = objs[0]
    lo, hi = obj.left_edge.i, obj.right_edge.i + 1
    for c in verb.children:
        if c.dep_ == "prep" and c.i >= hi and c.lower_ in _NP_OBJECT_PREPS and c.i <= hi + 1:
            hi = c.right_edge.i + 1
    lo, hi = trim(doc, lo, hi)
    return (lo, hi, "npobject") if hi > lo else None


_NP_TAIL_DEPS = {"prep", "advcl", "xcomp", "npadvmod", "advmod", "oprd", "ccomp", "dative", "acomp"}


def np_object_tail(verb: Token, lo: int, hi: int) -> int:
    """``hi`` moved over the verb's modifiers that follow its object without a comma
    ("announced [a concert in support of Sanders]", "slammed [Trump University for …]",
    "described [the dinner as …]"), the way the gold spans run; never over a quote mark."""
    doc = verb.doc
    for c in sorted((c for c in verb.children if c.i >= hi and c.dep_ in _NP_TAIL_DEPS), key=lambda c: c.i):
        if c.left_edge.i > hi or any(t.is_quote or t.text in (",", ";", ":", "—", "–") or "\n" in t.text
                                     for t in doc[hi:c.right_edge.i + 1]):
            break
        hi = c.right_edge.i + 1
    return trim(doc, lo, hi)[1]


def call_for_clause(verb: Token, last: Token) -> tuple[int, int, str] | None:
    """What "call for X to do Y" asks for, the infinitive included: "called for [all candidates to
    lay out …]" ("for" parsed as the mark of the clause) and "called for [the minister to resign]"
    (the infinitive hung on the verb right after the object of "for")."""
    doc = verb.doc
    if verb.dep_ not in _CALL_FOR_DEPS:  # "those calling for …" names people, not a speech act
        return None
    if last.dep_ == "mark":
        clause = last.head
        return trim(doc, last.i + 1, clause.right_edge.i + 1) + ("xcomp",)
    pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    for c in verb.children:
        if (c.dep_ in ("advcl", "xcomp") and c.left_edge.i == pobj.right_edge.i + 1
                and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)):
            return trim(doc, pobj.left_edge.i, c.right_edge.i + 1) + ("xcomp",)
    return None


QUESTION_MARKS = lexicon.words("quotes_question_conjunctions")


def question_clause(verb: Token) -> tuple[int, int, str] | None:
    """The question an "ask" verb reports when the parser hung it as an adverbial clause:
    "asked the students [if they were …]", "asked him [whether …]"."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.i > verb.i and first_mark(c) in QUESTION_MARKS:
            lo, hi = trim(verb.doc, c.left_edge.i, c.right_edge.i + 1)
            return (lo, hi, "ccomp") if hi > lo else None
    return None


def first_mark(clause: Token) -> str:
    """Lower-cased text of the clause's first token when it is its mark ("if", "whether")."""
    first = clause.left_edge
    return first.lower_ if first.dep_ == "mark" and first.head.i == clause.i else ""


_SO_WORDS = lexicon.words("quotes_one_word_answers")


def said_so(verb: Token) -> tuple[int, int, str] | None:
    """The one-word answer of "said so" / "said yes" / "said no" (poll answers: "75 percent
    of Democrats said yes"), and "said [the same of Trump]", "said [as much]"."""
    for c in verb.children:
        if c.i == verb.i + 1 and c.lower_ in _SO_WORDS and c.dep_ in ("advmod", "intj", "dobj", "npadvmod"):
            return c.i, c.i + 1, "so"
        if c.i > verb.i and c.left_edge.i == verb.i + 1 and c.dep_ in ("dobj", "advmod") and (
                (c.lower_ == "same" or (c.lower_ == "thing" and any(k.lower_ == "same" for k in c.lefts)))
                or (c.lower_ == "much" and c.left_edge.lower_ == "as")):
            return c.left_edge.i, np_object_tail(verb, c.left_edge.i, c.right_edge.i + 1), "so"
    return None


def said_clause_object(verb: Token) -> tuple[int, int, str] | None:
    """A reported clause the parser took for the object (or xcomp) of "say": "McCain says [the
    movement that is sweeping the country appeals to …]", "said [legalizing it could put …]"
    (the object holds a finite verb)."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "xcomp") and c.i > verb.i), None)
    if obj is None:
        return None
    doc = verb.doc
    lo, hi = obj.left_edge.i, obj.right_edge.i + 1
    if not any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") for t in doc[lo:hi]):
        return None
    hi = np_object_tail(verb, lo, hi)
    return (lo, hi, "ccomp") if hi > lo else None
