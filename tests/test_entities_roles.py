"""Roles (newsdesk/extract/entities/roles.py): appositions and title chains attached to the entity;
never honorifics or clauses."""

from __future__ import annotations

import re

import pytest
from extract_checks import entities_of


@pytest.mark.parametrize(
    "text, person, role",
    [
        ("Wang Yi, the Chinese foreign minister, told reporters the talks were useful.",
         "Wang Yi", "Chinese foreign minister"),
        ("Wang Yi told Antony Blinken, US secretary of state, that security mattered.",
         "Antony Blinken", "US secretary of state"),
        ("Victoria Nuland, US under-secretary for political affairs, said on Thursday it would not help.",
         "Victoria Nuland", "US under-secretary for political affairs"),
        ("Chinese President Xi Jinping arrived in Moscow on Monday.", "Xi Jinping", "Chinese President"),
        ("Beijing would not welcome a conflict, Brookings Institution senior fellow Ryan Hass pointed out.",
         "Ryan Hass", "Brookings Institution senior fellow"),
        ("The deal raises tensions, Russian presidential aide Yuri Ushakov said.",
         "Yuri Ushakov", "Russian presidential aide"),
        ("The talks went well, the foreign minister, Sergei Lavrov, said on Friday.",
         "Sergei Lavrov", "foreign minister"),
    ],
)
def test_apposition_or_title_chain_is_the_role_of_the_entity(nlp, text, person, role):
    ents = entities_of(nlp, text)
    got = {(r.name, r.role) for r in ents.roles}
    assert (person, role) in got, got
    target = next(m for m in ents.mentions if m.name == person)
    assert all(r.entity_id == target.entity_id for r in ents.roles if r.name == person)


@pytest.mark.parametrize(
    "text",
    [
        "Mr Putin said the talks were useful.",  # an honorific is not a role
        "Wang Yi, who met Blinken on Friday, said the talks were useful.",  # a clause is not a role
    ],
)
def test_honorifics_and_clauses_are_no_roles(nlp, text):
    ents = entities_of(nlp, text)
    for r in ents.roles:
        assert r.role not in ("Mr",)
        assert not re.search(r"\b(met|said|who)\b", r.role), r.role
