"""Render a specification to a Word document with python-docx.

Headings keep their Word styles (Title, Heading 1-3) and bullets use List Bullet, so a reader
can recover the structure; tables are real Word tables; specification pages are separated by
hard page breaks. The letterhead and running header sit in the section header, the running
footer in the footer with PAGE and NUMPAGES fields. The zip is rewritten with fixed entry times
and the core properties carry a fixed date, so the bytes are the same on every run.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from corpus.render_pdf import pdf_bytes
from corpus.render_spec import Block, BlockType, DocumentSpec, is_total_row

FIXED_DATE: Final = datetime(2000, 1, 1, tzinfo=UTC)
FIXED_ZIP_TIME: Final = (2000, 1, 1, 0, 0, 0)
BODY_FONT: Final = "Times New Roman"
_PLACEHOLDER: Final = re.compile(r"(\{page\}|\{pages\})")
_NUMERIC: Final = re.compile(r"^[\d\s.,%+\-\u00a0\u202f]*\d[\d\s.,%+\-\u00a0\u202f]*$")


def _setup(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.3)
    section.top_margin = section.bottom_margin = Cm(2.2)
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)


def _add_field(paragraph: Paragraph, instruction: str, cached: str) -> None:
    """Append a Word field (PAGE, NUMPAGES) showing ``cached`` until Word updates it."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None)):
        run = paragraph.add_run()
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        run._r.append(element)
    paragraph.add_run(cached)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def _running(paragraph: Paragraph, template: str, pages: int) -> None:
    for part in _PLACEHOLDER.split(template):
        if part == "{page}":
            _add_field(paragraph, "PAGE", "1")
        elif part == "{pages}":
            _add_field(paragraph, "NUMPAGES", str(pages))
        elif part:
            paragraph.add_run(part)
    for run in paragraph.runs:
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor(0x44, 0x44, 0x44)


def _headers_and_footers(document: Document, spec: DocumentSpec) -> None:
    section = document.sections[0]
    pages = len(spec.pages)
    headers = [section.header]
    footers = [section.footer]
    if spec.letterhead:
        section.different_first_page_header_footer = True
        first = section.first_page_header
        for no, line in enumerate(spec.letterhead):
            paragraph = first.paragraphs[0] if no == 0 else first.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(line)
            run.bold = no == 0
            run.font.size = Pt(11 if no == 0 else 8.5)
        headers.append(first)
        footers.append(section.first_page_footer)
    if spec.running_header:
        for header in headers:
            paragraph = header.paragraphs[0] if header is section.header else header.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _running(paragraph, spec.running_header, pages)
    if spec.running_footer:
        for footer in footers:
            footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            _running(footer.paragraphs[0], spec.running_footer, pages)


def _table(document: Document, block: Block) -> None:
    table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
    table.style = "Table Grid"
    for row_no, row in enumerate(block.rows):
        for cell, text in zip(table.rows[row_no].cells, row):
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            run = paragraph.add_run(text)
            run.font.size = Pt(9.5)
            run.bold = row_no == 0 or is_total_row(row)
            if row_no and _NUMERIC.match(text):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(OxmlElement("w:tblHeader"))


def _block(document: Document, block: Block) -> None:
    match block.type:
        case BlockType.TITLE:
            document.add_paragraph(block.text, style="Title")
        case BlockType.HEADING:
            document.add_heading(block.text, level=block.level)
        case BlockType.PARAGRAPH:
            document.add_paragraph(block.text).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        case BlockType.BULLETS:
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        case BlockType.TABLE:
            _table(document, block)
        case BlockType.SIGNATURE:
            for no, line in enumerate(block.lines):
                paragraph = document.add_paragraph(line)
                paragraph.paragraph_format.left_indent = Cm(8.5)
                paragraph.paragraph_format.space_after = Pt(0)
                if no == 0:
                    paragraph.paragraph_format.space_before = Pt(18)


def _set_core_properties(document: Document, spec: DocumentSpec) -> None:
    props = document.core_properties
    props.title = spec.title
    props.author = ""
    props.last_modified_by = ""
    props.subject = spec.meeting or ""
    props.revision = 1
    props.created = props.modified = FIXED_DATE


def _stable_zip(data: bytes) -> bytes:
    """The same package with fixed entry times and attributes, so equal content gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def docx_bytes(spec: DocumentSpec) -> bytes:
    """The Word document of a specification.

    Word lays pages out itself, so fit is checked on the PDF rendering of the same blocks, which
    uses wider type than Word's Times New Roman: a page that fits there fits in Word.
    """
    pdf_bytes(spec)
    document = docx.Document()
    _setup(document)
    _headers_and_footers(document, spec)
    for no, page in enumerate(spec.pages, 1):
        for block in page:
            _block(document, block)
        if no < len(spec.pages):
            document.add_page_break()
    _set_core_properties(document, spec)
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable_zip(buffer.getvalue())


def write_docx(spec: DocumentSpec, path: Path) -> Path:
    """Write the Word document of a specification to ``path``."""
    path.write_bytes(docx_bytes(spec))
    return path
