-- To which States does each action apply?
-- Actions 18-32 (survey, clearance, risk education) apply to States with an Article 5
-- obligation; actions 12-14 (stockpile destruction) to States that still hold stockpiles under
-- Article 4; actions 33-41 (victim assistance) to States with significant numbers of victims.
-- Actions 15-17 (mines retained under Article 3) apply to every submitting State: any State may
-- retain mines and the reference data do not say which do. All other actions apply to every
-- State that submitted an update.
SELECT
    a.action_no,
    a.section_no,
    a.short_title,
    a.text,
    a.text_status,
    a.committee_key,
    CASE
        WHEN a.action_no BETWEEN 18 AND 32 THEN 'article5'
        WHEN a.action_no BETWEEN 12 AND 14 THEN 'article4'
        WHEN a.action_no BETWEEN 33 AND 41 THEN 'victims'
        ELSE 'all'
    END AS rule,
    CASE
        WHEN a.action_no BETWEEN 18 AND 32 THEN 'States with mined areas under Article 5'
        WHEN a.action_no BETWEEN 12 AND 14 THEN 'States with stockpiles to destroy under Article 4'
        WHEN a.action_no BETWEEN 33 AND 41 THEN 'States with significant numbers of mine victims'
        ELSE 'All States that submitted an update'
    END AS applies_to
FROM oap_actions AS a
