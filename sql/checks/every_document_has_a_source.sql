-- documents no path points at (every document must be traceable to at least one file)
SELECT d.doc_id FROM documents d ANTI JOIN document_sources s USING (doc_id)
