"""Quote attribution: who said what, with which reporting verb.

``extract_quotes(doc, entities)`` returns one :class:`~newsdesk.extract.types.Quote` per
attribution found in a parsed document (tagger + parser + NER; no lemmas, no POS), sorted by
start offset. Every span is a character span of ``doc.text`` and ``text`` is that exact slice.

Kinds and content spans
* **direct** — a passage inside quotation marks that is what a reporting verb reports
  ("“…,” Xi said", "Xi said: “…”", "said Xi"), that follows a colon ("Cruz continued:\n\n“…”"),
  or that stands alone as a floating quote after a quote with a speaker. After a colon, a
  PERSON/ORG name right before it speaks the quote unless the clause subject is a person
  ("HEADLINE - Mark Blumenthal: “…”", "did not surprise pollster Daron Shaw: “…”"). The span
  INCLUDES the opening and closing marks (as PolNeAR and textacy gold do) and may run over several
  sentences
  and paragraphs (news convention: a mark reopens each paragraph, none closes it).
  A quote interrupted by its cue ("“A,” Xi said. “B.”") and a floating continuation in the next
  paragraph (a blank line between counts as one break) are merged into ONE quote from the first
  opening to the last closing mark, so the cue text sits inside the span (``MERGE_CONTINUED``;
  PolNeAR annotates it this way).
* **mixed** — a reported clause (or the object of *call*, *hail*, *describe*, *urge* …) that
  contains quoted words: "Xi said China is willing … “a correct view of democracy”". The span
  is the clause (no leading "that"), widened to the marks of the fragments it contains; a
  clause or object followed without punctuation by an opening mark runs through that quoted
  passage, over sentences if need be ("added that he was the only one “fighting … . I’ll …”"),
  and so does a clause followed by a comma and a quote that opens in lower case ("argued that X,
  “because those afflicted …”").
* **indirect** — a reported clause without marks: the ``ccomp`` of the verb ("Russia said [the
  responses left …]"), the clause before an inverted cue ("[Beijing would not welcome …], Hass
  pointed out"; the line break closing a paragraph does not count as sentence text; also when
  a tell/assure/warn … verb has an object that only names the addressee: "[This includes …],
  Carter told a Senate panel"), the whole
  sentence around a parenthetical cue ("[Many closures, he said, have …]"; also when the parser
  hung the words before it on the cue: "[Voters, Clinton suggested, don't …]", "[If the demands
  are not met, Taylor warned, supporters plan …]", "[Instead, Trump told CNN, his policy …]" — a
  cue phrase of subject, verb and ≤ 6 verbless words between commas, ≥ 3 words with a verb after
  it, not before a quote that opens in upper case: "…, he said, “We …”"), the object and "as"
  phrase of describe/declare/portray/label … ("Xi described relations [as going beyond an
  alliance]"; "which Russia has described [as an act of aggression]"; not passive: "widely
  described as reformers"), the object and phrase of a charge ("accused [Russia of a build-up]",
  "charged [Kiev with sending troops]", "criticised [officials for politicising the Games]"), the
  unquoted object of a speech-act verb (see ``_NP_OBJECT_LEMMAS``: "criticized [the accord]",
  "called for [a ban]", "citing [the report]", "attacked [the port authority]", "highlighted [the
  cost of rent]", "reminded [the council of its promise]"; chosen by their hit rate on PolNeAR
  train), the
  clause an "according to X" or "as X noted" phrase attaches to, or the rest of a "NAME: …" line
  (headlines "Pence: …", transcripts "WALLACE: …", also after the opening mark of a quoted
  transcript line, and a 1–3-word upper-case name whose last word opens ≥ 2 lines of a document
  with ≥ 3 such lines: "KATE BOULDUAN: …" then "BOULDUAN: …"; not "Q:"/"A:", not "BREAKING:";
  a headline name the tagger took for a common noun, "Trump: ‘We are going to win.’", counts
  when each word — or, for a run of proper nouns, the last one: "Cecile Richards: ‘…’" — is a word
  of a PERSON/ORG mention of the document and the rest of the line holds quote
  marks or a clause with a finite verb and its subject, "Trump: My plans aren't set in stone";
  one the NER tagged, "Clinton: I support statehood", counts whatever its tag; so does a source
  word such as "Poll:" or "Sources:" before a finite clause, a quote or ≥ 5 words, "Poll: Trump
  leads in Ohio", "Report: Walker to speak at the convention"; not "Poll: The Ohio race"). An
  "Asked by X whether/if/why …" participle reports its question with X as speaker.
  Also direct: a quote that resumes after its cue in the same sentence ("“A,” said Sherman,
  speaking of politicians, “and leave …”" — one quote), a quote paragraph signed by a dash
  (- — – -- ―) and a name of ≤ 6 capitalised words (initials allowed) on the next line
  ("“…”\n\n- Bernie Sanders."; cue "-") or closing the same line ("“…” ― Sonya Herridge";
  the quote must open its paragraph), "as X put it, “…”". A cue in a leading "as" clause
  reports the rest of its sentence ("As Ms. Simonyan put it in a statement, [RT is ''providing
  …'']", "As the paper reported, [X …]"; not when the cue has an object or clause of its own —
  "As he answered questions, …" — nor for a trailing "…, as X noted", learn or mention).
  A standalone quote in the next sentence of the same paragraph as an indirect/mixed clause
  continues it ("She said she and Obama had made progress. “I really believe …”" → ONE mixed
  span), and so does a direct quote its cue introduces right after its clause, over a colon or the
  parenthetical cue ("said [some bargain was possible: “In business, …”]"; "[A, he added, “B”]"),
  unless the clause hangs in the sentence that cues the previous direct quote ("“A,”
  said X, who said Y. “B.”" → “B.” continues “A,”).
  Also indirect: the unquoted noun-phrase object of a speech-act verb of ``_NP_OBJECT_LEMMAS``
  ("Sanders criticized [the accord]", "accused [Rubio of lying]", "called for [a ban]", "…,
  citing [the budget]"; GenderGapTracker-style gold marks these) when the verb heads a main
  clause, a conjunct, an adverbial participle or a bare xcomp ("kept criticizing [the plan]"),
  is active with a subject, is no infinitive ("refused to attack her rivals" reports nothing;
  but an xcomp/adverbial infinitive whose subject can speak, not negated and not under a verb of
  intent or failure, reports: "went on the radio to defend [her vote]", "continued to question
  [the cost]"; see ``_NOT_DONE``) and no "if" condition, has no particle of its own ("blasted out releases"), and the object is
  more than a pronoun. A gerund after a preposition counts too when the preposition hangs on a
  verb other than "be" ("won by promising [a tram line]", "After mocking [the deal], Ortega
  voted …") or the gerund has its own subject ("with the senator calling [the budget a
  disgrace]"); not a noun's ("a history of blaming X") nor after without/of/despite/instead/
  than/against/from. These gerunds and the verbs added last (attack, highlight, suggest, remind,
  email, recount, vow, assert, allege, bemoan: ``_ANIMATE_ONLY_LEMMAS``) need a subject that can
  speak — a name, pronoun, PERSON/ORG/NORP/GPE mention, role, organisation, document or people
  noun ("critics", "voters"): "The long delays suggest X" and "his support faded after mocking X"
  report nothing. Such an object is not continued by a standalone quote in the next sentence
  ("did not suggest [new sanctions]. “We will …”": the quote floats on its own).
  "refer to", "point to", "point out" report the object right after their particle ("…,” Ames
  said, referring to [the mayor]", "She pointed to [the polls]"), not as a fronted participle
  ("Pointing to X, Weber told …": the main clause is the report) nor a bare passive ("the jet,
  often referred to as …"); so do "recall" and "tweet" ("recalled [a visit to his church]",
  "tweeted [her thanks to the team]"; not the word "tweet" of a markup tag, nor an inverted
  "“…,” tweeted [a user]" whose object is the speaker).
  "show" reports its object only after a poll, survey, records, data … subject ("a new poll
  shows [Clinton with a double-digit lead]", through the verb's modifiers, commas included).
  Verbs whose objects are rarely speech (show, find, tell, ask, write …) stay out of the set;
  *call* counts only when it names ("calling [Trump a fascist]"), not "called a donor".
  A gerund object counts too ("reported [raising $9 million]", "mentioned [raising the wage]").
  Such an object runs over the verb's modifiers that follow it without a comma ("questioned [his
  judgment in supporting the war]", "mentioned [the deal five times]"), never over a quote mark.
  Unmarked content after its cue (a reported clause, an object, an infinitive) runs on to the end
  of the cue verb's subtree within the sentence when no quote mark, line break, ; : — – ( or other
  reporting verb comes first ("denied [any role in the March 4, 2019, closure of the plant]");
  not a span with quote marks, nor a lone pronoun ("mentioned it twice").
  An urging verb's infinitive runs over the bare-verb conjuncts the parser hung on the verb
  ("called on the sides [to strengthen ties, speak with “a louder voice”, come up with …]").
  "call for X to do Y" reports the object with its infinitive ("called for [all candidates to
  lay out their plans]", also when the parser took "for" for the mark of the clause).
  "ask" reports a question hung as an adverbial clause ("asked the students [if they …]"); a
  bare "Asked by X whether/if/why …" participle reports its question with X as speaker (its
  subject answers; without "by X" nothing is reported; the cue takes no adjacent quote).
  "said so", "said yes", "said no" report their one word (poll answers: "75 percent said yes"),
  "said [the same of Trump]", "said [as much]" their object.
  Also mixed: the quoted content of a speech-act noun with a possessor, a "by" agent or a
  subject that makes, renews or includes it ("Trump's call [for “a total ban”]", "her claim
  [that she “never sent” …]", "the statement included a pledge [to oppose any “further
  escalation”]"); never an adjacent quote.
  Also indirect: the clause an "as X noted" cue comments on ("As the auditor noted, [the bridge
  cost …]", "[The vote may slip], as senators have speculated"; the whole sentence when the
  cue sits in its middle); the "as" clause needs its own subject and no object.
  Object-only cues (*thank … for*, *refer to … as*) report only the quoted words of their object
  and never take an adjacent quote; an object's content runs through a quoted fragment that
  opens right after it ("called that “beyond preposterous.”"). *chant* reports its quoted
  object. Any other table verb (either flag) without a clause reports its object (with an
  as/for/against/of/on/to phrase; for a verb with a particle, the particle's object: "pointed to
  the case as the epitome of the “rigged system.”") when a quote mark falls inside it, through
  the closing mark: "blasted the media for being “unbelievably dishonest.”", "proclaimed a goal
  of “Peace Through Strength.”", "greeting [Putin as an “old friend”]" (mixed; not for show, add,
  answer, agree, learn, find, wonder, read, publish, remind, respond, indicate, signal, estimate,
  continue, whose objects are rarely
  speech; a ``direct``-flag verb's clause counts only with quoted words: "blamed the law on
  “knuckleheaded politicians.”"). *tell*/*urge*-like verbs also take a "to"-infinitive parsed as
  an adverbial clause ("tells his supporters to “go …”").
A verb inside a quote never reports that quote ("“You tell me,” he said" → he). A content after
a cue right after a quote mark that holds the cue's own speaker is none ("“…,” said [David Brock, a
confidant who heads the PAC Correct the Record]": the parser made the speaker a clause subject). Not quotes: ≤ 3
quoted words not set off as an utterance (scare quotes, "old friend"), short Title Case
stretches (“Guardians of the Galaxy”; also "a film called “Tenemos Familias”": a participle of
call/describe/label … right after a noun names it) unless they hold a sentence break (“Like
Oakland. Or Ferguson,”) or end with , ! ? before a speaker and a bare finite reporting verb
(“Happy Cinco de Mayo!,” he tweeted), attribute values of markup, belief verbs (think, believe),
verbs whose object has no quoted words ("emphasized her ties"), and the clause of a reporting verb that
is itself the reported clause of another one ("she said [she found that …]", "a poll shows [68%
say …]": the outer report only; PolNeAR train marks the inner one 1 time in 5; only when the outer
verb has no subject or a document subject — other outer reports drop the inner one by nesting, see
below — and not when the outer verb stands in a quoted passage the inner one is not in: "X
characterized it as ‘…’: “Xi hailed …”"),
and the clause of a gerund after "for" that gives the reason for blame or praise ("criticized him
for saying [he …]"; train: 1 in 17). Nesting: an attribution whose span lies inside the span of an indirect or mixed
one is dropped ("Officials said [the road was closed after the police warned drivers …]": PolNeAR
marks the outer report, the inner one 1 time in 4), unless the outer speaker only relays — a
document ("a Kremlin readout", "the statement") or an "according to" source — or the inner cue
sits in a relative clause with a named subject ("…, which Russia has described as …"), or the
inner is a direct quote the outer merely starts with. Inside an "according to" source, an indirect or
mixed report whose speaker is a count or a crowd is dropped all the same ("According to the survey,
[62 percent of parents say they …]": the survey's report), and a reported clause stops before a
trailing ", according to X" the parser hung inside it ("said [the case was weak], according to …"),
and so before a trailing inverted cue of a short noun phrase and a reporting verb ("said [Randolph
“would have no chance,”] the source recalled").

Speakers and cues: ``cue`` is the reporting verb as written (with its particle: "pointed out",
"called for"; "according to"; or ":" for colon attributions), ``cue_lemma`` comes from
data/reporting_verbs.tsv (forms → lemma; flag ``direct`` for verbs that only report quoted
words). The speaker is the verb's subject (never a word inside the quote: "… #Cologne,” tweeted a
user" → the user; passive agent for "was told by X", pobj for "according to X" — "a statement by
the ministry" resolves to the ministry), the noun phrase between a quote and its cue, or a
subject inherited through ``conj``/``advcl``/``xcomp`` ("Xi said …, adding …"; a participle
hanging on a reported clause takes the reporting verb's subject; a cue that is the xcomp of a
verb with an object takes the object: "forced Stumpf to admit …" → Stumpf, but "promised/used …
to" keep their subject). A participle on a noun speaks for the noun ("held up a sign saying …" →
the sign; "footage of Maria Lopez saying …" → the person, even inside a prepositional phrase), or,
for a document the clause's subject issued, for that subject ("released a statement saying …" →
who released it). An inverted cue whose speaker the parser took as its object ("“…,” added a
South Carolina Democrat.", "“…,” opined Cleveland’s Plain Dealer") or hung elsewhere ("said
Skelly, explaining …", "Said Ellis: “…”") takes the short noun phrase right after the verb; a cue
with no subject takes the proper noun phrase that ends right before it and its comma ("Col. X,
a spokesman in Baghdad, said,") or else, for a finite cue after a comma, the nearest PERSON/ORG
name before it in the sentence ("Marcel Lazar, 44, said"). The span is the head with its left
modifiers (appositions and relative clauses dropped: "Wang Yi, the Chinese foreign minister,
told …" → "Wang Yi"); a relative pronoun stays "who" as written. The place of a dateline is
never the speaker ("SAN DIEGO, March 5 - Kestrel Ferries said" → the last noun after the
dateline, Kestrel Ferries). Floating quotes carry the previous quote's speaker AND cue.

Resolution (speaker_name / speaker_label / speaker_entity_id): a speaker inside or ending a
wire-copy angle-bracket group is the bracketed company ("<Acme Holdings Corp> said", the parser
taking "<"/">" for the subject), or for a bracketed ticker the proper nouns before it ("Thyssen AG
<THYH.F> said" → Thyssen AG); a post-nominal head ("Frank Field MP") → the person before it; an ORG
mention the NER cut at "and"/"&" inside the speaker's noun phrase is joined with the proper nouns
before it ("Standard and [Poor's Corp]" → Standard and Poor's Corp), and a NORP one to a capitalised
word before it that opens no sentence ("The Liberal [Democrats]"); a bare "the
spokesman/spokeswoman" speaks for the organisation of the latest earlier spokesman speaker (≤ 1500
characters back: "a UAL spokesman said … the spokesman added" → UAL). For a title or role head, a
person's name in apposition to it or to its of/for object, even one the NER missed or mislabelled
("The Shadow Secretary of State for the Family, Theresa May, said", "The Archbishop of Cardiff, the
Most Reverend Peter Smith, told"; a synthetic PERSON of 2–4 title-case words), or the person the
parser made the object of the title's "of" after a field word ("Vice President of Finance Joel Graff
said"); else the entity mention containing the speaker's head, else a name in apposition to it
("Russia's deputy minister, Dmitry Orlov, said"); a document noun → a name in its noun phrase, else
its author after "from/by" or a participle's agent ("the joint report from the FAO", "a study by
Gartner", "an analysis released by the VA"; "a spokesman for the LSE" → the LSE; "a
company/bank/firm spokesman" → the organisation "the company" would name); a one-word name ("Mr
Ashby", "the Bank") is replaced by the latest earlier mention whose longer name holds that word
(Richard Ashby, Bank of England); a proper noun the NER missed → the latest PERSON/ORG whose name
has that word (a capitalised word the tagger took for a noun — "Stals said", "Sanders proposes" —
only a PERSON's); "who" → its antecedent; "I" outside quotation marks (and with no double quotation
mark before it in its paragraph) is the writer (a column, a reader's comment) and stays unresolved;
he/she/I → the latest PERSON subject or speaker before it that is not inside a quoted passage nor
inside the reported clause of an earlier person speaker ("Hodgson revealed that [Barkley had taken
…]. “…,” he added" → Hodgson; a speaker there still counts, and so does a person inside the same
clause as the pronoun: "Penn said Marlow was right when he said …" → Marlow; never a person inside
the quote being resolved: "Mr Blair has failed, he claimed" → not Blair) (a name in apposition to a
subject counts), or a later definite role subject ("The minister was unapologetic. …, she said")
resolved as below; definite nominals ("the Russian leader", "the minister") → the person whose roles
(DocEntities.roles), titles and premodifiers/appositions match every word (nationality adjectives ≈
countries, leader ≈ president ≈ premier …), a person whose descriptors add a qualifier the nominal
lacks ("deputy", "former") only as a last resort; when no person matches before the nominal and none
is named before it at all (a lead-in: "…, the shadow chancellor said. Oliver Letwin said …"), or
only one whose role is merely akin ("the chairman" after "party leader X"), → the person the next
sentence introduces as the subject of its main verb (a full or titled name not mentioned before,
with no role outside the nominal's group); else the latest of the last three person subjects whose
descriptors name no other country and no other role ("the Russian minister" is not the customs
spokesman); "the ministry" → the latest ORG whose name holds the word. A generic organisation noun
(``_ORG_NOUNS``: "the firm", "the company", "the German carmaker", "the watchdog", "the paper", "the
board"; not party/campaign/union/network) → an ORG named among its modifiers, else an ORG named
earlier in its sentence ("… with EgyptAir, the airline said"), else the latest ORG subject or
speaker ≤ 1500 characters back (the document's most mentioned of them when the latest is named only
once: "T-Mobile USA, its US arm, …"), else, in a lead sentence, the first one ≤ 400 characters ahead
("…, the watchdog has said. … the Electoral Commission says"); an ORG inside the quote itself only
when no other is found ("The IMF will cut …, the newspaper reported" is not the IMF); never a
generic word the NER took for a name, an all-capital dateline word, nor for "the central/national
bank" or "the editorial board"; a place's superlative org noun counts as definite ("South Korea's
top carmaker"). A name in apposition to a generic organisation noun that the NER missed is an ORG
("Supporters' group Shareholders United said"). A proper-noun speaker no mention covers ("Barclays
cautioned", "Cardinal O'Connor claimed") gets a synthetic mention of its run of proper nouns: PERSON
after an honorific or title (name without it) or for 2–4 title-case words with no organisation word,
else ORG (a run ending in a corporate suffix — Inc, Corp, Ltd, AG … — is an ORG named by the whole
run even when the NER took part of it for a person: "Yellow Freight System Inc", as is a run ending
in an organisation word: "Germantown Savings Bank"; camel-case words count: "WebSideStory"; a run
whose only mention is a person's first part is that person's full name, outside a headline:
"[Johnny] Depp said"); a unit, subsidiary, division named right before the noun speaks itself ("Acme
Corp's Acme Oil France unit said" → Acme Oil France); an all-capital transcript name first looks for
a mention with that word ("PENCE:" → Mike Pence), in a headline also the first one below it
("MIYAZAWA SAYS …" → Kiichi Miyazawa). Indefinite nominals ("a Kremlin official") stay unresolved,
and so does a later "the adviser" after "an energy adviser". A ministry, department, office … the
NER missed (or named bare: "India’s [Foreign Ministry]") is named from its noun phrase when it holds
a country word or hits the alias table: "China’s Foreign Ministry" → Chinese Foreign Ministry, "the
state department" → State Department, "a Chinese foreign ministry statement" → Chinese Foreign
Ministry (a synthetic ORG mention, reused when the document has one of that name). A definite
document noun with no name in it ("the statement", "their joint statement") → the author of an
earlier mention of that noun (≤ 3 back): a name in its noun phrase, its "by X", or the subject of
the clause it sits in ("saying in a joint statement" → the subject of "saying"). "It" as a subject →
the latest resolved speaker when that is no person and ≤ 1000 characters back ("The statement
criticised … It also said …"). "both leaders", "the two presidents" → one of them (the latest person
subject or speaker; not "both Christian and Islamic leaders").

Parser repairs: a "that"-clause hung on a noun after the verb ("said on a visit to Harbin that
…") is the content; a ccomp cut short (its subject taken as the verb's object, its second half
as the verb's conjunct with its own subject or a modal, or as a second ccomp of the verb that
starts where the first ends: "said [the Iranians released by …] [were close …]") is widened, and
runs over a colon that opens an unquoted explanation to the end of the sentence ("said [it falls
flat for one reason: the pride …]"); a subject with a long
apposition may sit between a quote and its verb; a clause before an inverted cue starts at a
quote a colon sets off inside it ("… lamenting X: “…,” he said" → the quote only); a
"that"-clause with a subject parsed as an adverbial clause ("tweeted in the early hours that
Machado was “disgusting”") is the content; a subjectless reporting participle or conjunct the
parser hung inside a reported clause ("insisted that he has “expanded the party,” [claiming …]",
"told CNN that X is a “faker” [and questioning …]": after ", VBG", or after "and" with another
verb form, its own auxiliary or ", and") ends the clause and reports on its own; a capitalised
word tagged as a verb before a proper noun between a quote and its cue is a name ("“…,” Tulsa
police Chief X said"); a verb form tagged as a noun right after a quote ending in ',”' still
cues it ("“…,” the editorial read"); a cue ending in a colon before a mark ("Mr. Franco added:
“…”") introduces the quote after it, never the one before it, and a clause the parser hung on an
earlier cue across another reporting verb and a colon belongs to that verb ("“A,” Cruz said as
the heckler yelled: “B!”"); a "because/although …" clause hung on the verb right after its
reported clause joins it; an object or xcomp of "say" that holds a finite verb is a reported
clause ("says [the movement that is spreading … appeals to anger]"). "Asked whether …"
participles and "asked not to be named" report no speech of their subject (the question itself
is reported, see indirect).

Limits: verbs are found by surface form, so a verb missing from the table is missed; speakers
and contents are kept inside the cue's paragraph; gender is not used (a "she" after a male
subject can go wrong when no role word intervenes); "they" stays unresolved ("it" only after an
organisation speaker); a
quote whose cue sits in another sentence is attributed only as a floating quote or after a colon.
Runs in linear time over the tokens (about 230k tokens/s of parsed text on the dev machine,
entities excluded).
"""

