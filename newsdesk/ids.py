"""Deterministic identifiers shared by the extractors and the loader.

Ids are derived from content, never from counters, so the same input always produces the
same ids (idempotent loads, stable joins across runs and re-processing).
"""

from __future__ import annotations

import hashlib


def _digest(*parts: object, length: int = 16) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(str(part).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def entity_id(label: str, name: str) -> str:
    """One entity per (label, canonical name) across the whole warehouse."""
    return _digest("entity", label, name)


def span_id(kind: str, doc_id: str, start_char: int, end_char: int) -> str:
    """Id of a quote or figure: its document and its character span."""
    return _digest(kind, doc_id, start_char, end_char)


def attribution_id(doc_id: str, key: str) -> str:
    """Id of an act of speech (the passages of one attribution): its document and the
    document-local key the extractor gives it (the span of its first passage)."""
    return _digest("attribution", doc_id, key)
