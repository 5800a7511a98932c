"""Chapters IV-VI: the coverage matrix, Article 5 deadlines, and change between meetings."""

from __future__ import annotations

import pandas as pd

from pipelines.reporting import charts
from pipelines.reporting.context import MEETING_DATE, Context, make_table
from pipelines.reporting.format import date, excerpt, join, number, plural, were
from pipelines.reporting.model import Block, Cell, Figure, Heading, Paragraph, Table

#: The matrix is split in three so that each part fits the width of a page.
MATRIX_PARTS = (("II", "III", "IV"), ("V", "VI"), ("VII", "VIII", "IX"))
MARKS = {"reported": Cell("●", "reported"), "silent": Cell("", "silent"),
         "not applicable": Cell("–", "na")}


def coverage_chapter(ctx: Context) -> list[Block]:
    sections = ctx.view("v_section_summary")
    chart = ctx.draw(charts.coverage_by_section, sections)
    data = make_table("Coverage of applicable actions by section", sections, [
        ("Section", lambda r: f"{r.section_no}. {r.title}", False),
        ("Applicable pairs", lambda r: number(r.applicable_pairs), True),
        ("Reported", lambda r: number(r.reported_applicable_pairs), True),
        ("Silent", lambda r: number(r.silent_pairs), True),
        ("Per cent reported", lambda r: "" if pd.isna(r.coverage_pct) else f"{r.coverage_pct:.0f}", True)])
    blocks: list[Block] = [
        Heading(1, "Coverage of the actions that apply", "coverage", "IV."),
        Paragraph("For every State that submitted an update, the matrix below shows each action "
                  "as reported on (●), silent although it applies (a blank cell), or not "
                  "applicable to that State (grey, –). Gaps are left visible on purpose: they "
                  "are where the Committees may wish to ask for information."),
        Figure("coverage", "Share of applicable State-action pairs reported on, by section",
               "Horizontal bars per section of the Oslo Action Plan showing the per cent of "
               "applicable State-action pairs reported on and silent; the data are in the table "
               "that follows.", chart, data),
    ]
    matrix = ctx.view("v_coverage_matrix")
    if matrix.empty:
        blocks.append(Paragraph("No State's update has been loaded yet, so the matrix has no row."))
        return blocks
    for part in MATRIX_PARTS:
        blocks.append(_matrix(matrix[matrix.section_no.isin(part)], part))
    return blocks


def _matrix(rows: pd.DataFrame, part: tuple[str, ...]) -> Table:
    actions = sorted(rows.action_no.unique())
    sections = rows.drop_duplicates("action_no").set_index("action_no").section_no
    groups = tuple((f"Section {no}", int((sections == no).sum())) for no in part)
    body = []
    for state, cells in rows.groupby("state_name", sort=True):
        by_action = cells.set_index("action_no").coverage
        counts = by_action.value_counts()
        body.append((Cell(state, "state"), *[MARKS[by_action[a]] for a in actions],
                     Cell(str(counts.get("reported", 0)), "count"),
                     Cell(str(counts.get("silent", 0)), "count")))
    header = ("State", *[str(a) for a in actions], "Rep.", "Sil.")
    return Table(f"Coverage matrix, sections {part[0]}-{part[-1]} (actions {actions[0]}-{actions[-1]})",
                 header, tuple(body), css="matrix", group_header=(("", 1), *groups, ("", 2)),
                 note="● reported; blank: silent although the action applies; – (grey): not "
                      "applicable. Rep./Sil.: actions of these sections reported / silent.")


def deadlines_chapter(ctx: Context) -> list[Block]:
    rows = ctx.view("v_article5_deadlines")
    early = rows[rows.before_2025]
    blocks: list[Block] = [
        Heading(1, "Article 5 deadlines", "deadlines", "V."),
        Paragraph(f"{plural(len(rows), 'State Party', 'States Parties')} had mined areas to "
                  f"clear under Article 5 at the time of the Twentieth Meeting. {len(early)} had a "
                  f"deadline in force before 2025, the year by which the States Parties aim to "
                  f"complete their obligations to the fullest extent possible"
                  + (f": {join(early.state_name)}." if len(early) else ".")
                  + f" {plural(int(rows.extended.sum()), 'deadline')} "
                  f"{were(int(rows.extended.sum()))} extended at or after the meeting."),
    ]
    if rows.deadline_in_force.notna().any():
        chart = ctx.draw(charts.deadlines, rows, MEETING_DATE)
        shown = rows[rows.before_2025 | rows.submitted | rows.extended]
        data = make_table("Article 5 deadlines and what the updates say", shown, [
            ("State", "state_name", False),
            ("Deadline in force", lambda r: Cell(date(r.deadline_in_force, short=True), "date"), False),
            ("Extended to", lambda r: Cell(date(r.deadline_extended, short=True), "date") if r.extended else "", False),
            ("Before 2025", lambda r: "yes" if r.before_2025 else "no", False),
            ("Update", lambda r: "yes" if r.submitted else "none", False),
            ("Year stated", lambda r: "" if pd.isna(r.stated_deadline_year) else str(int(r.stated_deadline_year)), False),
            ("Remaining (m²)", lambda r: Cell(number(r.remaining_m2), "figure"), True),
            ("What the update says", _says, False)],
            note="Listed: States with a deadline before 2025, an extension, or an update.")
        blocks.append(Figure("deadlines", "Article 5 deadlines in force, and extensions",
                             f"Timeline of the Article 5 deadlines of {plural(len(rows), 'State')}; "
                             f"{len(early)} fall before 2025 (filled circles, bold names). The "
                             "table that follows gives the dates.", chart, data))
    return blocks


def _says(row) -> str:
    if pd.isna(row.completion_evidence):
        return ""
    return f"“{excerpt(row.completion_evidence, 160)}” ({row.evidence_file}, p. {int(row.evidence_page)})"


def change_chapter(ctx: Context) -> list[Block]:
    rows = ctx.view("v_change_over_time")
    repeat = rows[rows.meetings_submitted > 1]
    if not ctx.multiple_meetings():
        return []
    blocks: list[Block] = [
        Heading(1, "Change between meetings", "change", "VI."),
        Paragraph(f"The updates were written for {join(sorted(rows.meeting_id.dropna().unique()))}. "
                  f"{plural(repeat.state_iso3.nunique(), 'State')} submitted updates for more than "
                  "one meeting; the table compares what each reported, with the figures of the "
                  "most recent year each update gives."),
    ]
    if len(repeat):
        blocks.append(make_table("Reporting by State and meeting", repeat, [
            ("State", "state_name", False), ("Meeting", lambda r: r.meeting_id or "not stated", False),
            ("Updates", lambda r: str(r.documents), True),
            ("Actions", lambda r: str(r.actions_reported), True),
            ("Completed", lambda r: str(r.actions_completed), True),
            ("Challenges", lambda r: str(r.actions_challenge), True),
            ("Requests", lambda r: str(r.actions_request), True),
            ("Year of figures", lambda r: "" if pd.isna(r.figures_year) else str(int(r.figures_year)), False),
            ("Land released (m²)", lambda r: Cell(number(r.land_released_m2), "figure"), True),
            ("Risk education (people)", lambda r: Cell(number(r.eore_beneficiaries), "figure"), True),
            ("Casualties", lambda r: Cell(number(r.casualties), "figure"), True)]))
    return blocks