from __future__ import annotations

import bisect
import re

import numpy as np
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from newsdesk.cleaning import find_dateline
from newsdesk.extract.entities import ALIASES, _norm_key
from newsdesk.extract.types import DocEntities, Mention, Quote
from newsdesk.ids import entity_id

_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def _load_verbs(path: Path) -> dict[str, tuple[str, str]]:
    """Read ``form<TAB>lemma<TAB>kinds`` rows (``#`` comments) into form → (lemma, kinds)."""
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, lemma, kinds = line.split("\t")
        table[form.strip().lower()] = (lemma.strip(), kinds.strip())
    return table


VERBS: dict[str, tuple[str, str]] = _load_verbs(_DATA_DIR / "reporting_verbs.tsv")
_PARTICLES = {f.split(" ", 1)[1] for f in VERBS if " " in f}  # "out", "for", "on", "to"
_FIRST_WORDS = {f.split(" ", 1)[0] for f in VERBS} | {"according"}

# --- quotation marks -------------------------------------------------------------------------
_OPEN_D = {"“", "«", "„"}
_CLOSE_D = {"”", "»"}
_SPACE = set(" \t\n\r\u00a0\u2009\u200a\u202f")
_OPENERS_BEFORE = set("([{—–-/:")  # a mark after these opens a quote
_NEWLINE = "\n"
_PARA_BREAK = re.compile(r"\n\s*")
_NEWLINE_RE = re.compile(r"\n")
_SHOUT_PREFIX = re.compile(r"^[ \t]*([A-Z][A-Z'’.-]{2,})[ \t]*:", re.M)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,400}>")

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "gov", "sen", "rep"}
_PRONOUNS_PERSON = {"he", "she", "i", "him", "her"}
_PRONOUNS_OTHER = {"they", "it", "we", "you", "this", "that", "who", "which"}
_SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
_INHERIT_DEPS = {"conj", "advcl", "xcomp", "ccomp", "parataxis", "dep", "acl", "pcomp"}
_LEFT_NP_DEPS = {"compound", "amod", "det", "poss", "nummod", "nmod", "case", "quantmod", "npadvmod"}
_OBJ_CONTENT_LEMMAS = {"call", "hail", "describe", "characterize", "characterise", "label", "dub", "term",
                       "criticize", "criticise", "praise", "condemn", "accuse", "dismiss", "welcome", "mock",
                       "warn", "urge", "call for", "call on", "promise", "pledge", "vow", "threaten", "demand",
                       "ask", "tout", "blast", "slam", "echo", "cite", "stress", "emphasize", "emphasise",
                       "underscore", "underline", "reiterate", "reaffirm", "announce", "deny", "acknowledge",
                       "recommend", "propose", "request", "affirm", "tell", "post", "tweet", "write", "chant",
                       "thank", "refer to"}
# cues that report only the quoted words of their object ("thanked him for “…”"), never an
# adjacent quote ("…, referring to the resorts. “I assume …”")
_OBJECT_ONLY_LEMMAS = {"thank", "refer to"}
_XCOMP_LEMMAS = {"urge", "call on", "call for", "ask", "warn", "promise", "pledge", "vow", "threaten",
                 "demand", "tell", "advise", "request", "recommend"}
_SOURCE_DOC_NOUNS = {"statement", "report", "readout", "release", "reports", "statements", "communique",
                     "communiqué", "transcript", "account", "post", "tweet", "interview", "letter", "memo",
                     "spokesman", "spokeswoman", "spokesperson", "poll", "survey", "study", "analysis",
                     "estimates", "estimate", "figures", "data", "calculations", "research", "findings"}

# Nominal resolution: role words that are interchangeable, nationality adjectives → country key.
_ROLE_GROUPS = [
    {"president", "leader", "premier", "chancellor", "chairman", "king", "queen", "emperor", "head",
     "counterpart"},
    {"minister", "secretary", "diplomat"},
    {"spokesman", "spokeswoman", "spokesperson"},
]
_ROLE_WORDS = set().union(*_ROLE_GROUPS) | {
    "aide", "official", "ambassador", "envoy", "governor", "senator", "mayor", "chief", "general",
    "commander", "candidate", "nominee", "adviser", "advisor", "lawmaker", "congressman",
    "congresswoman", "representative", "director", "executive", "ceo", "prosecutor", "judge",
    "lawyer", "attorney", "analyst", "fellow", "professor", "researcher", "expert", "economist",
    "businessman", "billionaire", "founder", "manager", "coach", "officer", "pope", "prime",
}
_NATION = {
    "chinese": "china", "russian": "russia", "american": "us", "u.s.": "us", "us": "us", "america": "us",
    "united states": "us", "british": "uk", "britain": "uk", "u.k.": "uk", "uk": "uk", "ukrainian": "ukraine",
    "french": "france", "german": "germany", "japanese": "japan", "indian": "india", "korean": "korea",
    "australian": "australia", "canadian": "canada", "israeli": "israel", "iranian": "iran",
    "turkish": "turkey", "european": "europe", "eu": "europe", "taiwanese": "taiwan", "mexican": "mexico",
    "italian": "italy", "spanish": "spain", "polish": "poland", "saudi": "saudi", "syrian": "syria",
    "democratic": "democrat", "democrat": "democrat", "republican": "republican", "gop": "republican",
}
_QUALIFIERS = {"deputy", "vice", "assistant", "acting", "former", "ex", "junior", "associate", "shadow"}
_STOP_NOMINAL = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
                 "'s", "’s", "former", "then", "current", "new", "top", "senior", "then-", "-", "of"}


@dataclass(slots=True)
class _Cue:
    """A reporting verb (or "according to") with its speaker and content token ranges."""

    first: Token  # first token of the cue
    last: Token  # last token of the cue
    lemma: str
    kinds: str  # "all" or "direct"
    speaker_head: Token | None
    speaker_lo: int | None  # token range of the speaker span (end exclusive)
    speaker_hi: int | None
    content_lo: int | None  # token range of the reported content (end exclusive)
    content_hi: int | None
    content_from: str = ""  # ccomp | xcomp | object | inverted | according


# ================================================================================ quote marks
def _is_open_context(text: str, i: int) -> bool:
    """True when the mark at ``i`` sits where an opening mark goes (after space/start/opener)."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in _SPACE or prev in _OPENERS_BEFORE or prev in _OPEN_D or prev in "‘'\"") and nxt not in _SPACE


def _is_close_context(text: str, i: int) -> bool:
    """True when the mark at ``i`` can close a quote (after a non-space, before space/punct/end)."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev not in _SPACE and not nxt.isalnum()


def _paragraph_end(text: str, i: int) -> int:
    """End of the paragraph containing ``i`` (index of its newline or len), trailing spaces trimmed."""
    j = text.find(_NEWLINE, i)
    j = len(text) if j < 0 else j
    while j > i and text[j - 1] in _SPACE:
        j -= 1
    return j


def _next_paragraph_opens(text: str, nl: int) -> int | None:
    """Index of an opening double mark starting the paragraph after the newline at ``nl``."""
    j = nl
    n = len(text)
    while j < n and text[j] in _SPACE:
        j += 1
    if j < n and (text[j] in _OPEN_D or (text[j] == '"' and _is_open_context(text, j))):
        return j
    return None


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans [start, end) of quoted passages, marks included, in text order.

    Double marks (" “ ” « » „) make top-level quotes; a quote left open at a paragraph end
    continues when the next paragraph opens with a mark (news convention) and is otherwise
    closed at that paragraph's end. Single marks (‘ ’ ') make a quote only outside double
    quotes; apostrophes (Russia’s, don’t, ’90s, leaders’ when nothing is open) are skipped, and
    a single quote left open at the paragraph end is dropped. Two apostrophes or backticks
    ('' ``, NYT archive style) count as one double mark. A closing mark after a line start or
    a space and before a letter, with nothing open, opens a quote (”Fear. …”). A curly
    double quote nested in an open one ("“… what he calls “hell” than …”", see
    ``_nested_close``) stays inside it. Never raises on unbalanced marks.
    """
    norm = text
    if "<" in norm:  # markup left in the body (<tweet author="…">): its attribute values are no quotes
        norm = _TAG.sub(lambda m: " " * len(m.group(0)), norm)
    if "''" in norm or "``" in norm:  # same length, so offsets hold
        norm = norm.replace("''", '"\x01').replace("``", '"\x01')
        return [(a, b + 1 if b < len(norm) and norm[b] == "\x01" else b) for a, b in _scan(norm)]
    return _scan(norm)


def _scan(text: str) -> list[tuple[int, int]]:
    """``find_quote_spans`` on a text whose double marks are single characters."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    open_at: int | None = None
    i = 0
    while i < n:
        c = text[i]
        if c == _NEWLINE and open_at is not None:
            cont = _next_paragraph_opens(text, i)
            if cont is None:  # unbalanced: close at the end of the paragraph
                end = _paragraph_end(text, open_at)
                if end > open_at + 1:
                    spans.append((open_at, end))
                open_at = None
            else:
                i = cont + 1  # skip the re-opening mark of the continued quote
                continue
        elif c in _OPEN_D or c in _CLOSE_D or c == '"':
            if open_at is None:
                if c in _OPEN_D or (c == '"' and not (_is_close_context(text, i) and not _is_open_context(text, i))):
                    open_at = i
                elif c in _CLOSE_D and _reversed_opener(text, i):
                    open_at = i  # ”Fear. I am afraid …” — a closing mark typed as the opener
                # a stray closing mark with nothing open is ignored
            else:
                closes = c in _CLOSE_D or c == '"' or (c == "“" and _is_close_context(text, i))
                if c in _OPEN_D and not closes and _nested_close(text, i) is not None:
                    i = _nested_close(text, i) + 1  # “… what he calls “hell” than …”: one quote
                    continue
                if c in _OPEN_D and not closes:
                    # an opener while open, mid-paragraph: the previous quote lost its closer
                    end = i
                    while end > open_at and text[end - 1] in _SPACE:
                        end -= 1
                    if end > open_at + 1:
                        spans.append((open_at, end))
                    open_at = i
                else:
                    spans.append((open_at, i + 1))
                    open_at = None
        i += 1
    if open_at is not None:
        end = _paragraph_end(text, open_at)
        if end > open_at + 1:
            spans.append((open_at, end))
    spans.extend(_single_quote_spans(text, spans))
    spans.sort()
    return spans


def _nested_close(text: str, i: int) -> int | None:
    """Index of the closer of a double quote nested at ``i`` inside an open one ("“I'd rather
    live in what he calls “hell” than …”"): a ” within 60 characters, with no other mark
    between, followed later in the same paragraph by another ” (the outer closer) before any
    other opening mark. None when the inner opener rather starts a new quote."""
    end = text.find(_NEWLINE, i)
    end = len(text) if end < 0 else end
    j = i + 1
    while j < min(end, i + 61) and text[j] not in _CLOSE_D and text[j] not in _OPEN_D and text[j] != '"':
        j += 1
    if j >= min(end, i + 61) or text[j] not in _CLOSE_D or j == i + 1:
        return None
    k = j + 1
    while k < end and text[k] not in _CLOSE_D and text[k] not in _OPEN_D and text[k] != '"':
        k += 1
    return j if k < end and text[k] in _CLOSE_D else None


def _reversed_opener(text: str, i: int) -> bool:
    """True for a closing double mark used as an opener: nothing is open, it follows a line
    start or a space and a letter or digit follows it (”Sorry Sarah, …”)."""
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in _SPACE or prev in "\u202a\u200e\ufeff") and nxt.isalnum()


