"""The steps of a run, as plain functions: begin → discover → (stage → extract → validate → load)* → finish.

``run_chunks`` is the one chunk loop: the ingest and reprocess flows (``flows/``) hand it their
Prefect tasks as ``Steps``; ``run_ingest`` and ``newsdesk.reprocess`` hand it the plain functions
(tests, scripts, embedding). ``recorded`` is the one way a run ends (completed, or failed with the
error recorded). Each chunk of files is one load transaction: it lands whole or not at all. A
document is written together with its extracted rows, so after a crash the next run finds it not
yet in the warehouse and processes it again: nothing is lost and nothing is doubled.
"""

from __future__ import annotations

import logging
import signal
import time
import uuid
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import pandas as pd

from newsdesk import schemas
from newsdesk import EXTRACTOR_VERSION, __version__, forget, progress, staging, warehouse
from newsdesk.cleaning import CLEANER_VERSION
from newsdesk import interrupts
from newsdesk.settings import Settings
from newsdesk.validate import validate_table, validate_frames
from newsdesk.workers import ExtractPool

log = logging.getLogger(__name__)


@dataclass
class RunContext:
    """State of one run, owned by the single process that writes the warehouse."""

    run_id: str
    kind: str
    source: str
    settings: Settings
    started_at: float = field(default_factory=time.perf_counter)
    counts: dict[str, int] = field(default_factory=lambda: {
        "files_seen": 0, "documents_new": 0, "duplicates": 0, "already_seen": 0, "rejected": 0,
        "metadata_files": 0, "documents_processed": 0, "words": 0, "mentions": 0, "quotes": 0, "figures": 0,
        "validation_failures": 0,
    })
    seconds: dict[str, float] = field(default_factory=lambda: {
        "model_load": 0.0, "discover": 0.0, "stage": 0.0, "nlp": 0.0, "entities": 0.0, "quotes": 0.0, "figures": 0.0,
        "validate": 0.0, "load": 0.0,
    })
    reject_reasons: dict[str, int] = field(default_factory=dict)
    seen_this_run: set[str] = field(default_factory=set)
    processes: int = 1  # NLP worker processes the run used (1: in this process)

    def add_seconds(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds


@dataclass
class Batch:
    """One chunk of files on its way to the warehouse."""

    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    docs: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, body) to extract
    bodies: dict[str, str] = field(default_factory=dict)
    processed_doc_ids: list[str] = field(default_factory=list)
    extract_seconds: dict[str, float] = field(default_factory=dict)
    words: int = 0
    files: int = 0
    # the books of the chunk's files; they join the run's books only once the chunk has loaded, so a
    # run that fails or is stopped half-way records what it really loaded
    counts: dict[str, int] = field(default_factory=dict)
    reject_reasons: dict[str, int] = field(default_factory=dict)


def begin(settings: Settings, *, kind: str, source: str, flow_run_id: str | None = None,
          load_model: bool = True, model_info: tuple[str, str] | None = None) -> RunContext:
    """Create the schema if needed and record the run (the model loads at the first extraction)."""
    ctx = RunContext(run_id=uuid.uuid4().hex, kind=kind, source=source, settings=settings)
    if load_model and model_info is None:
        from newsdesk.nlp import model_info as _model_info

        model_info = _model_info(settings.model)
    with warehouse.writer(settings.warehouse) as con:
        warehouse.migrate(con, settings.sql_dir)
        if settings.raw_dir is None and settings.shared_raw_store.is_dir():  # a warehouse from before per-warehouse raw folders
            own = {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()}
            moved = staging.adopt_raw_copies(settings.shared_raw_store, settings.raw_store, own)
            if moved:
                log.info("moved %d raw copies from %s to %s", moved, settings.shared_raw_store, settings.raw_store)
        warehouse.begin_run(con, {
            "run_id": ctx.run_id, "flow_run_id": flow_run_id, "kind": kind, "source": source,
            "started_at": warehouse.utcnow(), "status": "running",
            "model_name": model_info[0] if model_info else settings.model,
            "model_version": model_info[1] if model_info else None,
            "extractor_version": EXTRACTOR_VERSION, "newsdesk_version": __version__,
            "cleaner_version": CLEANER_VERSION, "contract_version": schemas.CONTRACT_VERSION,
        })
    return ctx


