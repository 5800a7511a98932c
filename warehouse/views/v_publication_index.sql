-- Which updates were read: every document that counts, with its State, language, meeting, the
-- OAP sections and actions it reports on, how many figures it gave, and where the original is.
WITH sections AS (
    SELECT document_id, string_agg(section_no, ', ' ORDER BY first_action) AS sections
    FROM (
        SELECT DISTINCT e.document_id, e.section_no, s.first_action
        FROM v_evidence AS e
        JOIN oap_sections AS s USING (section_no)
    )
    GROUP BY document_id
),
actions AS (
    SELECT document_id, count(DISTINCT action_no) AS actions,
           array_to_string(list_sort(list(DISTINCT action_no)), ', ') AS action_list
    FROM v_evidence
    GROUP BY document_id
),
figures AS (
    SELECT f.document_id, count(*) AS figures
    FROM indicator_values AS f
    GROUP BY f.document_id
)
SELECT
    d.document_id,
    d.state_iso3,
    d.state_name,
    d.file_name,
    d.format,
    d.language,
    d.meeting_id,
    d.pages,
    d.ocr_pages,
    d.status,
    d.review_reason,
    d.read_notes,
    coalesce(s.sections, '') AS sections,
    coalesce(a.actions, 0) AS actions,
    coalesce(a.action_list, '') AS action_list,
    coalesce(f.figures, 0) AS figures,
    d.source_path,
    d.sha256,
    d.size_bytes,
    d.read_version,
    d.extract_version,
    d.loaded_at
FROM v_documents AS d
LEFT JOIN sections AS s USING (document_id)
LEFT JOIN actions AS a USING (document_id)
LEFT JOIN figures AS f USING (document_id)
