-- quotes_enriched: one row per quote, with speaker name, document and the entities mentioned inside the quote
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
