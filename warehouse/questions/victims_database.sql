-- Which States reported a centralised database of mine victims (action 36)? Passages mapped to
-- action 36, and passages that speak of a database or register of victims or survivors in
-- English, French or Spanish (within one sentence) even where the mapping missed the action,
-- with file and page.
WITH candidates AS (
    SELECT
        p.document_id,
        p.page,
        p.text,
        EXISTS (
            SELECT 1 FROM action_progress AS a
            WHERE a.document_id = p.document_id AND a.passage_no = p.passage_no
              AND a.action_no = 36
        ) AS mapped_to_action_36
    FROM passages AS p
    WHERE p.kind IN ('paragraph', 'table')
)
SELECT
    d.state_iso3,
    d.state_name,
    c.mapped_to_action_36,
    c.text AS evidence,
    d.file_name,
    c.page
FROM candidates AS c
JOIN v_documents AS d USING (document_id)
WHERE c.mapped_to_action_36
   -- a database or register, and victims or survivors, in one sentence within 80 characters
   OR regexp_matches(c.text, '(?i)(data ?base|base de donn[ée]es|base de datos|sistema de informaci[oó]n|registro (nacional|[uú]nico)|registre national|national regist\w*)[^.]{0,80}(victim|v[ií]ctima|survivor|survivant|sobreviviente)')
   OR regexp_matches(c.text, '(?i)(victim|v[ií]ctima|survivor|survivant|sobreviviente)[^.]{0,80}(data ?base|base de donn[ée]es|base de datos|sistema de informaci[oó]n|registro (nacional|[uú]nico)|registre national|national regist\w*)')
ORDER BY d.state_name, d.file_name, c.page
