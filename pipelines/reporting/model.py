"""The report as a list of blocks, built once and rendered to HTML (and PDF) and to Word.

Building the content once is what keeps the three formats saying the same thing: the renderers
only decide how a block looks, never what it says.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol


@dataclass(frozen=True)
class Cell:
    """A table cell: its text, an optional style class (e.g. 'na', 'reported') and link."""

    text: str
    css: str = ""
    href: str | None = None


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str
    label: str = ""

    @property
    def title(self) -> str:
        return f"{self.label}\u2003{self.text}" if self.label else self.text


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the body; ``number`` is set when the report is assembled."""

    text: str
    number: int | None = None
    numbered: bool = True
    css: str = ""


@dataclass(frozen=True)
class Quote:
    """Words of an update, with the State, file and page they come from."""

    text: str
    state: str
    file_name: str
    page: int
    href: str | None = None
    note: str = ""

    @property
    def citation(self) -> str:
        note = f"; {self.note}" if self.note else ""
        return f"{self.state}, {self.file_name}, p. {self.page}{note}"


@dataclass(frozen=True)
class Table:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: tuple[int, ...] = ()
    css: str = ""
    group_header: tuple[tuple[str, int], ...] = ()
    note: str = ""
    #: What the print formats (PDF, Word) show instead, where this table would fill pages: a
    #: table listing every file, for example, gives way to one row per State.
    in_print: Table | None = None


@dataclass(frozen=True)
class Figure:
    """A chart: inline SVG for HTML/PDF, PNG for Word, and a text alternative.

    ``chart`` gives the SVG and the PNG when they are asked for: a worker process may still
    be drawing them while the rest of the report is built.
    """

    key: str
    caption: str
    alt: str
    chart: Chart
    table: Table | None = None

    @property
    def svg(self) -> str:
        return self.chart.svg

    @property
    def png(self) -> bytes:
        return self.chart.png


class Chart(Protocol):
    @property
    def svg(self) -> str: ...

    @property
    def png(self) -> bytes: ...


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Quote | Table | Figure | PageBreak


@dataclass(frozen=True)
class TitlePage:
    convention: str
    meeting: str
    place_dates: str
    title: str
    subtitle: str
    symbol: str
    generated: str
    presidency: str
    notice: str


@dataclass
class Report:
    title_page: TitlePage
    blocks: list[Block] = field(default_factory=list)

    def headings(self, max_level: int = 2) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading) and b.level <= max_level]

    def for_print(self) -> Report:
        """The report as the PDF and Word show it: each table that has a form for print in that
        form. The report itself when it has none."""
        if not any(isinstance(b, Table) and b.in_print for b in self.blocks):
            return self
        return Report(self.title_page, [b.in_print if isinstance(b, Table) and b.in_print else b
                                        for b in self.blocks])


def number_paragraphs(blocks: list[Block], *, stop_at: str | None = None) -> list[Block]:
    """Number the numbered paragraphs 1, 2, 3, ... up to the heading anchored ``stop_at``."""
    numbered: list[Block] = []
    count = 0
    counting = True
    for block in blocks:
        if isinstance(block, Heading) and block.anchor == stop_at:
            counting = False
        if counting and isinstance(block, Paragraph) and block.numbered:
            count += 1
            block = Paragraph(block.text, count, True, block.css)
        numbered.append(block)
    return numbered


def number_captions(blocks: list[Block]) -> list[Block]:
    """Prefix table and figure captions with 'Table n.' and 'Figure n.' in reading order."""
    tables = figures = 0
    numbered: list[Block] = []

    def table(t: Table) -> Table:
        nonlocal tables
        tables += 1
        label = f"Table {tables}. "
        printed = t.in_print and replace(t.in_print, caption=label + t.in_print.caption)
        return replace(t, caption=label + t.caption, in_print=printed)

    for block in blocks:
        if isinstance(block, Table):
            block = table(block)
        elif isinstance(block, Figure):
            figures += 1
            block = replace(block, caption=f"Figure {figures}. {block.caption}",
                            table=table(block.table) if block.table else None)
        numbered.append(block)
    return numbered
