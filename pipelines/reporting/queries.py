"""Read the committee views, and nothing else, out of the warehouse."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from warehouse.views import OPTIONAL_VIEWS, VIEWS, create_views, view_comment

log = logging.getLogger(__name__)

#: Order in which the report lists the rows of each view.
ORDER_BY: dict[str, str] = {
    "v_documents": "state_name NULLS LAST, meeting_start NULLS LAST, file_name",
    "v_states": "state_name",
    "v_indicators": "sort_order",
    "v_action_applicability": "action_no",
    "v_evidence": "action_no, quote_rank",
    "v_state_actions": "state_name, action_no",
    "v_state_sections": "state_iso3, section_no",
    "v_figures": "state_name, indicator, year NULLS LAST, disaggregation NULLS FIRST, meeting_start",
    "v_figures_breakdown": "state_name, indicator, year NULLS LAST",
    "v_coverage_matrix": "state_name, action_no",
    "v_action_summary": "action_no",
    "v_section_summary": "first_action",
    "v_state_summary": "state_name",
    "v_article5_land_release": "state_name, year NULLS LAST",
    "v_article5_deadlines": "deadline_in_force NULLS LAST, state_name",
    "v_risk_education": "state_name, year NULLS LAST",
    "v_victim_assistance": "state_name, indicator NULLS LAST, year NULLS LAST",
    "v_cooperation_funding": "state_name, currency NULLS LAST, year NULLS LAST",
    "v_compliance": "state_name",
    "v_universalization": "action_no, state_name",
    "v_disaggregation": "section_no",
    "v_headline_figures": "sort_order",
    "v_change_over_time": "state_name, meeting_start NULLS LAST",
    "v_publication_index": "state_name NULLS LAST, meeting_id NULLS LAST, file_name",
    "v_quarantine": "stage, file_name",
    "v_runs": "started_at",
    "v_corrections": "line",
}


def _overlay(path: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory database with the current views over the warehouse attached read-only."""
    overlay = duckdb.connect()
    literal = "'" + str(path).replace("'", "''") + "'"  # ATTACH takes no parameters
    overlay.execute(f"ATTACH {literal} AS warehouse (READ_ONLY)")
    overlay.execute("SET search_path = 'memory.main,warehouse.main'")
    create_views(overlay)
    return overlay


def stale_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Views that are missing on ``con`` or were created from other SQL than this code's."""
    comments = dict(con.execute(
        "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
    tables = {name for (name,) in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = current_schema()").fetchall()}
    wanted = [*VIEWS, *(name for name, (table, _) in OPTIONAL_VIEWS.items() if table in tables)]
    return [name for name in wanted if comments.get(name) != view_comment(name)]


@contextmanager
def open_warehouse(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection on which every committee view exists, as this code defines it.

    The warehouse is opened read-only and its own views are used when they are this code's
    (their comments carry a fingerprint of the SQL). When they are missing or out of date, the
    same views are created in memory over the read-only file instead, so the report never reads
    a stale definition.
    """
    con = duckdb.connect(str(path), read_only=True)
    stale = stale_views(con)
    if stale:
        con.close()
        log.warning("%s: views missing or out of date (%s); using current definitions in memory",
                    path, ", ".join(stale))
        con = _overlay(path)
    try:
        yield con
    finally:
        con.close()


#: Quotations under each action in the report: its first passages by ``quote_rank``.
QUOTES_PER_ACTION = 3
#: Views the report reads in part. Every mapped passage is in v_evidence, so it grows with the
#: documents; the report quotes only an action's first passages and each State's best one per
#: action, and counts the rest (``EVIDENCE_COUNTS``). Its memory then stays that of a summary.
ROWS_QUOTED: dict[str, str] = {
    "v_evidence": f"quote_rank <= {QUOTES_PER_ACTION} OR state_rank = 1",
}
#: What the report says of all the passages: how many, how many name their action, how many an
#: analyst reviewed. Loaded as the one-row frame ``evidence_counts``.
EVIDENCE_COUNTS = (
    "SELECT count(*) AS passages, count(*) FILTER (WHERE method = 'explicit') AS explicit, "
    "count(reviewed_by) AS reviewed FROM v_evidence"
)

#: Views that many others are built on, each after those it reads.
SHARED_VIEWS: tuple[str, ...] = (
    "v_documents", "v_states", "v_evidence", "v_figures", "v_figures_breakdown",
)


def _share(con: duckdb.DuckDBPyConnection) -> None:
    """Read each shared view once into a temporary table of this connection.

    DuckDB looks a name up among temporary tables first, so the views stacked on a shared
    view read its rows from the table instead of computing them again, each: the same rows,
    and the views load in less than half the time. The tables go with the connection. Each
    is filled from the view its name finds before the table exists: the one the report would
    read (in an overlay, the current view, not the stale one of the file).
    """
    for name in SHARED_VIEWS:
        con.execute(f"CREATE TEMP TABLE {name} AS SELECT * FROM {name}")


def load_views(con: duckdb.DuckDBPyConnection, *, share: bool = True) -> dict[str, pd.DataFrame]:
    """Every committee view as a DataFrame, in report order; optional views when present.

    The views in ``ROWS_QUOTED`` hold only the rows the report quotes; ``evidence_counts``
    counts all of v_evidence.

    ``share``: the views others are built on are computed once (``_share``); the connection
    then holds them as temporary tables, so it is meant for this reading alone.
    """
    present = {name for (name,) in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    if share:
        _share(con)
    frames = {}
    for name in VIEWS:
        order = ORDER_BY.get(name)
        sql = (f"SELECT * FROM {name}" + (f" WHERE {ROWS_QUOTED[name]}" if name in ROWS_QUOTED
                                          else "") + (f" ORDER BY {order}" if order else ""))
        frames[name] = con.execute(sql).df()
    frames["evidence_counts"] = con.execute(EVIDENCE_COUNTS).df()
    for name in OPTIONAL_VIEWS:
        if name in present:
            frames[name] = con.execute(f"SELECT * FROM {name} ORDER BY {ORDER_BY[name]}").df()
    return frames
