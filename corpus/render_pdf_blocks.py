"""Reportlab flowables for the blocks of a specification: styles, paragraphs, ruled tables.

Tables are drawn with full grid lines, as in the documents States Parties circulate, which is
also what lets pdfplumber find their cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from corpus.render_fonts import Fonts
from corpus.render_spec import Block, BlockType, is_total_row

_NUMERIC: Final = re.compile(r"^[\d\s.,%+\-\u00a0\u202f]*\d[\d\s.,%+\-\u00a0\u202f]*$")


@dataclass(frozen=True)
class BlockStyles:
    """The paragraph styles of each kind of block."""

    title: ParagraphStyle
    headings: tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]
    body: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_number: ParagraphStyle
    cell_header: ParagraphStyle
    signature: ParagraphStyle


def block_styles(fonts: Fonts) -> BlockStyles:
    """Paragraph styles: serif body text, sans-serif title, headings and tables."""
    body = ParagraphStyle(
        "body",
        fontName=fonts.serif,
        fontSize=10.5,
        leading=14.2,
        alignment=TA_JUSTIFY,
        spaceAfter=6,
    )
    heading = ParagraphStyle(
        "h1",
        fontName=fonts.sans_bold,
        fontSize=12,
        leading=15,
        spaceBefore=8,
        spaceAfter=5,
        keepWithNext=1,
    )
    cell = ParagraphStyle("cell", fontName=fonts.sans, fontSize=9, leading=11.5)
    return BlockStyles(
        title=ParagraphStyle(
            "title",
            fontName=fonts.sans_bold,
            fontSize=14.5,
            leading=18,
            alignment=TA_CENTER,
            spaceAfter=12,
        ),
        headings=(
            heading,
            ParagraphStyle("h2", parent=heading, fontSize=11, leading=14),
            ParagraphStyle("h3", parent=heading, fontName=fonts.sans, fontSize=10.5, leading=13),
        ),
        body=body,
        bullet=ParagraphStyle(
            "bullet",
            parent=body,
            leftIndent=16,
            bulletIndent=4,
            spaceAfter=3,
            bulletFontName=fonts.serif,
        ),
        cell=cell,
        cell_number=ParagraphStyle("cell_number", parent=cell, alignment=TA_RIGHT),
        cell_header=ParagraphStyle("cell_header", parent=cell, fontName=fonts.sans_bold),
        signature=ParagraphStyle("signature", parent=body, alignment=0, spaceAfter=0),
    )


def markup(text: str) -> str:
    """Escape text for reportlab's paragraph mark-up."""
    # reportlab breaks lines at U+202F, so it is drawn as the no-break space U+00A0.
    return escape(text.replace("\u202f", "\u00a0"))


def _table(block: Block, width: float, styles: BlockStyles) -> Table:
    columns = len(block.rows[0])
    weights = [min(40, max(6, max(len(row[col]) for row in block.rows))) for col in range(columns)]
    col_widths = [width * w / sum(weights) for w in weights]

    def cell(text: str, bold: bool) -> Paragraph:
        style = styles.cell_number if _NUMERIC.match(text) else styles.cell
        if bold:
            style = ParagraphStyle("bold", parent=style, fontName=styles.cell_header.fontName)
        return Paragraph(markup(text), style)

    data = [
        [cell(text, no == 0 or is_total_row(row)) for text in row]
        for no, row in enumerate(block.rows)
    ]
    table = Table(data, colWidths=col_widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def block_flowables(block: Block, width: float, styles: BlockStyles) -> list[Flowable]:
    """The reportlab flowables drawing one block in a frame of the given width."""
    match block.type:
        case BlockType.TITLE:
            return [Paragraph(markup(block.text), styles.title)]
        case BlockType.HEADING:
            return [Paragraph(markup(block.text), styles.headings[block.level - 1])]
        case BlockType.PARAGRAPH:
            return [Paragraph(markup(block.text), styles.body)]
        case BlockType.BULLETS:
            items = [Paragraph(markup(item), styles.bullet, bulletText="•") for item in block.items]
            return [*items, Spacer(0, 3)]
        case BlockType.TABLE:
            return [Spacer(0, 3), _table(block, width, styles), Spacer(0, 8)]
        case BlockType.SIGNATURE:
            indent = width * 0.5 if width > 12 * cm else 0
            style = ParagraphStyle("sig", parent=styles.signature, leftIndent=indent)
            return [Spacer(0, 14), *(Paragraph(markup(line), style) for line in block.lines)]
