"""Indicator figures in a table, read cell by cell from the header and the row labels.

The header row and the first cell of each row say what a cell holds: the indicator
("Cleared", "Casualties", "Funding (US$)"), its year ("2021"), its disaggregation ("Women"),
its unit ("Area (ha)"). A total row stands for the rows it sums: when one is present, rows
that are mere parts of the same indicator (provinces, operators, donors) are not read, so
nothing is counted twice. Rows or columns of years are facts of their own and are read one
by one; a total over years is not. Parts by sex or age are kept beside their total.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Final

from pipelines.extraction.indicator_labels import (
    FUNDING,
    PEOPLE_INDICATORS,
    YEAR,
    Label,
    currency_in,
    read_label,
)
from pipelines.extraction.indicator_periods import find_year_mentions
from pipelines.extraction.indicator_quantities import count_value
from pipelines.extraction.model import INDICATOR_UNITS, IndicatorFinding
from pipelines.extraction.numbers import NumberMatch, area_unit_in, find_numbers, looks_like_year
from pipelines.extraction.vocabulary import fold_keep_offsets

#: Smallest whole figure of an area table without a unit that is read as square metres.
UNITLESS_MIN_M2: Final[float] = 1000.0
#: Longest end of the preceding paragraph that is read as the table's caption.
MAX_CAPTION: Final[int] = 250
#: A sentence that introduces the table after it: "Land released by method (hectares):".
_INTRODUCES_TABLE: Final = re.compile(
    r":\s*$|\b(?:below|following|table|tableau|ci-dessous|suivant\w*|cuadro|tabla|siguientes?|"
    r"a continuacion)\b"
)


#: A cell of digits, group separators and line breaks only.
_DIGITS_ONLY: Final = re.compile(r"\s*\d[\d.,\s]*\d\s*")
#: A figure written with group separators ("44,396,000", "1.234.567,5").
_GROUPED: Final = re.compile(r"\d{1,3}(?P<sep>[,.])\d{3}(?:(?P=sep)\d{3})*(?:[.,]\d+)?")


def _wrapped_figure(cell: str, language: str) -> NumberMatch | None:
    """A grouped figure that a narrow column broke over two lines ("44,396,00" above "0"),
    read whole; None when the cell is anything else (two figures, one figure, words)."""
    if not _DIGITS_ONLY.fullmatch(cell):
        return None
    joined = "".join(cell.split())
    numbers = find_numbers(joined, language)
    if len(numbers) != 1 or numbers[0].raw != joined or not _GROUPED.fullmatch(joined):
        return None
    start = len(cell) - len(cell.lstrip())
    return dataclasses.replace(numbers[0], start=start, end=len(cell.rstrip()))


def _cell_number(cell: str, language: str) -> NumberMatch | None:
    """The first number of a cell, unless it is a percentage or a year standing alone."""
    numbers = find_numbers(cell, language)
    if not (len(numbers) == 1 and numbers[0].raw == cell.strip()):
        wrapped = _wrapped_figure(cell, language)
        numbers = [wrapped] if wrapped else numbers
    if not numbers or re.match(r"\s*%", cell[numbers[0].end:]):
        return None
    if looks_like_year(numbers[0]) and len(cell.strip()) <= 6:
        return None
    return numbers[0]


def _resolve(row: Label, column: Label, context: Label) -> tuple[str, str] | None:
    """The indicator of a cell and where it was named: "row", "column" or "context"."""
    if row.indicator and column.indicator and row.indicator != column.indicator:
        if FUNDING not in (row.indicator, column.indicator):
            return None
        return FUNDING, "row" if row.indicator == FUNDING else "column"
    for source, label in (("row", row), ("column", column), ("context", context)):
        if label.indicator:
            return label.indicator, source
    return None


def _unit(
    indicator: str, cell: str, number: NumberMatch, labels: tuple[Label, ...]
) -> tuple[str, float] | None:
    """The canonical indicator and the factor to its unit, from the cell or its labels.

    An area table that names no unit anywhere is read in square metres when its figure is a
    whole number of at least ``UNITLESS_MIN_M2``: hectares and km² are written small.
    """
    folded = fold_keep_offsets(cell)
    cell_area, cell_currency = area_unit_in(folded), currency_in(folded)
    if indicator == FUNDING or cell_currency:
        currency = cell_currency or next((lb.currency for lb in labels if lb.currency), None)
        if currency is None or (indicator != FUNDING and not indicator.startswith("funding")):
            return None
        return f"funding_{currency}", 1.0
    if indicator.endswith("_m2"):
        factor = cell_area or next((lb.area_factor for lb in labels if lb.area_factor), None)
        if factor is None and number.value.is_integer() and number.value >= UNITLESS_MIN_M2:
            factor = 1.0
        return (indicator, factor) if factor else None
    if cell_area or cell_currency or any(lb.area_factor or lb.currency for lb in labels[:2]):
        return None  # a count in a column or row of areas or amounts
    return indicator, 1.0


def _caption(text: str, rows: tuple[tuple[str, ...], ...], context: str) -> str:
    """Words about the table outside its cells: a caption, the end of the paragraph before."""
    row_lines = {" | ".join(row) for row in rows}
    own = " ".join(line for line in text.splitlines() if line.strip() not in row_lines)
    last = re.split(r"(?<=[.!?])\s+", context.strip())[-1] if context.strip() else ""
    if len(last) > MAX_CAPTION or not _INTRODUCES_TABLE.search(fold_keep_offsets(last)):
        last = ""
    return f"{own} {last}".strip()


def _table_year(caption: str, header: tuple[str, ...], context: str) -> int | None:
    """The one year the caption gives ("released in 2021"), else the one the header names,
    else the one the context (the heading above, the paragraph before) gives, as for prose."""
    years = (
        _referred_years(caption)
        or {int(y) for h in header for y in YEAR.findall(fold_keep_offsets(h))}
        or _referred_years(context)
    )
    return years.pop() if len(years) == 1 else None


def _referred_years(text: str) -> set[int]:
    return {m.year for m in find_year_mentions(fold_keep_offsets(text)) if m.refers}


@dataclass(frozen=True)
class _Table:
    """What the header, the row labels and the caption say about a table's cells."""

    header: tuple[str, ...]
    columns: tuple[Label, ...]
    rows: tuple[Label, ...]
    context: Label
    people: str | None  # the one people indicator named anywhere, for parts by sex or age
    total_rows: bool
    year_rows: bool
    total_columns: bool
    year_columns: bool

    def column(self, j: int) -> Label:
        return self.columns[j] if j < len(self.columns) else Label()

    def counts_beside_areas(self, j: int) -> bool:
        """Whether column ``j`` names no area unit while another column of the table does."""
        return not self.column(j).area_factor and any(
            c.area_factor for k, c in enumerate(self.columns) if k not in (0, j))

    def skipped(self, row: Label, column: Label, source: str) -> bool:
        """Whether a cell is a part that a total row or column already counts."""
        if column.subtotal or column.non_figure or (column.total and self.year_columns):
            return True
        if source != "row" and self.total_rows and not (row.total or row.disaggregation
                                                        or row.year):
            return True
        return source != "column" and self.total_columns and not (
            column.total or column.disaggregation or column.year or column.indicator
        )


