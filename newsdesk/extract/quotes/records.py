"""The records passed between the steps: a ``Cue`` (a reporting verb with its speaker and content
token ranges) and the raw attribution, a dict ``{"span", "kind", "cue"[, "speaker"]}`` whose
speaker head is its own or its cue's (``speaker_of``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token


@dataclass(slots=True)
class Cue:
    """A reporting verb (or "according to") with its speaker and content token ranges."""

    first: Token  # first token of the cue
    last: Token  # last token of the cue
    lemma: str
    kinds: str  # "all" or "direct"
    speaker_head: Token | None
    speaker_lo: int | None  # token range of the speaker span (end exclusive)
    speaker_hi: int | None
    content_lo: int | None  # token range of the reported content (end exclusive)
    content_hi: int | None
    content_from: str = ""  # ccomp | xcomp | object | inverted | according


def speaker_of(rec: dict) -> Token | None:
    """Speaker head token of a record (its own, else its cue's)."""
    return rec.get("speaker") or rec["cue"].speaker_head


def same_token(a: Token | None, b: Token | None) -> bool:
    return a is not None and b is not None and a.i == b.i
