"""The mid-point stock-taking report, built from the committees' views of the warehouse."""

import hashlib
from collections.abc import Iterator
from pathlib import Path

import dagster as dg

from pipelines.defs.pending import last_pending
from pipelines.reporting.build import build_report
from pipelines.reporting.format import plural
from pipelines.reporting.queries import stale_views
from pipelines.resources import ReportsFolder, SourcesFolder, Warehouse
from pipelines.version import code_version
from warehouse.views import create_views

#: What the report shows changes only when one of these does.
_STATE_SQL = (
    "SELECT (SELECT string_agg(document_id || status || extract_version || file_name, ',' "
    "ORDER BY document_id) FROM documents), (SELECT string_agg(file_name || reason, ',' "
    "ORDER BY file_name) FROM quarantine), (SELECT string_agg(correction_id || applied, ',' "
    "ORDER BY correction_id) FROM corrections), (SELECT count(*) FROM states_parties), "
    "(SELECT string_agg(action_no || coalesce(text, ''), ',') FROM oap_actions)"
)
_MARKER = ".report-state"


@dg.asset(group_name="report", kinds={"html", "pdf", "docx"},
          deps=["warehouse_tables", "intake_plan"], output_required=False)
def stocktaking_report(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    sources: SourcesFolder,
    reports: ReportsFolder,
) -> Iterator[dg.MaterializeResult]:
    """Mid-point stock-taking report of the Oslo Action Plan (HTML, PDF, Word).

    Built again only when the warehouse, the code or the formats asked for changed, and not
    while documents wait for the next run: the run that takes the last batch builds it.
    """
    left = last_pending(context.instance)
    if left is not None:
        context.log.info(f"report not built: {plural(left.documents, 'document')} left for the "
                         "next run; the run that takes the last of them builds it")
        return
    with warehouse.connect(read_only=True) as con:
        stale = stale_views(con)
        state = repr(con.execute(_STATE_SQL).fetchone())
    if stale:
        with warehouse.connect() as con:
            create_views(con)
    fingerprint = hashlib.sha256(
        f"{state}|{code_version()}|{reports.format_list}".encode()
    ).hexdigest()
    folder = reports.folder
    names = {fmt: folder / f"stocktaking_report.{fmt}" for fmt in reports.format_list}
    marker = folder / _MARKER
    if marker.exists() and marker.read_text() == fingerprint and all(p.exists() for p in names.values()):
        context.log.info("the warehouse has not changed since the report was built: kept as is")
        paths = names
    else:
        paths = build_report(
            Path(warehouse.path), folder, formats=reports.format_list,
            run_info={"run_id": context.run_id, "code_version": code_version(),
                      "sources_dir": str(sources.folder)},
        )
        marker.write_text(fingerprint)
    yield dg.MaterializeResult(
        metadata={f"path_{fmt}": dg.MetadataValue.path(str(path)) for fmt, path in paths.items()}
    )
