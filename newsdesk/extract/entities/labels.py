"""Labels and canonical names of the repaired mentions.

- the alias table fixes the label ("Nato" PERSON -> ORG, "Kyiv" PERSON -> GPE, "Ukrainian" GPE ->
  NORP; a city the model calls ORG stays ORG: clubs, companies); "America" is the United States
  only standing alone (not in "Latin America", "Voice of America", "Captain America");
- a one-word mention matching a person named in full in the document becomes PERSON ("Blinken"
  GPE; an ORG only with evidence such as a title, a family-name-first surname or being the subject
  of "said", since companies carry family names: "Pirelli");
- a name of 2-4 words is a person when the document addresses its last word with "Mr"/"Ms"
  ("Helen Carver" ORG), or when it starts with a common given name and the sentence presents it as
  a person: role in apposition, title chain, subject of "said" ("Russia's deputy economy minister,
  Dmitry Orlov, said"); "Goldman Sachs said" stays ORG;
- a lone unknown PERSON word after "in"/"near" is a place; a form tagged differently within one
  document takes its majority label; a name in brackets after an organisation is an ORG ("... Fire
  Protection (Cal Fire)"), wherever it recurs; a department inside a person's title is no entity
  ("Defense" in "Defense Secretary Robert Hale").
Canonical names (``Mention.name``; ``entity_id = ids.entity_id(label, name)``): a linked person's
full name (:mod:`.linking`), else the alias table's name ("Putin" -> "Vladimir Putin"), else the
name as written.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict

from newsdesk import lexicon
from newsdesk.extract.entities.docview import DocView, PROPER_TAGS, tnorm
from newsdesk.extract.entities.linking import ORG_FORM_WORDS, ORG_TYPE_WORDS, PersonLinker
from newsdesk.extract.entities.names import (
    ALIASES, CITY_NAMES, FAMILY_FIRST_SURNAMES, GIVEN_NAMES, WS_RE, is_cap_word, is_name_word, norm_key,
)
from newsdesk.extract.entities.roles import appositive_roles, is_person_noun, pre_name_role
from newsdesk.extract.entities.spans import Cand, DocContext
from newsdesk.extract.entities.titles import (
    FAMILY_HONORIFICS, HONORIFIC_FIRST_WORDS, TITLE_WORDS, title_words,
)


def label_and_name(doc: "DocView", text: str, c: Cand, ctx: DocContext, linker: PersonLinker) -> None:
    """Set the final label and canonical name of one candidate (alias table, person linking)."""
    written = WS_RE.sub(" ", text[c.start_char : c.end_char])
    c.key = norm_key(written)
    alias = ALIASES.get(c.key)
    if alias and _alias_blocked(doc, c, c.key):
        alias = None
    if alias and alias[1] != "PERSON" and c.label == "PERSON" and c.title is not None and title_words(c.title) in FAMILY_HONORIFICS:
        alias = None  # "Mr Hague" is a person, not The Hague
    linked = None
    if c.label == "PERSON" or (len(written.split(" ")) == 1 and (alias is None or alias[1] == "PERSON")):
        family = c.title is not None and title_words(c.title) in FAMILY_HONORIFICS
        linked = linker.link(written, c.start_char, titled=c.title is not None, family=family)
    evidence = bool(linked) and (
        "PERSON" in ctx.ent_labels.get(c.key, ())
        or c.title is not None
        or c.key in FAMILY_FIRST_SURNAMES
        or _is_reported_speaker(doc, c.start, c.end)
    )
    c.label = _resolve_label(c, alias, linked, evidence)
    if c.label == "PERSON" and not linked and not alias and c.title is None and _after_place_preposition(doc, c):
        c.label = "GPE"
    if c.label == "PERSON":
        c.name = linked or (alias[0] if alias and alias[1] == "PERSON" else written)
        if len(c.name.split()) > 1 and c.name.split()[-1].rstrip(".").casefold() in ORG_TYPE_WORDS:
            c.label = "ORG"  # "Benetton SpA", and "Benetton" linked to it: a legal or organisation form ends it
    elif alias:
        c.name = alias[0]
    else:
        c.name = written


# "America" inside a longer name the model cut short: "Latin America", "Voice of America".
_AMERICA_BLOCKERS = lexicon.words("entities_america_blockers")


def _alias_blocked(doc: "DocView", cand: Cand, key: str) -> bool:
    """True when an alias hit is really part of a longer name the model cut ("Latin America")."""
    if cand.start == 0:
        return False
    prev = doc[cand.start - 1]
    if key == "america" and (
        prev.lower_ in _AMERICA_BLOCKERS
        or (
            prev.tag_ in PROPER_TAGS
            and is_cap_word(prev.text)
            and (not prev.is_sent_start or tnorm(prev) in TITLE_WORDS)
        )
    ):
        return True  # "Latin America", "Captain America": part of another name
    # "Voice of America", "Bank of America": "of" right after a capitalised word.
    return prev.lower_ == "of" and cand.start >= 2 and is_cap_word(doc[cand.start - 2].text) and len(key.split()) == 1


_PLACE_PREPOSITIONS = lexicon.words("entities_place_prepositions")


def _after_place_preposition(doc: "DocView", cand: Cand) -> bool:
    """A lone capitalised word right after "in"/"near"... is a place, not a person
    ("fighting in Tavildara"); people are rarely "in" someone (possessives excepted)."""
    if cand.end - cand.start != 1 or cand.start == 0:
        return False
    nxt = doc[cand.end] if cand.end < len(doc) else None
    if nxt is not None and nxt.tag_ == "POS":
        return False
    return doc[cand.start - 1].lower_ in _PLACE_PREPOSITIONS


def _resolve_label(cand: Cand, alias: tuple[str, str] | None, linked: str | None, evidence: bool) -> str:
    """Final label from the model label, an alias-table hit and a within-document person link.

    ``evidence`` says the document supports a PERSON reading beyond the link itself (the model
    tagged the form PERSON elsewhere, a title precedes it, or it is a family-name-first surname);
    it is required to turn an ORG into a person, since companies carry family names ("Pirelli").
    """
    model = cand.label
    if model == "PERSON" and linked:
        return "PERSON"
    if alias:
        alias_label = alias[1]
        if alias_label == "NORP" and model == "LANGUAGE":
            return model  # "French" the language
        if model == "ORG" and alias[0] in CITY_NAMES:
            return model  # clubs and companies are named after cities, not after countries
        return alias_label
    if linked and (model in ("GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART") or (model == "ORG" and evidence)):
        return "PERSON"
    return model


def vote_labels(cands: list[Cand], text: str) -> None:
    """One label per written form in a document: a form the model tagged differently in
    different places takes its most frequent label (ties keep each mention's own label).
    Alias-table forms are left to the table."""
    votes: dict[str, Counter] = defaultdict(Counter)
    keys = []
    for c in cands:
        key = norm_key(text[c.start_char : c.end_char])
        keys.append(key)
        if key not in ALIASES:
            votes[key][c.label] += 1
    for c, key in zip(cands, keys, strict=True):
        counts = votes.get(key)
        if counts and len(counts) > 1:
            best, n = counts.most_common(1)[0]
            if n > counts[c.label]:
                c.label = best


_NAME_RELABEL = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})

# Verbs of saying whose subject is a person (or an organisation speaking: evidence only together
# with a full personal name in the document that ends in the word, "Ashby said" / "Richard Ashby").
_REPORTING_VERBS = lexicon.words("entities_speech_verbs")


def _is_reported_speaker(doc: "DocView", start: int, end: int) -> bool:
    """Is the span the subject of a verb of saying ("Ashby said", "said Orlov")?"""
    last = end - 1
    tok = doc.doc[last]
    return tok.dep_ == "nsubj" and tok.head.lower_ in _REPORTING_VERBS


def _has_person_role(doc: "DocView", start: int, end: int, sent_start: int) -> bool:
    """Is the span presented as a person: a role in apposition headed by a person noun
    ("Russia's deputy economy minister, Dmitry Orlov,") or a title chain right before it?"""
    for a, b in appositive_roles(doc, start, end, "PERSON"):
        if is_person_noun(doc[b - 1]):
            return True
    return pre_name_role(doc, start, end, sent_start, start) is not None


def relabel_named_persons(doc: "DocView", cands: list[Cand], sent_starts: list[int]) -> None:
    """A personal name the model tagged as an organisation or place becomes PERSON.

    Only spans of two to four capitalised name words (not all capitals, not in the alias table,
    not ending in an organisation-type word) that either end in the family name of someone the
    document addresses with "Mr"/"Ms"... ("Helen Carver" ORG and "Ms Carver"), or start with a
    common given name (``data/given_names.txt``) while the sentence presents them as a person:
    a role in apposition or a title chain before it, or the subject of a verb of saying
    ("..., Dmitry Orlov, said"). "Goldman Sachs said" stays ORG (no given name).
    """
    addressed = {
        doc.lowers[c.end - 1]
        for c in cands
        if c.label == "PERSON" and c.title is not None and title_words(c.title) in FAMILY_HONORIFICS
    }
    for c in cands:
        if c.label not in _NAME_RELABEL or not 2 <= c.end - c.start <= 4:
            continue
        texts = doc.texts[c.start : c.end]
        if not all(is_cap_word(t) and t.isalpha() and not t.isupper() for t in texts):
            continue
        if doc.norms[c.start] in TITLE_WORDS or any(w in HONORIFIC_FIRST_WORDS for w in doc.norms[c.start : c.end]):
            continue  # "Mr Hague" is handled with its title; "Tanzania Mr Brown" is two names
        if doc.norms[c.end - 1] in ORG_FORM_WORDS or norm_key(doc.span_text(c.start, c.end)) in ALIASES:
            continue
        if doc.lowers[c.end - 1] in addressed:
            c.label = "PERSON"
            continue
        if doc.norms[c.start] not in GIVEN_NAMES:
            continue
        sent_start = sent_starts[bisect.bisect_right(sent_starts, c.start) - 1]
        if _has_person_role(doc, c.start, c.end, sent_start) or _is_reported_speaker(doc, c.start, c.end):
            c.label = "PERSON"


def drop_title_words(cands: list[Cand]) -> list[Cand]:
    """Drop non-PERSON mentions inside the title of a person ("Defense" ORG in "Defense Secretary
    Robert Hale"): the title belongs to the person (CoNLL-2003 leaves such words untagged too)."""
    ranges = [(c.title_start, c.start) for c in cands if c.label == "PERSON" and 0 <= c.title_start < c.start]
    if not ranges:
        return cands
    return [
        c for c in cands
        if c.label == "PERSON" or not any(a <= c.start and c.end <= b for a, b in ranges)
    ]


def parenthetical_orgs(doc: "DocView", cands: list[Cand]) -> None:
    """A name in brackets right after an organisation is its short name: "California Department
    of Forestry and Fire Protection (Cal Fire)" -> "Cal Fire" is an ORG, wherever it recurs in
    the document. ``cands`` must be sorted by position."""
    keys: set[str] = set()
    n = len(doc)
    for x, y in zip(cands, cands[1:]):
        if (
            x.label == "ORG"
            and y.label not in ("ORG", "GPE", "LOC", "FAC", "NORP")  # "Hearts (Edinburgh)"
            and all(is_name_word(t) for t in doc.texts[y.start : y.end])
            and norm_key(doc.span_text(y.start, y.end)) not in ALIASES
            and y.start == x.end + 1
            and doc.texts[x.end] == "("
            and y.end < n
            and doc.texts[y.end] == ")"
        ):
            keys.add(norm_key(doc.span_text(y.start, y.end)))
    if keys:
        for c in cands:
            if c.label != "ORG" and norm_key(doc.span_text(c.start, c.end)) in keys:
                c.label = "ORG"
