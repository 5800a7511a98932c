-- Which actions did each State report on, how often, and with which statuses?
SELECT
    state_iso3,
    any_value(state_name) AS state_name,
    action_no,
    any_value(section_no) AS section_no,
    count(*) AS evidence,
    count(DISTINCT document_id) AS documents,
    bool_or(status = 'progress') AS progress,
    bool_or(status = 'completed') AS completed,
    bool_or(status = 'challenge') AS challenge,
    bool_or(status = 'plan') AS plan,
    bool_or(status = 'request for assistance') AS request,
    bool_or(method = 'explicit') AS explicit,
    string_agg(DISTINCT status, ', ' ORDER BY status) AS statuses
FROM v_evidence
WHERE state_iso3 IS NOT NULL
GROUP BY state_iso3, action_no