def _single_quote_spans(text: str, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotes in single marks outside the double-quoted spans (see ``find_quote_spans``)."""
    out: list[tuple[int, int]] = []
    starts = [s for s, _ in doubles]
    open_at: int | None = None
    for i, c in enumerate(text):
        if c == _NEWLINE:
            open_at = None
            continue
        if c not in "‘’'":
            continue
        k = bisect.bisect_right(starts, i) - 1
        if k >= 0 and doubles[k][0] <= i < doubles[k][1]:
            continue  # nested inside a double quote: part of that quote
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # apostrophe inside a word: Russia’s, don’t
        if open_at is None:
            if c in "‘'" and _is_open_context(text, i):
                if nxt.isdigit() and text[i + 1:i + 4].rstrip("0123456789") in ("s", "s ", "s,", "s.", ""):
                    continue  # ’90s, '20
                open_at = i
        elif _is_close_context(text, i) and c in "’'":
            out.append((open_at, i + 1))
            open_at = None
    return out


# ================================================================================ cues
class _Sent:
    """Token range of one sentence (cheap stand-in for spaCy's Span)."""

    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


class _Sents:
    """Sentence of a token by index, computed once per document (``Token.sent`` is slow)."""

    def __init__(self, doc: Doc):
        self.list = [_Sent(s.start, s.end) for s in doc.sents] or [_Sent(0, len(doc))]
        self.starts = [s.start for s in self.list]

    def of(self, i: int) -> _Sent:
        return self.list[max(0, bisect.bisect_right(self.starts, i) - 1)]


class _Paragraphs:
    """Paragraph index of a character offset (paragraphs end at a newline)."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in _NEWLINE_RE.finditer(text)]

    def of(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1


def _past_dateline(doc: Doc, paras: _Paragraphs, subj: Token, verb: Token) -> Token | None:
    """The subject when the parser took the place of a dateline for it ("[SAN DIEGO], March 5 -
    Pacific Southwest Airlines said", "[WALL], N.J., March 6 - New Jersey Resources said"): the
    last noun before the verb after the dateline (its left modifiers make the span), or None
    when there is none. Other subjects are returned unchanged."""
    start = paras.starts[paras.of(subj.idx)]
    if subj.idx - start > 60 or not subj.is_upper:
        return subj
    line_end = doc.text.find("\n", start)
    dl = find_dateline(doc.text[start:line_end if line_end >= 0 else len(doc.text)])
    if dl is None or subj.idx >= start + dl.end:
        return subj
    for t in reversed(doc[verb.i - 12 if verb.i > 12 else 0:verb.i]):
        if t.idx < start + dl.end:
            return None
        if t.tag_ in ("NNP", "NNPS", "NN", "NNS"):
            return t
    return None


def _cue_of(tok: Token) -> tuple[str, str, Token] | None:
    """(lemma, kinds, last token) when ``tok`` is a reporting verb (or "according to")."""
    low = tok.lower_
    if low not in _FIRST_WORDS:
        return None
    if low == "according":
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ == "to":
            return "according to", "all", nxt
        return None
    if not tok.tag_.startswith("VB") or tok.dep_ == "amod":
        return None
    for child in tok.children:
        if child.i > tok.i and child.lower_ in _PARTICLES and (
                child.dep_ in ("prt", "prep", "advmod") or (child.dep_ == "dobj" and child.lower_ == "it")):
            hit = VERBS.get(f"{low} {child.lower_}")
            if hit and child.i <= tok.i + 2:
                return hit[0], hit[1], child
    hit = VERBS.get(low)
    if hit and hit[0] == "call" and tok.i + 1 < len(tok.doc):
        nxt = tok.nbor(1)  # "called for [all candidates to lay out …]": "for" parsed as a clause mark
        if nxt.lower_ == "for" and nxt.dep_ == "mark" and nxt.head.dep_ == "advcl" and nxt.head.head.i == tok.i:
            return "call for", VERBS.get(f"{low} for", ("call for", "all"))[1], nxt
    if hit and " " not in hit[0]:
        return hit[0], hit[1], tok
    return None


_ASKED = {"asked", "pressed", "questioned", "challenged"}


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


def _np_span(head: Token) -> tuple[int, int]:
    """Token range of a noun phrase: the head and its left modifiers (no appos/relcl/prep),
    never crossing a line break."""
    lo = head.i
    for child in head.lefts:
        if child.dep_ in _LEFT_NP_DEPS:
            lo = min(lo, child.left_edge.i)
    doc = head.doc
    for i in range(head.i - 1, lo - 1, -1):  # stay inside the head's line, after a dateline dash
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_ or _is_dash(doc, i):
            lo = i + 1
            break
    while lo < head.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return lo, head.i + 1


def _is_dash(doc: Doc, i: int) -> bool:
    """A dateline dash or colon ("BEIJING - Beijing said"), not a hyphen inside a name."""
    t = doc[i].text
    if t in ("—", "–", "--", ":"):
        return True
    return t == "-" and bool(doc[i].whitespace_) and i > 0 and bool(doc[i - 1].whitespace_)


_RELATIVE = {"who", "which", "that", "whom"}


_CARRIER_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "appos", "ROOT"}  # not pobj: "heard on a microphone telling"
_ISSUED_NOUNS = {"statement", "statements", "release", "letter", "memo", "post", "tweet", "tweets", "readout",
                 "communique", "communiqué", "article", "email", "e-mail", "message", "note", "video", "ad",
                 "advertisement", "op-ed", "editorial", "column", "comments", "remarks", "speech", "report"}


def _postverbal_speaker(verb: Token, last: Token) -> Token | None:
    """Speaker of an inverted cue the parser gave an object instead of a subject ("“…,” opined
    [Cleveland’s Plain Dealer].", "“…!” wrote [a man] calling himself …"): the noun phrase right
    after the verb, when the verb follows a closing quote mark (and its comma)."""
    doc = verb.doc
    j = verb.i - 1
    opening = verb.is_sent_start and verb.text[:1].isupper()  # "Said Ellis: “…”"
    if not opening and (j < 0 or not (doc[j].tag_ == "''" or (doc[j].text == "," and j > 0
                                                                and doc[j - 1].tag_ == "''"))):
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
        if t.text in (",", ".", ";", ":") or "\n" in t.text:
            break
        if t.ent_type_ in ("DATE", "TIME") or not (t.tag_ in _POSTVERBAL_TAGS or (t.is_title and t.is_alpha)):
            return None
        if t.tag_.startswith("NN") or t.is_title:
            head = t
        j += 1
    return head if j - last.i <= _MAX_POSTVERBAL else None


_MAX_POSTVERBAL = 6
_POSTVERBAL_TAGS = {"NN", "NNS", "NNP", "NNPS", "DT", "JJ", "PRP$", "POS", "HYPH", "CD"}
_MAX_NAME_BACK = 30  # tokens


def _name_before_verb(verb: Token, sent_start: int) -> Token | None:
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


# verbs whose xcomp takes the subject, not the object ("promised voters to …", "used the comments
# to urge …")
_SUBJECT_CONTROL = {"promise", "promised", "promises", "promising", "vow", "vowed", "threatened", "offered",
                    "use", "used", "uses", "using"}


def _across_mark(subj: Token, verb: Token) -> bool:
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


def _subject(verb: Token) -> Token | None:
    """Subject of ``verb``: nsubj, passive agent, the noun a relative clause hangs on, or the
    subject inherited from the governing verb ("Xi said …, adding …", "responded by affirming")."""
    tok: Token | None = verb
    for _ in range(5):
        if tok is None:
            return None
        agent = None
        # the nearest subject: a sentence run over a headline can give a verb two of them
        for child in sorted(tok.children, key=lambda c: abs(c.i - tok.i)):
            if child.dep_ in ("nsubj", "csubj") and not _across_mark(child, tok):
                return child  # a relative "who" stays as written; _Resolver follows it
        for child in tok.children:
            if child.dep_ == "agent":
                agent = next((g for g in child.children if g.dep_ == "pobj"), None)
        if agent is not None:
            return agent
        for child in tok.children:
            if child.dep_ == "nsubjpass" and tok.lower_ not in ("told", "asked", "quoted"):
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
                while nxt.dep_ == "ccomp" and nxt.head.i != nxt.i and _cue_of(nxt.head) is not None:
                    nxt = nxt.head
            tok = nxt
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


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Drop punctuation (but not quote marks), 'that' and spaces at the edges of a token range."""
    while lo < hi and (doc[lo].is_space or (doc[lo].is_punct and not doc[lo].is_quote)
                       or (doc[lo].lower_ in ("that", "whether", "if") and doc[lo].dep_ == "mark")):
        lo += 1
    while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].tag_ == "CC"
                       or (doc[hi - 1].is_punct and not doc[hi - 1].is_quote)):
        hi -= 1
    return lo, hi


def _content_of(verb: Token, lemma: str, last: Token, kinds: str, sents: _Sents) -> tuple[int, int, str] | None:
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
    if not ccomp:  # "tweeted in the early hours [that Machado was “disgusting”]" parsed as advcl
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
        lo, hi = _trim(doc, lo, hi)
        return lo, hi, "ccomp"
    if (verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i < verb.i and lemma in _OBJ_CONTENT_LEMMAS
            and doc[verb.i - 1].text != ","):
        return None  # "a short film called “Tenemos Familias”": a name, not what anyone said
    if lemma in _XCOMP_LEMMAS or lemma in _OBJ_CONTENT_LEMMAS:
        right = [c for c in verb.children if c.i > last.i and c.dep_ in ("dobj", "xcomp", "oprd", "dative",
                                                                           "attr", "ccomp", "prep")]
        if lemma in ("call for", "call on"):
            right = [c for c in last.children if c.dep_ == "pobj"] + [c for c in right if c.dep_ == "xcomp"]
        elif lemma == "refer to":  # "referred to Rubio as “a bright leader”"; no "as": no content
            as_ = [c for c in right if c.lower_ == "as"]
            right = [c for c in last.children if c.dep_ == "pobj"] + as_ if as_ else []
        preps = ("as", "against", "of", "for") if kinds == "direct" else ("as", "against", "of")
        right = [c for c in right if c.dep_ != "prep" or c.lower_ in preps or _quoted_for(c)]
        if lemma in _XCOMP_LEMMAS:  # "tells his supporters at a rally [to “go …”]" parsed as advcl
            right += [c for c in verb.children if c.i > last.i and c.dep_ == "advcl"
                      and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)]
        if right:
            kind = "xcomp" if any(c.dep_ == "xcomp" for c in right) and lemma in _XCOMP_LEMMAS else "object"
            lo = min(c.left_edge.i for c in right)
            hi = max(c.right_edge.i for c in right) + 1
            if lemma in _OBJ_CONTENT_LEMMAS:
                hi = _through_quote(doc, hi, sents.of(verb.i).end)
                hi = _close_open_quote(doc, lo, hi, sents.of(verb.i).end)
                hi = _into_next_quote(doc, hi, sents.of(verb.i).end)
            lo, hi = _trim(doc, lo, hi)
            return lo, hi, kind
    else:
        found = _quoted_object(doc, verb, last, sents) if lemma not in _NOT_QUOTED_OBJECT else None
        if found is not None:
            return found
    found = _as_clause_content(doc, verb, lemma, last, sents)
    if found is not None:
        return found
    # inverted cue: "CLAUSE, X said." — the verb hangs on the clause it reports, which precedes
    # it, and nothing but punctuation follows the verb's own phrase
    head = verb.head
    sent = sents.of(verb.i)
    _sep = (",", "—", "–")
    le, re_ = verb.left_edge.i, verb.right_edge.i
    set_off_left = le > sent.start and (doc[le].text in _sep or doc[le - 1].text in _sep)
    if (verb.dep_ in ("ccomp", "parataxis", "conj") and head.i < verb.i and sents.of(head.i) is sent
            and set_off_left and verb.right_edge.i >= _end_without_space(doc, sent) - 2):
        lo, hi = _trim(doc, head.left_edge.i, verb.left_edge.i)
        if hi - lo >= 3:
            return lo, hi, "inverted"
    # parenthetical cue: "Many of the closures, he said, have involved …" — the reported clause is
    # the whole sentence around the ", X said," (the span keeps the cue inside)
    set_off_right = doc[re_].text in _sep or (re_ + 1 < sent.end and doc[re_ + 1].text in _sep)
    if (verb.dep_ in ("parataxis", "ccomp", "advcl", "conj") and set_off_left and set_off_right
            and re_ + 2 < sent.end and _cue_of(head) is None):
        lo, hi = _trim(doc, sent.start, sent.end)
        if hi - lo - (re_ + 1 - le) >= 4:
            return lo, hi, "parenthetical"
    return None


_ADDRESSEE_LEMMAS = {"tell", "assure", "inform", "remind", "warn", "advise", "brief"}


def _inverted_over_addressee(verb: Token, sents: "_Sents") -> tuple[int, int, str] | None:
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
    if verb.right_edge.i < _end_without_space(doc, sent) - 2:
        return None
    if any(k.dep_ in ("ccomp", "xcomp", "advcl") and k.i > verb.i for k in verb.children) or any(
            t.is_quote for t in doc[verb.i:verb.right_edge.i + 1]):
        return None
    if not any(k.dep_ == "nsubj" and k.i < verb.i for k in verb.children):
        return None
    lo, hi = _trim(doc, head.left_edge.i, le)
    return (lo, hi, "inverted") if hi - lo >= 3 else None


_COMMA_CUE_DEPS = ("ROOT", "parataxis", "ccomp", "advcl", "conj")


def _comma_cue_sentence(verb: Token, last: Token, sents: "_Sents") -> tuple[int, int, str] | None:
    """A cue set off by commas inside the sentence it reports, when the parser hung the words
    before it on the verb ("[Voters, Clinton suggested, don't have to worry …]", "[If the
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
    lo, hi = _trim(doc, sent.start, sent.end)
    while lo > sent.start and doc[lo - 1].dep_ == "mark" and doc[lo - 1].is_alpha:
        lo -= 1  # keep "If …": it belongs to what was said
    if _cue_of(doc[lo]) is not None or not any(t.is_alpha for t in doc[lo:start - 1]):
        return None
    after = [t for t in doc[end + 1:hi] if t.is_alpha]
    if len(after) < 3 or not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[end + 1:hi]):
        return None
    if (end + 2 < len(doc) and doc[end + 1].is_quote and doc[end + 2].text[:1].isupper()) or any(
            t.text == ":" and doc[t.i + 1].is_quote for t in doc[end + 1:hi - 1]):
        return None  # "…, he said, “We …”" and "…: “…”" introduce a quote of their own
    return lo, hi, "parenthetical"


_QUOTED_OBJECT_PREPS = ("as", "for", "against", "of", "on", "to")
# table verbs whose object is rarely speech ("showed the “conduct of …”", "add a new title: “…”")
_NOT_QUOTED_OBJECT = {"show", "add", "answer", "agree", "learn", "find", "wonder", "read", "publish",
                      "remind", "respond", "indicate", "signal", "estimate", "continue"}


def _quoted_object(doc: Doc, verb: Token, last: Token, sents: _Sents) -> tuple[int, int, str] | None:
    """Content of any table verb without a clause whose object holds quoted words: the object with
    its as/for/… attachment through the quoted fragment ("blasted the media for being
    “dishonest.”", "proclaimed a goal of “Peace Through Strength.”", "exhorted Republicans to
    “vote your conscience”"). None when no quote mark falls inside (the object is no speech)."""
    right = [c for c in verb.children if c.i > last.i and (
        c.dep_ in ("dobj", "xcomp", "oprd", "dative", "attr")
        or (c.dep_ == "prep" and c.lower_ in _QUOTED_OBJECT_PREPS))]
    if last is not verb:  # "has gone after [Trump] as a “human leech”": the particle's object
        right += [c for c in last.children if c.dep_ in ("pobj", "prep") and c.i > last.i]
    if not any(c.dep_ != "prep" for c in right):
        return None
    lo = min(c.left_edge.i for c in right)
    hi = max(c.right_edge.i for c in right) + 1
    sent = sents.of(verb.i)
    hi = min(_through_quote(doc, hi, sent.end), sent.end)
    hi = _close_open_quote(doc, lo, hi, sent.end)
    hi = _into_next_quote(doc, hi, sent.end)
    lo, hi = _trim(doc, lo, hi)
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
    return any(_cue_of(t) is not None for t in doc[last.i + 1:j])


def _into_next_quote(doc: Doc, hi: int, sent_end: int) -> int:
    """``hi`` moved over an opening mark that follows a reported clause with no punctuation in
    between, so that the quoted passage it opens (which may run over several sentences) joins
    the clause ("added that he was the only one “fighting to defend the Constitution. I’ll …”")."""
    if hi < min(len(doc), sent_end + 1) and doc[hi].tag_ == "``" and not doc[hi - 1].is_punct:
        return hi + 1
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
    if end <= lo or _cue_of(doc[end - 1]) is None:
        return hi
    for j in range(end - 2, max(lo, end - 8), -1):
        if doc[j].text == "," or doc[j].tag_ == "''":  # the cue's subject runs from j + 1
            if end - 1 - (j + 1) >= 1 and all(t.tag_ in ("DT", "NN", "NNS", "NNP", "NNPS", "PRP", "JJ", "POS",
                                                           "PRP$") for t in doc[j + 1:end - 1]):
                return j + 1 if doc[j].tag_ == "''" else j  # keep a closing mark, drop a comma
            return hi
    return hi


def _over_colon(doc: Doc, hi: int, sent: "_Sent") -> int:
    """``hi`` moved to the end of the sentence when a colon right after the reported clause opens
    an unquoted explanation ("said [it falls flat for one reason: the pride he feels …]")."""
    end = _end_without_space(doc, sent)
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


def _as_clause_content(doc: Doc, verb: Token, lemma: str, last: Token, sents: _Sents) -> tuple[int, int, str] | None:
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
    le, re_ = verb.left_edge.i, verb.right_edge.i
    if verb.i > head.i or lemma in ("learn", "mention"):  # "CLAUSE, as X noted." is too often no report
        return None
    if re_ + 1 >= len(doc) or doc[re_ + 1].text != "," and doc[re_].text != ",":
        return None
    lo, hi = re_ + 1, max(head.right_edge.i + 1, re_ + 1)
    lo, hi = max(lo, sent.start), min(hi, sent.end)
    lo, hi = _trim(doc, lo, hi)
    return (lo, hi, "inverted") if hi - lo >= 3 else None


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
    ("tweeted in the early morning hours [that Machado was …]")."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.i > last.i and c.left_edge.lower_ == "that" and c.left_edge.i > last.i \
                and any(k.dep_ in ("nsubj", "nsubjpass") and k.lower_ not in _RELATIVE for k in c.children):
            return [c]
    return []


def _cut_at_inner_cue(doc: Doc, c: Token, lo: int, hi: int) -> int:
    """End of a reported clause [lo, hi) cut before a subjectless reporting participle or conjunct
    that the parser hung inside it ("insisted that he has “expanded the party,” [claiming that …]",
    "told CNN that Trump is a “faker” [and questioning how …]"): that cue reports on its own."""
    for t in doc[c.i + 1:hi]:
        if t.dep_ not in ("advcl", "conj", "xcomp") or not t.tag_.startswith("VB") or t.head.i < lo:
            continue
        if any(k.dep_ in _SUBJ_DEPS for k in t.children) or _cue_of(t) is None:
            continue
        start = t.left_edge.i
        prev = doc[start - 1] if start > lo else None
        if prev is None:
            continue
        if t.dep_ == "conj":
            # "that Trump is a “faker” [and questioning …]", "would offer … [but did not suggest …]"
            # (another form, own auxiliary, or ", and") parallel the cue, while "he'd sit Putin
            # down and tell him …" continues the reported clause
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
def _end_without_space(doc: Doc, sent: "_Sent") -> int:
    """End of a sentence without the line-break tokens that close a paragraph."""
    end = sent.end
    while end > sent.start + 1 and doc[end - 1].is_space:
        end -= 1
    return end


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


_DATIVE_LEMMAS = {"tell", "ask", "inform", "remind", "assure", "warn", "advise", "urge", "brief", "promise",
                  "notify", "caution", "convince", "persuade", "reassure", "email", "text", "write", "show"}


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
        if d.dep_ != "conj" or d.i < hi or _cue_of(d) is not None:
            continue
        subj = [k for k in d.children if k.dep_ in ("nsubj", "nsubjpass")]
        modal = any(k.dep_ == "aux" and k.tag_ == "MD" for k in d.children)
        # a conjunct with its own (non-pronoun) subject or a modal belongs to the reported clause;
        # one without ("denies it …, but has sought …") is the speaker's next action
        if (subj and all(k.lower_ not in _PRONOUNS_PERSON for k in subj)) or (modal and not subj):
            if all(t.dep_ in ("punct", "cc", "advmod") or t.is_space for t in doc[hi:d.left_edge.i]):
                hi = d.right_edge.i + 1
    return lo, hi


_AS_LEMMAS = {"describe", "characterize", "characterise", "portray", "declare", "depict", "brand", "label"}
# verbs whose object and one preposition phrase state a charge ("accused Russia of a build-up")
_PREP_CONTENT = dict.fromkeys(_AS_LEMMAS, "as") | {"accuse": "of", "charge": "with", "criticize": "for",
                                                   "criticise": "for"}


def _as_content(verb: Token, last: Token, prep: str = "as") -> tuple[int, int, str] | None:
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
    lo, hi = _trim(verb.doc, lo, as_.right_edge.i + 1)
    return (lo, hi, "as") if hi - lo >= 3 else None


_NP_OBJECT_LEMMAS: set[str] = {
    # evaluations of a person, plan or statement
    "criticize", "criticise", "praise", "condemn", "denounce", "decry", "blame", "accuse", "mock", "deride",
    "chide", "hail", "tout", "dismiss", "reject", "question", "dispute", "defend", "slam", "rebut", "blast",
    "welcome",
    # telling of a topic or proposal
    "announce", "mention", "cite", "note", "describe", "acknowledge", "confirm", "deny", "reiterate", "echo",
    "stress", "emphasize", "emphasise", "predict", "propose", "recommend", "call for", "explain", "reaffirm",
    "report", "repeat", "reveal", "disclose", "promise", "demand",
    # what a speaker points at ("…,” Trump said, referring to [Cruz]"; "She pointed to [the polls]")
    "refer to", "point to", "point out", "recall", "tweet",
    # added by their hit rate on PolNeAR train (≥ 0.6 of the objects are gold contents); these
    # take an inanimate subject figuratively ("the results suggest …"), see _ANIMATE_ONLY_LEMMAS
    "highlight", "suggest", "remind", "email", "recount", "vow", "assert", "allege",
    "bemoan", "attack",
}
_ANIMATE_ONLY_LEMMAS = {"highlight", "suggest", "remind", "email", "recount", "vow", "assert", "allege",
                        "bemoan", "attack"}
# common-noun heads that can speak (with _ROLE_WORDS, _ORG_NOUNS, _SOURCE_DOC_NOUNS)
_SPEAKING_NOUNS = {"voters", "critics", "democrats", "republicans", "officials", "candidates", "supporters",
                   "members", "leaders", "groups", "campaign", "campaigns", "administration", "opponents",
                   "lawmakers", "activists", "party", "aides", "advocates", "protesters", "others", "some",
                   "many", "both", "all", "people", "residents", "conservatives", "liberals", "experts",
                   "analysts", "candidate", "committee", "commission", "court", "government", "senators",
                   "delegates", "column", "editorial", "ad", "ads", "pacs"}
_POINTING_LEMMAS = {"refer to", "point to", "point out"}
# subjects whose "show" reports a finding: "the poll shows [Clinton with a double-digit lead]"
_SHOW_SOURCES = {"poll", "polls", "survey", "surveys", "records", "results", "data", "figures", "numbers",
                 "study", "studies", "documents", "emails", "filings", "returns", "statistics", "tally",
                 "count", "analysis", "reports", "report", "research", "polling", "estimates"}
_LATE_NP_LEMMAS = _POINTING_LEMMAS | {"recall", "tweet"}
_NP_OBJECT_PREPS = ("for", "of", "as", "over", "against")
# xcomp: "kept criticizing X" ("to" infinitives are dropped by _np_object_cue)
_NP_OBJECT_DEPS = ("ROOT", "advcl", "conj", "parataxis", "xcomp")
_PRONOUN_TAGS = ("PRP", "DT", "WDT", "EX")


def _np_object_cue(cue: _Cue) -> bool:
    """True when ``cue`` reports its unquoted noun-phrase object (see ``_np_object_content``):
    a speech-act verb of ``_NP_OBJECT_LEMMAS`` (or *call* with a second complement, "calling
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
                or cue.speaker_head.lower_ not in _SHOW_SOURCES or cue.content_lo is None
                or verb.dep_ not in _NP_OBJECT_DEPS + ("acl",)):
            return False
    elif cue.lemma not in _NP_OBJECT_LEMMAS or cue.content_from not in ("object", "npobject"):
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
    doc = verb.doc  # a lone pronoun object ("mentioned it", not widened by _np_object_tail)
    return not (cue.content_hi - cue.content_lo == 1 and doc[cue.content_lo].tag_ in _PRONOUN_TAGS)


def _can_speak(head: Token) -> bool:
    """True for a subject head that can make a speech act: a name, a pronoun, "who", a PERSON/ORG/
    NORP/GPE mention, a role, organisation or document noun, or a noun for people ("critics")."""
    low = head.lower_
    return (head.tag_ in ("NNP", "NNPS", "PRP") or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or low == "who" or low in _SPEAKING_NOUNS or low in _ROLE_WORDS or low in _ORG_NOUNS
            or low in _SOURCE_DOC_NOUNS)


_EXT_SRC = {"npobject", "ccomp", "object", "xcomp"}  # contents run on by _to_sentence_end


def _to_sentence_end(doc: Doc, lo: int, hi: int, end: int) -> int:
    """``hi`` of unmarked content moved to ``end`` (the cue's subtree end within its sentence),
    the way PolNeAR spans run, unless a quote mark, line break, ; : — – ( or another reporting
    verb comes first; spans with quote marks and lone pronouns keep their end."""
    if any(t.is_quote for t in doc[lo:hi]) or (hi - lo == 1 and doc[lo].tag_ in _PRONOUN_TAGS):
        return hi  # a mixed span keeps its closing mark at the end; "mentioned it twice" stays a pronoun
    j = hi
    while j < end:
        t = doc[j]
        if t.is_quote or "\n" in t.text or t.text in (";", ":", "—", "–", "(") or (t.tag_.startswith("VB") and _cue_of(t) is not None):
            return hi
        j += 1
    return _trim(doc, hi, end)[1] if end > hi else hi


# governors of an infinitive that did not (yet) happen: "refused to attack X", "wants to praise X"
_NOT_DONE = {"refuse", "refused", "refuses", "refusing", "decline", "declined", "declines", "declining", "fail",
             "failed", "fails", "failing", "want", "wants", "wanted", "wanting", "plan", "plans", "planned",
             "planning", "hope", "hopes", "hoped", "hoping", "expect", "expected", "expects", "intend", "intends",
             "intended", "try", "tried", "tries", "trying", "need", "needs", "needed", "seek", "seeks", "sought",
             "hesitate", "hesitated", "would", "like", "able", "unwilling", "reluctant", "willing", "ready",
             "likely", "unlikely", "chance", "effort", "decision", "opportunity", "time", "reason", "reasons"}


def _reporting_infinitive(cue: _Cue) -> bool:
    """True for a "to" infinitive that reports what its speaker did ("went on ABC to defend [his
    staff shake-up]", "continued to question [Cruz's temperament]"): an xcomp or adverbial clause
    whose subject can speak, not negated, not under a verb of intent or failure (``_NOT_DONE``:
    "refused to attack her rivals", "wants to praise X")."""
    v = cue.first
    return (v.dep_ in ("xcomp", "advcl") and v.head.lower_ not in _NOT_DONE
            and cue.speaker_head is not None and _can_speak(cue.speaker_head)
            and not any(k.dep_ == "neg" for k in v.children) and not any(k.dep_ == "neg" for k in v.head.children))


_PCOMP_NOT = {"without", "of", "despite", "instead", "than", "against", "from", "short"}


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


_BE_FORMS = {"is", "was", "are", "were", "be", "been", "being", "'s", "’s", "'re", "’re", "am", "'m", "’m"}


def _bare_conjuncts_end(verb: Token, hi: int) -> int:
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
    return _trim(doc, verb.i, hi)[1]


def _np_object_content(verb: Token, lemma: str, last: Token) -> tuple[int, int, str] | None:
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
    lo, hi = _trim(doc, lo, hi)
    return (lo, hi, "npobject") if hi > lo else None


_NP_TAIL_DEPS = {"prep", "advcl", "xcomp", "npadvmod", "advmod", "oprd", "ccomp", "dative", "acomp"}


def _np_object_tail(verb: Token, lo: int, hi: int) -> int:
    """``hi`` moved over the verb's modifiers that follow its object without a comma
    ("announced [a concert in support of Sanders]", "slammed [Trump University for …]",
    "described [the dinner as …]"), the way the gold spans run; never over a quote mark."""
    doc = verb.doc
    for c in sorted((c for c in verb.children if c.i >= hi and c.dep_ in _NP_TAIL_DEPS), key=lambda c: c.i):
        if c.left_edge.i > hi or any(t.is_quote or t.text in (",", ";", ":", "—", "–") or "\n" in t.text
                                     for t in doc[hi:c.right_edge.i + 1]):
            break
        hi = c.right_edge.i + 1
    return _trim(doc, lo, hi)[1]


def _as_noted_content(verb: Token, sents: _Sents) -> tuple[int, int, str] | None:
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
            k.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for k in kids):
        return None
    doc = verb.doc
    sent = sents.of(verb.i)
    le, re_ = verb.left_edge.i, verb.right_edge.i + 1
    before = _trim(doc, sent.start, le)
    after = _trim(doc, re_, sent.end)
    nb, na = before[1] - before[0], after[1] - after[0]
    if nb >= 3 and na >= 3:
        lo, hi = _trim(doc, sent.start, sent.end)
    elif max(nb, na) >= 3:
        lo, hi = before if nb >= na else after
    else:
        return None
    while lo < hi and doc[lo].tag_ == "CC":  # "But as Clyburn noted, …"
        lo += 1
    return (lo, hi, "as") if hi > lo else None


def _call_for_clause(verb: Token, last: Token) -> tuple[int, int, str] | None:
    """What "call for X to do Y" asks for, the infinitive included: "called for [all candidates to
    lay out …]" ("for" parsed as the mark of the clause) and "called for [the minister to resign]"
    (the infinitive hung on the verb right after the object of "for")."""
    doc = verb.doc
    if verb.dep_ not in _NP_OBJECT_DEPS:  # "those calling for …" names people, not a speech act
        return None
    if last.dep_ == "mark":
        clause = last.head
        return _trim(doc, last.i + 1, clause.right_edge.i + 1) + ("xcomp",)
    pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    for c in verb.children:
        if (c.dep_ in ("advcl", "xcomp") and c.left_edge.i == pobj.right_edge.i + 1
                and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)):
            return _trim(doc, pobj.left_edge.i, c.right_edge.i + 1) + ("xcomp",)
    return None


_QUESTION_MARKS = {"if", "whether"}
_WH_WORDS = {"what", "why", "how", "who", "whom", "which", "when", "where", "whose"}


def _question_put(tok: Token, paras: "_Paragraphs", sents: _Sents) -> _Cue | None:
    """Cue for the question of a bare "Asked whether/if/why …" participle: the question is
    reported (PolNeAR marks it), but its subject only answers it, so the speaker is the
    asker named by "by" ("Asked by a caller why …"). Without a "by" asker there is no cue: a
    question with nobody's name on it ("Asked whether …, the mayor said no") would be a
    speakerless row in the warehouse that tells an analyst nothing."""
    if tok.lower_ != "asked" or tok.tag_ not in ("VBN", "VBD"):
        return None
    doc = tok.doc
    clause = next((c for c in tok.children if c.i > tok.i and c.dep_ in ("ccomp", "advcl", "xcomp")
                   and (_first_mark(c) in _QUESTION_MARKS or c.left_edge.lower_ in _WH_WORDS)), None)
    if clause is None:
        return None
    lo, hi = _trim(doc, clause.left_edge.i, clause.right_edge.i + 1)
    clipped = _clip(doc, paras, tok, lo, hi)
    if clipped is None:
        return None
    agent = next((c for c in tok.children if c.dep_ == "agent" and c.i < clause.i), None)
    head = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    if head is None:
        return None
    slo, shi = _np_span(head)
    return _Cue(tok, tok, "ask", "all", head, slo, shi, clipped[0], clipped[1], "question")


def _question_clause(verb: Token) -> tuple[int, int, str] | None:
    """The question an "ask" verb reports when the parser hung it as an adverbial clause:
    "asked the students [if they were …]", "asked him [whether …]"."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.i > verb.i and _first_mark(c) in _QUESTION_MARKS:
            lo, hi = _trim(verb.doc, c.left_edge.i, c.right_edge.i + 1)
            return (lo, hi, "ccomp") if hi > lo else None
    return None


def _first_mark(clause: Token) -> str:
    """Lower-cased text of the clause's first token when it is its mark ("if", "whether")."""
    first = clause.left_edge
    return first.lower_ if first.dep_ == "mark" and first.head.i == clause.i else ""


_REASON_MARKS = {"because", "although", "though", "unless", "since"}  # not "while": often another party


def _reason_tail(verb: Token, hi: int) -> int:
    """``hi`` moved over a "because/although …" clause the parser hung on the reporting
    verb right after its reported clause ("said it left the meetings out [because …]"): the
    reason belongs to what was said (as PolNeAR spans it)."""
    doc = verb.doc
    for d in verb.children:
        if d.dep_ != "advcl" or d.left_edge.i < hi or _cue_of(d) is not None:
            continue
        first = d.left_edge
        if first.lower_ in _REASON_MARKS and first.dep_ == "mark" and all(
                t.text == "," or t.is_space for t in doc[hi:first.i]):
            hi = d.right_edge.i + 1
    return hi


_SO_WORDS = {"so", "yes", "no"}


def _said_so(verb: Token) -> tuple[int, int, str] | None:
    """The one-word answer of "said so" / "said yes" / "said no" (poll answers: "75 percent
    of Democrats said yes"), and "said [the same of Trump]", "said [as much]"."""
    for c in verb.children:
        if c.i == verb.i + 1 and c.lower_ in _SO_WORDS and c.dep_ in ("advmod", "intj", "dobj", "npadvmod"):
            return c.i, c.i + 1, "so"
        if c.i > verb.i and c.left_edge.i == verb.i + 1 and c.dep_ in ("dobj", "advmod") and (
                (c.lower_ == "same" or (c.lower_ == "thing" and any(k.lower_ == "same" for k in c.lefts)))
                or (c.lower_ == "much" and c.left_edge.lower_ == "as")):
            return c.left_edge.i, _np_object_tail(verb, c.left_edge.i, c.right_edge.i + 1), "so"
    return None


def _said_clause_object(verb: Token) -> tuple[int, int, str] | None:
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
    hi = _np_object_tail(verb, lo, hi)
    return (lo, hi, "ccomp") if hi > lo else None


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
                        and any(k.dep_ in ("nsubj", "nsubjpass") and k.lower_ not in _RELATIVE for k in kids)):
                    return c
        tok = next((c for c in obj.children if c.dep_ == "prep"), None)
        if tok is None:
            return None
    return None


def _according_content(tok: Token, to: Token, sents: _Sents) -> tuple[int, int] | None:
    """The clause an "according to X" phrase modifies: its sentence minus the phrase."""
    doc = tok.doc
    sent = sents.of(tok.i)
    phrase_lo = min(tok.left_edge.i, tok.i)
    phrase_hi = max(to.right_edge.i, tok.right_edge.i) + 1
    before = _trim(doc, sent.start, phrase_lo)
    after = _trim(doc, phrase_hi, sent.end)
    best = before if before[1] - before[0] >= after[1] - after[0] else after
    return best if best[1] - best[0] >= 2 else None


_CALL_NOUNS = {"call", "calls"}
_CLAIM_NOUNS = {"claim", "claims", "pledge", "pledges", "promise", "promises", "vow", "vows"}
_NOUN_CUE_VERBS = {"make", "made", "makes", "making", "renew", "renewed", "renews", "renewing", "repeat",
                   "repeated", "include", "included", "includes", "issue", "issued", "reiterate", "reiterated",
                   "expand", "expanded", "open", "opened"}


def _noun_cues(doc: Doc, paras: _Paragraphs) -> list[_Cue]:
    """Speech-act nouns with their content: "Trump's call [for a ban on …]", "renewed calls
    [for a special prosecutor]", "his recent call [to ban …]", "Sanders's claim [that he still
    has a way …]", "included a pledge [to oppose any “further escalation”]". The speaker is the
    possessor ("Trump's", "his"), the "by" agent ("claims by intelligence agencies"), or the
    subject of a verb that makes, renews or includes the noun ("the statement included a
    pledge" → the statement); without one the noun is no cue. Content: the "for" object, a
    "to"-infinitive, or a "that"-clause hung on the noun, and only when it holds quoted words
    (unquoted ones are rarely marked on PolNeAR train: "his call for a ban" is mostly not);
    these cues never take an adjacent quote (content_from "noun")."""
    out: list[_Cue] = []
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
        lo, hi = _trim(doc, *content)
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
        clipped = _clip(doc, paras, tok, lo, hi)
        if clipped is None:
            continue
        slo, shi = _np_span(speaker)
        lemma = "call for" if low in _CALL_NOUNS else low.rstrip("s")
        out.append(_Cue(tok, last, lemma, "all", speaker, slo, shi, clipped[0], clipped[1], "noun"))
    return out


def _clip(doc: Doc, paras: _Paragraphs, pivot: Token, lo: int, hi: int) -> tuple[int, int] | None:
    """Token range [lo, hi) cut down to the paragraph of ``pivot``; None when nothing is left."""
    p = paras.of(pivot.idx)
    while lo < hi and paras.of(doc[lo].idx) < p:
        lo += 1
    while hi > lo and paras.of(doc[hi - 1].idx) > p:
        hi -= 1
    lo, hi = _trim(doc, lo, hi)
    return (lo, hi) if hi > lo else None


def _inverted_object_speaker(verb: Token, last: Token) -> Token | None:
    """The noun the parser took for the object of an inverted cue right after a quote ("“…,”
    added a South Carolina Democrat."): the verb follows the closing mark, its reported clause
    comes before it, and the noun phrase closes the sentence."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].tag_ != "''" or not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > last.i), None)
    if obj is None or obj.tag_ not in ("NN", "NNP", "NNPS") or obj.right_edge.i + 1 >= len(doc):
        return obj if obj is not None and obj.tag_ in ("NN", "NNP", "NNPS") else None
    return obj if doc[obj.right_edge.i + 1].text in (".", ",", ";") else None


def _left_np_subject(verb: Token, sents: _Sents) -> Token | None:
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


def _find_cues(doc: Doc, paras: _Paragraphs, sents: _Sents, toks: list[Token]) -> list[_Cue]:
    """Every reporting-verb and "according to" cue in the document, in text order. Speakers and
    contents are kept inside the cue's paragraph (the parser sometimes runs a sentence over a
    headline or a photo caption)."""
    cues: list[_Cue] = []
    for tok in toks:
        hit = _cue_of(tok)
        if hit is None:
            continue
        lemma, kinds, last = hit
        if lemma == "according to":
            pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            head = pobj
            if pobj.lower_ in _SOURCE_DOC_NOUNS:  # "a statement by the ministry" → the ministry
                by = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("by", "of", "from")), None)
                inner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
                if inner is not None:
                    head = inner
            sp = _clip(doc, paras, tok, pobj.left_edge.i, pobj.right_edge.i + 1)
            content = _according_content(tok, last, sents)
            content = _clip(doc, paras, tok, *content) if content else None
            if sp is None or content is None:
                continue
            cues.append(_Cue(tok, last, lemma, kinds, head, sp[0], sp[1], content[0], content[1], "according"))
            continue
        if lemma == "ask" and _asked_not_said(tok):
            put = _question_put(tok, paras, sents)
            if put is not None:
                cues.append(put)
            continue
        subj = _subject(tok)
        if subj is None:  # "The governor, asked whether …, said": the parser hung the subject on "asked"
            subj = next((g for c in tok.lefts if c.lower_ in _ASKED for g in c.children if g.dep_ == "nsubj"), None)
        if subj is None:  # "“…,” added a South Carolina Democrat": the speaker parsed as the object
            subj = _inverted_object_speaker(tok, last)
        if subj is None:  # "Col. X, a spokesman in Baghdad, said" with X hung elsewhere
            subj = _left_np_subject(tok, sents)
        if subj is None:  # “…,” opined Cleveland’s Plain Dealer (parsed as the verb's object)
            subj = _postverbal_speaker(tok, last)
        if subj is None and tok.tag_ in ("VBD", "VBZ", "VBP"):  # "Lazar, 44, said" hung elsewhere
            subj = _name_before_verb(tok, sents.of(tok.i).start)
        if subj is not None and (subj.dep_ == "csubj" or subj.lower_ == "there"
                                 or (subj.lower_ == "it" and subj.dep_ == "nsubjpass")):
            subj = None
        if subj is not None and subj.i < tok.i:  # "SAN DIEGO, March 5 - Pacific Southwest Airlines said"
            subj = _past_dateline(doc, paras, subj, tok)
        if subj is not None and subj.lower_ == "that" and subj.i == tok.i - 1 and tok.i + 1 < len(doc) \
                and doc[tok.i + 1].text == ",":
            continue  # "That said, …"
        slo = shi = None
        if subj is not None:
            slo, shi = _np_span(subj)
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
                slo, shi = _np_span(subj) if subj is not None else (None, None)
        found = _content_of(tok, lemma, last, kinds, sents)
        if lemma in _PREP_CONTENT and (found is None or found[2] == "object"):
            found = _as_content(tok, last, _PREP_CONTENT[lemma]) or found  # "described … as …"
        if found is None and (lemma in _NP_OBJECT_LEMMAS or (
                lemma == "show" and subj is not None and subj.lower_ in _SHOW_SOURCES)):
            found = _np_object_content(tok, lemma, last)
        if (found is not None and found[2] in ("object", "npobject") and (lemma in _NP_OBJECT_LEMMAS
                                                                          or lemma == "show")
                and (found[1] - found[0] > 1 or doc[found[0]].tag_ not in _PRONOUN_TAGS)):
            found = (found[0], _np_object_tail(tok, found[0], found[1]), found[2])
            if lemma == "show":  # "showed [Trump with a 16-point lead over his rival, Mr. Cruz]"
                found = (found[0], max(found[1], _trim(doc, found[0], tok.right_edge.i + 1)[1]), found[2])
        if found is None:
            found = _as_noted_content(tok, sents)
        if lemma == "call for":
            found = _call_for_clause(tok, last) or found
        if found is not None and found[2] == "xcomp" and lemma in _XCOMP_LEMMAS:
            found = (found[0], _bare_conjuncts_end(tok, found[1]), found[2])
        if found is None and lemma == "say":
            found = _said_so(tok) or _said_clause_object(tok)
        if found is not None and found[2] == "object" and lemma in _ADDRESSEE_LEMMAS:
            found = _inverted_over_addressee(tok, sents) or found  # "[…], Carter told a Senate panel."
        if kinds == "all" and (found is None or found[2] == "object"):  # "Instead, X told CNN, …"
            found = _comma_cue_sentence(tok, last, sents) or found
        if lemma == "ask" and (found is None or found[2] == "object"):
            found = _question_clause(tok) or found
        if (found is not None and subj is not None and found[0] > tok.i and found[0] <= subj.i < found[1]
                and tok.i > 0 and doc[tok.i - 1].is_quote):
            found = None  # "“…,” said [David Brock, a confidant who heads … Correct the Record]": the speaker
        clo = chi = None
        src = ""
        if found is not None:
            if found[2] in _EXT_SRC and found[0] > tok.i:
                found = (found[0], _to_sentence_end(doc, found[0], found[1], min(sents.of(tok.i).end, tok.right_edge.i + 1)), found[2])
            clipped = _clip(doc, paras, tok, found[0], found[1])
            if clipped is not None:
                clo, chi = clipped
                src = found[2]
        cues.append(_Cue(tok, last, lemma, kinds, subj, slo, shi, clo, chi, src))
    return cues


# ================================================================================ resolution
class _Resolver:
    """Maps a speaker head token to a mention / entity (pronouns and nominals included)."""

    def __init__(self, doc: Doc, entities: DocEntities, quoted: list[tuple[int, int]] | None = None):
        self.doc = doc
        self.quoted = [(a, b) for a, b in (quoted or []) if b - a > 20]  # quoted passages, not titles
        self.quoted_starts = [a for a, _ in self.quoted]
        self.mentions = sorted(entities.mentions, key=lambda m: m.start_char)
        self.starts = [m.start_char for m in self.mentions]
        self.people: dict[str, set[str]] = {}  # entity_id → descriptor words
        self.by_id: dict[str, Mention] = {}
        self.recent_people: list[tuple[int, Mention]] = []  # (char pos, mention) of subjects/speakers
        self.anonymous: set[str] = set()  # head nouns of indefinite speakers ("an energy adviser")
        self.by_name: dict[tuple[str, str | None], Mention] = {}  # (name, label | None) → first mention
        for m in self.mentions:
            self.by_id.setdefault(m.entity_id, m)
            self.by_name.setdefault((m.name, m.label), m)
            self.by_name.setdefault((m.name, None), m)
        for role in entities.roles:
            self.people.setdefault(role.entity_id, set()).update(_words(role.role))
        self.recent_orgs: list[tuple[int, Mention]] = []  # organisations as subjects/speakers
        for m in self.mentions:
            if m.label == "ORG":
                head = self._head_token(m)
                if head is not None and not self.in_quote(m.start_char) and (
                        head.dep_ in _SUBJ_DEPS or (head.dep_ in ("appos", "poss", "compound")
                                                    and head.head.dep_ in _SUBJ_DEPS)):
                    self.recent_orgs.append((m.start_char, m))
            if m.label != "PERSON":
                continue
            words = self.people.setdefault(m.entity_id, set())
            if m.title:
                words.update(_words(m.title))
            words.update(self._premodifiers(m))
            words.update(self._apposition(m))
            head = self._head_token(m)
            if head is not None and (head.dep_ in _SUBJ_DEPS or (head.dep_ == "appos" and head.head.dep_ in _SUBJ_DEPS)) \
                    and not self.in_quote(m.start_char):
                self.recent_people.append((m.start_char, m))
        self.recent_people.sort(key=lambda x: x[0])
        self.nominal_subjects = self._nominal_subjects()
        self.nominal_starts = [t.idx for t in self.nominal_subjects]
        self.last_speaker: tuple[int, Mention] | None = None  # latest resolved speaker (text order)
        # reported content of a person speaker, in text order: people named in it ("Hodgson revealed
        # that [Barkley had taken the kicks]") are no antecedents of a later he/she
        self.content_spans: list[tuple[int, int]] = []
        self.speaker_pos: set[int] = set()
        self.current: tuple[int, int] = (0, 0)  # span of the quote being resolved: its own words are no antecedents
        self.org_count: dict[str, int] | None = None  # ORG entity → mentions, on first need
        self._doc_nouns: dict[str, list[int]] | None = None  # "statement" → token indices, on first need
        self._source_depth = 0
        self.last_spokes: tuple[int, Mention] | None = None  # latest "a X spokesman" and its X

    def _nominal_subjects(self) -> list[Token]:
        """Definite role-noun subjects outside quotes ("The minister was unapologetic"), found
        through the dependency array (Python work only at subjects)."""
        from spacy.attrs import DEP

        doc = self.doc
        if not len(doc):
            return []
        deps = doc.to_array([DEP])
        ids = [doc.vocab.strings[d] for d in ("nsubj", "nsubjpass") if d in doc.vocab.strings]
        out = []
        for i in np.nonzero(np.isin(deps, ids))[0]:
            t = doc[int(i)]
            if (t.lower_ in _ROLE_WORDS and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
                    and self.mention_of_token(t) is None and not self.in_quote(t.idx)):
                out.append(t)
        return out

    def mention_start_token(self, m: Mention) -> Token:
        return self.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")[0]

    def _head_token(self, m: Mention) -> Token | None:
        span = self.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _premodifiers(self, m: Mention) -> set[str]:
        """Words right before a person's name in its noun phrase ("Chinese President" Xi Jinping)."""
        span = self.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        if span is None or not len(span):
            return set()
        out: set[str] = set()
        i = span.start - 1
        steps = 0
        while i >= 0 and steps < 5 and self.doc[i].tag_ in ("NNP", "NN", "JJ", "NNPS", "NNS", "HYPH"):
            if self.mention_of_token(self.doc[i], label="PERSON") is not None:
                break
            out.update(_words(self.doc[i].text))
            i -= 1
            steps += 1
        for tok in span:  # titles inside the span ("President Xi Jinping")
            if tok.lower_ in _ROLE_WORDS:
                out.add(tok.lower_)
        return out

    def _apposition(self, m: Mention) -> set[str]:
        """Words of an apposition after the name ("Wang Yi, [the Chinese foreign minister],")."""
        head = self._head_token(m)
        if head is None:
            return set()
        out: set[str] = set()
        for child in head.children:
            if child.dep_ == "appos":
                lo, hi = child.left_edge.i, child.i + 1
                for t in self.doc[lo:hi]:
                    out.update(_words(t.text))
        if head.dep_ == "appos" and head.head.i < head.i:  # "Russia's deputy minister, [Dmitry Orlov],"
            noun = head.head
            if self.mention_of_token(noun) is None:
                for t in self.doc[noun.left_edge.i:noun.i + 1]:
                    out.update(_words(t.text))
        return out

    def in_quote(self, pos: int) -> bool:
        """True when ``pos`` lies inside a quoted passage (its people are not antecedents)."""
        k = bisect.bisect_right(self.quoted_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] < pos < self.quoted[k][1]

    def _named(self, a: int, b: int, name: str, label: str, any_label: bool = False) -> Mention:
        """The document's first mention called ``name`` (with ``label`` unless ``any_label``), else a
        synthetic ``label`` mention of the text at ``a:b`` under that name — for names the NER missed
        or cut ("[Johnny] Depp", "<Acme Corp>", "China’s Foreign Ministry")."""
        m = self.by_name.get((name, None if any_label else label))
        if m is not None:
            return m
        return Mention(a, b, 0, self.doc.text[a:b], label, name, entity_id(label, name))

    def mention_of_token(self, tok: Token, label: str | None = None) -> Mention | None:
        """The mention whose span contains ``tok`` (optionally with ``label``)."""
        k = bisect.bisect_right(self.starts, tok.idx) - 1
        while k >= 0 and k >= bisect.bisect_right(self.starts, tok.idx) - 3:
            m = self.mentions[k]
            if m.start_char <= tok.idx < m.end_char and (label is None or m.label == label):
                return m
            k -= 1
        return None

    def note_speaker(self, pos: int, m: Mention, head: Token | None = None) -> None:
        """Record a resolved PERSON speaker so later pronouns can point to it (also a name the
        NER labelled otherwise when it stands in apposition to a person's role: "the minister,
        Dmitry Orlov,")."""
        if m.label == "PERSON" or (head is not None and head.lower_ in _ROLE_WORDS):
            bisect.insort(self.recent_people, (pos, m), key=lambda x: x[0])
        elif m.label == "ORG":
            bisect.insort(self.recent_orgs, (pos, m), key=lambda x: x[0])
            if self.org_count is not None:
                self.org_count[m.entity_id] = self.org_count.get(m.entity_id, 0) + 2
        self.last_speaker = (pos, m)
        self.speaker_pos.add(pos)

    def note_content(self, a: int, b: int) -> None:
        """Record the reported content [a, b) of a quote whose speaker is a person."""
        if self.content_spans and self.content_spans[-1][1] >= a and self.content_spans[-1][0] <= a:
            a = self.content_spans[-1][0]
            b = max(b, self.content_spans[-1][1])
            self.content_spans[-1] = (a, b)
        else:
            bisect.insort(self.content_spans, (a, b))

    def in_current(self, pos: int) -> bool:
        """True when ``pos`` lies inside the quote being resolved ("Mr Blair has failed, he
        claimed" → he is not Mr Blair)."""
        return self.current[0] <= pos < self.current[1]

    def in_content(self, pos: int, at: int | None = None) -> bool:
        """True when ``pos`` lies inside the reported content of a person speaker (and ``at``,
        when given, does not lie in that same content: "Flynn said Trump was right when he said
        …" → he is Trump)."""
        k = bisect.bisect_right(self.content_spans, (pos, float("inf"))) - 1
        if k < 0 or not self.content_spans[k][0] <= pos < self.content_spans[k][1]:
            return False
        return at is None or not self.content_spans[k][0] <= at < self.content_spans[k][1]

    def last_person_before(self, pos: int) -> Mention | None:
        """Antecedent of he/she at ``pos``: the latest person subject or speaker, or a later
        definite role subject ("The minister was unapologetic. …, she said") resolved by role."""
        k = bisect.bisect_left(self.recent_people, pos, key=lambda x: x[0]) - 1
        k0 = k
        while k >= 0 and k0 - k < 4 and self.recent_people[k][0] not in self.speaker_pos \
                and (self.in_content(self.recent_people[k][0], pos) or self.in_current(self.recent_people[k][0])):
            k -= 1  # a person named inside someone's reported words: that someone is meant
        if k >= 0 and self.recent_people[k][0] not in self.speaker_pos and (
                self.in_content(self.recent_people[k][0], pos) or self.in_current(self.recent_people[k][0])):
            k = k0
        j = bisect.bisect_left(self.nominal_starts, pos) - 1
        while j >= 0 and (self.in_content(self.nominal_starts[j], pos) or self.in_current(self.nominal_starts[j])) \
                and (k < 0 or self.nominal_starts[j] > self.recent_people[k][0]):
            j -= 1
        if j >= 0 and (k < 0 or self.nominal_starts[j] > self.recent_people[k][0]):
            t = self.nominal_subjects[j]
            m = self._nominal_person(list(self.doc[_np_span(t)[0]:t.i + 1]), t)
            if m is not None:
                return m
        if k >= 0:
            return self.recent_people[k][1]
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0:
            if self.mentions[k].label == "PERSON" and not self.in_quote(self.mentions[k].start_char):
                return self.mentions[k]
            k -= 1
        return None

    def resolve(self, head: Token, lo: int, hi: int) -> Mention | None:
        """Entity mention for the speaker whose head is ``head`` (span tokens [lo, hi))."""
        titled = head.lower_ in _ROLE_WORDS or head.lower_ in _PERSON_TITLES
        if titled:  # "The Shadow Secretary of State, Theresa May, said", "The Archbishop of X, Peter Smith,"
            near = list(head.children)
            for prep in near[:]:  # the parser may hang the name on the title's "of"/"for" object
                if prep.dep_ == "prep" and prep.i > head.i and prep.lower_ in ("of", "for", "at"):
                    near.extend(g for o in prep.children if o.dep_ == "pobj" for g in o.children)
            for child in near:
                if child.dep_ == "appos" and child.i > head.i:
                    mm = self.mention_of_token(child)
                    if mm is not None and mm.label == "PERSON":
                        return mm
                    if mm is None or mm.label not in ("ORG", "GPE", "NORP"):
                        mm = self._appos_name(child)
                        if mm is not None:
                            return mm
            for prep in head.children:  # "Vice President of Finance [Joel Graff] said": the name is the
                if prep.dep_ == "prep" and prep.i > head.i and prep.lower_ == "of":  # object, after a field word
                    for o in prep.children:
                        mm = self.mention_of_token(o, label="PERSON") if o.dep_ == "pobj" else None
                        if mm is not None and any(c.dep_ == "compound" and c.idx < mm.start_char and c.is_alpha
                                                  for c in o.subtree):
                            return mm
        wire = self._wire_bracket_name(head)
        if wire is not None:  # "<Acme Holdings Corp> said", "Acme AG <ACME.F> said"
            return wire
        m = self.mention_of_token(head)
        if m is None and head.lower_ in _POST_NOMINAL and head.tag_ == "NNP" and head.i > 0:
            m = self.mention_of_token(self.doc[head.i - 1], label="PERSON")  # "Frank Field MP"
            if m is not None:
                return m
        if m is not None and m.label in ("ORG", "NORP"):
            joined = self._coordinated_name(m, lo)
            if joined is not None:  # "Standard and [Poor's Corp] said", "The Liberal [Democrats] say"
                return joined
        if m is not None:
            if m.label == "ORG" and head.lower_ in _INSTITUTIONS:  # "India’s [Foreign Ministry]"
                fuller = self._institution(list(self.doc[lo:hi]), head)
                if fuller is not None and fuller.name != m.name and fuller.name.endswith(m.name):
                    return fuller
            return m
        for child in head.children:  # "Russia's deputy economy minister, Dmitry Orlov, said"
            if child.dep_ == "appos" and child.i > head.i:
                mm = self.mention_of_token(child)
                if mm is not None and mm.label in ("PERSON", "ORG"):
                    return mm
                if mm is None and head.lower_ in _ORG_NOUNS:  # "campaign group Save Our Pier said"
                    mm = self._unlisted_name(child, "ORG")
                    if mm is not None:
                        return mm
        low = head.lower_
        if low in ("unit", "subsidiary", "division", "affiliate") and head.tag_ == "NN":
            named = self._unit_name(head, lo)  # "Dow Chemical Co's Merrell Dow Pharmaceuticals Inc unit said"
            if named is not None:
                return named
        if low in _SPOKES and lo < hi and self.doc[lo].lower_ == "the" and hi - lo == 2 and self.last_spokes is not None \
                and 0 <= head.idx - self.last_spokes[0] <= _ORG_DISTANCE:
            return self.last_spokes[1]  # "a UAL spokesman said … the spokesman added" → UAL
        if low in _SOURCE_DOC_NOUNS:  # "a Kremlin readout", "Trump’s tweet" → the Kremlin, Trump
            for t in self.doc[lo:hi]:
                mm = self.mention_of_token(t)
                if mm is not None and mm.label in ("PERSON", "ORG", "GPE") and t.i != head.i:
                    return mm
            if low in _SPOKES:  # "a company spokesman" speaks for the company "the company" would be
                mod = next((t for t in self.doc[lo:head.i] if t.lower_ in _ORG_NOUNS and t.tag_ == "NN"
                            and t.lower_ not in ("group", "paper", "board")), None)
                if mod is not None:
                    mm = self._org_antecedent_of(mod, True) or self._org_antecedent_of(mod, False)
                    if mm is not None:
                        return mm
            by = _by_agent(head)  # "the joint report from the FAO", "a study by Gartner"
            if by is not None and self._source_depth < 3:
                self._source_depth += 1
                try:
                    mm = self.resolve(by, *_np_span(by))
                finally:
                    self._source_depth -= 1
                if mm is not None and mm.label in ("PERSON", "ORG", "GPE"):
                    return mm
            return self._document_source(head, lo, hi)
        if low in _RELATIVE and head.head.dep_ == "relcl" and head.head.head.i != head.i:
            ant = head.head.head  # "Li Qiang, …, who said" → Li Qiang
            return self.resolve(ant, *_np_span(ant)) if ant.lower_ not in _RELATIVE else None
        if head.tag_ in ("NNP", "NNPS"):  # a name the NER missed: "China’s Xi" → Xi Jinping
            m = self._by_name_word(head.text, head.idx)
            if m is not None:
                return m
        elif head.tag_ in ("NN", "NNS") and head.text[:1].isupper() and head.text[1:].islower():
            m = self._by_name_word(head.text, head.idx)  # a surname tagged as a noun: "Stals said"
            if m is not None and m.label == "PERSON":
                return m
        if low == "i" and not self.in_quote(head.idx) and not self._quote_mark_before(head.idx):
            return None  # the writer's own "I" (a column, a reader's comment): no one named before
        if low in _PRONOUNS_PERSON:
            return self.last_person_before(head.idx)
        if low == "it" and head.dep_ in _SUBJ_DEPS:
            return self._it_speaker(head.idx)
        if low in _PRONOUNS_OTHER:
            return None
        words = [t for t in self.doc[lo:hi]]
        if words and words[0].lower_ in ("a", "an", "one", "some", "another", "two", "three", "several"):
            self.anonymous.add(low)
            return None  # indefinite: an anonymous source
        if low in _ROLE_WORDS:
            return self._nominal_person(words, head)
        if _joint_role(words, head):  # "both leaders", "the two leaders" → one of them
            return self.last_person_before(head.idx)
        for t in words:  # "the Chinese Foreign Ministry" partly tagged, "Xi's office"
            mm = self.mention_of_token(t)
            if mm is not None and mm.label in ("ORG", "PERSON") and t.i == head.i:
                return mm
        return ((None if low in _CORP_SUFFIX else self._nominal_org(low, head.idx)) or self._institution(words, head)
                or self._org_nominal(words, head) or self._unlisted_name(head))

    def _coordinated_name(self, m: Mention, lo: int) -> Mention | None:
        """An ORG/NORP name the NER cut short inside the speaker's span, at "and"/"&" ("Standard
        and [Poor's Corp]", "Financial Security Savings and [Loan Association]") or after a
        capitalised first word ("The Liberal [Democrats]"): the capitalised proper nouns (no
        mention of their own), "and", then the mention → a mention of the whole run (reused,
        else synthetic, labelled like the cut one)."""
        doc = self.doc
        span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        if span is None or span.start - 1 < lo:
            return None
        j = span.start
        if doc[j - 1].lower_ in ("and", "&"):
            if j - 2 < lo:
                return None
            j -= 1
        while j - 1 >= lo and doc[j - 1].tag_ in ("NNP", "NNPS") and doc[j - 1].text[:1].isupper() \
                and "\n" not in doc[j - 1].whitespace_ and self.mention_of_token(doc[j - 1]) is None:
            j -= 1
        if j == span.start or doc[j].lower_ in ("and", "&") or span.start - j > 5:
            return None
        if doc[span.start - 1].lower_ not in ("and", "&") and (m.label == "ORG" or doc[j].is_sent_start):
            return None  # only NORP mentions, and not to a capitalised sentence opener ("Fellow Republicans")
        a = doc[j].idx
        name = doc.text[a:m.end_char]
        return self._named(a, m.end_char, name, m.label)

    def _unit_name(self, head: Token, lo: int) -> Mention | None:
        """The name of a unit, subsidiary … written right before the noun ("Acme Corp's [Acme Oil
        France] unit said"): its run of proper nouns as an ORG (the mention of that name, else a
        synthetic one)."""
        doc = self.doc
        j = head.i
        while j - 1 >= lo and head.i - j < 6 and doc[j - 1].tag_ in ("NNP", "NNPS") and doc[j - 1].text[:1].isupper() \
                and doc[j - 1].text not in ("<", ">"):
            j -= 1
        if j == head.i:
            return None
        a, b = doc[j].idx, doc[head.i - 1].idx + len(doc[head.i - 1])
        name = doc.text[a:b]
        m = self.mention_of_token(doc[head.i - 1])
        if m is not None and m.label == "ORG" and m.end_char == b and m.start_char <= a:
            return m
        return self._named(a, b, name, "ORG")

    def _wire_bracket_name(self, head: Token) -> Mention | None:
        """Wire copy brackets company names and tickers: a speaker inside or ending such a group
        ("<Microelectronics and Computer Technology Corp> said", "Thyssen AG <THYH.F> said", where
        the parser takes "<" or ">" for the subject) is the bracketed name — or, for a ticker
        (one upper-case symbol: "THYH.F", "MER"), the run of proper nouns right before it. The
        mention of that name is reused, else a synthetic ORG one."""
        doc = self.doc
        i = head.i
        if head.text not in ("<", ">") and not (i + 1 < len(doc) and doc[i + 1].text == ">"):
            return None
        lt = next((j for j in range(i, max(-1, i - 12), -1) if doc[j].text == "<"), None)
        gt = next((j for j in range(max(i, (lt or i) + 1), min(len(doc), i + 12)) if doc[j].text == ">"), None)
        if lt is None or gt is None or gt - lt < 2 or any("\n" in t.whitespace_ or t.text in ("<", ">")
                                                           for t in doc[lt + 1:gt]):
            return None
        inner = doc[lt + 1:gt]
        if len(inner) == 1 and re.fullmatch(r"[A-Z][A-Z0-9.]{0,9}", inner[0].text):  # a ticker
            lo = lt
            while lo > 0 and lt - lo < 6 and doc[lo - 1].tag_ in ("NNP", "NNPS") and not doc[lo - 1].is_punct \
                    and "\n" not in doc[lo - 1].whitespace_:
                lo -= 1
            if lo == lt:
                return None
            toks = doc[lo:lt]
        else:
            toks = inner
        a, b = toks[0].idx, toks[-1].idx + len(toks[-1])
        name = doc.text[a:b]
        if not name[:1].isupper():
            return None
        return self._named(a, b, name, "ORG")

    def _appos_name(self, child: Token) -> Mention | None:
        """A person's name in apposition to a title that the NER missed or mislabelled ("…,
        Theresa May," tagged a date): 2–4 title-case proper nouns ending at ``child``."""
        doc = self.doc
        if child.tag_ != "NNP" or not _NAME_WORD.fullmatch(child.text):
            return None
        lo = child.i
        while lo > 0 and child.i - lo < 3 and doc[lo - 1].tag_ == "NNP" and _NAME_WORD.fullmatch(doc[lo - 1].text):
            lo -= 1
        toks = [t for t in doc[lo:child.i + 1] if t.lower_ not in _HONORIFICS and t.lower_ not in _PERSON_TITLES
                and t.lower_ not in _ROLE_WORDS and t.lower_ not in ("most", "reverend", "rt", "hon", "treasurer")]
        while toks and toks[0].i > lo and doc[toks[0].i - 1].text in ("-", "–"):
            toks = toks[1:]  # "Secretary-Treasurer Gary Casteel"
        if len(toks) < 2 or any(t.lower_ in _ORG_GENERIC or t.lower_ in _ORG_NOUNS for t in toks):
            return None
        a, b = toks[0].idx, child.idx + len(child)
        return self._named(a, b, doc.text[a:b], "PERSON")

    def _unlisted_name(self, head: Token, label: str | None = None) -> Mention | None:
        """A proper-noun speaker the NER missed and no mention names ("Barclays cautioned …",
        "Cardinal Okafor said"): a synthetic mention of its run of capitalised proper nouns — a
        PERSON after an honorific or title ("Mr", "Cardinal"; the name without it), else an ORG
        (``label`` forces one: a name in apposition to "group"). Not for all-capital words
        (headlines, datelines) nor role or generic nouns. A run ending in a corporate suffix
        ("Yellow Freight System Inc") is a company even when the NER took part of it for a
        person or place."""
        if head.tag_ in ("NNP", "NNPS") and head.text.isupper() and head.text.isalpha() and len(head.text) > 3 \
                and head.lower_ not in _NOT_NAMES:  # "PENCE:" in a transcript → Mike Pence
            m = self._by_name_word(head.text.title(), head.idx)
            if m is None and head.sent.start == 0:  # a headline: "MIYAZAWA SAYS …" → Kiichi Miyazawa below
                m = self._next_by_name_word(head.text.title(), head.idx)
            if m is not None or len(head.text) > 5:
                return m
        if head.tag_ not in ("NNP", "NNPS") or not _NAME_WORD.fullmatch(head.text) or head.lower_ in _NOT_NAMES \
                or head.is_stop or any(c.dep_ == "poss" for c in head.lefts):
            return None  # "Attorneys", "Much", "Trump's potential VP": no names
        doc = self.doc
        named_org = head.lower_ in _ORG_TAIL and head.i > 0 and doc[head.i - 1].tag_ in ("NNP", "NNPS") \
            and _NAME_WORD.fullmatch(doc[head.i - 1].text) is not None  # "Germantown Savings Bank"
        if head.lower_ in _ROLE_WORDS or head.lower_ in _INSTITUTIONS or (head.lower_ in _ORG_NOUNS and not named_org) \
                or head.lower_ in _SOURCE_DOC_NOUNS or head.lower_ in _NATION:
            return None
        lo = head.i
        while lo > 0 and head.i - lo < 4 and doc[lo - 1].tag_ in ("NNP", "NNPS") and _NAME_WORD.fullmatch(doc[lo - 1].text) \
                and "\n" not in doc[lo - 1].whitespace_:
            lo -= 1
        toks = list(doc[lo:head.i + 1])
        inner = [m for m in (self.mention_of_token(t) for t in toks) if m is not None]
        if (head.lower_ in _CORP_SUFFIX or head.lower_ in _ORG_TAIL) and len(toks) > 1:
            label = "ORG"
        elif inner and (label is not None or head.sent.start == 0  # not in a title-case headline
                        or any(m.label != "PERSON" or m.end_char > head.idx for m in inner)):
            return None  # a GPE, a date …: not a speaker name
        elif inner:  # "[Johnny] Depp": a person's name the NER cut short
            label = "PERSON"
        title = toks[0].lower_.rstrip(".")
        person = title in _HONORIFICS or title in _PERSON_TITLES
        if person:
            toks = toks[1:]
            if not toks:
                return None
        a, b = toks[0].idx, head.idx + len(head)
        name = doc.text[a:b]
        # one word is rather a company ("Barclays"), two or three title-case words without a generic
        # organisation word rather a person ("Dana Okafor")
        if not person and len(toks) >= 2 and not any(t.text.isupper() or t.lower_ in _ORG_GENERIC or t.lower_ in _ORG_NOUNS
                                                     or t.lower_ in _INSTITUTIONS for t in toks):
            person = True
        return self._named(a, b, name, label or ("PERSON" if person else "ORG"))

    def _org_nominal(self, words: list[Token], head: Token) -> Mention | None:
        """"the company", "the firm", "the German carmaker", "the watchdog" → a name among its
        modifiers, else an ORG named earlier in its sentence ("… with EgyptAir, the airline said"),
        else the latest organisation subject or speaker at most ``_ORG_DISTANCE``
        characters back — unless the document names it only once (a passing mention: "T-Mobile
        USA, the company's US arm, grew"), then the one of them the document mentions most — else (a
        lead sentence: "…, the elections watchdog has said.") the first one at most
        ``_ORG_AHEAD`` characters ahead."""
        if head.lower_ not in _ORG_NOUNS or head.tag_ != "NN" or not words or (
                words[0].lower_ not in ("the", "this") and not self._country_possessor(head)) \
                or any(t.lower_ in ("central", "national", "world", "editorial") for t in words):
            return None  # "the central bank" is not the latest bank, "the editorial board" no company
        for t in words:
            if t.i < head.i and t.tag_ in ("NNP", "NNPS"):
                mm = self.mention_of_token(t)
                if mm is None:
                    mm = self._by_name_word(t.text, head.idx)
                if mm is not None and mm.label == "ORG":
                    return mm
        return self._org_antecedent_of(head, True) or self._org_antecedent_of(head, False)

    def _org_antecedent_of(self, head: Token, strict: bool) -> Mention | None:
        """See ``_org_nominal``; ``strict``: not an organisation inside the quote being resolved
        ("The IMF will cut …, the newspaper reported"), which is the fallback ("RHB, a lender, is
        scouting …, the firm said")."""
        pos = head.idx
        sent_start = head.sent.start_char
        j = bisect.bisect_left(self.starts, pos) - 1  # "… with EgyptAir, the airline said"
        while j >= 0 and self.mentions[j].start_char >= sent_start:
            m = self.mentions[j]
            if m.label == "ORG" and not self.in_quote(m.start_char) and not (strict and self.in_current(m.start_char)) \
                    and _org_antecedent(m):
                return m
            j -= 1
        k = bisect.bisect_left(self.recent_orgs, pos, key=lambda x: x[0]) - 1
        if self.org_count is None:
            self.org_count = {}
            for m in self.mentions:
                if m.label == "ORG":
                    self.org_count[m.entity_id] = self.org_count.get(m.entity_id, 0) + 1
            for at, m in self.recent_orgs:  # an organisation speaker or subject weighs more
                if at in self.speaker_pos:
                    self.org_count[m.entity_id] = self.org_count.get(m.entity_id, 0) + 2
        best: Mention | None = None
        j = k
        while j >= 0 and pos - self.recent_orgs[j][0] <= _ORG_DISTANCE:
            m = self.recent_orgs[j][1]
            if not _org_antecedent(m) or (strict and self.in_current(self.recent_orgs[j][0])):
                pass  # a generic word the NER took for a name ("… SAYS NEWSPAPER"), a dateline
            elif best is None:
                best = m
                if self.org_count.get(m.entity_id, 0) > 1:
                    break  # the latest, unless it is a passing mention ("T-Mobile USA, its US arm, grew")
            elif self.org_count.get(m.entity_id, 0) > self.org_count.get(best.entity_id, 0):
                best = m  # then the most mentioned one: the story's company
            j -= 1
        if best is not None:
            return best
        if k < 0 and k + 1 < len(self.recent_orgs) and self.recent_orgs[k + 1][0] - pos <= _ORG_AHEAD:
            return self.recent_orgs[k + 1][1]
        return None

    def _country_possessor(self, head: Token) -> bool:
        """"South Korea's top carmaker", "Britain's biggest bank": a place's superlative org noun is
        as definite as "the carmaker"."""
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is None or not any(c.tag_ == "JJS" or c.lower_ in ("top", "leading", "largest", "biggest")
                                   for c in head.children if c.i < head.i):
            return False
        m = self.mention_of_token(poss)
        return m is not None and m.label == "GPE"

    def _it_speaker(self, pos: int) -> Mention | None:
        """"It said …": the latest resolved speaker when it is no person and at most
        ``_IT_DISTANCE`` characters back ("The statement criticised … It also said …"); not
        an organisation that was only a subject ("it" is as often its report or video)."""
        if self.last_speaker is None:
            return None
        at, m = self.last_speaker
        return m if m.label != "PERSON" and 0 <= pos - at <= _IT_DISTANCE else None

    def _institution(self, words: list[Token], head: Token) -> Mention | None:
        """A ministry, department … the NER missed, named from its noun phrase: "China’s Foreign
        Ministry" → Chinese Foreign Ministry, "the state department" → State Department (alias
        table). Only with a country word or an alias hit; the mention is reused when the
        document has one with that name."""
        if head.lower_ not in _INSTITUTIONS:
            return None
        parts: list[str] = []
        nation = False
        for t in words:
            if t.i > head.i:
                break
            w = t.lower_
            if t.tag_ == "IN":  # "a statement by the Chinese Foreign Ministry": only what follows "by"
                parts, nation = [], False
                continue
            if t.is_punct or w in ("the", "a", "an", "'s", "’s", "its", "their", "his", "her"):
                continue
            if w in _NATION_ADJ:
                parts.append(_NATION_ADJ[w])
                nation = True
            elif w in _NATION and w.isalpha() and w not in ("democratic", "democrat", "republican", "us"):
                parts.append(w.capitalize())
                nation = True
            elif t.is_alpha:
                parts.append(t.text if t.text[:1].isupper() else t.text.capitalize())
            else:
                return None
        if len(parts) < 2:
            return None
        name = " ".join(parts)
        hit = ALIASES.get(_norm_key(name))
        if hit is None:
            if not nation:
                return None
        else:
            name = hit[0]
        return self._named(words[0].idx, head.idx + len(head), name, "ORG", any_label=True)

    def _document_source(self, head: Token, lo: int, hi: int) -> Mention | None:
        """Author of a statement, readout … with no name in its own noun phrase: an institution
        written as a modifier ("a Chinese foreign ministry statement"), else, for a definite one
        ("the statement", "their joint statement"), the author of an earlier mention of the same
        noun (at most ``_DOC_NOUN_LOOKBACK`` back): a name in that noun phrase, its "by X", or
        the subject of the clause it sits in ("saying in a joint statement" → the subject of
        "saying"; "In their joint statement, Moscow expressed …" → Moscow)."""
        words = list(self.doc[lo:hi])
        inner = [t for t in words if t.i < head.i and t.lower_ in _INSTITUTIONS]
        if inner:
            m = self._institution([t for t in words if t.i <= inner[-1].i], inner[-1])
            if m is not None:
                return m
        low = head.lower_
        if low not in _DOC_NOUNS or self._source_depth > 2:
            return None
        if not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                   for c in head.children):
            return None
        if self._doc_nouns is None:
            self._doc_nouns = {}
            for t in self.doc:
                if t.lower_ in _DOC_NOUNS and t.tag_.startswith("NN") and not self.in_quote(t.idx):
                    self._doc_nouns.setdefault(t.lower_, []).append(t.i)
        occ = self._doc_nouns.get(low, [])
        k = bisect.bisect_left(occ, head.i) - 1
        self._source_depth += 1
        try:
            for j in range(k, max(-1, k - _DOC_NOUN_LOOKBACK), -1):
                m = self._author_of(self.doc[occ[j]])
                if m is not None:
                    return m
        finally:
            self._source_depth -= 1
        return None

    def _author_of(self, t: Token) -> Mention | None:
        """Who issued the document noun ``t`` (see ``_document_source``)."""
        a, b = _np_span(t)
        for x in self.doc[a:b]:
            mm = self.mention_of_token(x)
            if mm is not None and mm.label in ("PERSON", "ORG", "GPE") and x.i != t.i:
                return mm
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return self.resolve(obj, *_np_span(obj))
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.tag_.startswith("VB"):
            subj = _subject(t.head.head)
            if subj is not None and subj.i != t.i:
                return self.resolve(subj, *_np_span(subj))
        return None

    def _nominal_person(self, words: list[Token], head: Token) -> Mention | None:
        """The person whose descriptors match a definite nominal ("the Russian leader")."""
        want = []
        for t in words:
            w = t.lower_
            if w in _STOP_NOMINAL or t.is_punct:
                continue
            want.append(w)
        if not want:
            return None
        written = {w.lower_ for w in words}
        best: Mention | None = None
        best_pos = -1
        qualified: Mention | None = None  # a match whose descriptors add "deputy", "former" …
        qualified_pos = -1
        best_exact = False
        for eid, desc in self.people.items():
            keys = {_NATION.get(w, w) for w in desc}
            ok = True
            for w in want:
                if w in _ROLE_WORDS:
                    group = next((g for g in _ROLE_GROUPS if w in g), {w})
                    if not (keys & group):
                        ok = False
                        break
                elif _NATION.get(w, w) not in keys:
                    ok = False
                    break
            if not ok:
                continue
            last = self._last_mention_of(eid, head.idx)
            if last is None:
                continue
            if (desc & _QUALIFIERS) - written:
                # "the governor" is rather the governor than the deputy governor, "the minister"
                # rather the minister than a former one; qualified matches are a last resort
                if last.start_char > qualified_pos:
                    qualified, qualified_pos = last, last.start_char
            elif last.start_char > best_pos:
                best, best_pos = last, last.start_char
                best_exact = all(w in desc for w in want if w in _ROLE_WORDS)
        if head.lower_ not in self.anonymous and (best is not None and not best_exact
                                                  or best is None and not self._person_before(head.idx)):
            # a role only akin to an earlier person's ("the chairman" after "party leader X"), or
            # one before any person is named, is the person the next sentence introduces
            roles = {w for w in want if w in _ROLE_WORDS}
            group = set().union(*(next((g for g in _ROLE_GROUPS if w in g), {w}) for w in roles)) if roles else set()
            named = self._named_next(head, group)
            if named is not None:
                return named
        if best is None and head.lower_ not in self.anonymous:
            # "the US president" when no descriptor says so: the latest person subject/speaker
            # (of the last three) whose descriptors name no other country and no other role
            # ("the Russian minister" is not the customs spokesman); "the adviser" after "an
            # energy adviser" said … stays anonymous
            nations = {_NATION[w] for w in want if w in _NATION}
            roles = {w for w in want if w in _ROLE_WORDS}
            group = set().union(*(next((g for g in _ROLE_GROUPS if w in g), {w}) for w in roles)) if roles else set()
            k = bisect.bisect_left(self.recent_people, head.idx, key=lambda x: x[0]) - 1
            fallback: Mention | None = None
            for _, m in reversed(self.recent_people[max(0, k - 2):k + 1]):
                desc = self.people.get(m.entity_id, set())
                keys = {_NATION[w] for w in desc if w in _NATION}
                has_roles = desc & _ROLE_WORDS
                if (not keys or not nations or keys & nations) and (not group or not has_roles or has_roles & group):
                    if not (desc & _QUALIFIERS) - written:
                        return m
                    fallback = fallback or m
            return qualified or fallback
        return best

    def _quote_mark_before(self, pos: int) -> bool:
        """Does a double quotation mark open or run earlier in the paragraph of ``pos``? (news copy
        often leaves a multi-sentence quote unbalanced, so the pairing of marks can miss it)"""
        text = self.doc.text
        a = text.rfind("\n", 0, pos) + 1
        return any(c in text[a:pos] for c in '"“”')

    def _person_before(self, pos: int) -> bool:
        """Is a person named (outside quotes) before ``pos``?"""
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0:
            if self.mentions[k].label == "PERSON" and not self.in_quote(self.mentions[k].start_char):
                return True
            k -= 1
        return False

    def _named_next(self, head: Token, group: set[str]) -> Mention | None:
        """A lead-in role nominal that no earlier person matches names the person the next
        sentence introduces as its subject ("…, the shadow chancellor said. [Oliver Letwin] said
        …", "The new health minister says … [Dr Ann Lowe], on her first day, admitted …"): the
        first person mention there (two words or more, outside quotes) that is the subject of the
        sentence's main verb, not mentioned before the nominal, and whose known roles, if any,
        share the nominal's role group."""
        doc = self.doc
        end = head.sent.end
        nxt = None
        while end < len(doc):
            cand = doc[end].sent
            if any(t.is_alpha for t in cand):
                nxt = cand
                break
            end = cand.end
        if nxt is None:
            return None
        k = bisect.bisect_left(self.starts, nxt.start_char)
        while k < len(self.mentions) and self.mentions[k].start_char < nxt.end_char:
            m = self.mentions[k]
            k += 1
            if m.label != "PERSON" or self.in_quote(m.start_char) or (
                    len(m.text.split()) < 2 and not m.title
                    and not (m.start_char > 0 and self.mention_start_token(m).i > 0
                             and doc[self.mention_start_token(m).i - 1].lower_.rstrip(".") in _HONORIFICS)):
                continue  # a full name or a titled one ("Lord Falconer"), not a bare surname
            t = self._head_token(m)
            if t is None or t.dep_ not in ("nsubj", "nsubjpass") or t.head.i != nxt.root.i:
                continue
            if self._last_mention_of(m.entity_id, head.idx) is not None:
                return None
            roles = self.people.get(m.entity_id, set()) & _ROLE_WORDS
            if roles and group and not roles & group:
                return None
            return m
        return None

    def fuller_name(self, m: Mention) -> Mention:
        """The latest earlier mention with a longer name that contains ``m``'s one-word name
        ("Mr Ashby" → Richard Ashby, "the Bank" → Bank of England, "Ms Carver" → Helen Carver):
        the entity extractor sometimes leaves a short form unlinked or mislabelled."""
        words = [w for w in m.name.replace(".", "").split() if w.lower() not in _HONORIFICS]
        if len(words) != 1 or not words[0][:1].isupper():
            return m
        word = words[0]
        k = bisect.bisect_left(self.starts, m.start_char) - 1
        while k >= 0:
            o = self.mentions[k]
            if (o.entity_id != m.entity_id and o.label in ("PERSON", "ORG") and len(o.name.split()) > 1
                    and word in o.name.replace(",", " ").split()):
                return o
            k -= 1
        return m

    def _by_name_word(self, word: str, pos: int) -> Mention | None:
        """The latest PERSON/ORG mention whose canonical name contains ``word`` as a word."""
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0:
            m = self.mentions[k]
            if m.label in ("PERSON", "ORG") and word in m.name.split():
                return m
            k -= 1
        return None

    def _next_by_name_word(self, word: str, pos: int) -> Mention | None:
        """The first PERSON/ORG mention after ``pos`` (≤ ``_ORG_DISTANCE`` characters) whose
        canonical name contains ``word`` as a word."""
        k = bisect.bisect_right(self.starts, pos)
        while k < len(self.mentions) and self.mentions[k].start_char - pos <= _ORG_DISTANCE:
            m = self.mentions[k]
            if m.label in ("PERSON", "ORG") and word in m.name.split():
                return m
            k += 1
        return None

    def _last_mention_of(self, eid: str, pos: int) -> Mention | None:
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0:
            if self.mentions[k].entity_id == eid:
                return self.mentions[k]
            k -= 1
        return None

    def _nominal_org(self, word: str, pos: int) -> Mention | None:
        """"the ministry" → the latest ORG mention before ``pos`` whose name contains the word."""
        if not word.isalpha() or len(word) < 4:
            return None
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0:
            m = self.mentions[k]
            if m.label == "ORG" and word in m.name.lower().split():
                return m
            k -= 1
        return None


_NAME_WORD = re.compile(r"[A-Z&]{2,5}|[A-Z](?:[a-z]+['’-]?)*(?:[A-Z][a-z]+)*(?:['’-][A-Z]?[a-z]*)*")
# capitalised words that are no speaker's name
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
              "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "majorities", "majority", "minorities", "democrats", "republicans",
              "sources", "critics", "experts", "residents", "voters", "officials", "god", "today", "tonight",
              "staff", "attorneys", "lawyers", "police", "investigators", "researchers", "scientists",
              "economists", "doctors", "workers", "protesters", "organizers", "organisers", "supporters",
              "opponents", "advocates", "members", "leaders", "analysts", "aides", "delegates", "officers"}
