"""Direct quotes whose speaker is plainly there but the parse loses it (issue 16 follow-up:
recall at the attribution grain). Every sentence here was written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from newsdesk.extract.quotes import extract_quotes
from newsdesk.extract.quotes.speaker import opening_np_subject, set_off_subject
from newsdesk.extract.types import DocEntities

from quote_helpers import find, head_of, run


def test_not_inside_the_quote_does_not_negate_its_cue(nlp):
    # the parser hangs the quote's "not" on the cue as its negation
    q = find(run(nlp, '"Absolutely not. Absolutely not," Mayor Ortiz replied when the council asked about '
                      'a tax rise.'), "Absolutely")
    assert q.kind == "direct" and q.speaker == "Mayor Ortiz" and q.cue == "replied"


def test_participle_after_a_cue_the_parser_hung_under_the_quote(nlp):
    # "replied" parsed as the clause of the quote's "Tell": the participle keeps the replier
    q = find(run(nlp, '"Tell him I said thanks," Varga replied, adding that the plan was "a shambles."'),
             "shambles")
    assert q.speaker == "Varga" and q.cue == "adding"


def test_infinitive_cue_hung_on_an_adverb_takes_the_clause_subject(nlp):
    # "went so far as to say": "say" hangs on "far", not on the verb with the subject
    q = find(run(nlp, 'The columnist Ruth Ames went so far as to say: "The league as we knew it is finished."'),
             "league")
    assert q.speaker == "The columnist" and q.speaker_name == "Ruth Ames"


def test_inverted_cue_after_a_space_token(nlp):
    # a no-break space between the closing mark and the verb is its own token
    q = find(run(nlp, "“We will take this to the appeals court, and we will win,”\u00a0added Ortega."), "appeals")
    assert q.speaker == "Ortega" and q.cue == "added"


def test_inverted_cue_with_a_title_participle_and_a_party_in_brackets(nlp):
    # "ranking" tagged as a verb inside the title; the party and state close the name
    qs = run(nlp, "“Nobody trusts the agency any more,” said Finance ranking Republican Paula Grant (R-Ohio).")
    assert len(qs) == 1
    assert qs[0].speaker.endswith("Paula Grant") and qs[0].speaker_name == "Paula Grant"


def test_inverted_cue_with_another_as_its_speaker(nlp):
    q = find(run(nlp, 'One reader praised the new layout. "Nobody reads the minutes anyway, so who cares about '
                      'the font," wrote another.'), "minutes")
    assert q.speaker == "another" and q.cue == "wrote"


def test_name_tagged_as_a_modal_between_quote_and_cue(nlp):
    q = find(run(nlp, '"The bridge should open by May, and the tolls will stay low," Will wrote.'), "bridge")
    assert q.speaker == "Will" and q.cue == "wrote"


def _parsed(nlp, spec: str) -> Doc:
    """A hand-built parse, one "word/TAG/dep/head" per token (head: index of the head token), to
    pin down a parser error the model makes on some sentences and not on others."""
    words, tags, deps, heads = [], [], [], []
    for item in spec.split():
        w, t, d, h = item.rsplit("/", 3)
        words.append(w.replace("_", " "))
        tags.append(t)
        deps.append(d)
        heads.append(int(h))
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


def test_speaker_before_a_phrase_set_off_by_commas_after_the_quote(nlp):
    # "Rita Moss, wearing …, said": the parser hung the name on the quote's verb
    qs = run(nlp, "“We have never seen a winter like this one,” farmer Rita Moss, wearing a muddy coat and a "
                  "“Save Our Farms” badge, said quietly as the rain fell.")
    q = find(qs, "winter")
    assert q.kind == "direct" and q.text.endswith("one,”") and q.speaker == "farmer Rita Moss"
    assert not any("badge" in x.text for x in qs)


@pytest.mark.parametrize("text, fragment, speaker", [
    ('The dispute had flared on Monday after Mr. Ode, asked about the layoffs at the mill, had said, "I think '
     'the town will survive this too."', "survive", "Mr. Ode"),
    ('Ortiz, meanwhile, who has no endorsements from the unions, said the numbers show the mayor is "out of '
     'touch with working people."', "out of touch", "Ortiz"),
    ('Although there was no direct link with the mayor\'s office, a union organizer who spoke anonymously to '
     'discuss internal plans said Monday, "Certainly the union has talked to the mayor."', "union has",
     "a union organizer"),
])
def test_subject_cut_off_from_its_cue_by_a_set_off_phrase(nlp, text, fragment, speaker):
    q = find(run(nlp, text), fragment)
    assert q.speaker == speaker and q.cue == "said"


@pytest.mark.parametrize("spec, places, verb, subject", [
    # Two members of the panel from Harbor Ward , Ana Lind and Paul Roe , said (Ward hung as the subject's
    # prepositional object: the members speak, not the ward)
    ("Two/CD/nummod/1 members/NNS/npadvmod/15 of/IN/prep/1 the/DT/det/4 panel/NN/pobj/2 from/IN/prep/1 "
     "Harbor/NNP/compound/7 Ward/NNP/pobj/5 ,/,/punct/1 Ana/NNP/compound/10 Lind/NNP/appos/1 and/CC/cc/10 "
     "Paul/NNP/compound/13 Roe/NNP/conj/10 ,/,/punct/15 said/VBD/ROOT/15", (), 15, "members"),
    # Dana Pike , a Salem , Ore. , lawyer , said (the place and its state are phrases of their own)
    ("Dana/NNP/compound/1 Pike/NNP/npadvmod/10 ,/,/punct/1 a/DT/det/8 Salem/NNP/compound/8 ,/,/punct/4 "
     "Ore./NNP/appos/4 ,/,/punct/4 lawyer/NN/appos/1 ,/,/punct/10 said/VBD/ROOT/10", (4, 6), 10, "Pike"),
])
def test_set_off_subject_on_a_misparsed_sentence(nlp, spec, places, verb, subject):
    doc = _parsed(nlp, spec)
    doc.ents = [Span(doc, i, i + 1, label="GPE") for i in places]
    assert set_off_subject(doc[verb], 0).text == subject


def test_organisation_name_parsed_as_a_modifier_opens_the_clause(nlp):
    # Clean Rivers Matter issued a statement saying … ("Matter" taken for an adverb of "issued")
    doc = _parsed(nlp, "Clean/JJ/amod/1 Rivers/NNS/compound/2 Matter/NNP/advmod/3 issued/VBD/ROOT/3 a/DT/det/5 "
                       "statement/NN/dobj/3 saying/VBG/acl/5 it/PRP/nsubj/8 quit/VBD/ccomp/6")
    assert opening_np_subject(doc[6], 0).text == "Matter"
    assert opening_np_subject(doc[8], 0) is None  # "it quit": the clause has its subject


@pytest.mark.parametrize("text, fragment, speaker, cue", [
    ("The mayor's plan is “reckless,” Ito said Monday in Osaka, noting the budget “will leave nothing for "
     "schools.”", "leave nothing", "Ito", "noting"),
    ("The senator praised the report in a brief interview. Adding, “Now we need the funding to follow, and we "
     "need it this year.”", "funding", "The senator", "Adding"),
])
def test_participle_cut_off_from_its_clause_speaks_for_it(nlp, text, fragment, speaker, cue):
    q = find(run(nlp, text), fragment)
    assert q.speaker == speaker and q.cue == cue


def test_participle_after_a_clause_that_is_no_cue(nlp):
    # Singer Kofi shared the news , writing “ Feels … ” — "writing" parsed as the subject of the quote's verb
    doc = _parsed(nlp, "Singer/NNP/compound/1 Kofi/NNP/nsubj/2 shared/VBD/ROOT/2 the/DT/det/4 news/NN/dobj/2 "
                       ",/,/punct/2 writing/VBG/nsubj/8 “/``/punct/8 Feels/VBZ/conj/2 great/JJ/acomp/8 "
                       "to/TO/aux/11 be/VB/xcomp/8 home/RB/advmod/11 again/RB/advmod/11 ././punct/2 ”/''/punct/2")
    qs = extract_quotes(doc, DocEntities())
    assert [(q.text, q.speaker, q.cue) for q in qs] == [("“ Feels great to be home again . ”", "Singer Kofi",
                                                         "writing")]


@pytest.mark.parametrize("text, speaker, cue", [
    ("“Vote early and bring your neighbours!” the mayor boomed from the stage.", "the mayor", "boomed"),
    ("“See you in court, gentlemen,” Ms Adeyemi sniped as she left the hearing.", "Ms Adeyemi", "sniped"),
    ("“Nice try, coach!” the fans jeered when the substitute came on.", "the fans", "jeered"),
])
def test_verbs_of_the_manner_of_speaking_cue_quoted_words(nlp, text, speaker, cue):
    qs = run(nlp, text)
    assert [(q.kind, q.speaker, q.cue) for q in qs] == [("direct", speaker, cue)]


def test_verbs_of_the_manner_of_speaking_cue_no_unquoted_clause(nlp):
    # kinds "direct": "the economy boomed" or "the crowd jeered the referee" is no quote
    assert run(nlp, "The economy boomed after the war, and the crowd jeered the referee.") == []


@pytest.mark.parametrize("text, fragment, speaker, cue", [
    ("Sam Ode, the party's spokesman, said in a statement. “There is nothing to recount. The vote was final "
     "and fair.”", "nothing to recount", "Sam Ode", "said"),
    ("Housing was the main topic of the debate. Ms Lind agreed. “The council has run out of time to find a "
     "compromise.”", "compromise", "Ms Lind", "agreed"),
    ("Ito touted her record on housing at the rally. “We built more homes than any other city in the region.”",
     "more homes", "Ito", "touted"),
    ("On Monday, Ito continued her remarks.\n\n“The harbour will be dredged next spring, and the ferries will "
     "run again.”", "harbour", "Ito", "continued"),
    ("Mr Pell read a statement before the vote. “I have served this town for thirty years and I will not "
     "resign.”", "thirty years", "Mr Pell", "read"),
])
def test_quote_after_a_sentence_that_leads_into_it(nlp, text, fragment, speaker, cue):
    q = find(run(nlp, text), fragment)
    assert q.kind == "direct" and q.speaker == speaker and q.cue == cue


@pytest.mark.parametrize("text", [
    "Hundreds of fans snapped photos of the singer. “This is the best night of my life!”",
    "Mr Pell began to read a statement, and the judge interrupted him. “Tell me why you are here today and what "
    "you did.”",
    "Ms Lind did not comment on the vote. “The council has run out of time to find a compromise.”",
    "“This is the best night of my life!” beamed a fan. Hundreds of fans snapped photos.",
])
def test_no_lead_in_from_a_sentence_about_something_else(nlp, text):
    assert run(nlp, text) == []


def test_transcript_line_with_a_bracketed_affiliation(nlp):
    qs = run(nlp, "Hearing transcript, March 3\n\nSen. Ana Ruiz (D-Ore.): “Who told you that the plant was safe? "
                  "Who told you that?”\n\nFormer plant manager Tom Baird: “We learned it from the inspectors and "
                  "their reports.”")
    q = find(qs, "Who told")
    assert q.kind == "direct" and q.speaker == "Sen. Ana Ruiz" and q.speaker_name == "Ana Ruiz"
    assert find(qs, "inspectors").speaker_name == "Tom Baird"


def test_title_case_headline_clause_is_no_transcript_line(nlp):
    # the name before the colon is the object of the headline's verb, not the speaker of the quote
    qs = run(nlp, "Mayor Praises Fire Chief Dana Ortiz: ‘A Real Hero.’\n\nThe mayor spoke on Monday.")
    assert all(q.speaker_name != "Dana Ortiz" for q in qs)
