"""One PDF page read from pdfium's page objects: runs of text, ruled lines and images.

Most pages of a written update are prose. pdfium hands over its text runs (a line, or the part
of a line in one font, with position, size and font name) more than ten times faster than
pdfminer parses the page for pdfplumber, and ``layout.words_to_lines`` applies the same rules
to them. Tables are found by pdfplumber's own table finder fed with the page's ruled lines as
pdfium sees them, so the cells are those pdfplumber would find. Geometry follows pdfminer's
conventions (top-left origin; a glyph spans from the font's descent to descent + size).

A page this module cannot read as pdfplumber would (form XObjects, text that is not upright, a
rotated or cropped page, text across a table's border) gives None: the caller then reads that
page with pdfplumber.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import Any, Final

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.table import TableFinder, TableSettings
from pdfplumber.utils.geometry import get_bbox_overlap

from sources import layout
from sources.layout import Line
from sources.model import Block
from sources.pdfium_paths import path_edges

#: pdfplumber's defaults: a gap wider than this ends a word; tops closer than this share a line.
_X_TOLERANCE: Final = 3.0
_Y_TOLERANCE: Final = 3.0
#: Slack, in points, when checking that a run of text sits inside one table cell.
_CELL_SLACK: Final = 1.0
_TABLE_SETTINGS: Final = TableSettings.resolve(None)  # what pdfplumber's page.find_tables() uses


@dataclass(frozen=True)
class PageContent:
    """A page as the PDF reader needs it: lines, tables (with their top), and if it is a scan."""

    lines: list[Line]
    tables: list[tuple[float, Block]]
    scanned: bool
    height: float


@dataclass
class _Objects:
    runs: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    texts: int = 0
    images: int = 0


def read_page(page: pdfium.PdfPage) -> PageContent | None:
    """The page's lines and tables, or None when pdfplumber must read this page."""
    media = page.get_mediabox()
    if page.get_rotation() or media[:2] != (0, 0) or page.get_cropbox() != media:
        return None
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        objects = _collect(page, textpage, height)
    finally:
        textpage.close()
    if objects is None:
        return None
    found = _tables(objects, width, height)
    if found is None:
        return None
    tables, body = found
    scanned = objects.texts == 0 and objects.images > 0
    return PageContent(layout.words_to_lines(_words(body), width), tables, scanned, height)


def _collect(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, height: float) -> _Objects | None:
    found, reader = _Objects(), _RunReader(textpage.raw, height)
    matrix = reader.matrix
    for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            return None  # nested content: pdfplumber reads it
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            found.images += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            found.texts += 1
            pdfium_c.FPDFPageObj_GetMatrix(obj, matrix)
            if matrix.b or matrix.c or matrix.a <= 0 or matrix.d <= 0:
                return None  # rotated, skewed or mirrored text
            run = reader.run(obj)
            if run is not None:
                found.runs.append(run)
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            pdfium_c.FPDFPageObj_GetMatrix(obj, matrix)
            found.edges.extend(path_edges(obj, matrix, height))
    return found


class _RunReader:
    """Reads text objects into runs, reusing its ctypes buffers (a page has hundreds of runs)."""

    def __init__(self, textpage: Any, height: float):
        self.textpage, self.height = textpage, height
        self.fonts: dict[int | None, tuple[str, float]] = {}  # font -> base name, descent per pt
        self.matrix = pdfium_c.FS_MATRIX()
        self.size = ctypes.c_float()
        self.box = [ctypes.c_float() for _ in range(4)]
        self._resize(2048)

    def _resize(self, length: int) -> None:
        self.buffer = ctypes.create_string_buffer(length)
        self.pointer = ctypes.cast(self.buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR))

    def _font(self, font: Any) -> tuple[str, float]:
        key = ctypes.cast(font, ctypes.c_void_p).value
        if key not in self.fonts:
            length = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
            name = ctypes.create_string_buffer(max(length, 1))
            pdfium_c.FPDFFont_GetBaseFontName(font, name, length)
            descent = ctypes.c_float(0.0)
            pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1.0), ctypes.byref(descent))
            self.fonts[key] = (name.value.decode("utf-8", "replace"), descent.value)
        return self.fonts[key]

    def run(self, obj: Any) -> dict | None:
        """The text object ``obj`` (whose matrix is in ``self.matrix``) as a run of text."""
        length = pdfium_c.FPDFTextObj_GetText(obj, self.textpage, self.pointer, len(self.buffer))
        if length > len(self.buffer):
            self._resize(length)
            length = pdfium_c.FPDFTextObj_GetText(obj, self.textpage, self.pointer, length)
        text = self.buffer.raw[: max(length - 2, 0)].decode("utf-16-le", "replace")
        if not text.strip():
            return None
        text = text.replace("\x02", "-")
        matrix = self.matrix
        pdfium_c.FPDFTextObj_GetFontSize(obj, self.size)
        size = self.size.value * matrix.d
        name, descent = self._font(pdfium_c.FPDFTextObj_GetFont(obj))
        left, bottom, right, top = self.box
        pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        baseline = matrix.f + descent * size
        return {
            "text": text, "x0": left.value if text[0].isspace() else matrix.e, "x1": right.value,
            "top": self.height - baseline - size, "bottom": self.height - baseline, "size": size,
            "fontname": name,
        }


