"""What the last intake plan left for the next run, as the Dagster instance recorded it.

The report, the warehouse checks and the sensor read it there rather than take the plan as an
input, so that each of them can also be run on its own from the Dagster UI.
"""

from __future__ import annotations

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


def last_pending(instance: dg.DagsterInstance) -> Pending | None:
    """What the latest intake plan left pending; None before any plan, or when it left none."""
    event = instance.get_latest_materialization_event(dg.AssetKey("intake_plan"))
    if event is None or event.asset_materialization is None:
        return None
    recorded = event.asset_materialization.metadata
    documents = recorded.get("pending")
    if documents is None or not documents.value:
        return None
    files = recorded.get("pending_files")
    return Pending(event.run_id, int(documents.value), frozenset(files.value if files else ()))
