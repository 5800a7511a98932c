"""The benchmark's printed table: end-to-end figures, floors, steps and targets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from statistics import mean

from bench.floors import Speed
from bench.passes import PassResult
from bench.report import ReportResult

MB = 1024 * 1024
Out = Callable[[str], None]


@dataclass(frozen=True)
class Measurements:
    """Everything one benchmark run measured."""

    cold: PassResult  # all documents, fresh warehouse and Dagster instance
    rerun: PassResult  # the same again, nothing changed
    plus_one: PassResult  # one ten-page text PDF added
    alone: PassResult  # that document alone, fresh warehouse and instance
    report: ReportResult  # the report in all formats from the warehouse after plus_one
    every_format: PassResult  # the cold run again, the report in `oap run`'s default formats
    text_runs: tuple[PassResult, ...]  # the text PDFs only, each on a fresh warehouse and instance
    batched: PassResult  # the text PDFs in three batches (three runs)
    one_batch: PassResult  # a batch's worth of them alone
    read_alone: Speed  # read_document on the added document
    pdfium_1: tuple[Speed, ...]  # repeated, in turn with the text-only runs
    pdfium_2: tuple[Speed, ...]
    plumber_2: Speed
    ocr_pipeline: Speed | None
    ocr_alone: Speed | None  # Tesseract on the pages rendered in colour
    ocr_alone_grey: Speed | None  # the same pages in grey, as the pipeline renders them

    @property
    def text_cold(self) -> PassResult:
        """The fastest text-only run: the steps table shows it."""
        return min(self.text_runs, key=lambda result: result.run_seconds)

    def ratios(self, floors: tuple[Speed, ...], step: str | None = None) -> list[float]:
        """Floor speed over pipeline speed, for each text-only run (or one step of it).

        The floors are measured before and after each run; a run is set against the mean of
        the two, so a slow spell of the machine weighs on both sides of its ratio.
        """
        ratios = []
        for run, floor in zip(self.text_runs, self.floor_speeds(floors), strict=True):
            seconds = run.steps.get(step, 0.0) if step else run.run_seconds
            ratios.append(floor * seconds / run.pages)
        return ratios

    def floor_speeds(self, floors: tuple[Speed, ...]) -> list[float]:
        """Pages per second of the floor for each text-only run: the mean of the floors
        measured just before and just after it."""
        return [(floors[n].pages_per_second + floors[n + 1].pages_per_second) / 2
                for n in range(len(self.text_runs))]

    @property
    def text_speed(self) -> float:
        """End-to-end pages per second of the cold run on text PDFs."""
        return self.text_cold.pages / self.text_cold.run_seconds

    @property
    def reading_speed(self) -> float:
        """Pages per second of the reading step alone in that run."""
        return self.text_cold.pages / max(self.text_cold.steps.get("document_pages", 0), 1e-9)


def _row(label: str, value: str, note: str = "") -> str:
    return f"  {label:<44} {value:>14}  {note}".rstrip()


def _plan(result: PassResult) -> str:
    return f"read {result.plan.get('to_read', '?')} files, re-extract {result.plan.get('to_extract', '?')}"


def print_report(out: Out, header: list[str], m: Measurements) -> None:
    for line in header:
        out(line)
    out("\nEnd to end (as `oap run`, own process; fresh warehouse and Dagster instance; report "
        "HTML only but where said)")
    cold = m.cold
    out(_row("cold run, all documents", f"{cold.run_seconds:.1f} s",
             f"{cold.pages / cold.run_seconds:.1f} pages/s ({cold.pages} pages); "
             f"with Python start and imports {cold.process_seconds:.1f} s"))
    every = m.every_format
    out(_row("  the same, report in HTML, PDF and Word", f"{every.run_seconds:.1f} s",
             f"as `oap run` writes it by default: the report took "
             f"{every.steps.get('stocktaking_report', 0):.1f} s; peak "
             f"{every.peak_pss / MB:.0f} MB PSS ({every.peak_breakdown} at the RSS peak)"))
    runs = ", ".join(f"{r.run_seconds:.1f}" for r in m.text_runs)
    out(_row("cold run, text PDFs only", f"{m.text_cold.run_seconds:.1f} s",
             f"{m.text_speed:.1f} pages/s ({m.text_cold.pages} pages); the fastest of {runs} s"))
    out(_row("  its reading step (document_pages)", f"{m.text_cold.steps.get('document_pages', 0):.1f} s",
             f"{m.reading_speed:.1f} pages/s"))
    out(_row("re-run, nothing changed", f"{m.rerun.run_seconds:.2f} s",
             f"{_plan(m.rerun)}; with start and imports {m.rerun.process_seconds:.1f} s"))
    extra = m.plus_one.run_seconds - m.rerun.run_seconds
    out(_row("add one document (10-page text PDF)", f"{m.plus_one.run_seconds:.2f} s",
             f"{_plan(m.plus_one)}; {extra:.2f} s over the nothing-changed run"))
    out(_row("  that document alone, fresh pipeline", f"{m.alone.run_seconds:.2f} s",
             f"its read_document alone: {m.read_alone.seconds:.3f} s"))
    report = _report_seconds(m.plus_one) - _report_seconds(m.rerun)
    out(_row("  the same without the report rebuild", f"{extra - report:.2f} s",
             f"over the nothing-changed run, against {_own(m, report=False):.2f} s alone; the "
             f"report, rebuilt because the warehouse changed, took {_report_seconds(m.plus_one):.2f} s "
             f"(it lists every document, so it grows with the corpus; alone: "
             f"{_report_seconds(m.alone):.2f} s)"))
    out(_row("the report in all three formats", f"{m.report.seconds:.1f} s",
             f"HTML, PDF ({m.report.pdf_pages} pages) and Word, from the warehouse of all "
             f"documents, in a process of its own: what a changed run adds with `oap run`'s "
             f"default formats; peak {m.report.peak_pss / MB:.0f} MB PSS"))
    out(_row("peak memory, process tree, PSS", f"{cold.peak_pss / MB:.0f} MB",
             "cold run; shared pages divided among the processes sharing them"))
    out(_row("peak memory, process tree, RSS sum", f"{cold.peak_rss / MB:.0f} MB",
             f"cold; re-run {m.rerun.peak_rss / MB:.0f} MB, add one {m.plus_one.peak_rss / MB:.0f} MB, "
             f"text-only cold {m.text_cold.peak_rss / MB:.0f} MB"))
    out(_row("  at the cold RSS peak", "", cold.peak_breakdown))
    out(_row(f"peak memory, text PDFs in {m.batched.runs} batches", f"{m.batched.peak_pss / MB:.0f} MB",
             f"PSS; {m.batched.documents} documents, {m.batched.pages} pages, in "
             f"{m.batched.run_seconds:.1f} s; in one run {m.text_cold.peak_pss / MB:.0f} MB"))
    out(_row("  one batch alone", f"{m.one_batch.peak_pss / MB:.0f} MB",
             f"PSS; {m.one_batch.documents} documents, {m.one_batch.pages} pages"))

    out("\nFloors on the same text PDFs (ratio = floor speed / pipeline speed; each text-only run "
        "against the floors measured just before and after it)")
    for label, floors in (("pypdfium2 text, 1 process", m.pdfium_1),
                          ("pypdfium2 text, 2 processes", m.pdfium_2)):
        speeds = ", ".join(f"{floor.pages_per_second:.0f}" for floor in floors)
        out(_row(label, f"{mean(f.pages_per_second for f in floors):.1f} pages/s",
                 f"end to end {_ratios(m.ratios(floors))}, reading step "
                 f"{_ratios(m.ratios(floors, 'document_pages'))}; measured {speeds}"))
    out(_cpu_row(m))
    speed = m.plumber_2.pages_per_second
    out(_row("pdfplumber words, 2 processes", f"{speed:.1f} pages/s",
             f"end to end {speed / m.text_speed:.1f}x, reading step {speed / m.reading_speed:.1f}x "
             "(fastest text-only run)"))
    if m.ocr_pipeline and m.ocr_alone:
        out("\nOCR on the scanned pages")
        out(_row("pipeline reading stage (read_files)", f"{m.ocr_pipeline.pages_per_second:.2f} pages/s",
                 f"{m.ocr_pipeline.pages} pages in {m.ocr_pipeline.seconds:.1f} s"))
        out(_row("tesseract alone, 2 processes", f"{m.ocr_alone.pages_per_second:.2f} pages/s",
                 f"{m.ocr_alone.pages} pages in {m.ocr_alone.seconds:.1f} s, rendered in colour"))
        if m.ocr_alone_grey:
            share = m.ocr_pipeline.pages_per_second / m.ocr_alone_grey.pages_per_second
            out(_row("tesseract alone, grey pages", f"{m.ocr_alone_grey.pages_per_second:.2f} pages/s",
                     f"{m.ocr_alone_grey.seconds:.1f} s, as the pipeline renders them: the "
                     f"pipeline at {share:.0%} of it"))
    _print_steps(out, {"cold": cold, "text only": m.text_cold, "re-run": m.rerun,
                       "add one": m.plus_one, "alone": m.alone})
    _print_targets(out, m)


#: The processes of the two-process floor, and the cores of the machine the targets are for.
CORES = 2


def _cpu_row(m: Measurements) -> str:
    """The CPU time of each text-only run against what 8x the floor leaves on both cores: a run
    whose CPU alone exceeds it cannot reach 8x by keeping the cores busier, only by less work."""
    used = [run.cpu_seconds for run in m.text_runs]
    budgets = [8 * run.pages / floor * CORES
               for run, floor in zip(m.text_runs, m.floor_speeds(m.pdfium_2), strict=True)]
    busy = mean(run.cpu_seconds / run.run_seconds for run in m.text_runs)
    return _row("  CPU of the text-only runs", f"{mean(used):.1f} core-s",
                f"{busy:.1f} of {CORES} cores busy on average; 8x the floor leaves "
                f"{mean(budgets):.1f} core-s on {CORES} cores busy all along: the runs' CPU alone "
                f"is {_ratios([u / b for u, b in zip(used, budgets, strict=True)])} of that")


def _ratios(ratios: list[float]) -> str:
    """'12.1x' for one run, '12.1x (runs 11.8x, 12.4x)' for several."""
    if len(ratios) == 1:
        return f"{ratios[0]:.1f}x"
    return f"{mean(ratios):.1f}x (runs " + ", ".join(f"{r:.1f}x" for r in ratios) + ")"


def _report_seconds(result: PassResult) -> float:
    return result.steps.get("stocktaking_report", 0.0)


def _own(m: Measurements, *, report: bool = True) -> float:
    """What the added document costs alone: its fresh run over the fixed cost of a re-run."""
    own = m.alone.run_seconds - m.rerun.run_seconds
    if not report:
        own -= _report_seconds(m.alone) - _report_seconds(m.rerun)
    return own


def _print_steps(out: Out, passes: dict[str, PassResult]) -> None:
    out("\nSeconds per step (from each run's Dagster events)")
    names = sorted({step for result in passes.values() for step in result.steps},
                   key=lambda step: -passes["cold"].steps.get(step, 0))
    out("  " + f"{'step':<44}" + "".join(f"{label:>10}" for label in passes))
    for step in names:
        out("  " + f"{step:<44}" + "".join(f"{r.steps.get(step, 0):>10.2f}" for r in passes.values()))
    out("  " + f"{'sum of steps / whole run':<44}" + "".join(
        f"{sum(r.steps.values()):>5.1f}/{r.run_seconds:<4.1f}" for r in passes.values()))


def _print_targets(out: Out, m: Measurements) -> None:
    def line(ok: bool, text: str) -> None:
        out(f"  [{'met' if ok else 'MISSED'}] {text}")

    out("\nTargets")
    ratio = mean(m.ratios(m.pdfium_2))
    line(ratio <= 8, f"text PDFs end to end within 8x of pypdfium2 on the same 2 processes: "
                     f"{_ratios(m.ratios(m.pdfium_2))} (1 process: {_ratios(m.ratios(m.pdfium_1))}; "
                     f"reading step alone {_ratios(m.ratios(m.pdfium_2, 'document_pages'))})")
    line(m.rerun.run_seconds < 3, f"re-run with nothing changed under 3 s: {m.rerun.run_seconds:.2f} s")
    extra = m.plus_one.run_seconds - m.rerun.run_seconds
    own = _own(m)
    line(extra <= 1.5 * max(own, 0.1) + 0.5,
         f"one added document costs what it costs alone: {extra:.2f} s over the fixed "
         f"{m.rerun.run_seconds:.2f} s, against {own:.2f} s alone over the same fixed cost")
    line(max(m.cold.peak_pss, m.every_format.peak_pss, m.report.peak_pss) < 1024 * MB,
         f"peak memory under 1 GiB: {m.cold.peak_pss / MB:.0f} MB PSS for the cold run, "
         f"{m.every_format.peak_pss / MB:.0f} MB with the report in every format, "
         f"{m.report.peak_pss / MB:.0f} MB for that report alone; the RSS sum, "
         f"{m.cold.peak_rss / MB:.0f} MB, counts the memory forked workers share once more each")
    growth = m.batched.peak_pss / max(m.one_batch.peak_pss, 1) - 1
    line(growth <= 0.1,
         f"memory not growing with the pages: {m.batched.pages / max(m.one_batch.pages, 1):.1f} "
         f"times the pages in batches took {m.batched.peak_pss / MB:.0f} MB PSS, one batch alone "
         f"{m.one_batch.peak_pss / MB:.0f} MB ({growth:+.0%}); a run holds one batch "
         f"(OAP_BATCH_FILES), and all {m.batched.documents} documents in one run took "
         f"{m.text_cold.peak_pss / MB:.0f} MB")
    if m.ocr_pipeline and m.ocr_alone:
        share = m.ocr_pipeline.pages_per_second / m.ocr_alone.pages_per_second
        line(share >= 0.9, f"OCR at Tesseract's own speed on both cores: {share:.0%} of it "
             "(the pages rendered in colour)")
