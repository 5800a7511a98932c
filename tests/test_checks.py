"""The warehouse-wide checks, on a real DuckDB database."""

import duckdb

from pipelines.defs.checks import every_input_accounted_for


def _warehouse(documents: list[tuple[str, str]], quarantined: list[str]):
    """An in-memory database with the two tables the accounting check reads."""
    con = duckdb.connect()
    con.execute("CREATE TABLE documents (file_name VARCHAR, status VARCHAR)")
    con.execute("CREATE TABLE quarantine (file_name VARCHAR)")
    if documents:
        con.executemany("INSERT INTO documents VALUES (?, ?)", documents)
    if quarantined:
        con.executemany("INSERT INTO quarantine VALUES (?)", [[name] for name in quarantined])
    return con


def test_a_file_recorded_twice_fails_the_accounting_check():
    con = _warehouse([("a.pdf", "loaded"), ("b.pdf", "loaded")], ["b.pdf", "c.pdf"])
    result = every_input_accounted_for(con, {"a.pdf", "b.pdf", "c.pdf"})
    assert not result.passed
    assert result.metadata["in_both"].value == ["b.pdf"]
    assert result.metadata["missing"].value == []


def test_files_left_for_the_next_run_are_accounted_for_and_others_missing():
    con = _warehouse([("a.pdf", "loaded"), ("w.pdf", "withdrawn")], [])
    result = every_input_accounted_for(con, {"a.pdf", "p.pdf", "w.pdf"}, frozenset({"p.pdf"}))
    assert not result.passed
    assert result.metadata["missing"].value == ["w.pdf"]  # a withdrawn document is not loaded
    assert result.metadata["pending"].value == 1
