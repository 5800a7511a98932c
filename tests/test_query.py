"""`oap query` on a hand-made warehouse: every view in every format, the filters, the named
questions, and proof that nothing it is asked can change the warehouse."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from openpyxl import load_workbook
from warehouse_fixture import build_fixture_warehouse

from pipelines.cli import main
from pipelines.committees.output import FORMATS
from warehouse import queries
from warehouse.views import VIEWS, create_views

OAP = Path(sys.executable).parent / "oap"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture warehouse with its views stored, as `oap run` leaves it."""
    path = build_fixture_warehouse(tmp_path_factory.mktemp("query") / "oap.duckdb")
    with duckdb.connect(str(path)) as con:
        create_views(con)
    return path


def frame(path: Path, sql: str) -> pd.DataFrame:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).df()


def oap(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def rows_in(fmt: str, out: str, output: Path) -> int:
    if fmt == "csv":
        return len(pd.read_csv(io.StringIO(out)))
    if fmt == "json":
        return len(json.loads(out))
    if fmt == "markdown":
        return len(out.strip().splitlines()) - 2
    if fmt == "xlsx":
        return load_workbook(output).active.max_row - 1
    last = out.strip().splitlines()[-1]
    return int(last.strip("()").split()[0])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("view", [*VIEWS, "v_corrections"])
def test_every_view_in_every_format(warehouse, capsys, tmp_path, view: str, fmt: str) -> None:
    output = tmp_path / "out.xlsx"
    extra = ["--output", output] if fmt == "xlsx" else []
    code, out, err = oap(capsys, "query", view, "--warehouse", warehouse, "--format", fmt, *extra)
    assert code == 0, err
    expected = frame(warehouse, f"SELECT count(*) AS n FROM {view}").n.iloc[0]
    assert rows_in(fmt, out, output) == expected
    assert "note:" not in err  # the stored views are current


def test_table_format_is_readable(warehouse, capsys) -> None:
    code, out, _ = oap(capsys, "query", "v_evidence", "--warehouse", warehouse, "--action", 21)
    assert code == 0
    header, rule, *rows, footer = out.strip().splitlines()
    widths = [len(part) for part in rule.split("  ")]
    assert max(widths[:-1]) <= 40 and "…" in out  # long quotes cut, not wrapped
    assert header.split()[0] == "state_iso3" and footer == f"({len(rows)} rows)"
    land = oap(capsys, "query", "v_article5_land_release", "--warehouse", warehouse)[1]
    assert "45,200,000" in land and " 2021 " in land and "2021.0" not in land


def test_list_names_every_view_and_question_with_what_it_answers(warehouse, capsys) -> None:
    code, out, _ = oap(capsys, "query", "--list", "--warehouse", warehouse, "--format", "json")
    listed = pd.DataFrame(json.loads(out))
    assert code == 0
    assert set(listed[listed.kind == "view"].name) == {*VIEWS, "v_corrections"}
    assert set(listed[listed.kind == "question"].name) == set(queries.question_names())
    assert listed.answers.str.len().min() > 20
    assert dict(zip(listed.name, listed.answers, strict=True))["v_runs"] == VIEWS["v_runs"]


@pytest.mark.parametrize("state", ["COL", "col", "Colombia", "Colombie", "colombie"])
def test_state_filter_takes_a_code_or_a_name_in_three_languages(warehouse, capsys, state) -> None:
    code, out, _ = oap(capsys, "query", "v_evidence", "--warehouse", warehouse, "--state", state,
                       "--format", "json")
    rows = pd.DataFrame(json.loads(out))
    base = frame(warehouse, "SELECT count(*) AS n FROM action_progress JOIN documents AS d "
                            "USING (document_id) WHERE d.status <> 'withdrawn' "
                            "AND d.state_iso3 = 'COL'")
    assert code == 0 and set(rows.state_iso3) == {"COL"} and len(rows) == base.n.iloc[0]


def test_an_unknown_state_is_refused_with_a_suggestion(warehouse, capsys) -> None:
    code, out, err = oap(capsys, "query", "v_evidence", "--warehouse", warehouse, "--state",
                         "Colombai")
    assert code == 2 and out == "" and "no State Party is called 'Colombai'" in err
    assert "colombia" in err


def test_an_ambiguous_name_asks_for_the_code(warehouse, capsys) -> None:
    code, _, err = oap(capsys, "query", "v_evidence", "--warehouse", warehouse, "--state", "Congo")
    assert code == 2 and "'Congo' names several States (COD, COG): give the ISO3 code" in err
    code, out, err = oap(capsys, "query", "v_evidence", "--warehouse", warehouse, "--state",
                         "Congo (Brazzaville)", "--format", "csv")
    assert code == 0 and "note: COG has no update in this warehouse" in err
    assert len(pd.read_csv(io.StringIO(out))) == 0


def test_action_filter_agrees_with_the_base_table(warehouse, capsys) -> None:
    code, out, _ = oap(capsys, "query", "v_evidence", "--warehouse", warehouse, "--action", 21,
                       "--format", "csv")
    rows = pd.read_csv(io.StringIO(out))
    base = frame(warehouse, "SELECT count(*) AS n FROM action_progress JOIN documents AS d "
                            "USING (document_id) WHERE d.status <> 'withdrawn' AND action_no = 21")
    assert code == 0 and set(rows.action_no) == {21} and len(rows) == base.n.iloc[0]


@pytest.mark.parametrize(("view", "column", "expected"), [
    ("v_action_summary", "action_no", set(range(18, 33))),
    ("v_evidence", "action_no", {18, 20, 21, 23, 25, 27, 28, 29, 30, 31}),
    ("v_section_summary", "section_no", {"V", "VI"}),
    ("v_figures", "indicator", {"area_cleared_m2", "area_reduced_m2", "area_cancelled_m2",
                                "area_remaining_m2", "article5_deadline", "eore_beneficiaries"}),
])
def test_committee_filter_uses_the_column_the_view_has(warehouse, capsys, view, column,
                                                       expected) -> None:
    code, out, _ = oap(capsys, "query", view, "--warehouse", warehouse, "--committee", "article5",
                       "--format", "json")
    assert code == 0 and set(pd.DataFrame(json.loads(out))[column]) == expected


def test_a_filter_the_result_cannot_take_is_reported_not_dropped(warehouse, capsys) -> None:
    code, out, err = oap(capsys, "query", "v_indicators", "--warehouse", warehouse, "--state",
                         "KHM", "--format", "csv")
    assert code == 0 and len(pd.read_csv(io.StringIO(out))) == 13
    assert "note: --state KHM ignored: the result has no state_iso3 column" in err


def test_filters_apply_to_sql_and_keep_its_order(warehouse, capsys) -> None:
    sql = "SELECT state_iso3, year, value FROM v_figures WHERE indicator = 'area_cleared_m2' " \
          "AND disaggregation IS NULL AND is_latest ORDER BY value DESC;"
    code, out, _ = oap(capsys, "query", "--sql", sql, "--warehouse", warehouse, "--state", "KHM",
                       "--format", "csv")
    rows = pd.read_csv(io.StringIO(out))
    assert code == 0 and list(rows.value) == [45_200_000, 30_500_000]


@pytest.mark.parametrize("sql", [
    "INSERT INTO runs SELECT * FROM runs",
    "UPDATE documents SET state_iso3 = 'FRA'",
    "DELETE FROM passages",
    "DROP TABLE passages",
    "DROP VIEW v_evidence",
    "CREATE TABLE copy AS SELECT * FROM documents",
    "CREATE TEMP TABLE scratch AS SELECT 1",
    "ALTER TABLE runs ADD COLUMN x INTEGER",
    "ATTACH '{dir}/other.duckdb' AS other",
    "COPY documents TO '{dir}/leak.csv'",
    "EXPORT DATABASE '{dir}/export'",
    "INSTALL fts",
    "LOAD fts",
    "SET enable_external_access = true",
    "CHECKPOINT",
    "SELECT 1; DROP TABLE runs",
])
def test_a_write_is_refused_and_the_file_is_unchanged(warehouse, capsys, tmp_path, sql) -> None:
    before = digest(warehouse)
    code, out, err = oap(capsys, "query", "--sql", sql.format(dir=tmp_path), "--warehouse",
                         warehouse)
    assert code == 2 and out == ""
    assert "not allowed" in err or "one SQL statement" in err
    assert digest(warehouse) == before and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("sql", [
    "INSERT INTO runs SELECT * FROM runs",
    "DROP TABLE passages",
    "CREATE TABLE copy AS SELECT 1",
    "ATTACH '{dir}/other.duckdb' AS other",
    "COPY documents TO '{dir}/leak.csv'",
    "SELECT * FROM read_csv('{dir}/../leak.csv')",
    "INSTALL fts",
    "LOAD fts",
    "SET enable_external_access = true",
])
def test_the_connection_itself_cannot_write_or_reach_files(warehouse, tmp_path, sql) -> None:
    """Beneath the statement check, DuckDB's read-only mode and disabled external access hold."""
    before = digest(warehouse)
    with queries.open_session(warehouse) as session, pytest.raises(duckdb.Error):
        session.con.execute(sql.format(dir=tmp_path))
    assert digest(warehouse) == before and list(tmp_path.iterdir()) == []


def test_a_select_that_reads_a_file_fails_with_a_clear_message(warehouse, capsys) -> None:
    code, _, err = oap(capsys, "query", "--sql", "SELECT * FROM read_csv('/etc/hostname')",
                       "--warehouse", warehouse)
    assert code == 2 and "`oap query` only reads the warehouse" in err


def test_a_warehouse_without_views_is_read_through_temporary_ones(tmp_path, capsys) -> None:
    path = build_fixture_warehouse(tmp_path / "bare.duckdb")
    before = digest(path)
    code, out, err = oap(capsys, "query", "v_headline_figures", "--warehouse", path,
                         "--format", "json")
    assert code == 0 and len(json.loads(out)) > 5
    assert "note: the views stored in" in err and "nothing is written" in err
    assert digest(path) == before
    assert frame(path, "SELECT count(*) AS n FROM duckdb_views() WHERE NOT internal").n.iloc[0] == 0


def test_xlsx_needs_an_output_file(warehouse, capsys) -> None:
    code, _out, err = oap(capsys, "query", "v_runs", "--warehouse", warehouse, "--format", "xlsx")
    assert code == 2 and "--output" in err


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_output_that_cannot_be_written_is_said_in_one_line(warehouse, tmp_path, capsys,
                                                             fmt) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("a file where a folder should be")
    target = blocker / f"states.{fmt}"
    code, _, err = oap(capsys, "query", "v_states", "--warehouse", warehouse, "--format", fmt,
                       "--output", target)
    assert code == 2 and err.strip() == f"oap: cannot write {target}: File exists"


def test_unknown_view_and_missing_warehouse(warehouse, tmp_path, capsys) -> None:
    code, _, err = oap(capsys, "query", "v_evidense", "--warehouse", warehouse)
    assert code == 2 and "did you mean v_evidence" in err
    code, _, err = oap(capsys, "query", "v_evidence", "--warehouse", tmp_path / "none.duckdb")
    assert code == 2 and "run `oap run` first" in err


@pytest.mark.parametrize("name", queries.question_names())
def test_every_named_question_runs_and_says_what_it_asks(warehouse, capsys, name) -> None:
    sql = queries.question_sql(name)
    assert sql.startswith("-- ") and queries.question_text(sql).endswith(("?", ".", ")"))
    code, out, err = oap(capsys, "query", "--question", name, "--warehouse", warehouse,
                         "--format", "json")
    assert code == 0, err
    assert isinstance(json.loads(out), list)


def test_questions_answer_from_the_base_tables(warehouse, capsys) -> None:
    def ask(name: str) -> pd.DataFrame:
        code, out, err = oap(capsys, "query", "--question", name, "--warehouse", warehouse,
                             "--format", "json")
        assert code == 0, err
        return pd.DataFrame(json.loads(out))

    funding = ask("funding_by_currency").set_index("currency")
    assert funding.total_amount.to_dict() == {"EUR": 9_800_000, "USD": 55_300_000}
    database = ask("victims_database")
    mapped = frame(warehouse, "SELECT DISTINCT d.state_iso3, a.page FROM action_progress a JOIN "
                              "documents d USING (document_id) WHERE a.action_no = 36 "
                              "AND d.status <> 'withdrawn'")
    assert set(zip(database.state_iso3, database.page, strict=True)) == set(
        zip(mapped.state_iso3, mapped.page, strict=True))
    nobody = ask("actions_nobody_reported")
    reported = set(frame(warehouse, "SELECT action_no FROM action_progress JOIN documents AS d "
                                    "USING (document_id) WHERE d.status <> 'withdrawn' "
                                    "AND d.state_iso3 IS NOT NULL").action_no)
    assert set(nobody.action_no) == set(range(1, 51)) - reported
    education = ask("risk_education_by_sex_and_age").set_index("state_iso3")
    assert education.loc["COL", "women_and_girls_pct"] == round(100 * 34_400 / 61_200, 1)
    assert bool(education.loc["COL", "by_sex"]) and not education.loc["KHM", "by_sex"]


def test_the_console_script_runs_a_view_in_its_own_process(warehouse) -> None:
    done = subprocess.run(
        [str(OAP), "query", "v_headline_figures", "--warehouse", str(warehouse), "--format",
         "json"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    labels = {row["indicator"] for row in json.loads(done.stdout)}
    assert {"states_submitted", "land_released_m2"} <= labels
