"""Read a PDF into pages of blocks with pdfplumber: columns, tables, running headers, scans."""

from __future__ import annotations

import logging
from pathlib import Path
from statistics import median
from typing import Any

import pdfplumber

from sources import layout
from sources.layout import Line
from sources.model import Block, Page, ReadResult, ReadStatus, failed
from sources.ocr import ocr_available, ocr_pdf_page

logger = logging.getLogger(__name__)

_GUTTER = 6.0  # half-width, in points, of the band between two columns


def read_pdf(path: Path, *, max_pages: int, use_ocr: bool = True) -> ReadResult:
    """Read ``path``; pages without a text layer go to OCR when it is available."""
    try:
        pdf = pdfplumber.open(path)
    except Exception as error:  # pdfminer raises many types for broken files
        return failed("pdf", f"{path.name}: {describe_open_error(error)}")
    with pdf:
        try:
            n_pages = len(pdf.pages)
        except Exception as error:
            return failed("pdf", f"{path.name}: {describe_open_error(error)}")
        if n_pages == 0:
            return failed("pdf", f"{path.name}: the PDF has no pages")
        if n_pages > max_pages:
            return failed("pdf", f"{path.name}: {n_pages} pages, over the limit of {max_pages}")
        return _read_pages(path, pdf, use_ocr=use_ocr)


def describe_open_error(error: Exception) -> str:
    causes = [error, *error.args]  # pdfplumber wraps pdfminer's exception in its arguments
    text = " ".join(f"{type(c).__name__} {c}" for c in causes).lower()
    if "password" in text or "encrypt" in text:
        return "the PDF is password-protected; ask the State for an unprotected copy"
    return f"the PDF is corrupt or truncated and cannot be opened ({type(error).__name__})"


def _read_pages(path: Path, pdf: Any, *, use_ocr: bool) -> ReadResult:
    page_lines: list[list[Line]] = []
    page_tables: list[list[tuple[float, Block]]] = []
    heights: list[float] = []
    scanned: list[int] = []
    errors: list[str] = []
    for index, page in enumerate(pdf.pages):
        try:
            lines, tables = _page_content(page)
            if not page.chars and page.images:
                scanned.append(index)
        except Exception as error:
            errors.append(f"{path.name}, page {index + 1}: unreadable ({type(error).__name__})")
            lines, tables = [], []
        finally:
            heights.append(float(page.height))
            page.close()
        page_lines.append(lines)
        page_tables.append(tables)

    repeated = layout.furniture_keys(page_lines, heights)
    sizes = [line.size for lines in page_lines for line in lines]
    body_size = median(sizes) if sizes else None
    pages: list[Page] = []
    furniture: list[str] = []
    for index, (lines, tables) in enumerate(zip(page_lines, page_tables, strict=True)):
        if index in scanned:
            pages.append(_ocr_page(path, index, use_ocr, errors))
            continue
        body, margin = layout.split_furniture(lines, heights[index], repeated)
        furniture.extend(margin)
        blocks = _merge_tables(body, tables, body_size)
        pages.append(Page(number=index + 1, blocks=tuple(blocks)))
    status = ReadStatus.PARTIAL if errors else ReadStatus.SUCCESS
    if not any(page.blocks for page in pages):
        status = ReadStatus.FAILED
        errors.append(f"{path.name}: no text could be read from any page")
    return ReadResult(status, "pdf", tuple(pages), tuple(dict.fromkeys(furniture)), tuple(errors))


def _ocr_page(path: Path, index: int, use_ocr: bool, errors: list[str]) -> Page:
    if not (use_ocr and ocr_available()):
        errors.append(
            f"{path.name}, page {index + 1}: scanned page without a text layer, and OCR "
            "(Tesseract with eng/fra/spa) is not installed"
        )
        return Page(number=index + 1, blocks=(), ocr=True)
    text = ocr_pdf_page(path, index)
    return Page(number=index + 1, blocks=tuple(layout.text_to_blocks(text)), ocr=True)


def _page_content(page: Any) -> tuple[list[Line], list[tuple[float, Block]]]:
    tables: list[tuple[float, Block]] = []
    body = page
    for table in page.find_tables():
        block = layout.table_block(table.extract())
        if block is not None:
            tables.append((float(table.bbox[1]), block))
        body = body.outside_bbox(table.bbox)
    words = body.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False)
    return _ordered_lines(words, float(page.width)), tables


def _ordered_lines(words: list[dict], width: float) -> list[Line]:
    """Lines in reading order; on a two-column page, left column before right column."""
    rows = _rows(words)
    mid = width / 2
    split = [row for row in rows if _has_gutter(row, mid) and _both_sides(row, mid)]
    both = [row for row in rows if _both_sides(row, mid)]
    if len(split) < 3 or len(split) < 0.6 * len(both):
        return [_line(row) for row in rows]
    spanning = [row for row in rows if not _has_gutter(row, mid)]
    first_split_top = min(row[0]["top"] for row in split)
    above = [row for row in spanning if row[0]["top"] < first_split_top]
    below = [row for row in spanning if row[0]["top"] >= first_split_top]
    columns = [row for row in rows if _has_gutter(row, mid)]
    left = [[w for w in row if w["x1"] <= mid] for row in columns]
    right = [[w for w in row if w["x0"] >= mid] for row in columns]
    ordered = above + [r for r in left if r] + [r for r in right if r] + below
    return [_line(row) for row in ordered]


def _rows(words: list[dict]) -> list[list[dict]]:
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= 2.5:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w["x0"]) for row in rows]


def _has_gutter(row: list[dict], mid: float) -> bool:
    return not any(w["x0"] < mid + _GUTTER and w["x1"] > mid - _GUTTER for w in row)


def _both_sides(row: list[dict], mid: float) -> bool:
    return any(w["x1"] <= mid for w in row) and any(w["x0"] >= mid for w in row)


def _line(row: list[dict]) -> Line:
    return Line(
        text=" ".join(w["text"] for w in row),
        top=float(min(w["top"] for w in row)),
        bottom=float(max(w["bottom"] for w in row)),
        x0=float(row[0]["x0"]),
        size=float(median(w["size"] for w in row)),
        bold=all("bold" in str(w.get("fontname", "")).lower() for w in row),
    )


def _merge_tables(
    lines: list[Line], tables: list[tuple[float, Block]], body_size: float | None
) -> list[Block]:
    """Text blocks and tables in order of their position on the page."""
    if not tables:
        return layout.lines_to_blocks(lines, body_size)
    blocks: list[Block] = []
    remaining = sorted(tables, key=lambda item: item[0])
    chunk: list[Line] = []
    for line in lines:
        while remaining and remaining[0][0] < line.top:
            blocks.extend(layout.lines_to_blocks(chunk, body_size))
            chunk = []
            blocks.append(remaining.pop(0)[1])
        chunk.append(line)
    blocks.extend(layout.lines_to_blocks(chunk, body_size))
    blocks.extend(block for _, block in remaining)
    return blocks
