"""DuckDB access: migrations and views, atomic batch loads, run records, read-only analyst access.

DuckDB allows one writing process per file. newsdesk holds a run lock (``newsdesk.locking``) for
the whole run and opens the write connection only for short transactions, so analysts' read-only
connections get in between batches.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import duckdb

# pandas, pandera (newsdesk.schemas) and the catalogue are imported by the functions that use them:
# opening a warehouse, migrating it and recording a run must stay cheap (newsdesk.unchanged).
if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

MIGRATION_FILE = re.compile(r"^(\d{3})_[\w-]+\.sql$")
# Tables whose rows are derived from a document by the extractors: replaced per document.
DERIVED_TABLES = ("mentions", "entity_roles", "quotes", "quote_speakers", "figures")
# Tables where a row is inserted only when its key is absent (insert-if-absent).
KEYED_TABLES = {
    "documents": ("doc_id",),
    "entities": ("entity_id",),
    "document_sources": ("source_path", "doc_id"),
    # a file rejected for the same reason in an earlier run is not recorded again
    "rejects": ("source_path", "doc_id", "reason", "detail"),
}


class WarehouseBusy(RuntimeError):
    """The DuckDB file is held by a writer for longer than the caller was willing to wait."""


class NotAWarehouse(ValueError):
    """The path cannot hold a warehouse: a folder, or a file that is not a DuckDB database."""


def check_path(path: Path) -> Path:
    """``path`` as a warehouse path: absent (it will be created) or a DuckDB file; else NotAWarehouse."""
    path = Path(path)
    if path.is_dir():
        raise NotAWarehouse(f"{path} is a folder: --warehouse takes a DuckDB file (e.g. {path / 'news.duckdb'})")
    if path.exists():
        try:
            with path.open("rb") as f:
                magic = f.read(12)[8:12]
        except OSError as exc:
            raise NotAWarehouse(f"{path} cannot be read: {exc.strerror}") from None
        if magic != b"DUCK":
            raise NotAWarehouse(f"{path} is not a DuckDB file: point --warehouse at a newsdesk warehouse "
                                "(or at a path that does not exist yet, to start one)")
    return path


def utcnow() -> dt.datetime:
    """Naive UTC timestamp (DuckDB TIMESTAMP has no zone)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# ---------------------------------------------------------------------------- connections


