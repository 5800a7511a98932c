"""Read a PDF into pages of blocks: columns, tables, running headers, scans.

Pages are read from pdfium's page objects (``sources.pdfium_page``): fast, and the same lines
and tables pdfplumber gives. A page pdfium's objects cannot describe as pdfplumber would (form
XObjects, rotated text or page, text across a table border) is read with pdfplumber, opened
only then; a file pdfium cannot open at all is read with pdfplumber alone, which also says why
it cannot be read (password, corrupt). Pages without a text layer go to OCR, on every core.
"""

from __future__ import annotations

import logging
from pathlib import Path
from statistics import median
from typing import Any, Self

import pdfplumber
import pypdfium2 as pdfium

from sources import layout
from sources.model import Block, Page, ReadResult, ReadStatus, failed
from sources.ocr import ocr_available, ocr_pdf_pages
from sources.pdfium_page import PageContent, read_page

logger = logging.getLogger(__name__)


def read_pdf(path: Path, *, max_pages: int, use_ocr: bool = True) -> ReadResult:
    """Read ``path``; pages without a text layer go to OCR when it is available."""
    try:
        document = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError):
        return _read_with_pdfplumber(path, max_pages=max_pages, use_ocr=use_ocr)
    with _Pages(path, document) as pages:
        n_pages = len(document)
        if n_pages == 0:
            return failed("pdf", f"{path.name}: the PDF has no pages")
        if n_pages > max_pages:
            return failed("pdf", f"{path.name}: {n_pages} pages, over the limit of {max_pages}")
        return _read_pages(path, pages, n_pages, use_ocr=use_ocr)


def _read_with_pdfplumber(path: Path, *, max_pages: int, use_ocr: bool) -> ReadResult:
    try:
        pdf = pdfplumber.open(path)
    except Exception as error:  # noqa: BLE001 - pdfminer raises many types for broken files
        return failed("pdf", f"{path.name}: {describe_open_error(error)}")
    with pdf:
        try:
            n_pages = len(pdf.pages)
        except Exception as error:  # noqa: BLE001 - the parsers raise many types for broken files
            return failed("pdf", f"{path.name}: {describe_open_error(error)}")
        if n_pages == 0:
            return failed("pdf", f"{path.name}: the PDF has no pages")
        if n_pages > max_pages:
            return failed("pdf", f"{path.name}: {n_pages} pages, over the limit of {max_pages}")
        return _read_pages(path, _Pages(path, None, pdf), n_pages, use_ocr=use_ocr)


def describe_open_error(error: Exception) -> str:
    causes = [error, *error.args]  # pdfplumber wraps pdfminer's exception in its arguments
    text = " ".join(f"{type(c).__name__} {c}" for c in causes).lower()
    if "password" in text or "encrypt" in text:
        return "the PDF is password-protected; ask the State for an unprotected copy"
    return f"the PDF is corrupt or truncated and cannot be opened ({type(error).__name__})"


class _Pages:
    """Each page from pdfium when it can describe it, else from pdfplumber (opened on demand)."""

    def __init__(self, path: Path, document: Any, pdf: Any = None):
        self.path, self.document, self.pdf = path, document, pdf
        self.plumber_pages = 0

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pdf is not None:
            self.pdf.close()
        if self.document is not None:
            self.document.close()

    def read(self, index: int) -> PageContent:
        if self.document is not None:
            content = self._read_with_pdfium(index)
            if content is not None:
                return content
        if self.pdf is None:
            self.pdf = pdfplumber.open(self.path)
        self.plumber_pages += 1
        page = self.pdf.pages[index]
        try:
            lines, tables = _plumber_content(page)
            return PageContent(lines, tables, not page.chars and bool(page.images), float(page.height))
        finally:
            page.close()  # pdfplumber keeps every parsed object of a page until it is closed

    def _read_with_pdfium(self, index: int) -> PageContent | None:
        try:
            page = self.document[index]
        except pdfium.PdfiumError:
            return None  # pdfplumber may still manage
        try:
            return read_page(page)
        finally:
            page.close()

    def height(self, index: int) -> float:
        try:
            if self.document is not None:
                return float(self.document.get_page_size(index)[1])
            return float(self.pdf.pages[index].height)
        except Exception:  # noqa: BLE001 - the parsers raise many types for broken files
            return 0.0


