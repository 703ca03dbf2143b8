-- quotes_enriched: one row per quote passage, with its speaker (resolved name and as written), the cue of its act of speech, its document and the entities mentioned inside it
-- columns:
--   quote_id: = quotes.quote_id
--   attribution_id: = quotes.attribution_id
--   doc_id: = quotes.doc_id
--   doc_title: title of the passage's document
--   sentence_index: = quotes.sentence_index
--   kind: = quotes.kind
--   speaker_name: = quotes.speaker_name
--   speaker_as_written: = quotes.speaker
--   attribution_speaker: the speaker as written where the act of speech names it (also for its passages
--     that have no mention of their own)
--   speaker_label: = quotes.speaker_label
--   cue: = quotes.cue
--   cue_lemma: lemma of the cue of the passage's act of speech
--   attribution_cue: the cue of the passage's act of speech as written
--   text: = quotes.text
--   entities_mentioned: canonical names of the entities mentioned inside the passage, "; "-separated
--     (not the speaker's own mention inside an interrupted quote)
--   n_entities_mentioned: how many distinct entities the passage mentions
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
