-- 001: the warehouse contract v1 (see README "Querying the warehouse" for each table's grain).
-- Additive only: later migrations ALTER ... ADD COLUMN IF NOT EXISTS, never drop or rename.

-- one row per distinct raw text (doc_id = sha256 of the raw file's bytes)
CREATE TABLE IF NOT EXISTS documents (
    doc_id            VARCHAR PRIMARY KEY,
    title             VARCHAR NOT NULL,
    title_source      VARCHAR NOT NULL,      -- headline | first_sentence
    dateline          VARCHAR,
    published_on      DATE,
    body              VARCHAR NOT NULL,      -- cleaned text, headline first; all offsets index into it
    n_words           INTEGER NOT NULL,
    n_chars           INTEGER NOT NULL,
    encoding          VARCHAR NOT NULL,      -- how the raw bytes were decoded (utf-8, utf-8-sig, utf-16, cp1252, latin-1)
    raw_bytes         BIGINT NOT NULL,
    n_removed_lines   INTEGER NOT NULL,      -- boilerplate lines removed by clean-up
    first_seen_at     TIMESTAMP NOT NULL,
    extractor_version VARCHAR NOT NULL,      -- version of the extractors that produced this document's rows
    run_id            VARCHAR NOT NULL
);

-- one row per (path, document): every place a text was seen
CREATE TABLE IF NOT EXISTS document_sources (
    source_path VARCHAR NOT NULL,
    doc_id      VARCHAR NOT NULL,
    seen_at     TIMESTAMP NOT NULL,
    run_id      VARCHAR NOT NULL
);

-- one row per canonical entity (label, name)
CREATE TABLE IF NOT EXISTS entities (
    entity_id VARCHAR PRIMARY KEY,
    name      VARCHAR NOT NULL,
    label     VARCHAR NOT NULL,
    run_id    VARCHAR NOT NULL               -- run that first saw it
);

-- one row per named-entity mention in a document
CREATE TABLE IF NOT EXISTS mentions (
    doc_id         VARCHAR NOT NULL,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    sentence_index INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    label          VARCHAR NOT NULL,
    entity_id      VARCHAR NOT NULL,
    title          VARCHAR,                  -- title written with a person's name ("President")
    run_id         VARCHAR NOT NULL
);

-- one row per role stated for an entity in a document ("Chinese foreign minister")
CREATE TABLE IF NOT EXISTS entity_roles (
    entity_id  VARCHAR NOT NULL,
    doc_id     VARCHAR NOT NULL,
    role       VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    run_id     VARCHAR NOT NULL
);

-- one row per quote (direct, mixed or indirect attribution)
CREATE TABLE IF NOT EXISTS quotes (
    quote_id          VARCHAR NOT NULL,
    doc_id            VARCHAR NOT NULL,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    sentence_index    INTEGER NOT NULL,
    text              VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,      -- direct | mixed | indirect
    speaker           VARCHAR,               -- as written, may be a pronoun
    speaker_start     INTEGER,
    speaker_end       INTEGER,
    speaker_name      VARCHAR,               -- resolved canonical name
    speaker_label     VARCHAR,
    speaker_entity_id VARCHAR,
    cue               VARCHAR,               -- reporting verb as written
    cue_start         INTEGER,
    cue_end           INTEGER,
    cue_lemma         VARCHAR,
    run_id            VARCHAR NOT NULL
);

-- one row per reported figure
CREATE TABLE IF NOT EXISTS figures (
    figure_id      VARCHAR NOT NULL,
    doc_id         VARCHAR NOT NULL,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    sentence_index INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL,
    value          DOUBLE NOT NULL,          -- fully scaled; ranges: midpoint
    value_low      DOUBLE,
    value_high     DOUBLE,
    unit           VARCHAR,                  -- ISO 4217 for money, canonical unit symbol otherwise
    qualifier      VARCHAR,
    change         VARCHAR,                  -- = ~ > < up down
    object         VARCHAR,
    year           INTEGER,
    period         VARCHAR,
    conversion_of  VARCHAR,                  -- figure_id of the figure this one converts ("(S$269 billion)")
    run_id         VARCHAR NOT NULL
);

-- one row per flow run
CREATE TABLE IF NOT EXISTS runs (
    run_id                VARCHAR PRIMARY KEY,
    flow_run_id           VARCHAR,
    kind                  VARCHAR NOT NULL,  -- ingest | reprocess
    source                VARCHAR,
    started_at            TIMESTAMP NOT NULL,
    finished_at           TIMESTAMP,
    status                VARCHAR NOT NULL,  -- running | completed | failed | crashed
    files_seen            INTEGER,
    documents_new         INTEGER,
    duplicates            INTEGER,           -- same content as another file earlier in this run
    already_seen          INTEGER,           -- content already in the warehouse from an earlier run
    rejected              INTEGER,
    documents_processed   INTEGER,           -- documents run through the extractors
    words                 BIGINT,
    mentions              INTEGER,
    quotes                INTEGER,
    figures               INTEGER,
    validation_failures   INTEGER,
    model_name            VARCHAR,
    model_version         VARCHAR,
    extractor_version     VARCHAR,
    newsdesk_version      VARCHAR,
    stage_seconds         VARCHAR,           -- JSON: seconds per stage
    error                 VARCHAR
);

-- one row per file that could not become a document
CREATE TABLE IF NOT EXISTS rejects (
    run_id      VARCHAR NOT NULL,
    source_path VARCHAR NOT NULL,
    doc_id      VARCHAR,                     -- sha256 of the bytes when they could be read
    reason      VARCHAR NOT NULL,
    detail      VARCHAR NOT NULL,
    size_bytes  BIGINT,
    rejected_at TIMESTAMP NOT NULL
);

-- one row per failed check on an extracted row (the row is quarantined here, not loaded)
CREATE TABLE IF NOT EXISTS validation_failures (
    run_id       VARCHAR NOT NULL,
    table_name   VARCHAR NOT NULL,
    check_name   VARCHAR NOT NULL,
    column_name  VARCHAR,
    failure_case VARCHAR,
    doc_id       VARCHAR,
    row_json     VARCHAR NOT NULL,
    failed_at    TIMESTAMP NOT NULL
);
