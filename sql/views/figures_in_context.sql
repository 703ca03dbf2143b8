-- figures_in_context: one row per figure, with its document, its sentence's entities and its conversion
-- columns:
--   figure_id: = figures.figure_id
--   doc_id: = figures.doc_id
--   doc_title: title of the figure's document
--   sentence_index: = figures.sentence_index
--   text: = figures.text
--   kind: = figures.kind
--   value: = figures.value
--   value_low: = figures.value_low
--   value_high: = figures.value_high
--   unit: = figures.unit
--   qualifier: = figures.qualifier
--   change: = figures.change
--   object: = figures.object
--   subject: = figures.subject
--   year: = figures.year
--   period: = figures.period
--   status: = figures.status
--   is_incidental: = figures.is_incidental
--   converts_text: when this figure converts another ("(S$269 billion)"), that figure as written
--   converts_unit: unit of the figure converted
--   converts_value: value of the figure converted
--   sentence_entities: canonical names of the entities mentioned in the figure's sentence, "; "-separated
--   context: the figure with up to 40 characters of the body either side, on one line
--   start_char: = figures.start_char
--   end_char: = figures.end_char
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
