"""pandera DataFrameModels: the contract between extract and load, one model per warehouse table.

Every frame that crosses into the loader is validated against its model (strict, coerced,
lazy: all failures at once). Checks that need the document body (``text == body[start:end]``,
spans inside the body) are in ``newsdesk.validate.span_failures`` because a row does not carry
its body; they are reported in ``validation_failures`` exactly like these.

A test asserts that each model matches ``DESCRIBE`` of its DuckDB table.
"""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from newsdesk.extract.types import ENTITY_LABELS, FIGURE_KINDS, QUOTE_KINDS

SHA256_HEX = r"^[0-9a-f]{64}$"
SHORT_ID = r"^[0-9a-f]{16}$"
ENCODINGS = ("utf-8", "utf-8+cp1252", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "cp1252", "latin-1")
RUN_STATUSES = ("running", "completed", "failed", "crashed")
CHANGES = ("=", "~", ">", "<", "up", "down")


def _nonempty(**kw) -> pa.Field:
    return pa.Field(str_length={"min_value": 1}, **kw)


class Documents(pa.DataFrameModel):
    """One row per distinct raw text."""

    doc_id: Series[str] = pa.Field(str_matches=SHA256_HEX, unique=True)
    title: Series[str] = _nonempty()
    title_source: Series[str] = pa.Field(isin=("headline", "first_sentence"))
    dateline: Series[str] = pa.Field(nullable=True)
    published_on: Series[datetime.date] = pa.Field(nullable=True)
    body: Series[str] = _nonempty()
    n_words: Series[int] = pa.Field(ge=1)
    n_chars: Series[int] = pa.Field(ge=1)
    encoding: Series[str] = pa.Field(isin=ENCODINGS)
    raw_bytes: Series[int] = pa.Field(ge=1)
    n_removed_lines: Series[int] = pa.Field(ge=0)
    first_seen_at: Series[pd.Timestamp]
    extractor_version: Series[str] = _nonempty()
    run_id: Series[str] = _nonempty()

    @pa.dataframe_check(name="n_chars_is_body_length")
    def _n_chars(cls, df: pd.DataFrame) -> Series[bool]:
        return df["n_chars"] == df["body"].str.len()

    class Config:
        strict = True
        coerce = True


class DocumentSources(pa.DataFrameModel):
    """One row per (path, document)."""

    source_path: Series[str] = _nonempty()
    doc_id: Series[str] = pa.Field(str_matches=SHA256_HEX)
    seen_at: Series[pd.Timestamp]
    run_id: Series[str] = _nonempty()

    class Config:
        strict = True
        coerce = True


class Entities(pa.DataFrameModel):
    """One row per canonical entity."""

    entity_id: Series[str] = pa.Field(str_matches=SHORT_ID, unique=True)
    name: Series[str] = _nonempty()
    label: Series[str] = pa.Field(isin=ENTITY_LABELS)
    run_id: Series[str] = _nonempty()

    class Config:
        strict = True
        coerce = True


class _Span(pa.DataFrameModel):
    doc_id: Series[str] = pa.Field(str_matches=SHA256_HEX)
    start_char: Series[int] = pa.Field(ge=0)
    end_char: Series[int] = pa.Field(ge=1)

    @pa.dataframe_check(name="start_before_end")
    def _ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["start_char"] < df["end_char"]


class Mentions(_Span):
    """One row per named-entity mention."""

    sentence_index: Series[int] = pa.Field(ge=0)
    text: Series[str] = _nonempty()
    label: Series[str] = pa.Field(isin=ENTITY_LABELS)
    entity_id: Series[str] = pa.Field(str_matches=SHORT_ID)
    title: Series[str] = pa.Field(nullable=True)
    run_id: Series[str] = _nonempty()

    class Config:
        strict = True
        coerce = True


class EntityRoles(_Span):
    """One row per role stated for an entity in a document."""

    entity_id: Series[str] = pa.Field(str_matches=SHORT_ID)
    role: Series[str] = _nonempty()
    run_id: Series[str] = _nonempty()

    class Config:
        strict = True
        coerce = True


