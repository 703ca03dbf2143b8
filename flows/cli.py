"""The `newsdesk` command line (typer, the convention of Prefect's ecosystem).

Each command is a thin function over the core; heavy imports (Prefect, spaCy, pandas) happen inside
the commands that need them, so `newsdesk --help`, `sql` and `status` start fast. Every error ends
with one line, ``newsdesk: what is wrong — what to do``; exit codes: 0 done, 1 failed, 2 usage
error (a bad option, a missing file), 130 stopped by Ctrl-C, 143 stopped by SIGTERM.
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from typer._click import exceptions as click_errors  # typer 0.29 carries its own copy of click

from newsdesk import __version__
from newsdesk.settings import Settings

app = typer.Typer(
    name="newsdesk", no_args_is_help=True, add_completion=True, pretty_exceptions_enable=False,
    rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]},
    help="Raw news articles in, an analyst-ready DuckDB warehouse out: entities, quotes and figures, "
         "orchestrated by Prefect.",
)
evaluate_app = typer.Typer(no_args_is_help=True, help="Accuracy against public gold data (see ACCURACY.md).")
app.add_typer(evaluate_app, name="evaluate")


class UsageError(Exception):
    """A wrong invocation: exit code 2."""


class Failure(Exception):
    """The command ran and failed: exit code 1."""


WAREHOUSE_HELP = "DuckDB file of the warehouse [default: $NEWSDESK_WAREHOUSE or warehouse/news.duckdb]"
WarehouseOpt = typer.Option(None, "--warehouse", "-w", help=WAREHOUSE_HELP, show_default=False)


def _settings(warehouse: Optional[Path] = None, **overrides) -> Settings:
    from newsdesk import warehouse as wh

    try:
        settings = Settings.from_env().with_overrides(warehouse=warehouse, **overrides)
    except ValueError as exc:  # a NEWSDESK_* variable that is not a number
        raise UsageError(f"bad setting in the environment: {exc}") from None
    try:
        wh.check_path(settings.warehouse)
    except wh.NotAWarehouse as exc:
        raise UsageError(str(exc)) from None
    return settings


def _open_read_only(settings: Settings, external_access: bool = True):
    from newsdesk import warehouse as wh

    try:
        return wh.read_only(settings.warehouse, settings.read_timeout_s, external_access=external_access)
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    except wh.WarehouseBusy as exc:
        raise Failure(str(exc)) from None


def _prefect_env() -> None:
    """Quiet, offline-friendly Prefect defaults; anything the user set wins."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


