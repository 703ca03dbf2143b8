-- quotes_enriched: one row per quote, with speaker name, document and the entities mentioned inside the quote
-- columns:
--   quote_id: = quotes.quote_id
--   doc_id: = quotes.doc_id
--   doc_title: title of the quote's document
--   sentence_index: = quotes.sentence_index
--   kind: = quotes.kind
--   speaker_name: resolved canonical name of the speaker, else the speaker as written
--   speaker_as_written: = quotes.speaker
--   speaker_label: = quotes.speaker_label
--   cue: = quotes.cue
--   cue_lemma: = quotes.cue_lemma
--   text: = quotes.text
--   entities_mentioned: canonical names of the entities mentioned inside the quote, "; "-separated
--     (not the speaker's own mention inside an interrupted quote)
--   n_entities_mentioned: how many distinct entities the quote mentions
--   start_char: = quotes.start_char
--   end_char: = quotes.end_char
--   speaker_entity_id: = quotes.speaker_entity_id
CREATE OR REPLACE VIEW quotes_enriched AS
WITH
inside AS (
    SELECT q.quote_id, string_agg(DISTINCT e.name, '; ' ORDER BY e.name) AS entities_mentioned,
           count(DISTINCT e.entity_id) AS n_entities_mentioned
    FROM quotes q
    JOIN mentions m ON m.doc_id = q.doc_id AND m.start_char >= q.start_char AND m.end_char <= q.end_char
     -- an interrupted quote ("“…,” Hale said, “…”") contains its own speaker: that is not a mention
     AND NOT (q.speaker_start IS NOT NULL AND m.start_char >= q.speaker_start AND m.end_char <= q.speaker_end)
    JOIN entities e ON e.entity_id = m.entity_id
    GROUP BY q.quote_id
),
final AS (
    SELECT q.quote_id, q.doc_id, d.title AS doc_title, q.sentence_index, q.kind,
           coalesce(q.speaker_name, q.speaker) AS speaker_name, q.speaker AS speaker_as_written,
           q.speaker_label, q.cue, q.cue_lemma, q.text, i.entities_mentioned,
           coalesce(i.n_entities_mentioned, 0) AS n_entities_mentioned,
           q.start_char, q.end_char, q.speaker_entity_id
    FROM quotes q
    JOIN documents d USING (doc_id)
    LEFT JOIN inside i USING (quote_id)
)
SELECT * FROM final;
