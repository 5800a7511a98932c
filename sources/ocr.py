"""Optical character recognition of scanned pages with Tesseract, when it is installed.

Tesseract runs with one thread per process (OMP_THREAD_LIMIT=1): two processes on two pages
are faster than one process using two threads on one page. The pages of a document are
therefore read side by side, one Tesseract process per core, while this process renders the
next page; when several processes read documents, they share one Tesseract per core.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Final

#: Tesseract language packs asked for: the three working languages of the updates.
OCR_LANGUAGES: Final[tuple[str, ...]] = ("eng", "fra", "spa")
OCR_DPI: Final[int] = 300

#: pdfium is not thread-safe: pages are rendered one at a time, Tesseract runs in parallel.
_PDFIUM_LOCK = threading.Lock()
#: A semaphore shared by all reading processes, when there are several: one Tesseract per core
#: in all, not per process (more would only share the cores and hold more memory).
_SLOTS: Any = None


def share_slots(slots: Any) -> None:
    """Make this process take a shared slot before each Tesseract run (a pool initializer)."""
    global _SLOTS
    _SLOTS = slots


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


def ocr_workers() -> int:
    """Tesseract processes to run at once: one per core."""
    return max(1, os.cpu_count() or 1)


def ocr_pdf_page(path: Path, page_index: int) -> str:
    """Text of one PDF page rendered at OCR_DPI and read by Tesseract on one thread."""
    return ocr_pdf_pages(path, [page_index], workers=1)[page_index]


def ocr_pdf_pages(path: Path, page_indexes: list[int], *, workers: int | None = None) -> dict[int, str]:
    """Text of each listed page, read by up to ``workers`` Tesseract processes at once."""
    import pypdfium2 as pdfium

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # inherited by the tesseract processes
    workers = min(workers or ocr_workers(), len(page_indexes)) or 1
    with _PDFIUM_LOCK:
        document = pdfium.PdfDocument(str(path))
    try:
        with tempfile.TemporaryDirectory(prefix="oap-ocr-") as folder:
            read = functools.partial(_read_page, document, Path(folder))
            with ThreadPoolExecutor(max_workers=workers) as pool:
                texts = list(pool.map(read, page_indexes))
    finally:
        with _PDFIUM_LOCK:
            document.close()
    return dict(zip(page_indexes, texts, strict=True))


def _read_page(document, folder: Path, page_index: int) -> str:
    import pytesseract

    image = folder / f"page-{page_index}.tif"
    with _PDFIUM_LOCK:
        page = document[page_index]
        try:
            # In grey: Tesseract reads a grey page about a quarter faster than the same page in
            # colour, with the same text (the 46 scanned pages of a benchmark pile: 41-45 s
            # against 55-58 s on two cores), and the file is a third of the size. Scans are
            # mostly grey already; a colour one is turned to grey by pdfium's luminance.
            # Uncompressed TIFF: quick to write and to read. Like the PNG pytesseract would
            # write (slowly), it has no resolution tag, so Tesseract reads the same pixels the
            # same way; a BMP says 96 dpi and changes the text, Leptonica reads PPM slowly.
            bitmap = page.render(scale=OCR_DPI / 72, grayscale=True)
            bitmap.to_pil().save(image)
            bitmap.close()
        finally:
            page.close()
    try:
        with _SLOTS if _SLOTS is not None else contextlib.nullcontext():
            return pytesseract.image_to_string(str(image), lang="+".join(available_languages()))
    finally:
        image.unlink(missing_ok=True)
