"""The reprocess flow: re-run the extractors over the stored documents, chunk by chunk.

select-documents → (read-documents → extract → validate → load → mark-version)* per chunk. The
extract / validate / load tasks are the ingest flow's own (so is the overlap of extraction in
worker processes with validation and loading); the flow holds the warehouse's run lock
from start to finish, like ingest, so it never writes at the same time as an ingest run.
"""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from newsdesk import pipeline
from newsdesk.flows.ingest import TASK_OPTS, failed, task_steps
from newsdesk.flows.report import publish_summary
from newsdesk import reprocess as core
from newsdesk.locking import LockTimeout, run_lock
from newsdesk.settings import Settings


@task(name="begin-run", **TASK_OPTS)
def begin_run(settings: Settings) -> pipeline.RunContext:
    """Create the schema if needed, load the model and record the run (kind 'reprocess')."""
    return pipeline.begin(settings, kind=core.KIND, source=str(settings.warehouse),
                          flow_run_id=str(flow_run.get_id() or ""))


@task(name="select-documents", **TASK_OPTS)
def select_documents(ctx: pipeline.RunContext, only_stale: bool) -> list[str]:
    """Ids of the stored documents to re-extract (all, or those with a stale extractor version)."""
    return core.select_doc_ids(ctx, only_stale=only_stale)


@task(name="read-documents", **TASK_OPTS)
def read_documents(ctx: pipeline.RunContext, doc_ids: list[str]) -> pipeline.Batch:
    """The stored bodies of one chunk."""
    return core.read_batch(ctx, doc_ids)


@task(name="mark-version", retries=2, retry_delay_seconds=2, **TASK_OPTS)
def mark_version(ctx: pipeline.RunContext, doc_ids: list[str]) -> int:
    """Record the current extractor version on the chunk's documents (after their rows landed)."""
    return core.mark_version(ctx, doc_ids)


@flow(name="newsdesk-reprocess", log_prints=True)
def reprocess(warehouse: str | None = None, only_stale: bool = False, batch_docs: int | None = None,
              processes: int | None = None) -> dict:
    """Re-run the extractors over every stored document (or only the stale ones), without the original files.

    ``processes`` > 1 extracts in a local pool of worker processes while this process validates
    and loads the previous chunk (as the ingest flow does).
    """
    logger = get_run_logger()
    settings = Settings.from_env().with_overrides(warehouse=warehouse, batch_docs=batch_docs, processes=processes)
    try:
        with run_lock(settings.lock_path, settings.lock_timeout_s, on_wait=logger.warning):
            ctx = begin_run(settings)
            with pipeline.recorded(ctx, lambda summary: publish_summary(summary, logger)) as summary:
                doc_ids = select_documents(quote(ctx), only_stale)
                parts = pipeline.chunks(doc_ids, settings.batch_docs)
                logger.info("run %s: re-extracting %d document(s)%s in %d chunk(s) of up to %d (%s)", ctx.run_id,
                            len(doc_ids), " with a stale extractor version" if only_stale else "", len(parts),
                            settings.batch_docs, settings.warehouse)
                pipeline.run_chunks(
                    ctx, parts,
                    task_steps(ctx, lambda part: read_documents(quote(ctx), quote(part)),
                               after_load=lambda batch: mark_version(quote(ctx), quote(batch.processed_doc_ids))),
                    on_progress=lambda done: core.log_chunk(ctx, done, len(parts), len(doc_ids), logger),
                )
    except (LockTimeout, pipeline.RunFailed) as exc:
        return failed(exc, logger)
    return summary
