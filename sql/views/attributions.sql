-- attributions: one row per act of speech (the passages of a quote sharing attribution_id, PolNeAR's grain), with its first start and last end, speaker, cue, number of passages and their text joined in text order with ' [...] ' (the editor's mark for words left out)
-- columns:
--   attribution_id: = quotes.attribution_id
--   doc_id: = quotes.doc_id
--   start_char: start of the first passage (offset into documents.body)
--   end_char: end of the last passage (exclusive); the words between passages are not quoted
--   n_passages: passages of the act of speech (quote rows)
--   kind: the passages' kind when they share one, else mixed
--   speaker: the speaker mention as written, from the passage that carries it
--   speaker_start: = quotes.speaker_start
--   speaker_end: = quotes.speaker_end
--   speaker_name: = quotes.speaker_name
--   speaker_label: = quotes.speaker_label
--   speaker_entity_id: = quotes.speaker_entity_id
--   cue: the reporting verb as written, from the passage that carries it
--   cue_lemma: = quotes.cue_lemma
--   text: the passages' text in text order, joined with ' [...] '
CREATE OR REPLACE VIEW attributions AS
WITH
passages AS (
    SELECT attribution_id, any_value(doc_id) AS doc_id, count(*) AS n_passages,
           min(start_char) AS start_char, max(end_char) AS end_char,
           string_agg(text, ' [...] ' ORDER BY start_char) AS text,
           CASE WHEN count(DISTINCT kind) = 1 THEN any_value(kind) ELSE 'mixed' END AS kind,
           any_value(speaker_name) AS speaker_name, any_value(speaker_label) AS speaker_label,
           any_value(speaker_entity_id) AS speaker_entity_id
    FROM quotes GROUP BY attribution_id
),
heads AS (  -- the passage that carries the speaker mention and the cue (at most one per attribution)
    SELECT attribution_id, speaker, speaker_start, speaker_end, cue, cue_lemma
    FROM quotes WHERE speaker IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY attribution_id ORDER BY start_char) = 1
),
final AS (
    SELECT p.attribution_id, p.doc_id, p.start_char, p.end_char, p.n_passages, p.kind,
           h.speaker, h.speaker_start, h.speaker_end, p.speaker_name, p.speaker_label, p.speaker_entity_id,
           h.cue, h.cue_lemma, p.text
    FROM passages p
    LEFT JOIN heads h USING (attribution_id)
)
SELECT * FROM final;
