-- Which corrections did analysts make to what the pipeline read, to which document, and did each
-- still apply in the last run? Created only when the warehouse has a corrections table.
SELECT
    c.line,
    c.correction_id,
    c.document_id,
    d.file_name,
    coalesce(sp.name, d.state_iso3) AS state_name,
    c.target,
    c.operation,
    c.key,
    c.new_value,
    c.analyst,
    c.reason,
    c.applied,
    c.outcome
FROM corrections AS c
LEFT JOIN documents AS d USING (document_id)
LEFT JOIN states_parties AS sp ON sp.iso3 = d.state_iso3
