"""Read the files a run must read into passages, and say what could not be read."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Final

import pandas as pd

from pipelines.extraction.model import PassageKind
from pipelines.extraction.passages import to_passages
from sources import ReadResult, ReadStatus, read_document

#: Version of the readers; a change makes every file be read again.
READ_VERSION: Final[str] = "1"

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


def workers(n_files: int) -> int:
    """Processes to read with: one per core, none when there is a single file."""
    return max(1, min(os.cpu_count() or 1, n_files))


def read_files(
    to_read: pd.DataFrame,
    sources: Path,
    *,
    use_ocr: bool,
    on_read: Callable[[str, ReadResult], None] | None = None,
) -> dict[str, ReadResult]:
    """Read every listed file, on all cores; results keyed by sha256, in the list's order."""
    paths = [sources / name for name in to_read["source_path"]]
    read = partial(read_document, use_ocr=use_ocr)
    if workers(len(paths)) == 1:
        outcomes = map(read, paths)
    else:
        pool = ProcessPoolExecutor(max_workers=workers(len(paths)))
        outcomes = pool.map(read, paths, chunksize=4)
    results: dict[str, ReadResult] = {}
    try:
        for row, result in zip(to_read.itertuples(index=False), outcomes, strict=True):
            results[row.sha256] = result
            if on_read:
                on_read(row.file_name, result)
    finally:
        if workers(len(paths)) > 1:
            pool.shutdown()
    return results


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
