"""Query results written out: a plain text table for the terminal, CSV, JSON, Markdown or an
Excel workbook."""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from pathlib import Path
from typing import Final

import pandas as pd

from pipelines.committees.workbook import write_workbook

FORMATS: Final = ("table", "csv", "json", "markdown", "xlsx")

#: Widest a column of the terminal table gets before its cells are cut with an ellipsis.
TABLE_WIDTH: Final = 40


def cell(value: object, column: str = "") -> str:
    """A value as text for a reader: no 'nan', whole numbers without '.0', thousands separated
    (never in a year), dates without a midnight time."""
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value)
                         and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, pd.Timestamp | datetime.datetime):
        stamp = pd.Timestamp(value)
        return stamp.date().isoformat() if stamp == stamp.normalize() else (
            stamp.isoformat(sep=" ", timespec="minutes"))
    if isinstance(value, float | int):
        if not math.isfinite(value):
            return str(value)
        if float(value).is_integer():
            number = int(value)
            plain = "year" in column.lower() and abs(number) < 10_000
            return str(number) if plain else f"{number:,}"
        return f"{value:,.2f}" if abs(value) >= 1_000 else f"{value:.4g}"
    return " ".join(str(value).split())


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def text_table(frame: pd.DataFrame, width: int = TABLE_WIDTH) -> str:
    """The rows as an aligned text table, numbers to the right, long cells cut to ``width``
    except in the last column, which has the rest of the line."""
    columns = [str(c) for c in frame.columns]
    limits = [width] * (len(columns) - 1) + [10_000]
    rows = [[_cut(cell(v, c), w) for v, c, w in zip(row, columns, limits, strict=True)]
            for row in frame.itertuples(index=False)]
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
               for c in frame.columns]
    widths = [max([len(_cut(c, width))] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if n else v.ljust(w)
                         for v, w, n in zip(values, widths, numeric, strict=True)).rstrip()

    out = [line([_cut(c, width) for c in columns]), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def markdown_table(frame: pd.DataFrame) -> str:
    """The rows as a GitHub Markdown table (pipes escaped, line breaks as spaces)."""
    columns = [str(c) for c in frame.columns]
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
               for c in frame.columns]

    def line(values: list[str]) -> str:
        return "| " + " | ".join(v.replace("|", "\\|") for v in values) + " |"

    out = [line(columns), "|" + "|".join(" ---: " if n else " --- " for n in numeric) + "|"]
    out += [line([cell(v, c) for v, c in zip(row, columns, strict=True)])
            for row in frame.itertuples(index=False)]
    return "\n".join(out)


def json_records(frame: pd.DataFrame) -> str:
    return frame.to_json(orient="records", date_format="iso", force_ascii=False, indent=2)


def csv_text(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False, lineterminator="\n")


TEXT_WRITERS: Final[dict[str, Callable[[pd.DataFrame], str]]] = {
    "table": text_table,
    "csv": csv_text,
    "json": json_records,
    "markdown": markdown_table,
}


def write(frame: pd.DataFrame, fmt: str, output: Path | None, title: str) -> str | None:
    """Write ``frame`` to ``output`` in ``fmt``; without ``output``, return the text to print.

    An Excel workbook needs a file: ValueError without ``output``.
    """
    if fmt == "xlsx":
        if output is None:
            raise ValueError("--format xlsx needs --output FILE.xlsx")
        write_workbook(output, [(title, frame)])
        return None
    text = TEXT_WRITERS[fmt](frame)
    if output is None:
        return text
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return None
