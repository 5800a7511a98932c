"""Which meeting of the Convention an update was written for, when its text or name says."""

from __future__ import annotations

import re
from typing import Final

from pipelines.extraction.text import fold

_INTERSESSIONAL: Final = re.compile(
    r"(?:intersessional meetings?|reunions? (?:d'|de )?intersessions?|intersessions|"
    r"reuniones? entre (?:periodos de )?sesiones|\bim)\D{0,40}?(20[12]\d)"
    r"|(20[12]\d)\D{0,5}(?:intersessional|intersessions)"
)
_MSP: Final = re.compile(r"\b(1[89]|2[0-2])\s*(?:th )?msp\b|\bmsp\s*(1[89]|2[0-2])\b")


def detect_meeting(file_name: str, text: str) -> str | None:
    """Meeting id (IM2021, IM2022, 20MSP, ...) named by the file name or the first page."""
    for source in (fold(file_name).replace("_", " "), fold(text[:3000])):
        match = _INTERSESSIONAL.search(source)
        if match:
            return f"IM{match.group(1) or match.group(2)}"
        match = _MSP.search(source)
        if match:
            return f"{match.group(1) or match.group(2)}MSP"
    return None
