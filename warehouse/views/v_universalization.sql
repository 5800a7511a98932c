-- What did States report on universalisation (actions 10 and 11): per State and action, how
-- much evidence, with which statuses, and the passage that says it best?
SELECT
    sa.state_iso3,
    sa.state_name,
    sa.action_no,
    a.short_title,
    sa.evidence AS n_evidence,
    sa.statuses,
    e.evidence,
    e.file_name,
    e.page
FROM v_state_actions AS sa
JOIN oap_actions AS a USING (action_no)
JOIN v_evidence AS e
    ON e.state_iso3 = sa.state_iso3 AND e.action_no = sa.action_no AND e.state_rank = 1
WHERE sa.action_no IN (10, 11)
