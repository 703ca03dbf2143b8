-- quote_mentions: one row per (quote passage, entity mentioned inside it), e.g. "whom did Xi's quotes mention?"
-- columns:
--   quote_id: = quotes.quote_id
--   attribution_id: = quotes.attribution_id
--   doc_id: = quotes.doc_id
--   speaker_name: = quotes.speaker_name
--   speaker_entity_id: = quotes.speaker_entity_id
--   kind: = quotes.kind
--   entity_id: an entity mentioned inside the passage (entities.entity_id)
--   mentioned_name: canonical name of that entity
--   mentioned_label: label of that entity (PERSON, ORG, GPE, …)
--   n_mentions: times the passage mentions it (the speaker's own mention inside an interrupted quote
--     does not count)
CREATE OR REPLACE VIEW quote_mentions AS
WITH
final AS (
    SELECT q.quote_id, q.attribution_id, q.doc_id, q.speaker_name, q.speaker_entity_id,
           q.kind, e.entity_id, e.name AS mentioned_name, e.label AS mentioned_label,
           count(*) AS n_mentions
    FROM quotes q
    JOIN mentions m ON m.doc_id = q.doc_id AND m.start_char >= q.start_char AND m.end_char <= q.end_char
    JOIN entities e ON e.entity_id = m.entity_id
    GROUP BY ALL
)
SELECT * FROM final;
