"""The data dictionary stays in step with the contracts and the views, and the warehouse
describes itself with the same words."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandera.pandas as pa
import pytest
from warehouse_fixture import build_fixture_warehouse

from schemas.registry import TABLES
from warehouse import dictionary
from warehouse.views import OPTIONAL_VIEWS, VIEWS, create_views


@pytest.fixture(scope="module")
def generated() -> str:
    return dictionary.generate()


def test_the_committed_dictionary_is_the_generated_one(generated: str) -> None:
    committed = dictionary.DICTIONARY.read_text(encoding="utf-8")
    assert committed == generated, "run `python -m warehouse.dictionary` and commit the result"
    assert dictionary.main(["--check"]) == 0


def test_check_reports_a_stale_file(tmp_path: Path, capsys) -> None:
    stale = tmp_path / "dictionary.md"
    stale.write_text("# old\n", encoding="utf-8")
    assert dictionary.main(["--check", "--output", str(stale)]) == 1
    assert "out of date" in capsys.readouterr().err
    assert dictionary.main(["--output", str(stale)]) == 0
    assert dictionary.main(["--check", "--output", str(stale)]) == 0


def test_every_table_column_and_view_is_described(generated: str) -> None:
    for table in TABLES:
        assert f"### `{table.name}`" in generated
        for name, column in table.model.to_schema().columns.items():
            line = next(x for x in generated.splitlines() if x.startswith(f"| `{name}` |")
                        and column.description.replace("|", "\\|") in x)
            assert ("| yes |" if column.nullable else "| no |") in line
    for name in [*VIEWS, *OPTIONAL_VIEWS]:
        assert f"### `{name}`" in generated
        description = VIEWS.get(name) or OPTIONAL_VIEWS[name][1]
        assert f"**{description}**" in generated


@pytest.mark.parametrize(("check", "words"), [
    (pa.Check.isin(["en", "fr"]), "one of: `en`, `fr`"),
    (pa.Check.ge(1), "≥ 1"),
    (pa.Check.gt(0), "> 0"),
    (pa.Check.le(50), "≤ 50"),
    (pa.Check.in_range(1, 9), "1 to 9"),
    (pa.Check.str_length(16, 16), "length 16"),
    (pa.Check.str_length(2, 8), "length 2-8"),
    (pa.Check.str_length(min_value=1), "length ≥ 1"),
    (pa.Check.str_matches(r"^[A-Z]{3}$"), "matches `^[A-Z]{3}$`"),
])
def test_checks_read_as_allowed_values(check: pa.Check, words: str) -> None:
    assert dictionary.describe_check(check) == words


def test_allowed_values_come_from_the_contracts(generated: str) -> None:
    lines = generated.splitlines()
    status = next(x for x in lines if x.startswith("| `status` |") and "progress" in x)
    assert ("one of: `progress`, `completed`, `challenge`, `plan`, "
            "`request for assistance`") in status
    year = next(x for x in lines if x.startswith("| `year` | BIGINT | yes |"))
    assert "≥ 1990; ≤ 2040" in year
    assert "| `document_id` | VARCHAR | no | length 16; unique |" in generated


def test_the_warehouse_comments_are_the_model_descriptions(tmp_path: Path) -> None:
    path = build_fixture_warehouse(tmp_path / "oap.duckdb")
    with duckdb.connect(str(path)) as con:
        create_views(con)
        tables = dict(con.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall())
        columns = {(t, c): comment for t, c, comment in con.execute(
            "SELECT table_name, column_name, comment FROM duckdb_columns() "
            "WHERE table_name IN (SELECT table_name FROM duckdb_tables())").fetchall()}
        views = dict(con.execute(
            "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
    for table in TABLES:
        assert tables[table.name] == (table.model.__doc__ or "").strip()
        for name, column in table.model.to_schema().columns.items():
            assert columns[(table.name, name)] == column.description, f"{table.name}.{name}"
    for name in [*VIEWS, *OPTIONAL_VIEWS]:
        assert views[name].startswith(VIEWS.get(name) or OPTIONAL_VIEWS[name][1])
