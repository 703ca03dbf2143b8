"""Names in the text: wire brackets, names the NER missed or cut, titles with a name in apposition,
fuller earlier names (newsdesk.extract.speakers.names)."""

from __future__ import annotations

import pytest

from newsdesk import ids
from newsdesk.extract.quotes import extract_quotes
from newsdesk.extract.types import DocEntities, Mention

from quote_helpers import entities_for, find, run


@pytest.mark.parametrize("text, fragment, speaker, name, label", [
    # a proper-noun speaker nobody tagged: a synthetic mention (not None)
    ("Trallox cautioned that growth may slow this year.", "growth may slow", "Trallox", "Trallox", "ORG"),
    ("Cardinal Obrekwe said the church would stay neutral.", "church would stay", "Cardinal Obrekwe",
     "Obrekwe", "PERSON"),
    # capitalised common words and possessed nouns are no names
    ("Attorneys said the ruling would be appealed within days.", "ruling would be", "Attorneys", None, None),
    ("Staff said the panel had the full email since March.", "panel had", "Staff", None, None),
])
def test_unlisted_proper_noun_speaker_gets_a_name(nlp, text, fragment, speaker, name, label):
    doc = nlp(text)
    q = find(extract_quotes(doc, DocEntities()), fragment)
    assert (q.speaker, q.speaker_name, q.speaker_label) == (speaker, name, label)


@pytest.mark.parametrize("text, fragment, name", [
    ("ST. PAUL, Minn., March 5 - Bluebell Freight Lines Inc said its first quarter profit will fall.",
     "first quarter", "Bluebell Freight Lines Inc"),  # a run ending in a corporate suffix
    ("Former transport minister Alan Pryce MP said the rail plan was flawed.", "rail plan", "Alan Pryce"),
    ("Web analytics firm ClickTrailWorks says the new browser is gaining users fast.", "gaining users",
     "ClickTrailWorks"),  # a camel-case name the NER missed
    ("Hollin Mills Ltd said it had received a takeover approach. The board said the offer was too low.",
     "too low", "Hollin Mills Ltd"),
])
def test_unlisted_speaker_names(nlp, text, fragment, name):
    assert find(run(nlp, text), fragment).speaker_name == name


@pytest.mark.parametrize("text, fragment, name", [
    # a surname the tagger took for a plural noun, named in full before
    ("Reserve Bank governor Chris Stals said talks would go on.\n\"We are busy finding out what the banks "
     "want,\" Stals said.", "busy finding out", "Chris Stals"),
    # a run of proper nouns ending in an organisation word, part of it a place to the NER
    ("BALA CYNWYD, Pa., March 19 - Germantown Savings Bank said it has started a share offering.",
     "share offering", "Germantown Savings Bank"),
    # a unit named before the noun speaks, not its parent
    ("PARIS, March 3 - Mobil Corp's <MOB> Mobil Oil Francaise unit said it will take a stake in a gas "
     "distributor.", "take a stake", "Mobil Oil Francaise"),
])
def test_surname_tagged_as_noun_org_run_and_unit_names(nlp, text, fragment, name):
    assert find(run(nlp, text), fragment).speaker_name == name


def test_person_name_the_ner_cut_short_is_the_whole_run(nlp):
    # the NER tags only the first name; the speaker's proper-noun run is the person's name
    text = "The film opened in Paris on Monday.\n\nJohnny Depp said the role had been a gift."
    ents = entities_for(nlp(text))
    a = text.index("Johnny")
    ents.mentions = [m for m in ents.mentions if not a <= m.start_char < a + 11]
    ents.mentions.append(Mention(a, a + 6, 1, "Johnny", "PERSON", "Johnny", ids.entity_id("PERSON", "Johnny")))
    ents.mentions.sort(key=lambda m: m.start_char)
    assert find(run(nlp, text, ents), "gift").speaker_name == "Johnny Depp"


def test_name_in_apposition_to_group_noun_when_the_ner_misses_it(nlp):
    text = "Supporters' group Shareholders United - which has fought the sale for years - said it would appeal."
    q = find(run(nlp, text, DocEntities()), "appeal")  # no entities: the NER missed the name
    assert q.speaker_name == "Shareholders United" and q.speaker_label == "ORG"


