-- quotes_enriched: one row per quote passage, with its speaker (resolved name and as written), the cue of its
-- act of speech, its document and the entities mentioned inside it
CREATE OR REPLACE VIEW quotes_enriched AS
WITH
inside AS (
    SELECT q.quote_id, string_agg(DISTINCT e.name, '; ' ORDER BY e.name) AS entities_mentioned,
           count(DISTINCT e.entity_id) AS n_entities_mentioned
    FROM quotes q
    JOIN mentions m ON m.doc_id = q.doc_id AND m.start_char >= q.start_char AND m.end_char <= q.end_char
    JOIN entities e ON e.entity_id = m.entity_id
    GROUP BY q.quote_id
),
acts AS (  -- the cue and the mention of each act of speech, from the passage that carries them
    SELECT attribution_id, speaker AS attribution_speaker, cue AS attribution_cue, cue_lemma AS attribution_cue_lemma,
           count(*) OVER (PARTITION BY attribution_id) AS n
    FROM quotes WHERE speaker IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY attribution_id ORDER BY start_char) = 1
),
final AS (
    SELECT q.quote_id, q.attribution_id, q.doc_id, d.title AS doc_title, q.sentence_index, q.kind,
           q.speaker_name, q.speaker AS speaker_as_written, coalesce(q.speaker, a.attribution_speaker) AS attribution_speaker,
           q.speaker_label, q.cue, coalesce(q.cue_lemma, a.attribution_cue_lemma) AS cue_lemma,
           coalesce(q.cue, a.attribution_cue) AS attribution_cue, q.text, i.entities_mentioned,
           coalesce(i.n_entities_mentioned, 0) AS n_entities_mentioned,
           q.start_char, q.end_char, q.speaker_entity_id
    FROM quotes q
    JOIN documents d USING (doc_id)
    LEFT JOIN inside i USING (quote_id)
    LEFT JOIN acts a USING (attribution_id)
)
SELECT * FROM final;
