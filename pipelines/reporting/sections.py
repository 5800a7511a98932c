"""Chapter III: one part per section II-IX of the Oslo Action Plan, listing all its actions."""

from __future__ import annotations

import pandas as pd

from pipelines.reporting import committees
from pipelines.reporting.context import Context, make_table
from pipelines.reporting.format import BREAKDOWNS, excerpt, join, number, plural
from pipelines.reporting.model import Block, Cell, Heading, Paragraph, Quote
from pipelines.reporting.queries import QUOTES_PER_ACTION

STATUS_PHRASES = (("progress", "progress"), ("completed", "completion"),
                  ("challenge", "challenges"), ("plan", "plans"),
                  ("request", "requests for assistance"))
MAX_NAMES = 12


def section_chapters(ctx: Context) -> list[Block]:
    blocks: list[Block] = [
        Heading(1, "Progress by section of the Oslo Action Plan", "sections", "III."),
        Paragraph("Each part below covers one section of the Oslo Action Plan and every one of "
                  "its actions: how many States reported on it and what they reported, the "
                  "States to which it applies that were silent, and up to three passages quoted "
                  "from the updates with their page."),
    ]
    for letter, section in zip("ABCDEFGH", ctx.view("v_section_summary").itertuples()):
        blocks += _section(ctx, section, letter)
    return blocks


def _section(ctx: Context, s, letter: str) -> list[Block]:
    no = s.section_no
    blocks: list[Block] = [
        Heading(2, f"Section {no}: {s.title} (actions {s.first_action}-{s.last_action})",
                f"section-{no}", f"{letter}."),
        Paragraph(
            f"{plural(s.states_reporting, 'State')} reported on {s.actions_reported} of the "
            f"{s.actions} actions of section {no}. Of the {s.applicable_pairs} State-action pairs "
            f"to which the section applies, {s.reported_applicable_pairs} were reported on"
            + (f" ({s.coverage_pct:.0f} per cent)" if pd.notna(s.coverage_pct) else "")
            + f" and {s.silent_pairs} were silent. Counting each State once per action, the "
            f"updates report progress on {s.progress}, completion of {s.completed}, challenges "
            f"on {s.challenge}, plans for {s.plan} and requests for assistance on {s.request} "
            "State-action pairs."),
        _actions_table(ctx, no),
        *committees.blocks_for(ctx, no),
    ]
    for action in ctx.rows("v_action_summary", "section_no", no).itertuples():
        blocks += _action(ctx, action)
    return blocks + _gender(ctx, no)


def _actions_table(ctx: Context, section_no: str):
    actions = ctx.rows("v_action_summary", "section_no", section_no)
    counts = ["states_reporting", "progress", "completed", "challenge", "plan", "request",
              "silent_states"]
    total = {c: int(actions[c].sum()) for c in counts}
    frame = pd.concat([actions, pd.DataFrame([{"action_no": "Total", "short_title":
                                               "State-action pairs in the section", **total}])])
    columns = [("Action", lambda r: str(r.action_no), False), ("Short title", "short_title", False)]
    headers = ("States", "Progress", "Completed", "Challenge", "Plan", "Request", "Silent")
    columns += [(h, lambda r, c=c: number(getattr(r, c)), True) for h, c in zip(headers, counts)]
    return make_table(f"Section {section_no}: States reporting on each action, by status",
                      frame, columns, css="actions",
                      note="A State counts once per status and action. Silent: States to which "
                           "the action applies that did not mention it.")


def _names_by_status(ctx: Context, action_no: int) -> str:
    rows = ctx.rows("v_state_actions", "action_no", action_no)
    parts = []
    for column, phrase in STATUS_PHRASES:
        names = rows[rows[column]].state_name.tolist()
        if names:
            parts.append(f"{phrase} by {join(names)}")
    return "; ".join(parts)


def _action(ctx: Context, a) -> list[Block]:
    blocks: list[Block] = [Heading(3, f"Action {a.action_no}. {a.short_title}",
                                   f"action-{a.action_no}")]
    if a.text_status == "verified" and isinstance(a.text, str) and a.text:
        blocks.append(Paragraph(a.text, numbered=False, css="action-text"))
    matrix = ctx.rows("v_coverage_matrix", "action_no", a.action_no)
    silent = matrix[matrix.coverage == "silent"]
    silent_text = (f" Silent: {a.silent_states} of the {a.applicable_states} reporting States to "
                   f"which it applies"
                   + (f" ({join(silent.state_name)})." if 0 < len(silent) <= MAX_NAMES else "."))
    if a.states_reporting:
        text = (f"{plural(a.states_reporting, 'State')} reported on this action: "
                f"{_names_by_status(ctx, a.action_no)}.")
    else:
        text = "No update reported on this action."
    if a.unattributed_evidence:
        text += (f" {plural(a.unattributed_evidence, 'passage')} from updates not yet attributed "
                 "to a State also mention it.")
    blocks.append(Paragraph(text + silent_text))
    evidence = ctx.rows("v_evidence", "action_no", a.action_no)
    quotes = evidence[evidence.quote_rank <= QUOTES_PER_ACTION]
    blocks += [quote(ctx, row) for row in quotes.itertuples()]
    return blocks


def quote(ctx: Context, row) -> Quote:
    """A passage of v_evidence as a quotation with its source."""
    note = row.status + ("" if row.method == "explicit" else "; inferred")
    return Quote(excerpt(row.evidence), row.state_name if pd.notna(row.state_name)
                 else "State not identified", row.file_name, int(row.page),
                 ctx.href(row.source_path), note)


def _gender(ctx: Context, section_no: str) -> list[Block]:
    g = ctx.rows("v_disaggregation", "section_no", section_no).iloc[0]
    heading = Heading(3, "Gender perspective", f"gender-{section_no}")
    if not g.indicators:
        text = "No indicator of this section is a figure that could be broken down by sex or age."
    elif g.states_with_figures == 0:
        text = f"No State gave figures on this section's indicators ({g.indicators.lower()})."
    else:
        text = (f"{g.states_disaggregated} of the {plural(g.states_with_figures, 'State')} that "
                f"gave figures on {g.indicators.lower()} broke them down by sex or age"
                + (f" ({g.states_disaggregated_list}; by sex: {g.states_by_sex}, by age: "
                   f"{g.states_by_age})" if g.states_disaggregated else "")
                + (f"; {g.states_total_only_list} gave totals only." if g.states_total_only_list
                   else "."))
    text += (f" {plural(g.states_mentioning_gender, 'State')} wrote about gender, women, girls or "
             f"diversity in passages on these actions"
             + (f" ({g.states_mentioning_gender_list})." if g.states_mentioning_gender else "."))
    blocks: list[Block] = [heading, Paragraph(text)]
    table = _disaggregated_table(ctx, section_no)
    return blocks + ([table] if table else [])


def _disaggregated_table(ctx: Context, section_no: str):
    indicators = ctx.rows("v_indicators", "section_no", section_no)
    rows = ctx.view("v_figures_breakdown").merge(indicators[["indicator", "label"]])
    rows = rows[rows.disaggregated]
    if not len(rows):
        return None
    used = [b for b in BREAKDOWNS if rows[b].notna().any()]
    columns = [("State", "state_name", False), ("Indicator", "label", False),
               ("Year", lambda r: "" if pd.isna(r.year) else str(int(r.year)), False),
               ("Total", lambda r: Cell(number(r.total), "figure"), True)]
    columns += [(b.capitalize(), lambda r, b=b: number(getattr(r, b)), True) for b in used]
    return make_table(f"Section {section_no}: figures broken down by sex or age", rows, columns)
