-- mentions whose span leaves the body or whose text is not the body slice
SELECT m.doc_id, m.start_char, m.end_char, m.text
FROM mentions m JOIN documents d USING (doc_id)
WHERE m.start_char < 0 OR m.end_char > length(d.body) OR m.start_char >= m.end_char
   OR substr(d.body, m.start_char + 1, m.end_char - m.start_char) <> m.text
