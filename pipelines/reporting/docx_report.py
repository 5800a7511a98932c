"""Render the report to an editable Word document with the same blocks as the HTML."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt, RGBColor

from pipelines.reporting import docx_parts
from pipelines.reporting.model import (
    Block,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Quote,
    Report,
    Table,
    TitlePage,
)
from pipelines.reporting.widths import column_shares

SERIF, SANS = "Times New Roman", "Arial"
SHADES = {"na": "D4D4D4"}
TABLE_FONT = Pt(7.5)
TABLE_WIDTH = Cm(16)
#: A cell's margins (Word's 0.19 cm on each side) and borders, in em of the tables' text, with
#: room for a reader that sets the text in another font than Arial.
CELL_MARGINS_EM = Cm(0.38).pt / TABLE_FONT.pt + 0.5


def _styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = SERIF, Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    for level, size in ((1, 13), (2, 11), (3, 10)):
        style = document.styles[f"Heading {level}"]
        style.font.name, style.font.size, style.font.bold = SERIF, Pt(size), True
        style.font.italic = level == 3
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(12 if level < 3 else 8)
        style.paragraph_format.space_after = Pt(4)


def _page_setup(document, symbol: str) -> None:
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    section.left_margin, section.right_margin = Cm(2.2), Cm(2.0)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.text = symbol
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.runs[0].font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    docx_parts.add_field(footer, "PAGE", "1")


def _title_page(document, tp: TitlePage) -> None:
    masthead = document.add_table(rows=1, cols=2)
    left, right = masthead.rows[0].cells
    left.paragraphs[0].add_run(tp.convention).bold = True
    right_lines = right.paragraphs[0]
    right_lines.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    right_lines.add_run(tp.symbol).bold = True
    right_lines.add_run(f"\n{tp.generated}\nOriginal: English").font.size = Pt(9)
    rule = document.add_paragraph()
    docx_parts.bottom_border(rule, 18)
    meeting = document.add_paragraph()
    meeting.add_run(tp.meeting).bold = True
    meeting.add_run(f"\n{tp.place_dates}")
    meeting.paragraph_format.space_after = Pt(90)
    title = document.add_paragraph()
    run = title.add_run(tp.title)
    run.bold, run.font.size = True, Pt(17)
    document.add_paragraph(tp.subtitle).runs[0].font.size = Pt(11)
    presidency = document.add_paragraph()
    presidency.add_run(tp.presidency).italic = True
    presidency.paragraph_format.space_before, presidency.paragraph_format.space_after = Pt(30), Pt(110)
    notice = document.add_paragraph(tp.notice)
    notice.runs[0].font.size = Pt(8.5)
    document.add_paragraph(f"Generated on {tp.generated}").runs[0].font.size = Pt(8.5)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _contents(document) -> None:
    heading = document.add_paragraph()
    heading.add_run("Contents").bold = True
    docx_parts.add_field(document.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u',
                         "Update the field (F9) to show the table of contents.")
    docx_parts.update_fields_on_open(document)


def _heading(document, b: Heading) -> None:
    paragraph = document.add_heading(f"{b.label}\t{b.text}" if b.label else b.text, b.level)
    paragraph.paragraph_format.keep_with_next = True
    if b.level == 1:
        paragraph.paragraph_format.page_break_before = True
    if b.label:
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(2.0 if b.level == 1 else 1.0))


def _paragraph(document, b: Paragraph) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if b.number:
        fmt = paragraph.paragraph_format
        fmt.left_indent, fmt.first_line_indent = Cm(1.0), Cm(-1.0)
        fmt.tab_stops.add_tab_stop(Cm(1.0))
        paragraph.add_run(f"{b.number}.\t")
    run = paragraph.add_run(b.text)
    if b.css == "action-text":
        run.italic = True
        paragraph.paragraph_format.left_indent = Cm(1.0)


def _quote(document, b: Quote) -> None:
    text = document.add_paragraph()
    text.paragraph_format.left_indent = Cm(1.5)
    text.paragraph_format.space_after = Pt(0)
    run = text.add_run(f"“{b.text}”")
    run.italic, run.font.size = True, Pt(9)
    cite = document.add_paragraph()
    cite.paragraph_format.left_indent = Cm(1.5)
    small = Pt(8)
    cite.add_run(f"{b.state}, ").font.size = small
    if b.href:
        docx_parts.add_hyperlink(cite, b.file_name, b.href, small)
    else:
        cite.add_run(b.file_name).font.size = small
    cite.add_run(f", p. {b.page}" + (f" ({b.note})" if b.note else "")).font.size = small


def _table(document, t: Table) -> None:
    caption = document.add_paragraph()
    caption.add_run(t.caption).bold = True
    caption.paragraph_format.keep_with_next = True
    table = document.add_table(rows=1, cols=len(t.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, text in enumerate(t.header):
        cell = table.rows[0].cells[i]
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.size, run.font.name = True, TABLE_FONT, SANS
        docx_parts.shade(cell, "EDEDED")
    for row in t.rows:
        cells = table.add_row().cells
        for i, value in enumerate(row):
            paragraph = cells[i].paragraphs[0]
            if i in t.numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if value.href:
                docx_parts.add_hyperlink(paragraph, value.text, value.href, TABLE_FONT)
            else:
                run = paragraph.add_run(value.text)
                run.font.size, run.font.name = TABLE_FONT, SANS
            if value.css in SHADES:
                docx_parts.shade(cells[i], SHADES[value.css])
    docx_parts.repeat_header(table)
    shares = column_shares(t, TABLE_WIDTH.pt / TABLE_FONT.pt, CELL_MARGINS_EM)
    docx_parts.set_column_widths(table, shares, TABLE_WIDTH)
    if t.note:
        note = document.add_paragraph(t.note)
        note.runs[0].font.size = Pt(7.5)


def _figure(document, f: Figure) -> None:
    caption = document.add_paragraph()
    caption.add_run(f.caption).bold = True
    caption.paragraph_format.keep_with_next = True
    shape = document.add_picture(io.BytesIO(f.png), width=Cm(16.5))
    docx_parts.alt_text(shape, f.caption, f.alt)
    alt = document.add_paragraph(f.alt)
    alt.runs[0].italic, alt.runs[0].font.size = True, Pt(8)
    if f.table:
        _table(document, f.table)


RENDERERS = {Heading: _heading, Paragraph: _paragraph, Quote: _quote, Table: _table,
             Figure: _figure}


def write_docx(report: Report, path: Path) -> Path:
    """Write the report as a Word document at ``path``."""
    document = docx.Document()
    _styles(document)
    _page_setup(document, report.title_page.symbol)
    _title_page(document, report.title_page)
    _contents(document)
    for block in report.blocks:
        _render(document, block)
    document.save(str(path))
    return path


def _render(document, block: Block) -> None:
    if isinstance(block, PageBreak):
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        return
    RENDERERS[type(block)](document, block)
