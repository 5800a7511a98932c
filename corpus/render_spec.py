"""The document specification of ``corpus/SPEC.md`` as validated, immutable records.

Renderers work on these records rather than on raw JSON, so a malformed specification fails
once, here, with a message naming the field, instead of half-way through a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath
from typing import Any, Final


class SpecError(ValueError):
    """A specification does not follow ``corpus/SPEC.md``."""


class PageOverflowError(SpecError):
    """The blocks of one specification page do not fit on one rendered page."""


class BlockType(StrEnum):
    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLETS = "bullets"
    TABLE = "table"
    SIGNATURE = "signature"


class Layout(StrEnum):
    SINGLE = "single"
    TWO_COLUMN = "two_column"
    SCANNED = "scanned"


class Format(StrEnum):
    PDF = "pdf"
    DOCX = "docx"


HEADING_LEVELS: Final[range] = range(1, 4)


@dataclass(frozen=True)
class Block:
    """One block of a page; only the fields of its type are set."""

    type: BlockType
    text: str = ""
    level: int = 1
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentSpec:
    """What a rendered written update contains, page by page."""

    file_name: str
    format: Format
    layout: Layout
    pages: tuple[tuple[Block, ...], ...]
    meeting: str | None = None
    letterhead: tuple[str, ...] = ()
    running_header: str | None = None
    running_footer: str | None = None

    @property
    def title(self) -> str:
        """The first title block, used as document metadata; the file stem if there is none."""
        for page in self.pages:
            for block in page:
                if block.type is BlockType.TITLE:
                    return block.text
        return PurePath(self.file_name).stem


def is_total_row(row: tuple[str, ...]) -> bool:
    """Whether a table row is a total row ("Total", "Total 2021"), which renderers set in bold."""
    return row[0].strip().lower().startswith("total")


def running_text(template: str, page: int, pages: int) -> str:
    """Fill the ``{page}`` and ``{pages}`` placeholders of a running header or footer."""
    return template.replace("{page}", str(page)).replace("{pages}", str(pages))


def parse_spec(raw: dict[str, Any]) -> DocumentSpec:
    """Validate a specification loaded from JSON and return it as a ``DocumentSpec``."""
    name = _text(raw, "file_name", "specification")
    try:
        fmt = Format(raw.get("format"))
    except ValueError:
        raise SpecError(f"{name}: format must be one of {[f.value for f in Format]}") from None
    if PurePath(name).suffix.lower() != f".{fmt.value}":
        raise SpecError(f"{name}: the extension does not match format {fmt.value!r}")
    try:
        layout = Layout(raw.get("layout", Layout.SINGLE.value))
    except ValueError:
        raise SpecError(f"{name}: layout must be one of {[lay.value for lay in Layout]}") from None
    if fmt is Format.DOCX and layout is not Layout.SINGLE:
        raise SpecError(f"{name}: layout {layout.value!r} applies to PDF only")
    pages = raw.get("pages")
    if not isinstance(pages, list) or not pages:
        raise SpecError(f"{name}: pages must be a non-empty list")
    return DocumentSpec(
        file_name=name,
        format=fmt,
        layout=layout,
        pages=tuple(_page(page, f"{name} page {no}") for no, page in enumerate(pages, 1)),
        meeting=raw.get("meeting"),
        letterhead=_strings(raw.get("letterhead", []), f"{name} letterhead"),
        running_header=raw.get("running_header"),
        running_footer=raw.get("running_footer"),
    )


def _page(blocks: Any, where: str) -> tuple[Block, ...]:
    if not isinstance(blocks, list) or not blocks:
        raise SpecError(f"{where}: a page is a non-empty list of blocks")
    return tuple(_block(block, f"{where} block {no}") for no, block in enumerate(blocks, 1))


def _block(raw: Any, where: str) -> Block:
    if not isinstance(raw, dict):
        raise SpecError(f"{where}: a block is an object")
    try:
        kind = BlockType(raw.get("type"))
    except ValueError:
        raise SpecError(f"{where}: unknown block type {raw.get('type')!r}") from None
    match kind:
        case BlockType.TITLE | BlockType.PARAGRAPH:
            return Block(kind, text=_text(raw, "text", where))
        case BlockType.HEADING:
            level = raw.get("level", 1)
            if level not in HEADING_LEVELS:
                raise SpecError(f"{where}: heading level must be 1, 2 or 3")
            return Block(kind, text=_text(raw, "text", where), level=level)
        case BlockType.BULLETS:
            return Block(kind, items=_strings(raw.get("items"), where, required=True))
        case BlockType.SIGNATURE:
            return Block(kind, lines=_strings(raw.get("lines"), where, required=True))
        case BlockType.TABLE:
            return Block(kind, rows=_rows(raw.get("rows"), where))


def _text(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise SpecError(f"{where}: {key} must be a non-empty string")
    return value


def _strings(value: Any, where: str, required: bool = False) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SpecError(f"{where}: expected a list of strings")
    if required and not value:
        raise SpecError(f"{where}: the list must not be empty")
    return tuple(value)


def _rows(value: Any, where: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list) or not value:
        raise SpecError(f"{where}: rows must be a non-empty list")
    rows = tuple(_strings(row, where, required=True) for row in value)
    if len({len(row) for row in rows}) != 1:
        raise SpecError(f"{where}: every table row needs the same number of cells")
    return rows
