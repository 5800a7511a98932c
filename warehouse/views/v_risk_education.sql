-- Whom did mine risk education reach (actions 28-32), per State and year, as a total and by sex
-- and age, and which of actions 28-32 did each State report on?
-- States that reported on the actions without giving figures have one row with year NULL.
WITH figures AS (
    SELECT * FROM v_figures_breakdown WHERE indicator = 'eore_beneficiaries'
),
scope AS (
    SELECT state_iso3 FROM v_state_sections WHERE section_no = 'VI'
    UNION
    SELECT state_iso3 FROM figures
)
SELECT
    s.state_iso3,
    st.state_name,
    st.article5_obligation,
    f.year,
    f.total AS beneficiaries,
    f.women, f.men, f.girls, f.boys, f.female, f.male, f.children, f.adults,
    coalesce(f.disaggregated, FALSE) AS disaggregated,
    coalesce(a.actions_reported, '') AS actions_reported,
    coalesce(a.n_actions_reported, 0) AS n_actions_reported
FROM scope AS s
JOIN v_states AS st ON st.state_iso3 = s.state_iso3
LEFT JOIN figures AS f ON f.state_iso3 = s.state_iso3
LEFT JOIN v_state_sections AS a ON a.state_iso3 = s.state_iso3 AND a.section_no = 'VI'
