-- For each OAP section II-IX, how far did States report with a gender perspective: how many gave
-- figures on the section's indicators, how many broke them down by sex or by age (and which did
-- not), and how many wrote about gender, women, girls or diversity in their evidence on the
-- section's actions (English, French and Spanish terms)?
WITH per_state AS (
    SELECT
        i.section_no,
        f.state_iso3,
        any_value(f.state_name) AS state_name,
        bool_or(f.disaggregation IS NOT NULL) AS disaggregated,
        bool_or(f.disaggregation IN ('women', 'men', 'girls', 'boys', 'female', 'male')) AS by_sex,
        bool_or(f.disaggregation IN ('women', 'men', 'girls', 'boys', 'children', 'adults')) AS by_age,
        count(*) FILTER (WHERE f.disaggregation IS NOT NULL) AS disaggregated_figures
    FROM v_figures AS f
    JOIN v_indicators AS i USING (indicator)
    WHERE f.is_latest
    GROUP BY i.section_no, f.state_iso3
),
figures AS (
    SELECT
        section_no,
        count(*) AS states_with_figures,
        count(*) FILTER (WHERE disaggregated) AS states_disaggregated,
        count(*) FILTER (WHERE by_sex) AS states_by_sex,
        count(*) FILTER (WHERE by_age) AS states_by_age,
        sum(disaggregated_figures)::BIGINT AS disaggregated_figures,
        string_agg(state_name, ', ' ORDER BY state_name) FILTER (WHERE disaggregated)
            AS states_disaggregated_list,
        string_agg(state_name, ', ' ORDER BY state_name) FILTER (WHERE NOT disaggregated)
            AS states_total_only_list
    FROM per_state
    GROUP BY section_no
),
indicators AS (
    SELECT section_no, string_agg(label, '; ' ORDER BY sort_order) AS indicators
    FROM v_indicators
    GROUP BY section_no
),
gender_text AS (
    SELECT
        section_no,
        count(DISTINCT state_iso3) AS states_mentioning_gender,
        string_agg(DISTINCT state_name, ', ' ORDER BY state_name) AS states_mentioning_gender_list
    FROM v_evidence
    WHERE state_iso3 IS NOT NULL
      AND regexp_matches(evidence, '(?i)\b(gender|women|girls|sex|diversity|genre|femmes|filles|sexe|diversité|género|mujeres|niñas|sexo|diversidad)\b')
    GROUP BY section_no
)
SELECT
    s.section_no,
    s.title,
    coalesce(i.indicators, '') AS indicators,
    coalesce(f.states_with_figures, 0) AS states_with_figures,
    coalesce(f.states_disaggregated, 0) AS states_disaggregated,
    coalesce(f.states_by_sex, 0) AS states_by_sex,
    coalesce(f.states_by_age, 0) AS states_by_age,
    coalesce(f.disaggregated_figures, 0) AS disaggregated_figures,
    coalesce(f.states_disaggregated_list, '') AS states_disaggregated_list,
    coalesce(f.states_total_only_list, '') AS states_total_only_list,
    coalesce(g.states_mentioning_gender, 0) AS states_mentioning_gender,
    coalesce(g.states_mentioning_gender_list, '') AS states_mentioning_gender_list
FROM oap_sections AS s
LEFT JOIN figures AS f USING (section_no)
LEFT JOIN indicators AS i USING (section_no)
LEFT JOIN gender_text AS g USING (section_no)
WHERE s.first_action IS NOT NULL
