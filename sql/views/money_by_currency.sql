-- money_by_currency: one row per (currency, object), summing money figures that are not conversions of another figure
CREATE OR REPLACE VIEW money_by_currency AS
WITH
money AS (
    SELECT * FROM figures WHERE kind = 'money' AND conversion_of IS NULL
),
final AS (
    SELECT unit AS currency, coalesce(object, '(unspecified)') AS object,
           count(*) AS n_figures, count(DISTINCT doc_id) AS n_documents,
           sum(value) AS total_value, min(value) AS min_value, max(value) AS max_value,
           string_agg(DISTINCT text, ' | ' ORDER BY text) AS examples
    FROM money GROUP BY ALL
)
SELECT * FROM final;
