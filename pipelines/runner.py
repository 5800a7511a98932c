"""Run the whole asset graph in-process on the project's Dagster instance, and sum it up."""

from __future__ import annotations

import dagster as dg

from pipelines.settings import Settings
from warehouse import store


def load_definitions() -> dg.Definitions:
    from pipelines.definitions import defs

    return defs() if callable(defs) else defs


def run_pipeline(
    settings: Settings, *, instance: dg.DagsterInstance | None = None, log_level: str = "INFO"
):
    """Materialise every asset and run every check, as one recorded Dagster run.

    The console shows each step's INFO messages (files read, rows written, quarantine) as the
    run goes; the full DEBUG log stays in the run's record in the Dagster UI.
    """
    settings.export()
    definitions = load_definitions()
    job = definitions.resolve_implicit_global_asset_job_def()
    return job.execute_in_process(
        run_config={"loggers": {"console": {"config": {"log_level": log_level}}}},
        instance=instance or dg.DagsterInstance.get(),
        raise_on_error=False,
        tags={"oap/trigger": "cli", "oap/sources": str(settings.sources)},
    )


def summarise(settings: Settings, result) -> str:
    """The closing summary an analyst reads after `oap run`."""
    lines = ["", f"Run {result.run_id}: {'succeeded' if result.success else 'FAILED'}"]
    if not result.success:
        for event in result.all_events:
            if event.is_failure and event.event_specific_data is not None:
                error = getattr(event.event_specific_data, "error", None)
                if error is not None:
                    lines.append(f"  step {event.step_key} failed: {error.message.strip()}")
    if settings.warehouse.exists():
        with store.connect(settings.warehouse, read_only=True) as con:
            lines += _warehouse_summary(con)
    report = settings.reports / "stocktaking_report.html"
    if report.exists():
        lines.append(f"Report: {report}")
    lines.append(f"Warehouse: {settings.warehouse}")
    lines.append("Details of this run: `make ui` (Dagster UI), Runs tab.")
    return "\n".join(lines)


_COUNTS = {
    "documents": "SELECT count(*) FROM documents",
    "review": "SELECT count(*) FROM documents WHERE status = 'needs_review'",
    "states": "SELECT count(DISTINCT state_iso3) FROM documents",
    "mentions": "SELECT count(*) FROM action_progress",
    "actions": "SELECT count(DISTINCT action_no) FROM action_progress",
    "figures": "SELECT count(*) FROM indicator_values",
}


def _warehouse_summary(con) -> list[str]:
    n = {key: con.execute(sql).fetchone()[0] for key, sql in _COUNTS.items()}
    lines = [
        f"Documents loaded: {n['documents']} ({n['review']} need review), "
        f"from {n['states']} States Parties",
        f"Action mentions: {n['mentions']} ({n['actions']} of 50 actions); figures: {n['figures']}",
    ]
    quarantine = con.execute("SELECT file_name, reason FROM quarantine ORDER BY file_name").fetchall()
    lines.append(f"Quarantined: {len(quarantine)}")
    lines += [f"  - {reason}" for _, reason in quarantine]
    review = con.execute(
        "SELECT file_name, review_reason FROM documents WHERE status = 'needs_review' "
        "ORDER BY file_name"
    ).fetchall()
    lines += [f"  review {name}: {reason}" for name, reason in review]
    return lines
