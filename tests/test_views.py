"""The committee views on a hand-made warehouse: they run, they agree with the base tables, and
they neither drop nor double count."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from warehouse_fixture import build_fixture_warehouse

from warehouse.views import OPTIONAL_VIEWS, VIEWS, create_views, view_comment

LAND = ("area_cancelled_m2", "area_reduced_m2", "area_cleared_m2")


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    path = build_fixture_warehouse(tmp_path_factory.mktemp("views") / "oap.duckdb")
    connection = duckdb.connect(str(path))
    create_views(connection)
    yield connection
    connection.close()


def frame(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    return con.execute(sql).df()


def keyed(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures with a comparable key: year -1 when not stated, breakdown 'total' when none."""
    return figures.assign(year=figures.year.astype("Int64").fillna(-1).astype(int),
                          disaggregation=figures.disaggregation.fillna("total"))


def base_figures(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The figures that should count, worked out in pandas from the base tables."""
    facts = frame(con, """
        SELECT coalesce(d.state_iso3, f.state_iso3) AS state_iso3, d.meeting_id, m.start_date,
               f.indicator, f.year, f.disaggregation, f.value
        FROM indicator_values f JOIN documents d USING (document_id)
        LEFT JOIN meetings m USING (meeting_id)
        WHERE d.status <> 'withdrawn' AND coalesce(d.state_iso3, f.state_iso3) IS NOT NULL""")
    key = ["state_iso3", "indicator", "year", "disaggregation"]
    facts = keyed(facts)
    per_meeting = facts.groupby(key + ["meeting_id", "start_date"], as_index=False).value.max()
    latest = per_meeting.sort_values("start_date").groupby(key, as_index=False).last()
    return latest


@pytest.mark.parametrize("name", list(VIEWS))
def test_every_view_runs_and_says_what_it_answers(con, name: str) -> None:
    con.execute(f"SELECT * FROM {name}").fetchall()
    sql = importlib.resources.files("warehouse").joinpath("views", f"{name}.sql").read_text()
    assert sql.startswith("-- "), f"{name}.sql needs a header comment saying what it answers"
    comment = con.execute("SELECT comment FROM duckdb_views() WHERE view_name = ?", [name]).fetchone()
    assert comment == (view_comment(name),) and comment[0].startswith(VIEWS[name])


def test_create_views_is_idempotent(con) -> None:
    before = frame(con, "SELECT * FROM v_headline_figures ORDER BY sort_order")
    assert create_views(con) == [*VIEWS, "v_corrections"]  # the table is in the contract
    pd.testing.assert_frame_equal(before, frame(con, "SELECT * FROM v_headline_figures ORDER BY sort_order"))


def test_corrections_view_only_when_its_table_exists(con, tmp_path: Path) -> None:
    path = build_fixture_warehouse(tmp_path / "corrected.duckdb", corrections=True)
    with duckdb.connect(str(path)) as corrected:
        assert create_views(corrected)[-1] == "v_corrections"
        rows = corrected.execute("SELECT file_name, target FROM v_corrections ORDER BY line").fetchall()
        assert rows == [("greece_im2021_update.pdf", "document"),
                        ("cambodia_im2022_update.pdf", "figure")]
        corrected.execute("DROP VIEW v_corrections")
        corrected.execute("DROP TABLE corrections")
        assert "v_corrections" not in create_views(corrected)
    assert set(OPTIONAL_VIEWS) == {"v_corrections"}


def test_withdrawn_documents_are_left_out(con) -> None:
    documents = frame(con, "SELECT * FROM documents")
    assert len(frame(con, "SELECT * FROM v_documents")) == int((documents.status != "withdrawn").sum())
    assert con.execute("SELECT count(*) FROM v_figures WHERE value = 99999999").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM v_evidence e JOIN documents d USING (document_id) "
                       "WHERE d.status = 'withdrawn'").fetchone() == (0,)


def test_figures_count_once_within_a_meeting_and_latest_meeting_wins(con) -> None:
    expected = base_figures(con).set_index(["state_iso3", "indicator", "year", "disaggregation"]).value
    got = keyed(frame(con, "SELECT * FROM v_figures WHERE is_latest"))
    got = got.set_index(["state_iso3", "indicator", "year", "disaggregation"]).value
    pd.testing.assert_series_equal(got.sort_index(), expected.sort_index(), check_names=False)
    cleared = frame(con, "SELECT state_iso3, year, cleared_m2 FROM v_article5_land_release")
    cleared = cleared.set_index(["state_iso3", "year"]).cleared_m2
    assert cleared[("COL", 2021)] == 2_900_000  # the larger of two updates for IM2022
    assert cleared[("KHM", 2020)] == 30_500_000  # revised in the IM2022 update


@pytest.mark.parametrize("indicator", ["area_cleared_m2", "area_reduced_m2", "area_cancelled_m2",
                                       "eore_beneficiaries", "casualties", "survivors_assisted",
                                       "funding_usd", "funding_eur", "stockpiled_mines_destroyed"])
def test_headline_flows_equal_the_base_tables(con, indicator: str) -> None:
    figures = base_figures(con)
    totals = figures[(figures.indicator == indicator) & (figures.disaggregation == "total")
                     & (figures.year >= 2020)]
    headline = frame(con, "SELECT * FROM v_headline_figures").set_index("indicator")
    assert headline.value[indicator] == pytest.approx(totals.value.sum())
    assert headline.states[indicator] == totals.state_iso3.nunique()


def test_headline_stocks_and_land_released(con) -> None:
    figures = base_figures(con)
    headline = frame(con, "SELECT * FROM v_headline_figures").set_index("indicator")
    remaining = figures[(figures.indicator == "area_remaining_m2") & (figures.disaggregation == "total")]
    latest = remaining.sort_values("year").groupby("state_iso3").value.last()
    assert headline.value["area_remaining_m2"] == latest.sum()
    land = figures[figures.indicator.isin(LAND) & (figures.disaggregation == "total") & (figures.year >= 2020)]
    assert headline.value["land_released_m2"] == land.value.sum()
    assert headline.value["states_submitted"] == 8
    assert headline.value["quarantined"] == 3
    release = frame(con, "SELECT * FROM v_article5_land_release WHERE year >= 2020")
    assert release.released_m2.sum() == land.value.sum()


def test_action_summary_counts_states_from_the_base_tables(con) -> None:
    rows = frame(con, """
        SELECT ap.action_no, d.state_iso3, ap.status FROM action_progress ap
        JOIN documents d USING (document_id)
        WHERE d.status <> 'withdrawn' AND d.state_iso3 IS NOT NULL""")
    summary = frame(con, "SELECT * FROM v_action_summary ORDER BY action_no").set_index("action_no")
    assert list(summary.index) == list(range(1, 51))
    reporting = rows.groupby("action_no").state_iso3.nunique().reindex(range(1, 51), fill_value=0)
    assert (summary.states_reporting == reporting).all()
    challenge = rows[rows.status == "challenge"].groupby("action_no").state_iso3.nunique()
    assert (summary.challenge.reindex(challenge.index) == challenge).all()
    sections = frame(con, "SELECT * FROM v_section_summary ORDER BY first_action")
    assert sections.section_no.tolist() == ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    assert sections.actions.sum() == 50
    assert sections.progress.sum() == summary.progress.sum()


@pytest.mark.parametrize(("state", "action", "coverage"), [
    ("NOR", 21, "not applicable"),   # no Article 5 obligation
    ("SEN", 21, "reported"),
    ("SEN", 22, "silent"),           # Article 5 State silent on an Article 5 action
    ("UKR", 12, "reported"),         # Article 4 obligation
    ("COL", 12, "not applicable"),   # no stockpile left
    ("COL", 15, "silent"),           # retention actions apply to every State
    ("FRA", 15, "reported"),
    ("GRC", 33, "not applicable"),   # no significant number of victims
    ("KHM", 34, "reported"),
    ("PER", 40, "silent"),
    ("NOR", 1, "silent"),            # best practices apply to every State
])
def test_coverage_matrix_is_obligation_aware(con, state: str, action: int, coverage: str) -> None:
    found = con.execute("SELECT coverage FROM v_coverage_matrix WHERE state_iso3 = ? AND action_no = ?",
                        [state, action]).fetchone()
    assert found == (coverage,)


def test_coverage_matrix_has_every_submitting_state_and_action(con) -> None:
    matrix = frame(con, "SELECT * FROM v_coverage_matrix")
    assert matrix.groupby("state_iso3").action_no.nunique().eq(50).all()
    assert set(matrix.state_iso3) == {"COL", "KHM", "UKR", "SEN", "PER", "NOR", "FRA", "GRC"}
    states = frame(con, "SELECT * FROM states_parties").set_index("iso3")
    na = matrix[matrix.coverage == "not applicable"]
    for row in na.itertuples():
        flag = {"article5": "article5_obligation", "article4": "article4_obligation",
                "victims": "significant_victims"}[row.rule]
        assert not states.loc[row.state_iso3, flag]


def test_disaggregation_per_section(con) -> None:
    rows = frame(con, "SELECT * FROM v_disaggregation").set_index("section_no")
    assert rows.loc["VII"].states_disaggregated == 3  # Colombia, Cambodia, Peru
    assert rows.loc["VI"].states_with_figures == 3
    assert rows.loc["VI"].states_by_sex == 2
    assert rows.loc["V"].states_disaggregated == 0
    assert rows.loc["II"].states_mentioning_gender == 1  # Norway on action 3
    breakdown = frame(con, "SELECT * FROM v_risk_education WHERE state_iso3 = 'COL' AND year = 2021")
    assert breakdown[["beneficiaries", "women", "men", "girls", "boys"]].iloc[0].tolist() == [
        61200, 18500, 12300, 15900, 14500]


def test_state_summary_lists_every_state_party(con) -> None:
    rows = frame(con, "SELECT * FROM v_state_summary")
    assert len(rows) == con.execute("SELECT count(*) FROM states_parties").fetchone()[0]
    assert rows.submitted.sum() == 8
    colombia = rows.set_index("state_iso3").loc["COL"]
    assert (colombia.documents, colombia.pages, colombia.meetings) == (3, 13, "IM2021, IM2022")


def test_deadlines_and_what_updates_say(con) -> None:
    rows = frame(con, "SELECT * FROM v_article5_deadlines").set_index("state_iso3")
    states = frame(con, "SELECT * FROM states_parties WHERE article5_obligation").set_index("iso3")
    assert set(rows.index) == set(states.index)
    early = states.article5_deadline < pd.Timestamp("2025-01-01")
    assert (rows.before_2025.reindex(states.index) == early).all()
    assert rows.loc["UKR"].stated_deadline_year == 2023
    assert "extension request" in rows.loc["UKR"].completion_evidence


def test_committee_views_keep_breakdowns_and_currencies_apart(con) -> None:
    va = frame(con, "SELECT * FROM v_victim_assistance WHERE state_iso3 = 'KHM' AND year = 2021")
    assert va[["total", "women", "men", "girls", "boys"]].iloc[0].tolist() == [44, 2, 30, 3, 9]
    funding = frame(con, "SELECT currency, amount FROM v_cooperation_funding WHERE amount IS NOT NULL")
    assert sorted(map(tuple, funding.values.tolist())) == [("EUR", 9_800_000), ("USD", 55_300_000)]
    compliance = frame(con, "SELECT * FROM v_compliance").set_index("state_iso3")
    assert compliance.loc["UKR"].stockpiled_destroyed == 405_000
    assert compliance.loc["FRA"].mines_retained == 3_918
    assert compliance.loc["COL"].article7_mentions == 1
    assert compliance.loc["FRA"].article9_mentions == 1
    universal = frame(con, "SELECT state_iso3, action_no FROM v_universalization")
    assert sorted(map(tuple, universal.values.tolist())) == [("FRA", 10), ("NOR", 11), ("PER", 10)]


def test_change_over_time_compares_meetings(con) -> None:
    rows = frame(con, "SELECT * FROM v_change_over_time WHERE state_iso3 = 'KHM' ORDER BY meeting_start")
    assert rows.meeting_id.tolist() == ["IM2021", "IM2022"]
    assert rows.figures_year.tolist() == [2020, 2021]
    assert rows.land_released_m2.tolist() == [42_000_000, 59_100_000]


def test_stale_or_missing_views_are_told_apart_from_current_ones(tmp_path: Path) -> None:
    from pipelines.reporting.queries import open_warehouse, stale_views

    path = build_fixture_warehouse(tmp_path / "stale.duckdb")
    with duckdb.connect(str(path)) as writer:
        assert stale_views(writer) == [*VIEWS, "v_corrections"]  # its table exists here
        create_views(writer)
        assert stale_views(writer) == []
        writer.execute("CREATE OR REPLACE VIEW v_runs AS SELECT 1 AS run_id")
        assert stale_views(writer) == ["v_runs"]
    with open_warehouse(path) as reader:
        assert reader.execute("SELECT count(*) FROM v_runs").fetchone() == (2,)
