-- mentions, roles and quote speakers pointing at an entity that does not exist
SELECT 'mentions' AS tbl, m.entity_id FROM mentions m ANTI JOIN entities e USING (entity_id)
UNION ALL
SELECT 'entity_roles', r.entity_id FROM entity_roles r ANTI JOIN entities e USING (entity_id)
UNION ALL
SELECT 'quotes', q.speaker_entity_id FROM quotes q
WHERE q.speaker_entity_id IS NOT NULL AND q.speaker_entity_id NOT IN (SELECT entity_id FROM entities)
