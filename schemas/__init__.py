"""The row contract: one pandera DataFrameModel per warehouse table, declared once.

Each model is the one declaration of its table: its docstring's first line is the table's grain,
and every column carries a one-line ``description`` (the catalogue the warehouse shows analysts).
The rest is derived from it or checked against it:
- the loader inserts ``columns(table)`` (``newsdesk.warehouse.load_batch``, ``begin_run``/``finish_run``);
- the migrations in sql/ stay the authority on what a warehouse holds, and a test fails when a
  model and the migrated table disagree on a column, its type or its nullability
  (tests/test_contract.py), or when an extractor's record type (``newsdesk.extract.types``) has a
  field its table lacks;
- every frame that crosses into the loader is validated against its model (strict, coerced, lazy:
  all failures at once). Checks that need the document body (``text == body[start:end]``) are in
  ``newsdesk.validate.span_failures`` because a row does not carry its body; they are reported in
  ``validation_failures`` exactly like these.

This package imports nothing from the newsdesk core (the core imports it).
"""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

# Labels kept as named-entity mentions (OntoNotes). Numeric and date labels (DATE, TIME,
# MONEY, PERCENT, QUANTITY, CARDINAL, ORDINAL) are the figures extractor's business.
ENTITY_LABELS = (
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT",
)
QUOTE_KINDS = ("direct", "mixed", "indirect")
FIGURE_KINDS = (
    "money", "percent", "percentage_point", "count", "quantity", "duration", "multiple", "ratio", "age", "other",
)
RUN_KINDS = ("ingest", "reprocess")
# The warehouse contract the code writes, recorded with every run (runs.contract_version).
# 2: quotes are one row per passage, grouped by attribution_id, with the quote_speakers bridge.
CONTRACT_VERSION = 2
SHA256_HEX = r"^[0-9a-f]{64}$"
SHORT_ID = r"^[0-9a-f]{16}$"
ENCODINGS = ("utf-8", "utf-8+cp1252", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "cp1252", "latin-1")
RUN_STATUSES = ("running", "completed", "failed", "interrupted", "crashed")
TITLE_SOURCES = ("headline", "first_sentence", "metadata")
METADATA_SOURCES = ("front_matter", "sidecar", "front_matter+sidecar")
CHANGES = ("=", "~", ">", "<", "up", "down")
FIGURE_STATUSES = ("actual", "target", "forecast", "estimate")


def _nonempty(description: str, **kw) -> pa.Field:
    return pa.Field(str_length={"min_value": 1}, description=description, **kw)


def _run_id() -> pa.Field:
    return _nonempty("run that wrote the row (runs.run_id)")


class Documents(pa.DataFrameModel):
    """One row per distinct raw text (the same bytes at two paths are one document)."""

    doc_id: Series[str] = pa.Field(str_matches=SHA256_HEX, unique=True,
                                   description="sha256 hex of the raw file's bytes; also names its staged raw copy")
    title: Series[str] = _nonempty("headline (the first line of body)")
    title_source: Series[str] = pa.Field(
        isin=TITLE_SOURCES,
        description="where the title came from: headline | first_sentence (no headline; a one-line text) | "
                    "metadata (front matter or sidecar)")
    dateline: Series[str] = pa.Field(nullable=True, description="dateline place as written (\"LONDON\"), if any")
    published_on: Series[datetime.date] = pa.Field(
        nullable=True, description="publication date (a full date): from metadata, else as the text states it")
    body: Series[str] = _nonempty("cleaned text, headline first; every offset in the warehouse indexes into it")
    n_words: Series[int] = pa.Field(ge=1, description="words in body (whitespace-separated)")
    n_chars: Series[int] = pa.Field(ge=1, description="characters in body")
    encoding: Series[str] = pa.Field(isin=ENCODINGS, description="how the raw bytes were decoded")
    raw_bytes: Series[int] = pa.Field(ge=1, description="size of the raw file in bytes")
    n_removed_lines: Series[int] = pa.Field(ge=0, description="boilerplate lines removed by the clean-up")
    first_seen_at: Series[pd.Timestamp] = pa.Field(description="when a run first staged this text (UTC)")
    extractor_version: Series[str] = _nonempty("version of the extractors that wrote this document's rows")
    run_id: Series[str] = _run_id()
    url: Series[str] = pa.Field(nullable=True, str_matches=r"(?i)^https?://",
                                description="the article's address, from its metadata (front matter or sidecar)")
    outlet: Series[str] = pa.Field(nullable=True, str_length={"min_value": 1},
                                   description="the publication, from its metadata (\"BBC News\", \"reuters.com\")")
    metadata_source: Series[str] = pa.Field(nullable=True, isin=METADATA_SOURCES,
                                            description="where url, outlet and any metadata title or date came "
                                                        "from: front_matter | sidecar | front_matter+sidecar")

    @pa.dataframe_check(name="n_chars_is_body_length")
    def _n_chars(cls, df: pd.DataFrame) -> Series[bool]:
        return df["n_chars"] == df["body"].str.len()

    class Config:
        strict = True
        coerce = True


