"""The committee tables and charts placed in each section's part of chapter III."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from pipelines.reporting import charts
from pipelines.reporting.context import Context, make_table
from pipelines.reporting.format import BREAKDOWNS, amount, number, plural, year
from pipelines.reporting.model import Block, Cell, Figure, Paragraph

LAND = ("cancelled_m2", "reduced_m2", "cleared_m2")


def blocks_for(ctx: Context, section_no: str) -> list[Block]:
    """The committee view of one section, or nothing when the section has none."""
    builder: Callable[[Context], list[Block]] | None = BUILDERS.get(section_no)
    return builder(ctx) if builder else []


def _figure(value) -> Cell:
    return Cell(number(value), "figure")


def _breakdown_columns(frame: pd.DataFrame):
    return [(b.capitalize(), lambda r, b=b: number(getattr(r, b)), True)
            for b in BREAKDOWNS if frame[b].notna().any()]


def universalization(ctx: Context) -> list[Block]:
    rows = ctx.view("v_universalization")
    if not len(rows):
        return []
    return [make_table("Universalisation: what States reported on actions 10 and 11", rows, [
        ("State", "state_name", False), ("Action", lambda r: str(r.action_no), False),
        ("Statuses", "statuses", False), ("Passages", lambda r: str(r.n_evidence), True),
        ("Source", lambda r: f"{r.file_name}, p. {r.page}", False)])]


def stockpiles(ctx: Context) -> list[Block]:
    rows = ctx.view("v_compliance")
    rows = rows[(rows.stockpile_actions_reported != "") | rows.stockpiled_destroyed.notna()
                | rows.mines_retained.notna() | rows.article4_obligation]
    if not len(rows):
        return []
    return [make_table("Stockpile destruction and mines retained", rows, [
        ("State", "state_name", False),
        ("Article 4 obligation", lambda r: "yes" if r.article4_obligation else "no", False),
        ("Actions 12-17 reported", "stockpile_actions_reported", False),
        ("Stockpiled mines destroyed, 2020 on", lambda r: _figure(r.stockpiled_destroyed), True),
        ("Mines retained", lambda r: _figure(r.mines_retained), True),
        ("Year", lambda r: "" if pd.isna(r.retained_year) else str(int(r.retained_year)), False)])]


def land_release(ctx: Context) -> list[Block]:
    rows = ctx.view("v_article5_land_release")
    table = make_table("Land release reported by States with Article 5 obligations (m²)", rows, [
        ("State", "state_name", False), ("Year", lambda r: year(r.year), False),
        ("Cancelled", lambda r: _figure(r.cancelled_m2), True),
        ("Reduced", lambda r: _figure(r.reduced_m2), True),
        ("Cleared", lambda r: _figure(r.cleared_m2), True),
        ("Released", lambda r: _figure(r.released_m2), True),
        ("Remaining", lambda r: _figure(r.remaining_m2), True),
        ("Actions 18-27", "actions_reported", False)],
        note="Released = cancelled + reduced + cleared, as far as given. Remaining: at the end "
             "of the year.")
    blocks: list[Block] = [table]
    recent = rows[rows.year >= 2020]
    per_state = recent.groupby("state_name", as_index=False)[list(LAND)].sum(min_count=1)
    per_state = per_state.dropna(subset=list(LAND), how="all")
    if len(per_state):
        per_state["total"] = per_state[list(LAND)].sum(axis=1)
        per_state = per_state.sort_values("total", ascending=False)
        chart = ctx.draw(charts.land_release, per_state)
        data = make_table("Land released by method and State, 2020 on (m²)", per_state, [
            ("State", "state_name", False),
            *[(k.split("_")[0].capitalize(), lambda r, k=k: _figure(getattr(r, k)), True)
              for k in LAND],
            ("Total", lambda r: _figure(r.total), True)])
        blocks.append(Figure("land", "Land released by method and State, 2020 on",
                             f"Stacked bars of land cancelled, reduced and cleared for "
                             f"{plural(len(per_state), 'State')}; the data are in the table "
                             "that follows.", chart, data))
    return blocks


def risk_education(ctx: Context) -> list[Block]:
    rows = ctx.view("v_risk_education")
    if not len(rows):
        return []
    return [make_table("Mine risk education: people reached", rows, [
        ("State", "state_name", False), ("Year", lambda r: year(r.year), False),
        ("People reached", lambda r: _figure(r.beneficiaries), True),
        *_breakdown_columns(rows), ("Actions 28-32", "actions_reported", False)])]


def victim_assistance(ctx: Context) -> list[Block]:
    rows = ctx.view("v_victim_assistance")
    if not len(rows):
        return []
    labels = {"casualties": "Casualties", "survivors_assisted": "Survivors assisted"}
    return [make_table("Victim assistance: casualties and survivors assisted", rows, [
        ("State", "state_name", False),
        ("Indicator", lambda r: labels.get(r.indicator, "–") if pd.notna(r.indicator) else "–", False),
        ("Year", lambda r: year(r.year) if pd.notna(r.indicator) else "", False),
        ("Total", lambda r: _figure(r.total), True),
        *_breakdown_columns(rows), ("Actions 33-41", "actions_reported", False)])]


def funding(ctx: Context) -> list[Block]:
    rows = ctx.view("v_cooperation_funding")
    if not len(rows):
        return []
    return [make_table("Cooperation and assistance: funding reported and requests", rows, [
        ("State", "state_name", False), ("Year", lambda r: year(r.year) if pd.notna(r.currency) else "", False),
        ("Amount", lambda r: Cell(amount(r.amount, r.currency or ""), "figure"), True),
        ("Actions 42-47", "actions_reported", False),
        ("Actions with a request", lambda r: str(r.actions_with_request), True)],
        note="Amounts as reported, in US dollars or euros; not converted.")]


def compliance(ctx: Context) -> list[Block]:
    rows = ctx.view("v_compliance")
    if not len(rows):
        return []
    mentioned = int((rows.article7_mentions > 0).sum())
    return [
        Paragraph(f"{plural(mentioned, 'State')} mentioned their Article 7 transparency report "
                  f"and {plural(int((rows.article9_mentions > 0).sum()), 'State')} their national "
                  "implementation measures under Article 9."),
        make_table("Compliance: actions 48-50 and mentions of Articles 7 and 9", rows, [
            ("State", "state_name", False), ("Actions 48-50", "compliance_actions_reported", False),
            ("Passages on Article 7", lambda r: str(r.article7_mentions), True),
            ("Passages on Article 9", lambda r: str(r.article9_mentions), True)])]


BUILDERS: dict[str, Callable[[Context], list[Block]]] = {
    "III": universalization, "IV": stockpiles, "V": land_release, "VI": risk_education,
    "VII": victim_assistance, "VIII": funding, "IX": compliance,
}
