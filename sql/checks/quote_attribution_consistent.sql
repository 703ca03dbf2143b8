-- acts of speech whose passages disagree: another document, another speaker name or entity, or more than
-- one passage carrying a speaker mention (contract v2: one mention per attribution, inherited by the rest)
SELECT attribution_id, count(DISTINCT doc_id) AS n_docs,
       count(DISTINCT coalesce(speaker_name, '')) AS n_names,
       count(DISTINCT coalesce(speaker_entity_id, '')) AS n_entities,
       count(speaker) AS n_mentions
FROM quotes
GROUP BY attribution_id
HAVING count(DISTINCT doc_id) > 1 OR count(DISTINCT coalesce(speaker_name, '')) > 1
    OR count(DISTINCT coalesce(speaker_entity_id, '')) > 1 OR count(speaker) > 1
