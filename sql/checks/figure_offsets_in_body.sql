-- figures whose span leaves the body, whose text is not the body slice, or whose value is not finite
SELECT f.figure_id, f.doc_id, f.start_char, f.end_char
FROM figures f JOIN documents d USING (doc_id)
WHERE f.start_char < 0 OR f.end_char > length(d.body) OR f.start_char >= f.end_char
   OR substr(d.body, f.start_char + 1, f.end_char - f.start_char) <> f.text
   OR NOT isfinite(f.value)