def discover(ctx: RunContext, source: Path) -> list[staging.Found]:
    t = time.perf_counter()
    found = list(staging.discover(Path(source)))
    ctx.add_seconds("discover", time.perf_counter() - t)
    return found


def stage(ctx: RunContext, found: list[staging.Found]) -> Batch:
    """Read, hash, keep and clean a chunk of files; build the document, source and reject frames."""
    t = time.perf_counter()
    settings = ctx.settings
    with warehouse.writer(settings.warehouse) as con:
        result = staging.stage_chunk(
            found, raw_store=settings.raw_store, max_bytes=settings.max_file_bytes,
            known=lambda doc_ids: warehouse.known_doc_ids(con, doc_ids), seen_this_run=ctx.seen_this_run,
            forgotten=lambda doc_ids: forget.is_forgotten(con, doc_ids),
        )
    now = warehouse.utcnow()
    docs = documents_frame(result.new_docs, ctx.run_id, now)
    valid_docs, doc_failures = validate_table("documents", docs, ctx.run_id)
    batch = Batch(files=result.files)
    batch.frames["documents"] = valid_docs
    batch.frames["validation_failures"] = doc_failures
    valid_ids = set(valid_docs["doc_id"]) if len(valid_docs) else set()
    batch.docs = [(d.doc_id, d.article.body) for d in result.new_docs if d.doc_id in valid_ids]
    batch.bodies = dict(batch.docs)
    batch.processed_doc_ids = [doc_id for doc_id, _ in batch.docs]
    batch.words = sum(d.article.n_words for d in result.new_docs if d.doc_id in valid_ids)
    failed_ids = {d.doc_id for d in result.new_docs} - valid_ids  # quarantined: no source row either
    sources = [(p, d) for p, d in result.sources if d not in failed_ids]
    batch.frames["document_sources"] = pd.DataFrame(
        {"source_path": [p for p, _ in sources], "doc_id": [d for _, d in sources],
         "seen_at": [now] * len(sources), "run_id": ctx.run_id})
    batch.frames["rejects"] = pd.DataFrame(
        [{"run_id": ctx.run_id, "source_path": r.source_path, "doc_id": r.doc_id, "reason": r.reason,
          "detail": r.detail, "size_bytes": r.size_bytes, "rejected_at": now} for r in result.rejects],
        columns=schemas.columns("rejects"))
    for r in result.rejects:
        batch.reject_reasons[r.reason] = batch.reject_reasons.get(r.reason, 0) + 1
    batch.counts = {"files_seen": result.files, "documents_new": len(result.new_docs),
                    "duplicates": result.duplicates, "already_seen": result.already_seen,
                    "rejected": len(result.rejects), "metadata_files": result.metadata_files}
    ctx.add_seconds("stage", time.perf_counter() - t)
    return batch


def documents_frame(docs: list[staging.StagedDoc], run_id: str, now) -> pd.DataFrame:
    rows = [{
        "doc_id": d.doc_id, "title": d.article.title, "title_source": d.article.title_source,
        "dateline": d.article.dateline, "published_on": d.article.published_on, "body": d.article.body,
        "n_words": d.article.n_words, "n_chars": len(d.article.body), "encoding": d.encoding,
        "raw_bytes": d.raw_bytes, "n_removed_lines": d.article.n_removed_lines, "first_seen_at": now,
        "extractor_version": EXTRACTOR_VERSION, "run_id": run_id, "url": d.article.url,
        "outlet": d.article.outlet, "metadata_source": d.article.metadata_source,
    } for d in docs]
    return pd.DataFrame(rows, columns=schemas.columns("documents"))


