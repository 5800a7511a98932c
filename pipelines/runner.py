"""Run the whole asset graph in-process on the project's Dagster instance, and sum it up."""

from __future__ import annotations

import ctypes
import gc
from dataclasses import dataclass
from functools import lru_cache

import dagster as dg
from dagster import ExecuteInProcessResult

from pipelines.defs.pending import another_batch, plan_numbers
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


@dataclass(frozen=True)
class Batches:
    """The runs one call made, one per batch of documents: the last in full, the others by id.

    Dagster keeps every output of a run in its in-process result; holding only the last keeps
    the memory of a call to one batch's.
    """

    last: ExecuteInProcessResult
    run_ids: tuple[str, ...]
    plans: tuple[dict[str, int], ...]  # each run's intake plan (``plan_counts``)

    @property
    def success(self) -> bool:
        return self.last.success  # runs stop at the first that fails


def run_pipeline(
    settings: Settings, *, instance: dg.DagsterInstance | None = None, log_level: str = "INFO"
) -> ExecuteInProcessResult:
    """Materialise every asset and run every check, until no document is pending; the last
    run's result (``run_batches`` tells them all)."""
    return run_batches(settings, instance=instance, log_level=log_level).last


def run_batches(
    settings: Settings, *, instance: dg.DagsterInstance | None = None, log_level: str = "INFO"
) -> Batches:
    """Materialise every asset and run every check, as one recorded Dagster run per batch.

    A run reads or extracts at most ``settings.batch_files`` documents; while its plan leaves
    some pending, another run follows (unless the runs stopped settling documents:
    ``another_batch``). Runs stop at the first that fails. The console shows
    each step's INFO messages (files read, rows written, quarantine) as the run goes; the
    full DEBUG log stays in the run's record in the Dagster UI.
    """
    settings.export()
    definitions = load_definitions()
    job = definitions.resolve_implicit_global_asset_job_def()
    run_ids: list[str] = []
    plans: list[dict[str, int]] = []
    while True:
        if run_ids:
            result = None  # the last run's outputs go before the next run starts
            _give_back_memory()
        result = job.execute_in_process(
            run_config={"loggers": {"console": {"config": {"log_level": log_level}}}},
            instance=instance or dg.DagsterInstance.get(),
            raise_on_error=False,
            tags={"oap/trigger": "cli", "oap/sources": str(settings.sources),
                  "oap/batch": str(len(run_ids) + 1)},
        )
        run_ids.append(result.run_id)
        plans.append(plan_counts(result))
        if not result.success or not another_batch(plans):
            break
    return Batches(result, tuple(run_ids), tuple(plans))


def _give_back_memory() -> None:
    """Collect the last run's garbage and hand the freed heap back to the system, which glibc
    would otherwise keep: the next batch then starts from about the memory the first did."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # another C library: its own way of freeing is kept
        pass


def plan_counts(result) -> dict[str, int]:
    """What the run's intake plan said it would do (``Plan.summary``), with ``unreadable``: how
    many of the files it read could not be read (they are quarantined). Empty if no plan ran."""
    counts: dict[str, int] = {}
    unreadable = 0
    for event in result.get_asset_materialization_events():
        metadata = event.materialization.metadata
        if event.asset_key.to_user_string() == "intake_plan":
            counts = plan_numbers(metadata)
        elif event.asset_key.to_user_string() == "document_pages" and "failed" in metadata:
            unreadable = int(metadata["failed"].value)
    return {**counts, "unreadable": unreadable} if counts else {}


def summarise(settings: Settings, batches: Batches) -> str:
    """The closing summary an analyst reads after `oap run` (one run per batch)."""
    last = batches.last
    runs = f"Run {last.run_id}" if len(batches.run_ids) == 1 else (
        f"{len(batches.run_ids)} runs, one per batch of at most {settings.batch_files} "
        f"documents; the last, {last.run_id}")
    lines = ["", f"{runs}: {'succeeded' if last.success else 'FAILED'}"]
    if not last.success:
        for event in last.all_events:
            if event.is_failure and event.event_specific_data is not None:
                error = getattr(event.event_specific_data, "error", None)
                if error is not None:
                    lines.append(f"  step {event.step_key} failed: {error.message.strip()}")
    lines += _plan_summary(batches.plans) + _check_summary(last)
    if settings.warehouse.exists():
        with store.connect(settings.warehouse, read_only=True) as con:
            lines += _warehouse_summary(con)
    report = settings.reports / "stocktaking_report.html"
    if report.exists():
        lines.append(f"Report: {report}")
    lines.append(f"Warehouse: {settings.warehouse}")
    lines.append("Details of this run: `oap ui` (Dagster UI), Runs tab.")
    return "\n".join(lines)


def _plan_summary(plans: tuple[dict[str, int], ...]) -> list[str]:
    plans = tuple(plan for plan in plans if plan)
    if not plans:
        return []
    total = {key: sum(plan[key] for plan in plans)
             for key in ("to_read", "unreadable", "to_extract", "replaced", "withdrawn")}
    unreadable = total["unreadable"]
    line = (
        f"{'This run' if len(plans) == 1 else 'These runs'}: {total['to_read']} file(s) read"
        f"{f' ({unreadable} could not be: quarantined)' if unreadable else ''}, "
        f"{total['to_extract'] - unreadable} document(s) extracted, {total['replaced']} replaced "
        f"by a new version, {total['withdrawn']} withdrawn, {plans[0]['unchanged']} unchanged"
    )
    pending = plans[-1].get("pending", 0)
    if pending:
        line += f"; {pending} document(s) still pending: run `oap run` again to take them"
    return [line]


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
