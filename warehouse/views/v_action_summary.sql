-- For each of the 50 actions: how many States reported on it, how many reported progress,
-- completion, challenges, plans or requests for assistance (a State counts once per status), how
-- many of the States it applies to stayed silent, and how much evidence there is.
WITH states AS (
    SELECT
        action_no,
        count(*) AS states_reporting,
        count(*) FILTER (WHERE progress) AS progress,
        count(*) FILTER (WHERE completed) AS completed,
        count(*) FILTER (WHERE challenge) AS challenge,
        count(*) FILTER (WHERE plan) AS plan,
        count(*) FILTER (WHERE request) AS request,
        count(*) FILTER (WHERE explicit) AS states_explicit
    FROM v_state_actions
    GROUP BY action_no
),
coverage AS (
    SELECT
        action_no,
        count(*) FILTER (WHERE applicable) AS applicable_states,
        count(*) FILTER (WHERE coverage = 'silent') AS silent_states
    FROM v_coverage_matrix
    GROUP BY action_no
),
evidence AS (
    SELECT action_no, count(*) AS evidence, count(*) FILTER (WHERE state_iso3 IS NULL) AS unattributed
    FROM v_evidence
    GROUP BY action_no
)
SELECT
    a.action_no,
    a.section_no,
    a.short_title,
    a.text,
    a.text_status,
    a.committee_key,
    a.applies_to,
    coalesce(s.states_reporting, 0) AS states_reporting,
    coalesce(s.progress, 0) AS progress,
    coalesce(s.completed, 0) AS completed,
    coalesce(s.challenge, 0) AS challenge,
    coalesce(s.plan, 0) AS plan,
    coalesce(s.request, 0) AS request,
    coalesce(s.states_explicit, 0) AS states_explicit,
    coalesce(c.applicable_states, 0) AS applicable_states,
    coalesce(c.silent_states, 0) AS silent_states,
    coalesce(e.evidence, 0) AS evidence,
    coalesce(e.unattributed, 0) AS unattributed_evidence
FROM v_action_applicability AS a
LEFT JOIN states AS s USING (action_no)
LEFT JOIN coverage AS c USING (action_no)
LEFT JOIN evidence AS e USING (action_no)
