-- For each OAP section II-IX: how many of its actions were reported on, by how many States, and
-- how complete is the coverage of the State-action pairs that apply?
WITH pairs AS (
    SELECT
        section_no,
        count(*) FILTER (WHERE applicable) AS applicable_pairs,
        count(*) FILTER (WHERE coverage = 'reported') AS reported_pairs,
        count(*) FILTER (WHERE coverage = 'reported' AND applicable) AS reported_applicable_pairs,
        count(*) FILTER (WHERE coverage = 'silent') AS silent_pairs,
        count(*) FILTER (WHERE coverage = 'not applicable') AS not_applicable_pairs,
        count(DISTINCT state_iso3) FILTER (WHERE coverage = 'reported') AS states_reporting,
        count(DISTINCT action_no) FILTER (WHERE coverage = 'reported') AS actions_reported
    FROM v_coverage_matrix
    GROUP BY section_no
),
statuses AS (
    SELECT
        section_no,
        sum(progress)::BIGINT AS progress,
        sum(completed)::BIGINT AS completed,
        sum(challenge)::BIGINT AS challenge,
        sum(plan)::BIGINT AS plan,
        sum(request)::BIGINT AS request,
        sum(evidence)::BIGINT AS evidence
    FROM v_action_summary
    GROUP BY section_no
)
SELECT
    s.section_no,
    s.title,
    s.first_action,
    s.last_action,
    s.last_action - s.first_action + 1 AS actions,
    coalesce(p.actions_reported, 0) AS actions_reported,
    coalesce(p.states_reporting, 0) AS states_reporting,
    coalesce(p.applicable_pairs, 0) AS applicable_pairs,
    coalesce(p.reported_pairs, 0) AS reported_pairs,
    coalesce(p.reported_applicable_pairs, 0) AS reported_applicable_pairs,
    coalesce(p.silent_pairs, 0) AS silent_pairs,
    coalesce(p.not_applicable_pairs, 0) AS not_applicable_pairs,
    round(100.0 * p.reported_applicable_pairs / nullif(p.applicable_pairs, 0), 1) AS coverage_pct,
    coalesce(t.progress, 0) AS progress,
    coalesce(t.completed, 0) AS completed,
    coalesce(t.challenge, 0) AS challenge,
    coalesce(t.plan, 0) AS plan,
    coalesce(t.request, 0) AS request,
    coalesce(t.evidence, 0) AS evidence
FROM oap_sections AS s
LEFT JOIN pairs AS p USING (section_no)
LEFT JOIN statuses AS t USING (section_no)
WHERE s.first_action IS NOT NULL