_PERSON_TITLES = {"cardinal", "archbishop", "bishop", "father", "rev", "reverend", "rabbi", "imam", "sheikh",
                  "president", "senator", "judge", "justice", "professor", "general", "colonel", "captain",
                  "chancellor", "minister", "governor", "mayor", "inspector", "detective", "sergeant", "coach"}
# corporate suffixes: a run of proper nouns ending in one names a company as a whole ("Yellow
# Freight System Inc"), even when the NER took part of it for a person
_CORP_SUFFIX = {"inc", "corp", "co", "ltd", "plc", "llc", "ag", "sa", "nv", "gmbh", "spa", "corporation", "limited"}
# last words that make a run of proper nouns an organisation's name ("Germantown Savings Bank")
_ORG_TAIL = {"bank", "association", "group", "holdings", "partners", "trust", "fund", "company", "bancorp"}
# post-nominal letters after a person's name ("Frank Field MP")
_POST_NOMINAL = {"mp", "mep", "msp", "am", "qc", "kc", "mla", "td", "jr", "sr"}
_ORG_GENERIC = {"inc", "corp", "co", "ltd", "plc", "llc", "group", "holdings", "company", "corporation",
                "institute", "bank", "association", "party", "union", "fund", "foundation", "university",
                "council", "news", "times", "post", "journal", "network", "media", "capital", "partners"}


