-- What did each submitting State report on stockpiles and compliance: stockpiled mines destroyed
-- in the OAP period (2020 on), mines retained (latest year given), the actions of sections IV
-- (12-17) and IX (48-50) it reported on, and how many of its passages mention Article 7
-- (transparency reports) or Article 9 (national implementation measures) in English, French or
-- Spanish?
WITH stock AS (
    SELECT state_iso3, sum(total) AS stockpiled_destroyed, min(year) AS first_year,
           max(year) AS last_year
    FROM v_figures_breakdown
    WHERE indicator = 'stockpiled_mines_destroyed' AND total IS NOT NULL AND year >= 2020
    GROUP BY state_iso3
),
retained AS (
    SELECT state_iso3, total AS mines_retained, year AS retained_year
    FROM v_figures_breakdown
    WHERE indicator = 'mines_retained' AND total IS NOT NULL
    -- the latest year, as in v_headline_figures (years are unique per State here)
    QUALIFY year IS NOT DISTINCT FROM max(year) OVER (PARTITION BY state_iso3)
),
mentions AS (
    SELECT
        d.state_iso3,
        count(*) FILTER (WHERE regexp_matches(p.text, '(?i)\b(article|art\.|artículo|articulo)\s*7\b'))
            AS article7_mentions,
        count(*) FILTER (WHERE regexp_matches(p.text, '(?i)\b(article|art\.|artículo|articulo)\s*9\b'))
            AS article9_mentions
    FROM passages AS p
    JOIN v_documents AS d USING (document_id)
    WHERE d.state_iso3 IS NOT NULL AND p.kind <> 'header'  -- not running headers or letterheads
    GROUP BY d.state_iso3
)
SELECT
    st.state_iso3,
    st.state_name,
    st.article4_obligation,
    coalesce(iv.actions_reported, '') AS stockpile_actions_reported,
    coalesce(ix.actions_reported, '') AS compliance_actions_reported,
    coalesce(ix.n_actions_reported, 0) AS n_compliance_actions_reported,
    s.stockpiled_destroyed,
    s.first_year AS stockpile_first_year,
    s.last_year AS stockpile_last_year,
    r.mines_retained,
    r.retained_year,
    coalesce(m.article7_mentions, 0) AS article7_mentions,
    coalesce(m.article9_mentions, 0) AS article9_mentions
FROM v_states AS st
LEFT JOIN v_state_sections AS iv ON iv.state_iso3 = st.state_iso3 AND iv.section_no = 'IV'
LEFT JOIN v_state_sections AS ix ON ix.state_iso3 = st.state_iso3 AND ix.section_no = 'IX'
LEFT JOIN stock AS s ON s.state_iso3 = st.state_iso3
LEFT JOIN retained AS r ON r.state_iso3 = st.state_iso3
LEFT JOIN mentions AS m ON m.state_iso3 = st.state_iso3
WHERE st.submitted
