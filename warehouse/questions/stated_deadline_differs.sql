-- Which States state an Article 5 deadline in their updates that differs from the deadline in
-- force in the reference data? A check on both: the update may predate an extension, or the
-- reference data may need correcting.
SELECT
    state_iso3,
    state_name,
    stated_deadline_year,
    deadline_in_force::DATE AS deadline_in_force,
    deadline_extended::DATE AS deadline_extended,
    stated_deadline_year = year(deadline_extended) AS matches_extended,
    completion_evidence,
    evidence_file,
    evidence_page
FROM v_article5_deadlines
WHERE stated_deadline_year IS NOT NULL
  AND stated_deadline_year <> year(deadline_in_force)
ORDER BY state_name