_POSSESSIVE = re.compile(r"[’']s?$")


def _words(text: str) -> set[str]:
    """Lower-case words of ``text`` without punctuation or possessive ending ("Russia’s" → "russia")."""
    out = set()
    for w in text.replace("-", " ").split():
        w = _POSSESSIVE.sub("", w.strip(",.’'\"()")).lower()
        if w:
            out.add(w)
    return out


_IT_DISTANCE = 1000  # characters between an organisation speaker and a later "it said"
_ORG_DISTANCE = 1500  # characters back from "the company said" to its organisation subject/speaker
_ORG_AHEAD = 400  # characters ahead, when no organisation came before ("…, the watchdog has said")
# generic nouns for an organisation ("the firm said"); not "party", "campaign", "union", "network"
# (often another group than the latest organisation subject)
_ORG_NOUNS = {"company", "firm", "group", "carmaker", "automaker", "bank", "lender", "insurer", "retailer",
              "airline", "watchdog", "regulator", "institute", "newspaper", "paper", "broadcaster",
              "operator", "manufacturer", "maker", "chain", "giant", "conglomerate", "corporation",
              "organisation", "organization", "charity", "club", "studio", "publisher",
              "supermarket", "utility", "producer", "exporter", "importer", "brewer", "miner",
              "builder", "developer", "distributor", "provider", "carrier", "association", "federation",
              "board"}
