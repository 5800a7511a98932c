"""Write the run's changes to the DuckDB warehouse, all in one transaction."""

import dagster as dg
import pandas as pd

from pipelines.defs.reference import REFERENCE_TABLES, checked_reference
from pipelines.resources import SourcesFolder, Warehouse
from pipelines.stages.assemble import assemble
from pipelines.stages.corrections import Correction
from pipelines.stages.plan import Plan, extraction_passages
from pipelines.version import code_version
from warehouse.load import apply_changes


@dg.asset(
    group_name="load",
    kinds={"duckdb"},
    deps=REFERENCE_TABLES,
    pool="warehouse",
)
def warehouse_tables(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    sources: SourcesFolder,
    intake_plan: Plan,
    documents: pd.DataFrame,
    passages: pd.DataFrame,
    action_progress: pd.DataFrame,
    indicator_values: pd.DataFrame,
    quarantine: pd.DataFrame,
    analyst_corrections: list[Correction],
) -> dg.MaterializeResult:
    """The warehouse tables, updated with this run's documents, facts, quarantine and corrections.

    Rows that break a table's contract go to ``rejections`` with the failed check, never lost.
    """
    run = None
    if not intake_plan.is_empty:
        run = pd.DataFrame([{
            "run_id": context.run_id,
            "started_at": pd.Timestamp.now(tz="UTC").tz_localize(None),
            "code_version": code_version(),
            "sources_dir": str(sources.folder),
            "documents": 0,
            "quarantined": len(quarantine),
        }])
    stored = warehouse.read_all("documents", "corrections")
    previous = stored["documents"]
    changes = assemble(
        intake_plan, checked_reference(context), documents, passages,
        extraction_passages(intake_plan, passages, lambda ids: warehouse.read("passages", ids)),
        action_progress, indicator_values, quarantine, analyst_corrections,
        stored["corrections"], set(previous["document_id"]), run,
    )
    if run is not None:
        kept = set(previous["document_id"]) - changes.removed - changes.extracted
        run["documents"] = len(kept) + len(changes.documents)
    with warehouse.connect() as con:
        counts = apply_changes(con, changes)
    rejected = 0 if changes.rejections is None else len(changes.rejections)
    if rejected:
        context.log.warning(f"{rejected} rows broke their table's contract: see the rejections table")
    unmatched = changes.corrections[~changes.corrections["applied"]]
    for row in unmatched.itertuples(index=False):
        context.log.warning(f"correction on line {row.line} no longer applies: {row.outcome}")
    return dg.MaterializeResult(metadata={
        **{f"changed_{k}": int(v) for k, v in counts.items()},
        "rejected_rows": rejected,
        "corrections_unmatched": len(unmatched),
        "warehouse": dg.MetadataValue.path(warehouse.path),
    })
