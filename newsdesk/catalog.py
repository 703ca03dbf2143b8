"""The data catalogue: a description on every table, view and column, stored in DuckDB (``COMMENT ON``).

Where the descriptions come from (each is written once):

* a **table**'s comment is the first line of its pandera model's docstring (its grain) and each
  **column**'s is the ``description`` of its field (``newsdesk.schemas``); ``schema_migrations``,
  which the migrator itself creates, is described in ``BOOKKEEPING`` below;
* a **view**'s comment is the grain line its file opens with, and each column's comes from the
  ``-- columns:`` block under it::

      -- speakers: one row per resolved speaker (entity), with quote counts …
      -- columns:
      --   speaker_name: canonical name of the speaker's entity
      --   n_quotes: quote rows attributed to the entity
      --     (a longer description goes on in lines indented further)
      --   entity_id: = entities.entity_id
      CREATE OR REPLACE VIEW speakers AS …

  One line per column of the view, in the view's column order: ``--`` and three spaces (a comment
  line indented by two), the column name, a colon and the description; a description continues on
  lines indented further (``--`` and five or more spaces). A description of the form ``= table.column`` takes that
  column's description from the row contract (for a column passed through unchanged), so it is not
  written twice. tests/test_catalog.py fails when the block and the view's real columns differ.

``apply_comments`` writes them inside the transaction that (re)creates the views
(``newsdesk.warehouse.refresh_views``, which ``migrate`` ends with): DuckDB drops a view's comments
when ``CREATE OR REPLACE VIEW`` runs, so they are applied after every refresh. DuckDB's ``COMMENT ON``
takes no bound parameter (``IS ?`` is a parser error), so values go in through ``quote_literal``,
the one escaping function, and names through ``quote_ident`` (both tested against DuckDB).

The read side (``objects``, ``columns_of``, ``format_*``) is what ``newsdesk describe`` prints and what
``newsdesk.catalog_page`` renders; it only reads DuckDB's own catalogue (``duckdb_tables()``,
``duckdb_views()``, ``duckdb_columns()``), so it works on a read-only connection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import duckdb

# Tables the warehouse code creates itself (no row contract): their grain and column descriptions.
BOOKKEEPING: dict[str, tuple[str, dict[str, str]]] = {
    "schema_migrations": (
        "One row per numbered migration (sql/migrations) applied to this warehouse.",
        {"version": "the migration's number (NNN of NNN_name.sql)",
         "name": "file name of the migration",
         "applied_at": "when it was applied (UTC)"},
    ),
}

GRAIN_LINE = re.compile(r"^--\s*(?P<name>\w+):\s*(?P<grain>\S.*?)\s*$")
COLUMNS_HEADER = re.compile(r"^--\s*columns:\s*$")
COLUMN_LINE = re.compile(r"^-- {3}(?P<name>\w+):\s*(?P<text>\S.*?)\s*$")
CONTINUATION = re.compile(r"^-- {5,}(?P<text>\S.*?)\s*$")
REFERENCE = re.compile(r"^=\s*(?P<table>\w+)\.(?P<column>\w+)$")
# names a view reads: FROM x / JOIN x (CTE names drop out because they are not warehouse objects)
READS = re.compile(r"\b(?:FROM|JOIN)[\s(]+\"?(\w+)", re.IGNORECASE)


class CatalogError(ValueError):
    """A view file whose description block cannot be read."""


# ---------------------------------------------------------------------------- escaping


def quote_literal(text: str) -> str:
    """``text`` as a DuckDB string literal: single quotes doubled, nothing else special.

    DuckDB's standard ``'…'`` literal has no backslash escapes, so doubling ``'`` is the whole rule;
    a NUL character cannot be stored in a comment and is refused.
    """
    if not isinstance(text, str):
        raise TypeError(f"a comment is text, not {type(text).__name__}")
    if "\x00" in text:
        raise ValueError("a comment cannot hold a NUL character")
    return "'" + text.replace("'", "''") + "'"


def quote_ident(name: str) -> str:
    """``name`` as a DuckDB identifier: double-quoted, inner double quotes doubled."""
    if not name or "\x00" in name:
        raise ValueError(f"not an identifier: {name!r}")
    return '"' + name.replace('"', '""') + '"'


def comment_sql(kind: str, target: str, text: str) -> str:
    """``COMMENT ON <kind> <target> IS '<text>'`` with ``target`` already quoted by ``quote_ident``."""
    if kind not in ("TABLE", "VIEW", "COLUMN"):
        raise ValueError(f"cannot comment on a {kind}")
    return f"COMMENT ON {kind} {target} IS {quote_literal(text)}"


# ---------------------------------------------------------------------------- the sources of descriptions


@dataclass(frozen=True)
class ViewDoc:
    """What a view file says about its view: its grain and one description per column, in order."""

    name: str
    grain: str
    columns: dict[str, str]
    path: Path


def read_view_doc(path: Path) -> ViewDoc:
    """Parse the grain line and the ``-- columns:`` block at the top of a view file."""
    path = Path(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    m = GRAIN_LINE.match(lines[0]) if lines else None
    if not m or m["name"] != path.stem:
        raise CatalogError(f"{path.name}: the first line must be `-- {path.stem}: one row per …`")
    columns: dict[str, str] = {}
    i = 1
    if i < len(lines) and COLUMNS_HEADER.match(lines[i]):
        i += 1
        last = None
        while i < len(lines):
            line = lines[i]
            col = COLUMN_LINE.match(line)
            cont = CONTINUATION.match(line)
            if cont and last is not None:
                columns[last] += " " + cont["text"]
            elif col:
                last = col["name"]
                if last in columns:
                    raise CatalogError(f"{path.name}: column {last} is described twice")
                columns[last] = col["text"]
            else:
                break
            i += 1
    return ViewDoc(path.stem, m["grain"], columns, path)


def table_docs() -> dict[str, tuple[str, dict[str, str]]]:
    """table → (grain, {column: description}) from the row contract, plus the bookkeeping tables."""
    from newsdesk import schemas

    docs = {t: (schemas.describe_table(t), schemas.describe_columns(t)) for t in schemas.ALL_MODELS}
    docs.update(BOOKKEEPING)
    return docs


def resolve(text: str, tables: dict[str, tuple[str, dict[str, str]]]) -> str | None:
    """A view column's description with a ``= table.column`` reference replaced by the contract's
    description of that column; None when the reference names nothing described."""
    ref = REFERENCE.match(text)
    if not ref:
        return text
    described = tables.get(ref["table"], ("", {}))[1].get(ref["column"], "")
    return described or None


def wanted_comments(view_paths: Iterable[Path]) -> dict[tuple[str, str | None], str]:
    """(object, column or None) → the description it should carry, for every table and view described."""
    tables = table_docs()
    wanted: dict[tuple[str, str | None], str] = {}
    for table, (grain, cols) in tables.items():
        wanted[(table, None)] = grain
        wanted.update({(table, c): d for c, d in cols.items() if d})
    for path in view_paths:
        doc = read_view_doc(path)
        wanted[(doc.name, None)] = doc.grain
        for col, text in doc.columns.items():
            resolved = resolve(text, tables)
            if resolved:
                wanted[(doc.name, col)] = resolved
    return wanted


# ---------------------------------------------------------------------------- writing the comments


def apply_comments(con: duckdb.DuckDBPyConnection, view_paths: Iterable[Path]) -> int:
    """Write every description onto the tables, views and columns present in the warehouse.

    Runs inside the caller's transaction (``refresh_views``); a comment that already reads right is
    left alone, so an unchanged warehouse costs a catalogue read. Objects or columns the warehouse
    lacks (a migration not applied yet) are skipped; what has no description stays without one (the
    test suite fails on it). Returns the number of COMMENT statements issued.
    """
    wanted = wanted_comments(view_paths)
    kinds = dict(con.execute(
        "SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE NOT internal AND schema_name = 'main' "
        "UNION ALL SELECT view_name, 'VIEW' FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'"
    ).fetchall())
    current: dict[tuple[str, str | None], str | None] = dict(
        ((name, None), comment) for name, comment in con.execute(
            "SELECT table_name, comment FROM duckdb_tables() WHERE NOT internal AND schema_name = 'main' "
            "UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'"
        ).fetchall())
    current.update(((t, c), comment) for t, c, comment in con.execute(
        "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE NOT internal AND schema_name = 'main'"
    ).fetchall())
    issued = 0
    for (name, column), text in wanted.items():
        if name not in kinds or (name, column) not in current or current[(name, column)] == text:
            continue
        if column is None:
            con.execute(comment_sql(kinds[name], quote_ident(name), text))
        else:
            con.execute(comment_sql("COLUMN", quote_ident(name) + "." + quote_ident(column), text))
        issued += 1
    return issued


# ---------------------------------------------------------------------------- reading the catalogue


@dataclass
class Column:
    name: str
    type: str
    nullable: bool
    description: str | None


@dataclass
class CatalogObject:
    """A table or view of the warehouse as DuckDB's catalogue describes it."""

    name: str
    kind: str  # table | view
    grain: str | None
    columns: list[Column] = field(default_factory=list)
    reads: list[str] = field(default_factory=list)     # views: the tables and views it selects from
    read_by: list[str] = field(default_factory=list)   # the views that select from it
    rows: int | None = None                            # tables: DuckDB's estimate


