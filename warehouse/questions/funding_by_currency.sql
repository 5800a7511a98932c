-- What total funding did States report, by currency? Amounts are as the States gave them (USD
-- or EUR, never converted), from the figures that count (no repeats); amounts without a year
-- are included and also shown apart. Given or received: read the evidence (v_figures).
SELECT
    currency,
    sum(amount) AS total_amount,
    coalesce(sum(amount) FILTER (WHERE year IS NULL), 0) AS amount_without_year,
    count(DISTINCT state_iso3) AS states,
    min(year) AS first_year,
    max(year) AS last_year,
    string_agg(DISTINCT state_name, ', ' ORDER BY state_name) AS state_names
FROM v_cooperation_funding
WHERE amount IS NOT NULL
GROUP BY currency
ORDER BY currency
