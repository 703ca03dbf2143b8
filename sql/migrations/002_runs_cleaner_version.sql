-- 002: record the clean-up rules' version with each run (documents.body depends on it).
ALTER TABLE runs ADD COLUMN IF NOT EXISTS cleaner_version VARCHAR;
