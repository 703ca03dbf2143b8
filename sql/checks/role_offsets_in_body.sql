-- entity roles whose span does not match the body
SELECT r.entity_id, r.doc_id, r.start_char, r.end_char
FROM entity_roles r JOIN documents d USING (doc_id)
WHERE r.start_char < 0 OR r.end_char > length(d.body)
   OR substr(d.body, r.start_char + 1, r.end_char - r.start_char) <> r.role
