"""Cues that are punctuation: the colon that introduces a quote and the dash that signs one.

Direct: a quote that follows a colon ("Cruz continued:\n\n“…”", "as Ridge put it: “…”"): the
reporting verb of the clause before the colon, else that clause's subject with the colon as cue;
a PERSON/ORG name right before the colon speaks the quote unless the clause subject is a person
("HEADLINE - Mark Blumenthal: “…”", "did not surprise pollster Daron Shaw: “…”"). A quote
paragraph signed by a dash (- — – -- ―) and a name of ≤ 6 capitalised words (initials allowed)
on the next line ("“…”\n\n- Bernie Sanders."; cue "-") or closing the same line ("“…” ― Sonya
Herridge"; the quote must open its paragraph).
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from newsdesk.extract.quotes.marks import SPACE, paragraph_end
from newsdesk.extract.quotes.records import Cue
from newsdesk.extract.quotes.spans import Sents, np_span
from newsdesk.extract.quotes.speaker import PRONOUNS_PERSON


_DASHES = ("-", "—", "–", "--", "―")

_MAX_BYLINE_NAME = 6  # tokens

_INITIAL = re.compile(r"^[A-Z]\.?$")


def byline_cue(doc: Doc, text: str, b: int, starts: list[int], a: int | None = None) -> Cue | None:
    """Cue of a quote paragraph signed with a dash and a name, on the next line ("“…”\n\n- Bernie
    Sanders.", "-President Obama, tweeting after …") or on the same line ("“…” ― Sonya Herridge",
    "“…”— Jo A. Diaz."): the dash (- — – -- ―) is the cue, the run of capitalised words (initials
    allowed) after it the speaker. On the same line the quote (opening at ``a``) must start its
    paragraph and the name must end the line. Limit: the name must start right after the dash
    and hold a proper noun; "— AP" style credits are taken as speakers too."""
    j = b
    while j < len(text) and text[j] in SPACE:
        j += 1
    if j >= len(text) or not text.startswith(_DASHES, j):
        return None
    same_line = "\n" not in text[b:j]
    if same_line:
        i = (a if a is not None else 1) - 1
        while i >= 0 and text[i] in " \t\u00a0\u200e\u202a":
            i -= 1
        if a is None or (i >= 0 and text[i] != "\n"):
            return None
    k = bisect.bisect_right(starts, j) - 1  # the dash may be glued to the closing mark: '”―'
    if k < 0 or doc[k].text[j - doc[k].idx:] not in _DASHES:
        return None
    n = k + 1
    while n < len(doc) and doc[n].is_space and "\n" not in doc[n].text:
        n += 1
    first = n
    while n < len(doc) and n - first < _MAX_BYLINE_NAME and doc[n].text[:1].isupper() and (
            doc[n].is_alpha or (_INITIAL.match(doc[n].text) and n > first)):
        n += 1
    if n == first or (n < len(doc) and doc[n].text[:1].isupper() and doc[n].is_alpha) \
            or not any(t.tag_ in ("NNP", "NNPS") for t in doc[first:n]):
        return None
    if n < len(doc) and doc[n].text not in (",", ".", "(") and "\n" not in doc[n].text:
        return None
    if same_line:  # the name closes the line ("― Carla Sanchez." / "― Jorge Falcon")
        rest = text[doc[n - 1].idx + len(doc[n - 1]):paragraph_end(text, doc[n - 1].idx)]
        if rest.strip(" .\u00a0"):
            return None
    dash = doc[k]
    return Cue(dash, dash, "-", "all", doc[n - 1], first, n, None, None, "byline")


def colon_cue(doc: Doc, text: str, a: int, lo: int, cue_by_sent: dict[int, list[Cue]],
               sents: Sents) -> Cue | None:
    """Cue of a quote introduced by a colon ("Cruz continued:\n\n“…”", "as Ridge put it: “…”",
    "Kaine has adopted the stance …: “…”"): the reporting verb of the clause before the colon,
    else that clause's subject with the colon itself as cue (lemma ":")."""
    j = a - 1
    breaks = 0
    while j >= 0 and text[j] in SPACE:
        breaks += text[j] == "\n" and (j == 0 or text[j - 1] != "\n")
        j -= 1
    if j < 0 or text[j] != ":" or breaks > 1:
        return None
    k = bisect.bisect_right([t.idx for t in doc[max(0, lo - 60):lo]], j) - 1 + max(0, lo - 60)
    if k < 0 or doc[k].text != ":":
        return None
    colon = doc[k]
    sent = sents.of(colon.i)
    cands = [c for c in cue_by_sent.get(sent.start, []) if c.last.i < k and c.speaker_head is not None
             and c.content_from != "according"]
    if cands:
        return max(cands, key=lambda c: c.last.i)
    if k == 0:
        return None
    root = doc[k - 1]  # the head of the clause that ends at the colon
    while root.head.i != root.i and root.head.i < k:
        root = root.head
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    named = _name_before_colon(doc, k, subj)
    if named is not None:
        subj = named
    if subj is None:
        return None
    slo, shi = np_span(subj)
    return Cue(colon, colon, ":", "all", subj, slo, shi, None, None, "colon")


def _name_before_colon(doc: Doc, k: int, subj: Token | None) -> Token | None:
    """A person's or organisation's name right before the colon at ``k`` that introduces a quote
    ("IOWA POLLS NOT WRONG - Mark Blumenthal and Jon Cohen: “…”", "More from Jones: “…”",
    "doesn't surprise pollster Daron Shaw: “…”"), taken over a clause subject that is no
    person ("The timing of … doesn't surprise …")."""
    t = doc[k - 1]
    if t.tag_ not in ("NNP", "NNPS") or t.ent_type_ not in ("PERSON", "ORG"):
        return None
    if subj is not None and (subj.ent_type_ == "PERSON" or subj.lower_ in PRONOUNS_PERSON):
        return None
    return t
