"""extract_entities end to end (newsdesk/extract/entities/assemble.py): sentence indexes, and the
people and NATO of the seed articles linked to one entity each."""

from __future__ import annotations

from extract_checks import entities_of

from newsdesk.extract.entities import extract_entities
from newsdesk.ids import entity_id


def test_sentence_index_of_each_mention(nlp):
    text = "Putin spoke.\n\nLater, Xi Jinping replied in Beijing."
    ents = entities_of(nlp, text)
    idx = {m.text: m.sentence_index for m in ents.mentions}
    assert idx["Putin"] == 0 and idx["Xi Jinping"] == 1 and idx["Beijing"] == 1


SEED_PEOPLE = {
    "Putin": "Vladimir Putin",
    "Xi": "Xi Jinping",
    "Wang": "Wang Yi",
    "Hass": "Ryan Hass",
    "Nuland": "Victoria Nuland",
    "Ushakov": "Yuri Ushakov",
    "Blinken": "Antony Blinken",
}


def test_seed_articles_link_people_and_nato_to_one_entity_each(nlp, seeds_dir):
    files = sorted(seeds_dir.glob("*.txt"))
    assert files
    for path in files:
        body = path.read_text(encoding="utf-8")
        ents = extract_entities(nlp(body))
        for m in ents.mentions:
            assert m.text == body[m.start_char : m.end_char]
            assert not (m.label == "PERSON" and "-" in m.text), (path.name, m.text)
        for short, full in SEED_PEOPLE.items():
            if full not in body:
                continue
            hits = [m for m in ents.mentions if short in m.text.split() and m.label == "PERSON"]
            assert hits, (path.name, short)
            wrong = [m.text for m in hits if m.entity_id != entity_id("PERSON", full)]
            assert not wrong, (path.name, short, wrong)
            # no mention of the surname is left under another label
            assert not [m for m in ents.mentions if m.text == short and m.label != "PERSON"], (path.name, short)
        nato = {m.entity_id for m in ents.mentions if m.text.casefold() == "nato"}
        assert len(nato) <= 1 and (not nato or nato == {entity_id("ORG", "NATO")})