class Quotes(_Span):
    """One row per quote."""

    quote_id: Series[str] = pa.Field(str_matches=SHORT_ID, unique=True)
    sentence_index: Series[int] = pa.Field(ge=0)
    text: Series[str] = _nonempty()
    kind: Series[str] = pa.Field(isin=QUOTE_KINDS)
    speaker: Series[str] = pa.Field(nullable=True)
    speaker_start: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    speaker_end: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1)
    speaker_name: Series[str] = pa.Field(nullable=True)
    speaker_label: Series[str] = pa.Field(nullable=True)
    speaker_entity_id: Series[str] = pa.Field(nullable=True, str_matches=SHORT_ID)
    cue: Series[str] = pa.Field(nullable=True)
    cue_start: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    cue_end: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1)
    cue_lemma: Series[str] = pa.Field(nullable=True)
    run_id: Series[str] = _nonempty()

    @pa.dataframe_check(name="speaker_span_complete")
    def _speaker_span(cls, df: pd.DataFrame) -> Series[bool]:
        has = df["speaker"].notna()
        return (has == df["speaker_start"].notna()) & (has == df["speaker_end"].notna())

    class Config:
        strict = True
        coerce = True


class Figures(_Span):
    """One row per reported figure."""

    figure_id: Series[str] = pa.Field(str_matches=SHORT_ID, unique=True)
    sentence_index: Series[int] = pa.Field(ge=0)
    text: Series[str] = _nonempty()
    kind: Series[str] = pa.Field(isin=FIGURE_KINDS)
    value: Series[float]
    value_low: Series[float] = pa.Field(nullable=True)
    value_high: Series[float] = pa.Field(nullable=True)
    unit: Series[str] = pa.Field(nullable=True)
    qualifier: Series[str] = pa.Field(nullable=True)
    change: Series[str] = pa.Field(nullable=True, isin=CHANGES)
    object: Series[str] = pa.Field(nullable=True)
    year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1000, le=2200)
    period: Series[str] = pa.Field(nullable=True)
    conversion_of: Series[str] = pa.Field(nullable=True, str_matches=SHORT_ID)
    subject: Series[str] = pa.Field(nullable=True)
    run_id: Series[str] = _nonempty()

    @pa.check("value", "value_low", "value_high", name="finite")
    def _finite(cls, s: Series[float]) -> Series[bool]:
        return s.isna() | np.isfinite(s.astype("float64"))

    @pa.check("value", name="value_not_null")
    def _value_present(cls, s: Series[float]) -> Series[bool]:
        return s.notna()

    @pa.dataframe_check(name="range_ordered")
    def _range(cls, df: pd.DataFrame) -> Series[bool]:
        low, high = df["value_low"], df["value_high"]
        return low.isna() | high.isna() | (low <= high)

    class Config:
        strict = True
        coerce = True


class Rejects(pa.DataFrameModel):
    """One row per file that could not become a document."""

    run_id: Series[str] = _nonempty()
    source_path: Series[str] = _nonempty()
    doc_id: Series[str] = pa.Field(nullable=True, str_matches=SHA256_HEX)
    reason: Series[str] = _nonempty()
    detail: Series[str] = _nonempty()
    size_bytes: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    rejected_at: Series[pd.Timestamp]

    class Config:
        strict = True
        coerce = True


class ValidationFailures(pa.DataFrameModel):
    """One row per failed check on an extracted row."""

    run_id: Series[str] = _nonempty()
    table_name: Series[str] = _nonempty()
    check_name: Series[str] = _nonempty()
    column_name: Series[str] = pa.Field(nullable=True)
    failure_case: Series[str] = pa.Field(nullable=True)
    doc_id: Series[str] = pa.Field(nullable=True)
    row_json: Series[str] = _nonempty()
    failed_at: Series[pd.Timestamp]

    class Config:
        strict = True
        coerce = True


# table name -> model, in load order (parents before children)
MODELS: dict[str, type[pa.DataFrameModel]] = {
    "documents": Documents,
    "document_sources": DocumentSources,
    "entities": Entities,
    "mentions": Mentions,
    "entity_roles": EntityRoles,
    "quotes": Quotes,
    "figures": Figures,
    "rejects": Rejects,
    "validation_failures": ValidationFailures,
}


def columns(table: str) -> list[str]:
    """Column names of ``table`` in model order (the order of the DuckDB table)."""
    return list(MODELS[table].to_schema().columns)
