"""Layout rules shared by the readers: lines into blocks, running headers and footers set apart."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from sources.model import Block, BlockKind

_PAGE_NUMBER = re.compile(
    r"^(?:-\s*)?(?:page|pág(?:ina)?|pagina|p\.)?\s*\d{1,4}\s*(?:(?:of|de|sur|/)\s*\d{1,4})?(?:\s*-)?$",
    re.IGNORECASE,
)
#: The number a numbered heading starts with: "8.", "8)", "8.2 ".
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+(?=[^\W\d])")
#: What opens a bulleted or numbered item: "• ", "– ", "a) ", "(ii) ", "3. ".
LIST_ITEM = re.compile(r"^\s*(?:[•▪◦‣∙·\-–]|\(?[a-z0-9]{1,2}[.)])\s+")
#: Share of the page height, at the top and at the bottom, where running headers and footers sit.
MARGIN_SHARE = 0.09
_GUTTER = 6.0  # half-width, in points, of the band between two columns
_ROW_TOLERANCE = 2.5  # points between the tops of words on one line
_MIN_COLUMN_LINES = 3  # lines a column needs on each side before a page is read as two columns
_EDGE_SLACK = 2.0  # points between the left edges of the lines of one column


@dataclass(frozen=True)
class Line:
    """One line of text with its position on the page (PDF points, top-left origin)."""

    text: str
    top: float
    bottom: float
    x0: float
    size: float
    bold: bool


def words_to_lines(words: list[dict], width: float) -> list[Line]:
    """Lines in reading order from positioned words; on a two-column page, left column first.

    A word is a dict with ``text``, ``x0``, ``x1``, ``top``, ``bottom``, ``size`` and
    ``fontname`` (pdfplumber's words, or pdfium's text runs: both readers share it); a run
    that stands for several words at one position says how many in ``words``.
    """
    rows = _rows(words)
    mid = width / 2
    split = [row for row in rows if _has_gutter(row, mid) and _both_sides(row, mid)]
    both = [row for row in rows if _both_sides(row, mid)]
    if len(split) < 3 or len(split) < 0.6 * len(both):
        return [_line(row) for row in _columns_in_runs(rows, mid)]
    spanning = [row for row in rows if not _has_gutter(row, mid)]
    first_split_top = min(row[0]["top"] for row in split)
    above = [row for row in spanning if row[0]["top"] < first_split_top]
    below = [row for row in spanning if row[0]["top"] >= first_split_top]
    columns = _left_then_right([row for row in rows if _has_gutter(row, mid)], mid)
    return [_line(row) for row in above + columns + below]


def _rows(words: list[dict]) -> list[list[dict]]:
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= _ROW_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w["x0"]) for row in rows]


def _columns_in_runs(rows: list[list[dict]], mid: float) -> list[list[dict]]:
    """Rows in reading order where two columns' lines are not level with each other (a heading
    or a paragraph break shifts one column's lines, so few lines face one across the middle).

    Each run of consecutive rows that no line crosses the middle of is read as two columns,
    left then right, when it holds at least three lines on the right starting at one left
    edge, and at least three lines on the left between the first and the last of them. A
    right-aligned signature or date beside nothing, or a ragged aside, is no column.
    """
    ordered: list[list[dict]] = []
    start = 0
    for end in range(len(rows) + 1):
        if end < len(rows) and _has_gutter(rows[end], mid):
            continue
        run = rows[start:end]
        ordered += _left_then_right(run, mid) if _two_columns(run, mid) else run
        ordered += rows[end:end + 1]  # the row that crosses the middle, if any
        start = end + 1
    return ordered


def _left_then_right(rows: list[list[dict]], mid: float) -> list[list[dict]]:
    """Rows that no line crosses the middle of, as two columns: the left one, then the right."""
    left = [[w for w in row if w["x1"] <= mid] for row in rows]
    right = [[w for w in row if w["x0"] >= mid] for row in rows]
    return [row for row in left if row] + [row for row in right if row]


def _two_columns(run: list[list[dict]], mid: float) -> bool:
    right = [i for i, row in enumerate(run) if any(w["x0"] >= mid for w in row)]
    if len(right) < _MIN_COLUMN_LINES:
        return False
    facing = sum(any(w["x1"] <= mid for w in row) for row in run[right[0]:right[-1] + 1])
    edges = [min(w["x0"] for w in run[i] if w["x0"] >= mid) for i in right]
    edge = median(edges)
    aligned = sum(abs(x - edge) <= _EDGE_SLACK for x in edges)
    return facing >= _MIN_COLUMN_LINES and aligned >= 0.8 * len(edges)


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
        size=float(median(w["size"] for w in row for _ in range(w.get("words", 1)))),
        bold=all("bold" in str(w.get("fontname", "")).lower() for w in row),
    )


def normalise_furniture(text: str) -> str:
    """The form in which a running header or footer repeats: its numbers set aside ("Page 3
    of 8"), but the number a heading starts with kept ("8. Survey" is not "9. Survey")."""
    text = text.lower().strip()
    number = _SECTION_NUMBER.match(text)
    head, rest = (number.group(0), text[number.end():]) if number else ("", text)
    return re.sub(r"\s+", " ", head + re.sub(r"\d+", "#", rest)).strip()


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def furniture_keys(pages: list[list[Line]], heights: list[float]) -> set[str]:
    """Normalised texts of margin lines repeated on at least two pages and half the pages:
    running headers and footers. A heading that two pages of ten start with is none."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        keys = {
            normalise_furniture(line.text)
            for line in lines
            if line.top < height * MARGIN_SHARE or line.bottom > height * (1 - MARGIN_SHARE)
        }
        counts.update(keys)
    return {key for key, n in counts.items() if n >= 2 and 2 * n >= len(pages) and key}


def split_furniture(
    lines: list[Line], height: float, repeated: set[str]
) -> tuple[list[Line], list[str]]:
    """Separate body lines from running headers, footers and page numbers."""
    body: list[Line] = []
    furniture: list[str] = []
    for line in lines:
        in_margin = line.top < height * MARGIN_SHARE or line.bottom > height * (1 - MARGIN_SHARE)
        if in_margin and (normalise_furniture(line.text) in repeated or is_page_number(line.text)):
            furniture.append(line.text)
        else:
            body.append(line)
    return body, furniture


def lines_to_blocks(lines: list[Line], body_size: float | None = None) -> list[Block]:
    """Group consecutive lines into headings and paragraphs by spacing, size and weight."""
    if not lines:
        return []
    size = body_size or median(line.size for line in lines)
    blocks: list[Block] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            blocks.append(_block(current, size))
            current.clear()

    for line in lines:
        if current:
            previous = current[-1]
            height = max(previous.bottom - previous.top, 1.0)
            gap = line.top - previous.bottom
            if (
                gap > 0.55 * height
                or gap < -height  # a jump back up: next column
                or _is_heading(previous, size) != _is_heading(line, size)
                or _starts_item(line.text, previous.text)
            ):
                flush()
        current.append(line)
    flush()
    return blocks


def _starts_item(text: str, previous: str) -> bool:
    """A bullet or numbered item begins here, not a wrapped line that starts with a number."""
    if not LIST_ITEM.match(text):
        return False
    return not text[:1].isalnum() or previous.rstrip().endswith((".", ":", ";", "!", "?"))


def _is_heading(line: Line, body_size: float) -> bool:
    words = line.text.split()
    if not words or len(words) > 14 or line.text.rstrip().endswith((".", ";", ",")):
        return False
    return line.size >= body_size * 1.12 or (line.bold and len(words) <= 12)


def _block(lines: list[Line], body_size: float) -> Block:
    text = " ".join(line.text.strip() for line in lines)
    text = re.sub(r"(\w)- (\w)", r"\1\2", text) if "- " in text else text
    if _is_heading(lines[0], body_size) and len(lines) <= 3:
        level = 1 if lines[0].size >= body_size * 1.3 else 2
        return Block(BlockKind.HEADING, text, level=level)
    return Block(BlockKind.PARAGRAPH, text)


def table_block(rows: list[list[str | None]]) -> Block | None:
    """A table block from extracted rows; empty rows and columns are dropped."""
    clean = [
        tuple(re.sub(r"\s+", " ", cell or "").strip() for cell in row)
        for row in rows
        if any((cell or "").strip() for cell in row)
    ]
    if not clean:
        return None
    text = "\n".join(" | ".join(row) for row in clean)
    return Block(BlockKind.TABLE, text, rows=tuple(clean))


def text_to_blocks(text: str) -> list[Block]:
    """Blocks from plain text (OCR output): paragraphs are separated by blank lines."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines or (len(lines) == 1 and is_page_number(lines[0])):
            continue
        joined = " ".join(lines)
        short = len(joined.split()) <= 10 and not joined.endswith((".", ";", ","))
        kind = BlockKind.HEADING if short and len(lines) == 1 else BlockKind.PARAGRAPH
        blocks.append(Block(kind, joined, level=2 if kind is BlockKind.HEADING else 0))
    return blocks
