"""Forgetting a document (``newsdesk forget``): remove it, every row derived from it and its raw copy,
and record that it was done, so a takedown request is honoured and provable.

What is removed, in one transaction under the run lock (so it never races an ingest or a reprocess):

* its rows in every table of the row contract that has a ``doc_id`` column (``documents``,
  ``document_sources``, ``mentions``, ``entity_roles``, ``quotes``, ``figures``, ``rejects``,
  ``validation_failures``, and any table added later with a ``doc_id``), found from
  ``newsdesk.schemas``, not listed here;
* rows of tables without ``doc_id`` that hang off one of those rows by its unique ``*_id`` key (a bridge
  table such as ``quote_speakers (quote_id, entity_id)`` hangs off ``quotes.quote_id``);
* entities that only this document referred to (by a column named ``entity_id`` or ``*_entity_id``): their
  names came from its text. Entities other documents still mention stay.

Then one row in ``forgotten`` (doc_id, the paths it had been seen at, reason, when, who, rows removed per
table), in the same transaction. After the commit the raw copy and any file named ``<doc_id>.*`` beside it
(a metadata sidecar) are deleted and ``forgotten.raw_removed_at`` is set; if the process dies in between,
forgetting the same document again finishes the job. A ``CHECKPOINT`` after the commit moves the deletion
out of DuckDB's write-ahead log into the database file.

Limits: DuckDB may keep the bytes of deleted rows in free blocks of the file until they are reused;
copies made outside the warehouse (Parquet exports, backups) are not reached.

``is_forgotten`` is the check staging makes so that a forgotten text dropped into the inbox again is
rejected (reason ``forgotten``) rather than ingested: a takedown sticks.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import duckdb
import pandas as pd

from newsdesk import __version__, lookup, schemas, staging, warehouse
from newsdesk.locking import run_lock
from newsdesk.settings import Settings

TABLE = "forgotten"


@dataclass
class Forgotten:
    """What forgetting one document did (or, with ``already``, what an earlier forget did)."""

    doc_id: str
    source_paths: list[str]
    reason: str | None
    forgotten_at: object
    forgotten_by: str
    rows_removed: dict[str, int] = field(default_factory=dict)
    raw_files: list[str] = field(default_factory=list)
    already: bool = False
    dry_run: bool = False

    def summary(self) -> str:
        """What was removed, in one paragraph."""
        rows = ", ".join(f"{t} {n}" for t, n in self.rows_removed.items() if n) or "no rows"
        if self.dry_run:
            return (f"would forget {self.doc_id}: {rows}; raw files {len(self.raw_files)} "
                    f"(nothing was changed: run again without --dry-run)")
        if self.already:
            return (f"{self.doc_id} was already forgotten on {str(self.forgotten_at)[:19]} by {self.forgotten_by}"
                    + (f" (reason: {self.reason})" if self.reason else "") + f"; rows removed then: {rows}")
        return (f"forgot {self.doc_id}: removed {rows}; raw files removed {len(self.raw_files)}; "
                f"recorded in the table forgotten")


# ---------------------------------------------------------------------------- what the contract says


def doc_tables() -> list[str]:
    """Tables of the contract with a ``doc_id`` column, ``documents`` last (the record table excluded)."""
    tables = [t for t in schemas.ALL_MODELS if t not in (TABLE, "documents") and "doc_id" in schemas.columns(t)]
    return tables + ["documents"]


def hanging_tables() -> list[tuple[str, str, str]]:
    """(child, key, parent): a table without ``doc_id`` whose rows belong to a parent row by the parent's
    unique ``*_id`` key (e.g. a bridge table keyed by ``quote_id``)."""
    found = []
    for parent in doc_tables():
        cols = schemas.ALL_MODELS[parent].to_schema().columns
        keys = [c for c, col in cols.items() if c.endswith("_id") and c != "doc_id" and col.unique]
        for key in keys:
            for child in schemas.ALL_MODELS:
                if child not in (parent, TABLE) and "doc_id" not in schemas.columns(child) \
                        and key in schemas.columns(child):
                    found.append((child, key, parent))
    return found


def entity_references() -> list[tuple[str, str]]:
    """(table, column) of every column that refers to an entity, other than entities' own key."""
    return [(t, c) for t in schemas.ALL_MODELS if t not in ("entities", TABLE)
            for c in schemas.columns(t) if c == "entity_id" or c.endswith("_entity_id")]


