-- top_entities: one row per entity, with mention and document counts, first and last seen
CREATE OR REPLACE VIEW top_entities AS
WITH
per_entity AS (
    SELECT m.entity_id, count(*) AS n_mentions, count(DISTINCT m.doc_id) AS n_documents,
           min(d.first_seen_at) AS first_seen_at, max(d.first_seen_at) AS last_seen_at,
           count(DISTINCT m.text) AS n_surface_forms
    FROM mentions m JOIN documents d USING (doc_id)
    GROUP BY m.entity_id
),
final AS (
    SELECT e.entity_id, e.name, e.label, p.n_mentions, p.n_documents, p.n_surface_forms,
           p.first_seen_at, p.last_seen_at
    FROM entities e JOIN per_entity p USING (entity_id)
)
SELECT * FROM final;
