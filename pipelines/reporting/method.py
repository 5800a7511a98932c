"""Chapter II: which updates were read, how, what could not be read, and the limits."""

from __future__ import annotations

import pandas as pd

from pipelines.reporting.annexes import listed_by_state_in_print
from pipelines.reporting.context import Context, make_table
from pipelines.reporting.format import join, language, plural, were
from pipelines.reporting.front import action_ranges
from pipelines.reporting.model import Block, Heading, Paragraph

LIMITS = (
    ("Actions inferred from the subject of a passage, rather than named by their number, may be "
     "wrong; they are marked as inferred wherever they are quoted."),
    ("Updates in Arabic and Russian are read with far fewer subject terms than those in English, "
     "French and Spanish, so actions they report on without naming them may be missed; each such "
     "update is marked for an analyst's review."),
    ("A State that did not mention an action may still be working on it: silence in a written "
     "update is not evidence of inaction."),
    ("Figures are read as written. Totals and their breakdowns by sex or age are kept apart and "
     "never added up; figures in other currencies than US dollars and euros are not read, and "
     "amounts are not converted."),
    ("Whether a State gave or received the funding it reports is not recorded with the figure; "
     "the quoted passage says it."),
    ("Which actions apply to a State rests on the reference list of obligations (Article 5 "
     "deadlines, Article 4 stockpiles, significant numbers of victims), parts of which are not yet "
     "verified against published sources."),
    ("Scanned pages are read by optical character recognition; figures from such pages deserve a "
     "second look."),
)


def method_blocks(ctx: Context) -> list[Block]:
    return [
        Heading(1, "Coverage and method", "method", "II."),
        *_updates(ctx),
        *_reading(ctx),
        *_quarantine(ctx),
        *_corrections(ctx),
        Heading(2, "Limits of automated reading", "limits", "E."),
        *[Paragraph(text) for text in LIMITS],
        _titles(ctx),
    ]


def _titles(ctx: Context) -> Paragraph:
    verified = int((ctx.view("v_action_summary").text_status == "verified").sum())
    if verified == 50:
        return Paragraph("Each action is quoted in the official wording of the Oslo Action Plan "
                         "(APLC/CONF/2019/5/Add.1).")
    return Paragraph(f"The official wording of {50 - verified} of the 50 actions is not yet in the "
                     "reference data; those actions are named by short working titles, not by the "
                     "text of the Oslo Action Plan (APLC/CONF/2019/5/Add.1).")


def _updates(ctx: Context) -> list[Block]:
    docs = ctx.view("v_documents")
    attributed = docs[docs.state_iso3.notna()]
    blocks: list[Block] = [
        Heading(2, "Updates read", "updates", "A."),
        Paragraph(f"{plural(len(docs), 'update')} {were(len(docs))} read, from "
                  f"{plural(attributed.state_iso3.nunique(), 'State')}: "
                  f"{plural(int((docs.format == 'pdf').sum()), 'PDF file')} and "
                  f"{plural(int((docs.format == 'docx').sum()), 'Word file')}, "
                  f"{plural(int(docs.pages.sum()), 'page')} in all, of which "
                  f"{plural(int(docs.ocr_pages.sum()), 'scanned page')} read by OCR. "
                  + ("Annex III lists every update with a link to the original in the HTML "
                     "report, and the updates of each State in the PDF and Word."
                     if listed_by_state_in_print(len(docs)) else
                     "Annex III lists every update with a link to the original.")),
    ]
    counts = (docs.assign(meeting=docs.meeting_name.fillna("Meeting not stated"))
              .pivot_table(index="meeting", columns="language", values="document_id",
                           aggfunc="count", fill_value=0))
    counts["Total"] = counts.sum(axis=1)
    frame = counts.reset_index()
    columns = [("Meeting", "meeting", False)] + [
        (language(code) if code != "Total" else "Total", lambda r, i=i: str(r[i]), True)
        for i, code in enumerate(counts.columns, start=1)]
    blocks.append(make_table("Updates by meeting and language", frame, columns))
    unattributed = docs[docs.state_iso3.isna()]
    if len(unattributed):
        blocks.append(Paragraph(
            f"{plural(len(unattributed), 'update')} could not be attributed to a State "
            f"({join(unattributed.file_name)}). Their passages are quoted where relevant but their "
            "figures are left out of every total until an analyst names the State."))
    review = docs[(docs.status == "needs_review") & docs.state_iso3.notna()]
    if len(review):
        blocks.append(Paragraph(
            f"{plural(len(review), 'update')} {were(len(review))} read but flagged for review: "
            + "; ".join(f"{r.file_name} ({r.review_reason})" for r in review.itertuples()) + "."))
    return blocks


