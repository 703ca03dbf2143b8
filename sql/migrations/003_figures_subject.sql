-- 003: who has or reports a figure ("Ford" for "Ford will cut 13,000 jobs"); object stays what is counted.
ALTER TABLE figures ADD COLUMN IF NOT EXISTS subject VARCHAR;
