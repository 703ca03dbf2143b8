"""A run over a folder with nothing new, recognised and recorded in a fraction of a second.

Most scheduled and repeated runs find only texts the warehouse already holds. Such a run needs no
model, no dataframes, no validation and no orchestration: ``check`` lists and hashes the files
(as staging does) and asks the warehouse, read-only, whether every one is a stored document already
recorded at that path (or a file already rejected at that path, which a run would reject again); ``record`` then writes the run's row in ``runs`` under the run lock. It
imports neither pandas, pandera, spaCy nor Prefect, so it costs process start, the hashing and two
small queries (see BENCHMARKS.md). Anything else — a new or changed text, a file to reject, a new
path of a known text, a pending migration, a busy warehouse — returns None, and the caller runs the
full pipeline, which handles it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk import EXTRACTOR_VERSION, __version__
from newsdesk.settings import Settings

KIND = "ingest"


@dataclass
class Unchanged:
    """What an unchanged run saw: its books (every text already seen) and how long the check took."""

    source: str
    files_seen: int
    already_seen: int
    metadata_files: int
    seconds: float
    reject_reasons: dict[str, int] = field(default_factory=dict)  # files rejected before, for the same reason

    @property
    def rejected(self) -> int:
        return sum(self.reject_reasons.values())


def check(settings: Settings, source: Path) -> Unchanged | None:
    """The books of a run over ``source`` when it holds nothing new for the warehouse, else None."""
    import duckdb

    from newsdesk import staging
    from newsdesk.warehouse import migration_files

    t = time.perf_counter()
    if not settings.warehouse.is_file():
        return None
    pairs: list[tuple[str, str]] = []
    turned_away: list[tuple[str, str]] = []  # (path, reason) rejected before its bytes were read
    metadata = 0
    for found in staging.discover(Path(source)):
        if found.reject is not None:
            turned_away.append((str(found.path), found.reject[0]))
            continue
        try:
            data = staging.read_file(found.path, settings.max_file_bytes)
        except OSError:
            return None
        if len(data) > settings.max_file_bytes:
            return None
        if found.metadata_of is not None:
            metadata += 1  # a sidecar: its article decides (its metadata is read only with a new text)
            continue
        pairs.append((str(found.path), hashlib.sha256(data).hexdigest()))
    if not pairs and not turned_away:
        return None
    try:
        con = duckdb.connect(str(settings.warehouse), read_only=True)
    except duckdb.Error:  # busy, or not a warehouse: the full run waits or says why
        return None
    try:
        applied = {r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
        if {v for v, _ in migration_files(settings.sql_dir)} - applied:
            return None
        con.execute("CREATE TEMP TABLE _probe AS SELECT unnest(?::VARCHAR[]) AS source_path, "
                    "unnest(?::VARCHAR[]) AS doc_id", [[p for p, _ in pairs], [d for _, d in pairs]])
        # each file: a document already recorded at this path, or a file rejected before (same bytes, same
        # path: a run would reject it again for the same reason), or something a run must look at
        seen = con.execute(
            "SELECT p.source_path, p.doc_id, "
            "EXISTS (SELECT 1 FROM document_sources s WHERE s.source_path = p.source_path AND s.doc_id = p.doc_id), "
            "(SELECT min(r.reason) FROM rejects r WHERE r.source_path = p.source_path AND r.doc_id = p.doc_id) "
            "FROM _probe p").fetchall()
        recorded = {tuple(r) for r in con.execute(
            "SELECT source_path, reason FROM rejects WHERE doc_id IS NULL").fetchall()} if turned_away else set()
    except duckdb.Error:
        return None
    finally:
        con.close()
    if any(t not in recorded for t in turned_away):  # a reject a run has not recorded yet
        return None
    reasons: dict[str, int] = {}
    for _, reason in turned_away:
        reasons[reason] = reasons.get(reason, 0) + 1
    for _, _, known, reason in seen:
        if known:
            continue
        if reason is None:
            return None
        reasons[reason] = reasons.get(reason, 0) + 1
    already = len(pairs) + len(turned_away) - sum(reasons.values())
    return Unchanged(str(source), len(pairs) + len(turned_away) + metadata, already, metadata,
                     time.perf_counter() - t, reasons)


def summary(settings: Settings, books: Unchanged, run_id: str) -> dict:
    """The run summary (the shape ``pipeline.finish`` returns) of an unchanged run."""
    return {
        "run_id": run_id, "status": "completed", "error": None, "source": books.source, "kind": KIND,
        "files_seen": books.files_seen, "documents_new": 0, "duplicates": 0, "already_seen": books.already_seen,
        "rejected": books.rejected, "metadata_files": books.metadata_files, "documents_processed": 0, "words": 0,
        "mentions": 0, "quotes": 0, "figures": 0, "validation_failures": 0, "books_balance": True,
        "reject_reasons": dict(books.reject_reasons),
        "seconds": {"unchanged_check": round(books.seconds, 3)}, "wall_seconds": round(books.seconds, 3),
        "words_per_second": None, "warehouse": str(settings.warehouse), "processes": 0, "unchanged": True,
    }


def record(settings: Settings, books: Unchanged, run_id: str | None = None, flow_run_id: str | None = None) -> dict:
    """Write the run's row (completed, nothing new) under the run lock; return its summary."""
    from newsdesk.cleaning import CLEANER_VERSION
    from newsdesk.locking import run_lock
    from newsdesk.nlp import model_info
    from newsdesk.warehouse import connect, insert_run

    done = summary(settings, books, run_id or uuid.uuid4().hex)
    finished = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    name, version = model_info(settings.model)
    row = {
        "run_id": done["run_id"], "flow_run_id": flow_run_id, "kind": KIND, "source": books.source,
        "started_at": finished - dt.timedelta(seconds=books.seconds), "finished_at": finished, "status": "completed",
        **{k: done[k] for k in COUNTS}, "model_name": name, "model_version": version,
        "extractor_version": EXTRACTOR_VERSION, "newsdesk_version": __version__, "cleaner_version": CLEANER_VERSION,
        "stage_seconds": json.dumps({"unchanged_check": round(books.seconds, 4)}),
    }
    with run_lock(settings.lock_path, settings.lock_timeout_s):
        con = connect(settings.warehouse, timeout_s=60)
        try:
            insert_run(con, row)
        finally:
            con.close()
    return done


COUNTS = ("files_seen", "documents_new", "duplicates", "already_seen", "rejected", "metadata_files",
          "documents_processed", "words", "mentions", "quotes", "figures", "validation_failures")
