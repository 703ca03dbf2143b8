-- completed runs whose books do not balance: files_seen = new + duplicates + already_seen + rejected
SELECT run_id, files_seen, documents_new, duplicates, already_seen, rejected
FROM runs
WHERE status = 'completed'
  AND files_seen <> documents_new + duplicates + already_seen + rejected