class DocumentSources(pa.DataFrameModel):
    """One row per path a text was seen at (path, document)."""

    source_path: Series[str] = _nonempty("absolute path of the file as found")
    doc_id: Series[str] = pa.Field(str_matches=SHA256_HEX, description="the document the file's bytes are")
    seen_at: Series[pd.Timestamp] = pa.Field(description="when the path was first seen with these bytes (UTC)")
    run_id: Series[str] = _run_id()

    class Config:
        strict = True
        coerce = True


class Entities(pa.DataFrameModel):
    """One row per canonical entity (a person, organisation, place … across all documents)."""

    entity_id: Series[str] = pa.Field(str_matches=SHORT_ID, unique=True,
                                      description="hash of label and canonical name (stable across runs)")
    name: Series[str] = _nonempty("canonical name (\"Vladimir Putin\", \"NATO\")")
    label: Series[str] = pa.Field(isin=ENTITY_LABELS, description="OntoNotes label: PERSON, ORG, GPE, …")
    run_id: Series[str] = _nonempty("run that first saw the entity")

    class Config:
        strict = True
        coerce = True


class _Span(pa.DataFrameModel):
    doc_id: Series[str] = pa.Field(str_matches=SHA256_HEX, description="document the span is in")
    start_char: Series[int] = pa.Field(ge=0, description="start offset into documents.body")
    end_char: Series[int] = pa.Field(ge=1, description="end offset into documents.body (exclusive)")

    @pa.dataframe_check(name="start_before_end")
    def _ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["start_char"] < df["end_char"]


class Mentions(_Span):
    """One row per named-entity mention in a document."""

    sentence_index: Series[int] = pa.Field(ge=0, description="0-based sentence of the document")
    text: Series[str] = _nonempty("the mention as written (body[start_char:end_char])")
    label: Series[str] = pa.Field(isin=ENTITY_LABELS, description="label of the mention's entity")
    entity_id: Series[str] = pa.Field(str_matches=SHORT_ID, description="the canonical entity (entities.entity_id)")
    title: Series[str] = pa.Field(nullable=True, description="title written with a person's name (\"President\")")
    run_id: Series[str] = _run_id()

    class Config:
        strict = True
        coerce = True


class EntityRoles(_Span):
    """One row per role a document states for an entity ("the Chinese foreign minister")."""

    entity_id: Series[str] = pa.Field(str_matches=SHORT_ID, description="the entity the role belongs to")
    role: Series[str] = _nonempty("the role as written")
    run_id: Series[str] = _run_id()

    class Config:
        strict = True
        coerce = True


