"""The mid-point stock-taking report, built from the committees' views of the warehouse."""

from pathlib import Path

import dagster as dg
import pandas as pd

from pipelines.reporting.build import build_report
from pipelines.resources import ReportsFolder, SourcesFolder, Warehouse
from pipelines.version import code_version
from warehouse import store
from warehouse.views import create_views


@dg.asset(
    group_name="report",
    kinds={"html", "pdf", "docx"},
    deps=["documents", "action_progress", "indicator_values", "states_parties", "meetings", "oap_sections"],
)
def stocktaking_report(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    sources: SourcesFolder,
    reports: ReportsFolder,
) -> dg.MaterializeResult:
    """Mid-point stock-taking report of the Oslo Action Plan (HTML, PDF, Word)."""
    with warehouse.connect() as con:
        create_views(con)
        counts = con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM quarantine)"
        ).fetchone()
        run = pd.DataFrame([{
            "run_id": context.run_id,
            "started_at": pd.Timestamp.now(tz="UTC").tz_localize(None),
            "code_version": code_version(),
            "sources_dir": str(sources.folder),
            "documents": counts[0],
            "quarantined": counts[1],
        }])
        con.register("run_row", run)
        con.execute("INSERT OR REPLACE INTO runs SELECT * FROM run_row")
    paths = build_report(
        Path(warehouse.path), reports.folder,
        run_info={"run_id": context.run_id, "code_version": code_version(),
                  "sources_dir": str(sources.folder)},
    )
    return dg.MaterializeResult(
        metadata={
            **{f"path_{fmt}": dg.MetadataValue.path(str(path)) for fmt, path in paths.items()},
            "documents": counts[0],
            "quarantined": counts[1],
        }
    )
