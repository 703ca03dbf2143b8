"""Name forms and the alias table (newsdesk/extract/entities/names.py): the tables load, alias forms
merge into one entity, well-known people are named from the table."""

from __future__ import annotations

import pytest
from extract_checks import entities_of

from newsdesk.extract.entities import ALIASES, TITLES
from newsdesk.ids import entity_id


def test_alias_and_title_tables_load():
    assert ALIASES["us"] == ("United States", "GPE")
    assert ALIASES["nato"] == ("NATO", "ORG")
    assert ("prime", "minister") in TITLES and TITLES[("mr",)] is True


@pytest.mark.parametrize(
    "text, forms, canonical, label",
    [
        ("Nato said its members agreed. NATO officials later confirmed the plan.", ["Nato", "NATO"], "NATO", "ORG"),
        ("The US said sanctions would follow. U.S. officials and the United States Treasury agreed. "
         "America will act, Washington said.", ["US", "U.S.", "America"], "United States", "GPE"),
        ("Britain and the UK government disagreed.", ["Britain", "UK"], "United Kingdom", "GPE"),
    ],
)
def test_alias_forms_merge_into_one_entity(nlp, text, forms, canonical, label):
    ents = entities_of(nlp, text)
    hits = [m for m in ents.mentions if m.text in forms]
    assert hits
    assert {m.entity_id for m in hits} == {entity_id(label, canonical)}


def test_well_known_person_is_named_from_the_table_without_a_full_name(nlp):
    ents = entities_of(nlp, "Putin warned the West on Friday.")
    assert [m.name for m in ents.mentions if m.text == "Putin"] == ["Vladimir Putin"]
