-- What did each State Party submit and cover: documents, languages, meetings, pages, actions and
-- sections reported, figures given, and how many applicable actions it left silent? Every State
-- Party has a row, so those that submitted nothing can be listed.
WITH docs AS (
    SELECT
        state_iso3,
        string_agg(DISTINCT language, ', ' ORDER BY language) AS languages,
        string_agg(DISTINCT meeting_id, ', ' ORDER BY meeting_id) AS meetings,
        sum(pages)::BIGINT AS pages
    FROM v_documents
    WHERE state_iso3 IS NOT NULL
    GROUP BY state_iso3
),
coverage AS (
    SELECT
        state_iso3,
        count(*) FILTER (WHERE coverage = 'reported') AS actions_reported,
        count(DISTINCT section_no) FILTER (WHERE coverage = 'reported') AS sections_reported,
        count(*) FILTER (WHERE applicable) AS applicable_actions,
        count(*) FILTER (WHERE coverage = 'silent') AS silent_actions,
        sum(evidence)::BIGINT AS evidence
    FROM v_coverage_matrix
    GROUP BY state_iso3
),
figures AS (
    SELECT state_iso3, count(*) AS figures,
           count(*) FILTER (WHERE disaggregation IS NOT NULL) AS disaggregated_figures
    FROM v_figures
    WHERE is_latest
    GROUP BY state_iso3
)
SELECT
    st.state_iso3,
    st.state_name,
    st.state_party,
    st.submitted,
    st.documents,
    d.languages,
    d.meetings,
    coalesce(d.pages, 0) AS pages,
    coalesce(c.actions_reported, 0) AS actions_reported,
    coalesce(c.sections_reported, 0) AS sections_reported,
    coalesce(c.applicable_actions, 0) AS applicable_actions,
    coalesce(c.silent_actions, 0) AS silent_actions,
    coalesce(c.evidence, 0) AS evidence,
    coalesce(f.figures, 0) AS figures,
    coalesce(f.disaggregated_figures, 0) AS disaggregated_figures,
    st.article5_obligation,
    st.article5_deadline,
    st.article4_obligation,
    st.significant_victims
FROM v_states AS st
LEFT JOIN docs AS d USING (state_iso3)
LEFT JOIN coverage AS c USING (state_iso3)
LEFT JOIN figures AS f USING (state_iso3)