def _present(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE NOT internal AND schema_name = 'main'").fetchall()}


# ---------------------------------------------------------------------------- the record


def is_forgotten(con: duckdb.DuckDBPyConnection, doc_ids: Iterable[str]) -> set[str]:
    """The subset of ``doc_ids`` recorded as forgotten (empty on a warehouse without the table).

    Staging calls this with the hashes of a chunk's files: a forgotten text is rejected as
    ``forgotten``, not ingested again."""
    ids = sorted(set(doc_ids))
    if not ids or TABLE not in _present(con):
        return set()
    return {r[0] for r in con.execute(
        "SELECT DISTINCT doc_id FROM forgotten WHERE list_contains(?, doc_id)", [ids]).fetchall()}


def find_forgotten(con: duckdb.DuckDBPyConnection, ref: str) -> Forgotten | None:
    """The latest record of a forgotten document that ``ref`` (doc_id, prefix, source path or file) names."""
    if TABLE not in _present(con):
        return None
    ref = ref.strip()
    low = ref.lower()
    prefix = low if len(low) >= lookup.MIN_PREFIX and lookup.HEX.match(low) else "\x01"
    digest = lookup.file_doc_id(ref) or "\x01"
    rows = con.execute(
        "SELECT doc_id, source_paths, reason, forgotten_at, forgotten_by, rows_removed, raw_files FROM forgotten "
        "WHERE doc_id = ? OR starts_with(doc_id, ?) "
        "   OR len(list_intersect(from_json(source_paths, '[\"VARCHAR\"]'), ?)) > 0 "
        "ORDER BY forgotten_at DESC", [digest, prefix, lookup.path_forms(ref)]).fetchall()
    if not rows or len({r[0] for r in rows}) > 1:
        return None
    doc_id, paths, reason, at, by, removed, raw = rows[0]
    return Forgotten(doc_id, json.loads(paths), reason, at, by, json.loads(removed), json.loads(raw), already=True)


# ---------------------------------------------------------------------------- removing


def raw_files(raw_store: Path, doc_id: str) -> list[Path]:
    """The raw copy of ``doc_id`` and every file beside it named ``<doc_id>.*`` (sidecars, temp files)."""
    folder = staging.raw_copy_path(raw_store, doc_id).parent
    if not folder.is_dir():
        return []
    return sorted({*folder.glob(f"{doc_id}.*"), *folder.glob(f".{doc_id}.*")})


def _who() -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return f"{user}@{socket.gethostname()} (pid {os.getpid()})"


def _source_paths(con: duckdb.DuckDBPyConnection, doc_id: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT source_path FROM document_sources WHERE doc_id = ? "
        "UNION SELECT source_path FROM rejects WHERE doc_id = ? ORDER BY 1", [doc_id, doc_id]).fetchall()]


