"""Excel workbooks a Committee can work in: a frozen, filterable header row, columns as wide as
their content allows, long text wrapped, counts with thousands separators."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

#: Widest a column gets (in characters); longer text wraps within it.
MAX_WIDTH: Final = 60
MIN_WIDTH: Final = 6
HEADER_FILL: Final = PatternFill("solid", start_color="DDE4EE")
WRAP: Final = Alignment(wrap_text=True, vertical="top")
TOP: Final = Alignment(vertical="top")


def sheet_title(title: str, taken: Sequence[str] = ()) -> str:
    """A valid, unused sheet name: at most 31 characters, none of []:*?/\\."""
    base = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in {t.lower() for t in taken}:
        name = f"{base[: 31 - len(str(n)) - 1]} {n}"
        n += 1
    return name


def _value(value: object) -> object:
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value)
                         and pd.isna(value)):
        return None
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _number_format(series: pd.Series, column: str) -> str | None:
    values = series.dropna()
    if pd.api.types.is_datetime64_any_dtype(series):
        return "yyyy-mm-dd" if (values == values.dt.normalize()).all() else "yyyy-mm-dd hh:mm"
    if pd.api.types.is_bool_dtype(series) or not pd.api.types.is_numeric_dtype(series):
        return None
    if values.empty or ("year" in column and values.abs().max() < 10_000):
        return None
    if (values % 1 == 0).all():
        return "#,##0" if values.abs().max() >= 10_000 else None
    return "#,##0.00" if values.abs().max() >= 10_000 else "0.00"


def add_table(sheet: Worksheet, frame: pd.DataFrame, first_row: int = 1) -> None:
    """Write ``frame`` with its header at ``first_row``, frozen and filterable."""
    columns = [str(c) for c in frame.columns]
    for col, name in enumerate(columns, start=1):
        header = sheet.cell(row=first_row, column=col, value=name)
        header.font, header.fill, header.alignment = Font(bold=True), HEADER_FILL, WRAP
    for r, row in enumerate(frame.itertuples(index=False), start=first_row + 1):
        for col, value in enumerate(row, start=1):
            sheet.cell(row=r, column=col, value=_value(value))
    last_row = first_row + len(frame)
    for col, name in enumerate(columns, start=1):
        letter = get_column_letter(col)
        lengths = [len(name)] + [len(str(v)) for v in frame.iloc[:500, col - 1].dropna()]
        longest = max(lengths)
        sheet.column_dimensions[letter].width = max(MIN_WIDTH, min(longest + 2, MAX_WIDTH))
        fmt = _number_format(frame.iloc[:, col - 1], name)
        alignment = WRAP if longest > MAX_WIDTH else TOP
        for (cell,) in sheet.iter_rows(min_row=first_row + 1, max_row=last_row,
                                       min_col=col, max_col=col):
            cell.alignment = alignment
            if fmt:
                cell.number_format = fmt
    if columns:
        sheet.freeze_panes = sheet.cell(row=first_row + 1, column=1)
        sheet.auto_filter.ref = f"A{first_row}:{get_column_letter(len(columns))}{last_row}"


def write_workbook(
    path: Path,
    sheets: Sequence[tuple[str, pd.DataFrame]],
    about: Sequence[Sequence[object]] = (),
    bold_rows: Sequence[int] = (),
) -> Path:
    """A workbook at ``path``: an 'About' sheet of ``about`` rows first when given (its first
    row a title, rows ``bold_rows``, counted from 1, in bold), then one sheet per (title,
    frame)."""
    book = Workbook()
    book.remove(book.active)
    taken: list[str] = []
    if about:
        sheet = book.create_sheet("About")
        taken.append("About")
        for row in about:
            sheet.append([_value(v) for v in row])
        sheet.column_dimensions["A"].width = 22
        sheet.column_dimensions["B"].width = 90
        sheet.column_dimensions["C"].width = 24
        sheet.column_dimensions["D"].width = 10
        for line in sheet.iter_rows():
            for cell in line:
                cell.alignment = WRAP
        sheet["A1"].font = Font(bold=True, size=14)
        for row in bold_rows:
            for cell in sheet[row]:
                cell.font = Font(bold=True)
    for title, frame in sheets:
        name = sheet_title(title, taken)
        taken.append(name)
        add_table(book.create_sheet(name), frame)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
