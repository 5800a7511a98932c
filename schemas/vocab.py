"""Allowed values shared by several contracts."""

from typing import Final

from pipelines.extraction.model import DISAGGREGATIONS, INDICATOR_UNITS, Method, ProgressStatus

#: The Meetings' five languages: reference terms and State names may be given in each.
MEETING_LANGUAGES: Final[tuple[str, ...]] = ("en", "fr", "es", "ar", "ru")
#: Languages a document may be found to be written in.
LANGUAGES: Final[tuple[str, ...]] = (*MEETING_LANGUAGES, "und")
FORMATS: Final[tuple[str, ...]] = ("pdf", "docx")
DOCUMENT_STATUSES: Final[tuple[str, ...]] = ("loaded", "needs_review", "withdrawn")
QUARANTINE_STAGES: Final[tuple[str, ...]] = ("discover", "identify", "read", "validate")
PASSAGE_KINDS: Final[tuple[str, ...]] = ("heading", "paragraph", "table", "header")
METHODS: Final[tuple[str, ...]] = tuple(m.value for m in Method)
PROGRESS_STATUSES: Final[tuple[str, ...]] = tuple(s.value for s in ProgressStatus)
INDICATORS: Final[tuple[str, ...]] = tuple(INDICATOR_UNITS)
UNITS: Final[tuple[str, ...]] = tuple(sorted(set(INDICATOR_UNITS.values())))
SECTIONS: Final[tuple[str, ...]] = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
COMMITTEE_KEYS: Final[tuple[str, ...]] = (
    "president",
    "article5",
    "victim_assistance",
    "cooperation",
    "compliance",
)
#: Years a figure or deadline in an OAP-period update can plausibly refer to.
FIRST_YEAR: Final[int] = 1990
LAST_YEAR: Final[int] = 2040

__all__ = ["DISAGGREGATIONS"]
