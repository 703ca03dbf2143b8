"""Titles before a person's name (newsdesk/extract/entities/titles.py): they leave the span and are
recorded on the mention; a titled given name links to no one else."""

from __future__ import annotations

import pytest
from extract_checks import entities_of, mentions_written


@pytest.mark.parametrize(
    "text, span, title, name",
    [
        ("Chinese President Xi Jinping arrived in Moscow on Monday.", "Xi Jinping", "President", "Xi Jinping"),
        ("Russian leader Vladimir Putin spoke on Tuesday. Mr Putin said talks went well.",
         "Putin", "Mr", "Vladimir Putin"),
        ("Prime Minister Rishi Sunak visited Kyiv.", "Rishi Sunak", "Prime Minister", "Rishi Sunak"),
    ],
)
def test_title_leaves_the_span_and_is_recorded(nlp, text, span, title, name):
    ents = entities_of(nlp, text)
    hits = mentions_written(ents, span)
    assert hits, [m.text for m in ents.mentions]
    assert hits[-1].title == title and hits[-1].name == name and hits[-1].label == "PERSON"


def test_titled_given_name_does_not_link_to_another_person(nlp):
    ents = entities_of(nlp, "On Thursday night, Prince Charles met Liberal Democrat leader Charles Kennedy.")
    charles = next(m for m in ents.mentions if m.text == "Charles")
    assert charles.title == "Prince" and charles.name == "Charles"
    roles = {(r.name, r.role) for r in ents.roles}
    assert ("Charles Kennedy", "Liberal Democrat leader") in roles
    assert ("Charles Kennedy", "Prince") not in roles
