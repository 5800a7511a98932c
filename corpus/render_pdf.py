"""Render a specification to a text PDF with reportlab, in one or two columns.

Every specification page becomes exactly one PDF page: a zero-size mark follows the blocks of
each page and the PDF page it lands on is checked after the build, so a page whose blocks spill
over raises ``PageOverflowError`` instead of shifting the pages that the gold labels name.
Output is byte-identical between runs (``invariant=1``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    LayoutError,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
)

from corpus.render_fonts import Fonts, pdf_fonts
from corpus.render_pdf_blocks import BlockStyles, block_flowables, block_styles, markup
from corpus.render_spec import BlockType, DocumentSpec, Layout, PageOverflowError, running_text

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X: Final = 2.3 * cm
MARGIN_TOP: Final = 2.2 * cm
MARGIN_BOTTOM: Final = 2.2 * cm
TEXT_WIDTH: Final = PAGE_WIDTH - 2 * MARGIN_X
GUTTER: Final = 0.8 * cm
LETTERHEAD_FIRST: Final = 12.5
LETTERHEAD_OTHER: Final = 11.0
LETTERHEAD_GAP: Final = 16.0


@dataclass(frozen=True)
class _Furniture:
    """What is drawn around the body: running header and footer, and on page 1 the letterhead
    and, in two columns, the title spanning both columns."""

    spec: DocumentSpec
    fonts: Fonts
    banner: Paragraph | None

    @property
    def letterhead_height(self) -> float:
        lines = len(self.spec.letterhead)
        if not lines:
            return 0.0
        return LETTERHEAD_FIRST + LETTERHEAD_OTHER * (lines - 1) + LETTERHEAD_GAP

    @property
    def banner_height(self) -> float:
        if self.banner is None:
            return 0.0
        return self.banner.wrap(TEXT_WIDTH, PAGE_HEIGHT)[1] + self.banner.style.spaceAfter

    def draw(self, canvas: Canvas, first: bool) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.setFont(self.fonts.sans, 8)
        pages, page = len(self.spec.pages), canvas.getPageNumber()
        if self.spec.running_header:
            text = running_text(self.spec.running_header, page, pages)
            canvas.drawRightString(PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 1.3 * cm, text)
        if self.spec.running_footer:
            text = running_text(self.spec.running_footer, page, pages)
            canvas.drawCentredString(PAGE_WIDTH / 2, 1.2 * cm, text)
        if first:
            self._draw_letterhead(canvas)
            if self.banner is not None:
                top = PAGE_HEIGHT - MARGIN_TOP - self.letterhead_height
                height = self.banner.wrap(TEXT_WIDTH, PAGE_HEIGHT)[1]
                self.banner.drawOn(canvas, MARGIN_X, top - height)
        canvas.restoreState()

    def _draw_letterhead(self, canvas: Canvas) -> None:
        if not self.spec.letterhead:
            return
        canvas.setFillColor(colors.black)
        y = PAGE_HEIGHT - MARGIN_TOP
        for no, line in enumerate(self.spec.letterhead):
            canvas.setFont(
                self.fonts.sans_bold if no == 0 else self.fonts.sans, 11 if no == 0 else 8.5
            )
            y -= LETTERHEAD_FIRST if no == 0 else LETTERHEAD_OTHER
            canvas.drawCentredString(PAGE_WIDTH / 2, y, line)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_X, y - 6, PAGE_WIDTH - MARGIN_X, y - 6)


def _banner(spec: DocumentSpec, styles: BlockStyles) -> Paragraph | None:
    """In two columns, a title opening the document spans both columns, as in printed reports."""
    first = spec.pages[0][0]
    if spec.layout is Layout.TWO_COLUMN and first.type is BlockType.TITLE:
        return Paragraph(markup(first.text), styles.title)
    return None


def _frames(spec: DocumentSpec, top_offset: float, prefix: str) -> list[Frame]:
    height = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - top_offset
    if spec.layout is not Layout.TWO_COLUMN:
        return [Frame(MARGIN_X, MARGIN_BOTTOM, TEXT_WIDTH, height, id=f"{prefix}-body")]
    column = (TEXT_WIDTH - GUTTER) / 2
    return [
        Frame(MARGIN_X, MARGIN_BOTTOM, column, height, id=f"{prefix}-left"),
        Frame(MARGIN_X + column + GUTTER, MARGIN_BOTTOM, column, height, id=f"{prefix}-right"),
    ]


class _PageEnd(Flowable):
    """A zero-size flowable placed after the last block of a specification page."""

    def __init__(self, spec_page: int) -> None:
        super().__init__()
        self.spec_page = spec_page

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class _MarkedDoc(BaseDocTemplate):
    """A document template that remembers on which PDF page each specification page ended."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.page_ends: dict[int, int] = {}

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _PageEnd):
            self.page_ends[flowable.spec_page] = self.page


def _story(spec: DocumentSpec, styles: BlockStyles, skip_first: bool) -> list[Flowable]:
    width = _frames(spec, 0.0, "probe")[0].width
    story: list[Flowable] = [NextPageTemplate("later")]
    for no, page in enumerate(spec.pages, 1):
        blocks = page[1:] if no == 1 and skip_first else page
        for block in blocks:
            story.extend(block_flowables(block, width, styles))
        story.append(_PageEnd(no))
        if no < len(spec.pages):
            story.append(PageBreak())
    return story


def _check_pages(spec: DocumentSpec, page_ends: dict[int, int], built: int) -> None:
    for spec_page, pdf_page in sorted(page_ends.items()):
        if pdf_page != spec_page:
            raise PageOverflowError(
                f"{spec.file_name}: the blocks of page {spec_page} do not fit on one page"
            )
    if built != len(spec.pages):
        raise PageOverflowError(
            f"{spec.file_name}: rendered {built} pages for {len(spec.pages)} specified"
        )


def pdf_bytes(spec: DocumentSpec) -> bytes:
    """The text PDF of a specification, one PDF page per specification page."""
    fonts = pdf_fonts()
    styles = block_styles(fonts)
    furniture = _Furniture(spec, fonts, _banner(spec, styles))
    buffer = io.BytesIO()
    doc = _MarkedDoc(
        buffer,
        pagesize=A4,
        title=spec.title,
        author="",
        subject=spec.meeting or "",
        invariant=1,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
    )
    first_offset = furniture.letterhead_height + furniture.banner_height
    doc.addPageTemplates(
        [
            PageTemplate(
                "first",
                _frames(spec, first_offset, "first"),
                onPage=lambda canvas, _doc: furniture.draw(canvas, first=True),
            ),
            PageTemplate(
                "later",
                _frames(spec, 0.0, "later"),
                onPage=lambda canvas, _doc: furniture.draw(canvas, first=False),
            ),
        ]
    )
    try:
        doc.build(_story(spec, styles, skip_first=furniture.banner is not None))
    except LayoutError as error:
        raise PageOverflowError(f"{spec.file_name}: a block is too large for a page") from error
    _check_pages(spec, doc.page_ends, doc.page)
    return buffer.getvalue()


def write_pdf(spec: DocumentSpec, path: Path) -> Path:
    """Write the text PDF of a specification to ``path``."""
    path.write_bytes(pdf_bytes(spec))
    return path
