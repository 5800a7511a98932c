"""The short Markdown brief of a Committee's pack: its actions and who reported on them, the
headline figures, and the gaps to raise on the thematic day."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from pipelines.committees.catalog import Committee, condition
from pipelines.committees.output import cell, markdown_table
from warehouse.queries import Session, run

if TYPE_CHECKING:
    from pipelines.committees.pack import RunInfo

STATUSES = ("progress", "completed", "challenge", "plan", "request")


def _actions_table(actions: pd.DataFrame) -> str:
    table = pd.DataFrame({
        "Action": actions.action_no,
        "Short title": actions.short_title,
        "States reporting": actions.states_reporting,
        **{status.capitalize(): actions[status] for status in STATUSES},
        "Silent": [f"{s} of {a}" for s, a in zip(actions.silent_states,
                                                 actions.applicable_states, strict=True)],
    })
    return markdown_table(table)


def _years(first: object, last: object) -> str:
    first, last = cell(first, "year"), cell(last, "year")
    return first if first == last else f"{first}-{last}"


def _headline(session: Session, item: Committee) -> str:
    rows = run(session, "SELECT * FROM v_headline_figures ORDER BY sort_order",
               (condition(session, item),)).frame
    rows = rows[rows.value.notna()]
    if rows.empty:
        return "No figures on the Committee's indicators were read from the updates."
    table = pd.DataFrame({
        "Figure": rows.label,
        "Total": [cell(v) for v in rows.value],
        "Unit": rows.unit,
        "States": rows.states,
        "Years": [_years(a, b) for a, b in zip(rows.first_year, rows.last_year, strict=True)],
        "Basis": rows.basis,
    })
    return markdown_table(table)


def _listing(frame: pd.DataFrame) -> str:
    return ", ".join(f"{r.action_no} ({r.short_title})" for r in frame.itertuples())


def _gaps(session: Session, item: Committee, frames: dict[str, pd.DataFrame]) -> list[str]:
    actions, coverage = frames["Actions"], frames["Coverage"]
    evidence, figures = frames["Evidence"], frames["Figures"]
    gaps = []
    unreported = actions[actions.states_reporting == 0]
    if len(unreported):
        gaps.append(f"No State reported on {len(unreported)} action(s): {_listing(unreported)}.")
    inferred = actions[(actions.states_reporting > 0) & (actions.states_explicit == 0)]
    if len(inferred):
        gaps.append("Reported only by theme, no update names the action's number (check the "
                    f"evidence): {_listing(inferred)}.")
    per_state = coverage.groupby("state_name").agg(
        applicable=("applicable", "any"), reported=("coverage", lambda c: (c == "reported").any()))
    silent = per_state[per_state.applicable & ~per_state.reported].index.tolist()
    if silent:
        gaps.append(f"States to which these actions apply that said nothing on any of them: "
                    f"{', '.join(sorted(silent))}.")
    review = set(session.frame(
        "SELECT file_name FROM v_documents WHERE status = 'needs_review'").file_name)
    doubtful = evidence[evidence.ocr | evidence.file_name.isin(review)]
    if len(doubtful):
        gaps.append(f"{len(doubtful)} quote(s) come from OCR or from documents that need "
                    f"review ({', '.join(sorted(set(doubtful.file_name)))}): check them before "
                    "citing.")
    undated = figures[figures.year.isna() & (figures.unit != "year")]
    if len(undated):
        gaps.append(f"{len(undated)} figure(s) give no year and are left out of yearly totals "
                    f"({', '.join(sorted(set(undated.state_name)))}).")
    return gaps or ["None found in what was read."]


def brief_markdown(session: Session, item: Committee, frames: dict[str, pd.DataFrame],
                   info: RunInfo, written: str) -> str:
    """The brief, from the pack's own sheets so that both say the same."""
    submitted = session.frame("SELECT count(*) AS n FROM v_states WHERE submitted").n.iloc[0]
    reporting = sorted(set(frames["Evidence"].state_name.dropna()))
    lines = [
        f"# {item.name}: brief for the thematic day",
        "",
        (f"Oslo Action Plan actions {item.span}. Warehouse `{session.path.name}`, run "
         f"`{info.run_id}` of {info.started_at or 'unknown date'}; written {written} UTC. "
         f"The workbook `{item.key}_pack.xlsx` beside this file has every figure and quote with "
         "its file and page."),
        "",
        (f"{submitted} States submitted updates; {len(reporting)} reported on at least one of "
         f"these actions{': ' + ', '.join(reporting) if reporting else ''}."),
        "",
        "## Actions",
        "",
        _actions_table(frames["Actions"]),
        "",
        ("States reporting counts each State once; a State may report several statuses on one "
         "action. Silent: States the action applies to that submitted an update and said "
         "nothing on it. Short titles are working titles, not the official text."),
        "",
        "## Headline figures",
        "",
        _headline(session, item),
        "",
        "## Gaps",
        "",
        *[f"- {gap}" for gap in _gaps(session, item, frames)],
        "",
    ]
    return "\n".join(lines)
