-- speakers: one row per resolved speaker (entity), with quote counts, documents, roles and favourite verbs
-- columns:
--   speaker_name: canonical name of the speaker's entity
--   speaker_label: label of the speaker's entity (PERSON, ORG, …)
--   n_quotes: quote rows attributed to the entity
--   n_direct: of which direct quotes
--   n_mixed: of which mixed quotes
--   n_indirect: of which indirect (reported) quotes
--   n_documents: documents the entity is quoted in
--   roles: roles the documents state for the entity, "; "-separated
--   cue_lemmas: distinct reporting verbs (lemmas) of its quotes, ", "-separated
--   entity_id: the speaker's entity (entities.entity_id)
CREATE OR REPLACE VIEW speakers AS
WITH
quoted AS (
    SELECT speaker_entity_id AS entity_id, speaker_name, speaker_label, doc_id, kind, cue_lemma
    FROM quotes WHERE speaker_entity_id IS NOT NULL
),
per_speaker AS (
    SELECT entity_id, any_value(speaker_name) AS name, any_value(speaker_label) AS label,
           count(*) AS n_quotes,
           count(*) FILTER (WHERE kind = 'direct') AS n_direct,
           count(*) FILTER (WHERE kind = 'mixed') AS n_mixed,
           count(*) FILTER (WHERE kind = 'indirect') AS n_indirect,
           count(DISTINCT doc_id) AS n_documents,
           string_agg(DISTINCT cue_lemma, ', ' ORDER BY cue_lemma) AS cue_lemmas
    FROM quoted GROUP BY entity_id
),
roles AS (
    SELECT entity_id, string_agg(DISTINCT role, '; ' ORDER BY role) AS roles FROM entity_roles GROUP BY entity_id
),
final AS (
    SELECT coalesce(e.name, p.name) AS speaker_name, coalesce(e.label, p.label) AS speaker_label,
           p.n_quotes, p.n_direct, p.n_mixed, p.n_indirect,
           p.n_documents, r.roles, p.cue_lemmas, p.entity_id
    FROM per_speaker p
    LEFT JOIN entities e USING (entity_id)   -- the canonical name, whatever the quotes wrote
    LEFT JOIN roles r USING (entity_id)
)
SELECT * FROM final;
