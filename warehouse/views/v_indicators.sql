-- What does each indicator measure, in which unit, for which OAP section, and may it be summed
-- over years? 'flow' figures (per year) are summed, 'stock' figures (at a date) are not: the
-- latest year counts; 'year' is a date (the Article 5 deadline an update states).
SELECT *
FROM (VALUES
    ('area_cancelled_m2', 'Land cancelled by non-technical survey', 'm²', 'V', 'flow', 1),
    ('area_reduced_m2', 'Land reduced by technical survey', 'm²', 'V', 'flow', 2),
    ('area_cleared_m2', 'Land cleared', 'm²', 'V', 'flow', 3),
    ('area_remaining_m2', 'Mined area remaining', 'm²', 'V', 'stock', 4),
    ('ap_mines_destroyed', 'Anti-personnel mines destroyed in clearance', 'mines', 'V', 'flow', 5),
    ('article5_deadline', 'Article 5 deadline stated in the update', 'year', 'V', 'year', 6),
    ('eore_beneficiaries', 'People reached by mine risk education', 'people', 'VI', 'flow', 7),
    ('casualties', 'Mine casualties', 'people', 'VII', 'flow', 8),
    ('survivors_assisted', 'Survivors assisted', 'people', 'VII', 'flow', 9),
    ('funding_usd', 'Funding reported in US dollars', 'USD', 'VIII', 'flow', 10),
    ('funding_eur', 'Funding reported in euros', 'EUR', 'VIII', 'flow', 11),
    ('stockpiled_mines_destroyed', 'Stockpiled anti-personnel mines destroyed', 'mines', 'IV', 'flow', 12),
    ('mines_retained', 'Anti-personnel mines retained under Article 3', 'mines', 'IV', 'stock', 13)
) AS t(indicator, label, unit, section_no, measure, sort_order)