def _version(value: bool) -> None:
    if value:
        from newsdesk import EXTRACTOR_VERSION

        typer.echo(f"newsdesk {__version__} (extractors {EXTRACTOR_VERSION})")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Raw news articles in, an analyst-ready DuckDB warehouse out."""


# ---------------------------------------------------------------------------- run / reprocess


class Runner(str, Enum):
    local = "local"
    dask = "dask"


def _runner(value: str) -> str:
    if value in ("local", "dask") or value.startswith(("dask://", "tcp://")):
        return value
    raise typer.BadParameter("use local, dask (a local cluster) or dask://HOST:PORT (an existing scheduler)")


def _flow_run(load_flow, quiet: bool, **params) -> dict:
    """Run a flow under Ctrl-C/SIGTERM handling; the summary, or Failure with the run's own words.

    ``load_flow`` imports and returns the flow: Prefect reads its settings (PREFECT_API_URL) when it
    is first imported, so the API is chosen before that."""
    from newsdesk.interrupts import stoppable

    bar = None
    with stoppable(on_signal=lambda s: bar and bar.close()):
        from newsdesk.flows.server import use_local_api

        try:
            use_local_api(say=lambda m: print(f"newsdesk: {m}" if not m.startswith("newsdesk") else m, file=sys.stderr))
        except (RuntimeError, ValueError, OSError) as exc:
            raise Failure(str(exc)) from None
        flow_fn = load_flow()
        from newsdesk import pipeline, progress
        from newsdesk.report import summary_text

        bar = _ProgressBar() if sys.stderr.isatty() and not quiet else None
        if bar:
            progress.set_hook(bar.update)
        try:
            state = flow_fn(**params, return_state=True)
        finally:
            if bar:
                bar.close()
    if state.is_completed():
        return state.result()
    data = state.result(raise_on_failure=False)
    if isinstance(data, dict) and "run_id" in data:
        print(summary_text(data))
        raise Failure(f"run failed: {data.get('error') or state.message}")
    if isinstance(data, BaseException):
        if isinstance(data, pipeline.RunFailed):
            print(summary_text(data.summary))
        raise Failure(f"run failed: {type(data).__name__}: {data}") from None
    raise Failure(f"run failed: {state.message}")


class _ProgressBar:
    """A minimal progress bar on stderr (files done / total)."""

    def __init__(self):
        self.last = ""

    def update(self, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        self.last = f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files"
        sys.stderr.write(self.last)
        sys.stderr.flush()

    def close(self) -> None:
        if self.last:
            sys.stderr.write("\n")
            self.last = ""


@app.command()
def run(
    source: Path = typer.Option(..., "--source", "-s", help="Folder of raw article files (read recursively).",
                                file_okay=False, dir_okay=True, exists=True, resolve_path=True),
    warehouse: Optional[Path] = WarehouseOpt,
    batch_docs: Optional[int] = typer.Option(None, min=1, help="Files per chunk; one chunk is one load "
                                             "transaction [default: $NEWSDESK_BATCH_DOCS or 200]", show_default=False),
    processes: Optional[int] = typer.Option(None, min=1, help="NLP worker processes "
                                            "[default: $NEWSDESK_PROCESSES or 1]", show_default=False),
    runner: str = typer.Option("local", callback=_runner, help="local (this machine), dask (a local Dask "
                               "cluster) or dask://HOST:PORT (an existing scheduler)"),
    as_json: bool = typer.Option(False, "--json", help="Also print the run summary as JSON."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Ingest every article file under a folder (a Prefect flow run)."""
    settings = _settings(warehouse, batch_docs=batch_docs, processes=processes)
    _prefect_env()

    def load_flow():
        from newsdesk.flows.runners import ingest_with_runner

        return ingest_with_runner(runner, processes or settings.processes)

    summary = _flow_run(load_flow, quiet, source=str(source), warehouse=str(settings.warehouse),
                        batch_docs=batch_docs, processes=processes, distributed=runner != "local")
    from newsdesk.report import summary_text

    print(summary_text(summary))
    if as_json:
        print(json.dumps(summary, indent=2, default=str))


