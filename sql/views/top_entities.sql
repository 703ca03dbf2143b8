-- top_entities: one row per entity, with mention and document counts, first and last seen
-- columns:
--   entity_id: = entities.entity_id
--   name: = entities.name
--   label: = entities.label
--   n_mentions: mentions of the entity in all documents
--   n_documents: documents that mention it
--   n_surface_forms: distinct spellings of its mentions ("Putin", "Vladimir Putin")
--   first_seen_at: first_seen_at of the earliest document that mentions it (UTC)
--   last_seen_at: first_seen_at of the latest document that mentions it (UTC)
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
