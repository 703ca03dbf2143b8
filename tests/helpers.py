"""Helpers shared by the test modules (imported as ``helpers``: tests/ is on sys.path under pytest)."""

from __future__ import annotations

from pathlib import Path

from newsdesk import pipeline


def staged_only(ctx: pipeline.RunContext) -> pipeline.Steps:
    """The chunk steps of an ingest run with the NLP step left out: documents, sources and rejects
    land, no mentions, quotes or figures (for tests about files, raw copies and locks)."""

    def prepare(part: list) -> pipeline.Batch:
        batch = pipeline.stage(ctx, part)
        batch.docs = []
        return batch

    return pipeline.Steps.plain(ctx, prepare)


def ingest_without_nlp(settings, source: Path) -> dict:
    """One ingest run through the core chunk loop, without the model."""
    return pipeline.run_ingest(settings, Path(source), steps=staged_only)
