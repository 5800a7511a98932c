-- How much land did each State with Article 5 obligations release, by method and year, how much
-- remains, by when must it finish, and which of actions 18-27 did it report on?
-- One row per State and year (year NULL: figures without a year, or no figures at all);
-- released_m2 is cancelled + reduced + cleared as far as they were given.
WITH land AS (
    SELECT
        state_iso3,
        year,
        max(total) FILTER (WHERE indicator = 'area_cancelled_m2') AS cancelled_m2,
        max(total) FILTER (WHERE indicator = 'area_reduced_m2') AS reduced_m2,
        max(total) FILTER (WHERE indicator = 'area_cleared_m2') AS cleared_m2,
        max(total) FILTER (WHERE indicator = 'area_remaining_m2') AS remaining_m2,
        max(total) FILTER (WHERE indicator = 'ap_mines_destroyed') AS ap_mines_destroyed
    FROM v_figures_breakdown
    WHERE indicator IN ('area_cancelled_m2', 'area_reduced_m2', 'area_cleared_m2',
                        'area_remaining_m2', 'ap_mines_destroyed')
    GROUP BY state_iso3, year
),
scope AS (
    SELECT state_iso3 FROM v_states WHERE submitted AND article5_obligation
    UNION
    SELECT state_iso3 FROM land
)
SELECT
    s.state_iso3,
    st.state_name,
    st.article5_obligation,
    l.year,
    l.cancelled_m2,
    l.reduced_m2,
    l.cleared_m2,
    CASE WHEN coalesce(l.cancelled_m2, l.reduced_m2, l.cleared_m2) IS NOT NULL
         THEN coalesce(l.cancelled_m2, 0) + coalesce(l.reduced_m2, 0) + coalesce(l.cleared_m2, 0)
    END AS released_m2,
    l.remaining_m2,
    l.ap_mines_destroyed,
    st.article5_deadline AS deadline,
    st.article5_deadline_extended AS deadline_extended,
    coalesce(a.actions_reported, '') AS actions_reported,
    coalesce(a.n_actions_reported, 0) AS n_actions_reported
FROM scope AS s
JOIN v_states AS st ON st.state_iso3 = s.state_iso3
LEFT JOIN land AS l ON l.state_iso3 = s.state_iso3
LEFT JOIN v_state_sections AS a ON a.state_iso3 = s.state_iso3 AND a.section_no = 'V'
