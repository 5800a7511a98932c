"""Read the identified files, attribute each document to its State, split it into passages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from pipelines.extraction.meeting import detect_meeting
from pipelines.extraction.passages import to_passages
from pipelines.extraction.states import AliasIndex, attribute_state
from sources import ReadResult, ReadStatus, read_document
from sources.language import detect_language

QUARANTINE_COLUMNS = ["file_name", "sha256", "reason", "stage", "detected_at"]


def document_id(sha256: str) -> str:
    return sha256[:16]


def read_files(
    manifest: pd.DataFrame,
    sources: Path,
    *,
    use_ocr: bool,
    on_read: Callable[[str, ReadResult], None] | None = None,
) -> dict[str, ReadResult]:
    """Read every file that is not a duplicate; results keyed by sha256."""
    results: dict[str, ReadResult] = {}
    for row in manifest.itertuples(index=False):
        if row.duplicate_of is None or pd.isna(row.duplicate_of):
            result = read_document(sources / row.source_path, use_ocr=use_ocr)
            results[row.sha256] = result
            if on_read:
                on_read(row.file_name, result)
    return results


def build_documents(
    manifest: pd.DataFrame,
    results: dict[str, ReadResult],
    aliases: pd.DataFrame,
    now: pd.Timestamp,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``documents`` rows of the files that were read, and ``quarantine`` rows of the rest."""
    index = AliasIndex(aliases)
    documents, quarantine = [], []
    for row in manifest.itertuples(index=False):
        if row.duplicate_of is not None and not pd.isna(row.duplicate_of):
            reason = f"{row.file_name}: same content as {row.duplicate_of}; counted once, as that file"
            quarantine.append([row.file_name, row.sha256, reason, "identify", now])
            continue
        result = results[row.sha256]
        if result.status is ReadStatus.FAILED:
            quarantine.append([row.file_name, row.sha256, "; ".join(result.errors), "read", now])
            continue
        documents.append(_document_row(row, result, index, now))
    return (
        pd.DataFrame(documents, columns=_DOCUMENT_COLUMNS),
        pd.DataFrame(quarantine, columns=QUARANTINE_COLUMNS),
    )


_DOCUMENT_COLUMNS = [
    "document_id", "file_name", "format", "sha256", "size_bytes", "state_iso3", "state_method",
    "state_confidence", "language", "pages", "ocr_pages", "status", "review_reason",
    "meeting_id", "title", "source_path", "loaded_at",
]


def _document_row(row, result: ReadResult, index: AliasIndex, now: pd.Timestamp) -> list:
    head = result.pages[0].text if result.pages else ""
    text = result.text
    state = attribute_state(row.file_name, head, text, result.furniture, index)
    reasons = [r for r in [state.review_reason, *result.errors] if r]
    if result.ocr_pages:
        reasons.append(f"{result.ocr_pages} page(s) read by OCR; check the figures")
    language = detect_language(text or "\n".join(result.furniture))
    title = next((b.text for p in result.pages for b in p.blocks if b.kind == "heading"), None)
    return [
        document_id(row.sha256), row.file_name, result.format, row.sha256, row.size_bytes,
        state.iso3, state.method, state.confidence, language, len(result.pages),
        result.ocr_pages, "needs_review" if reasons else "loaded",
        "; ".join(reasons) or None, detect_meeting(row.file_name, head),
        title[:200] if title else None, row.source_path, now,
    ]


def build_passages(documents: pd.DataFrame, results: dict[str, ReadResult]) -> pd.DataFrame:
    rows = []
    for doc in documents.itertuples(index=False):
        for passage in to_passages(results[doc.sha256].pages):
            rows.append(
                [doc.document_id, passage.passage_no, passage.page, passage.kind.value,
                 passage.heading_path, passage.text, passage.ocr]
            )
    columns = ["document_id", "passage_no", "page", "kind", "heading_path", "text", "ocr"]
    return pd.DataFrame(rows, columns=columns)
