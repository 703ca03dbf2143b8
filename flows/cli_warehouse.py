"""`newsdesk` commands that read or maintain a warehouse: sql, status, check, verify, export, describe, show, forget.

None of them imports Prefect or spaCy: they start in well under a second.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from newsdesk.flows.cli_base import (
    Failure, UsageError, WarehouseOpt, app, open_read_only, say, settings_for,
)
from newsdesk.settings import Settings


# ---------------------------------------------------------------------------- sql


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    parquet = "parquet"


def _statements(query: str) -> list[str]:
    """The SQL text or file as separate statements (a .sql file may hold several)."""
    import re

    import duckdb

    path = Path(query) if len(query) < 4096 and "\n" not in query else None
    if path is not None and path.is_file():
        query = path.read_text(encoding="utf-8")
    elif query.strip().lower().endswith(".sql"):
        raise UsageError(f"{query}: no such file (give SQL text, or the path of a .sql file)")
    if not query.strip():
        raise UsageError("the query is empty: give SQL text or a .sql file")
    try:
        found = [re.sub(r";(\s|--[^\n]*)*$", "", s.query).strip() for s in duckdb.extract_statements(query)]
    except duckdb.Error as exc:
        raise Failure(f"query failed: {exc}") from None
    found = [s for s in found if s]
    if not found:
        raise UsageError("the query holds no SQL statement (only comments?)")
    return found


@app.command()
def sql(
    query: str = typer.Argument(..., help="SQL text, or the path of a .sql file (several statements allowed)."),
    warehouse: Optional[Path] = WarehouseOpt,
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="How to print the results."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of "
                                          "stdout (required for parquet; with several statements, the last one)."),
    max_rows: int = typer.Option(40, min=1, help="Rows shown per result in table format."),
    max_width: int = typer.Option(160, min=20, help="Width of table output in characters."),
    no_external_access: bool = typer.Option(False, help="Forbid reading files outside the warehouse "
                                            "(read_csv, read_parquet, COPY)."),
) -> None:
    """Run read-only SQL against the warehouse and print every result."""
    import duckdb

    statements = _statements(query)
    if fmt is Format.parquet and not output:
        raise UsageError("--format parquet needs --output FILE")
    settings = settings_for(warehouse)
    con = open_read_only(settings, external_access=not no_external_access)
    try:
        for i, statement in enumerate(statements):
            rel = con.sql(statement)
            if rel is None:
                continue
            last = i == len(statements) - 1
            if len(statements) > 1 and fmt is Format.table:
                print(f"-- {statement.splitlines()[0][:100]}")
            if fmt is Format.table:
                rel.show(max_rows=max_rows, max_width=max_width)
            elif fmt is Format.csv:
                rel.df().to_csv(output if (output and last) else sys.stdout, index=False)
            elif fmt is Format.json:
                out = rel.df().to_json(orient="records", date_format="iso", force_ascii=False, indent=1)
                if output and last:
                    output.write_text(out, encoding="utf-8")
                else:
                    print(out)
            elif last:
                rel.to_parquet(str(output))
                print(f"wrote {output}")
    except duckdb.Error as exc:
        msg = str(exc).splitlines()[0]
        if "read-only" in msg or "read_only" in msg:
            raise UsageError("the warehouse is opened read-only for queries: statements that change it "
                             f"(INSERT, UPDATE, DELETE, DROP, CREATE …) are refused and nothing was changed ({msg})") from None
        if no_external_access and ("disabled by configuration" in msg or "external access" in msg.lower()):
            raise UsageError(f"reading files outside the warehouse is switched off (--no-external-access): {msg}") from None
        raise Failure(f"query failed: {msg}") from None
    finally:
        con.close()


# ---------------------------------------------------------------------------- status / check / verify / export


@app.command()
def status(warehouse: Optional[Path] = WarehouseOpt,
           limit: int = typer.Option(10, min=1, help="How many recent runs to list.")) -> None:
    """Table sizes and recent runs."""
    from newsdesk import warehouse as wh

    settings = settings_for(warehouse)
    con = open_read_only(settings)
    try:
        print(f"warehouse {settings.warehouse}")
        counts = wh.table_counts(con)
        print("  " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
        print("recent runs:")
        con.sql(
            "SELECT run_id[:8] AS run, kind, status, started_at::TIMESTAMP(0) AS started_at, "
            "round(epoch(finished_at - started_at), 1) AS seconds, files_seen, documents_new AS new, "
            "duplicates AS dup, already_seen AS seen, rejected, metadata_files AS meta, quotes, figures, "
            "validation_failures AS quarantined "
            "FROM runs ORDER BY started_at DESC LIMIT ?", params=[limit]
        ).show(max_width=200)
    finally:
        con.close()


@app.command()
def check(warehouse: Optional[Path] = WarehouseOpt) -> None:
    """Run the zero-row data checks in sql/checks."""
    from newsdesk import checks

    settings = settings_for(warehouse)
    con = open_read_only(settings)
    try:
        results = checks.run_checks(con, settings.sql_dir)
    finally:
        con.close()
    failed = 0
    for name, n in results.items():
        print(f"{'ok  ' if n == 0 else 'FAIL'} {name}: {n} row(s)")
        failed += n > 0
    print(f"{len(results) - failed} passed, {failed} failed")
    if failed:
        raise Failure(f"{failed} check(s) failed: query the listed tables to see the offending rows")


@app.command()
def verify(warehouse: Optional[Path] = WarehouseOpt) -> None:
    """Check every document's raw copy exists and matches its sha256."""
    from newsdesk import verify as core

    settings = settings_for(warehouse)
    if not settings.warehouse.exists():
        raise UsageError(f"no warehouse at {settings.warehouse}: run `newsdesk run --source DIR` first")
    problems = core.verify_raw_copies(settings)
    print(core.format_problems(problems))
    if any(p.is_error for p in problems):
        raise Failure("raw copies are missing or corrupt: re-run `newsdesk run` over the original files to restore them")