_DOC_NOUN_LOOKBACK = 3  # earlier mentions of "statement" looked at for "the statement"
_DOC_NOUNS = {"statement", "readout", "release", "communique", "communiqué", "report", "letter", "memo",
              "transcript", "post", "tweet"}
_INSTITUTIONS = {"ministry", "department", "office", "agency", "government", "embassy", "council",
                 "commission", "committee", "cabinet", "parliament", "military", "army", "navy", "police",
                 "administration", "presidency", "court"}
# country word → nationality adjective, for institution names ("China’s" → "Chinese")
_NATION_ADJ = {"china": "Chinese", "russia": "Russian", "ukraine": "Ukrainian", "france": "French",
               "germany": "German", "japan": "Japanese", "india": "Indian", "britain": "British",
               "uk": "British", "israel": "Israeli", "iran": "Iranian", "turkey": "Turkish", "taiwan": "Taiwanese",
               "canada": "Canadian", "australia": "Australian", "mexico": "Mexican", "italy": "Italian",
               "spain": "Spanish", "poland": "Polish", "syria": "Syrian", "korea": "Korean",
               "america": "American", "us": "US", "u.s.": "US", "pakistan": "Pakistani", "egypt": "Egyptian"}
for _adj in ("chinese", "russian", "ukrainian", "french", "german", "japanese", "indian", "british",
             "israeli", "iranian", "turkish", "taiwanese", "canadian", "australian", "mexican", "italian",
             "spanish", "polish", "syrian", "korean", "american", "pakistani", "egyptian", "saudi"):
    _NATION_ADJ[_adj] = _adj.capitalize()
