"""Annexes: each submitting State, States that sent nothing, the publication index, and how the
report can be reproduced."""

from __future__ import annotations

import pandas as pd

from pipelines.reporting.context import Column, Context, make_table
from pipelines.reporting.format import (
    amount,
    date,
    join,
    language,
    number,
    plural,
    ranges,
    were,
)
from pipelines.reporting.model import Block, Cell, Heading, Paragraph, Table
from pipelines.reporting.sections import quote
from warehouse.views import VIEWS

QUOTES_PER_STATE = 4
RUNS_LISTED = 10
#: Most files the print formats list one by one. An archive of thousands would fill a hundred
#: pages of file names: the PDF and Word give one row per State instead, and the HTML report
#: and the view v_publication_index keep every file.
FILES_LISTED_IN_PRINT = 200


def listed_by_state_in_print(files: int) -> bool:
    return files > FILES_LISTED_IN_PRINT


def state_annex(ctx: Context) -> list[Block]:
    states = ctx.view("v_state_summary").query("submitted")
    blocks: list[Block] = [Heading(1, "Updates by State", "annex-states", "Annex I")]
    for state in states.itertuples():
        blocks += _state(ctx, state)
    return blocks


def _obligations(s) -> str:
    parts = []
    if s.article5_obligation:
        parts.append(f"Article 5 (deadline {date(s.article5_deadline)})")
    if s.article4_obligation:
        parts.append("Article 4 stockpile destruction")
    if s.significant_victims:
        parts.append("victim assistance")
    return join(parts) if parts else "none of the time-bound obligations"


def _state(ctx: Context, s) -> list[Block]:
    iso3 = s.state_iso3
    languages = join(language(code) for code in (s.languages or "").split(", ") if code)
    blocks: list[Block] = [
        Heading(2, f"{s.state_name} ({iso3})", f"state-{iso3}"),
        Paragraph(f"{plural(s.documents, 'update')} ({s.meetings or 'meeting not stated'}) in "
                  f"{languages}, {plural(s.pages, 'page')}. Obligations: {_obligations(s)}. "
                  f"Reported on {plural(s.actions_reported, 'action')} in "
                  f"{plural(s.sections_reported, 'section')}; silent on {s.silent_actions} of the "
                  f"{s.applicable_actions} actions that apply. {plural(s.figures, 'figure')}, of "
                  f"which {s.disaggregated_figures} broken down by sex or age.", numbered=False),
    ]
    figures = ctx.rows("v_figures", "state_iso3", iso3)
    figures = figures[figures.is_latest]
    if len(figures):
        labels = ctx.view("v_indicators").set_index("indicator")
        blocks.append(make_table(f"{s.state_name}: figures reported", figures, [
            ("Indicator", lambda r: labels.label.get(r.indicator, r.indicator), False),
            ("Year", lambda r: "" if pd.isna(r.year) else str(int(r.year)), False),
            ("Breakdown", lambda r: r.disaggregation or "total", False),
            ("Value", lambda r: Cell(amount(r.value, labels.unit.get(r.indicator, "")), "figure"), True),
            ("Source", lambda r: Cell(f"{r.file_name}, p. {r.page}", href=ctx.href(r.source_path)), False)]))
    actions = ctx.rows("v_state_actions", "state_iso3", iso3)
    titles = ctx.view("v_action_applicability").set_index("action_no").short_title
    blocks.append(make_table(f"{s.state_name}: actions reported", actions, [
        ("Action", lambda r: str(r.action_no), False),
        ("Short title", lambda r: titles.get(r.action_no, ""), False),
        ("Statuses", "statuses", False), ("Passages", lambda r: str(r.evidence), True)]))
    evidence = ctx.rows("v_evidence", "state_iso3", iso3)
    evidence = evidence[evidence.state_rank == 1]
    best = (evidence.sort_values(["confidence", "action_no"], ascending=[False, True])
            .drop_duplicates("section_no").sort_values("action_no").head(QUOTES_PER_STATE))
    blocks += [quote(ctx, row) for row in best.itertuples()]
    return blocks


def silent_states_annex(ctx: Context) -> list[Block]:
    states = ctx.view("v_state_summary").query("state_party and not submitted")
    article5 = states[states.article5_obligation]
    return [
        Heading(1, "States Parties that submitted no update", "annex-silent", "Annex II"),
        Paragraph(f"{plural(len(states), 'State Party', 'States Parties')} submitted no written "
                  f"update that could be read: {join(states.state_name)}.", numbered=False),
        Paragraph(f"Of these, {plural(len(article5), 'State')} have mined areas to clear under "
                  f"Article 5: {join(article5.state_name) or 'none'}.", numbered=False),
    ]


