-- quote_mentions: one row per (quote passage, entity mentioned inside it), e.g. "whom did Xi's quotes mention?"
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
