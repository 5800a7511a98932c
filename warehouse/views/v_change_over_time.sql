-- How did each State's reporting change from one meeting to the next: updates, actions and
-- sections reported, actions with completion, challenges or requests, and the land release,
-- risk education and casualty figures of the most recent year its updates for that meeting
-- report (figures_year), after removing repeats within the meeting (see v_figures)?
WITH actions AS (
    SELECT
        e.state_iso3,
        e.meeting_id,
        count(DISTINCT e.action_no) AS actions_reported,
        count(DISTINCT e.section_no) AS sections_reported,
        count(DISTINCT e.action_no) FILTER (WHERE e.status = 'completed') AS actions_completed,
        count(DISTINCT e.action_no) FILTER (WHERE e.status = 'challenge') AS actions_challenge,
        count(DISTINCT e.action_no) FILTER (WHERE e.status = 'request for assistance')
            AS actions_request,
        array_to_string(list_sort(list(DISTINCT e.action_no)), ', ') AS action_list
    FROM v_evidence AS e
    WHERE e.state_iso3 IS NOT NULL
    GROUP BY e.state_iso3, e.meeting_id
),
yearly AS (
    SELECT
        state_iso3,
        meeting_id,
        year,
        sum(value) FILTER (WHERE indicator IN ('area_cancelled_m2', 'area_reduced_m2', 'area_cleared_m2'))
            AS land_released_m2,
        sum(value) FILTER (WHERE indicator = 'eore_beneficiaries') AS eore_beneficiaries,
        sum(value) FILTER (WHERE indicator = 'casualties') AS casualties
    FROM v_figures
    WHERE disaggregation IS NULL AND year IS NOT NULL
    GROUP BY state_iso3, meeting_id, year
),
figures AS (
    SELECT *
    FROM yearly
    WHERE coalesce(land_released_m2, eore_beneficiaries, casualties) IS NOT NULL
    -- the latest year, as in v_headline_figures (years are unique per State and meeting here)
    QUALIFY year = max(year) OVER (PARTITION BY state_iso3, meeting_id)
),
docs AS (
    SELECT state_iso3, meeting_id, any_value(meeting_start) AS meeting_start,
           any_value(state_name) AS state_name, count(*) AS documents
    FROM v_documents
    WHERE state_iso3 IS NOT NULL
    GROUP BY state_iso3, meeting_id
)
SELECT
    d.state_iso3,
    d.state_name,
    d.meeting_id,
    d.meeting_start,
    d.documents,
    count(*) OVER (PARTITION BY d.state_iso3) AS meetings_submitted,
    coalesce(a.actions_reported, 0) AS actions_reported,
    coalesce(a.sections_reported, 0) AS sections_reported,
    coalesce(a.actions_completed, 0) AS actions_completed,
    coalesce(a.actions_challenge, 0) AS actions_challenge,
    coalesce(a.actions_request, 0) AS actions_request,
    coalesce(a.action_list, '') AS action_list,
    f.land_released_m2,
    f.eore_beneficiaries,
    f.casualties,
    f.year AS figures_year
FROM docs AS d
LEFT JOIN actions AS a
    ON a.state_iso3 = d.state_iso3 AND a.meeting_id IS NOT DISTINCT FROM d.meeting_id
LEFT JOIN figures AS f
    ON f.state_iso3 = d.state_iso3 AND f.meeting_id IS NOT DISTINCT FROM d.meeting_id
