"""Which document does the user mean: a doc_id, a prefix of one, or a source path.

Used by ``newsdesk show`` and ``newsdesk forget``. A reference is tried as, in order:

1. a source path as a run recorded it in ``document_sources`` (as given, or made absolute);
2. an existing file: the sha256 of its bytes is its doc_id (the file may have moved since);
3. a doc_id or a prefix of one (at least ``MIN_PREFIX`` hex characters).

A path recorded with two documents (the file changed between runs) or a prefix shared by several
documents is ambiguous: the error lists the candidates. Nothing here writes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

MIN_PREFIX = 6
HEX = re.compile(r"^[0-9a-f]+$")
SHOWN = 5  # candidates listed in an ambiguity error


class NoSuchDocument(LookupError):
    """Nothing in the warehouse matches the reference."""


class AmbiguousDocument(LookupError):
    """The reference matches more than one document."""


@dataclass(frozen=True)
class Candidate:
    doc_id: str
    title: str
    first_seen_at: object


def path_forms(ref: str) -> list[str]:
    """The reference as given and as an absolute path (runs record absolute paths)."""
    forms = [ref]
    try:
        absolute = str(Path(ref).expanduser().resolve())
    except (OSError, RuntimeError, ValueError):
        absolute = ref
    if absolute != ref:
        forms.append(absolute)
    return forms


def file_doc_id(ref: str) -> str | None:
    """The sha256 of the file at ``ref``, when it is a readable file."""
    path = Path(ref).expanduser()
    try:
        if path.is_file():
            h = hashlib.sha256()
            with path.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
            return h.hexdigest()
    except OSError:
        return None
    return None


BY_PATH = ("SELECT doc_id, title, first_seen_at FROM documents "
           "WHERE doc_id IN (SELECT doc_id FROM document_sources WHERE list_contains(?, source_path)) "
           "ORDER BY first_seen_at, doc_id")
BY_ID = "SELECT doc_id, title, first_seen_at FROM documents WHERE doc_id = ? ORDER BY first_seen_at, doc_id"
BY_PREFIX = ("SELECT doc_id, title, first_seen_at FROM documents WHERE starts_with(doc_id, ?) "
             "ORDER BY first_seen_at, doc_id")
LIST_HINT = 'list them with `newsdesk sql "SELECT doc_id, title, source_paths FROM documents_overview"`'


def _candidates(con: duckdb.DuckDBPyConnection, sql: str, param) -> list[Candidate]:
    return [Candidate(*r) for r in con.execute(sql, [param]).fetchall()]


def candidates(con: duckdb.DuckDBPyConnection, ref: str) -> list[Candidate]:
    """Every document ``ref`` could mean, by the first rule that matches anything."""
    ref = ref.strip()
    if not ref:
        return []
    forms = path_forms(ref)
    by_path = _candidates(con, BY_PATH, forms)
    if by_path:
        return by_path
    digest = file_doc_id(ref)
    if digest:
        by_hash = _candidates(con, BY_ID, digest)
        if by_hash:
            return by_hash
    low = ref.lower()
    if len(low) >= MIN_PREFIX and HEX.match(low):
        return _candidates(con, BY_PREFIX, low)
    return []


def resolve(con: duckdb.DuckDBPyConnection, ref: str) -> str:
    """The one doc_id ``ref`` means; NoSuchDocument or AmbiguousDocument (with what to do) otherwise."""
    found = candidates(con, ref)
    if len(found) == 1:
        return found[0].doc_id
    if not found:
        short = HEX.match(ref.strip().lower()) and len(ref.strip()) < MIN_PREFIX
        too_short = f" (a prefix needs at least {MIN_PREFIX} hex characters)" if short else ""
        raise NoSuchDocument(f"no document matches {ref!r}{too_short}: give a doc_id, a prefix of one, "
                             f"or the path of a file a run read ({LIST_HINT})")
    listed = "; ".join(f"{c.doc_id[:12]} {c.title[:50]!r} (first seen {str(c.first_seen_at)[:16]})"
                       for c in found[:SHOWN])
    more = f" and {len(found) - SHOWN} more" if len(found) > SHOWN else ""
    raise AmbiguousDocument(f"{ref!r} matches {len(found)} documents: {listed}{more}; "
                            "give more characters of the doc_id")