def extract(ctx: RunContext, batch: Batch, pool: "ExtractPool | None" = None) -> Batch:
    """Run the model and the extractors over the batch's new documents (the expensive step).

    In-process by default; with a pool, the work runs in one of its worker processes.
    """
    if batch.docs:
        absorb(batch, submit_extract(ctx, batch, pool).result())
    return batch


class Done:
    """An already computed result, with the ``result()`` of a future."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def submit_extract(ctx: RunContext, batch: Batch, pool: "ExtractPool | None" = None):
    """Start extracting the batch's documents: a future of the result (in this process it is computed
    before this returns; with a pool, in one of its workers)."""
    if pool is not None:
        return pool.submit(batch.docs, ctx.run_id)
    return Done(extract_docs(batch.docs, run_id=ctx.run_id, model=ctx.settings.model,
                              batch_size=ctx.settings.nlp_batch_size))


def extract_docs(docs, *, run_id: str, model: str, batch_size: int):
    """The unit of work shipped to a worker (process pool or Dask): (doc_id, body) pairs → frames."""
    from newsdesk.extract.batch import extract_docs as _extract  # imports spaCy: only when there is work

    return _extract(docs, run_id=run_id, model=model, batch_size=batch_size)


def absorb(batch: Batch, result) -> Batch:
    """Attach an extraction result (frames and timings) to its batch."""
    batch.frames.update(result)
    batch.extract_seconds = dict(result.seconds)
    return batch


def validate(ctx: RunContext, batch: Batch) -> Batch:
    """Check every extracted frame; failing rows move to validation_failures."""
    for stage_name, secs in batch.extract_seconds.items():
        ctx.add_seconds(stage_name, secs)
    t = time.perf_counter()
    derived = {k: v for k, v in batch.frames.items() if k in warehouse.DERIVED_TABLES or k == "entities"}
    valid, failures, _ = validate_frames(derived, ctx.run_id, batch.bodies)
    batch.frames.update(valid)
    earlier = batch.frames.get("validation_failures")
    errors = batch.frames.pop("extract_errors", None)
    parts = [f for f in (earlier, failures, errors) if f is not None and len(f)]
    batch.frames["validation_failures"] = (
        pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=schemas.columns("validation_failures")))
    ctx.add_seconds("validate", time.perf_counter() - t)
    return batch


def load(ctx: RunContext, batch: Batch) -> dict[str, int]:
    """Write the batch in one transaction."""
    t = time.perf_counter()
    with warehouse.writer(ctx.settings.warehouse) as con:
        inserted = warehouse.load_batch(con, batch.frames, batch.processed_doc_ids)
    c = ctx.counts
    for key, n in batch.counts.items():
        c[key] += n
    for reason, n in batch.reject_reasons.items():
        ctx.reject_reasons[reason] = ctx.reject_reasons.get(reason, 0) + n
    c["documents_processed"] += len(batch.processed_doc_ids)
    c["words"] += batch.words
    for table in ("mentions", "quotes", "figures", "validation_failures"):
        c[table] += len(batch.frames.get(table, ()))
    ctx.add_seconds("load", time.perf_counter() - t)
    return inserted


def refresh_views(ctx: RunContext) -> list[str]:
    with warehouse.writer(ctx.settings.warehouse) as con:
        return warehouse.refresh_views(con, ctx.settings.sql_dir)


def books_balance(counts: dict[str, int]) -> bool:
    """Every file seen is a new document, a duplicate, already seen, a reject or an article's metadata."""
    c = counts
    return c["files_seen"] == (c["documents_new"] + c["duplicates"] + c["already_seen"] + c["rejected"]
                               + c.get("metadata_files", 0))


