-- run_history: one row per run, with its rejects and validation failures counted by what stored them
-- columns:
--   run_id: = runs.run_id
--   kind: = runs.kind
--   status: = runs.status
--   source: = runs.source
--   started_at: = runs.started_at
--   finished_at: = runs.finished_at
--   wall_seconds: seconds from start to end of the run (NULL while it runs)
--   files_seen: = runs.files_seen
--   documents_new: = runs.documents_new
--   duplicates: = runs.duplicates
--   already_seen: = runs.already_seen
--   rejected: = runs.rejected
--   metadata_files: = runs.metadata_files
--   documents_processed: = runs.documents_processed
--   words: = runs.words
--   mentions: = runs.mentions
--   quotes: = runs.quotes
--   figures: = runs.figures
--   validation_failures: = runs.validation_failures
--   n_reject_rows: rows the run stored in rejects
--   reject_reasons: distinct reasons of those rejects, ", "-separated
--   n_failure_rows: rows the run stored in validation_failures
--   failed_checks: distinct table.check of those failures, ", "-separated
--   model_name: = runs.model_name
--   model_version: = runs.model_version
--   extractor_version: = runs.extractor_version
--   error: = runs.error
CREATE OR REPLACE VIEW run_history AS
WITH
reject_counts AS (
    SELECT run_id, count(*) AS n_reject_rows, string_agg(DISTINCT reason, ', ' ORDER BY reason) AS reject_reasons
    FROM rejects GROUP BY run_id
),
failure_counts AS (
    SELECT run_id, count(*) AS n_failure_rows, string_agg(DISTINCT table_name || '.' || check_name, ', ') AS failed_checks
    FROM validation_failures GROUP BY run_id
),
final AS (
    SELECT r.run_id, r.kind, r.status, r.source, r.started_at, r.finished_at,
           round(epoch(r.finished_at - r.started_at), 2) AS wall_seconds,
           r.files_seen, r.documents_new, r.duplicates, r.already_seen, r.rejected, r.metadata_files,
           r.documents_processed, r.words, r.mentions, r.quotes, r.figures, r.validation_failures,
           coalesce(rc.n_reject_rows, 0) AS n_reject_rows, rc.reject_reasons,
           coalesce(fc.n_failure_rows, 0) AS n_failure_rows, fc.failed_checks,
           r.model_name, r.model_version, r.extractor_version, r.error
    FROM runs r
    LEFT JOIN reject_counts rc USING (run_id)
    LEFT JOIN failure_counts fc USING (run_id)
)
SELECT * FROM final;
