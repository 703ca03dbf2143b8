-- 005: warehouse contract v2 for quotes — one row per passage; the passages of one act of speech share
-- attribution_id; joint speakers are kept in the bridge table quote_speakers; every run records the
-- contract version it wrote. Additive: rows written under v1 (one row per attribution) stay readable
-- as single-passage attributions until `newsdesk reprocess` rewrites them (EXTRACTOR_VERSION changed).

-- one act of speech: v1 rows were one attribution each. (NOT NULL comes with the column: DuckDB cannot add
-- the constraint after an UPDATE in the same transaction, nor a NOT NULL column "IF NOT EXISTS" — the
-- migration runs once, recorded in schema_migrations; the placeholder default is dropped at once.)
ALTER TABLE quotes ADD COLUMN attribution_id VARCHAR NOT NULL DEFAULT '';
UPDATE quotes SET attribution_id = quote_id WHERE attribution_id = '';
ALTER TABLE quotes ALTER COLUMN attribution_id DROP DEFAULT;

-- one row per quote passage and speaker entity (a joint speaker has one row per person)
CREATE TABLE IF NOT EXISTS quote_speakers (
    quote_id       VARCHAR NOT NULL,
    doc_id         VARCHAR NOT NULL,
    attribution_id VARCHAR NOT NULL,
    entity_id      VARCHAR NOT NULL,
    position       INTEGER NOT NULL,         -- order of the speaker in quotes.speaker_name (0 = first)
    run_id         VARCHAR NOT NULL
);
-- v1 rows: their one resolved speaker
INSERT INTO quote_speakers
SELECT quote_id, doc_id, attribution_id, speaker_entity_id, 0, run_id FROM quotes
WHERE speaker_entity_id IS NOT NULL;

-- the contract each run wrote; runs before this migration wrote v1
ALTER TABLE runs ADD COLUMN IF NOT EXISTS contract_version INTEGER;
UPDATE runs SET contract_version = 1 WHERE contract_version IS NULL;