@app.command()
def reprocess(
    warehouse: Optional[Path] = WarehouseOpt,
    only_stale: bool = typer.Option(False, help="Only documents whose rows an older extractor version wrote."),
    batch_docs: Optional[int] = typer.Option(None, min=1, help="Documents per chunk / load transaction.",
                                             show_default=False),
    processes: Optional[int] = typer.Option(None, min=1, help="NLP worker processes.", show_default=False),
    as_json: bool = typer.Option(False, "--json", help="Also print the run summary as JSON."),
) -> None:
    """Re-run the extractors over the stored documents (no original files needed; a Prefect flow run)."""
    settings = _settings(warehouse)
    if not settings.warehouse.exists():
        raise UsageError(f"no warehouse at {settings.warehouse}: run `newsdesk run --source DIR` first")
    _prefect_env()

    def load_flow():
        from newsdesk.flows.reprocess import reprocess as flow_fn

        return flow_fn

    summary = _flow_run(load_flow, True, warehouse=str(settings.warehouse), only_stale=only_stale,
                        batch_docs=batch_docs, processes=processes)
    from newsdesk.report import summary_text

    print(summary_text(summary))
    if as_json:
        print(json.dumps(summary, indent=2, default=str))


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
    settings = _settings(warehouse)
    con = _open_read_only(settings, external_access=not no_external_access)
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

    settings = _settings(warehouse)
    con = _open_read_only(settings)
    try:
        print(f"warehouse {settings.warehouse}")
        counts = wh.table_counts(con)
        print("  " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
        print("recent runs:")
        con.sql(
            "SELECT run_id[:8] AS run, kind, status, started_at::TIMESTAMP(0) AS started_at, "
            "round(epoch(finished_at - started_at), 1) AS seconds, files_seen, documents_new AS new, "
            "duplicates AS dup, already_seen AS seen, rejected, quotes, figures, validation_failures AS quarantined "
            "FROM runs ORDER BY started_at DESC LIMIT ?", params=[limit]
        ).show(max_width=200)
    finally:
        con.close()


@app.command()
def check(warehouse: Optional[Path] = WarehouseOpt) -> None:
    """Run the zero-row data checks in sql/checks."""
    from newsdesk import checks

    settings = _settings(warehouse)
    con = _open_read_only(settings)
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

    settings = _settings(warehouse)
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
    settings = _settings(warehouse)
    _open_read_only(settings).close()  # a clear error when there is no warehouse or it is busy
    for name, (path, rows) in core.export_parquet(settings, directory).items():
        print(f"{rows:>9,}  {path}")


# ---------------------------------------------------------------------------- serve


@app.command()
def serve(
    cron: Optional[str] = typer.Option(None, help="Schedule of the inbox runs [default: $NEWSDESK_SCHEDULE or "
                                       "*/15 * * * *]", show_default=False),
    inbox: Optional[Path] = typer.Option(None, help="Folder the scheduled runs read [default: $NEWSDESK_INBOX "
                                         "or warehouse/inbox]", show_default=False),
    warehouse: Optional[Path] = WarehouseOpt,
    port: Optional[int] = typer.Option(None, min=1, max=65535, help="Port of the server on 127.0.0.1 "
                                       "[default: $NEWSDESK_PREFECT_PORT or 4200]", show_default=False),
) -> None:
    """Local Prefect server + UI and the scheduled inbox deployment (scripts/serve.sh; Ctrl-C stops both)."""
    script = Path(__file__).resolve().parent.parent / "scripts" / "serve.sh"
    if not script.is_file():
        raise UsageError(f"{script} not found: `newsdesk serve` runs from a source checkout (make serve)")
    env = dict(os.environ)
    if port:
        env["NEWSDESK_PREFECT_PORT"] = str(port)
    argv = [str(script)]
    for flag, value in (("cron", cron), ("inbox", inbox), ("warehouse", warehouse)):
        if value:
            argv += [f"--{flag}", str(value)]
    sys.stdout.flush()
    os.execve(str(script), argv, env)  # replaces this process: signals go straight to the script


# ---------------------------------------------------------------------------- evaluate / bench


def _existing(path: Path, what: str) -> Path:
    if not path.exists():
        raise UsageError(f"{what} {path} does not exist")
    return path


@evaluate_app.command("ner")
def evaluate_ner(conll: Path = typer.Option(..., help="CoNLL-2003 file (e.g. ../shared/eval/conll2003/eng.testa)."),
                 limit: Optional[int] = typer.Option(None, min=1, help="First N documents only.")) -> None:
    """Entities against CoNLL-2003."""
    from newsdesk.evaluate import ner

    print(ner.format_report(ner.evaluate_ner(str(_existing(conll, "CoNLL file")), limit_docs=limit)))


@evaluate_app.command("quotes")
def evaluate_quotes(polnear: Path = typer.Option(..., help="PolNeAR folder (e.g. ../shared/eval/polnear)."),
                    split: str = typer.Option("dev", help="train | dev | test (the folder under --polnear)."),
                    grain: str = typer.Option("attribution", help="attribution (passages grouped by attribution_id, "
                                              "PolNeAR's grain) | passage (gold split at gaps and paragraph breaks, "
                                              "the media-monitoring count)."),
                    limit: Optional[int] = typer.Option(None, min=1, help="First N documents only.")) -> None:
    """Quotes against PolNeAR (GenderGapTracker metric), with the error table."""
    from newsdesk.evaluate import quotes

    if not (_existing(polnear, "PolNeAR folder") / split).is_dir():
        raise UsageError(f"{polnear / split} does not exist: --split names a folder under --polnear")
    if grain not in quotes.GRAINS:
        raise UsageError(f"--grain must be one of {', '.join(quotes.GRAINS)}, not {grain!r}")
    print(quotes.format_report(quotes.evaluate_quotes(str(polnear), split=split, limit_docs=limit, grain=grain)))


@evaluate_app.command("figures")
def evaluate_figures(newsquant: Path = typer.Option(..., help="NewsQuant JSON file."),
                     limit: Optional[int] = typer.Option(None, min=1, help="First N sentences only.")) -> None:
    """Figures against NewsQuant (and the quantulum3 cases beside it)."""
    from newsdesk.evaluate import figures

    print(figures.format_report(figures.evaluate_figures(str(_existing(newsquant, "NewsQuant file")), limit=limit)))


@evaluate_app.command("seeds")
def evaluate_seeds(seeds: Path = typer.Option(..., help="Folder of the seed article files (NNN_*.txt)."),
                   gold: Optional[Path] = typer.Option(None, help="Gold list [default: newsdesk/data/seed_quotes.tsv]",
                                                       show_default=False)) -> None:
    """Speaker names of the seed articles' quotes against a careful reader's list."""
    from newsdesk.evaluate import seeds as core

    if not seeds.is_dir():
        raise UsageError(f"seeds folder {seeds} does not exist")
    print(core.format_report(core.evaluate_seeds(seeds, gold or core.DEFAULT_GOLD)))


@app.command()
def bench(corpus: Path = typer.Option(..., help="Folder of article files (e.g. ../shared/corpus/bbc)."),
          limit: Optional[int] = typer.Option(None, min=1, help="First N article files (sorted)."),
          processes: int = typer.Option(1, min=1, help="NLP worker processes."),
          batch_docs: Optional[int] = typer.Option(None, min=1, help="Files per chunk.", show_default=False),
          no_baseline: bool = typer.Option(False, help="Skip the plain nlp.pipe comparison."),
          as_json: Optional[Path] = typer.Option(None, "--json", help="Also write the figures to this JSON file.")) -> None:
    """Throughput of the real flow against plain spaCy on a corpus (see BENCHMARKS.md)."""
    from newsdesk.flows import bench as core

    if not corpus.is_dir():
        raise UsageError(f"corpus folder {corpus} does not exist")
    core.main(str(corpus), limit, processes, batch_docs, not no_baseline, str(as_json) if as_json else None)


# ---------------------------------------------------------------------------- entry point


def _say(msg: str) -> None:
    print(f"newsdesk: {msg}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    from newsdesk import interrupts

    try:
        code = app(args=argv, prog_name="newsdesk", standalone_mode=False)
        if interrupts.received:  # typer turns the interrupt into an exit code
            _stopped(interrupts.received[0])
        return code if isinstance(code, int) else 0
    except click_errors.NoArgsIsHelpError as exc:
        print(exc.ctx.get_help() if exc.ctx else "")
        return 2
    except click_errors.UsageError as exc:
        where = f"newsdesk {exc.ctx.command_path.split(' ', 1)[1]}" if exc.ctx and " " in exc.ctx.command_path else "newsdesk"
        _say(f"{exc.format_message()} (see `{where} --help`)")
        return 2
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        _say("stopped")
        return 130
    except UsageError as exc:
        _say(str(exc))
        return 2
    except Failure as exc:
        _say(str(exc))
        return 1
    except KeyboardInterrupt as exc:
        _stopped(getattr(exc, "signum", interrupts.received[0] if interrupts.received else 2))
    except BrokenPipeError:
        return 0
    return 0


def _stopped(signum: int) -> None:
    """Say how the command was stopped and leave at once (no waiting for threads busy with a batch)."""
    import signal

    _say(f"stopped by {signal.Signals(signum).name}: the chunk in flight was rolled back, the run is recorded "
         "as interrupted and the lock released; run again to go on where it stopped")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(128 + signum)


def run_main() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run_main()
