"""Optical character recognition of scanned pages with Tesseract, when it is installed."""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path
from typing import Final

#: Tesseract language packs asked for: the three working languages of the updates.
OCR_LANGUAGES: Final[tuple[str, ...]] = ("eng", "fra", "spa")
OCR_DPI: Final[int] = 300


@functools.cache
def available_languages() -> tuple[str, ...]:
    """Installed Tesseract language packs among those we use; empty if Tesseract is missing."""
    if shutil.which("tesseract") is None:
        return ()
    import pytesseract

    try:
        installed = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractError, OSError):
        return ()
    return tuple(lang for lang in OCR_LANGUAGES if lang in installed)


def ocr_available() -> bool:
    return bool(available_languages())


def ocr_pdf_page(path: Path, page_index: int) -> str:
    """Text of one PDF page rendered at OCR_DPI and read by Tesseract on one thread.

    Tesseract's own threads are limited to one: two processes on two pages are faster
    than one process using two threads on one page.
    """
    import pypdfium2 as pdfium
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    document = pdfium.PdfDocument(str(path))
    try:
        page = document[page_index]
        try:
            image = page.render(scale=OCR_DPI / 72).to_pil()
        finally:
            page.close()
    finally:
        document.close()
    return pytesseract.image_to_string(image, lang="+".join(available_languages()))