@app.command()
def export(directory: Path = typer.Argument(..., metavar="DIR", help="Folder to write <name>.parquet files into "
                                            "(created if absent)."),
           warehouse: Optional[Path] = WarehouseOpt) -> None:
    """Write every table and view as Parquet (for BI tools)."""
    from newsdesk import export as core

    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory} is a file: export writes one .parquet per table into a folder")
    settings = settings_for(warehouse)
    open_read_only(settings).close()  # a clear error when there is no warehouse or it is busy
    for name, (path, rows) in core.export_parquet(settings, directory).items():
        print(f"{rows:>9,}  {path}")



# ---------------------------------------------------------------------------- describe / show / forget


DocArg = typer.Argument(..., metavar="DOC", help="A doc_id, a prefix of one (6+ characters), or the path of a "
                        "file a run read.")


def _page_path(html: Optional[Path], example: str) -> None:
    """An --html target must be a file path, not a folder."""
    if html is not None and html.is_dir():
        raise UsageError(f"{html} is a folder: --html takes the path of the page to write (e.g. {html / example})")


def _reading(settings: Settings, read):
    """``read(con)`` on a read-only connection to the warehouse, closed afterwards."""
    con = open_read_only(settings)
    try:
        return read(con)
    finally:
        con.close()


@app.command()
def describe(
    name: Optional[str] = typer.Argument(None, help="A table or view; without it, every table and view with its grain."),
    warehouse: Optional[Path] = WarehouseOpt,
    html: Optional[Path] = typer.Option(None, "--html", help="Also write the whole catalogue as one HTML page "
                                        "(like dbt docs) to this file."),
) -> None:
    """The data catalogue: tables and views with their grain, or one object's columns, types and descriptions."""
    from newsdesk import catalog

    _page_path(html, "catalog.html")
    settings = settings_for(warehouse)
    found = _reading(settings, catalog.objects)
    if html is not None:
        from newsdesk import catalog_page

        catalog_page.write(found, html, source=str(settings.warehouse))
    if name is None:
        print(catalog.format_objects(found))
        if not any(o.grain for o in found):
            print("(no descriptions stored yet: the next `newsdesk run` or `reprocess` writes them)")
    else:
        obj = next((o for o in found if o.name == name), None)
        if obj is None:
            import difflib

            close = difflib.get_close_matches(name, [o.name for o in found], n=3)
            raise UsageError(f"no table or view named {name!r}" + (f" (did you mean {', '.join(close)}?)" if close else "")
                             + ": `newsdesk describe` lists them")
        print(catalog.format_object(obj))
    if html is not None:
        print(f"wrote {html}", file=sys.stderr)


def _document(con, doc: str) -> str:
    """The doc_id ``doc`` names (id, prefix or source path), or a UsageError saying what to give."""
    from newsdesk import lookup

    try:
        return lookup.resolve(con, doc)
    except LookupError as exc:
        raise UsageError(str(exc)) from None


@app.command()
def show(
    doc: str = DocArg,
    warehouse: Optional[Path] = WarehouseOpt,
    html: Optional[Path] = typer.Option(None, "--html", help="Write one HTML page with the text, its entities, "
                                        "quotes and figures highlighted (displaCy) and a table of each."),
) -> None:
    """What the warehouse says about one article: its entities, quotes (speaker → passage) and figures."""
    from newsdesk import article

    _page_path(html, "article.html")
    found = _reading(settings_for(warehouse), lambda con: article.load(con, _document(con, doc)))
    if html is None:
        print(article.summary_text(found))
        return
    from newsdesk import article_page

    html.parent.mkdir(parents=True, exist_ok=True)
    html.write_text(article_page.render_page(found), encoding="utf-8")
    print(f"wrote {html} ({found.title[:60]!r}: {len(found.mentions)} mentions, {len(found.quotes)} quotes, "
          f"{len(found.figures)} figures)")


@app.command()
def forget(
    doc: str = DocArg,
    reason: Optional[str] = typer.Option(None, "--reason", "-r", help="Why (e.g. the takedown request's "
                                         "reference); recorded in the table forgotten."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation (needed when not at a terminal)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Only say what would be removed."),
    warehouse: Optional[Path] = WarehouseOpt,
) -> None:
    """Remove a document, every row derived from it and its raw copy, and record that it was done."""
    from newsdesk import forget as core
    from newsdesk import lookup
    from newsdesk.locking import LockTimeout

    settings = settings_for(warehouse)
    if not settings.warehouse.exists():
        raise UsageError(f"no warehouse at {settings.warehouse}: nothing to forget")
    try:
        if not yes and not dry_run:
            preview = core.forget(settings, doc, reason=reason, dry_run=True)
            if not preview.already:
                if not sys.stdin.isatty():
                    raise UsageError("forget removes the document for good: add --yes to confirm "
                                     "(or --dry-run to see what would be removed)")
                print(preview.summary())
                typer.confirm("Forget this document for good?", abort=True)
        done = core.forget(settings, doc, reason=reason, dry_run=dry_run,
                           on_wait=say)
    except (lookup.NoSuchDocument, lookup.AmbiguousDocument) as exc:
        raise UsageError(str(exc)) from None
    except LockTimeout as exc:
        raise Failure(f"{exc}: retry when the run has finished") from None
    print(done.summary())
