"""Role nominals: "the Russian leader" → the person whose descriptors match
(newsdesk.extract.speakers.roles)."""

from __future__ import annotations

import pytest

from newsdesk import ids
from newsdesk.extract.types import DocEntities, Mention, Role

from quote_helpers import find, run


def test_nominal_resolves_through_premodifier_title(nlp):
    text = ("Russian President Vladimir Putin met Chinese President Xi Jinping on Friday.\n\n"
            "“We are close partners,” the Russian leader said.")
    q = find(run(nlp, text), "close partners")
    assert q.speaker == "the Russian leader" and q.speaker_name == "Vladimir Putin"


def test_nominal_resolves_through_entity_roles(nlp):
    # the role comes from the entity extractor (DocEntities.roles), not from the text next to the name
    text = "Putin met Xi in Beijing.\n\n“We are close partners,” the Chinese leader added."
    doc = nlp(text)
    ents = DocEntities()
    for name, start in (("Vladimir Putin", 0), ("Xi Jinping", 10)):
        surface = text[start:start + (6 if name.startswith("V") else 2)]
        ents.mentions.append(Mention(start, start + len(surface), 0, surface, "PERSON", name,
                                     ids.entity_id("PERSON", name)))
    ents.roles.append(Role(ids.entity_id("PERSON", "Xi Jinping"), "Xi Jinping", "PERSON", "Chinese President", 0, 0))
    ents.roles.append(Role(ids.entity_id("PERSON", "Vladimir Putin"), "Vladimir Putin", "PERSON",
                           "Russian President", 0, 0))
    q = find(run(nlp, text, ents), "close partners")
    assert q.speaker_name == "Xi Jinping" and q.cue_lemma == "add"


@pytest.mark.parametrize("text, fragment, name", [
    # a role noun checks nationality AND role: the Russian minister is not the customs spokesman
    ("“Trade is healthier,” customs spokesman Wen Haibo told reporters in Beijing.\n\n"
     "Russia’s deputy economy minister, Dmitry Orlov, said on Monday that trade would grow.\n\n"
     "“We want every exporter to invoice in yuan,” the Russian minister added.", "every exporter", "Dmitry Orlov"),
    # "the governor" is not the deputy governor
    ("Governor Richard Ashby told reporters that rates would fall. Deputy Governor Sarah Lindgren said "
     "inflation was “too high for comfort”. The governor said the committee would “take each meeting "
     "as it comes”.", "each meeting", "Richard Ashby"),
    # he/she after a definite role subject goes through that role ("The minister was …, she said")
    ("Finance minister Helen Carver has raised the pension age. Former cabinet minister Graham Pike said "
     "the minister was “hiding behind fiscal rules”. The minister was unapologetic. The pension age "
     "will rise to 67, she said.", "pension age will rise", "Helen Carver"),
])
def test_role_nominal_checks_nationality_role_and_qualifier(nlp, text, fragment, name):
    assert find(run(nlp, text), fragment).speaker_name == name


@pytest.mark.parametrize("text, fragment, name", [
    ("Ferry fares will be frozen for a year, the transport minister has said.\n\n"
     "Jane Okoro said the freeze would help island families.", "frozen", "Jane Okoro"),
    # "the chairman" is only akin to "party leader": the next sentence introduces the chairman
    ("Party leader Tom Reid unveiled the plans on Monday.\n\nResponding to the plans, the chairman of the "
     "Ramblers' Federation said the footpaths had to stay open.\n\nHelen Marsh said: \"We will not accept "
     "any closures.\"", "footpaths", "Helen Marsh"),
])
def test_lead_in_role_names_the_person_introduced_next(nlp, text, fragment, name):
    assert find(run(nlp, text), fragment).speaker_name == name


def test_indefinite_nominal_stays_unresolved(nlp):
    text = "Vladimir Putin flew to Beijing. A Kremlin official said the visit went well."
    q = find(run(nlp, text), "the visit went well")
    assert q.speaker == "A Kremlin official" and q.speaker_name is None


def test_anonymous_nominal_stays_anonymous(nlp):
    text = ("Huadong chairman Zhou Jian said the deal was fair. An energy adviser said the price was "
            "“well below what Europe used to pay”.\n\n“We have swapped one dependence for another,” "
            "the adviser said.")
    assert find(run(nlp, text), "swapped one").speaker_name is None
