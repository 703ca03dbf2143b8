-- the same span loaded twice (a re-run or a retried load doubled rows)
SELECT 'mentions' AS tbl, doc_id, start_char, end_char, count(*) AS n FROM mentions
GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT 'quotes', doc_id, start_char, end_char, count(*) FROM quotes GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT 'quote_speakers', doc_id, position, 0, count(*) FROM quote_speakers GROUP BY quote_id, doc_id, position HAVING count(*) > 1
UNION ALL
SELECT 'figures', doc_id, start_char, end_char, count(*) FROM figures GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT 'document_sources', doc_id, 0, 0, count(*) FROM document_sources GROUP BY doc_id, source_path HAVING count(*) > 1
