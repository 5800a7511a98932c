-- For every State that submitted an update and every action: did it report on the action
-- ('reported'), stay silent on an action that applies to it ('silent'), or does the action not
-- apply to it ('not applicable', see v_action_applicability)? A State that reports on an action
-- outside its obligations (a donor writing about clearance it funds) counts as 'reported'.
SELECT
    st.state_iso3,
    st.state_name,
    a.action_no,
    a.section_no,
    a.rule,
    CASE a.rule
        WHEN 'article5' THEN st.article5_obligation
        WHEN 'article4' THEN st.article4_obligation
        WHEN 'victims' THEN st.significant_victims
        ELSE TRUE
    END AS applicable,
    CASE
        WHEN sa.action_no IS NOT NULL THEN 'reported'
        WHEN CASE a.rule
                 WHEN 'article5' THEN st.article5_obligation
                 WHEN 'article4' THEN st.article4_obligation
                 WHEN 'victims' THEN st.significant_victims
                 ELSE TRUE
             END THEN 'silent'
        ELSE 'not applicable'
    END AS coverage,
    coalesce(sa.evidence, 0) AS evidence,
    sa.statuses
FROM v_states AS st
CROSS JOIN v_action_applicability AS a
LEFT JOIN v_state_actions AS sa ON sa.state_iso3 = st.state_iso3 AND sa.action_no = a.action_no
WHERE st.submitted
