-- 007: the record of documents forgotten on request (`newsdesk forget`): a takedown is honoured and provable.
-- one row per document forgotten: which one, the paths it had been seen at, why, when, by whom and what was
-- removed; nothing of its text is kept (doc_id is a sha256, not the content)
CREATE TABLE IF NOT EXISTS forgotten (
    doc_id           VARCHAR NOT NULL,       -- sha256 of the raw bytes of the document removed
    source_paths     VARCHAR NOT NULL,       -- JSON array of every path the text had been seen at
    reason           VARCHAR,                -- --reason as given (e.g. the takedown request's reference)
    forgotten_at     TIMESTAMP NOT NULL,     -- when the rows were removed (UTC)
    forgotten_by     VARCHAR NOT NULL,       -- user@host (pid N) of the process that removed them
    rows_removed     VARCHAR NOT NULL,       -- JSON object: table -> rows deleted
    raw_files        VARCHAR NOT NULL,       -- JSON array of the raw copy files removed after the commit
    raw_removed_at   TIMESTAMP,              -- when those files were removed (NULL until done)
    newsdesk_version VARCHAR NOT NULL
);
