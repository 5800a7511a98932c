"""Versions that decide what a run redoes: the readers', and the extraction's per document."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Final

import pandas as pd

from pipelines.stages.corrections import Correction, fingerprint

#: Version of the extraction rules; bump it when a change should re-extract every document.
EXTRACT_VERSION: Final[str] = "7"
#: Reference tables whose content feeds extraction and attribution.
EXTRACTION_REFERENCE: Final[tuple[str, ...]] = (
    "oap_actions", "action_keywords", "section_headings", "state_aliases",
)


def reference_fingerprint(reference: Mapping[str, pd.DataFrame]) -> str:
    digest = hashlib.sha256(EXTRACT_VERSION.encode())
    for name in EXTRACTION_REFERENCE:
        digest.update(reference[name].to_csv(index=False).encode())
    return digest.hexdigest()[:8]


def extract_versions(
    document_ids: Iterable[str], reference: Mapping[str, pd.DataFrame],
    corrections: list[Correction],
) -> dict[str, str]:
    """Version of each document's extraction: rules and reference terms, plus its corrections."""
    base = reference_fingerprint(reference)
    return {doc: f"{base}.{fingerprint(corrections, doc)}" for doc in document_ids}
