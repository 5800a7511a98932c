"""Warehouse-wide invariants, one property per check, with counts and offending ids."""

import dagster as dg

from pipelines.resources import SourcesFolder, Warehouse
from pipelines.stages.intake import discover


@dg.asset_check(asset="documents", blocking=True)
def every_input_accounted_for(
    sources: SourcesFolder, warehouse: Warehouse
) -> dg.AssetCheckResult:
    """Every file in the sources folder is in exactly one of documents and quarantine."""
    files = set(discover(sources.folder)["file_name"])
    with warehouse.connect(read_only=True) as con:
        loaded = [r[0] for r in con.execute("SELECT file_name FROM documents").fetchall()]
        held = [r[0] for r in con.execute("SELECT file_name FROM quarantine").fetchall()]
    recorded = loaded + held
    missing = sorted(files - set(recorded))
    twice = sorted({name for name in recorded if recorded.count(name) > 1})
    return dg.AssetCheckResult(
        passed=not missing and not twice,
        metadata={"files": len(files), "documents": len(loaded), "quarantined": len(held),
                  "missing": missing[:50], "in_both": twice[:50]},
    )


def _orphans(table: str) -> dg.AssetCheckResult:
    with_docs = f"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.document_id = t.document_id)"
    unknown_state = f"SELECT count(*) FROM {table} t WHERE t.state_iso3 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM states_parties s WHERE s.iso3 = t.state_iso3)"
    return with_docs, unknown_state


def _fact_check(warehouse: Warehouse, table: str) -> dg.AssetCheckResult:
    orphan_sql, state_sql = _orphans(table)
    with warehouse.connect(read_only=True) as con:
        orphans = con.execute(orphan_sql).fetchone()[0]
        unknown = con.execute(state_sql).fetchone()[0]
        rejected = con.execute(
            "SELECT count(*) FROM rejections WHERE table_name = ?", [table]
        ).fetchone()[0]
    return dg.AssetCheckResult(
        passed=orphans == 0 and unknown == 0,
        metadata={"rows_without_document": orphans, "unknown_state_codes": unknown,
                  "rows_rejected_by_contract": rejected},
    )


@dg.asset_check(asset="action_progress", blocking=True)
def action_facts_are_traceable(warehouse: Warehouse) -> dg.AssetCheckResult:
    """Every action mention belongs to a loaded document and a known State Party."""
    return _fact_check(warehouse, "action_progress")


@dg.asset_check(asset="indicator_values", blocking=True)
def indicator_facts_are_traceable(warehouse: Warehouse) -> dg.AssetCheckResult:
    """Every figure belongs to a loaded document and a known State Party."""
    return _fact_check(warehouse, "indicator_values")