def objects(con: duckdb.DuckDBPyConnection, *, with_columns: bool = True) -> list[CatalogObject]:
    """Every table and view of the warehouse (tables first, by name), with their comments."""
    found = [CatalogObject(name, "table", comment, rows=rows) for name, comment, rows in con.execute(
        "SELECT table_name, comment, estimated_size FROM duckdb_tables() "
        "WHERE NOT internal AND schema_name = 'main' ORDER BY table_name").fetchall()]
    view_sql = {}
    for name, comment, sql in con.execute(
            "SELECT view_name, comment, sql FROM duckdb_views() "
            "WHERE NOT internal AND schema_name = 'main' ORDER BY view_name").fetchall():
        found.append(CatalogObject(name, "view", comment))
        view_sql[name] = sql or ""
    by_name = {o.name: o for o in found}
    for name, sql in view_sql.items():
        reads = sorted({n for n in READS.findall(sql) if n in by_name and n != name})
        by_name[name].reads = reads
        for n in reads:
            by_name[n].read_by.append(name)
    if with_columns:
        for obj_name, col, dtype, nullable, comment in con.execute(
                "SELECT table_name, column_name, data_type, is_nullable, comment FROM duckdb_columns() "
                "WHERE NOT internal AND schema_name = 'main' ORDER BY table_name, column_index").fetchall():
            if obj_name in by_name:
                by_name[obj_name].columns.append(Column(col, dtype, nullable, comment))
    return found