class Quotes(_Span):
    """One row per quote passage (contract v2): a contiguous span of reported speech or writing.

    The passages of one act of speech share ``attribution_id`` ("“A,” she said. “B.”" is two rows, and
    so is a floating paragraph that continues a speaker); only the passage that carries the speaker
    mention has ``speaker``/``cue``, the others carry the inherited ``speaker_name``.
    """

    quote_id: Series[str] = pa.Field(str_matches=SHORT_ID, unique=True,
                                     description="hash of document and span (stable across runs)")
    sentence_index: Series[int] = pa.Field(ge=0, description="0-based sentence where the quote starts")
    text: Series[str] = _nonempty("the passage: direct quotes with their marks, indirect ones the reported clause")
    kind: Series[str] = pa.Field(isin=QUOTE_KINDS, description="direct | mixed | indirect")
    speaker: Series[str] = pa.Field(nullable=True, description="speaker mention as written (may be a pronoun); "
                                                                "NULL on a passage with no mention of its own")
    speaker_start: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="start offset of speaker")
    speaker_end: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, description="end offset of speaker")
    speaker_name: Series[str] = pa.Field(nullable=True,
                                         description="resolved canonical name of who said it (\"Vladimir Putin\"; "
                                                     "joint: \"Xi Jinping and Vladimir Putin\"), also on passages "
                                                     "without a mention of their own; NULL when unresolved")
    speaker_label: Series[str] = pa.Field(nullable=True, description="label of the resolved speaker: PERSON, ORG, …")
    speaker_entity_id: Series[str] = pa.Field(nullable=True, str_matches=SHORT_ID,
                                              description="the speaker's entity (entities.entity_id); NULL when "
                                                          "unresolved or joint (quote_speakers has each speaker)")
    cue: Series[str] = pa.Field(nullable=True, description="reporting verb as written (\"told\", \"according to\"); "
                                                            "NULL on a passage without a cue of its own")
    cue_start: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="start offset of cue")
    cue_end: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, description="end offset of cue")
    cue_lemma: Series[str] = pa.Field(nullable=True, description="lemma of the cue (\"tell\", \"according to\")")
    run_id: Series[str] = _run_id()
    attribution_id: Series[str] = pa.Field(str_matches=SHORT_ID,
                                           description="shared by the passages of one act of speech (hash of "
                                                       "document and first passage, stable across runs)")

    @pa.dataframe_check(name="speaker_span_complete")
    def _speaker_span(cls, df: pd.DataFrame) -> Series[bool]:
        has = df["speaker"].notna()
        return (has == df["speaker_start"].notna()) & (has == df["speaker_end"].notna())

    @pa.dataframe_check(name="cue_only_with_speaker")
    def _cue_with_speaker(cls, df: pd.DataFrame) -> Series[bool]:
        return df["speaker"].notna() | df["cue"].isna()

    class Config:
        strict = True
        coerce = True


class QuoteSpeakers(pa.DataFrameModel):
    """One row per quote passage and speaker entity (a joint speaker has one row per person)."""

    quote_id: Series[str] = pa.Field(str_matches=SHORT_ID, description="the passage (quotes.quote_id)")
    doc_id: Series[str] = pa.Field(str_matches=SHA256_HEX, description="document of the passage")
    attribution_id: Series[str] = pa.Field(str_matches=SHORT_ID, description="act of speech of the passage")
    entity_id: Series[str] = pa.Field(str_matches=SHORT_ID, description="one speaker (entities.entity_id)")
    position: Series[int] = pa.Field(ge=0, description="order of the speaker in quotes.speaker_name (0 = first)")
    run_id: Series[str] = _run_id()

    class Config:
        strict = True
        coerce = True