def publication_index(ctx: Context) -> list[Block]:
    docs = ctx.view("v_publication_index")
    order = list(ctx.view("v_section_summary").section_no)
    in_print = _by_state_in_print(docs, "Updates read, by State", [
        ("Pages", lambda r: number(r.pages), True), ("Languages", "languages", False),
        ("Meetings", "meetings", False), ("Figures", lambda r: number(r.figures), True),
        ("Needing review", lambda r: number(r.needing_review), True)],
        listed="one by one, with links to the originals,")
    return [
        Heading(1, "Publication index", "annex-index", "Annex III"),
        Paragraph("Every update read, with a link to the original file (relative to the folder "
                  "this report is published in).", numbered=False),
        make_table("Updates read", docs, [
            ("State", lambda r: r.state_name if pd.notna(r.state_name) else "not identified", False),
            ("File", lambda r: Cell(r.file_name, "file", ctx.href(r.source_path)), False),
            ("Language", lambda r: language(r.language), False),
            ("Meeting", lambda r: r.meeting_id or "", False),
            ("Pages", lambda r: str(r.pages), True),
            ("Sections", lambda r: ranges(r.sections.split(", ") if r.sections else (), order),
             False),
            ("Actions", lambda r: str(r.actions), True),
            ("Figures", lambda r: str(r.figures), True),
            ("Status", lambda r: r.status.replace("_", " "), False)],
            css="index", in_print=in_print),
    ]


def _by_state(docs: pd.DataFrame) -> pd.DataFrame:
    """One row per State (documents of no identified State last): its files, pages, bytes,
    languages and meetings, and when its files were loaded."""
    frame = docs.assign(state=docs.state_name.fillna("not identified"),
                        unidentified=docs.state_name.isna(),
                        needing_review=docs.status.eq("needs_review"))
    grouped = frame.groupby(["unidentified", "state"], sort=True)
    return grouped.agg(
        files=("file_name", "size"), pages=("pages", "sum"), figures=("figures", "sum"),
        needing_review=("needing_review", "sum"), size_bytes=("size_bytes", "sum"),
        first_loaded=("loaded_at", "min"), last_loaded=("loaded_at", "max"),
        languages=("language", lambda codes: join(sorted({language(c) for c in codes.dropna()}))),
        meetings=("meeting_id", lambda ids: ", ".join(sorted(ids.dropna().unique()))),
    ).reset_index()


def _by_state_in_print(docs: pd.DataFrame, caption: str, columns: list[Column], *,
                       listed: str) -> Table | None:
    """What the PDF and Word show instead of a table with a row per file, when there are too
    many files to print: a row per State, its files counted, then ``columns``."""
    if not listed_by_state_in_print(len(docs)):
        return None
    return make_table(
        caption, _by_state(docs),
        [("State", "state", False), ("Files", lambda r: number(r.files), True), *columns],
        note=f"The {number(len(docs))} files are listed {listed} in the HTML report and in the "
             "view v_publication_index; printed, they would fill pages.")


def reproducibility(ctx: Context) -> list[Block]:
    runs = ctx.view("v_runs")
    docs = ctx.view("v_publication_index")
    last = runs.iloc[-1] if len(runs) else None
    version = ctx.run_info.get("code_version") or (last.code_version if last is not None else "unknown")
    blocks: list[Block] = [
        Heading(1, "Reproducibility", "annex-reproducibility", "Annex IV"),
        Paragraph(f"Generated on {ctx.generated.strftime('%d %B %Y, %H:%M UTC').lstrip('0')} by "
                  f"code version {version}"
                  + (f", run {ctx.run_info['run_id']}" if ctx.run_info.get("run_id") else "")
                  + f", from {plural(len(docs), 'input file')} identified by their SHA-256. "
                  "Every number in this report is read from the committee views of the "
                  "warehouse listed below; querying them gives the same figures.", numbered=False),
    ]
    if len(runs):
        # Every run that changed the warehouse is recorded; run many times a day, they would
        # fill pages. The latest are listed, and the view holds them all.
        shown = runs.tail(RUNS_LISTED)
        earlier = len(runs) - len(shown)
        blocks.append(make_table(
            "Pipeline runs that wrote the warehouse" + (", the latest" if earlier else ""), shown, [
                ("Run", "run_id", False), ("Started (UTC)", lambda r: str(r.started_at)[:16], False),
                ("Code version", "code_version", False), ("Sources", "sources_dir", False),
                ("Documents", lambda r: str(r.documents), True),
                ("Quarantined", lambda r: str(r.quarantined), True)],
            note=(f"{plural(earlier, 'earlier run')} {were(earlier)} not listed: the view v_runs "
                  "lists them all." if earlier else "")))
    in_print = _by_state_in_print(docs, "Input files, by State", [
        ("Bytes", lambda r: number(r.size_bytes), True),
        ("First loaded (UTC)", lambda r: str(r.first_loaded)[:16], False),
        ("Last loaded (UTC)", lambda r: str(r.last_loaded)[:16], False)],
        listed="with their SHA-256")
    blocks.append(make_table("Input files", docs, [
        ("File", "file_name", False), ("SHA-256", lambda r: Cell(r.sha256, "hash"), False),
        ("Bytes", lambda r: number(r.size_bytes), True),
        ("Loaded (UTC)", lambda r: str(r.loaded_at)[:16], False)], css="hashes",
        in_print=in_print))
    views = pd.DataFrame({"view": list(VIEWS), "question": list(VIEWS.values())})
    blocks.append(make_table("Committee views read by this report", views, [
        ("View", "view", False), ("What it answers", "question", False)]))
    return blocks
