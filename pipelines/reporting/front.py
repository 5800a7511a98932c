"""Title page, executive summary, and the chapter on coverage and method."""

from __future__ import annotations

import pandas as pd

from pipelines.reporting.context import Context, make_table
from pipelines.reporting.format import amount, join, language, number, plural
from pipelines.reporting.model import Block, Cell, Heading, Paragraph, TitlePage

CONVENTION = ("Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of "
              "Anti-Personnel Mines and on their Destruction")
DEFAULT_SYMBOL = "APLC/MSP.20/2022/WP.x (draft)"


def title_page(ctx: Context) -> TitlePage:
    return TitlePage(
        convention=CONVENTION,
        meeting="Twentieth Meeting of the States Parties",
        place_dates="Geneva, 21-25 November 2022",
        title="Oslo Action Plan: mid-point stock-taking 2020-2022",
        subtitle="Progress reported by the States Parties in their written updates",
        symbol=ctx.run_info.get("symbol", DEFAULT_SYMBOL),
        generated=ctx.generated.strftime("%d %B %Y").lstrip("0"),
        presidency=("Working draft for the President of the Twentieth Meeting of the States "
                    "Parties, H.E. Mr. Alvaro Enrique Ayala Melendez (Colombia)"),
        notice=("Compiled automatically from the written updates. Every figure and quotation "
                "names its source document and page; verify against the original before use."))


def action_ranges(numbers: list[int]) -> str:
    """[12, 13, 14, 18] -> '12-14, 18'."""
    spans: list[list[int]] = []
    for n in sorted(numbers):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in spans)


def _headline(ctx: Context, key: str) -> float:
    rows = ctx.view("v_headline_figures").set_index("indicator")
    return float(rows.value.get(key, 0) or 0)


def executive_summary(ctx: Context) -> list[Block]:
    docs = ctx.view("v_documents")
    sections = ctx.view("v_section_summary")
    deadlines = ctx.view("v_article5_deadlines")
    meetings = join(sorted(docs.meeting_name.dropna().unique()))
    languages = join(language(code) for code in sorted(docs.language.unique()))
    n_states, n_docs = int(_headline(ctx, "states_submitted")), int(_headline(ctx, "documents"))
    quarantined = int(_headline(ctx, "quarantined"))
    if n_docs:
        submitted = (
            f"{plural(n_states, 'State Party', 'States Parties')} submitted "
            f"{plural(n_docs, 'written update')} on the implementation of the Oslo Action Plan"
            + (f" for the {meetings}" if meetings else "") + (f", in {languages}" if languages else "")
            + f". Together they reported on {int(_headline(ctx, 'actions_reported'))} of the 50 "
            "actions. " + _quarantined(quarantined))
    else:
        submitted = ("No written update has been loaded yet: the chapters below fill in as the "
                     "updates are read." + (f" {_quarantined(quarantined, 'file')}" if quarantined
                                            else ""))
    blocks: list[Block] = [
        Heading(1, "Executive summary", "summary", "I."),
        Paragraph(submitted),
        Paragraph("Table 1 gives the headline figures. They add up what the States reported and "
                  "are not estimates for States that did not report. Yearly figures are summed "
                  "over the years 2020 on; the area remaining and the mines retained take each "
                  "State's latest year. A figure repeated in several updates counts once."),
        _headline_table(ctx),
    ]
    covered = sections.dropna(subset=["coverage_pct"]).sort_values("coverage_pct")
    if len(covered):
        high, low = covered.iloc[-1], covered.iloc[0]
        blocks.append(Paragraph(
            f"Of the actions that apply to the reporting States, those of section {high.section_no} "
            f"({high.title}) were the most fully reported on ({high.coverage_pct:.0f} per cent of "
            f"the State-action pairs), those of section {low.section_no} ({low.title}) the least "
            f"({low.coverage_pct:.0f} per cent). Chapter IV shows every gap."))
    requests = ctx.view("v_state_actions").query("request")
    if len(requests):
        blocks.append(Paragraph(
            f"{plural(requests.state_iso3.nunique(), 'State')} asked for assistance, on "
            f"{plural(requests.action_no.nunique(), 'action')} "
            f"({action_ranges(requests.action_no.unique().tolist())})."))
    early = deadlines[deadlines.before_2025]
    if len(deadlines):
        names = join(f"{r.state_name}{'' if r.submitted else ' (no update)'}" for r in early.itertuples())
        blocks.append(Paragraph(
            f"Of the {len(deadlines)} States Parties with mined areas under Article 5, "
            f"{len(early)} had a deadline in force before 2025"
            + (f": {names}." if len(early) else ".")
            + f" {int(early.submitted.sum())} of them submitted an update."))
    gender = ctx.view("v_state_summary").query("disaggregated_figures > 0")
    blocks.append(Paragraph(
        f"{plural(len(gender), 'State')} gave figures broken down by sex or age"
        + (f" ({join(gender.state_name)})" if len(gender) else "")
        + "; each section below has a paragraph on the gender perspective."))
    return blocks


def _quarantined(count: int, files: str = "further file") -> str:
    if not count:
        return "Every file received could be read."
    return f"{plural(count, files)} could not be read; chapter II lists them with the reason."


def _headline_table(ctx: Context):
    rows = ctx.view("v_headline_figures")
    rows = rows[rows.basis != "count"]

    def years(row) -> str:
        if pd.isna(row.first_year):
            return ""
        return str(int(row.first_year)) + ("" if row.first_year == row.last_year else f"-{int(row.last_year)}")

    return make_table("Headline figures reported by the States Parties", rows, [
        ("Indicator", "label", False),
        ("Value", lambda r: Cell(amount(r.value, r.unit), "figure"), True),
        ("States", lambda r: number(r.states), True),
        ("Years", years, False),
        ("Basis", "basis", False),
    ], note="Figures without a year are left out of the sums; annex I lists them per State.")

