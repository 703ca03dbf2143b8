-- passages with a cue of their own but no speaker mention (a passage without a mention inherits its
-- attribution's speaker and has neither speaker spans nor a cue)
SELECT quote_id, doc_id, cue FROM quotes
WHERE speaker IS NULL AND (cue IS NOT NULL OR cue_start IS NOT NULL OR cue_lemma IS NOT NULL)
