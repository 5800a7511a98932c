-- What did each State report per indicator and year, as a total and by sex and age?
-- One row per State, indicator and year (year NULL: not stated), from the figures that count
-- (v_figures.is_latest). `total` is the figure the State gave as a total; breakdowns are never
-- added up into it.
SELECT
    state_iso3,
    any_value(state_name) AS state_name,
    indicator,
    year,
    max(value) FILTER (WHERE disaggregation IS NULL) AS total,
    max(value) FILTER (WHERE disaggregation = 'women') AS women,
    max(value) FILTER (WHERE disaggregation = 'men') AS men,
    max(value) FILTER (WHERE disaggregation = 'girls') AS girls,
    max(value) FILTER (WHERE disaggregation = 'boys') AS boys,
    max(value) FILTER (WHERE disaggregation = 'female') AS female,
    max(value) FILTER (WHERE disaggregation = 'male') AS male,
    max(value) FILTER (WHERE disaggregation = 'children') AS children,
    max(value) FILTER (WHERE disaggregation = 'adults') AS adults,
    bool_or(disaggregation IS NOT NULL) AS disaggregated,
    string_agg(DISTINCT meeting_id, ', ' ORDER BY meeting_id) AS meetings
FROM v_figures
WHERE is_latest
GROUP BY state_iso3, indicator, year
