"""Benchmark the pipeline on a synthetic pile of documents and print one table.

    python -m bench.run_benchmark --documents 500 [--profile]

Every pipeline pass runs the pipeline as `oap run` does (one run per batch of documents) in a
process of its own with a fresh Dagster instance (DAGSTER_HOME in a scratch folder), the report
in HTML alone, so that their times are those of the pipeline; one more cold pass over all
documents writes the report in `oap run`'s default formats (HTML, PDF, Word), so that its
memory is what that command takes. Memory is the peak RSS (and PSS) of a pass's process and
all its children, sampled from /proc. The floors (pypdfium2, pdfplumber,
Tesseract alone) are measured in the same run on the same files. Not a test:
CI does not run it.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench import floors
from bench.passes import run_pass
from bench.profiling import print_profile
from bench.report import time_report
from bench.synthetic import Corpus, add_file, iter_kinds, link_folder
from bench.table import Measurements, print_report
from pipelines.settings import DEFAULT_REPORT_FORMATS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run_benchmark", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=500, help="documents (~10 pages each)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scanned-share", type=float, default=0.01)
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs of the text-only pass, each between two measurements of the floors")
    parser.add_argument("--profile", action="store_true",
                        help="run the cold pass under cProfile and print where time goes")
    parser.add_argument("--workdir", type=Path, help="scratch folder (default: a temporary one)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    corpus = Corpus(seed=args.seed, scanned_share=args.scanned_share)
    started = time.perf_counter()
    documents = corpus.documents(args.documents)
    added = corpus.added_document()
    prepared = time.perf_counter() - started
    text_pdfs = [d for d in documents if d.is_text_pdf]
    scanned = [d for d in documents if d.kind == "scanned"]
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="oap-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    out = print
    load = os.getloadavg()
    try:
        sources = link_folder(documents, workdir / "sources" / "all")
        text_sources = link_folder(text_pdfs, workdir / "sources" / "text")
        alone_sources = link_folder([added], workdir / "sources" / "alone")
        profile = workdir / "cold.prof" if args.profile else None

        cold = run_pass(sources, workdir / "all", profile=profile)
        rerun = run_pass(sources, workdir / "all")
        add_file(added.path, sources)
        plus_one = run_pass(sources, workdir / "all")
        report = time_report(workdir / "all" / "bench.duckdb", workdir / "report")
        every_format = run_pass(sources, workdir / "formats", formats=DEFAULT_REPORT_FORMATS)
        text_paths = [d.path for d in text_pdfs]
        alone = run_pass(alone_sources, workdir / "alone")
        # The text-only pass is repeated between measurements of the pypdfium2 floors: each
        # run is compared with the floors measured just before and after it.
        text_runs, pdfium_1, pdfium_2 = [], [], []
        for n in range(args.repeat):
            pdfium_1.append(floors.pypdfium2_text(text_paths, 1))
            pdfium_2.append(floors.pypdfium2_text(text_paths, 2))
            text_runs.append(run_pass(text_sources, workdir / f"text{n}"))
        pdfium_1.append(floors.pypdfium2_text(text_paths, 1))
        pdfium_2.append(floors.pypdfium2_text(text_paths, 2))
        # Memory against the size of the pile: the text PDFs in three batches, and one batch's
        # worth of them in a run of its own.
        batch = -(-len(text_pdfs) // 3)
        batched = run_pass(text_sources, workdir / "batched", batch_files=batch)
        one_batch = run_pass(link_folder(sorted(text_pdfs, key=lambda d: d.path.name)[:batch],
                                         workdir / "sources" / "batch"), workdir / "batch")
        m = Measurements(
            cold=cold, rerun=rerun, plus_one=plus_one, alone=alone, report=report,
            every_format=every_format,
            text_runs=tuple(text_runs),
            batched=batched, one_batch=one_batch,
            read_alone=floors.one_document(added.path),
            pdfium_1=tuple(pdfium_1),
            pdfium_2=tuple(pdfium_2),
            plumber_2=floors.pdfplumber_words(text_paths, 2),
            ocr_pipeline=floors.pipeline_reading([d.path for d in scanned]) if scanned else None,
            ocr_alone=floors.tesseract_alone([d.path for d in scanned], 2) if scanned else None,
            ocr_alone_grey=(floors.tesseract_alone([d.path for d in scanned], 2, grayscale=True)
                            if scanned else None),
        )
        kinds = ", ".join(f"{kind} {n} docs/{p} pages" for kind, n, p in iter_kinds(documents))
        print_report(out, [
            (f"\nSynthetic corpus: {len(documents)} documents, {sum(d.pages for d in documents)} "
            f"pages ({kinds})"),
            f"  cache {corpus.folder} (ready in {prepared:.1f} s)",
            (f"  machine: {os.cpu_count()} cores; load average {load[0]:.2f} at the start, "
            f"{os.getloadavg()[0]:.2f} at the end (other work on the machine slows every figure)"),
        ], m)
        if profile:
            print_profile(out, profile, cold.steps, [d.path for d in documents])
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
