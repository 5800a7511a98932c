"""One pipeline pass in a process of its own, as `oap run` would do it, with its timings.

``python -m bench.passes SOURCES WORKDIR [--profile FILE] [--batch-files N] [--formats F]``
runs the whole asset graph on SOURCES with the warehouse, the reports (HTML only unless
``--formats`` says otherwise, as `OAP_REPORT_FORMATS`) and the Dagster instance (DAGSTER_HOME)
in WORKDIR, and prints one JSON line: time to import and load the definitions, time of the
runs (one per batch, as `oap run`), the time of each step summed over them, and the pages read.
``run_pass`` starts that process and samples the memory of its whole process tree.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.memory import run_sampled
from pipelines.settings import DEFAULT_BATCH_FILES

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class PassResult:
    """What one pass measured; seconds are wall-clock."""

    run_seconds: float  # the runs alone
    process_seconds: float  # the whole process: Python start, imports, run, exit
    import_seconds: float
    peak_rss: int  # bytes, the pass process and all its children (sum of RSS)
    peak_pss: int  # bytes, the same with shared pages divided among their sharers
    peak_breakdown: str  # which processes made the peak
    success: bool
    pages: int
    documents: int
    steps: dict[str, float] = field(default_factory=dict)  # summed over the runs
    plan: dict[str, int] = field(default_factory=dict)  # the first intake plan's summary
    runs: int = 1  # one per batch of documents
    cpu_seconds: float = 0.0  # CPU time of the runs, the pass process and its workers together


def run_pass(sources: Path, workdir: Path, *, profile: Path | None = None,
             batch_files: int | None = None, formats: str | None = None) -> PassResult:
    """Run one pass in a child process; the warehouse and instance in ``workdir`` persist.

    ``batch_files``: most documents per run (default: the pipeline's); a pass over more
    takes several runs, as `oap run` does. ``formats``: of the report (default: HTML alone).
    """
    command = [sys.executable, "-m", "bench.passes", str(sources), str(workdir)]
    if profile:
        command += ["--profile", str(profile)]
    if batch_files is not None:
        command += ["--batch-files", str(batch_files)]
    if formats is not None:
        command += ["--formats", formats]
    env = {**os.environ, "DAGSTER_HOME": str(workdir / "dagster_home"), "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    data, sampler = run_sampled(command, "benchmark pass", cwd=ROOT, env=env)
    elapsed = time.perf_counter() - started
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


def _cpu_seconds() -> float:
    """CPU time so far of this process and of its children that have ended (the workers)."""
    own, children = (resource.getrusage(resource.RUSAGE_SELF),
                     resource.getrusage(resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.passes")
    parser.add_argument("sources", type=Path)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--batch-files", type=int, default=DEFAULT_BATCH_FILES)
    parser.add_argument("--formats", default="html", help="of the report, as OAP_REPORT_FORMATS")
    args = parser.parse_args(argv)
    from pipelines.instance import prepare_instance

    prepare_instance()  # the instance `oap run` uses (its dagster.yaml), under this DAGSTER_HOME

    started = time.perf_counter()
    import dagster as dg
    import duckdb

    from pipelines.runner import load_definitions, run_batches
    from pipelines.settings import Settings

    settings = Settings(sources=args.sources, warehouse=args.workdir / "bench.duckdb",
                        reports=args.workdir / "reports", ocr=True, report_formats=args.formats,
                        batch_files=args.batch_files)
    settings.export()
    load_definitions()  # as `oap run` does once; its runs reuse them
    imported = time.perf_counter() - started
    instance = dg.DagsterInstance.get()
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started, cpu = time.perf_counter(), _cpu_seconds()
    batches = run_batches(settings, instance=instance, log_level="WARNING")
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        documents, pages = con.execute(
            "SELECT count(*), coalesce(sum(pages), 0) FROM documents").fetchone()
    steps: dict[str, float] = {}
    for run_id in batches.run_ids:
        for step, spent in _step_seconds(instance, run_id).items():
            steps[step] = steps.get(step, 0.0) + spent
    print(json.dumps({
        "run_seconds": seconds, "import_seconds": imported, "success": batches.success,
        "pages": int(pages), "documents": int(documents), "steps": steps,
        "plan": batches.plans[0], "runs": len(batches.run_ids), "cpu_seconds": cpu,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
