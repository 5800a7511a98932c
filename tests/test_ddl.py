"""A writer's connection brings the warehouse's tables and comments up to date, and only them."""

import duckdb

from schemas.registry import TABLES
from warehouse import store
from warehouse.ddl import statements, statements_needed


def test_a_new_warehouse_needs_every_statement_and_then_none(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    assert statements_needed(con) == statements()
    for statement in statements():
        con.execute(statement)
    assert statements_needed(con) == []


def test_a_missing_table_and_an_outdated_comment_are_put_right(tmp_path):
    path = tmp_path / "w.duckdb"
    with store.connect(path):
        pass
    with duckdb.connect(str(path)) as con:
        con.execute("DROP TABLE meetings")
        con.execute("COMMENT ON COLUMN documents.state_iso3 IS 'old words'")
        needed = statements_needed(con)
    assert any(s.startswith("CREATE TABLE IF NOT EXISTS meetings") for s in needed)
    assert [s for s in needed if "documents" in s] == [
        s for s in statements() if s.startswith("COMMENT ON COLUMN documents.state_iso3 ")]
    with store.connect(path) as con:
        assert statements_needed(con) == []
        tables = {name for (name,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert {t.name for t in TABLES} <= tables
