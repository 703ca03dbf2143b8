"""Re-run the extractors over the documents already in the warehouse (no original files needed).

When an extractor improves (``EXTRACTOR_VERSION`` bumped), every stored document's derived rows
(mentions, entity_roles, quotes, figures) can be rebuilt from ``documents.body``:

    select ──▶ (read → extract → validate → load → mark)* ──▶ finish     (pipeline.run_chunks)

A chunk of documents is one load transaction (``warehouse.load_batch`` deletes and replaces the
chunk's derived rows), so a crash never leaves a document with half its rows or with doubles.
The documents themselves are never changed, except ``documents.extractor_version``, which is set
to the current version right after the chunk's rows are committed (a separate, short statement:
the version never claims rows that are not there; after a crash between the two, the next
``--only-stale`` run simply redoes that chunk). The run is recorded in ``runs`` with
kind 'reprocess'; its file counts are zero and ``documents_processed`` counts the documents.

Limits: ``documents.body`` is taken as stored; the text clean-up is not re-run (that would change
offsets and the documents themselves). Entities are insert-if-absent, so an entity no longer
produced by any extractor stays in ``entities`` (harmless: nothing references it).
"""

from __future__ import annotations

import logging
import time
from typing import Callable

import pandas as pd

from newsdesk import EXTRACTOR_VERSION, pipeline, warehouse
from newsdesk.locking import run_lock
from newsdesk.settings import Settings

log = logging.getLogger(__name__)

KIND = "reprocess"


def select_doc_ids(ctx: pipeline.RunContext, *, only_stale: bool = False,
                   version: str = EXTRACTOR_VERSION) -> list[str]:
    """Ids of the documents to re-extract, in doc_id order.

    ``only_stale`` keeps the documents whose ``extractor_version`` differs from ``version``.
    Only ids are read here (bodies are read chunk by chunk), so memory stays small.
    """
    sql = "SELECT doc_id FROM documents"
    params: list = []
    if only_stale:
        sql += " WHERE extractor_version IS DISTINCT FROM ?"
        params.append(version)
    with warehouse.writer(ctx.settings.warehouse) as con:
        return [r[0] for r in con.execute(sql + " ORDER BY doc_id", params).fetchall()]


def read_batch(ctx: pipeline.RunContext, doc_ids: list[str]) -> pipeline.Batch:
    """A ``pipeline.Batch`` holding the stored bodies of ``doc_ids`` (ids not found are skipped)."""
    probe = pd.DataFrame({"doc_id": list(doc_ids)}, dtype="str")
    with warehouse.writer(ctx.settings.warehouse) as con:
        con.register("_reprocess_ids", probe)
        try:
            rows = con.execute(
                "SELECT d.doc_id, d.body, d.n_words FROM documents d JOIN _reprocess_ids p USING (doc_id) "
                "ORDER BY d.doc_id").fetchall()
        finally:
            con.unregister("_reprocess_ids")
    batch = pipeline.Batch()
    batch.docs = [(doc_id, body) for doc_id, body, _ in rows]
    batch.bodies = dict(batch.docs)
    batch.processed_doc_ids = [doc_id for doc_id, _, _ in rows]
    batch.words = sum(int(n or 0) for _, _, n in rows)
    return batch


def mark_version(ctx: pipeline.RunContext, doc_ids: list[str], version: str = EXTRACTOR_VERSION) -> int:
    """Record ``version`` as the extractor version of ``doc_ids``; returns the rows updated."""
    if not doc_ids:
        return 0
    probe = pd.DataFrame({"doc_id": list(doc_ids)}, dtype="str")
    with warehouse.writer(ctx.settings.warehouse) as con:
        con.register("_reprocess_ids", probe)
        try:
            rows = con.execute(
                "UPDATE documents SET extractor_version = ? WHERE doc_id IN (SELECT doc_id FROM _reprocess_ids)",
                [version]).fetchall()
        finally:
            con.unregister("_reprocess_ids")
    return int(rows[0][0]) if rows else 0


def steps(ctx: pipeline.RunContext) -> pipeline.Steps:
    """read → extract → validate → load → mark, for each chunk (the plain-Python path)."""
    return pipeline.Steps.plain(ctx, lambda part: read_batch(ctx, part),
                                after_load=lambda batch: mark_version(ctx, batch.processed_doc_ids))


def reprocess(settings: Settings, *, only_stale: bool = False, flow_run_id: str | None = None,
              logger: logging.Logger | logging.LoggerAdapter = log) -> dict:
    """Re-extract every stored document (or only the stale ones) under the run lock, in this process.

    The chunk loop is ``pipeline.run_chunks`` (``flows/reprocess.py`` runs the same loop with Prefect
    tasks). Returns the run summary (``pipeline.finish``); raises ``pipeline.RunFailed`` when the
    run fails (the run row then says why; chunks loaded before the failure stay loaded and marked).
    """
    with run_lock(settings.lock_path, settings.lock_timeout_s, on_wait=logger.warning):
        ctx = pipeline.begin(settings, kind=KIND, source=str(settings.warehouse), flow_run_id=flow_run_id)
        with pipeline.recorded(ctx) as summary:
            doc_ids = select_doc_ids(ctx, only_stale=only_stale)
            parts = pipeline.chunks(doc_ids, settings.batch_docs)
            logger.info("reprocess %s: %d document(s)%s, %d chunk(s) of up to %d", ctx.run_id, len(doc_ids),
                        " with a stale extractor version" if only_stale else "", len(parts), settings.batch_docs)
            pipeline.run_chunks(ctx, parts, steps(ctx),
                                on_progress=lambda done: log_chunk(ctx, done, len(parts), len(doc_ids), logger))
        return summary


def log_chunk(ctx: pipeline.RunContext, done: int, total: int, total_docs: int,
              logger: logging.Logger | logging.LoggerAdapter | Callable = log) -> None:
    """One progress line per chunk (documents done of total, words/s)."""
    elapsed = time.perf_counter() - ctx.started_at
    rate = ctx.counts["words"] / elapsed if elapsed > 0 else 0.0
    logger.info("chunk %d/%d · %d/%d documents re-extracted · %.0f words/s · %.0fs elapsed",
                done, total, ctx.counts["documents_processed"], total_docs, rate, elapsed)
