"""The speaker span of a cue: the reporting verb's subject, and the noun phrase to take where the
parser lost it.

The speaker is the verb's subject (never a word inside the quote: "… #Cologne,” tweeted a user" →
the user; passive agent for "was told by X"; pobj for "according to X"), or a subject inherited
through ``conj``/``advcl``/``xcomp`` ("Xi said …, adding …"; a participle hanging on a reported
clause takes the reporting verb's subject, but a verb of the quote before the cue is no reporting
verb of the cue: "“Tell him …,” Varga replied, adding …" → Varga; an infinitive hung on an adverb
takes the clause's subject: "X went so far as to say"; a cue that is the xcomp of a verb with an
object takes the object: "forced Stumpf to admit …" → Stumpf, but "promised/used … to" keep their
subject). A
participle on a noun speaks for the noun ("held up a sign saying …" → the sign; "footage of Maria
Lopez saying …" → the person, even inside a prepositional phrase), or, for a document the
clause's subject issued, for that subject ("released a statement saying …" → who released it).

An inverted cue whose speaker the parser took as its object ("“…,” added a South Carolina
Democrat.", "“…,” opined Cleveland’s Plain Dealer") or hung elsewhere ("said Skelly, explaining
…", "Said Ellis: “…”") takes the short noun phrase right after the verb (a title participle may
stand in it and a bracketed party closes it: "said Finance ranking Republican X (R-Ohio)"; white
space may stand between mark and verb; "“…,” wrote another"); a name the tagger took for a modal
or verb between the quote and its cue is the speaker ("“…,” Will wrote"); a cue with no subject
takes the proper noun phrase that ends right before it and its comma ("Col. X, a spokesman in
Baghdad, said,"), else the noun before the phrases set off by commas or the relative clause that
stand between it and its verb ("“…,” X, wearing a “Vote Yes” badge, said", "X, asked about …, had
said", "a city official who spoke on condition of anonymity said": ``set_off_subject``), else,
for a finite cue after a comma, the nearest PERSON/ORG name before it in the sentence ("Marcel
Lazar, 44, said"), else a proper noun phrase that opens the clause and that the parser took for a
modifier ("Black Lives Matter issued a statement saying": ``opening_np_subject``). The span is the head with its left modifiers
(appositions and relative clauses dropped: "Wang Yi, the Chinese foreign minister, told …" →
"Wang Yi"); a relative pronoun stays "who" as written. The place of a dateline is never the
speaker ("SAN DIEGO, March 5 - Kestrel Ferries said" → the last noun after the dateline).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsdesk import lexicon
from newsdesk.cleaning import find_dateline
from newsdesk.extract.quotes.spans import Paragraphs, Sents
from newsdesk.extract.quotes.verbs import VERBS, cue_of


SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}

_INHERIT_DEPS = {"conj", "advcl", "xcomp", "ccomp", "parataxis", "dep", "acl", "pcomp"}

PRONOUNS_PERSON = lexicon.words("speakers_person_pronouns")

RELATIVE = lexicon.words("speakers_relative_pronouns")

SOURCE_DOC_NOUNS = lexicon.words("speakers_source_nouns")

_HEARER_PASSIVES = lexicon.words("quotes_hearer_passives")

_QUOTING = lexicon.words("quotes_quoting_verbs")


def past_dateline(doc: Doc, paras: Paragraphs, subj: Token, verb: Token) -> Token | None:
    """The subject when the parser took the place of a dateline for it ("[SAN DIEGO], March 5 -
    Pacific Southwest Airlines said", "[WALL], N.J., March 6 - New Jersey Resources said"): the
    last noun before the verb after the dateline and outside a wire ticker ("British Gas Plc
    <BRGS.L> said" → Plc; its left modifiers make the span), or None when there is none. Other
    subjects are returned unchanged."""
    start = paras.starts[paras.of(subj.idx)]
    if subj.idx - start > 60 or not subj.is_upper:
        return subj
    line_end = doc.text.find("\n", start)
    dl = find_dateline(doc.text[start:line_end if line_end >= 0 else len(doc.text)])
    if dl is None or subj.idx >= start + dl.end:
        return subj
    in_brackets, bracketed = False, None
    for t in reversed(doc[verb.i - 12 if verb.i > 12 else 0:verb.i]):
        if t.idx < start + dl.end:
            return bracketed
        if t.text in (">", "<"):  # "British Gas Plc <BRGS.L> said": a ticker after a name is no speaker,
            in_brackets = t.text == ">"  # "<Corwin Valley Inc> said": a bracketed name alone is
            continue
        if t.tag_ in ("NNP", "NNPS", "NN", "NNS"):
            if not in_brackets:
                return t
            bracketed = bracketed or t
    return bracketed


_CARRIER_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "appos", "ROOT"}  # not pobj: "heard on a microphone telling"

_ISSUED_NOUNS = lexicon.words("quotes_issued_document_nouns")


def postverbal_speaker(verb: Token, last: Token) -> Token | None:
    """Speaker of an inverted cue the parser gave an object instead of a subject ("“…,” opined
    [Cleveland’s Plain Dealer].", "“…!” wrote [a man] calling himself …"): the noun phrase right
    after the verb, when the verb follows a closing quote mark (and its comma)."""
    doc = verb.doc
    j = before(doc, verb.i)
    opening = verb.is_sent_start and verb.text[:1].isupper()  # "Said Ellis: “…”"
    if not opening and (j < 0 or not (doc[j].tag_ == "''" or (doc[j].text == "," and j > 0
                                                                and doc[before(doc, j)].tag_ == "''"))):
        return None
    for c in verb.children:
        if (c.i > last.i and c.dep_ in ("dobj", "attr", "oprd") and c.left_edge.i == last.i + 1
                and c.tag_ in ("NN", "NNS", "NNP", "NNPS") and c.ent_type_ not in ("DATE", "TIME")):
            return c
    # the parser hung the name elsewhere ("said Skelly, explaining …" with Skelly an adverb; "said
    # the woman, who … declined" with the woman the subject of "declined"): a short noun phrase
    # right after the verb, closed by a comma or the sentence end
    j = last.i + 1
    head = None
    while j < len(doc) and j - last.i <= _MAX_POSTVERBAL:
        t = doc[j]
        if t.text in (",", ".", ";", ":", "(") or "\n" in t.text:
            break  # (a party and state in brackets closes the name: "said Rep. Ana Ruiz (D-Ore.)")
        if t.ent_type_ in ("DATE", "TIME") or not (t.tag_ in _POSTVERBAL_TAGS or (t.is_title and t.is_alpha)
                                                   or t.dep_ == "amod" or _modifier_participle(t)):
            return None  # "said [retired] surgeon Ben Carson", "said committee [ranking] member X"
        if t.tag_.startswith("NN") or t.is_title or (t.lower_ == "another" and head is None):
            head = t  # (“…,” wrote another.)
        j += 1
    return head if j - last.i <= _MAX_POSTVERBAL else None


_MAX_POSTVERBAL = 6


def _modifier_participle(t: Token) -> bool:
    """A participle inside a title before a name ("the [ranking] Democrat", "[acting] chief"):
    followed by a noun or proper noun."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return t.tag_ in ("VBG", "VBN") and nxt is not None and nxt.tag_ in ("NN", "NNS", "NNP", "NNPS")


def before(doc: Doc, i: int) -> int:
    """Index of the nearest token before ``i`` that is no white space (-1 when there is none)."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j


def name_tagged_as_verb(verb: Token) -> Token | None:
    """The speaker of a cue right after a quote when the tagger took the name between them for a
    modal or a verb ("“…,” [Will] wrote.", "“…,” [Mark] added."): a capitalised word right before
    the cue, itself right after the quote's comma and closing mark — no modal or verb stands there
    in English."""
    doc = verb.doc
    j = before(doc, verb.i)
    if j < 2:
        return None
    t = doc[j]
    if not (t.is_alpha and t.text[:1].isupper() and (t.tag_ == "MD" or t.tag_.startswith("VB"))):
        return None
    k = before(doc, j)
    if doc[k].tag_ != "''" and not doc[k].is_quote:
        return None
    k = before(doc, k)
    return t if k >= 0 and doc[k].text == "," else None

_POSTVERBAL_TAGS = {"NN", "NNS", "NNP", "NNPS", "DT", "JJ", "PRP$", "POS", "HYPH", "CD"}

_MAX_NAME_BACK = 30  # tokens


def name_before_verb(verb: Token, sent_start: int) -> Token | None:
    """Subject of a finite cue the parser left without one because its name hangs elsewhere
    ("Marcel Lazar, 44, said …", "Jeffrey Salkin, a Florida rabbi helping …, said …"): the
    verb follows a comma, and the nearest PERSON/ORG name before it in the sentence (at most
    ``_MAX_NAME_BACK`` tokens, no quote mark or other verb of saying in between) is taken."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    for j in range(verb.i - 2, max(sent_start, verb.i - _MAX_NAME_BACK) - 1, -1):
        t = doc[j]
        if t.is_quote or "\n" in t.text or (t.tag_.startswith("VB") and t.lower_ in VERBS):
            return None
        if t.ent_type_ in ("PERSON", "ORG") and (j + 1 >= len(doc) or doc[j + 1].ent_iob_ != "I"):
            return t
    return None


_SUBJECT_CONTROL = lexicon.words("quotes_subject_control_verbs")


def across_mark(subj: Token, verb: Token) -> bool:
    """True when a quote mark separates ``subj`` from ``verb`` (a closing mark after a subject
    before the verb, an opening mark after the verb): the subject is a word of the quote
    ("… #Cologne,” tweeted a user"; "said “images, they’ve got no place …”"), not its speaker."""
    doc = subj.doc
    if subj.i < verb.i:  # the first mark after the subject closes a quote the subject sits in
        marks = [_mark_kind(doc[j]) for j in range(subj.i + 1, verb.i)]
        marks = [m for m in marks if m]
        return bool(marks) and marks[0] == "close"
    marks = [_mark_kind(doc[j]) for j in range(verb.i + 1, subj.i)]
    marks = [m for m in marks if m]
    return bool(marks) and marks[-1] == "open"


def _mark_kind(t: Token) -> str:
    """"open" / "close" for a double quotation mark token (not apostrophes, not '' pairs)."""
    if t.text in ("“", "«", "„"):
        return "open"
    if t.text in ("”", "»"):
        return "close"
    if t.text == '"':
        return "open" if t.tag_ == "``" else "close"
    return ""


def _quoted_as(verb: Token) -> Token | None:
    """The one quoted in "quoted [X] as saying …" (the object) or "[X] was quoted as saying …" (the
    passive subject): a participle after "as" that a verb of quoting governs."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ != "as":
        return None
    q = verb.head.head
    if q.lower_ not in _QUOTING:
        return None
    return next((c for c in q.children if c.dep_ in ("dobj", "nsubjpass")), None)


def subject(verb: Token) -> Token | None:
    """Subject of ``verb``: nsubj, passive agent, the noun a relative clause hangs on, or the
    subject inherited from the governing verb ("Xi said …, adding …", "responded by affirming");
    "quoted [X] as saying" → X."""
    quoted = _quoted_as(verb)
    if quoted is not None:
        return quoted
    tok: Token | None = verb
    for _ in range(5):
        if tok is None:
            return None
        agent = None
        # the nearest subject: a sentence run over a headline can give a verb two of them
        for child in sorted(tok.children, key=lambda c: abs(c.i - tok.i)):
            if child.dep_ in ("nsubj", "csubj") and not across_mark(child, tok):
                return child  # a relative "who" stays as written; Resolver follows it
        for child in tok.children:
            if child.dep_ == "agent":
                agent = next((g for g in child.children if g.dep_ == "pobj"), None)
        if agent is not None:
            return agent
        for child in tok.children:
            if child.dep_ == "nsubjpass" and tok.lower_ not in _HEARER_PASSIVES:
                return child
        if tok is not verb and tok.tag_ in ("NN", "NNS", "NNP", "NNPS") and (
                tok.dep_ in _CARRIER_DEPS or tok.ent_type_ == "PERSON"):  # "footage of Trump saying"
            # reached from a participle on a noun ("held up a sign saying …", "released a
            # statement saying …"): a document issued by the clause's subject speaks for it, any
            # other noun speaks itself (the sign, the petition, the 911 calls)
            if tok.lower_ in _ISSUED_NOUNS and tok.dep_ == "dobj" and tok.head.tag_.startswith("VB"):
                tok = tok.head
                continue
            return tok
        if tok.head.i == tok.i:
            return None
        if tok is verb and tok.dep_ == "xcomp" and tok.head.lower_ not in _SUBJECT_CONTROL:
            # object control: "forced Stumpf to admit …", "asked her to say …" → the object speaks
            obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i
                        and c.tag_ in ("NN", "NNS", "NNP", "NNPS", "PRP")), None)
            if obj is not None:
                return obj
        if tok.dep_ in _INHERIT_DEPS or (tok.dep_ == "prep" and tok.tag_ == "IN"):
            nxt = tok.head
            # "Trump told X that Romney “had …,” adding …": the participle hangs on the reported
            # clause; its speaker is the reporting verb's subject, not the clause's
            if tok is not verb or tok.dep_ in ("advcl", "conj"):
                while (nxt.dep_ == "ccomp" and nxt.head.i != nxt.i and cue_of(nxt.head) is not None
                       and not across_mark(nxt.head, nxt)):  # not a verb of the quote before it
                    nxt = nxt.head
            tok = nxt
        elif tok is not verb and tok.dep_ == "advmod" and tok.tag_.startswith("RB"):
            tok = tok.head  # "went so far as to say": the infinitive hangs on the adverb
        elif (tok.dep_ in ("acl", "pobj") or tok.head.dep_ in ("pobj", "prep")
              or (tok.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))):
            # "was heard on a microphone telling …": climb to the clause's verb
            up = tok.head
            while up.head.i != up.i and not up.tag_.startswith("VB"):
                up = up.head
            if not up.tag_.startswith("VB") or up.i == tok.i:
                return None
            tok = up
        else:
            return None
    return None


def inverted_object_speaker(verb: Token, last: Token) -> Token | None:
    """The noun the parser took for the object of an inverted cue right after a quote ("“…,”
    added a South Carolina Democrat."): the verb follows the closing mark, its reported clause
    comes before it, and the noun phrase closes the sentence."""
    doc = verb.doc
    if verb.i < 2 or doc[before(doc, verb.i)].tag_ != "''" or not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > last.i), None)
    if obj is None or obj.tag_ not in ("NN", "NNP", "NNPS") or obj.right_edge.i + 1 >= len(doc):
        return obj if obj is not None and obj.tag_ in ("NN", "NNP", "NNPS") else None
    return obj if doc[obj.right_edge.i + 1].text in (".", ",", ";") else None


def left_np_subject(verb: Token, sents: Sents) -> Token | None:
    """Speaker of a subjectless cue that the parser cut off from the noun phrase right before it:
    "Col. Steven H. Warren, a military spokesman in Baghdad, said, “…”" (Warren hung on an earlier
    date), "Mitt Romney, the 2012 nominee, tweeted in response: “…”" (the verb taken for a
    modifier of the name). The noun phrase must end right before the verb (or its comma) and
    start the sentence or follow a comma; a relative clause's "who"/"which" is left alone."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or any(c.dep_ == "agent" for c in verb.children):
        return None
    if verb.dep_ == "acl" and verb.head.i < verb.i and verb.head.tag_ in ("NNP", "NNPS") \
            and doc[verb.i - 1].text == "," and verb.tag_ in ("VBD", "VBN"):
        return verb.head
    if verb.tag_ == "VBN":
        return None
    end = verb.i - 1
    if end >= 0 and doc[end].text == ",":
        end -= 1
    sent = sents.of(verb.i)
    best = None
    for t in doc[max(sent.start, verb.i - 40):end + 1]:
        if t.tag_ not in ("NNP", "NNPS") or t.right_edge.i != end or t.dep_ not in ("appos", "pobj", "conj", "dobj"):
            continue
        le = t.left_edge.i
        if le != sent.start and doc[le - 1].text != ",":
            continue
        if best is None or le < best.left_edge.i:
            best = t
    return best


_MAX_SET_OFF = 40  # tokens of one phrase set off by commas between a subject and its verb

_SET_OFF_PHRASES = 4  # "X, a Salem, Ore., lawyer, said": phrases skipped back to the subject

_NOUN_TAGS = ("NNP", "NNPS", "NN", "NNS")


def set_off_subject(verb: Token, sent_start: int) -> Token | None:
    """Subject of a finite cue the parser cut off from it by a phrase set off with commas, or by a
    relative clause: "“…,” [Rita Moss], wearing a “Vote Yes” badge, said", "[Mr. Ode], asked
    about the cuts, had said", "[a city official] who spoke on condition of anonymity said". Going
    back from the verb (over its auxiliaries) past at most four comma-delimited phrases (≤ 40
    tokens each, on one line, no ";" or ":") — or a relative clause that ends right before the
    verb — the noun that ends the phrase before them is the subject (the noun a prepositional
    phrase hangs on: "two members of Congress from Florida, X and Y, said" → members); an adverb
    or a place before a phrase is a phrase of its own (", meanwhile,", "a Salem, Ore., lawyer");
    None when a phrase is preceded by anything else."""
    doc = verb.doc
    j = before(doc, verb.i)
    while j > sent_start and doc[j].tag_ in ("MD", "VBD", "VBZ", "VBP", "RB") and doc[j].dep_ in ("aux", "advmod", "neg"):
        j = before(doc, j)
    if j <= sent_start:
        return None
    if doc[j].text != ",":
        rel = next((r for r in doc[j].ancestors if r.dep_ == "relcl" and r.right_edge.i == j), None)
        if rel is None or rel.head.i > rel.i or rel.head.tag_ not in _NOUN_TAGS:
            return None
        return rel.head  # "a city official who spoke … said"
    for _ in range(_SET_OFF_PHRASES):
        k = j - 1
        while k > sent_start and doc[k].text != "," and j - k <= _MAX_SET_OFF:
            if "\n" in doc[k].text or doc[k].text in (";", ":"):
                return None
            k -= 1
        if k <= sent_start or doc[k].text != ",":
            return None
        t = doc[before(doc, k)]
        while t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.tag_ in _NOUN_TAGS:
            t = t.head.head  # "two members of Congress from [Florida], X and Y, said" → members
        if t.tag_ in _NOUN_TAGS and not t.is_quote and t.ent_type_ not in _PLACES:
            return t
        if not (t.tag_ == "RB" or t.ent_type_ in _PLACES):
            return None
        j = k  # ", meanwhile," and ", Fla.," are phrases of their own
    return None


_PLACES = ("GPE", "LOC", "FAC")


_NP_TAGS = {"NNP", "NNPS", "NN", "NNS", "JJ", "DT", "POS", "HYPH", "CD"}


def opening_np_subject(verb: Token, sent_start: int) -> Token | None:
    """Subject of a cue whose clause opens its sentence with a noun phrase the parser took for a
    modifier ("[Black Lives Matter] issued a statement saying …" with "Matter" an adverb): the
    verb governing the cue (or the cue) has no subject, and every token from the sentence start to
    it is a word of a noun phrase with a proper noun; its last word is the subject."""
    v = verb
    while v.dep_ in ("acl", "dobj", "advcl", "xcomp", "conj") and v.head.i < v.i and not any(
            c.dep_ in SUBJ_DEPS for c in v.children):
        v = v.head
    if any(c.dep_ in SUBJ_DEPS for c in v.children) or not v.tag_.startswith("VB") or v.i - sent_start < 1:
        return None
    span = v.doc[sent_start:v.i]
    if len(span) > 8 or not all(t.tag_ in _NP_TAGS for t in span) or not any(t.tag_ in ("NNP", "NNPS") for t in span):
        return None
    return span[-1] if span[-1].tag_ in _NOUN_TAGS else None
