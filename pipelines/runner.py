"""Run the whole asset graph in-process on the project's Dagster instance, and sum it up."""

from __future__ import annotations

from functools import lru_cache

import dagster as dg

from pipelines.settings import Settings
from warehouse import store


def load_definitions() -> dg.Definitions:
    """The project's definitions, bound to the settings now in the environment.

    Loading them takes ~0.5 s; a process that runs the pipeline again with the same settings
    (a benchmark, a test, an evaluation) reuses what it loaded.
    """
    return _definitions_for(Settings.from_env())


@lru_cache(maxsize=4)
def _definitions_for(settings: Settings) -> dg.Definitions:  # settings: the cache key
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
    lines += _plan_summary(result) + _check_summary(result)
    if settings.warehouse.exists():
        with store.connect(settings.warehouse, read_only=True) as con:
            lines += _warehouse_summary(con)
    report = settings.reports / "stocktaking_report.html"
    if report.exists():
        lines.append(f"Report: {report}")
    lines.append(f"Warehouse: {settings.warehouse}")
    lines.append("Details of this run: `oap ui` (Dagster UI), Runs tab.")
    return "\n".join(lines)


def _plan_summary(result) -> list[str]:
    for event in result.get_asset_materialization_events():
        if event.asset_key.to_user_string() == "intake_plan":
            plan = {k: v.value for k, v in event.materialization.metadata.items()}
            return [(
                f"This run: {plan['to_read']} file(s) read, {plan['to_extract']} document(s) "
                f"extracted, {plan['replaced']} replaced by a new version, {plan['withdrawn']} "
                f"withdrawn, {plan['unchanged']} unchanged"
            )]
    return []


def _check_summary(result) -> list[str]:
    failed = [
        event.event_specific_data
        for event in result.all_events
        if event.event_type_value == "ASSET_CHECK_EVALUATION" and not event.event_specific_data.passed
    ]
    return [
        f"Check {'FAILED' if c.severity == dg.AssetCheckSeverity.ERROR else 'warning'}: "
        f"{c.check_name}: { {k: v.value for k, v in c.metadata.items()} }"
        for c in failed
    ]


_COUNTS = {
    "documents": "SELECT count(*) FROM documents WHERE status <> 'withdrawn'",
    "withdrawn": "SELECT count(*) FROM documents WHERE status = 'withdrawn'",
    "review": "SELECT count(*) FROM documents WHERE status = 'needs_review'",
    "states": "SELECT count(DISTINCT state_iso3) FROM documents WHERE status <> 'withdrawn'",
    "mentions": "SELECT count(*) FROM action_progress",
    "actions": "SELECT count(DISTINCT action_no) FROM action_progress",
    "figures": "SELECT count(*) FROM indicator_values",
}


def _warehouse_summary(con) -> list[str]:
    n = {key: con.execute(sql).fetchone()[0] for key, sql in _COUNTS.items()}
    lines = [
        (f"Documents loaded: {n['documents']} ({n['review']} need review), "
         f"from {n['states']} States Parties; withdrawn: {n['withdrawn']}"),
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
