"""A sensor that starts a run when files are added to, changed in or removed from the sources,
and another after a run that left documents for the next one (its batch was full)."""

import hashlib
import json

import dagster as dg

from pipelines.defs.pending import Pending, another_batch, recorded_plans
from pipelines.resources import SourcesFolder
from pipelines.stages.intake import walk


def listing(sources: SourcesFolder) -> dict[str, str]:
    """Size and modification time of every file in the sources folder, hidden files aside."""
    return {entry.name: f"{entry.stat.st_size}:{entry.stat.st_mtime_ns}"
            for entry in walk(sources.folder)}


@dg.sensor(
    target=dg.AssetSelection.all(),
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.STOPPED,
)
def sources_folder_changed(
    context: dg.SensorEvaluationContext, sources: SourcesFolder
) -> dg.SensorResult | dg.SkipReason:
    """Runs the pipeline when the sources folder changes; the run then reads only what is new.

    When the folder has not changed but the last run ended well with documents pending (a
    run takes at most a batch of them), the next run is asked for: once per such run, and no
    more once a run settled none of the documents it took (``another_batch``).
    """
    if not sources.folder.is_dir():
        return dg.SkipReason(f"the sources folder {sources.folder} does not exist")
    now = listing(sources)
    before = json.loads(context.cursor) if context.cursor else {}
    if now == before:
        plans = recorded_plans(context.instance)
        left = _pending_after_last_run(context.instance, plans.pending)
        if left is None:
            return dg.SkipReason(f"no file added, changed or removed in {sources.folder}")
        if not another_batch(plans.counts):
            return dg.SkipReason(
                f"the runs stopped settling documents: {left.documents} still pending after "
                f"run {left.run_id}; look at the last runs before starting another")
        return dg.SensorResult(run_requests=[dg.RunRequest(
            run_key=f"pending-after-{left.run_id}",
            tags={"oap/trigger": "sensor", "oap/pending": str(left.documents)},
        )])
    added = sorted(set(now) - set(before))
    removed = sorted(set(before) - set(now))
    changed = sorted(n for n in set(now) & set(before) if now[n] != before[n])
    key = hashlib.sha256(json.dumps(now, sort_keys=True).encode()).hexdigest()[:16]
    return dg.SensorResult(
        run_requests=[dg.RunRequest(
            run_key=key,
            tags={"oap/trigger": "sensor", "oap/added": str(len(added)),
                  "oap/changed": str(len(changed)), "oap/removed": str(len(removed))},
        )],
        cursor=json.dumps(now, sort_keys=True),
    )


def _pending_after_last_run(instance: dg.DagsterInstance, left: Pending | None) -> Pending | None:
    """What the last intake plan left pending, when it left some and its run succeeded."""
    if left is None:
        return None
    run = instance.get_run_by_id(left.run_id)
    if run is None or run.status != dg.DagsterRunStatus.SUCCESS:
        return None  # under way (it may still take them), or failed: an analyst looks first
    return left
