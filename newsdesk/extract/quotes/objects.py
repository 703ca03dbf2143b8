"""Unquoted objects that are reported, and the other contents of one verb or construction: the
noun-phrase object of a speech-act verb, "call for X to do Y", "ask if …", "said so/yes/no".

Indirect: the unquoted noun-phrase object of a speech-act verb of data/quotes_npobject_verbs.txt
("Sanders criticized [the accord]", "accused [Rubio of lying]", "called for [a ban]", "…, citing
[the budget]"; GenderGapTracker-style gold marks these) when the verb heads a main clause, a
conjunct, an adverbial participle or a bare xcomp ("kept criticizing [the plan]"), is active with
a subject, is no infinitive ("refused to attack her rivals" reports nothing; but an
xcomp/adverbial infinitive whose subject can speak, not negated and not under a verb of intent or
failure, reports: "went on the radio to defend [her vote]", "continued to question [the cost]";
see data/quotes_intent_words.txt) and no "if" condition, has no particle of its own ("blasted out
releases"), and the object is more than a pronoun. A gerund after a preposition counts too when
the preposition hangs on a verb other than "be" ("won by promising [a tram line]", "After mocking
[the deal], Ortega voted …") or the gerund has its own subject ("with the senator calling [the
budget a disgrace]"); not a noun's ("a history of blaming X") nor after without/of/despite/
instead/than/against/from. These gerunds and the verbs of data/quotes_animate_subject_verbs.txt
need a subject that can speak — a name, pronoun, PERSON/ORG/NORP/GPE mention, role, organisation,
document or people noun ("critics", "voters"): "The long delays suggest X" and "his support faded
after mocking X" report nothing. Such an object is not continued by a standalone quote in the
next sentence ("did not suggest [new sanctions]. “We will …”": the quote floats on its own).

"refer to", "point to", "point out" report the object right after their particle ("…,” Ames
said, referring to [the mayor]", "She pointed to [the polls]"), not as a fronted participle
("Pointing to X, Weber told …": the main clause is the report) nor a bare passive ("the jet, often
referred to as …"); so do "recall" and "tweet" ("recalled [a visit to his church]", "tweeted [her
thanks to the team]"; not the word "tweet" of a markup tag, nor an inverted "“…,” tweeted [a
user]" whose object is the speaker). "show" reports its object only after a poll, survey,
records, data … subject ("a new poll shows [Clinton with a double-digit lead]", through the
verb's modifiers, commas included). Verbs whose objects are rarely speech (show, find, tell, ask,
write …) stay out of the set; *call* counts only when it names ("calling [Trump a fascist]"), not
"called a donor". A gerund object counts too ("reported [raising $9 million]", "mentioned
[raising the wage]"). Such an object runs over the verb's modifiers that follow it without a comma
("questioned [his judgment in supporting the war]", "mentioned [the deal five times]"), never over
a quote mark.

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
from newsdesk.extract.quotes.records import Cue
from newsdesk.extract.quotes.spans import trim
from newsdesk.extract.quotes.speaker import SOURCE_DOC_NOUNS
from newsdesk.extract.quotes.verbs import cue_of


_ROLE_NOUNS = frozenset(row[0] for row in lexicon.rows("speakers_role_nouns"))
_ORGANISATION_NOUNS = lexicon.words("speakers_org_nouns")
NP_OBJECT_LEMMAS = lexicon.words("quotes_npobject_verbs")

_ANIMATE_ONLY_LEMMAS = lexicon.words("quotes_animate_subject_verbs")

_SPEAKING_NOUNS = lexicon.words("quotes_speaking_nouns")

_POINTING_LEMMAS = lexicon.words("quotes_pointing_verbs")

SHOW_SOURCES = lexicon.words("quotes_show_sources")

_LATE_NP_LEMMAS = _POINTING_LEMMAS | lexicon.words("quotes_late_object_verbs")

_NP_OBJECT_PREPS = lexicon.words("quotes_npobject_prepositions")


# xcomp: "kept criticizing X" ("to" infinitives are dropped by np_object_cue)
_NP_OBJECT_DEPS = ("ROOT", "advcl", "conj", "parataxis", "xcomp")

PRONOUN_TAGS = ("PRP", "DT", "WDT", "EX")


def np_object_cue(cue: Cue) -> bool:
    """True when ``cue`` reports its unquoted noun-phrase object (see ``np_object_content``):
    a speech-act verb of ``NP_OBJECT_LEMMAS`` (or *call* with a second complement, "calling
    [Trump a fascist]") heading a clause of ``_NP_OBJECT_DEPS`` ("…, citing [the accord]"),
    active, with a subject, not an infinitive ("refused to attack [his rivals]" reports
    nothing), and an object that is more than a pronoun."""
    verb = cue.first
    if cue.lemma == "call" and cue.content_from == "object":
        # "calling [Trump a fascist]": only with a second complement (naming), not "called X"
        if not any(k.dep_ in ("oprd", "xcomp", "ccomp") and k.i > verb.i for k in verb.children):
            return False
    elif cue.lemma == "show":  # "a poll shows [Sanders with 47 percent]": only a poll, records …
        if (cue.content_from not in ("object", "npobject") or cue.speaker_head is None
                or cue.speaker_head.lower_ not in SHOW_SOURCES or cue.content_lo is None
                or verb.dep_ not in _NP_OBJECT_DEPS + ("acl",)):
            return False
    elif cue.lemma not in NP_OBJECT_LEMMAS or cue.content_from not in ("object", "npobject"):
        return False
    if cue.speaker_head is None or cue.content_lo is None or (
            verb.dep_ not in _NP_OBJECT_DEPS + ("acl",) * (cue.lemma == "show") and not _np_object_pcomp(verb)):
        return False
    if any(k.dep_ in ("auxpass", "nsubjpass") or (k.dep_ == "aux" and k.lower_ == "to" and not _reporting_infinitive(cue))
           or (k.dep_ == "mark" and k.lower_ in ("if", "unless"))
           or (k.dep_ == "prt" and k.i > cue.last.i) for k in verb.children):
        return False  # passive, infinitive, condition ("if they did not confirm …"), other verb ("blasted out")
    if cue.lemma in _POINTING_LEMMAS and (
            (verb.tag_ == "VBN" and not any(k.dep_ == "aux" for k in verb.children))  # "Kyle, referred to as"
            or (verb.tag_ == "VBG" and verb.i < verb.head.i)  # "Pointing to X, Weber told AP …"
            or cue.content_lo != cue.last.i + 1  # the object right after the particle …
            or (cue.lemma != "point out" and not any(k.dep_ in ("pobj", "pcomp") for k in cue.last.children))):
        return False
    if cue.lemma in _LATE_NP_LEMMAS and (
            (verb.i > 0 and verb.doc[verb.i - 1].text.endswith("<"))  # markup: <tweet author=…>
            or cue.content_lo <= cue.speaker_head.i < cue.content_hi):  # “…,” tweeted [a user]
        return False
    if (verb.dep_ == "pcomp" or cue.lemma in _ANIMATE_ONLY_LEMMAS) and not _can_speak(cue.speaker_head):
        return False  # "his support collapsed after mocking X", "Starr's remarks suggested X"
    doc = verb.doc  # a lone pronoun object ("mentioned it", not widened by np_object_tail)
    return not (cue.content_hi - cue.content_lo == 1 and doc[cue.content_lo].tag_ in PRONOUN_TAGS)


def _can_speak(head: Token) -> bool:
    """True for a subject head that can make a speech act: a name, a pronoun, "who", a PERSON/ORG/
    NORP/GPE mention, a role, organisation or document noun, or a noun for people ("critics")."""
    low = head.lower_
    return (head.tag_ in ("NNP", "NNPS", "PRP") or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or low == "who" or low in _SPEAKING_NOUNS or low in _ROLE_NOUNS or low in _ORGANISATION_NOUNS
            or low in SOURCE_DOC_NOUNS)


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


_NOT_DONE = lexicon.words("quotes_intent_words")


def _reporting_infinitive(cue: Cue) -> bool:
    """True for a "to" infinitive that reports what its speaker did ("went on ABC to defend [his
    staff shake-up]", "continued to question [Cruz's temperament]"): an xcomp or adverbial clause
    whose subject can speak, not negated, not under a verb of intent or failure (``_NOT_DONE``:
    "refused to attack her rivals", "wants to praise X")."""
    v = cue.first
    return (v.dep_ in ("xcomp", "advcl") and v.head.lower_ not in _NOT_DONE
            and cue.speaker_head is not None and _can_speak(cue.speaker_head)
            and not any(k.dep_ == "neg" for k in v.children) and not any(k.dep_ == "neg" for k in v.head.children))


_PCOMP_NOT = lexicon.words("quotes_negative_prepositions")


def _np_object_pcomp(verb: Token) -> bool:
    """True for a gerund after a preposition that hangs on a verb ("won the nomination by
    promising [X]", "after mocking [Trump]", "was devoted to criticizing [X]"), or one with a
    subject of its own ("with Cruz calling [Trump his friend]"); not a noun's ("a long history
    of blaming X") nor a negative one ("without referring to X", "stopped short of calling for X")."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG":
        return False
    if any(k.dep_ == "nsubj" for k in verb.children):
        return True
    prep = verb.head
    return (prep.lower_ not in _PCOMP_NOT and prep.head.tag_.startswith("VB") and prep.head.i != prep.i
            and prep.head.lower_ not in _BE_FORMS)  # "That's why she quit before announcing …"


_BE_FORMS = lexicon.words("quotes_be_forms")


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
    if verb.dep_ not in _NP_OBJECT_DEPS:  # "those calling for …" names people, not a speech act
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
