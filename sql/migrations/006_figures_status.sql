-- 006: which figures an analyst charts. is_incidental: a bare small count ("the two leaders") or the
-- span of a period ("the first three quarters"); status: actual | target | forecast | estimate (what the
-- text says the number is; actual where it gives no sign otherwise). Rows loaded before this migration
-- get false / 'actual' (reprocess the warehouse to classify them).
ALTER TABLE figures ADD COLUMN IF NOT EXISTS is_incidental BOOLEAN DEFAULT false;
UPDATE figures SET is_incidental = false WHERE is_incidental IS NULL;
ALTER TABLE figures ALTER COLUMN is_incidental SET NOT NULL;
ALTER TABLE figures ADD COLUMN IF NOT EXISTS status VARCHAR DEFAULT 'actual';
UPDATE figures SET status = 'actual' WHERE status IS NULL;
ALTER TABLE figures ALTER COLUMN status SET NOT NULL;
