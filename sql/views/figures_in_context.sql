-- figures_in_context: one row per figure, with its document, its sentence's entities and its conversion
CREATE OR REPLACE VIEW figures_in_context AS
WITH
sentence_entities AS (
    SELECT m.doc_id, m.sentence_index, string_agg(DISTINCT e.name, '; ' ORDER BY e.name) AS sentence_entities
    FROM mentions m JOIN entities e USING (entity_id)
    GROUP BY m.doc_id, m.sentence_index
),
final AS (
    SELECT f.figure_id, f.doc_id, d.title AS doc_title, f.sentence_index, f.text, f.kind, f.value,
           f.value_low, f.value_high, f.unit, f.qualifier, f.change, f.object, f.subject, f.year, f.period,
           f.status, f.is_incidental,
           c.text AS converts_text, c.unit AS converts_unit, c.value AS converts_value,
           s.sentence_entities,
           -- the figure with up to 40 characters of the body either side, on one line
           replace(substr(d.body, greatest(f.start_char - 40, 0) + 1,
                          f.end_char - greatest(f.start_char - 40, 0) + 40), chr(10), ' ') AS context,
           f.start_char, f.end_char
    FROM figures f
    JOIN documents d USING (doc_id)
    LEFT JOIN figures c ON c.figure_id = f.conversion_of
    LEFT JOIN sentence_entities s ON s.doc_id = f.doc_id AND s.sentence_index = f.sentence_index
)
SELECT * FROM final;
