"""Where the time of a cold pass goes: by step, by library and by function.

The cold pass is profiled with cProfile in its own process; the reading pool's workers are
other processes, which cProfile does not see, so reading is profiled again here, in-process,
on a sample of the same documents.
"""

from __future__ import annotations

import cProfile
import pstats
from collections import defaultdict
from pathlib import Path

_TOP = 18


def _package(filename: str) -> str:
    """A short owner for a profiled function: the library, or the project's folder."""
    if "site-packages/" in filename:
        return filename.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    for folder in ("pipelines", "sources", "warehouse", "schemas", "corpus", "bench"):
        if f"/{folder}/" in filename:
            return f"{folder} (project)"
    if filename.startswith(("~", "<")):
        return "builtins"
    return "stdlib"


def _by_package(stats: pstats.Stats) -> list[tuple[str, float]]:
    totals: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        totals[_package(filename)] += tottime
    return sorted(totals.items(), key=lambda item: -item[1])


def _functions(stats: pstats.Stats, key: int) -> list[tuple[str, float, float, int]]:
    rows = []
    for (filename, line, name), (_, calls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = f"{_package(filename)}: {Path(filename).name}:{line} {name}"
        rows.append((where, tottime, cumtime, calls))
    return sorted(rows, key=lambda row: -row[key])


def _print_stats(out, stats: pstats.Stats, title: str, total: float) -> None:
    out(f"\n{title}: time by library (own time)")
    for package, seconds in _by_package(stats)[:10]:
        out(f"  {package:<40} {seconds:>8.2f} s {seconds / total:>6.0%}")
    out(f"\n{title}: functions by own time")
    for where, tottime, cumtime, calls in _functions(stats, 1)[:_TOP]:
        out(f"  {tottime:>7.2f} s own {cumtime:>7.2f} s cum {calls:>9} calls  {where[:90]}")


def print_profile(out, cold_profile: Path, steps: dict[str, float], paths: list[Path]) -> None:
    total = sum(steps.values()) or 1.0
    out("\nProfile of the cold pass: steps by share of the run")
    for step, seconds in sorted(steps.items(), key=lambda item: -item[1]):
        out(f"  {step:<40} {seconds:>8.2f} s {seconds / total:>6.0%}")
    stats = pstats.Stats(str(cold_profile))
    main_total = stats.total_tt  # type: ignore[attr-defined]
    _print_stats(out, stats, "Main process of the cold pass (reading workers not included)", main_total)
    out("\nMain process, functions by cumulative time")
    for where, _, cumtime, calls in _functions(stats, 2)[:_TOP]:
        out(f"  {cumtime:>7.2f} s cum {calls:>9} calls  {where[:100]}")

    from sources import read_document

    sample = paths[:: max(1, len(paths) // 40)]
    profiler = cProfile.Profile()
    profiler.enable()
    pages = sum(len(read_document(path).pages) for path in sample)
    profiler.disable()
    reading = pstats.Stats(profiler)
    _print_stats(out, reading, f"Reading {len(sample)} documents ({pages} pages) in one process",
                 reading.total_tt)  # type: ignore[attr-defined]