def _reading(ctx: Context) -> list[Block]:
    counts = ctx.view("evidence_counts").iloc[0]
    explicit, passages = int(counts.explicit), int(counts.passages)
    rules = ctx.view("v_action_applicability").groupby(["rule", "applies_to"], sort=False)
    frame = pd.DataFrame([{"applies_to": applies, "actions": action_ranges(g.action_no.tolist())}
                          for (_, applies), g in rules])
    return [
        Heading(2, "How the updates were read", "reading", "B."),
        Paragraph(f"Each update was split into passages with their page number. A passage was "
                  f"linked to an action when it names the action's number ({explicit} passages) "
                  f"or, failing that, when its subject matches the action in English, French or "
                  f"Spanish ({passages - explicit} passages, marked 'inferred'). Each link "
                  "records whether the passage reports progress, completion, a challenge, a plan "
                  "or a request for assistance."),
        Paragraph("Figures were read in the unit of the indicator (square metres for land, "
                  "people, mines, US dollars, euros). When a State gives the same figure in "
                  "several updates for one meeting, the largest is kept, as the others are partial "
                  "repeats; when an update for a later meeting gives a figure again, the later "
                  "figure replaces the earlier one."),
        Paragraph("An action counts as silent only for a State to which it applies, following "
                  "Table 3; elsewhere it is marked not applicable. A State that reports on an "
                  "action outside its obligations, such as a donor on clearance it funds, counts "
                  "as reporting."),
        make_table("To which States the actions apply", frame, [
            ("Actions", "actions", False), ("Apply to", "applies_to", False)]),
    ]


def _quarantine(ctx: Context) -> list[Block]:
    rows = ctx.view("v_quarantine")
    blocks: list[Block] = [Heading(2, "Files that could not be read", "quarantine", "C.")]
    if not len(rows):
        return blocks + [Paragraph("Every file in the sources folder could be read.")]
    blocks.append(Paragraph(f"{plural(len(rows), 'file')} could not be read and "
                            f"{'is' if len(rows) == 1 else 'are'} not in this report. Each can be "
                            "loaded once the problem named is fixed."))
    blocks.append(make_table("Files not read", rows, [
        ("File", "file_name", False), ("Stage", "stage", False), ("Reason", "reason", False)]))
    return blocks


def _corrections(ctx: Context) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Analysts' corrections", "corrections", "D.")]
    rows = ctx.views.get("v_corrections")
    mentions = int(ctx.view("evidence_counts").iloc[0].reviewed)
    figures = int(ctx.view("v_figures").query("is_latest").reviewed_by.notna().sum())
    if rows is None or not len(rows):
        return blocks + [Paragraph("No analyst corrections are recorded in the warehouse.")]
    applied = int(rows.applied.sum())
    unapplied = (f"; the other {len(rows) - applied} no longer match anything and are kept for "
                 "review" if applied < len(rows) else "")
    blocks.append(Paragraph(
        f"Analysts recorded {plural(len(rows), 'correction')} to what was read automatically, "
        f"of which {applied} applied in the last run{unapplied}. In this report "
        f"{plural(mentions, 'action mention')} and {plural(figures, 'figure')} are as confirmed, "
        "corrected or added by an analyst."))
    blocks.append(make_table("Analysts' corrections", rows, [
        ("Line", lambda r: str(r.line), True),
        ("Update", lambda r: r.file_name if isinstance(r.file_name, str) else r.document_id, False),
        ("Corrects", lambda r: f"{r.target}: {r.operation}", False),
        ("New value", lambda r: r.new_value if isinstance(r.new_value, str) else "", False),
        ("Analyst", "analyst", False), ("Reason", "reason", False),
        ("Outcome", lambda r: r.outcome if r.applied else f"not applied: {r.outcome}", False)]))
    return blocks
