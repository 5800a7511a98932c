-- How much funding did each State report, by currency and year, which of actions 42-47 did it
-- report on, and on how many actions did it ask for assistance? Amounts are as the States gave
-- them (USD or EUR, never converted); whether a State gave or received the money is in the
-- quoted evidence, not in the figure.
WITH figures AS (
    SELECT
        state_iso3,
        year,
        CASE indicator WHEN 'funding_usd' THEN 'USD' ELSE 'EUR' END AS currency,
        total AS amount
    FROM v_figures_breakdown
    WHERE indicator IN ('funding_usd', 'funding_eur') AND total IS NOT NULL
),
requests AS (
    SELECT state_iso3, count(*) FILTER (WHERE request) AS actions_with_request
    FROM v_state_actions
    GROUP BY state_iso3
),
scope AS (
    SELECT state_iso3 FROM v_state_sections WHERE section_no = 'VIII'
    UNION
    SELECT state_iso3 FROM figures
)
SELECT
    s.state_iso3,
    st.state_name,
    f.year,
    f.currency,
    f.amount,
    coalesce(a.actions_reported, '') AS actions_reported,
    coalesce(a.n_actions_reported, 0) AS n_actions_reported,
    coalesce(r.actions_with_request, 0) AS actions_with_request
FROM scope AS s
JOIN v_states AS st ON st.state_iso3 = s.state_iso3
LEFT JOIN figures AS f ON f.state_iso3 = s.state_iso3
LEFT JOIN v_state_sections AS a ON a.state_iso3 = s.state_iso3 AND a.section_no = 'VIII'
LEFT JOIN requests AS r ON r.state_iso3 = s.state_iso3