def finish(ctx: RunContext, status: str = "completed", error: str | None = None) -> dict:
    """Record the run's counts and timings; return the run summary."""
    c = ctx.counts
    balanced = books_balance(c)
    if status == "completed" and not balanced:
        status, error = "failed", (
            f"books do not balance: files_seen {c['files_seen']} != new {c['documents_new']} + duplicates "
            f"{c['duplicates']} + already_seen {c['already_seen']} + rejected {c['rejected']} + metadata_files "
            f"{c['metadata_files']}")
    wall = time.perf_counter() - ctx.started_at
    with warehouse.writer(ctx.settings.warehouse) as con:
        warehouse.finish_run(con, ctx.run_id, {
            **{k: v for k, v in c.items()}, "status": status, "error": error,
            "finished_at": warehouse.utcnow(), "stage_seconds": {k: round(v, 4) for k, v in ctx.seconds.items()},
        })
    summary = {
        "run_id": ctx.run_id, "status": status, "error": error, "source": ctx.source, "kind": ctx.kind,
        **c, "books_balance": balanced, "reject_reasons": dict(ctx.reject_reasons),
        "seconds": {k: round(v, 3) for k, v in ctx.seconds.items()}, "wall_seconds": round(wall, 3),
        "words_per_second": round(c["words"] / wall, 1) if wall > 0 else None,
        "warehouse": str(ctx.settings.warehouse), "processes": ctx.processes,
    }
    if status != "completed":
        raise RunFailed(error or status, summary)
    return summary


class RunFailed(RuntimeError):
    def __init__(self, message: str, summary: dict):
        super().__init__(message)
        self.summary = summary


def chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or []


def log_progress(ctx: RunContext, done_chunks: int, total_chunks: int, total_files: int, logger=log) -> None:
    """One progress line per chunk: files done, throughput, estimated time left."""
    elapsed = time.perf_counter() - ctx.started_at
    files = ctx.counts["files_seen"]
    rate = ctx.counts["words"] / elapsed if elapsed > 0 else 0.0
    eta = elapsed / files * (total_files - files) if files else 0.0
    logger.info("chunk %d/%d · %d/%d files · %d new docs · %.0f words/s · %.0fs elapsed, ~%.0fs left",
                done_chunks, total_chunks, files, total_files, ctx.counts["documents_new"], rate, elapsed, eta)
    progress.notify(files, total_files)


@dataclass
class Steps:
    """What ``run_chunks`` does with each part: the plain functions of this module, or a flow's tasks.

    ``extract`` receives the batch and the worker pool (or None) and returns a future: anything with
    ``result()`` giving the extraction result (``Done``, a ``concurrent.futures.Future``, a Prefect
    future).
    """

    prepare: Callable[[list], Batch]  # a part (files or doc ids) → a batch to extract
    extract: Callable[[Batch, "ExtractPool | None"], Any]
    validate: Callable[[Batch], Batch]
    load: Callable[[Batch], Any]
    after_load: Callable[[Batch], Any] | None = None

    @classmethod
    def plain(cls, ctx: RunContext, prepare: Callable[[list], Batch],
              after_load: Callable[[Batch], Any] | None = None) -> "Steps":
        """The steps as plain calls of this module's functions, in this process."""
        return cls(prepare=prepare, extract=lambda batch, pool: submit_extract(ctx, batch, pool),
                   validate=lambda batch: validate(ctx, batch), load=lambda batch: load(ctx, batch),
                   after_load=after_load)


