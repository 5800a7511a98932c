"""`oap pack` for every Committee on a hand-made warehouse: the workbook opens, has its sheets
as a Committee can work in them, and its numbers are the base tables' numbers."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from openpyxl import load_workbook
from warehouse_fixture import build_fixture_warehouse

from pipelines.cli import main
from pipelines.committees.catalog import COMMITTEES
from warehouse.views import create_views

#: The figures that count, worked out from the base tables without the views: per State,
#: indicator, year and breakdown, the maximum within a meeting, then the latest meeting.
BASE_FIGURES = """
WITH facts AS (
    SELECT coalesce(d.state_iso3, f.state_iso3) AS state_iso3, d.meeting_id, m.start_date,
           f.indicator, f.year, f.disaggregation, max(f.value) AS value
    FROM indicator_values AS f JOIN documents AS d USING (document_id)
    LEFT JOIN meetings AS m USING (meeting_id)
    WHERE d.status <> 'withdrawn' AND coalesce(d.state_iso3, f.state_iso3) IS NOT NULL
    GROUP BY ALL
)
SELECT * FROM facts
QUALIFY row_number() OVER (PARTITION BY state_iso3, indicator, year, disaggregation
                           ORDER BY start_date DESC NULLS LAST) = 1
"""


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = build_fixture_warehouse(tmp_path_factory.mktemp("pack") / "oap.duckdb")
    with duckdb.connect(str(path)) as con:
        create_views(con)
    return path


@pytest.fixture(scope="module")
def packs(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every Committee's pack, written once by `oap pack --committee all`."""
    out = tmp_path_factory.mktemp("packs")
    before = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    assert main(["pack", "--committee", "all", "--warehouse", str(warehouse),
                 "--output", str(out)]) == 0
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == before
    return out


def base(warehouse: Path, sql: str) -> pd.DataFrame:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).df()


def sheet(packs: Path, committee: str, title: str) -> pd.DataFrame:
    return pd.read_excel(packs / f"{committee}_pack.xlsx", sheet_name=title)


@pytest.mark.parametrize("key", list(COMMITTEES))
def test_every_pack_opens_with_its_sheets_frozen_and_filterable(packs: Path, key: str) -> None:
    book = load_workbook(packs / f"{key}_pack.xlsx")
    titles = [s.title for s in COMMITTEES[key].sheets]
    assert book.sheetnames == ["About", *titles]
    for title in titles:
        ws = book[title]
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:")
        assert all(c.font.bold for c in ws[1])
        assert all(6 <= ws.column_dimensions[c.column_letter].width <= 60 for c in ws[1])
    evidence = book["Evidence"]
    column = [c.value for c in evidence[1]].index("evidence") + 1
    assert evidence.cell(row=2, column=column).alignment.wrap_text
    about = [" ".join(str(v) for v in row if v is not None)
             for row in book["About"].iter_rows(values_only=True)]
    assert "run-2022-09-01" in " ".join(about)  # the latest run is cited
    for title in titles:
        assert any(line.startswith(title + " ") for line in about), title


@pytest.mark.parametrize("key", list(COMMITTEES))
def test_sheets_hold_only_the_committees_actions(packs: Path, key: str) -> None:
    item = COMMITTEES[key]
    for title in ("Actions", "Coverage", "Evidence"):
        rows = sheet(packs, key, title)
        assert set(rows.action_no) <= set(item.actions)
    evidence = sheet(packs, key, "Evidence")
    assert evidence[["state_name", "file_name", "page", "evidence"]].notna().all().all() or (
        evidence.state_name.isna().sum() == (evidence.file_name == "untitled_update.pdf").sum())


def test_article5_numbers_equal_the_base_tables(warehouse: Path, packs: Path) -> None:
    figures = base(warehouse, BASE_FIGURES)
    totals = figures[figures.disaggregation.isna()]
    land = sheet(packs, "article5", "Land release")
    for column, indicator in (("cleared_m2", "area_cleared_m2"), ("reduced_m2", "area_reduced_m2"),
                              ("cancelled_m2", "area_cancelled_m2")):
        assert land[column].sum() == totals[totals.indicator == indicator].value.sum()
    education = sheet(packs, "article5", "Risk education")
    eore = totals[totals.indicator == "eore_beneficiaries"]
    assert education.beneficiaries.sum() == eore.value.sum()
    listed = sheet(packs, "article5", "Figures")
    assert len(listed) == len(figures[figures.indicator.isin(
        ["area_cleared_m2", "area_reduced_m2", "area_cancelled_m2", "area_remaining_m2",
         "article5_deadline", "eore_beneficiaries"])])
    mentions = base(warehouse, "SELECT count(*) AS n FROM action_progress JOIN documents AS d "
                               "USING (document_id) WHERE d.status <> 'withdrawn' "
                               "AND action_no BETWEEN 18 AND 32")
    assert len(sheet(packs, "article5", "Evidence")) == mentions.n.iloc[0]
    submitted = base(warehouse, "SELECT count(DISTINCT state_iso3) AS n FROM documents "
                                "WHERE status <> 'withdrawn' AND state_iso3 IS NOT NULL")
    assert len(sheet(packs, "article5", "Coverage")) == 15 * submitted.n.iloc[0]