def _count(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> int:
    return con.execute(sql, params).fetchall()[0][0]


def _belongs(table: str, present: set[str]) -> str | None:
    """SQL condition (one ``?``: the doc_id) true for the rows of ``table`` that belong to a document:
    by its ``doc_id``, or by the key of a parent row that has it; None when rows belong to no document."""
    if "doc_id" in schemas.columns(table):
        return "doc_id = ?"
    for child, key, parent in hanging_tables():
        if child == table and parent in present:
            return f"{key} IN (SELECT {key} FROM {parent} WHERE doc_id = ?)"
    return None


def _rows_sql(verb: str, table: str, condition: str) -> str:
    """``SELECT count(*) FROM`` or ``DELETE FROM`` a contract table where a ``_belongs`` condition holds."""
    head = {"count": "SELECT count(*) FROM", "delete": "DELETE FROM"}[verb]
    return f"{head} {table} WHERE {condition}"


def _removal_order(present: set[str]) -> list[tuple[str, str]]:
    """(table, condition) in the order rows are removed: hanging tables before their parents,
    ``documents`` last."""
    hanging = [t for t, _, _ in hanging_tables() if t in present]
    order = [*dict.fromkeys(hanging), *[t for t in doc_tables() if t in present]]
    return [(t, c) for t in order if (c := _belongs(t, present))]


def _entities_only_here(con: duckdb.DuckDBPyConnection, doc_id: str, present: set[str]) -> list[str]:
    """Entities that rows of ``doc_id`` refer to and no row of another document does."""
    mine: set[str] = set()
    others: set[str] = set()
    for table, column in entity_references():
        if table not in present:
            continue
        condition = _belongs(table, present)
        if condition is None:  # rows of no document: every reference there counts as elsewhere
            others |= {r[0] for r in con.execute(f"SELECT DISTINCT {column} FROM {table}").fetchall()}
            continue
        for value, is_mine in con.execute(
                f"SELECT DISTINCT {column}, coalesce({condition}, false) FROM {table} WHERE {column} IS NOT NULL",
                [doc_id]).fetchall():
            (mine if is_mine else others).add(value)
    return sorted(mine - others)


def plan(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, int]:
    """Rows that forgetting ``doc_id`` removes, per table (entities: those only it refers to)."""
    present = _present(con)
    counts = {t: _count(con, _rows_sql("count", t, c), [doc_id]) for t, c in _removal_order(present)}
    counts["entities"] = len(_entities_only_here(con, doc_id, present))
    return counts


def _remove_rows(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, int]:
    """Delete the document's rows everywhere (inside the caller's transaction); rows removed per table."""
    present = _present(con)
    orphans = _entities_only_here(con, doc_id, present)
    removed = {t: _count(con, _rows_sql("delete", t, c), [doc_id]) for t, c in _removal_order(present)}
    removed["entities"] = (_count(con, "DELETE FROM entities WHERE list_contains(?, entity_id)", [orphans])
                           if orphans else 0)
    return removed


def _record(con: duckdb.DuckDBPyConnection, row: dict) -> None:
    frame = schemas.ALL_MODELS[TABLE].validate(pd.DataFrame([row], columns=schemas.columns(TABLE)))
    con.register("_forgotten_row", frame)
    try:
        con.execute("INSERT INTO forgotten SELECT * FROM _forgotten_row")
    finally:
        con.unregister("_forgotten_row")


def _remove_files(paths: list[Path]) -> list[str]:
    gone = []
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        gone.append(str(path))
    return gone


def _finish_raw(settings: Settings, doc_id: str) -> list[str]:
    """Delete what is left of the raw copy and mark the record done."""
    gone = _remove_files(raw_files(settings.raw_store, doc_id))
    with warehouse.writer(settings.warehouse) as con:
        con.execute("UPDATE forgotten SET raw_removed_at = ? WHERE doc_id = ? AND raw_removed_at IS NULL",
                    [warehouse.utcnow(), doc_id])
    return gone


def forget(settings: Settings, ref: str, *, reason: str | None = None, dry_run: bool = False,
           on_wait: Callable[[str], None] | None = None) -> Forgotten:
    """Forget the document ``ref`` names (doc_id, prefix or source path); see the module docstring.

    Raises FileNotFoundError without a warehouse, ``lookup.NoSuchDocument`` / ``AmbiguousDocument``
    when ``ref`` names no document (and no forgotten one) or several, ``locking.LockTimeout`` when a run
    holds the warehouse for longer than ``settings.lock_timeout_s``. A document already forgotten comes
    back with ``already=True`` (and any raw file a crashed forget left behind is removed now).
    """
    if not settings.warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {settings.warehouse}: nothing to forget")
    if dry_run:
        con = warehouse.read_only(settings.warehouse, settings.read_timeout_s)
        try:
            return _resolve_or_earlier(con, settings, ref, reason, dry_run=True)
        finally:
            con.close()
    with run_lock(settings.lock_path, settings.lock_timeout_s, on_wait):
        with warehouse.writer(settings.warehouse) as con:
            warehouse.migrate(con, settings.sql_dir)  # the forgotten table exists from here on
            found = _resolve_or_earlier(con, settings, ref, reason, dry_run=False)
            if not found.already:
                con.execute("BEGIN TRANSACTION")
                try:
                    found.rows_removed = _remove_rows(con, found.doc_id)
                    _record(con, {
                        "doc_id": found.doc_id, "source_paths": json.dumps(found.source_paths),
                        "reason": reason, "forgotten_at": found.forgotten_at, "forgotten_by": found.forgotten_by,
                        "rows_removed": json.dumps(found.rows_removed), "raw_files": json.dumps(found.raw_files),
                        "raw_removed_at": None, "newsdesk_version": __version__,
                    })
                    con.execute("COMMIT")
                except BaseException:
                    con.execute("ROLLBACK")
                    raise
                con.execute("CHECKPOINT")
        _finish_raw(settings, found.doc_id)
    return found


def _resolve_or_earlier(con, settings: Settings, ref: str, reason: str | None, *, dry_run: bool) -> Forgotten:
    try:
        doc_id = lookup.resolve(con, ref)
    except lookup.NoSuchDocument:
        earlier = find_forgotten(con, ref)
        if earlier is None:
            raise
        return earlier  # forget() removes any raw file a crashed forget left behind
    files = [str(p) for p in raw_files(settings.raw_store, doc_id)]
    return Forgotten(doc_id, _source_paths(con, doc_id), reason, warehouse.utcnow(), _who(),
                     rows_removed=plan(con, doc_id), raw_files=files, dry_run=dry_run)
