"""A sensor that starts a run when files are added to, changed in or removed from the sources."""

import hashlib
import json

import dagster as dg

from pipelines.resources import SourcesFolder


def listing(sources: SourcesFolder) -> dict[str, str]:
    """Size and modification time of every file in the sources folder, hidden files aside."""
    folder = sources.folder
    return {
        path.relative_to(folder).as_posix(): f"{path.stat().st_size}:{path.stat().st_mtime_ns}"
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not any(p.startswith(".") for p in path.relative_to(folder).parts)
    }


@dg.sensor(
    target=dg.AssetSelection.all(),
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.STOPPED,
)
def sources_folder_changed(
    context: dg.SensorEvaluationContext, sources: SourcesFolder
) -> dg.SensorResult | dg.SkipReason:
    """Runs the pipeline when the sources folder changes; the run then reads only what is new."""
    if not sources.folder.is_dir():
        return dg.SkipReason(f"the sources folder {sources.folder} does not exist")
    now = listing(sources)
    before = json.loads(context.cursor) if context.cursor else {}
    if now == before:
        return dg.SkipReason(f"no file added, changed or removed in {sources.folder}")
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