class Figures(_Span):
    """One row per reported figure (a number with its unit, qualifier and what it counts)."""

    figure_id: Series[str] = pa.Field(str_matches=SHORT_ID, unique=True,
                                      description="hash of document and span (stable across runs)")
    sentence_index: Series[int] = pa.Field(ge=0, description="0-based sentence of the figure")
    text: Series[str] = _nonempty("the figure as written (\"more than 100,000 troops\")")
    kind: Series[str] = pa.Field(isin=FIGURE_KINDS, description="money | percent | count | quantity | duration | …")
    value: Series[float] = pa.Field(description="fully scaled value (\"US$200 billion\" → 2e11); ranges: midpoint")
    value_low: Series[float] = pa.Field(nullable=True, description="low end of a range or vague amount")
    value_high: Series[float] = pa.Field(nullable=True, description="high end of a range or vague amount")
    unit: Series[str] = pa.Field(nullable=True, description=(
        "ISO 4217 code for money (\"USD\"; a price per unit \"USD/barrel\"), otherwise the unit's canonical "
        "catalogue name (quantulum3/CLDR: \"kilometre\", \"percentage\", \"degree Celsius\", \"barrel per day\")"))
    qualifier: Series[str] = pa.Field(nullable=True, description="more than | about | up to | at least | …")
    change: Series[str] = pa.Field(nullable=True, isin=CHANGES, description="= ~ > < up down (NewsQuant convention)")
    object: Series[str] = pa.Field(nullable=True, description="what is counted or measured (\"troops\", \"natural gas\")")
    year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1000, le=2200, description="year the figure refers to")
    period: Series[str] = pa.Field(nullable=True, description="period of the figure (\"annually\", \"per month\")")
    conversion_of: Series[str] = pa.Field(nullable=True, str_matches=SHORT_ID,
                                          description="figure_id of the figure this one converts (\"(S$269 billion)\")")
    subject: Series[str] = pa.Field(nullable=True, description="who has or reports the figure (\"Ford\")")
    is_incidental: Series[bool] = pa.Field(description=(
        "true for a bare small count (\"the two leaders\": spelled, or under ten, no unit) or the span of a "
        "period (\"the first three quarters\"): chatter an analyst filters out, not a charted figure"))
    status: Series[str] = pa.Field(isin=FIGURE_STATUSES, description=(
        "actual | target (\"aims to reach\") | forecast (\"is expected to\", \"will … by 2030\") | estimate "
        "(\"an estimated\"); actual where the text gives no sign otherwise"))
    run_id: Series[str] = _run_id()

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


class Runs(pa.DataFrameModel):
    """One row per run (ingest or reprocess): its books, versions and timings."""

    run_id: Series[str] = pa.Field(str_length={"min_value": 1}, unique=True, description="id of the run")
    flow_run_id: Series[str] = pa.Field(nullable=True, description="Prefect flow run id (None outside Prefect)")
    kind: Series[str] = pa.Field(isin=RUN_KINDS, description="ingest | reprocess")
    source: Series[str] = pa.Field(nullable=True, description="folder read (ingest) or warehouse re-extracted")
    started_at: Series[pd.Timestamp] = pa.Field(description="start (UTC)")
    finished_at: Series[pd.Timestamp] = pa.Field(nullable=True, description="end (UTC); NULL while running")
    status: Series[str] = pa.Field(isin=RUN_STATUSES, description="running | completed | failed | interrupted (SIGINT/SIGTERM) | crashed (process died)")
    files_seen: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="files found under the source")
    documents_new: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="files that became new documents")
    duplicates: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0,
                                                 description="files with the same bytes as another file of the run")
    already_seen: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0,
                                                   description="files whose bytes an earlier run already stored")
    rejected: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="files rejected (see rejects)")
    documents_processed: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0,
                                                          description="documents run through the extractors")
    words: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="words in the documents processed")
    mentions: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="mention rows loaded")
    quotes: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="quote rows loaded")
    figures: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="figure rows loaded")
    validation_failures: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="rows quarantined")
    model_name: Series[str] = pa.Field(nullable=True, description="spaCy model package")
    model_version: Series[str] = pa.Field(nullable=True, description="spaCy model version")
    extractor_version: Series[str] = pa.Field(nullable=True, description="newsdesk.EXTRACTOR_VERSION of the run")
    newsdesk_version: Series[str] = pa.Field(nullable=True, description="newsdesk package version")
    stage_seconds: Series[str] = pa.Field(nullable=True, description="JSON object: seconds spent per stage")
    error: Series[str] = pa.Field(nullable=True, description="why the run failed or crashed")
    cleaner_version: Series[str] = pa.Field(nullable=True, description="version of the text clean-up rules")
    metadata_files: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="files read as the metadata of an article beside them (JSON sidecars)")
    contract_version: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1,
                                                       description="warehouse contract the run wrote (2: quotes "
                                                                   "one row per passage; 1: one per attribution)")

    class Config:
        strict = True
        coerce = True


