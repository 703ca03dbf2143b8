-- entity_cooccurrence: one row per pair of entities (a < b by name) that appear in the same sentence or document
-- columns:
--   entity_a_name: canonical name of the pair's first entity (the name that sorts first)
--   entity_a_label: label of entity A (PERSON, ORG, GPE, …)
--   entity_b_name: canonical name of the pair's second entity (the name that sorts last)
--   entity_b_label: label of entity B
--   n_sentences: sentences (across all documents) that mention both entities
--   n_documents_same_sentence: documents with at least one sentence mentioning both
--   n_documents: documents that mention both, anywhere
--   entity_a_id: entity A (entities.entity_id)
--   entity_b_id: entity B (entities.entity_id)
CREATE OR REPLACE VIEW entity_cooccurrence AS
WITH
doc_entities AS (
    SELECT DISTINCT doc_id, sentence_index, entity_id FROM mentions
),
sentence_pairs AS (
    SELECT a.entity_id AS entity_a, b.entity_id AS entity_b,
           count(*) AS n_sentences, count(DISTINCT a.doc_id) AS n_documents_same_sentence
    FROM doc_entities a
    JOIN doc_entities b ON a.doc_id = b.doc_id AND a.sentence_index = b.sentence_index AND a.entity_id < b.entity_id
    GROUP BY ALL
),
doc_pairs AS (
    SELECT a.entity_id AS entity_a, b.entity_id AS entity_b, count(*) AS n_documents
    FROM (SELECT DISTINCT doc_id, entity_id FROM mentions) a
    JOIN (SELECT DISTINCT doc_id, entity_id FROM mentions) b ON a.doc_id = b.doc_id AND a.entity_id < b.entity_id
    GROUP BY ALL
),
named AS (
    SELECT ea.name AS name_a, ea.label AS label_a, eb.name AS name_b, eb.label AS label_b,
           d.n_documents, coalesce(s.n_sentences, 0) AS n_sentences,
           coalesce(s.n_documents_same_sentence, 0) AS n_documents_same_sentence,
           d.entity_a, d.entity_b
    FROM doc_pairs d
    LEFT JOIN sentence_pairs s USING (entity_a, entity_b)
    JOIN entities ea ON ea.entity_id = d.entity_a
    JOIN entities eb ON eb.entity_id = d.entity_b
),
final AS (  -- order each pair by name so (A, B) and (B, A) are one row
    SELECT least(name_a, name_b) AS entity_a_name,
           CASE WHEN name_a <= name_b THEN label_a ELSE label_b END AS entity_a_label,
           greatest(name_a, name_b) AS entity_b_name,
           CASE WHEN name_a <= name_b THEN label_b ELSE label_a END AS entity_b_label,
           n_sentences, n_documents_same_sentence, n_documents,
           CASE WHEN name_a <= name_b THEN entity_a ELSE entity_b END AS entity_a_id,
           CASE WHEN name_a <= name_b THEN entity_b ELSE entity_a END AS entity_b_id
    FROM named
)
SELECT * FROM final;
