-- Which figures count, without double counting?
-- A State often repeats a figure in several updates written for the same meeting (an Article 5
-- update and a victim assistance update both giving the area cleared). For each State, meeting,
-- indicator, year and breakdown one value is kept: the maximum, because updates of one meeting
-- are written at the same time and a lower repeat is a partial figure; ties go to the document
-- loaded last. Each row keeps the document and page of the value kept, and `reports` says how
-- many figures it stands for. When the same figure appears in updates for different meetings,
-- the most recent meeting revises the earlier one: `is_latest` marks the row every committee
-- view uses (updates without a meeting come after those with one).
WITH facts AS (
    SELECT
        coalesce(d.state_iso3, f.state_iso3) AS state_iso3,
        coalesce(d.state_name, f.state_iso3) AS state_name,
        d.meeting_id,
        d.meeting_start,
        f.indicator,
        f.year,
        f.disaggregation,
        f.value,
        f.unit,
        f.document_id,
        d.file_name,
        d.source_path,
        f.page,
        f.passage_no,
        f.evidence,
        f.fact_id,
        f.reviewed_by,
        d.loaded_at
    FROM indicator_values AS f
    JOIN v_documents AS d USING (document_id)
    WHERE coalesce(d.state_iso3, f.state_iso3) IS NOT NULL
),
per_meeting AS (
    SELECT
        *,
        count(*) OVER same_figure AS reports,
        row_number() OVER (same_figure ORDER BY value DESC, loaded_at DESC, document_id, page)
            AS meeting_rank
    FROM facts
    WINDOW same_figure AS (PARTITION BY state_iso3, meeting_id, indicator, year, disaggregation)
)
SELECT
    state_iso3,
    state_name,
    meeting_id,
    meeting_start,
    indicator,
    year,
    disaggregation,
    value,
    unit,
    document_id,
    file_name,
    source_path,
    page,
    passage_no,
    evidence,
    fact_id,
    reviewed_by,
    reports,
    row_number() OVER (
        PARTITION BY state_iso3, indicator, year, disaggregation
        ORDER BY meeting_start DESC NULLS LAST, meeting_id DESC NULLS LAST
    ) = 1 AS is_latest
FROM per_meeting
WHERE meeting_rank = 1
