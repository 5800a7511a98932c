"""The committee views: named questions on the warehouse, one SQL file each in ``views/``.

The report reads only these views, so what the Presidency reads and what an analyst queries in
the warehouse are the same numbers. Views are created in the order of ``VIEWS`` because later
views read earlier ones.
"""

from __future__ import annotations

import hashlib
import importlib.resources
from typing import Final

import duckdb

#: View name -> the question it answers, in creation order.
VIEWS: Final[dict[str, str]] = {
    "v_documents": "Updates that count (not withdrawn), with State and meeting.",
    "v_states": "States Parties with their obligations and whether they submitted an update.",
    "v_indicators": "Indicators with label, unit, OAP section and whether they are flows or stocks.",
    "v_action_applicability": "To which States each action applies (Article 5, Article 4, victims, all).",
    "v_evidence": "Every mapped passage with State, file and page, ranked for quoting.",
    "v_state_actions": "Actions each State reported on, with evidence counts and statuses.",
    "v_state_sections": "Actions of each OAP section each State reported on.",
    "v_figures": "Figures without repeats: the maximum within a meeting, flagged latest across meetings.",
    "v_figures_breakdown": "Per State, indicator and year: total and sex and age breakdown.",
    "v_coverage_matrix": "State x action: reported, silent or not applicable.",
    "v_action_summary": "Per action: States reporting, by status, and silent applicable States.",
    "v_section_summary": "Per OAP section: actions and States reported, coverage of applicable pairs.",
    "v_state_summary": "Per State Party: documents, languages, actions, figures, silent actions.",
    "v_article5_land_release": "Per Article 5 State and year: land cancelled, reduced, cleared, remaining.",
    "v_article5_deadlines": "Article 5 deadlines in force and extended, and what updates say of completion.",
    "v_risk_education": "Actions 28-32: people reached by risk education, with sex and age breakdown.",
    "v_victim_assistance": "Actions 33-41: casualties and survivors assisted, with breakdown.",
    "v_cooperation_funding": "Actions 42-47: funding by currency, year and State; requests for assistance.",
    "v_compliance": "Actions 12-17 and 48-50: stockpiles destroyed, mines retained, Article 7/9 mentions.",
    "v_universalization": "Actions 10-11: what each State reported on universalisation.",
    "v_disaggregation": "Per OAP section: States giving sex- or age-disaggregated figures.",
    "v_headline_figures": "Headline counts and totals for the executive summary.",
    "v_change_over_time": "Per State and meeting: updates, actions and figures, to compare meetings.",
    "v_publication_index": "Every update read, with State, language, sections and original file.",
    "v_quarantine": "Files that could not be loaded, and why.",
    "v_runs": "Pipeline runs that wrote the warehouse.",
}

#: Views over tables an older warehouse may lack, created only when their table exists.
OPTIONAL_VIEWS: Final[dict[str, tuple[str, str]]] = {
    "v_corrections": ("corrections", "Analysts' corrections to what the pipeline read."),
}


def view_sql(name: str) -> str:
    """The SQL text of the view ``name``."""
    folder = importlib.resources.files("warehouse").joinpath("views")
    return folder.joinpath(f"{name}.sql").read_text(encoding="utf-8")


def _table_exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND schema_name = current_schema()",
        [table],
    ).fetchone()
    return bool(found and found[0])


def view_comment(name: str) -> str:
    """The comment a view carries: what it answers, and a fingerprint of its SQL, by which a
    reader can tell whether a warehouse's view is the one this code defines."""
    description = VIEWS.get(name) or OPTIONAL_VIEWS[name][1]
    fingerprint = hashlib.sha256(view_sql(name).encode("utf-8")).hexdigest()[:12]
    return f"{description} [definition {fingerprint}]"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _create(con: duckdb.DuckDBPyConnection, name: str) -> None:
    # View names come from VIEWS, never from input; DDL cannot take them as parameters.
    con.execute(f"CREATE OR REPLACE VIEW {name} AS\n{view_sql(name)}")
    con.execute(f"COMMENT ON VIEW {name} IS {_quote(view_comment(name))}")


def create_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create or replace every committee view on ``con``; return the names created, in order.

    Idempotent: running it again replaces the views with the same definitions.
    """
    created = []
    for name in VIEWS:
        _create(con, name)
        created.append(name)
    for name, (table, _) in OPTIONAL_VIEWS.items():
        if _table_exists(con, table):
            _create(con, name)
            created.append(name)
    return created
