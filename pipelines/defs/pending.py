"""What the last intake plan left for the next run, as the Dagster instance recorded it.

The report, the warehouse checks and the sensor read it there rather than take the plan as an
input, so that each of them can also be run on its own from the Dagster UI.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import dagster as dg


@dataclass(frozen=True)
class Pending:
    """Documents a run's plan left for the next run, and the files among them not read yet."""

    run_id: str
    documents: int
    files: frozenset[str]


def metadata(plan_files: frozenset[str]) -> dict[str, dg.MetadataValue]:
    """The intake plan's record of the files it leaves for the next run (none: nothing)."""
    return {"pending_files": dg.MetadataValue.json(sorted(plan_files))} if plan_files else {}


def another_batch(plans: list[dict[str, int]]) -> bool:
    """Whether the runs so far (their plans' counts, oldest first) call for one more.

    One more follows while documents are pending and the runs keep settling them. A plan
    counts as unchanged the documents settled (loaded or quarantined) before it, so two plans
    in a row tell whether the run between them settled any. Files added while a run goes on
    may leave more pending than before; the runs go on all the same. A run that settled none
    of the documents it took would be repeated to no end, so no more runs follow: `oap run`
    stops and says what is still pending, and the sensor asks for no other run.
    """
    pending = plans[-1].get("pending", 0)
    if not pending or len(plans) == 1:
        return bool(pending)
    before, now = plans[-2], plans[-1]
    return pending < before.get("pending", 0) or now.get("unchanged", 0) > before.get("unchanged", 0)


@dataclass(frozen=True)
class RecordedPlans:
    """The latest intake plans the instance recorded: their counts, oldest first
    (``Plan.summary``), and what the latest left pending."""

    counts: list[dict[str, int]]
    pending: Pending | None


def recorded_plans(instance: dg.DagsterInstance, last: int = 2) -> RecordedPlans:
    """The ``last`` intake plans the instance recorded, read in one query."""
    found = instance.fetch_materializations(dg.AssetKey("intake_plan"), limit=last).records
    plans = [(r.run_id, r.asset_materialization.metadata) for r in found if r.asset_materialization]
    return RecordedPlans(counts=[plan_numbers(metadata) for _, metadata in reversed(plans)],
                         pending=_pending(*plans[0]) if plans else None)


def plan_numbers(metadata: Mapping[str, dg.MetadataValue]) -> dict[str, int]:
    """The counts an intake plan recorded in its metadata (``Plan.summary``)."""
    return {key: int(value.value) for key, value in metadata.items()
            if isinstance(value.value, int | float)}


def last_pending(instance: dg.DagsterInstance) -> Pending | None:
    """What the latest intake plan left pending; None before any plan, or when it left none."""
    return recorded_plans(instance, last=1).pending


def _pending(run_id: str, recorded: Mapping[str, dg.MetadataValue]) -> Pending | None:
    documents = recorded.get("pending")
    if documents is None or not documents.value:
        return None
    files = recorded.get("pending_files")
    return Pending(run_id, int(documents.value), frozenset(files.value if files else ()))
