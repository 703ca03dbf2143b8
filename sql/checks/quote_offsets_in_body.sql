-- quotes (content, speaker and cue spans) that leave the body or do not match it
SELECT q.quote_id, q.doc_id, q.start_char, q.end_char
FROM quotes q JOIN documents d USING (doc_id)
WHERE q.start_char < 0 OR q.end_char > length(d.body) OR q.start_char >= q.end_char
   OR substr(d.body, q.start_char + 1, q.end_char - q.start_char) <> q.text
   OR (q.speaker IS NOT NULL AND substr(d.body, q.speaker_start + 1, q.speaker_end - q.speaker_start) <> q.speaker)
   OR (q.cue IS NOT NULL AND q.cue_start IS NOT NULL AND substr(d.body, q.cue_start + 1, q.cue_end - q.cue_start) <> q.cue)
