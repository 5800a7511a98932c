-- Which actions did no State report on, and which Committee follows each? The gaps to raise on
-- the thematic days, with how many States each action applies to.
SELECT
    action_no,
    section_no,
    short_title,
    committee_key,
    applies_to,
    applicable_states
FROM v_action_summary
WHERE states_reporting = 0
ORDER BY action_no
