"""One pipeline pass in a process of its own, as `oap run` would do it, with its timings.

``python -m bench.passes SOURCES WORKDIR [--profile FILE]`` runs the whole asset graph on
SOURCES with the warehouse, the reports (HTML only) and the Dagster instance
(DAGSTER_HOME) in WORKDIR, and prints one JSON line: time to import and load the
definitions, time of ``run_pipeline``, the time of each step, and the pages read.
``run_pass`` starts that process and samples the memory of its whole process tree.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.memory import PeakSampler

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class PassResult:
    """What one pass measured; seconds are wall-clock."""

    run_seconds: float  # run_pipeline alone
    process_seconds: float  # the whole process: Python start, imports, run, exit
    import_seconds: float
    peak_rss: int  # bytes, the pass process and all its children (sum of RSS)
    peak_pss: int  # bytes, the same with shared pages divided among their sharers
    peak_breakdown: str  # which processes made the peak
    success: bool
    pages: int
    documents: int
    steps: dict[str, float] = field(default_factory=dict)
    plan: dict[str, int] = field(default_factory=dict)  # the intake plan's summary


def run_pass(sources: Path, workdir: Path, *, profile: Path | None = None) -> PassResult:
    """Run one pass in a child process; the warehouse and instance in ``workdir`` persist."""
    command = [sys.executable, "-m", "bench.passes", str(sources), str(workdir)]
    if profile:
        command += ["--profile", str(profile)]
    env = {**os.environ, "DAGSTER_HOME": str(workdir / "dagster_home"), "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    with PeakSampler(process.pid) as sampler:
        out, err = process.communicate()
    elapsed = time.perf_counter() - started
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if process.returncode or not lines:
        raise RuntimeError(f"benchmark pass failed ({process.returncode}):\n{err[-4000:]}")
    data = json.loads(lines[-1])
    return PassResult(process_seconds=elapsed, peak_rss=sampler.peak, peak_pss=sampler.peak_pss,
                      peak_breakdown=sampler.breakdown(), **data)


def _step_seconds(instance, run_id: str) -> dict[str, float]:
    import dagster as dg

    started: dict[str, float] = {}
    spent: dict[str, float] = {}
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        if event is None or event.step_key is None:
            continue
        if event.event_type == dg.DagsterEventType.STEP_START:
            started[event.step_key] = entry.timestamp
        elif event.event_type in (dg.DagsterEventType.STEP_SUCCESS,
                                  dg.DagsterEventType.STEP_FAILURE):
            spent[event.step_key] = entry.timestamp - started.get(event.step_key, entry.timestamp)
    return spent


def _plan(result) -> dict[str, int]:
    for materialization in result.asset_materializations_for_node("intake_plan"):
        return {key: int(value.value) for key, value in materialization.metadata.items()
                if isinstance(value.value, int | float)}
    return {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.passes")
    parser.add_argument("sources", type=Path)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args(argv)
    from pipelines.commands.run import prepare_instance

    prepare_instance()  # the instance `oap run` uses (no telemetry), under this DAGSTER_HOME

    started = time.perf_counter()
    import dagster as dg
    import duckdb

    from pipelines.runner import load_definitions, run_pipeline
    from pipelines.settings import Settings

    settings = Settings(sources=args.sources, warehouse=args.workdir / "bench.duckdb",
                        reports=args.workdir / "reports", ocr=True, report_formats="html")
    settings.export()
    load_definitions()  # as `oap run` does once; run_pipeline reuses them
    imported = time.perf_counter() - started
    instance = dg.DagsterInstance.get()
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.perf_counter()
    result = run_pipeline(settings, instance=instance, log_level="WARNING")
    seconds = time.perf_counter() - started
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        documents, pages = con.execute(
            "SELECT count(*), coalesce(sum(pages), 0) FROM documents").fetchone()
    print(json.dumps({
        "run_seconds": seconds, "import_seconds": imported, "success": result.success,
        "pages": int(pages), "documents": int(documents),
        "steps": _step_seconds(instance, result.run_id), "plan": _plan(result),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
