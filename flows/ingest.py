"""The ingest flow: stage → extract → validate → load, chunk by chunk, then refresh the views.

One task run per step and chunk (never per document). A chunk is one load transaction. The
flow holds the warehouse's run lock from start to finish, so two runs never write at once.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.states import Failed, State
from prefect.utilities.annotations import quote

from newsdesk import pipeline
from newsdesk.flows.report import publish_summary
from newsdesk.locking import LockTimeout, run_lock
from newsdesk.settings import Settings

TASK_OPTS = dict(cache_policy=NO_CACHE, persist_result=False)


@task(name="begin-run", **TASK_OPTS)
def begin_run(settings: Settings, kind: str, source: str) -> pipeline.RunContext:
    """Create the schema if needed, load the model and record the run."""
    return pipeline.begin(settings, kind=kind, source=source, flow_run_id=str(flow_run.get_id() or ""))


@task(name="discover", **TASK_OPTS)
def discover(ctx: pipeline.RunContext, source: Path) -> list:
    """List every file under the source folder."""
    return pipeline.discover(ctx, source)


@task(name="stage", **TASK_OPTS)
def stage(ctx: pipeline.RunContext, found: list) -> pipeline.Batch:
    """Read, hash, keep and clean a chunk of files."""
    return pipeline.stage(ctx, found)


@task(name="extract", **TASK_OPTS)
def extract(docs: list, run_id: str, model: str, batch_size: int, pool=None):
    """spaCy and the entity, quote and figure extractors (in a worker when there is one)."""
    if pool is not None:
        return pool.submit(docs, run_id).result()
    return pipeline.extract_docs(docs, run_id=run_id, model=model, batch_size=batch_size)


def failed(exc: Exception, logger) -> State:
    """The Failed state for a run that failed for a reason newsdesk knows (another run holds the
    lock; the run failed and ``runs`` says why): the reason as the message, the run summary (if
    any) as the data, logged in one line, no traceback."""
    logger.error("%s", exc)
    return Failed(message=str(exc), data=getattr(exc, "summary", None))


def task_steps(ctx: pipeline.RunContext, prepare, *, distributed: bool = False, after_load=None) -> pipeline.Steps:
    """The chunk steps as this module's tasks, for ``pipeline.run_chunks``.

    quote() spares Prefect a walk over the run context and the documents; a Dask runner needs
    the documents as plain arguments.
    """
    settings = ctx.settings

    def submit(batch: pipeline.Batch, pool):
        if pool is None and not distributed:
            # in this process: run the task in this (the main) thread, where Ctrl-C lands at once
            return pipeline.Done(extract(quote(batch.docs), ctx.run_id, settings.model, settings.nlp_batch_size))
        docs = batch.docs if distributed else quote(batch.docs)
        extra = {"pool": quote(pool)} if pool is not None else {}
        return extract.submit(docs, ctx.run_id, settings.model, settings.nlp_batch_size, **extra)

    return pipeline.Steps(prepare=prepare, extract=submit,
                          validate=lambda batch: validate(quote(ctx), quote(batch)),
                          load=lambda batch: load(quote(ctx), quote(batch)), after_load=after_load)


@task(name="validate", **TASK_OPTS)
def validate(ctx: pipeline.RunContext, batch: pipeline.Batch) -> pipeline.Batch:
    """pandera checks; failing rows are quarantined."""
    return pipeline.validate(ctx, batch)


@task(name="load", retries=2, retry_delay_seconds=2, **TASK_OPTS)
def load(ctx: pipeline.RunContext, batch: pipeline.Batch) -> dict:
    """One transaction per chunk (safe to retry: all or nothing)."""
    return pipeline.load(ctx, batch)


@task(name="refresh-views", **TASK_OPTS)
def refresh_views(ctx: pipeline.RunContext) -> list[str]:
    """Re-create the analyst views."""
    return pipeline.refresh_views(ctx)


@flow(name="newsdesk-ingest", log_prints=True)
def ingest(
    source: str,
    warehouse: str | None = None,
    batch_docs: int | None = None,
    processes: int | None = None,
    distributed: bool = False,
) -> dict:
    """Ingest every article file under ``source`` into the warehouse; returns the run summary.

    A run that fails for a known reason (the lock, a recorded failure) ends Failed with the reason
    as its message and the summary as its data (``flow(..., return_state=True)`` gives both).

    ``processes`` > 1 runs the NLP step in a local pool of worker processes; ``distributed``
    means the flow's task runner is a Dask cluster and extraction is submitted to it. Staging,
    validation and loading stay in this process: the single writer of the DuckDB file.
    """
    logger = get_run_logger()
    settings = Settings.from_env().with_overrides(warehouse=warehouse, batch_docs=batch_docs,
                                                   processes=processes)
    try:
        with run_lock(settings.lock_path, settings.lock_timeout_s, on_wait=logger.warning):
            ctx = begin_run(settings, "ingest", str(source))
            logger.info("run %s: %s → %s", ctx.run_id, source, settings.warehouse)
            with pipeline.recorded(ctx, lambda summary: publish_summary(summary, logger)) as summary:
                found = discover(quote(ctx), Path(source))
                parts = pipeline.chunks(found, settings.batch_docs)
                logger.info("%d files found, %d chunk(s) of up to %d", len(found), len(parts), settings.batch_docs)
                pipeline.run_chunks(
                    ctx, parts, task_steps(ctx, lambda part: stage(quote(ctx), quote(part)), distributed=distributed),
                    distributed=distributed,
                    on_progress=lambda done: pipeline.log_progress(ctx, done, len(parts), len(found), logger),
                )
                refresh_views(quote(ctx))
    except (LockTimeout, pipeline.RunFailed) as exc:
        return failed(exc, logger)
    return summary
