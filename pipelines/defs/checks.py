"""Warehouse-wide invariants, one property per check, with counts and offending ids.

The first three are blocking: when one fails, the report is not built on bad data. All are
evaluated in one step over one read-only connection; each keeps its own result in the UI.
"""

from collections import Counter
from collections.abc import Iterator

import dagster as dg
import duckdb

from pipelines.defs.pending import last_pending
from pipelines.resources import SourcesFolder, Warehouse
from pipelines.stages.intake import walk

_ASSET = "warehouse_tables"
_ORPHANS = (
    "SELECT count(*) FROM {table} t "
    "WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.document_id = t.document_id)"
)
_UNKNOWN_STATES = (
    "SELECT DISTINCT state_iso3 FROM {table} t WHERE state_iso3 IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM states_parties s WHERE s.iso3 = t.state_iso3)"
)
#: The check that reads what the run's plan left for the next run.
_PENDING_AWARE = "every_input_accounted_for"
_SPECS = {
    "every_input_accounted_for": (
        True, ("Every file in the sources folder is in exactly one of documents and quarantine, "
               "or pending: left for the next run when the batch was full.")),
    "facts_have_documents": (
        True, "Every passage, action mention and figure belongs to a document in the warehouse."),
    "state_codes_exist": (
        True, "Every State code on a document or fact is a State Party of the reference table."),
    "rows_rejected_by_contracts": (
        False, "How many rows broke their table's contract, per table (kept in rejections)."),
    "corrections_still_apply": (
        False, "Analysts' corrections that no longer match anything, to be looked at again."),
}


@dg.multi_asset_check(
    specs=[dg.AssetCheckSpec(name, asset=_ASSET, blocking=blocking, description=description,
                             additional_deps=["intake_plan"] if name == _PENDING_AWARE else ())
           for name, (blocking, description) in _SPECS.items()],
)
def warehouse_invariants(
    context: dg.AssetCheckExecutionContext, sources: SourcesFolder, warehouse: Warehouse
) -> Iterator[dg.AssetCheckResult]:
    """The warehouse's invariants after the run's load; files the last plan left for the next
    run (its batch was full) are accounted for as pending."""
    files = {entry.name for entry in walk(sources.folder)}  # names only: nothing is read
    left = last_pending(context.instance)
    with warehouse.connect(read_only=True) as con:
        yield every_input_accounted_for(con, files, left.files if left else frozenset())
        yield facts_have_documents(con)
        yield state_codes_exist(con)
        yield rows_rejected_by_contracts(con)
        yield corrections_still_apply(con)


def _result(name: str, passed: bool, metadata: dict) -> dg.AssetCheckResult:
    blocking, _ = _SPECS[name]
    return dg.AssetCheckResult(
        check_name=name, asset_key=_ASSET, passed=passed, metadata=metadata,
        severity=dg.AssetCheckSeverity.ERROR if blocking else dg.AssetCheckSeverity.WARN,
    )


def every_input_accounted_for(
    con: duckdb.DuckDBPyConnection, files: set[str], pending: frozenset[str] = frozenset()
) -> dg.AssetCheckResult:
    """Every file is loaded or quarantined, once, or ``pending``: left for the next run."""
    loaded = [r[0] for r in con.execute(
        "SELECT file_name FROM documents WHERE status <> 'withdrawn'").fetchall()]
    held = [r[0] for r in con.execute("SELECT file_name FROM quarantine").fetchall()]
    recorded = loaded + held
    missing = sorted(files - set(recorded) - pending)
    twice = sorted(name for name, times in Counter(recorded).items() if times > 1)
    return _result("every_input_accounted_for", not missing and not twice, {
        "files": len(files), "documents": len(loaded), "quarantined": len(held),
        "pending": len(pending & files), "missing": missing[:50], "in_both": twice[:50],
    })


def facts_have_documents(con: duckdb.DuckDBPyConnection) -> dg.AssetCheckResult:
    orphans = {
        table: con.execute(_ORPHANS.format(table=table)).fetchone()[0]
        for table in ("passages", "action_progress", "indicator_values")
    }
    return _result("facts_have_documents", not any(orphans.values()), orphans)


def state_codes_exist(con: duckdb.DuckDBPyConnection) -> dg.AssetCheckResult:
    unknown = sorted({
        row[0]
        for table in ("documents", "action_progress", "indicator_values")
        for row in con.execute(_UNKNOWN_STATES.format(table=table)).fetchall()
    })
    return _result("state_codes_exist", not unknown, {"unknown_codes": unknown})


def rows_rejected_by_contracts(con: duckdb.DuckDBPyConnection) -> dg.AssetCheckResult:
    counts = dict(con.execute(
        "SELECT table_name, count(*) FROM rejections GROUP BY table_name").fetchall())
    return _result("rows_rejected_by_contracts", not counts, {
        "rejected": sum(counts.values()), **{f"rejected_{k}": v for k, v in counts.items()},
    })


def corrections_still_apply(con: duckdb.DuckDBPyConnection) -> dg.AssetCheckResult:
    rows = con.execute(
        "SELECT line, outcome FROM corrections WHERE NOT applied ORDER BY line").fetchall()
    return _result("corrections_still_apply", not rows, {
        "unmatched": len(rows), "lines": [f"line {n}: {o}" for n, o in rows][:50],
    })