def _read_table(text: str, rows: tuple[tuple[str, ...], ...], context: str) -> _Table:
    header, body = rows[0], rows[1:]
    caption = _caption(text, rows, context)
    context_text = fold_keep_offsets(f"{caption} {' '.join(header)}")
    around = dataclasses.replace(
        read_label(f"{caption} {header[0]}", context_text), year=_table_year(caption, header, context)
    )
    columns = tuple(read_label(h, context_text) for h in header)
    labels = tuple(read_label(row[0], context_text) for row in body)
    people = {lb.indicator for lb in (*columns, *labels, around)} & PEOPLE_INDICATORS
    return _Table(
        header, columns, labels, around, people.pop() if len(people) == 1 else None,
        any(lb.total for lb in labels),
        all(lb.year for lb in labels if not lb.total) and any(lb.year for lb in labels),
        any(c.total for c in columns[1:]),
        sum(1 for c in columns[1:] if c.year and not c.total) > 1,
    )


def _cell(
    table: _Table, row: Label, j: int, cell: str, language: str, evidence: str
) -> IndicatorFinding | None:
    """The figure of one cell, or None when the cell holds none or a part of a total."""
    column = table.column(j)
    number = _cell_number(cell, language)
    if number is None:
        return None
    resolved = _resolve(row, column, table.context)
    if resolved is None and table.people and (row.disaggregation or column.disaggregation):
        resolved = table.people, "context"  # "Dont femmes" beside "Victimes"
    if resolved is None or table.skipped(row, column, resolved[1]):
        return None
    if resolved[0].endswith("_m2") and table.counts_beside_areas(j):
        return None  # "Zones dangereuses | Superficie (m²)": the first column counts areas
    unit = _unit(resolved[0], cell, number, (column, row, table.context))
    if unit is None:
        return None
    indicator, factor = unit
    value = number.value * factor
    if INDICATOR_UNITS[indicator] in ("people", "mines"):
        value = count_value(number)
        if value is None:
            return None
    return IndicatorFinding(
        indicator, round(value, 6), INDICATOR_UNITS[indicator], evidence,
        row.year or column.year or table.context.year,
        row.disaggregation or column.disaggregation,
        {"source": "table", "column": table.header[j] if j < len(table.header) else ""},
    )


def table_findings(
    text: str, language: str, rows: tuple[tuple[str, ...], ...], context: str = ""
) -> list[IndicatorFinding]:
    """The figures of a table whose first row is its header; ``context`` is the text before it."""
    rows = tuple(tuple(cell or "" for cell in row) for row in rows if any(c.strip() for c in row))
    if len(rows) < 2:
        return []
    table = _read_table(text, rows, context)
    findings: list[IndicatorFinding] = []
    for row, label in zip(rows[1:], table.rows, strict=True):
        if label.subtotal or label.non_figure or (label.total and table.year_rows):
            continue
        evidence = " | ".join(cell for cell in row if cell)
        for j, cell in enumerate(row[1:], start=1):
            finding = _cell(table, label, j, cell, language, evidence)
            if finding:
                findings.append(finding)
    return findings
