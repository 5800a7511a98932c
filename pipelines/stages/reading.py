"""Read the files a run must read into passages, and say what could not be read."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import as_completed
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Final

import pandas as pd

from pipelines.extraction.model import PassageKind
from pipelines.extraction.passages import to_passages
from pipelines.processes import forked_pool
from pipelines.stages.parallel import workers
from sources import ReadResult, ReadStatus, language, ocr, read_document

#: Version of the readers; a change makes every file be read again.
READ_VERSION: Final[str] = "3"

PASSAGE_COLUMNS = ["document_id", "passage_no", "page", "kind", "heading_path", "text", "ocr"]
META_COLUMNS = [
    "document_id", "file_name", "source_path", "sha256", "size_bytes", "format", "pages",
    "ocr_pages", "read_notes",
]
QUARANTINE_COLUMNS = ["file_name", "sha256", "reason", "stage", "detected_at"]


def document_id(sha256: str) -> str:
    return sha256[:16]


@dataclass(frozen=True)
class ReadBatch:
    """What reading the files of a run gave: passages, reading facts, and failures."""

    passages: pd.DataFrame
    meta: pd.DataFrame
    failures: pd.DataFrame


def read_files(
    to_read: pd.DataFrame,
    sources: Path,
    *,
    use_ocr: bool,
    on_read: Callable[[str, ReadResult], None] | None = None,
) -> dict[str, ReadResult]:
    """Read every listed file, on all cores; results keyed by sha256, in the list's order.

    The largest files start first (scans are the largest and the slowest), so no long file is
    left running alone at the end; the workers share one Tesseract per core between them.
    Workers are forked from this process (no start-up imports) with its objects frozen, so
    they share its memory rather than copy it. A fork server or spawned workers would import
    the main module again in each worker: ~2.5 s and ~160 MB each for `oap`. ``on_read`` is
    called as each file is done.
    """
    rows = list(to_read.itertuples(index=False))
    read = partial(read_document, use_ocr=use_ocr)
    done: dict[str, ReadResult] = {}
    if workers(len(rows)) == 1:
        for row in rows:
            done[row.sha256] = read(sources / row.source_path)
            if on_read:
                on_read(row.file_name, done[row.sha256])
        return done
    largest_first = sorted(rows, key=lambda row: -row.size_bytes)
    slots = multiprocessing.get_context("fork").BoundedSemaphore(ocr.ocr_workers())
    with forked_pool(workers(len(rows)), initializer=ocr.share_slots, initargs=(slots,)) as pool:
        futures = {pool.submit(read, sources / row.source_path): row for row in largest_first}
        # The workers are forked at the first submit. While they read, this process would
        # only wait: it loads the language identifier that describing the documents needs next.
        language.load_in_background()
        for future in as_completed(futures):
            row = futures[future]
            done[row.sha256] = future.result()
            if on_read:
                on_read(row.file_name, done[row.sha256])
    return {row.sha256: done[row.sha256] for row in rows}


def read_batch(
    to_read: pd.DataFrame, results: dict[str, ReadResult], now: pd.Timestamp
) -> ReadBatch:
    """Passages and reading facts of the files read, and quarantine rows of those that failed.

    Letterheads, running headers and footers become passages of kind ``header`` on page 1,
    so the State can be attributed again later without reading the file again.
    """
    passages, meta, failures = [], [], []
    for row in to_read.itertuples(index=False):
        result = results[row.sha256]
        if result.status is ReadStatus.FAILED:
            failures.append([row.file_name, row.sha256, "; ".join(result.errors), "read", now])
            continue
        doc_id = document_id(row.sha256)
        header = [[doc_id, n + 1, 1, PassageKind.HEADER.value, "", line, False]
                  for n, line in enumerate(result.furniture)]
        body = [
            [doc_id, len(header) + p.passage_no, p.page, p.kind.value, p.heading_path, p.text, p.ocr]
            for p in to_passages(result.pages)
        ]
        passages += header + body
        meta.append([
            doc_id, row.file_name, row.source_path, row.sha256, row.size_bytes, result.format,
            len(result.pages), result.ocr_pages, "; ".join(result.errors) or None,
        ])
    return ReadBatch(
        pd.DataFrame(passages, columns=PASSAGE_COLUMNS),
        pd.DataFrame(meta, columns=META_COLUMNS),
        pd.DataFrame(failures, columns=QUARANTINE_COLUMNS),
    )
