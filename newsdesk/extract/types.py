"""Records the extractors return for one document.

Offsets are character offsets into the document body (end exclusive) and every ``text``
equals ``body[start_char:end_char]``. The loader adds ``doc_id``, ``run_id`` and the row ids.
The tables these records become are declared in ``newsdesk.schemas`` (the row contract); a test
fails when a record has a field its table lacks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsdesk.schemas import ENTITY_LABELS, FIGURE_KINDS, FIGURE_STATUSES, QUOTE_KINDS  # noqa: F401 - the contract's vocabularies


@dataclass(slots=True)
class Mention:
    """One named-entity mention, linked to its canonical entity."""

    start_char: int
    end_char: int
    sentence_index: int
    text: str
    label: str  # one of ENTITY_LABELS
    name: str  # canonical entity name ("Vladimir Putin", "NATO", "United States")
    entity_id: str  # ids.entity_id(label, name)
    title: str | None = None  # title written before a person's name inside the span ("President")


@dataclass(slots=True)
class Role:
    """A role the text states for an entity ("the Chinese foreign minister")."""

    entity_id: str
    name: str
    label: str
    role: str
    start_char: int  # span of the role text in the body
    end_char: int


@dataclass(slots=True)
class DocEntities:
    """Everything the entity extractor found in one document."""

    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)

    def mention_at(self, start_char: int, end_char: int) -> Mention | None:
        """The mention overlapping [start_char, end_char) the most, or None."""
        best, best_overlap = None, 0
        for m in self.mentions:
            overlap = min(end_char, m.end_char) - max(start_char, m.start_char)
            if overlap > best_overlap:
                best, best_overlap = m, overlap
        return best


@dataclass(slots=True)
class QuoteSpeaker:
    """One speaker entity of a quote passage (a joint speaker has one per person, in the order named)."""

    entity_id: str
    name: str  # canonical entity name
    label: str  # PERSON / ORG / GPE / NORP
    position: int = 0  # order in the passage's speaker_name ("Xi Jinping and Vladimir Putin": 0, 1)


@dataclass(slots=True)
class Quote:
    """One passage of reported speech (contract v2): who said it, with the reporting verb.

    The passages of one act of speech ("“A,” she said. “B.”", a floating paragraph after it) share
    ``attribution_id``; only the passage that carries the speaker mention has speaker/cue spans, the
    others inherit ``speaker_name`` / ``speaker_entity_id`` / ``speakers``.
    """

    start_char: int  # span of the reported content (direct: inside-or-including the marks)
    end_char: int
    text: str
    kind: str  # one of QUOTE_KINDS
    sentence_index: int
    speaker: str | None = None  # speaker mention as written ("he", "Mr Putin", "the ministry")
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_name: str | None = None  # resolved canonical name ("Vladimir Putin"; joint: "A and B")
    speaker_label: str | None = None  # PERSON / ORG / GPE / NORP of the resolved entity (joint: when shared)
    speaker_entity_id: str | None = None  # None when unresolved or joint (see ``speakers``)
    cue: str | None = None  # reporting verb as written ("told", "according to")
    cue_start: int | None = None
    cue_end: int | None = None
    cue_lemma: str | None = None  # "tell", "according to"
    # document-local key of the act of speech ("start:end" of its first passage); the loader makes
    # the warehouse id from it and the document (ids.attribution_id)
    attribution_id: str | None = None
    speakers: list[QuoteSpeaker] = field(default_factory=list)  # resolved speaker entities → quote_speakers


@dataclass(slots=True)
class Figure:
    """One reported number with what it measures."""

    start_char: int
    end_char: int
    text: str
    kind: str  # one of FIGURE_KINDS
    sentence_index: int
    value: float  # fully scaled: "US$200 billion" -> 2e11; ranges: midpoint
    value_low: float | None = None  # ranges and vague amounts ("dozens" -> 12..120)
    value_high: float | None = None
    unit: str | None = None  # ISO 4217 for money ("USD", "USD/barrel"), else the catalogue name ("kilometre")
    qualifier: str | None = None  # "more than", "about", "up to", "at least"...
    change: str | None = None  # "=", "~", ">", "<", "up", "down" (NewsQuant convention)
    object: str | None = None  # what is counted or measured ("troops", "natural gas", "trade volume")
    year: int | None = None  # year the figure refers to ("in 2021")
    period: str | None = None  # "annually", "per month", "in the first three quarters"...
    conversion_of: int | None = None  # index (in the returned list) of the figure this one converts
    subject: str | None = None  # who has or reports the figure ("Ford" for "Ford cut 13,000 jobs")
    is_incidental: bool = False  # a bare small count ("the two leaders") or a period span ("the first three quarters")
    status: str = "actual"  # one of FIGURE_STATUSES: actual | target | forecast | estimate
