"""Floors measured on the same files as the pipeline: what the bare tools do alone.

- text: pypdfium2 ``get_text_range`` and pdfplumber ``extract_words`` (pages closed) over the
  text PDFs, on one process and on ``processes`` processes;
- OCR: the ``tesseract`` command alone (OMP_THREAD_LIMIT=1) on the scanned pages rendered
  beforehand at the pipeline's resolution, on ``processes`` processes at once, against the
  pipeline's own reading stage (``read_files``) on the same scanned documents. The pages are
  rendered in colour, as a plain use of the tool would render them, or in grey, as the pipeline
  hands them to Tesseract: against the second, what grey pages save drops out, and what is left
  is what the pipeline itself costs around Tesseract.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Speed:
    pages: int
    seconds: float

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else float("nan")


def _pypdfium2_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        for page in document:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(document)
    finally:
        document.close()


def _pdfplumber_pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.close()
        return len(pdf.pages)


def _timed(function, paths: list[Path], processes: int) -> Speed:
    started = time.perf_counter()
    if processes <= 1:
        pages = sum(map(function, paths))
    else:
        with ProcessPoolExecutor(max_workers=processes) as pool:
            pages = sum(pool.map(function, paths, chunksize=4))
    return Speed(pages, time.perf_counter() - started)


def pypdfium2_text(paths: list[Path], processes: int) -> Speed:
    return _timed(_pypdfium2_pages, paths, processes)


def pdfplumber_words(paths: list[Path], processes: int) -> Speed:
    return _timed(_pdfplumber_pages, paths, processes)


def _render_pages(paths: list[Path], folder: Path, grayscale: bool) -> list[Path]:
    import pypdfium2 as pdfium

    from sources.ocr import OCR_DPI

    images = []
    for path in paths:
        document = pdfium.PdfDocument(str(path))
        for index, page in enumerate(document):
            image = folder / f"{path.stem}-{index:03d}.png"
            page.render(scale=OCR_DPI / 72, grayscale=grayscale).to_pil().save(image)
            page.close()
            images.append(image)
        document.close()
    return images


def tesseract_alone(paths: list[Path], processes: int, *, grayscale: bool = False) -> Speed:
    """The tesseract command on pre-rendered pages (colour, or grey), ``processes`` at a time."""
    from sources.ocr import available_languages

    languages = "+".join(available_languages())
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with tempfile.TemporaryDirectory(prefix="oap-bench-ocr-") as tmp:
        images = _render_pages(paths, Path(tmp), grayscale)

        def one(image: Path) -> None:
            subprocess.run(["tesseract", str(image), "stdout", "-l", languages], env=env,
                           check=True, capture_output=True)

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=processes) as pool:
            list(pool.map(one, images))
        return Speed(len(images), time.perf_counter() - started)


def pipeline_reading(paths: list[Path]) -> Speed:
    """The pipeline's reading stage (``read_files``) on these files, as the asset runs it."""
    import pandas as pd

    from pipelines.stages.reading import read_files

    manifest = pd.DataFrame({
        "file_name": [p.name for p in paths], "source_path": [str(p.resolve()) for p in paths],
        "size_bytes": [p.stat().st_size for p in paths],
        "sha256": [str(n) for n in range(len(paths))],
    })
    started = time.perf_counter()
    results = read_files(manifest, Path("/"), use_ocr=True)
    pages = sum(len(result.pages) for result in results.values())
    return Speed(pages, time.perf_counter() - started)


def one_document(path: Path) -> Speed:
    """``read_document`` on one file, in this process."""
    from sources import read_document

    read_document(path)  # imports and first-use costs out of the measurement
    started = time.perf_counter()
    result = read_document(path)
    return Speed(len(result.pages), time.perf_counter() - started)
