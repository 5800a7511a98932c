-- What did States report on victim assistance (actions 33-41): casualties and survivors assisted
-- per year, as a total and by sex and age, and which of actions 33-41 did each report on?
-- One row per State, indicator and year; States that reported on the actions without figures
-- have one row with indicator and year NULL.
WITH figures AS (
    SELECT * FROM v_figures_breakdown WHERE indicator IN ('casualties', 'survivors_assisted')
),
scope AS (
    SELECT state_iso3 FROM v_state_sections WHERE section_no = 'VII'
    UNION
    SELECT state_iso3 FROM figures
)
SELECT
    s.state_iso3,
    st.state_name,
    st.significant_victims,
    f.indicator,
    f.year,
    f.total,
    f.women, f.men, f.girls, f.boys, f.female, f.male, f.children, f.adults,
    coalesce(f.disaggregated, FALSE) AS disaggregated,
    coalesce(a.actions_reported, '') AS actions_reported,
    coalesce(a.n_actions_reported, 0) AS n_actions_reported
FROM scope AS s
JOIN v_states AS st ON st.state_iso3 = s.state_iso3
LEFT JOIN figures AS f ON f.state_iso3 = s.state_iso3
LEFT JOIN v_state_sections AS a ON a.state_iso3 = s.state_iso3 AND a.section_no = 'VII'