_JOINT = {"both", "two"}


def _org_antecedent(m: Mention) -> bool:
    """An ORG mention that may stand behind "the company": not a generic word the NER took for a
    name ("… SAYS NEWSPAPER"), not an all-capital dateline word ("AKRON, Ohio -")."""
    low = m.name.lower()
    return low not in _ORG_NOUNS and low not in _INSTITUTIONS and not (m.name.isupper() and len(m.name) > 4)


def _joint_role(words: list[Token], head: Token) -> bool:
    """"both leaders", "the two presidents": a plural role noun counted as two (not "both
    Christian and Islamic leaders", whose modifiers make two groups)."""
    low = head.lower_
    return (head.tag_ == "NNS" and low.endswith("s") and low[:-1] in _ROLE_WORDS
            and any(t.lower_ in _JOINT for t in words if t.i < head.i)
            and not any(t.lower_ in ("and", "or", "&") for t in words if t.i < head.i))


_SPOKES = {"spokesman", "spokeswoman", "spokesperson"}


def _by_agent(head: Token) -> Token | None:
    """The author of a document noun named after it: "a report [from/by X]", "figures
    [gathered/published by X]"."""
    for c in head.children:
        if c.dep_ == "prep" and (c.lower_ in ("by", "from") or c.lower_ == "for" and head.lower_ in _SPOKES):
            return next((g for g in c.children if g.dep_ == "pobj"), None)  # also "a spokesman [for X]"
        if c.dep_ == "acl" and c.tag_ == "VBN":
            for g in c.children:
                if g.dep_ == "agent":
                    return next((x for x in g.children if x.dep_ == "pobj"), None)
    return None


# ================================================================================ assembly
def _tok_range(starts: list[int], ends: list[int], a: int, b: int) -> tuple[int, int]:
    """Tokens [lo, hi) overlapping the character span [a, b)."""
    lo = bisect.bisect_right(ends, a)
    hi = bisect.bisect_left(starts, b)
    return lo, max(lo, hi)


def _n_words(doc: Doc, lo: int, hi: int) -> int:
    return sum(1 for t in doc[lo:hi] if not t.is_punct and not t.is_space)


_END_PUNCT = set(",.?!…—–-:;")
_ALL_MARKS = "“”\"‘’'«»„\x01"
_MAX_GAP = 10  # tokens allowed between a quote and its cue ("“…,” the Chinese foreign minister said")


_GAP_TAGS_AFTER = {"NNP", "NNPS", "NN", "NNS", "PRP", "DT", "JJ", "POS", "CD", "HYPH", "RB", "PRP$", "NFP"}
_GAP_TAGS_BEFORE = {"RB", "IN", "NNP", "DT", "PRP", "NN", "NNS", "CD", "JJ", "NNPS", "POS", "PRP$"}


def _gap_ok(doc: Doc, lo: int, hi: int, after: bool) -> bool:
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


def _gap_is_subject(doc: Doc, cue: _Cue, lo: int, hi: int) -> bool:
    """True when tokens [lo, hi) between a quote and its cue are the cue's subject with its
    apposition or relative clause ("“…,” [James Comey, the director of the F.B.I.,] said"; "“…,”
    [Nate Silver, the polling guru who founded fivethirtyeight.com] tweeted"), on one line."""
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


def _loose_cue_after(doc: Doc, hi: int, para: int, paras: "_Paragraphs") -> _Cue | None:
    """A cue the tagger missed right after a quote ending in ',”' / '?”': a short noun phrase
    and a reporting-verb form closing the sentence ("“…,” the editorial read.", tagged as a
    noun). Looks at most 8 tokens ahead, inside the quote's paragraph."""
    end = min(len(doc), hi + 9)
    for j in range(hi, end):
        t = doc[j]
        if "\n" in t.text or paras.of(t.idx) != para:
            return None
        hit = VERBS.get(t.lower_)
        if hit is not None and j > hi and (j + 1 >= len(doc) or doc[j + 1].text in (".", ",", ";")):
            nouns = [x for x in doc[hi:j] if x.tag_ in ("NNP", "NNPS", "NN", "NNS", "PRP", "JJ")]
            if not nouns or not all(x.is_punct or x.tag_ in _GAP_TAGS_AFTER for x in doc[hi:j]):
                return None
            head = nouns[-1]
            lo_ = _np_span(head)[0]
            return _Cue(t, t, hit[0], hit[1], head, lo_, head.i + 1, None, None, "loose")
        if not (t.is_punct or t.tag_ in _GAP_TAGS_AFTER):
            return None
    return None


def _introduces_next(doc: Doc, cue: _Cue) -> bool:
    """True when a cue ends in a colon before an opening mark ("Mr. Franco added: “…”"): it
    introduces the quote after it, not the one before it."""
    j = cue.last.i + 1
    return j + 1 < len(doc) and doc[j].text == ":" and (doc[j + 1].tag_ in ("``", "''") or doc[j + 1].is_quote)


def _gap_speaker(doc: Doc, lo: int, hi: int) -> Token | None:
    """Head of the noun phrase between a quote and a following cue ("“…,” [Mr Hass] wrote")."""
    nouns = [t for t in doc[lo:hi] if t.tag_ in ("NNP", "NNPS", "NN", "NNS", "PRP")]
    return nouns[-1] if nouns else None


def _reason_cue(cue: _Cue) -> bool:
    """True for a gerund cue that gives the reason for blame or praise ("criticized him for
    saying [he had …]", "apologize for suggesting that …"): PolNeAR train marks its clause 1 time
    in 17; the blame is the report (see the accuse/criticize objects)."""
    v = cue.first
    return v.tag_ == "VBG" and v.dep_ == "pcomp" and v.head.lower_ == "for"


def _nested_cue(cue: _Cue) -> bool:
    """True for a reporting verb whose clause is itself the reported clause of another reporting
    verb ("she said [she found that …]", "a poll shows [68% say …]"): PolNeAR annotates the outer
    report, rarely the inner one (train: 1 in 5). Only when the outer verb has no subject or a
    document subject ("a poll shows …", "the report said …"): other outer reports are handled by
    ``_drop_nested`` after the quotes are claimed, so the inner cue may still claim its quote."""
    v = cue.first
    if cue.content_hi is not None and cue.content_hi <= v.i:
        return False  # an inverted cue the parser hung on the verb before it ("A said X, B said")
    if not (v.dep_ == "ccomp" and v.head is not v and v.head.lower_ in VERBS):
        return False
    outer = _subject(v.head)
    return outer is None or outer.lower_ in _SOURCE_DOC_NOUNS


