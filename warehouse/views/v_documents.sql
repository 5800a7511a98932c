-- Which updates count? Every input document that is not withdrawn, with its State and meeting.
SELECT
    d.document_id,
    d.file_name,
    d.format,
    d.sha256,
    d.size_bytes,
    d.state_iso3,
    coalesce(sp.name, d.state_iso3) AS state_name,
    d.state_method,
    d.state_confidence,
    d.language,
    d.pages,
    d.ocr_pages,
    d.status,
    d.review_reason,
    d.meeting_id,
    m.name AS meeting_name,
    m.start_date AS meeting_start,
    d.title,
    d.source_path,
    d.read_notes,
    d.read_version,
    d.extract_version,
    d.loaded_at
FROM documents AS d
LEFT JOIN states_parties AS sp ON sp.iso3 = d.state_iso3
LEFT JOIN meetings AS m ON m.meeting_id = d.meeting_id
WHERE d.status <> 'withdrawn'
