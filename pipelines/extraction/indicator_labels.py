"""What a table's row label or column header says about the cells beside it.

"Area cleared in 2021 (ha)" names an indicator, a year and a unit; "Women" a
disaggregation; "Total" or "Total general" a total; "Number of sessions" a count that is no
indicator at all. Labels are read in every language of the vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from pipelines.extraction.indicator_vocabulary import (
    ANTI_VEHICLE,
    AREA_KEYWORDS,
    ASSISTANCE_WORDS,
    DISAGGREGATION_WORDS,
    MINE_CONTEXT,
    PEOPLE_KEYWORDS,
)
from pipelines.extraction.keyword_tables import KeywordTable
from pipelines.extraction.numbers import area_unit_in
from pipelines.extraction.vocabulary import (
    NON_FIGURE_LABELS,
    SUBTOTAL_LABEL,
    TOTAL_LABEL,
    alternation,
    fold_keep_offsets,
)

#: A label about money whose currency is written elsewhere (the cell, another label).
FUNDING: Final[str] = "funding"
PEOPLE_INDICATORS: Final = frozenset({"casualties", "survivors_assisted", "eore_beneficiaries"})
YEAR: Final = re.compile(r"(?<![\d.,])(19[5-9]\d|20[0-5]\d)(?![\d])")
_AREA_WORDS: Final = KeywordTable(AREA_KEYWORDS)
_PEOPLE_WORDS: Final = KeywordTable(PEOPLE_KEYWORDS)
_MINE_WORDS: Final = KeywordTable(MINE_CONTEXT)
_ASSISTANCE: Final = re.compile(alternation(ASSISTANCE_WORDS))
_MINE_LABEL: Final = re.compile(r"\b(?:(?:land ?)?mines?|minas?|apms?|map)\b")
_ANTI_VEHICLE: Final = re.compile(ANTI_VEHICLE)
_USD: Final = re.compile(r"us ?\$|\busd\b|\$ ?us|\bdollars?\b|\bdolares\b|(?<![a-z])\$")
_EUR: Final = re.compile(r"€|\beur\b|\beuros?\b")
_FUNDING_WORDS: Final = re.compile(alternation((
    r"fund\w*", r"financ\w*", r"contribution\w*", r"contribucion\w*", r"budget\w*",
    r"presupuesto\w*", r"amount\w*", r"montant\w*", r"monto\w*", r"fondos", r"aporte\w*",
    r"donation\w*", r"donacion\w*", r"grants?", r"subvention\w*",
)))
_YEAR_SPAN: Final = re.compile(r"(?:19|20)\d\d\s*[-–/]\s*(?:19|20)?\d\d")
_PARENTHESES: Final = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_DISAGGREGATIONS: Final = tuple(
    (key, re.compile(rf"\b(?:{pattern})\b")) for key, pattern in DISAGGREGATION_WORDS
)


@dataclass(frozen=True)
class Label:
    """What a row label or column header says about the cells under or beside it."""

    indicator: str | None = None
    year: int | None = None
    disaggregation: str | None = None
    area_factor: float | None = None
    currency: str | None = None
    total: bool = False
    subtotal: bool = False
    non_figure: bool = False


def currency_in(folded: str) -> str | None:
    """``usd`` or ``eur`` when folded text names that currency."""
    return "usd" if _USD.search(folded) else "eur" if _EUR.search(folded) else None


def _indicator(label: str, context: str) -> str | None:
    """The indicator a folded label names; ``context`` decides mine and assistance cases."""
    if currency_in(label) or _FUNDING_WORDS.search(label):
        return FUNDING
    people = {k for k, p in _PEOPLE_WORDS.items() if p.search(label)}
    if "eore_beneficiaries" in people:
        return "eore_beneficiaries"
    if "casualties" in people:  # "Casualties", "Mine victims", "Victims assisted"
        return "survivors_assisted" if _ASSISTANCE.search(label) else "casualties"
    if people:  # "Survivors": assisted ones when the label or the table says so
        assisted = _ASSISTANCE.search(label) or _ASSISTANCE.search(context)
        return "survivors_assisted" if assisted else None
    if _MINE_LABEL.search(label):
        if _ANTI_VEHICLE.search(label):
            return None
        seen = {k for k, p in _MINE_WORDS.items() if p.search(label) or p.search(context)}
        if "retained" in seen:
            return "mines_retained"
        if "stockpile" in seen:
            return "stockpiled_mines_destroyed" if "destroyed" in seen else None
        return "ap_mines_destroyed" if "destroyed" in seen else None
    areas = sorted((m.start(), k) for k, p in _AREA_WORDS.items() if (m := p.search(label)))
    if not areas:
        return None
    if any(k == "area_remaining_m2" for _, k in areas):
        return "area_remaining_m2"
    return areas[0][1]


def read_label(raw: str, context: str) -> Label:
    """What a label says; ``context`` is the folded caption and header of its table."""
    label = fold_keep_offsets(raw).strip()
    if not label:
        return Label()
    years = YEAR.findall(label)
    bare = YEAR.sub(" ", _PARENTHESES.sub(" ", label)).strip()
    return Label(
        indicator=_indicator(label, context),
        year=int(years[0]) if len(years) == 1 and not _YEAR_SPAN.search(label) else None,
        disaggregation=next((k for k, p in _DISAGGREGATIONS if p.search(label)), None),
        area_factor=area_unit_in(label),
        currency=currency_in(label),
        total=bool(TOTAL_LABEL.match(bare)),
        subtotal=bool(SUBTOTAL_LABEL.search(label)),
        non_figure=bool(NON_FIGURE_LABELS.search(label)),
    )
