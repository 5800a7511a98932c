-- Which actions of each OAP section did each State report on?
SELECT
    state_iso3,
    section_no,
    string_agg(action_no::VARCHAR, ', ' ORDER BY action_no) AS actions_reported,
    count(*) AS n_actions_reported,
    sum(evidence)::BIGINT AS evidence,
    count(*) FILTER (WHERE request) AS actions_with_request
FROM v_state_actions
GROUP BY state_iso3, section_no
