-- Which States are there, what time-bound obligations does each have, and did it submit an update?
-- A submitter that is not in states_parties is kept, with no obligations, so nothing is lost.
WITH submitted AS (
    SELECT state_iso3, count(*) AS documents
    FROM v_documents
    WHERE state_iso3 IS NOT NULL
    GROUP BY state_iso3
)
SELECT
    sp.iso3 AS state_iso3,
    sp.name AS state_name,
    TRUE AS state_party,
    sp.article5_obligation,
    sp.article5_deadline,
    sp.article5_deadline_extended,
    sp.article5_expired,
    sp.article4_obligation,
    sp.significant_victims,
    coalesce(s.documents, 0) AS documents,
    s.state_iso3 IS NOT NULL AS submitted
FROM states_parties AS sp
LEFT JOIN submitted AS s ON s.state_iso3 = sp.iso3
UNION ALL
SELECT
    s.state_iso3, s.state_iso3, FALSE, FALSE, NULL, NULL, FALSE, FALSE, FALSE, s.documents, TRUE
FROM submitted AS s
WHERE s.state_iso3 NOT IN (SELECT iso3 FROM states_parties)
