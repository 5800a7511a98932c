"""Read a Word (.docx) file into pages of blocks with python-docx.

Pages are the stretches between hard page breaks (or section breaks); where a file has
none, the page breaks Word recorded when it last laid the document out are used.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import docx
from docx.document import Document as DocumentObject
from docx.oxml.ns import nsmap, qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from sources import layout
from sources.model import Block, BlockKind, Page, ReadResult, ReadStatus, failed

#: Largest total uncompressed size of a Word archive we agree to open.
MAX_UNCOMPRESSED_BYTES: Final[int] = 200 * 1024 * 1024
#: Largest ratio of uncompressed to compressed size (zip bombs have ratios in the thousands).
MAX_COMPRESSION_RATIO: Final[int] = 200


def check_archive(path: Path) -> str | None:
    """The reason not to open the archive, or None when it looks safe."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        return f"the Word file is corrupt or truncated ({error})"
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if total > MAX_UNCOMPRESSED_BYTES or total / packed > MAX_COMPRESSION_RATIO:
        return (
            f"the Word archive would expand to {total:,} bytes "
            f"(ratio {total / packed:.0f}:1), beyond the safe limit; it may be a zip bomb"
        )
    return None


def read_docx(path: Path, *, max_pages: int) -> ReadResult:
    reason = check_archive(path)
    if reason:
        return failed("docx", f"{path.name}: {reason}")
    try:
        document = docx.Document(str(path))
    except Exception as error:  # noqa: BLE001 - python-docx and lxml raise many types for broken files
        return failed("docx", f"{path.name}: the Word file cannot be opened ({type(error).__name__})")
    pages = _pages(document)
    if len(pages) > max_pages:
        return failed("docx", f"{path.name}: {len(pages)} pages, over the limit of {max_pages}")
    furniture = tuple(dict.fromkeys(_header_footer_lines(document)))
    if not any(page.blocks for page in pages) and not furniture:
        return failed("docx", f"{path.name}: the Word document is empty")
    return ReadResult(ReadStatus.SUCCESS, "docx", tuple(pages), furniture)


def _xpath(path: str) -> etree.XPath:
    """An XPath over Word's namespaces, compiled once (python-docx compiles it at each use)."""
    return etree.XPath(path, namespaces=nsmap)


_PAGE_BREAK_BEFORE: Final = _xpath("./w:pPr/w:pageBreakBefore")
_RENDERED_BREAK: Final = _xpath("./w:r/w:lastRenderedPageBreak")
_SECTION_END: Final = _xpath("./w:pPr/w:sectPr")
_PAGE_BREAK: Final = _xpath('./w:r/w:br[@w:type="page"]')
_NUMBERING: Final = _xpath("./w:pPr/w:numPr/w:numId/@w:val")
_BASED_ON: Final = _xpath("./w:basedOn/@w:val")


def _pages(document: DocumentObject) -> list[Page]:
    body = document.element.body
    explicit = bool(body.xpath('.//w:br[@w:type="page"] | .//w:pageBreakBefore'))
    pages: list[list[Block]] = [[]]
    listed = _list_styles(document)
    styles: dict[str | None, str] = {}
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, document)
            if _breaks_before(child, explicit) and pages[-1]:
                pages.append([])
            block = _paragraph_block(paragraph, listed, styles)
            if block:
                pages[-1].append(block)
            if _breaks_after(child, explicit):
                pages.append([])
        elif child.tag == qn("w:tbl"):
            block = layout.table_block(_table_rows(Table(child, document)))
            if block:
                pages[-1].append(block)
    while len(pages) > 1 and not pages[-1]:
        pages.pop()
    return [Page(number=i + 1, blocks=tuple(blocks)) for i, blocks in enumerate(pages)]


def _breaks_before(element, explicit: bool) -> bool:
    if explicit:
        return bool(_PAGE_BREAK_BEFORE(element))
    return bool(_RENDERED_BREAK(element))


