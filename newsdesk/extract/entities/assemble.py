"""Assembly: :func:`extract_entities` runs the steps of the package over one parsed document.

span repair (:mod:`.spans`) -> people the model calls something else (:mod:`.labels`) -> recall
(:mod:`.recall`) -> person linking (:mod:`.linking`) -> label votes, final labels and canonical
names (:mod:`.labels`) -> ORG short forms (:mod:`.linking`) -> mentions and roles (:mod:`.roles`).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from newsdesk.extract.entities.docview import DocView, TokenView, char_span
from newsdesk.extract.entities.labels import (
    drop_title_words, label_and_name, parenthetical_orgs, relabel_named_persons, vote_labels,
)
from newsdesk.extract.entities.linking import (
    PersonLinker, link_event_short_forms, link_org_short_forms, split_name_coordinations, unify_spellings,
)
from newsdesk.extract.entities.recall import recover_alias_hits, recover_missed_persons
from newsdesk.extract.entities.roles import appositive_roles, pre_name_role
from newsdesk.extract.entities.spans import DocContext, repaired_candidates
from newsdesk.extract.types import DocEntities, Mention, Role
from newsdesk.ids import entity_id


def extract_entities(doc: Doc) -> DocEntities:
    """Mentions (repaired spans, canonical names, entity ids) and stated roles of one document.

    ``doc`` is the parsed body (tagger, parser, ner; no lemmas needed). Linear in document length
    apart from person linking, which is quadratic in the number of distinct full names only.
    """
    doc = DocView(doc)  # token attributes read once; everything below works on the view
    text = doc.text
    sent_tok_starts = doc.sentence_starts() or [0]
    sent_starts = [doc.idxs[i] for i in sent_tok_starts] if len(doc) else [0]
    ctx = DocContext(doc)
    cands = repaired_candidates(doc, ctx)
    relabel_named_persons(doc, cands, sent_tok_starts)
    tv = TokenView(doc)
    cands.extend(recover_alias_hits(doc, cands, tv, ctx.person_words))
    linker = PersonLinker(cands, text)
    cands = split_name_coordinations(doc, cands, linker)
    cands.extend(recover_missed_persons(doc, cands, linker, tv))
    cands.sort(key=lambda c: (c.start_char, -c.end_char))
    cands = drop_title_words(cands)
    parenthetical_orgs(doc, cands)

    vote_labels(cands, text)

    for c in cands:
        label_and_name(doc, text, c, ctx, linker)
    unify_spellings(cands)
    link_org_short_forms(doc, cands)
    link_event_short_forms(cands)

    result = DocEntities()
    seen_roles: set[tuple[str, int, int]] = set()
    last_end = -1
    for c in cands:
        if c.start_char < last_end or c.end_char <= c.start_char:
            continue  # overlapping candidates ("R." inside "R. Ponting"): the longer sorts first
        last_end = c.end_char
        sidx = max(0, bisect.bisect_right(sent_starts, c.start_char) - 1)
        eid = entity_id(c.label, c.name)
        result.mentions.append(
            Mention(
                start_char=c.start_char,
                end_char=c.end_char,
                sentence_index=sidx,
                text=text[c.start_char : c.end_char],
                label=c.label,
                name=c.name,
                entity_id=eid,
                title=c.title,
            )
        )
        if c.label not in ("PERSON", "ORG") or c.end_char != doc.idxs[c.end - 1] + len(doc.texts[c.end - 1]):
            continue
        spans = appositive_roles(doc, c.start, c.end, c.label)
        if c.label == "PERSON":
            pre = pre_name_role(doc, c.start, c.end, sent_tok_starts[sidx], c.ent_start)
            if pre:
                spans.append(pre)
        for a, b in spans:
            rs, re_ = char_span(doc, a, b)
            if (eid, rs, re_) in seen_roles:
                continue
            seen_roles.add((eid, rs, re_))
            result.roles.append(Role(eid, c.name, c.label, text[rs:re_], rs, re_))
    return result
