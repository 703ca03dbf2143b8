-- the bridge table against its quotes: a bridge row whose passage is gone or belongs to another
-- document or attribution; a single speaker that is not the passage's speaker_entity_id; a joint
-- speaker (several rows) whose passage still names one entity
WITH n AS (
    SELECT quote_id, count(*) AS n_speakers, any_value(entity_id) AS entity_id FROM quote_speakers GROUP BY quote_id
)
SELECT 'orphan' AS problem, s.quote_id FROM quote_speakers s
LEFT JOIN quotes q USING (quote_id)
WHERE q.quote_id IS NULL OR q.doc_id <> s.doc_id OR q.attribution_id <> s.attribution_id
UNION ALL
SELECT 'single speaker differs', q.quote_id FROM quotes q JOIN n USING (quote_id)
WHERE n.n_speakers = 1 AND q.speaker_entity_id IS DISTINCT FROM n.entity_id
UNION ALL
SELECT 'joint speaker with one entity', q.quote_id FROM quotes q JOIN n USING (quote_id)
WHERE n.n_speakers > 1 AND q.speaker_entity_id IS NOT NULL
UNION ALL
SELECT 'entity without bridge row', q.quote_id FROM quotes q ANTI JOIN n USING (quote_id)
WHERE q.speaker_entity_id IS NOT NULL
