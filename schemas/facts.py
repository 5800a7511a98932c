"""Contracts of the tables read out of the documents: passages and the facts found in them."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.vocab import (
    DISAGGREGATIONS,
    FIRST_YEAR,
    INDICATORS,
    LAST_YEAR,
    METHODS,
    PASSAGE_KINDS,
    PROGRESS_STATUSES,
    UNITS,
)

_DOCUMENT_ID = {"str_length": 16, "description": "Document the row comes from (documents.document_id)."}


class Passages(pa.DataFrameModel):
    """Text of the documents split into headings, paragraphs and tables, with their page."""

    document_id: Series[str] = pa.Field(**_DOCUMENT_ID)
    passage_no: Series[int] = pa.Field(ge=1, description="Position of the passage in the document, from 1.")
    page: Series[int] = pa.Field(ge=1, description="Page the passage is on, from 1.")
    kind: Series[str] = pa.Field(isin=PASSAGE_KINDS, description="heading, paragraph, table, or header (letterhead, running header or footer).")
    heading_path: Series[str] = pa.Field(description="Headings above the passage, joined by ' > '.")
    text: Series[str] = pa.Field(description="Text of the passage; a table as rows of cells separated by ' | '.")
    ocr: Series[bool] = pa.Field(description="True when the text was read by OCR from a scanned page.")

    class Config:
        strict = True
        coerce = True
        unique = ["document_id", "passage_no"]  # noqa: RUF012 - pandera's Config takes a list


class ActionProgress(pa.DataFrameModel):
    """Which OAP actions each passage reports on, and what it says of them."""

    document_id: Series[str] = pa.Field(**_DOCUMENT_ID)
    state_iso3: Series[str] = pa.Field(nullable=True, description="Submitting State Party (ISO3).")
    action_no: Series[int] = pa.Field(ge=1, le=50, description="OAP action number, 1 to 50.")
    page: Series[int] = pa.Field(ge=1, description="Page of the evidence.")
    passage_no: Series[int] = pa.Field(ge=1, description="Passage of the evidence (passages.passage_no).")
    evidence: Series[str] = pa.Field(str_length={"min_value": 1}, description="Words of the document that support the mapping.")
    method: Series[str] = pa.Field(isin=METHODS, description="explicit (the action's number is written) or inferred (from its theme).")
    confidence: Series[float] = pa.Field(ge=0, le=1, description="Confidence of the mapping, 0 to 1.")
    status: Series[str] = pa.Field(isin=PROGRESS_STATUSES, description="What the passage reports: progress, completed, challenge, plan or request for assistance.")
    ocr: Series[bool] = pa.Field(description="True when the evidence was read by OCR.")
    reviewed_by: Series[str] = pa.Field(nullable=True, description="Analyst who confirmed or added the mention (corrections file).")

    class Config:
        strict = True
        coerce = True
        unique = ["document_id", "passage_no", "action_no"]  # noqa: RUF012 - pandera's Config takes a list


class IndicatorValues(pa.DataFrameModel):
    """Figures reported by the States, in canonical units, each traceable to its page."""

    fact_id: Series[str] = pa.Field(unique=True, description="Stable id of the figure: hash of document, indicator, year, breakdown, value and page.")
    document_id: Series[str] = pa.Field(**_DOCUMENT_ID)
    state_iso3: Series[str] = pa.Field(nullable=True, description="Submitting State Party (ISO3).")
    indicator: Series[str] = pa.Field(isin=INDICATORS, description="Indicator from the vocabulary (area_cleared_m2, casualties, funding_usd, ...).")
    value: Series[float] = pa.Field(ge=0, description="Value in the indicator's canonical unit (m², mines, people, USD, EUR, year).")
    unit: Series[str] = pa.Field(isin=UNITS, description="Canonical unit of the value.")
    year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=FIRST_YEAR, le=LAST_YEAR, description="Year the figure refers to, when the text gives it.")
    disaggregation: Series[str] = pa.Field(nullable=True, isin=DISAGGREGATIONS, description="Sex or age group of the figure; null for a total.")
    page: Series[int] = pa.Field(ge=1, description="Page of the evidence.")
    passage_no: Series[int] = pa.Field(ge=1, description="Passage of the evidence (passages.passage_no).")
    evidence: Series[str] = pa.Field(str_length={"min_value": 1}, description="Sentence or table row the figure was read from.")
    ocr: Series[bool] = pa.Field(description="True when the evidence was read by OCR.")
    reviewed_by: Series[str] = pa.Field(nullable=True, description="Analyst who confirmed, fixed or added the figure (corrections file).")

    class Config:
        strict = True
        coerce = True
