"""Records that flow between the extraction steps.

Plain frozen dataclasses, free of Dagster and pandas, so every step can be tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final


class PassageKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    TABLE = "table"
    HEADER = "header"  # letterhead, running header or footer: kept for attribution, not facts


class Method(StrEnum):
    EXPLICIT = "explicit"
    INFERRED = "inferred"


class ProgressStatus(StrEnum):
    """What a passage says about an action."""

    PROGRESS = "progress"
    COMPLETED = "completed"
    CHALLENGE = "challenge"
    PLAN = "plan"
    REQUEST = "request for assistance"


#: Indicator vocabulary of the warehouse, with the canonical unit of each value.
INDICATOR_UNITS: Final[dict[str, str]] = {
    "area_cleared_m2": "m2",
    "area_reduced_m2": "m2",
    "area_cancelled_m2": "m2",
    "area_remaining_m2": "m2",
    "ap_mines_destroyed": "mines",
    "stockpiled_mines_destroyed": "mines",
    "mines_retained": "mines",
    "casualties": "people",
    "survivors_assisted": "people",
    "eore_beneficiaries": "people",
    "funding_usd": "USD",
    "funding_eur": "EUR",
    "article5_deadline": "year",
}

#: Allowed values of the ``disaggregation`` of an indicator value; ``None`` means a total.
DISAGGREGATIONS: Final[tuple[str, ...]] = (
    "women",
    "men",
    "girls",
    "boys",
    "female",
    "male",
    "children",
    "adults",
)


@dataclass(frozen=True)
class Passage:
    """A unit of text on one page: a heading, a paragraph or a table."""

    passage_no: int
    page: int
    kind: PassageKind
    text: str
    heading_path: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    ocr: bool = False


@dataclass(frozen=True)
class ActionReference:
    """An explicit mention of an OAP action number in a text."""

    action_no: int
    start: int
    end: int
    evidence: str


@dataclass(frozen=True)
class IndicatorFinding:
    """One figure read from a passage, already converted to its canonical unit."""

    indicator: str
    value: float
    unit: str
    evidence: str
    year: int | None = None
    disaggregation: str | None = None
    extras: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
