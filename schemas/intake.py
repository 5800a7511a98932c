"""Contracts of the tables that account for input files and runs."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.vocab import DOCUMENT_STATUSES, FORMATS, LANGUAGES, QUARANTINE_STAGES


class Documents(pa.DataFrameModel):
    """One row per distinct input file that could be read (identified by the hash of its bytes)."""

    document_id: Series[str] = pa.Field(unique=True, str_length=16, description="First 16 hex digits of sha256; the document's key.")
    file_name: Series[str] = pa.Field(description="File name as found in the sources folder.")
    format: Series[str] = pa.Field(isin=FORMATS, description="Format detected from the bytes: pdf or docx.")
    sha256: Series[str] = pa.Field(unique=True, str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the file's bytes.")
    size_bytes: Series[int] = pa.Field(ge=0, description="File size in bytes.")
    state_iso3: Series[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$", description="ISO 3166 alpha-3 code of the submitting State Party; null when not identifiable.")
    state_method: Series[str] = pa.Field(nullable=True, description="How the State was found: file_name, letterhead, statement, signature, mentions or analyst.")
    state_confidence: Series[float] = pa.Field(ge=0, le=1, description="Confidence of the State attribution, 0 to 1.")
    language: Series[str] = pa.Field(isin=LANGUAGES, description="Main language of the text (ISO 639-1), 'und' when undetermined.")
    pages: Series[int] = pa.Field(ge=0, description="Number of pages (Word: sections between hard page breaks).")
    ocr_pages: Series[int] = pa.Field(ge=0, description="Pages read by OCR because they had no text layer.")
    status: Series[str] = pa.Field(isin=DOCUMENT_STATUSES, description="loaded, needs_review (read, but something needs an analyst) or withdrawn (file no longer in the sources).")
    review_reason: Series[str] = pa.Field(nullable=True, description="Why the document needs review, in words.")
    meeting_id: Series[str] = pa.Field(nullable=True, description="Meeting the update was written for, when the text says (IM2021, IM2022, ...).")
    title: Series[str] = pa.Field(nullable=True, description="First title or heading of the document.")
    source_path: Series[str] = pa.Field(description="Path of the original file, relative to the sources folder.")
    read_notes: Series[str] = pa.Field(nullable=True, description="What the reader could not do (pages without text, OCR missing).")
    read_version: Series[str] = pa.Field(description="Version of the readers that read the file.")
    extract_version: Series[str] = pa.Field(description="Version of the extraction rules, reference terms and corrections applied.")
    loaded_at: Series[pd.Timestamp] = pa.Field(description="When the document's rows were written (UTC).")

    class Config:
        strict = True
        coerce = True


class Quarantine(pa.DataFrameModel):
    """Input files that were not loaded, each with the reason a person can act on."""

    file_name: Series[str] = pa.Field(unique=True, description="File name in the sources folder.")
    sha256: Series[str] = pa.Field(nullable=True, description="SHA-256 of the bytes, when the file could be read at all.")
    reason: Series[str] = pa.Field(str_length={"min_value": 1}, description="Why the file was not loaded, naming the file.")
    stage: Series[str] = pa.Field(isin=QUARANTINE_STAGES, description="Pipeline stage that stopped the file.")
    detected_at: Series[pd.Timestamp] = pa.Field(description="When the problem was found (UTC).")

    class Config:
        strict = True
        coerce = True


class Rejections(pa.DataFrameModel):
    """Rows that failed a contract: kept here with the failing check instead of being dropped."""

    table_name: Series[str] = pa.Field(description="Table the row was meant for.")
    document_id: Series[str] = pa.Field(nullable=True, description="Document the row came from, if any.")
    row_key: Series[str] = pa.Field(description="Natural key of the rejected row.")
    column_name: Series[str] = pa.Field(nullable=True, description="Column whose check failed (null for a table-wide check).")
    check_name: Series[str] = pa.Field(description="The check that failed.")
    failure_value: Series[str] = pa.Field(nullable=True, description="The offending value, as text.")
    detected_at: Series[pd.Timestamp] = pa.Field(description="When the row was rejected (UTC).")

    class Config:
        strict = True
        coerce = True


class Runs(pa.DataFrameModel):
    """One row per pipeline run that wrote the warehouse, for the reproducibility annex."""

    run_id: Series[str] = pa.Field(unique=True, description="Dagster run id.")
    started_at: Series[pd.Timestamp] = pa.Field(description="Start of the run (UTC).")
    code_version: Series[str] = pa.Field(description="Version of the pipeline code (package version and git commit).")
    sources_dir: Series[str] = pa.Field(description="Folder the documents were read from.")
    documents: Series[int] = pa.Field(ge=0, description="Documents in the warehouse after the run.")
    quarantined: Series[int] = pa.Field(ge=0, description="Files in quarantine after the run.")

    class Config:
        strict = True
        coerce = True


class Corrections(pa.DataFrameModel):
    """Analysts' corrections, as written in the corrections file, and what each one did."""

    correction_id: Series[str] = pa.Field(unique=True, description="Hash of the correction's content: stays the same while the line is unchanged.")
    line: Series[int] = pa.Field(ge=2, description="Line of the correction in the corrections file.")
    document_id: Series[str] = pa.Field(description="Document the correction applies to (first 16 hex digits of its SHA-256).")
    target: Series[str] = pa.Field(isin=["action", "figure", "document"], description="What is corrected: an action mention, a figure or the document's State.")
    operation: Series[str] = pa.Field(isin=["confirm", "reject", "add", "set"], description="confirm, reject, add, or set (a figure's value, a document's State).")
    key: Series[str] = pa.Field(nullable=True, description="What it points at: action number and passage, or fact_id.")
    new_value: Series[str] = pa.Field(nullable=True, description="The value the analyst gives, as text.")
    analyst: Series[str] = pa.Field(description="Who made the correction.")
    reason: Series[str] = pa.Field(description="Why.")
    applied: Series[bool] = pa.Field(description="Whether it matched something in this run.")
    outcome: Series[str] = pa.Field(description="What it did, or why it no longer applies.")

    class Config:
        strict = True
        coerce = True
