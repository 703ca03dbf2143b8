-- mentions_enriched: one row per mention, with its canonical entity and its document
-- columns:
--   doc_id: = mentions.doc_id
--   doc_title: title of the mention's document
--   sentence_index: = mentions.sentence_index
--   start_char: = mentions.start_char
--   end_char: = mentions.end_char
--   text: = mentions.text
--   person_title: = mentions.title
--   label: = mentions.label
--   entity_id: = mentions.entity_id
--   entity_name: canonical name of the mentioned entity (entities.name)
CREATE OR REPLACE VIEW mentions_enriched AS
WITH
final AS (
    SELECT m.doc_id, d.title AS doc_title, m.sentence_index, m.start_char, m.end_char, m.text,
           m.title AS person_title, m.label, m.entity_id, e.name AS entity_name
    FROM mentions m
    JOIN entities e USING (entity_id)
    JOIN documents d USING (doc_id)
)
SELECT * FROM final;
