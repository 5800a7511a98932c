-- Which States with an Article 5 deadline before 2025 released, in 2021, less than half of the
-- area they still had to address? The pace: years needed to finish at the 2021 rate.
-- Remaining area is the latest figure the State gave (remaining_year says of when).
SELECT
    d.state_iso3,
    d.state_name,
    d.deadline_in_force::DATE AS deadline_in_force,
    d.deadline_extended::DATE AS deadline_extended,
    r.released_m2 AS released_2021_m2,
    d.remaining_m2,
    d.remaining_year,
    round(r.released_m2 / d.remaining_m2, 3) AS share_released,
    round(d.remaining_m2 / r.released_m2, 1) AS years_at_2021_pace
FROM v_article5_deadlines AS d
JOIN v_article5_land_release AS r ON r.state_iso3 = d.state_iso3 AND r.year = 2021
WHERE d.before_2025
  AND d.remaining_m2 > 0
  AND r.released_m2 < 0.5 * d.remaining_m2
ORDER BY share_released, d.state_name
