-- Which States reported the people reached by mine risk education in 2021 broken down by sex
-- and by age, and which gave a total only? Women and girls as a share of the total where the
-- four groups are given.
SELECT
    state_iso3,
    state_name,
    beneficiaries,
    coalesce(women, female) IS NOT NULL OR girls IS NOT NULL AS by_sex,
    coalesce(girls, boys, children, adults) IS NOT NULL AS by_age,
    women,
    men,
    girls,
    boys,
    female,
    male,
    children,
    adults,
    round(100.0 * (women + girls) / beneficiaries, 1) AS women_and_girls_pct
FROM v_risk_education
WHERE year = 2021
ORDER BY by_sex AND by_age DESC, by_sex OR by_age DESC, state_name
