"""Verify the kept raw copies: every document's raw bytes are there and hash to its doc_id.

The warehouse promises reproducibility: each document's raw text is kept under
``<raw_store>/<sha[:2]>/<sha>.raw`` so the extractors can be re-run without the original files.
``verify_raw_copies`` checks that promise and reports, never repairs:

* ``missing``  — a document has no raw copy, or its metadata came from a sidecar whose kept copy
  (``<sha>.meta.json``) is gone (error);
* ``corrupt``  — the copy's sha256 is not the doc_id (error: bit rot, truncation, tampering);
* ``unreadable`` — the copy exists but cannot be read (error);
* ``orphan``   — a raw copy with no document (note: a run killed after staging, before its load;
  the next run that sees the file again adopts it; harmless);
* ``stale_temp`` — a ``.<sha>.raw.<pid>.tmp`` (or ``.meta.json``) left by a process killed while writing a copy (note).

Cost: reads and hashes every raw copy (about 1 s per 100 MB). Opens the warehouse read-only.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from newsdesk import staging, warehouse
from newsdesk.settings import Settings

ERRORS = ("missing", "corrupt", "unreadable")
NOTES = ("orphan", "stale_temp")
_RAW_NAME = re.compile(r"^([0-9a-f]{64})\.raw$")
_TEMP_NAME = re.compile(r"^\.[0-9a-f]{64}\.(?:raw|meta\.json)\.\d+\.tmp$")


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding about a raw copy. ``kind`` is one of ERRORS or NOTES."""

    kind: str
    doc_id: str | None
    path: str
    detail: str

    @property
    def is_error(self) -> bool:
        return self.kind in ERRORS


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def verify_raw_copies(settings: Settings, *, include_notes: bool = True) -> list[Problem]:
    """Every problem with the raw copies of ``settings.warehouse``, errors first, then notes.

    Returns an empty list when every document's copy is present and intact (and, with
    ``include_notes``, no orphan or stale temporary file lies in the raw store).
    """
    con = warehouse.read_only(settings.warehouse, settings.read_timeout_s)
    try:
        doc_ids = [r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]
        has_source = con.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'documents' "
                                 "AND column_name = 'metadata_source'").fetchall()[0][0]
        with_sidecar = [r[0] for r in con.execute(
            "SELECT doc_id FROM documents WHERE metadata_source LIKE '%sidecar%' ORDER BY doc_id").fetchall()
        ] if has_source else []
    finally:
        con.close()
    store = settings.raw_store
    problems: list[Problem] = []
    for doc_id in doc_ids:
        path = staging.raw_copy_path(store, doc_id)
        if not path.is_file():
            problems.append(Problem("missing", doc_id, str(path), "no raw copy for this document"))
            continue
        try:
            actual = _sha256_file(path)
        except OSError as exc:
            problems.append(Problem("unreadable", doc_id, str(path), f"cannot read: {exc.strerror or exc}"))
            continue
        if actual != doc_id:
            problems.append(Problem("corrupt", doc_id, str(path),
                                    f"sha256 of the copy is {actual} ({path.stat().st_size:,} bytes)"))
    for doc_id in with_sidecar:
        path = staging.sidecar_copy_path(store, doc_id)
        if not path.is_file():
            problems.append(Problem("missing", doc_id, str(path),
                                    "no kept sidecar for a document whose metadata came from one"))
    if include_notes and store.is_dir():
        known = set(doc_ids)
        for path in sorted(store.rglob("*")):
            if not path.is_file():
                continue
            m = _RAW_NAME.match(path.name)
            if m and m.group(1) not in known:
                problems.append(Problem("orphan", m.group(1), str(path),
                                        "raw copy without a document (run stopped before its load)"))
            elif _TEMP_NAME.match(path.name):
                problems.append(Problem("stale_temp", None, str(path),
                                        "temporary file of a copy that was being written when a process died"))
    return problems


def format_problems(problems: list[Problem]) -> str:
    """Human summary, one line per problem, then a count line."""
    lines = [f"{'ERROR' if p.is_error else 'note '} {p.kind:<10} {p.path}: {p.detail}" for p in problems]
    n_err = sum(p.is_error for p in problems)
    lines.append(f"{n_err} error(s), {len(problems) - n_err} note(s)")
    return "\n".join(lines)
