"""The warehouse tables, each bound to its contract and natural key: one list the DDL,
the loaders, the data dictionary and the checks all read."""

import functools
from dataclasses import dataclass

import pandera.pandas as pa

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


@dataclass(frozen=True)
class TableContract:
    name: str
    model: type[pa.DataFrameModel]
    key: tuple[str, ...]
    group: str

    @functools.cached_property
    def columns(self) -> list[str]:
        return list(self.model.to_schema().columns)


TABLES: tuple[TableContract, ...] = (
    TableContract("oap_sections", OapSections, ("section_no",), "reference"),
    TableContract("oap_actions", OapActions, ("action_no",), "reference"),
    TableContract("action_keywords", ActionKeywords, ("action_no", "language", "term"), "reference"),
    TableContract("section_headings", SectionHeadings, ("section_no", "language", "term"), "reference"),
    TableContract("states_parties", StatesParties, ("iso3",), "reference"),
    TableContract("state_aliases", StateAliases, ("iso3", "alias", "language"), "reference"),
    TableContract("meetings", Meetings, ("meeting_id",), "reference"),
    TableContract("documents", Documents, ("document_id",), "intake"),
    TableContract("quarantine", Quarantine, ("file_name",), "intake"),
    TableContract("passages", Passages, ("document_id", "passage_no"), "facts"),
    TableContract("action_progress", ActionProgress, ("document_id", "passage_no", "action_no"), "facts"),
    TableContract("indicator_values", IndicatorValues, ("fact_id",), "facts"),
    TableContract("rejections", Rejections, ("table_name", "row_key", "check_name"), "intake"),
    TableContract("runs", Runs, ("run_id",), "intake"),
    TableContract("corrections", Corrections, ("correction_id",), "intake"),
)


def contract(name: str) -> TableContract:
    """The contract of the table called ``name``."""
    for table in TABLES:
        if table.name == name:
            return table
    raise KeyError(f"no table contract named {name!r}")
