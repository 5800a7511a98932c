"""A Committee's pack for its thematic day: a workbook with one sheet per relevant view and a
short Markdown brief, both read from the warehouse without writing to it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipelines.committees.brief import brief_markdown
from pipelines.committees.catalog import Committee, Sheet, condition
from pipelines.committees.output import cell
from pipelines.committees.workbook import write_workbook
from warehouse.queries import Session, run

READ_WITH_CARE = (
    "Action short titles are working titles, not the official text. Figures are as the States "
    "gave them (currencies never converted); every figure and quote names its file and page. A "
    "State 'reported on' an action when a passage of its update was mapped to it, by the "
    "action's number (explicit) or its theme (inferred)."
)


@dataclass(frozen=True)
class RunInfo:
    """The pipeline run that last wrote the warehouse, as the pack cites it."""

    run_id: str
    started_at: str
    code_version: str

    @classmethod
    def latest(cls, session: Session) -> RunInfo:
        rows = session.frame(
            "SELECT run_id, started_at, code_version FROM v_runs ORDER BY started_at DESC LIMIT 1")
        if rows.empty:
            return cls("(no run recorded)", "", "")
        row = rows.iloc[0]
        return cls(str(row.run_id), cell(row.started_at), str(row.code_version))


@dataclass(frozen=True)
class Pack:
    workbook: Path
    brief: Path
    sheets: dict[str, pd.DataFrame]


def sheet_sql(sheet: Sheet) -> str:
    columns = ", ".join(sheet.columns) if sheet.columns else "*"
    where = f" WHERE {sheet.where}" if sheet.where else ""
    return f"SELECT {columns} FROM {sheet.view}{where} ORDER BY {sheet.order_by}"


def sheet_frames(session: Session, item: Committee) -> dict[str, pd.DataFrame]:
    """Each sheet's rows, narrowed to the Committee where the sheet says so."""
    narrow = (condition(session, item),)
    return {sheet.title: run(session, sheet_sql(sheet), narrow if sheet.by_committee else ()).frame
            for sheet in item.sheets}


def about_rows(session: Session, item: Committee, info: RunInfo, written: str,
               frames: dict[str, pd.DataFrame]) -> list[list[object]]:
    rows: list[list[object]] = [
        [f"{item.name}: pack for the thematic day"],
        [],
        ["Actions", f"Oslo Action Plan actions {item.span} (sections {', '.join(item.sections)})"],
        ["Warehouse", str(session.path)],
        ["Run", info.run_id],
        ["Run started (UTC)", info.started_at],
        ["Code version", info.code_version],
        ["Pack written (UTC)", written],
        ["Read with care", READ_WITH_CARE],
        [],
        ["Sheet", "What it answers", "From view", "Rows"],
    ]
    rows += [[sheet.title, sheet.answers, sheet.view, len(frames[sheet.title])]
             for sheet in item.sheets]
    return rows


def build_pack(session: Session, item: Committee, out_dir: Path) -> Pack:
    """Write ``<committee>_pack.xlsx`` and ``<committee>_brief.md`` into ``out_dir``."""
    frames = sheet_frames(session, item)
    info = RunInfo.latest(session)
    written = pd.Timestamp.now(tz="UTC").strftime("%Y-%m-%d %H:%M")
    about = about_rows(session, item, info, written, frames)
    workbook = write_workbook(
        out_dir / f"{item.key}_pack.xlsx",
        [(sheet.title, frames[sheet.title]) for sheet in item.sheets],
        about=about,
        bold_rows=[len(about) - len(item.sheets)],
    )
    brief = out_dir / f"{item.key}_brief.md"
    brief.write_text(brief_markdown(session, item, frames, info, written), encoding="utf-8")
    return Pack(workbook, brief, frames)