def _words(runs: list[dict]) -> list[dict]:
    """Runs as pdfplumber's words would make lines: glued where pdfplumber would glue them,
    spaces collapsed.

    Each word of a run would take the run's position, so the run stands for all its words at
    once (``words`` counts them, for the line's median size): lines come out the same as
    from the words one by one, with a fraction of the objects.
    """
    pieces = []
    for run in _glued(runs, same_font=True):
        words = run["text"].split()
        if words:
            pieces.append(dict(run, text=" ".join(words), words=len(words)))
    return pieces


def _glued(runs: list[dict], *, same_font: bool) -> list[dict]:
    """Join runs that pdfplumber would read as one word across their border (no space, no gap).

    ``same_font``: pdfplumber's words with font attributes also break where the font changes.
    """
    glued: list[dict] = []
    for run in sorted(runs, key=lambda r: (round(r["top"]), r["x0"])):
        last = glued[-1] if glued else None
        if (
            last is not None
            and abs(run["top"] - last["top"]) <= _Y_TOLERANCE
            and last["x0"] < run["x0"] <= last["x1"] + _X_TOLERANCE
            and not last["text"][-1].isspace() and not run["text"][0].isspace()
            and (not same_font or (run["fontname"], run["size"]) == (last["fontname"], last["size"]))
        ):
            glued[-1] = dict(last, text=last["text"] + run["text"], x1=run["x1"],
                             bottom=max(last["bottom"], run["bottom"]))
        else:
            glued.append(run)
    return glued


def _tables(objects: _Objects, width: float, height: float) -> tuple[list, list[dict]] | None:
    """Tables as pdfplumber finds them, and the runs outside them; None if a run straddles one."""
    if not objects.edges:
        return [], objects.runs
    finder = TableFinder(_RuledPage(objects.edges, (0, 0, width, height)), _TABLE_SETTINGS)
    tables: list[tuple[float, Block]] = []
    body = objects.runs
    try:
        for table in finder.tables:
            body = _outside(body, table.bbox)
            rows = [[None if cell is None else _cell_text(objects.runs, cell) for cell in row.cells]
                    for row in table.rows]
            block = layout.table_block(rows)
            if block is not None:
                tables.append((float(table.bbox[1]), block))
    except _Straddles:
        return None
    return tables, body


class _Straddles(Exception):
    """A run of text crosses a table's or a cell's border: pdfplumber would split it there."""


def _outside(runs: list[dict], bbox: tuple[float, float, float, float]) -> list[dict]:
    """The runs clear of ``bbox``; those inside it belong to the table."""
    outside = []
    for run in runs:
        box = (run["x0"], run["top"], run["x1"], run["bottom"])
        overlap = get_bbox_overlap(box, bbox)
        if overlap is None:
            outside.append(run)
        elif overlap != box:
            raise _Straddles
    return outside


def _cell_text(runs: list[dict], cell: tuple[float, float, float, float]) -> str:
    """Text of the runs centred in ``cell`` (as pdfplumber assigns characters), line by line."""
    x0, top, x1, bottom = cell
    inside = []
    for run in runs:
        middle_x, middle_y = (run["x0"] + run["x1"]) / 2, (run["top"] + run["bottom"]) / 2
        if x0 <= middle_x < x1 and top <= middle_y < bottom:
            if run["x0"] < x0 - _CELL_SLACK or run["x1"] > x1 + _CELL_SLACK:
                raise _Straddles
            inside.append(run)
    lines: list[list[dict]] = []
    for run in _glued(inside, same_font=False):
        if lines and abs(lines[-1][0]["top"] - run["top"]) <= _Y_TOLERANCE:
            lines[-1].append(run)
        else:
            lines.append([run])
    return "\n".join(" ".join(run["text"].strip() for run in line) for line in lines)


class _RuledPage:
    """What pdfplumber's TableFinder reads of a page (its edges and box), from pdfium."""

    def __init__(self, edges: list[dict], bbox: tuple[float, float, float, float]):
        self.edges, self.bbox = edges, bbox
