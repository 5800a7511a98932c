"""The report in every format, as `oap run` builds it by default, timed in a process of its own.

``python -m bench.report WAREHOUSE FOLDER`` builds the report (HTML, PDF, Word) from the
warehouse into FOLDER and prints one JSON line: its seconds and the pages of the PDF.
``time_report`` starts that process and samples the memory of its whole process tree. The
pipeline passes build the HTML alone: this is what the other two formats add to a run after
which the warehouse changed.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.memory import run_sampled

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class ReportResult:
    seconds: float  # building the three formats, imports excluded
    pdf_pages: int
    peak_pss: int  # bytes, the process and its worker


def time_report(warehouse: Path, folder: Path) -> ReportResult:
    data, sampler = run_sampled([sys.executable, "-m", "bench.report", str(warehouse), str(folder)],
                                "building the report", cwd=ROOT)
    return ReportResult(peak_pss=sampler.peak_pss, **data)


def main(argv: list[str]) -> int:
    import pypdfium2 as pdfium

    from pipelines.reporting.build import FORMATS, build_report

    warehouse, folder = Path(argv[0]), Path(argv[1])
    started = time.perf_counter()
    written = build_report(warehouse, folder, formats=FORMATS)
    seconds = time.perf_counter() - started
    pdf = pdfium.PdfDocument(str(written["pdf"]))
    print(json.dumps({"seconds": seconds, "pdf_pages": len(pdf)}))
    pdf.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