def test_victim_assistance_and_cooperation_numbers_equal_the_base_tables(warehouse, packs) -> None:
    figures = base(warehouse, BASE_FIGURES)
    totals = figures[figures.disaggregation.isna()]
    victims = sheet(packs, "victim_assistance", "Victim assistance")
    for indicator in ("casualties", "survivors_assisted"):
        shown = victims[victims.indicator == indicator].total.sum()
        assert shown == totals[totals.indicator == indicator].value.sum()
    women = figures[(figures.indicator == "casualties") & (figures.disaggregation == "women")]
    assert victims[victims.indicator == "casualties"].women.sum() == women.value.sum()
    funding = sheet(packs, "cooperation", "Funding").groupby("currency").amount.sum()
    assert funding.to_dict() == {
        "EUR": totals[totals.indicator == "funding_eur"].value.sum(),
        "USD": totals[totals.indicator == "funding_usd"].value.sum()}
    requests = sheet(packs, "cooperation", "Requests")
    asked = base(warehouse, "SELECT DISTINCT d.state_iso3, a.action_no FROM action_progress a "
                            "JOIN documents d USING (document_id) WHERE d.status <> 'withdrawn' "
                            "AND a.status = 'request for assistance'")
    assert sorted(zip(requests.state_iso3, requests.action_no, strict=True)) == sorted(
        zip(asked.state_iso3, asked.action_no, strict=True))


def test_compliance_and_president_numbers_equal_the_base_tables(warehouse, packs) -> None:
    figures = base(warehouse, BASE_FIGURES)
    totals = figures[figures.disaggregation.isna()]
    for key, title in (("compliance", "Compliance"), ("president", "Stockpiles")):
        rows = sheet(packs, key, title)
        stock = totals[(totals.indicator == "stockpiled_mines_destroyed") & (totals.year >= 2020)]
        assert rows.stockpiled_destroyed.sum() == stock.value.sum()
        assert rows.mines_retained.sum() == totals[totals.indicator == "mines_retained"].value.sum()
    universal = sheet(packs, "president", "Universalisation")
    assert sorted(universal.state_iso3) == ["FRA", "NOR", "PER"]


@pytest.mark.parametrize("key", list(COMMITTEES))
def test_every_brief_lists_its_actions_counts_and_gaps(warehouse, packs, key: str) -> None:
    item = COMMITTEES[key]
    text = (packs / f"{key}_brief.md").read_text(encoding="utf-8")
    assert text.startswith(f"# {item.name}: brief")
    assert "run-2022-09-01" in text and f"{key}_pack.xlsx" in text
    for heading in ("## Actions", "## Headline figures", "## Gaps"):
        assert heading in text
    summary = base(warehouse, "SELECT * FROM v_action_summary")
    for row in summary[summary.committee_key == key].itertuples():
        assert (f"| {row.action_no} | {row.short_title} | {row.states_reporting} | {row.progress} "
                f"| {row.completed} | {row.challenge} | {row.plan} | {row.request} |") in text


def test_the_article5_brief_gives_headline_figures_and_gaps(packs: Path) -> None:
    text = (packs / "article5_brief.md").read_text(encoding="utf-8")
    # COL 2,345,678 + 2,900,000 (the larger of two IM2022 repeats); KHM 30,500,000 (revised at
    # IM2022) + 45,200,000; SEN 235,000; PER 31,600; the withdrawn draft and the unattributed
    # update do not count
    assert "| Land cleared | 81,212,278 | m² | 4 | 2020-2021 |" in text
    assert "No State reported on 5 action(s): 19 (" in text
    assert "32 (Report on MRE in Article 7 reports)" in text
    assert "(untitled_update.pdf): check them before citing" in text


def test_pack_refuses_an_unknown_committee(warehouse, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["pack", "--committee", "finance", "--warehouse", str(warehouse)])
    assert "invalid choice" in capsys.readouterr().err


def test_pack_says_when_its_folder_cannot_be_made(warehouse, tmp_path, capsys) -> None:
    taken = tmp_path / "packs"
    taken.write_text("a file where the folder should be")
    assert main(["pack", "--committee", "article5", "--warehouse", str(warehouse),
                 "--output", str(taken)]) == 2
    assert capsys.readouterr().err.strip() == f"oap: cannot make the folder {taken}: File exists"
