"""What a reader returns: pages of blocks, or the reasons it could not."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ReadStatus(StrEnum):
    SUCCESS = "success"
    PARTIAL = "partial"  # read, but some pages are missing or empty (scans without OCR)
    FAILED = "failed"


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    TABLE = "table"


@dataclass(frozen=True)
class Block:
    """A heading, a paragraph or a table, in reading order on its page."""

    kind: BlockKind
    text: str
    level: int = 0
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Page:
    number: int
    blocks: tuple[Block, ...]
    ocr: bool = False

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks)


@dataclass(frozen=True)
class ReadResult:
    """A document as read: its pages, the running headers and footers set apart, and any errors.

    ``errors`` name the file and, where it applies, the page and the reason.
    """

    status: ReadStatus
    format: str
    pages: tuple[Page, ...] = ()
    furniture: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    @property
    def ocr_pages(self) -> int:
        return sum(page.ocr for page in self.pages)

    @property
    def text(self) -> str:
        return "\n".join(page.text for page in self.pages)


def failed(fmt: str, reason: str) -> ReadResult:
    return ReadResult(status=ReadStatus.FAILED, format=fmt, errors=(reason,))
