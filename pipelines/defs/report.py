"""The mid-point stock-taking report, built from the committees' views of the warehouse."""

from pathlib import Path

import dagster as dg

from pipelines.reporting.build import build_report
from pipelines.resources import ReportsFolder, SourcesFolder, Warehouse
from pipelines.version import code_version
from warehouse.views import create_views


@dg.asset(group_name="report", kinds={"html", "pdf", "docx"}, deps=["warehouse_tables"])
def stocktaking_report(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    sources: SourcesFolder,
    reports: ReportsFolder,
) -> dg.MaterializeResult:
    """Mid-point stock-taking report of the Oslo Action Plan (HTML, PDF, Word)."""
    with warehouse.connect() as con:
        create_views(con)
    paths = build_report(
        Path(warehouse.path), reports.folder,
        run_info={"run_id": context.run_id, "code_version": code_version(),
                  "sources_dir": str(sources.folder)},
    )
    return dg.MaterializeResult(
        metadata={f"path_{fmt}": dg.MetadataValue.path(str(path)) for fmt, path in paths.items()}
    )
