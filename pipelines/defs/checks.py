"""Warehouse-wide invariants, one property per check, with counts and offending ids.

They are blocking: when one fails, the report is not built on bad data.
"""

import dagster as dg

from pipelines.resources import SourcesFolder, Warehouse
from pipelines.stages.intake import discover

_ORPHANS = (
    "SELECT count(*) FROM {table} t "
    "WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.document_id = t.document_id)"
)
_UNKNOWN_STATES = (
    "SELECT DISTINCT state_iso3 FROM {table} t WHERE state_iso3 IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM states_parties s WHERE s.iso3 = t.state_iso3)"
)


@dg.asset_check(asset="warehouse_tables", blocking=True)
def every_input_accounted_for(sources: SourcesFolder, warehouse: Warehouse) -> dg.AssetCheckResult:
    """Every file in the sources folder is in exactly one of documents and quarantine."""
    files = set(discover(sources.folder)["file_name"])
    with warehouse.connect(read_only=True) as con:
        loaded = [r[0] for r in con.execute(
            "SELECT file_name FROM documents WHERE status <> 'withdrawn'").fetchall()]
        held = [r[0] for r in con.execute("SELECT file_name FROM quarantine").fetchall()]
    recorded = loaded + held
    missing = sorted(files - set(recorded))
    twice = sorted({name for name in recorded if recorded.count(name) > 1})
    return dg.AssetCheckResult(
        passed=not missing and not twice,
        metadata={"files": len(files), "documents": len(loaded), "quarantined": len(held),
                  "missing": missing[:50], "in_both": twice[:50]},
    )


@dg.asset_check(asset="warehouse_tables", blocking=True)
def facts_have_documents(warehouse: Warehouse) -> dg.AssetCheckResult:
    """Every passage, action mention and figure belongs to a document in the warehouse."""
    with warehouse.connect(read_only=True) as con:
        orphans = {
            table: con.execute(_ORPHANS.format(table=table)).fetchone()[0]
            for table in ("passages", "action_progress", "indicator_values")
        }
    return dg.AssetCheckResult(passed=not any(orphans.values()), metadata=orphans)


@dg.asset_check(asset="warehouse_tables", blocking=True)
def state_codes_exist(warehouse: Warehouse) -> dg.AssetCheckResult:
    """Every State code on a document or fact is a State Party of the reference table."""
    with warehouse.connect(read_only=True) as con:
        unknown = sorted({
            row[0]
            for table in ("documents", "action_progress", "indicator_values")
            for row in con.execute(_UNKNOWN_STATES.format(table=table)).fetchall()
        })
    return dg.AssetCheckResult(passed=not unknown, metadata={"unknown_codes": unknown})


@dg.asset_check(asset="warehouse_tables")
def rows_rejected_by_contracts(warehouse: Warehouse) -> dg.AssetCheckResult:
    """How many rows broke their table's contract, per table (kept in rejections)."""
    with warehouse.connect(read_only=True) as con:
        counts = dict(con.execute(
            "SELECT table_name, count(*) FROM rejections GROUP BY table_name").fetchall())
    return dg.AssetCheckResult(
        passed=not counts, severity=dg.AssetCheckSeverity.WARN,
        metadata={"rejected": sum(counts.values()), **{f"rejected_{k}": v for k, v in counts.items()}},
    )


@dg.asset_check(asset="warehouse_tables")
def corrections_still_apply(warehouse: Warehouse) -> dg.AssetCheckResult:
    """Analysts' corrections that no longer match anything, to be looked at again."""
    with warehouse.connect(read_only=True) as con:
        rows = con.execute(
            "SELECT line, outcome FROM corrections WHERE NOT applied ORDER BY line").fetchall()
    return dg.AssetCheckResult(
        passed=not rows, severity=dg.AssetCheckSeverity.WARN,
        metadata={"unmatched": len(rows), "lines": [f"line {n}: {o}" for n, o in rows][:50]},
    )
