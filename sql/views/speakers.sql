-- speakers: one row per speaker entity, with its quotes counted as passages (n_quotes, the media-monitoring count) and as acts of speech (n_attributions); a joint quote counts for each of its speakers (quote_speakers)
-- columns:
--   speaker_name: canonical name of the speaker's entity
--   speaker_label: label of the speaker's entity (PERSON, ORG, …)
--   n_quotes: quote passages attributed to the entity (alone or jointly)
--   n_attributions: acts of speech attributed to the entity (passages grouped by attribution_id)
--   n_direct: of its passages, direct quotes
--   n_mixed: of its passages, mixed quotes
--   n_indirect: of its passages, indirect (reported) quotes
--   n_documents: documents the entity is quoted in
--   roles: roles the documents state for the entity, "; "-separated
--   cue_lemmas: distinct reporting verbs (lemmas) of its acts of speech, ", "-separated
--   entity_id: the speaker's entity (entities.entity_id)
CREATE OR REPLACE VIEW speakers AS
WITH
cues AS (  -- the cue of each act of speech, from the passage that carries it
    SELECT attribution_id, any_value(cue_lemma) AS cue_lemma FROM quotes WHERE cue_lemma IS NOT NULL
    GROUP BY attribution_id
),
quoted AS (
    SELECT s.entity_id, q.quote_id, q.attribution_id, q.doc_id, q.kind, c.cue_lemma
    FROM quote_speakers s
    JOIN quotes q USING (quote_id)
    LEFT JOIN cues c ON c.attribution_id = q.attribution_id
),
per_speaker AS (
    SELECT entity_id,
           count(*) AS n_quotes,
           count(DISTINCT attribution_id) AS n_attributions,
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
    SELECT e.name AS speaker_name, e.label AS speaker_label,
           p.n_quotes, p.n_attributions, p.n_direct, p.n_mixed, p.n_indirect,
           p.n_documents, r.roles, p.cue_lemmas, p.entity_id
    FROM per_speaker p
    JOIN entities e USING (entity_id)   -- the canonical name
    LEFT JOIN roles r USING (entity_id)
)
SELECT * FROM final;
