"""Peak memory of a process and all its children, sampled from /proc while it runs (Linux).

Two sums are kept. RSS counts a page shared between processes once per process: a reading
worker forked from the pipeline counts all the pipeline's memory again although it shares it,
so the sum is an upper bound. PSS divides each shared page among its sharers: what the tree
really holds (and about what a container's memory limit counts).
"""

from __future__ import annotations

import json
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

_PROC = Path("/proc")


@dataclass(frozen=True)
class Usage:
    name: str
    rss: int  # bytes
    pss: int  # bytes


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in _PROC.iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    return children


def _usage(pid: int) -> Usage | None:
    try:
        rollup = (_PROC / str(pid) / "smaps_rollup").read_text()
        parts = (_PROC / str(pid) / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return None
    sizes = {line.split(":")[0]: int(line.split()[1]) * 1024
             for line in rollup.splitlines()[1:] if line.endswith("kB")}
    return Usage(_name([p.decode(errors="replace") for p in parts if p]),
                 sizes.get("Rss", 0), sizes.get("Pss", 0))


def _name(words: list[str]) -> str:
    if not words:
        return "?"
    if "tesseract" in words[0]:
        return "tesseract"
    command = " ".join(words)
    if "multiprocessing" in command:  # the resource tracker
        return "multiprocessing"
    return "pipeline" if "bench.passes" in command else Path(words[0]).name


def tree_usage(pid: int) -> dict[int, Usage]:
    """Memory of ``pid`` and every descendant, now."""
    children, found, stack = _children(), {}, [pid]
    while stack:
        current = stack.pop()
        usage = _usage(current)
        if usage is not None:
            if current != pid and usage.name == "pipeline":  # forked from it to read files
                usage = Usage("reading workers", usage.rss, usage.pss)
            found[current] = usage
        stack.extend(children.get(current, []))
    return found


@dataclass
class PeakSampler:
    """Samples the tree rooted at ``pid`` every ``interval`` seconds until stopped."""

    pid: int
    interval: float = 0.1
    peak: int = 0  # bytes, sum of RSS
    peak_pss: int = 0  # bytes, sum of PSS
    at_peak: dict[int, Usage] = field(default_factory=dict)  # the processes at the RSS peak

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            processes = tree_usage(self.pid)
            total = sum(u.rss for u in processes.values())
            self.peak_pss = max(self.peak_pss, sum(u.pss for u in processes.values()))
            if total > self.peak:
                self.peak, self.at_peak = total, processes
            self._stop.wait(self.interval)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def breakdown(self) -> str:
        """The processes alive at the peak, by name: 'pipeline 420 MB, tesseract 310 MB (2)'."""
        groups: dict[str, list[int]] = {}
        for usage in self.at_peak.values():
            groups.setdefault(usage.name, []).append(usage.rss)
        return ", ".join(
            f"{name} {sum(sizes) / 2**20:.0f} MB" + (f" ({len(sizes)})" if len(sizes) > 1 else "")
            for name, sizes in sorted(groups.items(), key=lambda item: -sum(item[1])))


def run_sampled(command: list[str], what: str, **popen: object) -> tuple[dict, PeakSampler]:
    """Run ``command``, sampling the memory of its process tree, and the JSON object of the
    last line of its output that holds one; raises RuntimeError naming ``what`` on failure."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               **popen)
    with PeakSampler(process.pid) as sampler:
        out, err = process.communicate()
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if process.returncode or not lines:
        raise RuntimeError(f"{what} failed ({process.returncode}):\n{err[-4000:]}")
    return json.loads(lines[-1]), sampler
