"""Build the mid-point stock-taking report from the warehouse's committee views."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pandas as pd

from pipelines.reporting import charts, worker
from pipelines.reporting.content import build_content
from pipelines.reporting.context import Context
from pipelines.reporting.queries import load_views, open_warehouse

log = logging.getLogger(__name__)

FORMATS = ("html", "pdf", "docx")
STEM = "stocktaking_report"


def build_report(warehouse: Path, out_dir: Path, *, run_info: dict[str, Any] | None = None,
                 formats: Iterable[str] = FORMATS) -> dict[str, Path]:
    """Write the report in each of ``formats`` to ``out_dir``; return format -> file written.

    The warehouse is opened read-only and only its committee views are read. ``run_info`` may
    give ``sources_dir`` (the folder of the original files, to which the report links by
    relative paths; an absolute folder is made relative to ``out_dir``), ``code_version``,
    ``run_id``, ``symbol`` (document symbol) and ``generated_at`` (a timestamp; default now).
    """
    formats = tuple(formats)
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown report formats: {sorted(unknown)}")
    run_info = dict(run_info or {})
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    sources = run_info.get("sources_dir")
    if sources and Path(sources).is_absolute():
        # Links must stay relative, so the report folder can be moved together with the sources.
        run_info["sources_dir"] = os.path.relpath(Path(sources).resolve(), out_dir.resolve())
    with open_warehouse(Path(warehouse)) as con:
        views = load_views(con)
    generated = pd.Timestamp(run_info.get("generated_at") or pd.Timestamp.now(tz="UTC"))
    written: dict[str, Path] = {name: out_dir / f"{STEM}.{name}" for name in formats}
    # Charts are drawn, then the PDF set, by a worker while this process builds the text and
    # then the Word document; all is done on leaving.
    with worker.forked_worker() as submit:
        report = build_content(Context(views, generated, run_info, raster="docx" in formats,
                                       drawer=charts.drawer(submit)))
        printed = report.for_print()  # the tables that would fill pages, shorter
        pdf = None
        if "html" in formats or "pdf" in formats:
            from pipelines.reporting.html import render_html

            html = render_html(report)
            if "html" in formats:
                written["html"].write_text(html, encoding="utf-8")
            if "pdf" in formats:
                from pipelines.reporting.pdf import write_pdf

                page = html if printed is report else render_html(printed)
                pdf = submit(write_pdf, page, written["pdf"], out_dir)
        if "docx" in formats:
            from pipelines.reporting.docx_report import write_docx

            write_docx(printed, written["docx"])
        if pdf is not None:
            try:
                pdf.result()
            except BrokenProcessPool as error:
                raise RuntimeError(
                    f"{written['pdf']}: the process setting the PDF ended before it was done "
                    "(out of memory?); the other formats are written") from error
    for path in written.values():
        log.info("wrote %s", path)
    return written
