-- What did each update say about each action? Every mapped passage with its State, file and
-- page, ranked for quoting: quote_rank orders an action's evidence so that the first quotes come
-- from different States, explicit mentions and higher confidence first; state_rank orders the
-- evidence of one State on one action.
WITH evidence AS (
    SELECT
        coalesce(d.state_iso3, ap.state_iso3) AS state_iso3,
        coalesce(d.state_name, ap.state_iso3) AS state_name,
        ap.action_no,
        a.section_no,
        a.short_title,
        ap.status,
        ap.method,
        ap.confidence,
        ap.evidence,
        ap.page,
        ap.passage_no,
        ap.ocr,
        ap.reviewed_by,
        ap.document_id,
        d.file_name,
        d.source_path,
        d.language,
        d.meeting_id,
        d.meeting_start
    FROM action_progress AS ap
    JOIN v_documents AS d USING (document_id)
    JOIN oap_actions AS a USING (action_no)
),
per_state AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY action_no, state_iso3
            ORDER BY method = 'explicit' DESC, confidence DESC, meeting_start DESC NULLS LAST,
                     document_id, passage_no
        ) AS state_rank
    FROM evidence
)
SELECT
    *,
    row_number() OVER (
        PARTITION BY action_no
        ORDER BY state_iso3 IS NULL, state_rank, method = 'explicit' DESC, confidence DESC,
                 state_name, document_id, passage_no
    ) AS quote_rank
FROM per_state
