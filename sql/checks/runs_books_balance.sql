-- completed runs whose books do not balance:
-- files_seen = new + duplicates + already_seen + rejected + metadata_files (metadata_files is NULL before migration 004)
SELECT run_id, files_seen, documents_new, duplicates, already_seen, rejected, metadata_files
FROM runs
WHERE status = 'completed'
  AND files_seen <> documents_new + duplicates + already_seen + rejected + coalesce(metadata_files, 0)
