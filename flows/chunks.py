"""What the ingest and reprocess flows share: the pipelined chunk loop and the run guard.

The loop keeps every NLP worker busy while this process (the single DuckDB writer) prepares,
validates and loads: chunk i+1 is being extracted while chunk i is loaded.
"""

from __future__ import annotations

from collections import deque
from contextlib import contextmanager
from typing import Callable, Iterator

from prefect.utilities.annotations import quote

from flows.report import publish_summary
from newsdesk import pipeline


def run_chunks(
    ctx: pipeline.RunContext,
    parts: list[list],
    prepare: Callable[[list], pipeline.Batch],
    *,
    extract_task,
    validate_task,
    load_task,
    distributed: bool = False,
    after_load: Callable[[pipeline.Batch], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> None:
    """prepare → extract (submitted) → validate → load for every part, in order, pipelined."""
    settings = ctx.settings
    pool = None
    if settings.processes > 1 and not distributed and len(parts) > 1:
        pool = pipeline.ExtractPool(settings.processes, settings.model, settings.nlp_batch_size)
    in_flight = settings.processes + 1 if (pool or distributed) else 1
    pending: deque = deque()
    done = 0

    def land_oldest() -> None:
        nonlocal done
        batch, future = pending.popleft()
        if future is not None:
            pipeline.absorb(batch, future.result())
        batch = validate_task(quote(ctx), quote(batch))
        load_task(quote(ctx), quote(batch))
        if after_load is not None:
            after_load(batch)
        done += 1
        if on_progress is not None:
            on_progress(done)

    try:
        for part in parts:
            batch = prepare(part)
            future = None
            if batch.docs:
                # quote() spares Prefect a walk over the documents; Dask needs plain arguments
                docs = batch.docs if distributed else quote(batch.docs)
                extra = {"pool": quote(pool)} if pool is not None else {}
                future = extract_task.submit(docs, ctx.run_id, settings.model, settings.nlp_batch_size, **extra)
            pending.append((batch, future))
            while len(pending) >= in_flight:
                land_oldest()
        while pending:
            land_oldest()
    finally:
        if pool is not None:
            pool.close()


@contextmanager
def recorded(ctx: pipeline.RunContext, logger) -> Iterator[dict]:
    """Finish the run when the block ends: completed (summary in the yielded dict), or failed with
    the error recorded in ``runs`` and the summary artifact published, then re-raised."""
    out: dict = {}
    try:
        yield out
        out.update(pipeline.finish(ctx))
    except pipeline.RunFailed as exc:
        publish_summary(exc.summary, logger)
        raise
    except BaseException as exc:
        try:
            pipeline.finish(ctx, status="failed", error=f"{type(exc).__name__}: {exc}")
        except pipeline.RunFailed as failed:
            publish_summary(failed.summary, logger)
        raise
    publish_summary(out, logger)
