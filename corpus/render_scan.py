"""The ``scanned`` layout: a PDF whose pages are only pictures of text, as from a copier.

The text PDF is rasterised with pdfium at 200 dpi, turned slightly as a sheet on a scanner
glass would be, and written by Pillow as greyscale JPEG pages: no text layer and no fonts, so
the pipeline has to read it by OCR. The PDF dates are fixed so the bytes are the same on every
run.
"""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Final

import pypdfium2 as pdfium
from PIL import Image

from corpus.render_pdf import pdf_bytes
from corpus.render_spec import DocumentSpec

SCAN_DPI: Final = 200
SKEW_DEGREES: Final = 0.3
JPEG_QUALITY: Final = 80
FIXED_DATE: Final = time.gmtime(946_684_800)  # 2000-01-01, as Pillow takes a struct_time


def rasterise(pdf: bytes, dpi: int = SCAN_DPI) -> list[Image.Image]:
    """Greyscale images of every page of a PDF at the given resolution."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [
            page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for page in document
        ]
    finally:
        document.close()


def image_pdf_bytes(images: list[Image.Image], dpi: int = SCAN_DPI) -> bytes:
    """A PDF holding one full-page image per page and nothing else."""
    pages = [
        image.rotate(SKEW_DEGREES, resample=Image.Resampling.BICUBIC, fillcolor=255)
        for image in images
    ]
    buffer = io.BytesIO()
    pages[0].save(
        buffer,
        "PDF",
        save_all=True,
        append_images=pages[1:],
        resolution=dpi,
        quality=JPEG_QUALITY,
        creationDate=FIXED_DATE,
        modDate=FIXED_DATE,
    )
    return buffer.getvalue()


def write_scanned_pdf(spec: DocumentSpec, path: Path) -> Path:
    """Write the image-only PDF of a specification to ``path``."""
    path.write_bytes(image_pdf_bytes(rasterise(pdf_bytes(spec))))
    return path
