"""Labels of the repaired mentions (newsdesk/extract/entities/labels.py): the alias table fixes them,
"America" alone is the United States, people the model calls something else become persons with
evidence, bracketed short names of organisations, departments inside a person's title."""

from __future__ import annotations

import pytest
from extract_checks import entities_of, mentions_written


def test_alias_table_fixes_the_label(nlp):
    # the model often tags "Kyiv" PERSON and "Nato" PERSON/GPE
    ents = entities_of(nlp, "Troops left Kyiv on Monday and Nato sent observers.")
    labels = {m.text: m.label for m in ents.mentions}
    assert labels.get("Kyiv") == "GPE"
    assert labels.get("Nato") == "ORG"


@pytest.mark.parametrize(
    "text",
    [
        "Exports to Latin America and North America grew, the ministry said.",
        "He told Voice of America that the deal was done.",
        "Captain America opened in cinemas on Friday.",
    ],
)
def test_america_inside_another_name_is_not_the_united_states(nlp, text):
    ents = entities_of(nlp, text)
    assert not any(m.name == "United States" for m in ents.mentions), [m.text for m in ents.mentions]


def test_america_alone_is_the_united_states(nlp):
    ents = entities_of(nlp, "Trade between Europe and America grew last year.")
    assert [m.name for m in ents.mentions if m.text == "America"] == ["United States"]


@pytest.mark.parametrize(
    "text, form, label",
    [
        # the model tags "Pirelli" ORG: a family name alone is no evidence for a person
        ("Leopoldo Pirelli founded the group decades ago. Pirelli shares rose 3 percent on Monday.",
         "Pirelli", "ORG"),
        # ... but a family-name-first surname or a title is ("Wang" tagged ORG in news copy)
        ("Wang Yi met Antony Blinken. Mr Wang said the talks were candid.", "Wang", "PERSON"),
    ],
)
def test_organisation_becomes_a_person_only_with_evidence(nlp, text, form, label):
    ents = entities_of(nlp, text)
    assert {m.label for m in ents.mentions if m.text == form} == {label}


def test_name_addressed_with_an_honorific_is_a_person_and_so_is_its_full_form(nlp):
    # the model tags both "Helen Carver" and "Ms Carver" ORG here
    ents = entities_of(nlp, "Helen Carver has been finance minister for a year. Asked whether taxes would rise "
                            "again before the election, Ms Carver paused.")
    people = [(m.text, m.label, m.name, m.title) for m in ents.mentions]
    assert ("Carver", "PERSON", "Helen Carver", "Ms") in people, people
    assert ("Helen Carver", "PERSON", "Helen Carver", None) in people, people
    assert not any(m.label == "ORG" for m in ents.mentions), people


def test_given_name_presented_with_a_role_is_a_person(nlp):
    # tagged ORG by the model; a role in apposition and a common given name make it a person
    ents = entities_of(nlp, "Russia's deputy economy minister, Dmitry Orlov, said on a visit to Harbin that Moscow "
                            "expected trade to grow.")
    assert [(m.label, m.name) for m in mentions_written(ents, "Dmitry Orlov")] == [("PERSON", "Dmitry Orlov")]
    assert ("Dmitry Orlov", "Russia's deputy economy minister") in {(r.name, r.role) for r in ents.roles}


@pytest.mark.parametrize("text", ["Goldman Sachs said profits rose. Morgan Stanley said they fell."])
def test_company_names_that_say_things_stay_organisations(nlp, text):
    ents = entities_of(nlp, text)
    assert {m.label for m in ents.mentions} == {"ORG"}, [(m.text, m.label) for m in ents.mentions]


def test_name_in_brackets_after_an_organisation_is_an_organisation_wherever_it_recurs(nlp):
    ents = entities_of(nlp, "The fire was 23 per cent contained, the California Department of Forestry and Fire "
                            "Protection (Cal Fire) said. “We are fighting hard,” Cal Fire battalion chief Ana Morales "
                            "told reporters.")
    got = [(m.text, m.label, m.name) for m in ents.mentions]
    for item in [("Cal Fire", "ORG", "Cal Fire"), ("Ana Morales", "PERSON", "Ana Morales")]:
        assert item in got, got
    assert {m.label for m in ents.mentions if m.text == "Cal Fire"} == {"ORG"}, got


def test_department_inside_a_persons_title_is_no_entity(nlp):
    ents = entities_of(nlp, "The Pentagon will send troops, Defense Secretary Robert Hale said Wednesday.")
    got = [(m.text, m.label, m.name) for m in ents.mentions]
    assert ("Robert Hale", "PERSON", "Robert Hale") in got, got
    assert "Defense" not in [m.text for m in ents.mentions], got
