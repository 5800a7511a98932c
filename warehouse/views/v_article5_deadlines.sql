-- For every State with Article 5 obligations: which deadline is in force, was it extended, does
-- it fall before 2025, and what do the State's updates say about completion (the deadline they
-- state, how much remains, statements of completion or of an extension request)? The quoted
-- statement is the State's strongest on Article 5 completion: a completion, then an extension
-- request (action 23), then a plan or a challenge.
WITH said AS (
    SELECT
        state_iso3,
        count(*) FILTER (WHERE status = 'completed') AS completion_statements,
        count(*) FILTER (WHERE action_no = 23) AS extension_statements,
        count(*) FILTER (WHERE status = 'challenge') AS challenge_statements
    FROM v_evidence
    WHERE action_no BETWEEN 18 AND 27 AND state_iso3 IS NOT NULL
    GROUP BY state_iso3
),
quote AS (
    SELECT state_iso3, evidence, file_name, page
    FROM v_evidence
    WHERE action_no BETWEEN 18 AND 27 AND state_iso3 IS NOT NULL
      AND (status IN ('completed', 'plan', 'challenge') OR action_no = 23)
    QUALIFY row_number() OVER (
        PARTITION BY state_iso3
        ORDER BY status = 'completed' DESC, action_no = 23 DESC, status = 'plan' DESC,
                 confidence DESC, meeting_start DESC NULLS LAST, document_id, passage_no
    ) = 1
),
stated AS (
    SELECT state_iso3, max(value)::INTEGER AS stated_deadline_year
    FROM v_figures
    WHERE is_latest AND indicator = 'article5_deadline' AND disaggregation IS NULL
    GROUP BY state_iso3
),
remaining AS (
    SELECT state_iso3, total AS remaining_m2, year AS remaining_year
    FROM v_figures_breakdown
    WHERE indicator = 'area_remaining_m2' AND total IS NOT NULL
    -- the latest year, as in v_headline_figures (years are unique per State here)
    QUALIFY year IS NOT DISTINCT FROM max(year) OVER (PARTITION BY state_iso3)
)
SELECT
    st.state_iso3,
    st.state_name,
    st.submitted,
    st.article5_deadline AS deadline_in_force,
    st.article5_deadline_extended AS deadline_extended,
    coalesce(st.article5_deadline_extended > st.article5_deadline, FALSE) AS extended,
    st.article5_expired AS expired,
    coalesce(st.article5_deadline < DATE '2025-01-01', FALSE) AS before_2025,
    stated.stated_deadline_year,
    r.remaining_m2,
    r.remaining_year,
    coalesce(said.completion_statements, 0) AS completion_statements,
    coalesce(said.extension_statements, 0) AS extension_statements,
    coalesce(said.challenge_statements, 0) AS challenge_statements,
    q.evidence AS completion_evidence,
    q.file_name AS evidence_file,
    q.page AS evidence_page
FROM v_states AS st
LEFT JOIN said USING (state_iso3)
LEFT JOIN quote AS q USING (state_iso3)
LEFT JOIN stated USING (state_iso3)
LEFT JOIN remaining AS r USING (state_iso3)
WHERE st.article5_obligation
