-- documents_overview: one row per document, with its source paths and extraction counts
-- columns:
--   doc_id: = documents.doc_id
--   title: = documents.title
--   dateline: = documents.dateline
--   published_on: = documents.published_on
--   outlet: = documents.outlet
--   url: = documents.url
--   n_words: = documents.n_words
--   encoding: = documents.encoding
--   first_seen_at: = documents.first_seen_at
--   extractor_version: = documents.extractor_version
--   n_sources: paths the text was seen at (its rows in document_sources)
--   source_paths: those paths, sorted, separated by " | "
--   n_mentions: entity mentions in the document
--   n_entities: distinct entities the document mentions
--   n_quotes: quote rows of the document
--   n_figures: figures reported in the document
CREATE OR REPLACE VIEW documents_overview AS
WITH
sources AS (
    SELECT doc_id, count(*) AS n_sources, string_agg(source_path, ' | ' ORDER BY source_path) AS source_paths
    FROM document_sources GROUP BY doc_id
),
mention_counts AS (SELECT doc_id, count(*) AS n_mentions, count(DISTINCT entity_id) AS n_entities FROM mentions GROUP BY doc_id),
quote_counts AS (SELECT doc_id, count(*) AS n_quotes FROM quotes GROUP BY doc_id),
figure_counts AS (SELECT doc_id, count(*) AS n_figures FROM figures GROUP BY doc_id),
final AS (
    SELECT d.doc_id, d.title, d.dateline, d.published_on, d.outlet, d.url, d.n_words, d.encoding, d.first_seen_at,
           d.extractor_version, coalesce(s.n_sources, 0) AS n_sources, s.source_paths,
           coalesce(m.n_mentions, 0) AS n_mentions, coalesce(m.n_entities, 0) AS n_entities,
           coalesce(q.n_quotes, 0) AS n_quotes, coalesce(f.n_figures, 0) AS n_figures
    FROM documents d
    LEFT JOIN sources s USING (doc_id)
    LEFT JOIN mention_counts m USING (doc_id)
    LEFT JOIN quote_counts q USING (doc_id)
    LEFT JOIN figure_counts f USING (doc_id)
)
SELECT * FROM final;
