-- 004: what a scraper's metadata says about a document (front matter or a JSON sidecar), and the run's
-- metadata files (sidecars accounted for beside new, duplicates, already_seen and rejected).
ALTER TABLE documents ADD COLUMN IF NOT EXISTS url VARCHAR;              -- the article's address, from its metadata
ALTER TABLE documents ADD COLUMN IF NOT EXISTS outlet VARCHAR;           -- the publication, from its metadata
ALTER TABLE documents ADD COLUMN IF NOT EXISTS metadata_source VARCHAR;  -- front_matter | sidecar | front_matter+sidecar
ALTER TABLE runs ADD COLUMN IF NOT EXISTS metadata_files INTEGER;        -- sidecar files read as an article's metadata
