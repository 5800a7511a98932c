-- What are the headline figures of the mid-point: how many States and updates, and what the
-- States reported in total? 'flow' indicators are summed over the years 2020 on (the OAP period)
-- from the figures that count (v_figures_breakdown totals, never breakdowns); 'stock' indicators
-- take each State's latest year and add those up. figures_without_year counts totals left out
-- because the update gives no year.
WITH totals AS (
    SELECT b.*, i.label, i.unit, i.measure, i.sort_order
    FROM v_figures_breakdown AS b
    JOIN v_indicators AS i USING (indicator)
    WHERE b.total IS NOT NULL AND i.measure IN ('flow', 'stock')
),
flows AS (
    SELECT
        indicator, any_value(label) AS label, any_value(unit) AS unit,
        'sum of the years 2020 on' AS basis,
        sum(total) FILTER (WHERE year >= 2020) AS value,
        count(DISTINCT state_iso3) FILTER (WHERE year >= 2020) AS states,
        min(year) FILTER (WHERE year >= 2020) AS first_year,
        max(year) FILTER (WHERE year >= 2020) AS last_year,
        count(*) FILTER (WHERE year IS NULL) AS figures_without_year,
        any_value(sort_order) + 10 AS sort_order
    FROM totals
    WHERE measure = 'flow'
    GROUP BY indicator
),
latest_stock AS (
    SELECT *
    FROM totals
    WHERE measure = 'stock'
    -- the latest year (a year-less total only when there is no other); years are unique per
    -- State and indicator here. Not row_number(): with several threads DuckDB 1.5 was seen to
    -- pick an earlier year now and then.
    QUALIFY year IS NOT DISTINCT FROM max(year) OVER (PARTITION BY state_iso3, indicator)
),
stocks AS (
    SELECT
        indicator, any_value(label) AS label, any_value(unit) AS unit,
        'latest year of each State' AS basis,
        sum(total) AS value,
        count(DISTINCT state_iso3) AS states,
        min(year) AS first_year,
        max(year) AS last_year,
        0 AS figures_without_year,
        any_value(sort_order) + 10 AS sort_order
    FROM latest_stock
    GROUP BY indicator
),
released AS (
    SELECT
        'land_released_m2' AS indicator,
        'Land released (cancelled, reduced and cleared)' AS label,
        'm²' AS unit,
        'sum of the years 2020 on' AS basis,
        sum(value) AS value,
        min(first_year) AS first_year,
        max(last_year) AS last_year,
        sum(figures_without_year)::BIGINT AS figures_without_year,
        10 AS sort_order
    FROM flows
    WHERE indicator IN ('area_cancelled_m2', 'area_reduced_m2', 'area_cleared_m2')
    HAVING count(*) > 0
),
released_states AS (
    SELECT count(DISTINCT state_iso3) AS states
    FROM totals
    WHERE indicator IN ('area_cancelled_m2', 'area_reduced_m2', 'area_cleared_m2') AND year >= 2020
),
counts AS (
    SELECT 'states_submitted' AS indicator, 'States that submitted an update' AS label,
           'States' AS unit, 'count' AS basis, count(*)::DOUBLE AS value, count(*) AS states,
           NULL::BIGINT AS first_year, NULL::BIGINT AS last_year, 0 AS figures_without_year,
           1 AS sort_order
    FROM v_states WHERE submitted
    UNION ALL
    SELECT 'documents', 'Updates read', 'documents', 'count', count(*),
           count(DISTINCT state_iso3), NULL, NULL, 0, 2
    FROM v_documents
    UNION ALL
    SELECT 'actions_reported', 'Actions reported on by at least one State', 'actions', 'count',
           count(*) FILTER (WHERE states_reporting > 0), NULL, NULL, NULL, 0, 3
    FROM v_action_summary
    UNION ALL
    SELECT 'quarantined', 'Files that could not be read', 'files', 'count', count(*), NULL,
           NULL, NULL, 0, 4
    FROM quarantine
)
SELECT * FROM counts
UNION ALL
SELECT r.indicator, r.label, r.unit, r.basis, r.value, s.states, r.first_year, r.last_year,
       r.figures_without_year, r.sort_order
FROM released AS r CROSS JOIN released_states AS s
UNION ALL
SELECT * FROM flows
UNION ALL
SELECT * FROM stocks
