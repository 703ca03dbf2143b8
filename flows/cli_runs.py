"""`newsdesk` commands that run flows or measure them: run, reprocess, serve, evaluate, bench.

Prefect is imported inside the commands that start a flow, after the API is chosen (flows/server.py).
"""

from __future__ import annotations

import json
import os
import sys
import uuid
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from newsdesk.settings import Settings
from newsdesk.flows.cli_base import (
    Failure, UsageError, WarehouseOpt, app, evaluate_app, existing, lock_free_or_fail, prefect_env, settings_for,
)


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
    processes: Optional[int] = typer.Option(None, min=1, help="NLP worker processes [default: "
                                            "$NEWSDESK_PROCESSES or auto: one per CPU core, at most one per GiB "
                                            "of available memory]", show_default=False),
    runner: str = typer.Option("local", callback=_runner, help="local (this machine), dask (a local Dask "
                               "cluster) or dask://HOST:PORT (an existing scheduler)"),
    as_json: bool = typer.Option(False, "--json", help="Also print the run summary as JSON."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Ingest every article file under a folder (a Prefect flow run)."""
    settings = settings_for(warehouse, batch_docs=batch_docs, processes=processes)
    lock_free_or_fail(settings)
    if runner == "local" and _unchanged_run(settings, source, as_json):
        return
    prefect_env()

    def load_flow():
        from newsdesk.flows.runners import ingest_with_runner

        return ingest_with_runner(runner, processes or settings.nlp_processes)

    summary = _flow_run(load_flow, quiet, source=str(source), warehouse=str(settings.warehouse),
                        batch_docs=batch_docs, processes=processes, distributed=runner != "local")
    from newsdesk.report import summary_text

    print(summary_text(summary))
    if as_json:
        print(json.dumps(summary, indent=2, default=str))


def _unchanged_run(settings: Settings, source: Path, as_json: bool) -> bool:
    """A folder with nothing new is recorded without the pipeline (newsdesk.unchanged): in ``runs``,
    and as a completed flow run in the Prefect server when one answers. True when that was the case."""
    from newsdesk import unchanged
    from newsdesk.report import SUMMARY_KEY
    from newsdesk.flows.server import record_completed_run
    from newsdesk.report import summary_markdown, summary_text

    books = unchanged.check(settings, source)
    if books is None:
        return False
    run_id = uuid.uuid4().hex
    flow_run_id = record_completed_run(
        "newsdesk-ingest", {"source": str(source), "warehouse": str(settings.warehouse)},
        summary_markdown(unchanged.summary(settings, books, run_id)),
        f"nothing new: {books.files_seen} file(s) already in the warehouse", SUMMARY_KEY)
    summary = unchanged.record(settings, books, run_id, flow_run_id)
    summary["flow_run_id"] = flow_run_id
    print(summary_text(summary))
    if not flow_run_id:
        print("  (no Prefect server answered: the run is recorded in the warehouse's runs table only)")
    if as_json:
        print(json.dumps(summary, indent=2, default=str))
    return True


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
    settings = settings_for(warehouse)
    if not settings.warehouse.exists():
        raise UsageError(f"no warehouse at {settings.warehouse}: run `newsdesk run --source DIR` first")
    lock_free_or_fail(settings)
    prefect_env()

    def load_flow():
        from newsdesk.flows.reprocess import reprocess as flow_fn

        return flow_fn

    summary = _flow_run(load_flow, True, warehouse=str(settings.warehouse), only_stale=only_stale,
                        batch_docs=batch_docs, processes=processes)
    from newsdesk.report import summary_text

    print(summary_text(summary))
    if as_json:
        print(json.dumps(summary, indent=2, default=str))



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


@evaluate_app.command("ner")
def evaluate_ner(conll: Path = typer.Option(..., help="CoNLL-2003 file (e.g. ../shared/eval/conll2003/eng.testa)."),
                 limit: Optional[int] = typer.Option(None, min=1, help="First N documents only.")) -> None:
    """Entities against CoNLL-2003."""
    from newsdesk.evaluate import ner

    print(ner.format_report(ner.evaluate_ner(str(existing(conll, "CoNLL file")), limit_docs=limit)))


@evaluate_app.command("quotes")
def evaluate_quotes(polnear: Path = typer.Option(..., help="PolNeAR folder (e.g. ../shared/eval/polnear)."),
                    split: str = typer.Option("dev", help="train | dev | test (the folder under --polnear)."),
                    grain: str = typer.Option("attribution", help="attribution (passages grouped by attribution_id, "
                                              "PolNeAR's grain) | passage (gold split at gaps and paragraph breaks, "
                                              "the media-monitoring count)."),
                    limit: Optional[int] = typer.Option(None, min=1, help="First N documents only.")) -> None:
    """Quotes against PolNeAR (GenderGapTracker metric), with the error table."""
    from newsdesk.evaluate import quotes

    if not (existing(polnear, "PolNeAR folder") / split).is_dir():
        raise UsageError(f"{polnear / split} does not exist: --split names a folder under --polnear")
    if grain not in quotes.GRAINS:
        raise UsageError(f"--grain must be one of {', '.join(quotes.GRAINS)}, not {grain!r}")
    print(quotes.format_report(quotes.evaluate_quotes(str(polnear), split=split, limit_docs=limit, grain=grain)))


@evaluate_app.command("figures")
def evaluate_figures(newsquant: Path = typer.Option(..., help="NewsQuant JSON file."),
                     limit: Optional[int] = typer.Option(None, min=1, help="First N sentences only."),
                     part: str = typer.Option("all", help="Development part: A (tuning), B (checking), all (ACCURACY.md).")) -> None:
    """Figures against NewsQuant (and the quantulum3 cases beside it)."""
    from newsdesk.evaluate import figures

    if part not in figures.PARTS:
        raise UsageError(f"--part must be one of {', '.join(figures.PARTS)}")
    path = str(existing(newsquant, "NewsQuant file"))
    print(figures.format_report(figures.evaluate_figures(path, limit=limit, part=part)))


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
          limit: Optional[int] = typer.Option(None, min=1, help="First N article files (sorted) only."),
          as_json: Optional[Path] = typer.Option(None, "--json", help="Also write the figures to this JSON file.")) -> None:
    """Speed as users meet it: whole `newsdesk run` commands against plain spaCy, side by side (BENCHMARKS.md)."""
    from newsdesk.flows import bench as core

    if not corpus.is_dir():
        raise UsageError(f"corpus folder {corpus} does not exist")
    core.main(str(corpus), limit, str(as_json) if as_json else None)