def extract_quotes(doc: Doc, entities: DocEntities) -> list[Quote]:
    """All direct, mixed and indirect quotes of ``doc`` with speaker and cue (see module doc).

    ``doc`` is the parsed body; ``entities`` the entity extractor's output for the same doc.
    Spans are character offsets into ``doc.text``; each quote's ``text`` equals that slice.
    Direct quotes include their quotation marks. Output is sorted by start offset.
    """
    text = doc.text
    if not text.strip():
        return []
    toks = list(doc)
    starts = [t.idx for t in toks]
    ends = [t.idx + len(t) for t in toks]
    sents = _Sents(doc)
    sent_starts = [starts[s.start] for s in sents.list if s.start < len(starts)]
    paras = _Paragraphs(text)
    qspans = find_quote_spans(text)
    qstarts = [a for a, _ in qspans]
    qtok = [_tok_range(starts, ends, a, b) for a, b in qspans]
    resolver = _Resolver(doc, entities, qspans)
    cues = _find_cues(doc, paras, sents, toks)
    cues += _noun_cues(doc, paras)

    def inside_quote(tok: Token) -> int | None:
        k = bisect.bisect_left(qstarts, tok.idx) - 1
        if k >= 0 and qspans[k][0] < tok.idx < qspans[k][1]:
            return k
        return None

    def sent_index(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    raw: list[dict] = []  # records before speaker resolution
    claimed: dict[int, dict] = {}  # quote index → record that took it
    # 1. cues with content: direct (content ≈ a quote), mixed (content holds marks), indirect
    for cue in cues:
        qk = inside_quote(cue.first)
        if qk is not None and (_n_words(doc, *qtok[qk]) > 3 or cue.lemma in _OBJECT_ONLY_LEMMAS):
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
            utterance = (_n_words(doc, *qtok[k0]) > 3
                         or text[qspans[k0][0]:qspans[k0][1]].rstrip(_ALL_MARKS + " ")[-1:] in _END_PUNCT)
            long_quote = _n_words(doc, *qtok[k0]) > 3
            if len(overlapping) == 1 and utterance and (outside == 0 or (outside == 1 and long_quote)):
                kind, span = "direct", (qa, qb)
            else:
                kind, span = "mixed", (min(ca, qa), max(cb, qb))
        elif ((cue.kinds == "direct" and cue.content_from != "as")
              or cue.content_from in ("object", "npobject")) and not _np_object_cue(cue):
            continue  # call/describe/hail… and bare objects only count with quoted words
        if kind != "direct" and ((_nested_cue(cue) and inside_quote(cue.first.head) == qk) or _reason_cue(cue)):
            continue  # (a verb inside a quote cannot take over the clause of a cue outside it)
        rec = {"span": span, "kind": kind, "cue": cue}
        raw.append(rec)
        if cue.content_from != "according":  # "…,” Xi said, according to X": Xi keeps the quote
            for k in overlapping:
                claimed.setdefault(k, rec)
    # 1b. "NAME: text" lines (headlines "Pence: Trump Was ‘Mocking’ …", transcripts "WALLACE: …")
    for rec in _name_colon_lines(doc, text, paras, resolver, qspans, starts):
        raw.append(rec)
        a, b = rec["span"]
        for k in range(bisect.bisect_left(qstarts, a), bisect.bisect_left(qstarts, b)):
            claimed.setdefault(k, rec)
    # 2. quotes not claimed: an adjacent cue in the same sentence and paragraph, else a floating
    #    quote, else (≤ 3 words) a scare quote or title, skipped
    cue_by_sent: dict[int, list[_Cue]] = {}
    free_cue_pos: list[int] = []
    for cue in cues:
        if (inside_quote(cue.first) is None and cue.lemma not in _OBJECT_ONLY_LEMMAS
                and cue.content_from not in ("question", "noun")):  # "Asked whether …" takes no adjacent quote
            cue_by_sent.setdefault(sents.of(cue.first.i).start, []).append(cue)
            if cue.content_from != "according":
                free_cue_pos.append(cue.first.idx)
    reported = sorted((r for r in raw if r["kind"] in ("indirect", "mixed")
                       and r["cue"].content_from not in ("according", "noun")), key=lambda r: r["span"][1])
    reported_ends = [r["span"][1] for r in reported]
    last_direct: dict | None = None
    for k, (a, b) in enumerate(qspans):
        if k in claimed:
            last_direct = claimed[k]
            continue
        lo, hi = qtok[k]
        if hi <= lo:
            continue
        nwords = _n_words(doc, lo, hi)
        short = nwords <= 3
        exclaim = short and text[a:b].rstrip(_ALL_MARKS + " ")[-1:] in ("!", "?")
        first_sent = sents.of(lo)
        last_sent = sents.of(hi - 1)
        pa, pb = paras.of(a), paras.of(b - 1)
        inner = text[a:b].rstrip(_ALL_MARKS + " ")
        ends_punct = bool(inner) and inner[-1] in _END_PUNCT
        starts_sentence = lo <= first_sent.start + 1 or (lo > 0 and doc[lo - 1].text in (":", ",", "—"))
        if short and not (ends_punct and starts_sentence) and not exclaim:
            continue  # scare quote or title: ≤ 3 words not set off as an utterance
        if _looks_like_title(inner) and not _titled_utterance(doc, inner, hi):
            continue  # “Guardians of the Galaxy,” ''An American Son.
        best: tuple[int, _Cue, Token | None] | None = None
        after_sents = {last_sent.start}
        if hi < len(doc) and paras.of(doc[hi].idx) == pb:
            after_sents.add(sents.of(hi).start)  # the parser split after “…?” Trump said
        for c in [c for st in after_sents for c in cue_by_sent.get(st, [])]:  # “…,” Xi said / said Xi
            if c.first.idx >= b and c.content_from != "according" and paras.of(c.first.idx) == pb \
                    and not _introduces_next(doc, c):
                gap_lo, gap_hi = hi, c.first.i
                short_gap = _gap_ok(doc, gap_lo, gap_hi, after=True)
                if not (short_gap or _gap_is_subject(doc, c, gap_lo, gap_hi)):
                    continue
                if not ends_punct and not (gap_hi > gap_lo and doc[gap_lo].is_punct):
                    continue  # “…” which Xi described: a fragment, not a quote set off by its cue
                speaker = _gap_speaker(doc, gap_lo, gap_hi) if short_gap else c.speaker_head
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
                if not _gap_ok(doc, c.last.i + 1, lo, after=False):
                    continue
                if short and not (lo > 0 and doc[lo - 1].text in (":", ",")) and not (exclaim and lo == c.last.i + 1):
                    continue
                dist = lo - c.last.i
                if best is None or dist < best[0]:
                    best = (dist, c, c.speaker_head)
        if best is None and ends_punct and text[b - 2:b - 1] in (",", "?", "!"):
            loose = _loose_cue_after(doc, hi, pb, paras)
            if loose is not None:
                best = (0, loose, loose.speaker_head)
        if best is None and not short:
            colon = _colon_cue(doc, text, a, lo, cue_by_sent, sents)
            if colon is not None:
                best = (0, colon, colon.speaker_head)
        if best is None and not short:
            byline = _byline_cue(doc, text, b, starts, a)
            if byline is not None:
                best = (0, byline, byline.speaker_head)
        if best is None and last_direct is not None and _resumes_after_cue(text, a, inner, last_direct,
                                                                            first_sent, sents, free_cue_pos):
            best = (0, last_direct["cue"], _speaker_of(last_direct))
        if best is not None:
            rec = {"span": (a, b), "kind": "direct", "cue": best[1], "speaker": best[2]}
            raw.append(rec)
            last_direct = rec
            continue
        # floating quote: a whole utterance (starts a sentence or paragraph, ends with sentence
        # punctuation); the previous quote, in this or the previous paragraph with no other cue
        # in between, had a speaker
        outer_end = text[b:b + 1]  # British style: “… stability”.
        if not (_starts_utterance(text, a) and inner and (inner[-1] in ".?!…—-" or outer_end in (".", "?", "!"))):
            continue
        prev_rep = _reported_before(reported, reported_ends, a, last_direct, sents)
        if prev_rep is not None and _continues_reported(text, prev_rep, a, paras, free_cue_pos):
            prev_rep["span"] = (prev_rep["span"][0], b)  # Xi said X. “Q.” → one attribution
            prev_rep["kind"] = "mixed"
            last_direct = prev_rep
            continue
        if last_direct is None or _speaker_of(last_direct) is None:
            continue
        prev_b = max(last_direct["span"][1], last_direct["cue"].last.idx + 1)
        cue_sent = sents.of(last_direct["cue"].last.i)  # "said X, who … responded anonymously." counts once
        if cue_sent.end - 1 < len(toks) and paras.of(starts[cue_sent.end - 1]) == paras.of(prev_b - 1):
            prev_b = max(prev_b, ends[cue_sent.end - 1])
        breaks = len(_PARA_BREAK.findall(text, last_direct["span"][1], a))
        n_cues_between = bisect.bisect_left(free_cue_pos, a) - bisect.bisect_right(free_cue_pos, prev_b)
        if breaks <= 1 and n_cues_between == 0:
            rec = {"span": (a, b), "kind": "direct", "cue": last_direct["cue"], "speaker": _speaker_of(last_direct)}
            raw.append(rec)
            last_direct = rec
    raw.sort(key=lambda r: r["span"][0])
    if MERGE_CONTINUED:
        raw = _merge_continued(text, raw, paras)
    raw = _drop_nested(raw)
    raw = _join_clause_and_quote(text, raw)
    return _finish(doc, text, raw, resolver, sent_index)


_CLAUSE_QUOTE_GAP = re.compile(r"\s*:\s*|,\s[^,.;:\n“”\"]{1,40},\s*")


def _join_clause_and_quote(text: str, raw: list[dict]) -> list[dict]:
    """Join a reported clause and the direct quote its own cue introduces right after it — over a
    colon ("said [some bargain might be possible: “In business, …”]") or the parenthetical cue
    itself ("[The streets were deserted, he added, “but people need …”]") — into ONE mixed span."""
    out: list[dict] = []
    for rec in sorted(raw, key=lambda r: r["span"][0]):
        prev = out[-1] if out else None
        if (prev is not None and prev["kind"] == "indirect" and rec["kind"] == "direct" and prev["cue"] is rec["cue"]
                and prev["span"][1] <= rec["span"][0]
                and _CLAUSE_QUOTE_GAP.fullmatch(text, prev["span"][1], rec["span"][0])):
            merged = dict(prev)
            merged["span"], merged["kind"] = (prev["span"][0], rec["span"][1]), "mixed"
            out[-1] = merged
            continue
        out.append(rec)
    return out


NESTED_INNER_KINDS = ("indirect", "mixed", "direct")


def _relaying(rec: dict) -> bool:
    """True for a record whose speaker only relays others' words: a document ("a ministry
    statement said Xi called for …", "a Kremlin readout"), or an "according to" source."""
    if rec["cue"].content_from == "according":
        return True
    head = _speaker_of(rec)
    if head is None:
        return False
    return head.lower_ in _SOURCE_DOC_NOUNS or any(t.lower_ in _RELAY_ROLES for t in head.lefts)


_RELAY_ROLES = {"aide", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor"}


def _named_relative(cue: _Cue) -> bool:
    """True for a cue in a relative clause with a named subject of its own ("troops, which
    Russia has described as an act of aggression"): another party's words, kept when nested."""
    v = cue.first
    return v.dep_ == "relcl" and any(c.dep_ in _SUBJ_DEPS and c.tag_ in ("NNP", "NNPS") for c in v.children)


def _crowd_speaker(rec: dict) -> bool:
    """True for a record whose speaker is a count or a crowd ("51 percent of respondents", "three
    in four", "voters", "campaign finance records"), not one named party."""
    head = _speaker_of(rec)
    if head is None:
        return False
    return head.tag_ in ("CD", "NNS") or head.lower_ in ("percent", "majority", "half", "third", "quarter")


def _drop_nested(raw: list[dict]) -> list[dict]:
    """Drop a record whose span lies inside the span of an indirect or mixed record ("Brown
    said [the company told him [it would stay]]", "she said [X, he added, “…”]"): PolNeAR marks
    the outer attribution and rarely the inner one (train: 1 in 4). One pass over the records
    sorted by start (longest first)."""
    order = sorted(raw, key=lambda r: (r["span"][0], -r["span"][1]))
    dropped: set[int] = set()
    reach, reach_start = -1, -1  # furthest end of an indirect/mixed record started so far, its start
    reach_acc = -1  # furthest end of an "according to" record started so far
    for rec in order:
        a, b = rec["span"]
        if (b <= reach and rec["kind"] in NESTED_INNER_KINDS and not _named_relative(rec["cue"])
                and not (rec["kind"] == "direct" and a == reach_start)):
            dropped.add(id(rec))
            continue
        if b <= reach_acc and rec["kind"] in ("indirect", "mixed") and _crowd_speaker(rec):
            dropped.add(id(rec))  # "[51 percent of respondents said they …], according to the poll"
            continue
        if rec["kind"] in ("indirect", "mixed") and not _relaying(rec) and b > reach:
            reach, reach_start = b, a
        if rec["cue"].content_from == "according" and b > reach_acc:
            reach_acc = b
    return [r for r in raw if id(r) not in dropped]  # input order kept


# A direct quote interrupted by its cue ("“A,” Xi said. “B.”") or continued by a floating quote
# in the next paragraph is ONE quote whose span runs from the first opening mark to the last
# closing mark (the cue text in between is inside the span), as PolNeAR and GenderGapTracker
# annotate it. Set to False to get one quote per quoted stretch instead.
MERGE_CONTINUED = True
_MAX_MERGE_PARAGRAPHS = 1  # paragraph breaks between the parts (a run of newlines counts once)


def _same_token(a: Token | None, b: Token | None) -> bool:
    return a is not None and b is not None and a.i == b.i


def _merge_continued(text: str, raw: list[dict], paras: _Paragraphs) -> list[dict]:
    """Merge consecutive direct records that share their cue and speaker (see MERGE_CONTINUED).
    Only quoted records take part; an "according to" record around them is left as it is."""
    quoted = [r for r in raw if r["kind"] == "direct" or (r["kind"] == "mixed" and r["cue"].content_from != "according")]
    rest = [r for r in raw if not (r["kind"] == "direct" or (r["kind"] == "mixed" and r["cue"].content_from != "according"))]
    out: list[dict] = []
    for rec in quoted:
        prev = out[-1] if out else None
        if (prev is not None and rec["kind"] == "direct"
                and (prev["kind"] == "direct" or (prev["kind"] == "mixed"
                                                  and text[prev["span"][1] - 1] in _ALL_MARKS))
                and prev["cue"] is rec["cue"] and _same_token(_speaker_of(prev), _speaker_of(rec))
                and rec["span"][0] >= prev["span"][1]
                and len(_PARA_BREAK.findall(text, prev["span"][1], rec["span"][0])) <= _MAX_MERGE_PARAGRAPHS):
            merged = dict(prev)
            merged["span"] = (prev["span"][0], rec["span"][1])
            out[-1] = merged
            continue
        out.append(rec)
    return sorted(out + rest, key=lambda r: r["span"][0])


_DASHES = ("-", "—", "–", "--", "―")
_MAX_BYLINE_NAME = 6  # tokens
_INITIAL = re.compile(r"^[A-Z]\.?$")


def _byline_cue(doc: Doc, text: str, b: int, starts: list[int], a: int | None = None) -> _Cue | None:
    """Cue of a quote paragraph signed with a dash and a name, on the next line ("“…”\n\n- Bernie
    Sanders.", "-President Obama, tweeting after …") or on the same line ("“…” ― Sonya Herridge",
    "“…”— Jo A. Diaz."): the dash (- — – -- ―) is the cue, the run of capitalised words (initials
    allowed) after it the speaker. On the same line the quote (opening at ``a``) must start its
    paragraph and the name must end the line. Limit: the name must start right after the dash
    and hold a proper noun; "— AP" style credits are taken as speakers too."""
    j = b
    while j < len(text) and text[j] in _SPACE:
        j += 1
    if j >= len(text) or not text.startswith(_DASHES, j):
        return None
    same_line = "\n" not in text[b:j]
    if same_line:
        i = (a if a is not None else 1) - 1
        while i >= 0 and text[i] in " \t\u00a0\u200e\u202a":
            i -= 1
        if a is None or (i >= 0 and text[i] != "\n"):
            return None
    k = bisect.bisect_right(starts, j) - 1  # the dash may be glued to the closing mark: '”―'
    if k < 0 or doc[k].text[j - doc[k].idx:] not in _DASHES:
        return None
    n = k + 1
    while n < len(doc) and doc[n].is_space and "\n" not in doc[n].text:
        n += 1
    first = n
    while n < len(doc) and n - first < _MAX_BYLINE_NAME and doc[n].text[:1].isupper() and (
            doc[n].is_alpha or (_INITIAL.match(doc[n].text) and n > first)):
        n += 1
    if n == first or (n < len(doc) and doc[n].text[:1].isupper() and doc[n].is_alpha) \
            or not any(t.tag_ in ("NNP", "NNPS") for t in doc[first:n]):
        return None
    if n < len(doc) and doc[n].text not in (",", ".", "(") and "\n" not in doc[n].text:
        return None
    if same_line:  # the name closes the line ("― Carla Sanchez." / "― Jorge Falcon")
        rest = text[doc[n - 1].idx + len(doc[n - 1]):_paragraph_end(text, doc[n - 1].idx)]
        if rest.strip(" .\u00a0"):
            return None
    dash = doc[k]
    return _Cue(dash, dash, "-", "all", doc[n - 1], first, n, None, None, "byline")


def _colon_cue(doc: Doc, text: str, a: int, lo: int, cue_by_sent: dict[int, list[_Cue]],
               sents: _Sents) -> _Cue | None:
    """Cue of a quote introduced by a colon ("Cruz continued:\n\n“…”", "as Ridge put it: “…”",
    "Kaine has adopted the stance …: “…”"): the reporting verb of the clause before the colon,
    else that clause's subject with the colon itself as cue (lemma ":")."""
    j = a - 1
    breaks = 0
    while j >= 0 and text[j] in _SPACE:
        breaks += text[j] == "\n" and (j == 0 or text[j - 1] != "\n")
        j -= 1
    if j < 0 or text[j] != ":" or breaks > 1:
        return None
    k = bisect.bisect_right([t.idx for t in doc[max(0, lo - 60):lo]], j) - 1 + max(0, lo - 60)
    if k < 0 or doc[k].text != ":":
        return None
    colon = doc[k]
    sent = sents.of(colon.i)
    cands = [c for c in cue_by_sent.get(sent.start, []) if c.last.i < k and c.speaker_head is not None
             and c.content_from != "according"]
    if cands:
        return max(cands, key=lambda c: c.last.i)
    if k == 0:
        return None
    root = doc[k - 1]  # the head of the clause that ends at the colon
    while root.head.i != root.i and root.head.i < k:
        root = root.head
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    named = _name_before_colon(doc, k, subj)
    if named is not None:
        subj = named
    if subj is None:
        return None
    slo, shi = _np_span(subj)
    return _Cue(colon, colon, ":", "all", subj, slo, shi, None, None, "colon")


def _name_before_colon(doc: Doc, k: int, subj: Token | None) -> Token | None:
    """A person's or organisation's name right before the colon at ``k`` that introduces a quote
    ("IOWA POLLS NOT WRONG - Mark Blumenthal and Jon Cohen: “…”", "More from Jones: “…”",
    "doesn't surprise pollster Daron Shaw: “…”"), taken over a clause subject that is no
    person ("The timing of … doesn't surprise …")."""
    t = doc[k - 1]
    if t.tag_ not in ("NNP", "NNPS") or t.ent_type_ not in ("PERSON", "ORG"):
        return None
    if subj is not None and (subj.ent_type_ == "PERSON" or subj.lower_ in _PRONOUNS_PERSON):
        return None
    return t


def _name_colon_lines(doc: Doc, text: str, paras: "_Paragraphs", resolver: "_Resolver",
                      qspans: list[tuple[int, int]], starts: list[int]) -> list[dict]:
    """Records for lines that start with a speaker name and a colon: "Pence: …", "WALLACE: …".
    The prefix must be at most 5 tokens, hold a PERSON/ORG mention (or be one upper-case word
    that is no place name), and end the name right at the colon; content = rest of the line."""
    out: list[dict] = []
    name_words: set[str] | None = None  # words of PERSON/ORG mentions, built on first need
    transcript: set[str] | None = None  # upper-case line prefixes of a transcript, built on first need
    shouted: dict[str, int] = {}  # "WALLACE:" counts as a speaker only when it opens ≥ 2 lines
    for m in _SHOUT_PREFIX.finditer(text):
        shouted[m.group(1)] = shouted.get(m.group(1), 0) + 1
    for p_start in paras.starts:
        t0 = bisect.bisect_left(starts, p_start)
        if t0 >= len(doc):
            continue
        if doc[t0].tag_ == "``" and t0 + 1 < len(doc):  # a quoted transcript: "\"WALLACE: …"
            t0 += 1
        k = next((i for i in range(t0, min(t0 + 6, len(doc))) if doc[i].text == ":" or "\n" in doc[i].text), None)
        if k is None or k == t0 or doc[k].text != ":" or k + 1 >= len(doc):
            continue
        prefix = doc[t0:k]
        proper = all(t.tag_ in ("NNP", "NNPS", "POS", ".") or t.text == "." for t in prefix)
        if not proper and not all(t.text[:1].isupper() or t.tag_ == "POS" or t.text == "." for t in prefix):
            continue
        mentions = [resolver.mention_of_token(t) for t in prefix]
        has_name = any(m is not None and m.label in ("PERSON", "ORG") for m in mentions)
        guessed = False  # a headline name the tagger took for a common noun ("Trump: ‘We win.’")
        if not has_name and all(m is None for m in mentions):
            if name_words is None:
                name_words = _person_org_words(resolver)
            guessed = has_name = all(t.tag_ == "POS" or t.text == "." or t.text.lower() in name_words
                                     for t in prefix) or (proper and prefix[-1].text.lower() in name_words)
        elif not proper and not _names_prefix(prefix, mentions):
            continue
        shout = (len(prefix) == 1 and prefix[0].is_upper and len(prefix[0]) > 2 and mentions[0] is None
                 and shouted.get(prefix[0].text, 0) >= 2)
        if not shout and not has_name:  # "KATE BOULDUAN:" then "BOULDUAN:" in a transcript
            if transcript is None:
                transcript = _transcript_speakers(text)
            shout = " ".join(text[doc[t0].idx:doc[k].idx].split()) in transcript
        # "Poll: Trump leads in Ohio", "Sources: …": a headline credited to a source document
        source = len(prefix) == 1 and prefix[0].lower_ in _HEADLINE_SOURCES and mentions[0] is None
        if not (has_name or shout or source):
            continue
        end = text.find("\n", doc[k].idx)
        end = len(text) if end < 0 else end
        c_hi = bisect.bisect_left(starts, end)
        lo, hi = _trim(doc, k + 1, c_hi)
        if hi <= lo or sum(1 for t in doc[lo:hi] if t.is_alpha) < 2:
            continue  # "Clinton: 547." is a tally, not an utterance
        ca, cb = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        inside = [(qa, qb) for qa, qb in qspans if ca <= qa and qb <= cb]
        if (guessed or source) and not inside and not _has_clause(doc, lo, hi) and not (
                source and sum(1 for t in doc[lo:hi] if t.is_alpha) >= 5):  # "Poll: Trump a big turnoff for …"
            continue  # "Sanders: Win in a walk" is a section label, not an utterance
        kind = "direct" if inside and inside[0][0] == ca and inside[-1][1] == cb else ("mixed" if inside else "indirect")
        head = prefix[-1]
        cue = _Cue(doc[k], doc[k], ":", "all", head, t0, k, lo, hi, "colon")
        out.append({"span": (ca, cb), "kind": kind, "cue": cue})
    return out


_TRANSCRIPT_PREFIX = re.compile(r"^[ \t]*[\"“]?([A-Z][A-Z'’.-]*(?:[ \t]+[A-Z][A-Z'’.-]*){0,2})[ \t]*:[ \t]*\S",
                                re.M)
_NOT_TRANSCRIPT_SPEAKERS = {"BREAKING", "UPDATE", "UPDATED", "WATCH", "EXCLUSIVE", "NOTE", "VIDEO", "PHOTOS",
                            "PHOTO", "CORRECTION", "READ", "RELATED", "MORE", "SOURCE", "SOURCES", "POLL", "CREDIT",
                            "ET", "PT", "EDT", "EST", "AM", "PM", "RESULTS", "TOPICS", "TAGS", "SUBSCRIBE", "ALERT"}


def _transcript_speakers(text: str) -> set[str]:
    """Upper-case "NAME:" line prefixes (1–3 words) of a transcript: a prefix counts when its
    last word opens ≥ 2 such lines ("KATE BOULDUAN: …" and later "BOULDUAN: …") in a document
    with ≥ 3 of them. "Q:"/"A:" interview lines do not count (PolNeAR annotates them in some
    interviews, not in others)."""
    found = [" ".join(m.group(1).split()) for m in _TRANSCRIPT_PREFIX.finditer(text)]
    found = [f for f in found if f.split()[-1] not in _NOT_TRANSCRIPT_SPEAKERS]
    if len(found) < 3:
        return set()
    last: dict[str, int] = {}
    for f in found:
        last[f.split()[-1]] = last.get(f.split()[-1], 0) + 1
    return {f for f in found if last[f.split()[-1]] >= 2 and len(f.split()[-1]) > 2}


_HEADLINE_SOURCES = {"poll", "polls", "survey", "study", "report", "sources", "officials", "insiders", "experts",
                     "aides", "newspaper", "analysts"}


def _names_prefix(prefix, mentions) -> bool:
    """True when every word of a "NAME:" prefix lies in a PERSON/ORG mention (the tagger often
    takes a headline name for a common noun: "Clinton: I support statehood")."""
    return all(m is not None and m.label in ("PERSON", "ORG") for t, m in zip(prefix, mentions) if t.is_alpha)


def _has_clause(doc: Doc, lo: int, hi: int) -> bool:
    """True when tokens [lo, hi) hold a finite verb with its own subject (an utterance, not a
    section label like "Win in a walk")."""
    for t in doc[lo:hi]:
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            verb = t.head if t.dep_ in ("aux", "auxpass") else t
            if any(k.dep_ in ("nsubj", "nsubjpass") for k in verb.children):
                return True
    return False


def _person_org_words(resolver: "_Resolver") -> set[str]:
    """Lower-cased words (≥ 3 letters) of the document's PERSON and ORG mentions."""
    return {w.lower() for m in resolver.mentions if m.label in ("PERSON", "ORG")
            for w in m.text.replace("’", " ").replace("'", " ").split() if len(w) > 2}


_TITLE_SMALL = {"a", "an", "the", "of", "for", "and", "or", "in", "on", "at", "to", "by", "with", "but",
                "from", "vs", "de", "la", "is"}
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")


def _looks_like_title(inner: str) -> bool:
    """True for a short Title Case stretch (2–6 words, every content word capitalised):
    a book, show, slogan or organisation name rather than an utterance."""
    words = _WORD.findall(inner)
    content = [w for w in words if w.lower() not in _TITLE_SMALL]
    if not 2 <= len(content) <= 6 or len(words) > 8:
        return False
    return all(w[0].isupper() for w in content)


_SENTENCE_BREAK = re.compile(r"[.?!] +[A-Z]")


def _titled_utterance(doc: Doc, inner: str, hi: int) -> bool:
    """True for a Title Case quote that is nevertheless an utterance: it holds a sentence break
    (“Like Oakland. Or Ferguson,”) or ends with , ! ? and a speaker with a reporting verb follows
    (“Happy Cinco de Mayo!,” he tweeted / said Ms Lee) — unlike “Guardians of the Galaxy,” posted …"""
    if _SENTENCE_BREAK.search(inner):
        return True
    if inner[-1:] not in (",", "!", "?"):
        return False
    toks = [t for t in doc[hi:hi + 6] if not t.is_space]

    def bare_cue(t: Token) -> bool:  # a finite reporting verb with no clause of its own after it
        return (t.tag_ in ("VBD", "VBZ", "VBP") and _cue_of(t) is not None
                and not any(c.dep_ in ("ccomp", "dobj") and c.i > t.i for c in t.children))

    if toks and toks[0].tag_ in ("PRP", "NNP", "NNPS"):
        k = 1
        while k < len(toks) and toks[k].tag_ in ("NNP", "NNPS"):
            k += 1
        return k < len(toks) and bare_cue(toks[k])
    return len(toks) > 1 and bare_cue(toks[0]) and toks[1].tag_ in ("NNP", "NNPS")


def _starts_utterance(text: str, a: int) -> bool:
    """True when the quote opening at ``a`` begins a paragraph or follows a finished sentence."""
    j = a - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0 or text[j] in "\n:":
        return True
    if text[j] in _ALL_MARKS:  # after a closed quote: “A.” “B.”
        k = j - 1
        while k >= 0 and text[k] in _ALL_MARKS:
            k -= 1
        return k >= 0 and text[k] in ".?!…"
    return text[j] in ".?!…"


def _resumes_after_cue(text: str, a: int, inner: str, prev: dict, first_sent, sents: "_Sents",
                       free_cue_pos: list[int]) -> bool:
    """True when the quote at ``a`` resumes a direct quote after its cue in the same sentence:
    “A,” said Sherman, speaking of politicians, “and leave …” — the second part opens with a
    lower-case word, the cue sits between the two parts, and no other cue comes in between."""
    body = inner.lstrip(_ALL_MARKS + " .…")
    if not body[:1].islower() or prev["kind"] != "direct" or _speaker_of(prev) is None:
        return False
    cue = prev["cue"]
    if not (prev["span"][1] <= cue.first.idx and cue.last.idx < a):
        return False
    if sents.of(cue.last.i).start != first_sent.start:
        return False
    return bisect.bisect_left(free_cue_pos, a) - bisect.bisect_right(free_cue_pos, cue.first.idx) == 0


def _reported_before(reported: list[dict], ends: list[int], a: int, last_direct: dict | None,
                     sents: "_Sents") -> dict | None:
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


def _continues_reported(text: str, rec: dict, a: int, paras: "_Paragraphs", free_cue_pos: list[int]) -> bool:
    """True when a standalone quote at ``a`` continues the reported clause ``rec``: the next
    sentence of the same paragraph, no other cue in between, and ``rec`` has a speaker
    ("She said she and Obama had made progress. “I really believe …”" is ONE attribution in
    PolNeAR). Not after a bare noun-phrase object ("He didn't suggest [retaliation]. “Our goal
    …”": the quote floats on its own). Limit: a quote by someone else introduced without a cue
    is taken too."""
    rb = rec["span"][1]
    if _speaker_of(rec) is None or rec["cue"].last.idx >= a or rec["cue"].content_from == "npobject":
        return False
    if paras.of(rb - 1) != paras.of(a):
        return False
    gap = text[rb:a]
    if "\n" in gap or len(gap) > 120:
        return False
    prev_b = max(rb, rec["cue"].last.idx + 1)
    return bisect.bisect_left(free_cue_pos, a) - bisect.bisect_right(free_cue_pos, prev_b) == 0


def _speaker_of(rec: dict) -> Token | None:
    """Speaker head token of a record (its own, else its cue's)."""
    return rec.get("speaker") or rec["cue"].speaker_head


def _finish(doc: Doc, text: str, raw: list[dict], resolver: _Resolver, sent_index) -> list[Quote]:
    """Resolve speakers in text order and build the Quote records (dedup identical spans)."""
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for rec in raw:
        a, b = rec["span"]
        while a < b and text[a] in _SPACE:
            a += 1
        while b > a and text[b - 1] in _SPACE:
            b -= 1
        if b <= a or (a, b) in seen:
            continue
        seen.add((a, b))
        cue: _Cue = rec["cue"]
        q = Quote(start_char=a, end_char=b, text=text[a:b], kind=rec["kind"], sentence_index=sent_index(a))
        cs, ce = cue.first.idx, cue.last.idx + len(cue.last)
        q.cue, q.cue_start, q.cue_end, q.cue_lemma = text[cs:ce], cs, ce, cue.lemma
        head = _speaker_of(rec)
        if head is not None:
            if head is cue.speaker_head and cue.speaker_lo is not None:
                slo, shi = cue.speaker_lo, cue.speaker_hi
            else:
                slo, shi = _np_span(head)
            ss, se = doc[slo].idx, doc[shi - 1].idx + len(doc[shi - 1])
            q.speaker, q.speaker_start, q.speaker_end = text[ss:se], ss, se
            # the quote's own words are no antecedents when the speaker stands outside them
            # (an inverted cue heading its sentence: "Mr Blair has failed, he claimed"; not "X got
            # a roar when, at the end of …, she added")
            resolver.current = (a, b) if not a <= ss < b and head.head.dep_ in ("ROOT", "parataxis") else (0, 0)
            m = resolver.resolve(head, slo, shi)
            if m is not None and head.lower_ in _SPOKES and m.label in ("ORG", "GPE"):
                resolver.last_spokes = (ss, m)
            if m is not None:
                m = resolver.fuller_name(m)
                q.speaker_name, q.speaker_label, q.speaker_entity_id = m.name, m.label, m.entity_id
                resolver.note_speaker(ss, m, head)
                if m.label == "PERSON" and q.kind != "direct":
                    resolver.note_content(a, b)
        out.append(q)
    return out


__all__ = ["extract_quotes", "find_quote_spans", "VERBS"]
