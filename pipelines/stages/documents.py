"""Describe each document: its State, language and meeting, and whether it needs review."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from pipelines.extraction.meeting import detect_meeting
from pipelines.extraction.model import PassageKind
from pipelines.extraction.states import AliasIndex, attribute_state
from pipelines.stages.parallel import MIN_DOCUMENTS, by_document
from pipelines.stages.reading import QUARANTINE_COLUMNS
from sources.language import detect_language, load_now

_FEW_TERMS = ("its themes are read with a short list of terms, far fewer than in English, French "
              "or Spanish; check which actions it reports on")
#: Why a document in these languages needs a person's check: their themes are read in part.
PARTLY_READ_LANGUAGES = {
    "ar": f"written in Arabic: {_FEW_TERMS}",
    "ru": f"written in Russian: {_FEW_TERMS}",
    "und": ("written in an undetermined language: only explicit action numbers and figures are "
            "read, not themes; check what the document reports"),
}

DOCUMENT_COLUMNS = [
    "document_id", "file_name", "format", "sha256", "size_bytes", "state_iso3", "state_method",
    "state_confidence", "language", "pages", "ocr_pages", "status", "review_reason",
    "meeting_id", "title", "source_path", "read_notes", "read_version", "extract_version",
    "loaded_at",
]


def describe_documents(
    meta: pd.DataFrame,
    passages: pd.DataFrame,
    aliases: pd.DataFrame,
    *,
    read_version: str,
    extract_versions: dict[str, str],
    now: pd.Timestamp,
) -> pd.DataFrame:
    """``documents`` rows from reading facts (``meta``) and the documents' passages, in the
    order of ``meta``; many documents are described on every core."""
    if meta.empty:
        return pd.DataFrame(columns=DOCUMENT_COLUMNS)
    load_now()  # before the forks: the workers share the identifier
    frame = by_document(_described, meta, passages, AliasIndex(aliases),
                        min_passages=MIN_DOCUMENTS)
    frame = frame.set_index("document_id").loc[meta["document_id"]].reset_index()
    frame["read_version"] = read_version
    frame["extract_version"] = frame["document_id"].map(extract_versions)
    frame["loaded_at"] = now
    return frame[DOCUMENT_COLUMNS]


def _described(meta: pd.DataFrame, passages: pd.DataFrame, index: AliasIndex) -> pd.DataFrame:
    """Rows of ``documents`` but their versions and date, for the documents of ``meta``."""
    ordered = passages[passages["document_id"].isin(meta["document_id"])].sort_values(
        ["document_id", "passage_no"])
    grouped: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    for doc_id, kind, page, text in zip(ordered["document_id"], ordered["kind"], ordered["page"],
                                        ordered["text"], strict=True):
        grouped[doc_id].append((kind, page, text))
    rows = [_describe(doc, grouped.get(doc.document_id, []), index)
            for doc in meta.itertuples(index=False)]
    return pd.DataFrame(rows, columns=DOCUMENT_COLUMNS[:-3])


def _describe(doc, passages: list[tuple[str, int, str]], index: AliasIndex) -> list:
    """One ``documents`` row from a document's passages (kind, page, text) in reading order."""
    furniture = [text for kind, _, text in passages if kind == PassageKind.HEADER.value]
    body = [(kind, page, text) for kind, page, text in passages if kind != PassageKind.HEADER.value]
    first_page = min((page for _, page, _ in body), default=None)
    head = "\n".join(text for _, page, text in body if page == first_page)
    text = "\n".join(text for _, _, text in body)
    state = attribute_state(doc.file_name, head, text, furniture, index)
    reasons = [r for r in (state.review_reason, doc.read_notes) if r and not pd.isna(r)]
    if doc.ocr_pages:
        reasons.append(f"{doc.ocr_pages} page(s) read by OCR; check the figures")
    language = detect_language(text or "\n".join(furniture))
    if language in PARTLY_READ_LANGUAGES:
        reasons.append(PARTLY_READ_LANGUAGES[language])
    if not body:
        reasons.append("no text found in the document")
    headings = [text for kind, _, text in body if kind == PassageKind.HEADING.value]
    title = headings[0][:200] if headings else None
    return [
        doc.document_id, doc.file_name, doc.format, doc.sha256, doc.size_bytes, state.iso3,
        state.method, state.confidence, language,
        doc.pages, doc.ocr_pages, "needs_review" if reasons else "loaded",
        "; ".join(reasons) or None, detect_meeting(doc.file_name, head), title,
        doc.source_path, doc.read_notes,
    ]


def quarantine_rows(
    manifest: pd.DataFrame,
    failures: pd.DataFrame,
    previous: pd.DataFrame,
    now: pd.Timestamp,
) -> pd.DataFrame:
    """The whole quarantine after this run: duplicates, new read failures, and earlier read
    failures whose file is unchanged (kept with the date they were first found)."""
    rows = []
    for row in manifest[manifest["sha256"].isna()].itertuples(index=False):
        reason = (f"{row.file_name}: a link to a file outside the sources folder; links are not "
                  "followed: copy the file itself into the folder")
        rows.append([row.file_name, None, reason, "discover", now])
    for row in manifest[manifest["duplicate_of"].notna()].itertuples(index=False):
        reason = f"{row.file_name}: same content as {row.duplicate_of}; counted once, as that file"
        rows.append([row.file_name, row.sha256, reason, "identify", now])
    fresh = set(failures["file_name"])
    current = set(zip(manifest["file_name"], manifest["sha256"], strict=True))
    kept = [
        [row.file_name, row.sha256, row.reason, row.stage, row.detected_at]
        for row in previous.itertuples(index=False)
        if row.stage == "read" and row.file_name not in fresh
        and (row.file_name, row.sha256) in current
    ]
    # A row found again keeps the date it was first found: a run that changes nothing
    # changes no row.
    first_seen = {(r.file_name, r.reason): r.detected_at for r in previous.itertuples(index=False)}
    rows += [list(r) for r in failures.itertuples(index=False)] + kept
    merged = pd.DataFrame(rows, columns=QUARANTINE_COLUMNS)
    merged["detected_at"] = [
        first_seen.get((name, reason), found)
        for name, reason, found in zip(merged["file_name"], merged["reason"], merged["detected_at"], strict=True)
    ]
    return merged.sort_values("file_name", ignore_index=True)