def find(con: duckdb.DuckDBPyConnection, name: str) -> CatalogObject | None:
    """The table or view called ``name`` (exact name), or None."""
    return next((o for o in objects(con) if o.name == name), None)


def missing_descriptions(con: duckdb.DuckDBPyConnection) -> list[str]:
    """``name`` or ``name.column`` for every table, view or column without a description."""
    missing = []
    for obj in objects(con):
        if not (obj.grain or "").strip():
            missing.append(obj.name)
        missing += [f"{obj.name}.{c.name}" for c in obj.columns if not (c.description or "").strip()]
    return missing


def format_objects(found: list[CatalogObject]) -> str:
    """One line per table and view: name, kind, grain."""
    width = max((len(o.name) for o in found), default=4)
    lines = [f"{'name':<{width}}  kind   grain"]
    for o in found:
        lines.append(f"{o.name:<{width}}  {o.kind:<5}  {o.grain or '(no description)'}")
    return "\n".join(lines)


def format_object(obj: CatalogObject) -> str:
    """A table or view with its grain, what it reads, and its columns: name, type, description."""
    lines = [f"{obj.name} ({obj.kind}): {obj.grain or '(no description)'}"]
    if obj.reads:
        lines.append(f"reads: {', '.join(obj.reads)}")
    if obj.read_by:
        lines.append(f"read by: {', '.join(obj.read_by)}")
    lines.append("")
    name_w = max((len(c.name) for c in obj.columns), default=6)
    type_w = max((len(column_type(obj, c)) for c in obj.columns), default=4)
    lines.append(f"{'column':<{name_w}}  {'type':<{type_w}}  description")
    for c in obj.columns:
        lines.append(f"{c.name:<{name_w}}  {column_type(obj, c):<{type_w}}  {c.description or '(no description)'}")
    return "\n".join(lines)


def column_type(obj: CatalogObject, column: Column) -> str:
    """The column's type, with NOT NULL where a table forbids nulls."""
    return column.type if column.nullable or obj.kind == "view" else f"{column.type} NOT NULL"
