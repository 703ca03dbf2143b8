-- bracketed conversions linked to a figure that is not there
SELECT f.figure_id, f.conversion_of FROM figures f
WHERE f.conversion_of IS NOT NULL AND f.conversion_of NOT IN (SELECT figure_id FROM figures)
