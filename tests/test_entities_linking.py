"""Within-document linking (newsdesk/extract/entities/linking.py): short forms of people and
organisations link to the full name the same document writes."""

from __future__ import annotations

import pytest
from extract_checks import entities_of, mentions_written


@pytest.mark.parametrize(
    "text, short, full",
    [
        ("Foreign Minister Wang Yi met reporters. Wang said China wanted peace.", "Wang", "Wang Yi"),
        ("Premier Li Qiang opened the fair. Li praised exporters.", "Li", "Li Qiang"),
        ("Xi Jinping spoke first. Later, Xi thanked his guests.", "Xi", "Xi Jinping"),
        ("Ryan Hass, a senior fellow, wrote a report. Mr Hass said the risks were high.", "Hass", "Ryan Hass"),
        ("Antony Blinken called Wang Yi. Blinken stressed de-escalation.", "Blinken", "Antony Blinken"),
    ],
)
def test_short_person_form_links_to_the_full_name(nlp, text, short, full):
    ents = entities_of(nlp, text)
    shorts = mentions_written(ents, short)
    fulls = mentions_written(ents, full)
    assert shorts and fulls
    assert {m.entity_id for m in shorts} == {fulls[0].entity_id}
    assert all(m.label == "PERSON" and m.name == full for m in shorts)


def test_ambiguous_surname_goes_to_the_nearest_preceding_full_name(nlp):
    text = ("Hunter Biden testified on Monday. Biden denied wrongdoing. "
            "Later Joe Biden spoke in Ohio. Biden praised workers.")
    ents = entities_of(nlp, text)
    short = [m for m in ents.mentions if m.text == "Biden"]
    assert [m.name for m in short] == ["Hunter Biden", "Joe Biden"]


def test_name_never_written_in_full_stays_as_written(nlp):
    ents = entities_of(nlp, "Mr Smithers said the mill would close. Smithers, 52, gave no date.")
    names = {m.name for m in ents.mentions if m.label == "PERSON"}
    assert names == {"Smithers"}


@pytest.mark.parametrize(
    "text, short, full",
    [
        # after "Mr"/"Ms" the next word is a family name: a full name ending in it, else starting
        # with it (family name first), whatever the surname (not in any fixed list)
        ("Chief executive Ong Kah Seng spoke to analysts on Thursday. Mr Ong said demand was strong.",
         "Ong", "Ong Kah Seng"),
        ("Customs spokesman Qu Jianguo told reporters in Beijing. Mr Qu said volumes grew.", "Qu", "Qu Jianguo"),
        ("Customs spokesman Wen Haibo told reporters in Beijing that payments in yuan were the norm. "
         "Mr Wen said the volume of goods crossing the border had grown.", "Wen", "Wen Haibo"),
        # Western order: the name ending in the word wins
        ("Governor Richard Ashby told a news conference that inflation had eased. "
         "Mr Ashby said the labour market was cooling.", "Ashby", "Richard Ashby"),
    ],
)
def test_family_name_after_an_honorific_links_to_the_full_name(nlp, text, short, full):
    ents = entities_of(nlp, text)
    shorts = mentions_written(ents, short)
    assert shorts, [(m.text, m.label) for m in ents.mentions]
    assert all(m.label == "PERSON" and m.name == full for m in shorts), [(m.text, m.label, m.name) for m in shorts]


@pytest.mark.parametrize(
    "text, short, name",
    [
        ("The Bank of England cut interest rates on Thursday. The Bank now forecasts inflation of 2.4% this year.",
         "Bank", "Bank of England"),
        ("A report by the Brookings Institution was published on Monday. Brookings said the risks were rising.",
         "Brookings", "Brookings Institution"),
        ("The European Commission proposed new rules. The Commission said they would apply next year.",
         "Commission", "European Commission"),
        # a company the model tags as a place (or a nationality) takes its full name
        ("Huadong Energy Group signed the deal on Monday. Severgaz will pay for the Russian section, "
         "while Huadong will finance a 420 km spur on the Chinese side.", "Huadong", "Huadong Energy Group"),
        ("Meridian Semiconductor reported a jump in profit. Shares in Meridian rose as much as 9.4 per cent.",
         "Meridian", "Meridian Semiconductor"),
    ],
)
def test_organisation_short_form_links_to_the_one_full_name(nlp, text, short, name):
    ents = entities_of(nlp, text)
    hits = mentions_written(ents, short)
    assert hits and all(m.label == "ORG" and m.name == name for m in hits), [(m.text, m.label, m.name) for m in hits]


def test_organisation_short_form_is_left_alone_when_two_full_names_fit(nlp):
    ents = entities_of(nlp, "The Bank of England and the World Bank issued statements. The Bank said growth would slow.")
    assert [m.name for m in mentions_written(ents, "Bank")] == ["Bank"]


@pytest.mark.parametrize("text, names", [
    # the short forms of one event are one entity, named by the longest form written
    ("Games open\n\nThe Beijing Winter Olympics open on Friday. Fans of the Winter Olympics and of the "
     "Olympics queued for hours.", {"Beijing Winter Olympics"}),
    # two events the short form could name: left alone
    ("Games\n\nThe Winter Olympics open soon. The Olympics draw crowds. The Summer Olympics were in Tokyo.",
     {"Winter Olympics", "Olympics", "Summer Olympics"}),
])
def test_event_short_forms_link_to_the_one_longer_name(nlp, text, names):
    from newsdesk.extract.entities import extract_entities

    got = {m.name for m in extract_entities(nlp(text)).mentions if m.label == "EVENT"}
    assert got == names
