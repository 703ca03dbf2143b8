"""Organisation nominals and institutions: "the company", "the ministry", "China's Foreign Ministry"
→ an organisation.

"the ministry" → the latest ORG whose name holds the word. A generic organisation noun
(data/speakers_org_nouns.txt: "the firm", "the company", "the German carmaker", "the watchdog",
"the paper", "the board"; not party/campaign/union/network) → an ORG named among its modifiers,
else an ORG named earlier in its sentence ("… with EgyptAir, the airline said"), else the latest
ORG subject or speaker ≤ 1500 characters back (the document's most mentioned of them when the
latest is named only once: "T-Mobile USA, its US arm, …"), else, in a lead sentence, the first one
≤ 400 characters ahead ("…, the watchdog has said. … the Electoral Commission says"); an ORG
inside the quote itself only when no other is found ("The IMF will cut …, the newspaper reported"
is not the IMF); never a generic word the NER took for a name, an all-capital dateline word, nor
for "the central/national bank" or "the editorial board"; a place's superlative org noun counts as
definite ("South Korea's top carmaker").

A ministry, department, office … the NER missed (or named bare: "India’s [Foreign Ministry]") is
named from its noun phrase when it holds a country word or hits the alias table: "China’s Foreign
Ministry" → Chinese Foreign Ministry, "the state department" → State Department, "a Chinese
foreign ministry statement" → Chinese Foreign Ministry (a synthetic ORG mention, reused when the
document has one of that name).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import bisect

from spacy.tokens import Token

from newsdesk import lexicon
from newsdesk.extract.entities import ALIASES, norm_key
from newsdesk.extract.speakers.roles import NATION
from newsdesk.extract.types import Mention

if TYPE_CHECKING:
    from newsdesk.extract.speakers.resolver import Resolver


ORG_DISTANCE = 1500  # characters back from "the company said" to its organisation subject/speaker

_ORG_AHEAD = 400  # characters ahead, when no organisation came before ("…, the watchdog has said")

ORG_NOUNS = lexicon.words("speakers_org_nouns")

INSTITUTIONS = lexicon.words("speakers_institution_nouns")

_NATION_ADJ = lexicon.mapping("speakers_nation_adjectives")

_NOT_LATEST_ORG_MODIFIERS = lexicon.words("speakers_not_latest_org_modifiers")

_SUPERLATIVES = lexicon.words("speakers_superlatives")

_PARTY_WORDS = lexicon.words("speakers_party_words")


def _org_antecedent(m: Mention) -> bool:
    """An ORG mention that may stand behind "the company": not a generic word the NER took for a
    name ("… SAYS NEWSPAPER"), not an all-capital dateline word ("AKRON, Ohio -")."""
    low = m.name.lower()
    return low not in ORG_NOUNS and low not in INSTITUTIONS and not (m.name.isupper() and len(m.name) > 4)


def org_nominal(r: Resolver, words: list[Token], head: Token) -> Mention | None:
    """"the company", "the firm", "the German carmaker", "the watchdog" → a name among its
    modifiers, else an ORG named earlier in its sentence ("… with EgyptAir, the airline said"),
    else the latest organisation subject or speaker at most ``ORG_DISTANCE``
    characters back — unless the document names it only once (a passing mention: "T-Mobile
    USA, the company's US arm, grew"), then the one of them the document mentions most — else (a
    lead sentence: "…, the elections watchdog has said.") the first one at most
    ``_ORG_AHEAD`` characters ahead."""
    if head.lower_ not in ORG_NOUNS or head.tag_ != "NN" or not words or (
            words[0].lower_ not in ("the", "this") and not country_possessor(r, head)) \
            or any(t.lower_ in _NOT_LATEST_ORG_MODIFIERS for t in words):
        return None  # "the central bank" is not the latest bank, "the editorial board" no company
    for t in words:
        if t.i < head.i and t.tag_ in ("NNP", "NNPS"):
            mm = r.mention_of_token(t)
            if mm is None:
                mm = r.by_name_word(t.text, head.idx)
            if mm is not None and mm.label == "ORG":
                return mm
    return org_antecedent_of(r, head, True) or org_antecedent_of(r, head, False)


def org_antecedent_of(r: Resolver, head: Token, strict: bool) -> Mention | None:
    """See ``_org_nominal``; ``strict``: not an organisation inside the quote being resolved
    ("The IMF will cut …, the newspaper reported"), which is the fallback ("RHB, a lender, is
    scouting …, the firm said")."""
    pos = head.idx
    sent_start = head.sent.start_char
    j = bisect.bisect_left(r.starts, pos) - 1  # "… with EgyptAir, the airline said"
    while j >= 0 and r.mentions[j].start_char >= sent_start:
        m = r.mentions[j]
        if m.label == "ORG" and not r.in_quote(m.start_char) and not (strict and r.in_current(m.start_char)) \
                and _org_antecedent(m):
            return m
        j -= 1
    k = bisect.bisect_left(r.recent_orgs, pos, key=lambda x: x[0]) - 1
    if r.org_count is None:
        r.org_count = {}
        for m in r.mentions:
            if m.label == "ORG":
                r.org_count[m.entity_id] = r.org_count.get(m.entity_id, 0) + 1
        for at, m in r.recent_orgs:  # an organisation speaker or subject weighs more
            if at in r.speaker_pos:
                r.org_count[m.entity_id] = r.org_count.get(m.entity_id, 0) + 2
    best: Mention | None = None
    j = k
    while j >= 0 and pos - r.recent_orgs[j][0] <= ORG_DISTANCE:
        m = r.recent_orgs[j][1]
        if not _org_antecedent(m) or (strict and r.in_current(r.recent_orgs[j][0])):
            pass  # a generic word the NER took for a name ("… SAYS NEWSPAPER"), a dateline
        elif best is None:
            best = m
            if r.org_count.get(m.entity_id, 0) > 1:
                break  # the latest, unless it is a passing mention ("T-Mobile USA, its US arm, grew")
        elif r.org_count.get(m.entity_id, 0) > r.org_count.get(best.entity_id, 0):
            best = m  # then the most mentioned one: the story's company
        j -= 1
    if best is not None:
        return best
    if k < 0 and k + 1 < len(r.recent_orgs) and r.recent_orgs[k + 1][0] - pos <= _ORG_AHEAD:
        return r.recent_orgs[k + 1][1]
    return None


def country_possessor(r: Resolver, head: Token) -> bool:
    """"South Korea's top carmaker", "Britain's biggest bank": a place's superlative org noun is
    as definite as "the carmaker"."""
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    if poss is None or not any(c.tag_ == "JJS" or c.lower_ in _SUPERLATIVES
                               for c in head.children if c.i < head.i):
        return False
    m = r.mention_of_token(poss)
    return m is not None and m.label == "GPE"


def nominal_org(r: Resolver, word: str, pos: int) -> Mention | None:
    """"the ministry" → the latest ORG mention before ``pos`` whose name contains the word."""
    if not word.isalpha() or len(word) < 4:
        return None
    k = bisect.bisect_left(r.starts, pos) - 1
    while k >= 0:
        m = r.mentions[k]
        if m.label == "ORG" and word in m.name.lower().split():
            return m
        k -= 1
    return None


def institution(r: Resolver, words: list[Token], head: Token) -> Mention | None:
    """A ministry, department … the NER missed, named from its noun phrase: "China’s Foreign
    Ministry" → Chinese Foreign Ministry, "the state department" → State Department (alias
    table). Only with a country word or an alias hit; the mention is reused when the
    document has one with that name."""
    if head.lower_ not in INSTITUTIONS:
        return None
    parts: list[str] = []
    nation = False
    for t in words:
        if t.i > head.i:
            break
        w = t.lower_
        if t.tag_ == "IN":  # "a statement by the Chinese Foreign Ministry": only what follows "by"
            parts, nation = [], False
            continue
        if t.is_punct or w in ("the", "a", "an", "'s", "’s", "its", "their", "his", "her"):
            continue
        if w in _NATION_ADJ:
            parts.append(_NATION_ADJ[w])
            nation = True
        elif w in NATION and w.isalpha() and w not in _PARTY_WORDS:
            parts.append(w.capitalize())
            nation = True
        elif t.is_alpha:
            parts.append(t.text if t.text[:1].isupper() else t.text.capitalize())
        else:
            return None
    if len(parts) < 2:
        return None
    name = " ".join(parts)
    hit = ALIASES.get(norm_key(name))
    if hit is None:
        if not nation:
            return None
    else:
        name = hit[0]
    return r.named(words[0].idx, head.idx + len(head), name, "ORG", any_label=True)