def run_chunks(ctx: RunContext, parts: list[list], steps: Steps, *, distributed: bool = False,
               on_progress: Callable[[int], None] | None = None) -> int:
    """prepare → extract → validate → load (→ after_load) for every part, in order; returns the parts done.

    With ``settings.processes`` > 1 (and more than one part) extraction runs in a pool of worker
    processes, and with ``distributed`` the extract step is itself remote (a Dask task runner):
    then up to processes + 1 parts are in flight, so every worker stays busy while this process
    (the single DuckDB writer) validates and loads the oldest one. Parts land in order.
    """
    settings = ctx.settings
    processes = settings.nlp_processes
    pool = None
    if processes > 1 and not distributed and len(parts) > 1:
        pool = ExtractPool(processes, settings.model, settings.nlp_batch_size)
    ctx.processes = processes if (pool or distributed) else 1
    in_flight = processes + 1 if (pool or distributed) else 1
    pending: deque = deque()
    done = 0

    def land_oldest() -> None:
        nonlocal done
        batch, future = pending.popleft()
        if future is not None:
            absorb(batch, future.result())
        batch = steps.validate(batch)
        steps.load(batch)
        if steps.after_load is not None:
            steps.after_load(batch)
        done += 1
        if on_progress is not None:
            on_progress(done)

    try:
        for part in parts:
            batch = steps.prepare(part)
            pending.append((batch, steps.extract(batch, pool) if batch.docs else None))
            while len(pending) >= in_flight:
                land_oldest()
        while pending:
            land_oldest()
    except BaseException:
        if pool is not None:  # stopped or failed: the chunks in flight are dropped, not waited for
            pool.terminate()
            pool = None
        raise
    finally:
        if pool is not None:
            pool.close()
    return done


@contextmanager
def recorded(ctx: RunContext, publish: Callable[[dict], None] | None = None) -> Iterator[dict]:
    """Finish the run when the block ends: completed (the summary fills the yielded dict), or failed
    with the error recorded in ``runs``, then re-raised (``RunFailed`` carries the summary).
    ``publish`` receives the summary either way (the flows publish it as Prefect artifacts)."""
    out: dict = {}
    try:
        yield out
        out.update(finish(ctx))
    except RunFailed as exc:
        if publish is not None:
            publish(exc.summary)
        raise
    except BaseException as exc:
        # a stop arrives as our Interrupted, or as an orchestrator's own exception (Prefect's SIGTERM)
        signum = (getattr(exc, "signum", None) or getattr(exc, "signal", None)  # Prefect's TerminationSignal
                  or interrupts.signalled())  # also a stop another library turned into its own error
        signum = signum if isinstance(signum, int) else None
        if isinstance(exc, KeyboardInterrupt) or signum:
            signum = signum or signal.SIGINT
            interrupts.arm(signum)  # the stop's deadline runs from here even if our handler has not seen it
            status, error = "interrupted", f"stopped by {signal.Signals(signum).name}"
        else:
            status, error = "failed", f"{type(exc).__name__}: {exc}"
        try:
            finish(ctx, status=status, error=error)
        except RunFailed as failed:
            if publish is not None and status != "interrupted":  # a stop does not wait on the orchestrator
                publish(failed.summary)
        if status == "interrupted" and isinstance(exc, Exception):
            # what the stop broke (DuckDB's "Query interrupted", a worker pipe) is not the cause: the
            # orchestrator must see a stop (Prefect: Crashed), not a failure
            raise interrupts.Interrupted(signum) from exc
        raise
    if publish is not None:
        publish(out)


def run_ingest(settings: Settings, source: Path, *, after_discover: "Callable[[], None] | None" = None,
               steps: "Callable[[RunContext], Steps] | None" = None) -> dict:
    """One whole ingest run with the core steps, in this process, without Prefect and without the
    run lock (for tests, scripts and embedding; ``newsdesk run`` uses the Prefect flow).

    ``after_discover`` is called once the files are listed (tests use it to change the folder
    between listing and reading); ``steps`` builds the chunk steps from the run context (default:
    ``Steps.plain`` with ``stage``; tests wrap them to fail at a chosen point).
    """
    ctx = begin(settings, kind="ingest", source=str(source))
    with recorded(ctx) as summary:
        found = discover(ctx, Path(source))
        if after_discover is not None:
            after_discover()
        chosen = steps(ctx) if steps is not None else Steps.plain(ctx, lambda part: stage(ctx, part))
        run_chunks(ctx, chunks(found, settings.batch_docs), chosen)
        refresh_views(ctx)
    return summary