def _breaks_after(element, explicit: bool) -> bool:
    if _SECTION_END(element):
        return True
    return explicit and bool(_PAGE_BREAK(element))


def _paragraph_block(
    paragraph: Paragraph, listed: _ListStyles, styles: dict[str | None, str]
) -> Block | None:
    """The paragraph as a block; ``styles`` keeps the name of each style id met so far."""
    text = re.sub(r"[ \t]+", " ", paragraph.text).strip()
    if not text:
        return None
    style = _style_name(paragraph, styles)
    if style == "Title":
        return Block(BlockKind.HEADING, text, level=1)
    match = re.match(r"Heading (\d)", style)
    if match:
        return Block(BlockKind.HEADING, text, level=int(match.group(1)))
    if listed.holds(paragraph) and not layout.LIST_ITEM.match(text):
        text = f"{BULLET}{text}"
    return Block(BlockKind.PARAGRAPH, text)


#: What an item of a Word list opens with. Word draws its bullet or number when it lays the
#: document out, so the paragraph's text lacks it; a PDF's text has it.
BULLET: Final[str] = "• "


@dataclass(frozen=True)
class _ListStyles:
    """Which paragraphs of a document Word numbers or bullets, by their own numbering or their
    style's (a style may take it from the style it is based on). Numbering id 0 takes away a
    list a paragraph or style would inherit."""

    numbered: frozenset[str]  # ids of the paragraph styles that are lists
    default: str | None  # id of the style of paragraphs that name none

    def holds(self, paragraph: Paragraph) -> bool:
        own = _numbering(paragraph._p)
        if own is not None:
            return own
        return (paragraph._p.style or self.default) in self.numbered


def _list_styles(document: DocumentObject) -> _ListStyles:
    own: dict[str, bool | None] = {}
    parent: dict[str, str] = {}
    default = None
    for style in document.styles.element.xpath('./w:style[@w:type="paragraph"]'):
        style_id = style.get(qn("w:styleId"))
        own[style_id] = _numbering(style)
        based_on = _BASED_ON(style)
        if based_on:
            parent[style_id] = based_on[0]
        if style.get(qn("w:default")) in ("1", "true"):
            default = style_id

    def numbered(style_id: str) -> bool:
        seen = set()
        while style_id in own and style_id not in seen:
            if own[style_id] is not None:
                return bool(own[style_id])
            seen.add(style_id)
            style_id = parent.get(style_id, "")
        return False

    return _ListStyles(frozenset(filter(numbered, own)), default)


def _style_name(paragraph: Paragraph, names: dict[str | None, str]) -> str:
    """The name of the paragraph's style, looked up once per style id in ``names``.

    python-docx looks a paragraph's style up among all the document's styles each time it is
    asked: that was most of the time of reading a Word file.
    """
    style_id = paragraph._p.style
    if style_id not in names:
        style = paragraph.style
        names[style_id] = (style.name if style is not None else "") or ""
    return names[style_id]


def _numbering(element) -> bool | None:
    """Whether a paragraph's or a style's own properties number it; None when they say nothing."""
    ids = _NUMBERING(element)
    return ids[0] != "0" if ids else None


def _table_rows(table: Table) -> list[list[str | None]]:
    rows = []
    for row in table.rows:
        cells: list[str | None] = []
        previous = None
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans: keep it once.
            if cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(cell.text)
        rows.append(cells)
    return rows


def _header_footer_lines(document: DocumentObject) -> list[str]:
    lines: list[str] = []
    for section in document.sections:
        parts = [section.header, section.footer]
        if section.different_first_page_header_footer:
            parts += [section.first_page_header, section.first_page_footer]
        for part in parts:
            if part.is_linked_to_previous and lines:
                continue
            lines.extend(p.text.strip() for p in part.paragraphs if p.text.strip())
            for table in part.tables:
                lines.extend(c.text.strip() for r in table.rows for c in r.cells if c.text.strip())
    return lines