def test_org_name_cut_at_and_by_the_ner_is_joined(nlp):
    # the NER tags only "Loan Association"; the speaker's noun phrase holds the whole name
    text = "TULSA, March 6 - Midland Savings and Loan Association said it agreed to sell its branch."
    q = find(run(nlp, text), "sell its branch")
    assert q.speaker_name == "Midland Savings and Loan Association" and q.speaker_label == "ORG"


def test_party_name_cut_by_the_ner_is_joined(nlp):
    # the NER tags only "Democrats"; not a capitalised sentence opener ("Fellow Republicans")
    text = "The Liberal Democrats have said that a Europe-wide policy on immigration is needed."
    q = find(run(nlp, text), "Europe-wide")
    assert q.speaker_name == "Liberal Democrats"


@pytest.mark.parametrize("text, fragment, name", [
    ("MAPLETON, Ohio, March 3 - <Corwin Valley Instruments Inc> said it will close two plants.\n"
     "The company said the closings would cut 40 jobs.", "two plants", "Corwin Valley Instruments Inc"),
    ("MAPLETON, Ohio, March 3 - <Corwin Valley Instruments Inc> said it will close two plants.\n"
     "The company said the closings would cut 40 jobs.", "40 jobs", "Corwin Valley Instruments Inc"),
    ("DORTMUND, West Germany, March 4 - Halvorsen Werke AG <HALV.F> said it expects higher profits "
     "this year.", "higher profits", "Halvorsen Werke AG"),
])
def test_wire_bracketed_company_or_ticker_names_the_speaker(nlp, text, fragment, name):
    # wire copy brackets company names and tickers; the parser takes "<" or ">" for the subject
    q = find(run(nlp, text), fragment)
    assert q.speaker_name == name and q.speaker_label == "ORG"


def test_all_capital_headline_name_is_not_the_company_canonical_name(nlp):
    # the short form links to the headline's all-capital name (an ORG) but keeps its own spelling
    text = ("KESTREL CORP <KSTL.O> TO CUT JOBS\n\nDENVER, March 3 - The airline said it will cut 200 jobs.\n"
            "Kestrel said the cuts would save 9 mln dlrs a year.\nThe company said it had 3,000 staff.")
    qs = run(nlp, text)
    assert [q.speaker_name for q in qs] == ["Kestrel", "Kestrel", "Kestrel"]


def test_all_capital_transcript_name_resolves_to_the_person(nlp):
    text = ("Senator Mike Dorrance spoke to reporters on Sunday.\n\n"
            "DORRANCE: We will not back down on this bill.")
    q = find(run(nlp, text), "We will not back down")
    assert q.speaker_name == "Mike Dorrance"


def test_short_name_takes_the_fuller_earlier_name(nlp):
    text = ("Governor Richard Ashby told reporters that rates would fall. Mr Ashby said the labour market "
            "was cooling “gradually, not sharply”.")
    assert find(run(nlp, text), "labour market").speaker_name == "Richard Ashby"


@pytest.mark.parametrize("text, fragment, name", [
    # "a company spokesman" speaks for the company "the company" would be
    ("DENVER, March 3 - Corwin Valley Instruments Inc said it will close two plants.\n"
     "Final results will be reported in May, a company spokesman said.", "Final results",
     "Corwin Valley Instruments Inc"),
    # a country's superlative org noun is as definite as "the carmaker"
    ("Kestrel Motors has said it plans to build a second plant in Chile.\n\n"
     "Canada's biggest carmaker estimates that the market will grow 15% this year.", "the market will grow",
     "Kestrel Motors"),
    # an all-capital headline speaker named in the story below it
    ("HALVORSEN SAYS EXPORTS WILL RISE\n\nOSLO, March 3 - Trade Minister Eirik Halvorsen told a news "
     "conference exports would rise this year.", "EXPORTS WILL RISE", "Eirik Halvorsen"),
])
def test_company_spokesman_superlative_and_headline_names(nlp, text, fragment, name):
    assert find(run(nlp, text), fragment).speaker_name == name


def test_a_place_is_not_short_for_a_longer_name(nlp):
    text = "The Harbin Ice Festival Committee met on Monday.\n\nHarbin said the venues were ready."
    assert find(run(nlp, text), "venues were ready").speaker_name == "Harbin"
