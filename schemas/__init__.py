"""pandera contracts of every table the pipeline writes to the warehouse."""

from schemas.facts import ActionProgress, IndicatorValues, Passages
from schemas.intake import Corrections, Documents, Quarantine, Rejections, Runs
from schemas.reference import (
    ActionKeywords,
    Meetings,
    OapActions,
    OapSections,
    SectionHeadings,
    StateAliases,
    StatesParties,
)
from schemas.registry import TABLES, TableContract

__all__ = [
    "TABLES",
    "ActionKeywords",
    "ActionProgress",
    "Corrections",
    "Documents",
    "IndicatorValues",
    "Meetings",
    "OapActions",
    "OapSections",
    "Passages",
    "Quarantine",
    "Rejections",
    "Runs",
    "SectionHeadings",
    "StateAliases",
    "StatesParties",
    "TableContract",
]