def connect(path: Path, *, read_only: bool = False, timeout_s: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; while another process holds the file, retry until ``timeout_s``."""
    path = check_path(path)
    if read_only and not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}: run `newsdesk run --source DIR` first")
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout_s
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"{path} is being written by another process (a newsdesk run is loading a batch); "
                    f"gave up after {timeout_s:.0f}s. Retry, or raise NEWSDESK_READ_TIMEOUT."
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


@contextmanager
def writer(path: Path, timeout_s: float = 60.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived write connection, closed on exit."""
    con = connect(path, timeout_s=timeout_s)
    try:
        yield con
    finally:
        con.close()


def read_only(path: Path, timeout_s: float = 30.0, *, external_access: bool = True) -> duckdb.DuckDBPyConnection:
    """Read-only connection for analysts: writes fail inside DuckDB, not by a keyword filter.

    With ``external_access=False`` DuckDB also refuses to read files outside the warehouse
    (read_csv, read_parquet, COPY ... TO) for the rest of the connection.
    """
    con = connect(path, read_only=True, timeout_s=timeout_s)
    if not external_access:
        con.execute("SET enable_external_access = false")
    return con


# ---------------------------------------------------------------------------- migrations


def migration_files(sql_dir: Path) -> list[tuple[int, Path]]:
    found = []
    for p in sorted((sql_dir / "migrations").glob("*.sql")):
        m = MIGRATION_FILE.match(p.name)
        if not m:
            raise ValueError(f"migration file {p.name} must be named NNN_name.sql")
        found.append((int(m.group(1)), p))
    versions = [v for v, _ in found]
    if len(set(versions)) != len(versions):
        raise ValueError(f"duplicate migration numbers in {sql_dir / 'migrations'}")
    return found


def view_files(sql_dir: Path) -> list[Path]:
    return sorted((sql_dir / "views").glob("*.sql"))


def migrate(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> list[str]:
    """Apply pending numbered migrations (each in its own transaction), then (re)create views."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, path in migration_files(sql_dir):
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, path.name, utcnow()]
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(path.name)
        log.info("applied migration %s", path.name)
    refresh_views(con, sql_dir)
    return applied


def refresh_views(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> list[str]:
    """Create or replace every view in sql/views, in file-name order, and write the descriptions of
    every table, view and column (``newsdesk.catalog``), in one transaction."""
    names = []
    con.execute("BEGIN TRANSACTION")
    try:
        paths = view_files(sql_dir)
        for path in paths:
            con.execute(path.read_text(encoding="utf-8"))
            names.append(path.stem)
        from newsdesk import catalog

        catalog.apply_comments(con, paths)  # CREATE OR REPLACE VIEW dropped the views' comments
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return names


def ensure_schema(path: Path, sql_dir: Path, timeout_s: float = 60.0) -> None:
    with writer(path, timeout_s) as con:
        migrate(con, sql_dir)


# ---------------------------------------------------------------------------- loading


def _insert(con: duckdb.DuckDBPyConnection, table: str, view: str, cols: list[str], where: str = "") -> None:
    col_list = ", ".join(cols)
    con.execute(f"INSERT INTO {table} ({col_list}) SELECT {col_list} FROM {view} {where}")


def load_batch(
    con: duckdb.DuckDBPyConnection,
    frames: "dict[str, pd.DataFrame]",
    processed_doc_ids: Iterable[str] = (),
) -> dict[str, int]:
    """Load one batch atomically: all of it or, on any error, none of it.

    ``frames`` maps table names to validated frames. Derived rows of every document in
    ``processed_doc_ids`` are replaced (so re-processing never doubles them); keyed tables are
    insert-if-absent (so re-running the same input adds nothing); rejects and validation
    failures are appended. Returns rows inserted per table. Table names come from
    ``schemas.MODELS`` only; no value is ever formatted into SQL.
    """
    import pandas as pd

    from newsdesk import schemas

    processed = pd.DataFrame({"doc_id": sorted(set(processed_doc_ids))}, dtype="str")
    counts: dict[str, int] = {}
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("_processed", processed)
        if len(processed):
            for table in DERIVED_TABLES:
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _processed)")
        for table in schemas.MODELS:
            df = frames.get(table)
            if df is None or df.empty:
                continue
            cols = schemas.columns(table)
            view = f"_batch_{table}"
            con.register(view, df[cols])
            before = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
            if table in KEYED_TABLES:
                keys = KEYED_TABLES[table]
                cond = " AND ".join(f"t.{k} IS NOT DISTINCT FROM b.{k}" for k in keys)
                # distinct on the key inside the batch too, then skip keys already stored
                _insert(
                    con, table, f"(SELECT * FROM {view} QUALIFY row_number() OVER (PARTITION BY {', '.join(keys)}) = 1) b",
                    cols, f"WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {cond})",
                )
            else:
                _insert(con, table, view, cols)
            counts[table] = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0] - before
            con.unregister(view)
        con.unregister("_processed")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return counts


def known_doc_ids(con: duckdb.DuckDBPyConnection, doc_ids: Iterable[str]) -> set[str]:
    """The subset of ``doc_ids`` already in ``documents``."""
    import pandas as pd

    frame = pd.DataFrame({"doc_id": list(set(doc_ids))}, dtype="str")
    if frame.empty:
        return set()
    con.register("_probe", frame)
    try:
        rows = con.execute(
            "SELECT d.doc_id FROM documents d JOIN _probe p USING (doc_id)"
        ).fetchall()
    finally:
        con.unregister("_probe")
    return {r[0] for r in rows}


# ---------------------------------------------------------------------------- runs


def begin_run(con: duckdb.DuckDBPyConnection, run: dict) -> None:
    """Record a run as running; runs left 'running' by a dead process become 'crashed'."""
    con.execute(
        "UPDATE runs SET status = 'crashed', finished_at = coalesce(finished_at, ?), "
        "error = coalesce(error, 'process ended without finishing the run') WHERE status = 'running'",
        [utcnow()],
    )
    _run_columns(run)
    insert_run(con, run)


def insert_run(con: duckdb.DuckDBPyConnection, run: dict) -> None:
    """Insert a run's row; the keys are columns of ``runs`` (``begin_run`` checks them against the
    contract; ``newsdesk.unchanged`` writes a fixed set that tests/test_unchanged.py checks)."""
    cols = list(run)
    con.execute(
        f"INSERT INTO runs ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [run[c] for c in cols],
    )


def _run_columns(fields: dict) -> list[str]:
    """The keys of a run record, each a column of the ``runs`` contract (else a ValueError)."""
    from newsdesk import schemas

    unknown = sorted(set(fields) - set(schemas.columns("runs")))
    if unknown:
        raise ValueError(f"not columns of runs (schemas.Runs): {', '.join(unknown)}")
    return list(fields)


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, fields: dict) -> None:
    """Record a run's end: its status, books and timings (keys are columns of ``runs``)."""
    fields = dict(fields)
    _run_columns(fields)
    if isinstance(fields.get("stage_seconds"), dict):
        fields["stage_seconds"] = json.dumps(fields["stage_seconds"], sort_keys=True)
    sets = ", ".join(f"{k} = ?" for k in fields)
    con.execute(f"UPDATE runs SET {sets} WHERE run_id = ?", [*fields.values(), run_id])


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    from newsdesk import schemas

    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in schemas.MODELS}
