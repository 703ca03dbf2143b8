-- money_by_currency: one row per (currency, per_unit, object), summing only actual money figures (status 'actual'), never a target, forecast or estimate, nor an incidental figure or a conversion of another figure
-- columns:
--   currency: ISO 4217 code of the money figures (the part of figures.unit before a "/"); NULL when none was found
--   per_unit: for a price, the unit it is per ("barrel" in "USD/barrel"); NULL for an amount
--   object: what the money is for (figures.object), "(unspecified)" when the extractor found nothing
--   n_figures: money figures in the group
--   n_documents: documents they come from
--   total_value: sum of their values, fully scaled, in the currency
--   min_value: smallest value in the group
--   max_value: largest value in the group
--   examples: the distinct figures as written, " | "-separated
CREATE OR REPLACE VIEW money_by_currency AS
WITH
money AS (
    SELECT * FROM figures
    WHERE kind = 'money' AND conversion_of IS NULL AND status = 'actual' AND NOT is_incidental
),
final AS (
    SELECT split_part(unit, '/', 1) AS currency,
           nullif(split_part(unit, '/', 2), '') AS per_unit,  -- a price per unit ("USD/barrel"), not an amount
           coalesce(object, '(unspecified)') AS object,
           count(*) AS n_figures, count(DISTINCT doc_id) AS n_documents,
           sum(value) AS total_value, min(value) AS min_value, max(value) AS max_value,
           string_agg(DISTINCT text, ' | ' ORDER BY text) AS examples
    FROM money GROUP BY ALL
)
SELECT * FROM final;