def _read_pages(path: Path, pages: _Pages, n_pages: int, *, use_ocr: bool) -> ReadResult:
    contents: list[PageContent] = []
    errors: list[str] = []
    for index in range(n_pages):
        try:
            contents.append(pages.read(index))
        except Exception as error:  # noqa: BLE001 - the parsers raise many types for broken files
            errors.append(f"{path.name}, page {index + 1}: unreadable ({type(error).__name__})")
            contents.append(PageContent([], [], False, pages.height(index)))
    if pages.plumber_pages:
        logger.debug("%s: %d of %d pages read with pdfplumber", path.name, pages.plumber_pages, n_pages)

    heights = [content.height for content in contents]
    repeated = layout.furniture_keys([content.lines for content in contents], heights)
    sizes = [line.size for content in contents for line in content.lines]
    body_size = median(sizes) if sizes else None
    scanned = [index for index, content in enumerate(contents) if content.scanned]
    ocr_text = _ocr(path, scanned, use_ocr, errors)
    result: list[Page] = []
    furniture: list[str] = []
    for index, content in enumerate(contents):
        if content.scanned:
            text = ocr_text.get(index)
            blocks = tuple(layout.text_to_blocks(text)) if text is not None else ()
            result.append(Page(number=index + 1, blocks=blocks, ocr=True))
            continue
        body, margin = layout.split_furniture(content.lines, content.height, repeated)
        furniture.extend(margin)
        blocks = _merge_tables(body, content.tables, body_size)
        result.append(Page(number=index + 1, blocks=tuple(blocks)))
    status = ReadStatus.PARTIAL if errors else ReadStatus.SUCCESS
    if not any(page.blocks for page in result):
        status = ReadStatus.FAILED
        errors.append(f"{path.name}: no text could be read from any page")
    return ReadResult(status, "pdf", tuple(result), tuple(dict.fromkeys(furniture)), tuple(errors))


def _ocr(path: Path, scanned: list[int], use_ocr: bool, errors: list[str]) -> dict[int, str]:
    """Text of the scanned pages by OCR, all of them at once; errors say why when it cannot."""
    if not scanned:
        return {}
    if not (use_ocr and ocr_available()):
        why = ("OCR is switched off for this run" if not use_ocr else
               "OCR (Tesseract with eng/fra/spa) is not installed")
        errors.extend(
            f"{path.name}, page {index + 1}: scanned page without a text layer, and {why}"
            for index in scanned
        )
        return {}
    return ocr_pdf_pages(path, scanned)


def _plumber_content(page: Any) -> tuple[list[layout.Line], list[tuple[float, Block]]]:
    tables: list[tuple[float, Block]] = []
    body = page
    for table in page.find_tables():
        block = layout.table_block(table.extract())
        if block is not None:
            tables.append((float(table.bbox[1]), block))
        body = body.outside_bbox(table.bbox)
    words = body.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False)
    return layout.words_to_lines(words, float(page.width)), tables


def _merge_tables(
    lines: list[layout.Line], tables: list[tuple[float, Block]], body_size: float | None
) -> list[Block]:
    """Text blocks and tables in order of their position on the page."""
    if not tables:
        return layout.lines_to_blocks(lines, body_size)
    blocks: list[Block] = []
    remaining = sorted(tables, key=lambda item: item[0])
    chunk: list[layout.Line] = []
    for line in lines:
        while remaining and remaining[0][0] < line.top:
            blocks.extend(layout.lines_to_blocks(chunk, body_size))
            chunk = []
            blocks.append(remaining.pop(0)[1])
        chunk.append(line)
    blocks.extend(layout.lines_to_blocks(chunk, body_size))
    blocks.extend(block for _, block in remaining)
    return blocks