class Rejects(pa.DataFrameModel):
    """One row per file that could not become a document, with the reason."""

    run_id: Series[str] = _run_id()
    source_path: Series[str] = _nonempty("path of the rejected file")
    doc_id: Series[str] = pa.Field(nullable=True, str_matches=SHA256_HEX,
                                   description="sha256 of the bytes, when they could be read")
    reason: Series[str] = _nonempty("short reason code (empty, binary, too_large, …)")
    detail: Series[str] = _nonempty("what exactly was wrong, in words")
    size_bytes: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="file size, when known")
    rejected_at: Series[pd.Timestamp] = pa.Field(description="when (UTC)")

    class Config:
        strict = True
        coerce = True


class ValidationFailures(pa.DataFrameModel):
    """One row per extracted row that failed a check (quarantined, not loaded)."""

    run_id: Series[str] = _run_id()
    table_name: Series[str] = _nonempty("table the row was meant for")
    check_name: Series[str] = _nonempty("the check that failed (or extractor_error)")
    column_name: Series[str] = pa.Field(nullable=True, description="column checked, for column checks")
    failure_case: Series[str] = pa.Field(nullable=True, description="the failing value or error message")
    doc_id: Series[str] = pa.Field(nullable=True, description="document of the row, when it has one")
    row_json: Series[str] = _nonempty("the whole offending row as JSON")
    failed_at: Series[pd.Timestamp] = pa.Field(description="when (UTC)")

    class Config:
        strict = True
        coerce = True


class Forgotten(pa.DataFrameModel):
    """One row per document forgotten on request (`newsdesk forget`): which, why, when, by whom, what was removed."""

    doc_id: Series[str] = pa.Field(str_matches=SHA256_HEX,
                                   description="the document removed (sha256 of its raw bytes; its text is not kept)")
    source_paths: Series[str] = _nonempty("JSON array of every path the text had been seen at")
    reason: Series[str] = pa.Field(nullable=True, description="why, as given with --reason (e.g. a takedown request)")
    forgotten_at: Series[pd.Timestamp] = pa.Field(description="when its rows were removed (UTC)")
    forgotten_by: Series[str] = _nonempty("user@host (pid) of the `newsdesk forget` that removed it")
    rows_removed: Series[str] = _nonempty("JSON object: rows removed per table (documents, mentions, quotes, …)")
    raw_files: Series[str] = _nonempty("JSON array of the raw copy files (its bytes and any sidecar) removed")
    raw_removed_at: Series[pd.Timestamp] = pa.Field(nullable=True,
                                                    description="when those files were removed (UTC); NULL until done")
    newsdesk_version: Series[str] = _nonempty("newsdesk version that removed it")

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
    "quote_speakers": QuoteSpeakers,
    "figures": Figures,
    "rejects": Rejects,
    "validation_failures": ValidationFailures,
}
# tables written row by row (the run bookkeeping, `newsdesk forget`), not loaded as batch frames
RECORD_MODELS: dict[str, type[pa.DataFrameModel]] = {"runs": Runs, "forgotten": Forgotten}
ALL_MODELS: dict[str, type[pa.DataFrameModel]] = {**MODELS, **RECORD_MODELS}


def columns(table: str) -> list[str]:
    """Column names of ``table`` in model order (the order of the DuckDB table)."""
    return list(ALL_MODELS[table].to_schema().columns)


def describe_table(table: str) -> str:
    """The table's grain: the first line of its model's docstring."""
    return (ALL_MODELS[table].__doc__ or "").strip().splitlines()[0]


def describe_columns(table: str) -> dict[str, str]:
    """Column name → its one-line description, in model order."""
    return {name: col.description or "" for name, col in ALL_MODELS[table].to_schema().columns.items()}
