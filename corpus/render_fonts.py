"""Fonts for rendered PDFs: DejaVu, which covers accents, ², € and no-break spaces.

The base-14 fonts (Times, Helvetica) are the fallback when DejaVu is not installed; they lack
some of those characters, so the fallback is logged.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

logger = logging.getLogger(__name__)

DEJAVU_DIR: Final = Path("/usr/share/fonts/truetype/dejavu")
_FILES: Final[dict[str, str]] = {
    "DejaVuSerif": "DejaVuSerif.ttf",
    "DejaVuSerif-Bold": "DejaVuSerif-Bold.ttf",
    "DejaVuSerif-Italic": "DejaVuSerif-Italic.ttf",
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
}


@dataclass(frozen=True)
class Fonts:
    """Registered font names for the body text (serif) and headings and tables (sans)."""

    serif: str
    serif_bold: str
    serif_italic: str
    sans: str
    sans_bold: str


@functools.cache
def pdf_fonts() -> Fonts:
    """Register DejaVu with reportlab once and return its names, or the base-14 fallback."""
    paths = {name: DEJAVU_DIR / file for name, file in _FILES.items()}
    if not all(path.is_file() for path in paths.values()):
        logger.warning("DejaVu fonts not found in %s; using Times and Helvetica", DEJAVU_DIR)
        return Fonts("Times-Roman", "Times-Bold", "Times-Italic", "Helvetica", "Helvetica-Bold")
    for name, path in paths.items():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        "DejaVuSerif",
        normal="DejaVuSerif",
        bold="DejaVuSerif-Bold",
        italic="DejaVuSerif-Italic",
        boldItalic="DejaVuSerif-Bold",
    )
    return Fonts(
        "DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSans", "DejaVuSans-Bold"
    )
