-- derived rows and sources whose document does not exist
SELECT 'mentions' AS tbl, doc_id FROM mentions ANTI JOIN documents USING (doc_id)
UNION ALL SELECT 'quotes', doc_id FROM quotes ANTI JOIN documents USING (doc_id)
UNION ALL SELECT 'quote_speakers', doc_id FROM quote_speakers ANTI JOIN documents USING (doc_id)
UNION ALL SELECT 'figures', doc_id FROM figures ANTI JOIN documents USING (doc_id)
UNION ALL SELECT 'entity_roles', doc_id FROM entity_roles ANTI JOIN documents USING (doc_id)
UNION ALL SELECT 'document_sources', doc_id FROM document_sources ANTI JOIN documents USING (doc_id)
