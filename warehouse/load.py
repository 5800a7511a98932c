"""Write one run's changes to the warehouse in a single transaction.

Either every table reflects the run or none does: a run killed before or during the write
leaves the warehouse as it was, since DuckDB rolls back a transaction that never committed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd

from schemas.registry import contract
from warehouse.ddl import column_type

#: Tables that hold rows of documents, deleted with the document they belong to.
DOCUMENT_TABLES = ("action_progress", "indicator_values", "passages", "documents")


@dataclass(frozen=True)
class Changes:
    """What a run changes. Documents not named keep their rows untouched."""

    reference: dict[str, pd.DataFrame] = field(default_factory=dict)
    documents: pd.DataFrame | None = None  # rows of the documents (re)described in this run
    passages: pd.DataFrame | None = None  # passages of the files read in this run
    action_progress: pd.DataFrame | None = None
    indicator_values: pd.DataFrame | None = None
    extracted: frozenset[str] = frozenset()  # ids whose document and fact rows are replaced
    read: frozenset[str] = frozenset()  # ids whose passages are replaced
    removed: frozenset[str] = frozenset()  # ids superseded by a changed file: every row goes
    withdrawn: frozenset[str] = frozenset()
    renamed: dict[str, str] = field(default_factory=dict)
    quarantine: pd.DataFrame | None = None  # the whole quarantine
    rejections: pd.DataFrame | None = None  # rejections of this run's rows
    corrections: pd.DataFrame | None = None  # the whole corrections table
    run: pd.DataFrame | None = None


def _delete(con: duckdb.DuckDBPyConnection, table: str, ids: frozenset[str]) -> None:
    if ids:
        con.execute(f"DELETE FROM {table} WHERE document_id IN (SELECT unnest(?))", [sorted(ids)])


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame | None) -> int:
    if frame is None or not len(frame):
        return 0
    columns = ", ".join(contract(table).columns)
    con.register("incoming", frame[contract(table).columns])
    try:
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming")
    finally:
        con.unregister("incoming")
    return len(frame)


def _same_content(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> bool:
    """Whether the table holds exactly the rows of ``frame``, in any order.

    Compared inside DuckDB by the number of rows and the sum of the rows' hashes, the frame's
    columns cast to the table's types first; no copy of the table comes back to Python.
    """
    schema = contract(table).model.to_schema().columns
    values = ", ".join(f"CAST({name} AS {column_type(c.dtype)})" for name, c in schema.items())
    digest = f"SELECT count(*), coalesce(sum(hash({values})), 0) FROM {{}}"
    con.register("incoming", frame[list(schema)])
    try:
        return (con.execute(digest.format(table)).fetchone()
                == con.execute(digest.format("incoming")).fetchone())
    finally:
        con.unregister("incoming")


def _replace(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> bool:
    """Make ``frame`` the table's content; do nothing when it already is."""
    if _same_content(con, table, frame):
        return False
    con.execute(f"DELETE FROM {table}")
    _insert(con, table, frame)
    return True


def apply_changes(con: duckdb.DuckDBPyConnection, changes: Changes) -> dict[str, int]:
    """Apply ``changes`` in one transaction; return counts of what changed, per table."""
    counts: dict[str, int] = {}
    con.execute("BEGIN TRANSACTION")
    try:
        for name, frame in changes.reference.items():
            counts[name] = int(_replace(con, name, frame))
        for table in DOCUMENT_TABLES:
            _delete(con, table, changes.removed)
        for table in ("action_progress", "indicator_values", "documents"):
            _delete(con, table, changes.extracted)
        _delete(con, "passages", changes.read)
        _delete(con, "rejections", changes.extracted | changes.removed)
        counts["documents"] = _insert(con, "documents", changes.documents)
        counts["passages"] = _insert(con, "passages", changes.passages)
        counts["action_progress"] = _insert(con, "action_progress", changes.action_progress)
        counts["indicator_values"] = _insert(con, "indicator_values", changes.indicator_values)
        counts["rejections"] = _insert(con, "rejections", changes.rejections)
        for doc_id, name in changes.renamed.items():
            con.execute(
                "UPDATE documents SET file_name = ?, source_path = ? WHERE document_id = ?",
                [name, name, doc_id],
            )
        if changes.withdrawn:
            con.execute(
                "UPDATE documents SET status = 'withdrawn' WHERE document_id IN (SELECT unnest(?))",
                [sorted(changes.withdrawn)],
            )
        counts["withdrawn"] = len(changes.withdrawn)
        if changes.quarantine is not None:
            counts["quarantine"] = int(_replace(con, "quarantine", changes.quarantine))
        if changes.corrections is not None:
            counts["corrections"] = int(_replace(con, "corrections", changes.corrections))
        counts["runs"] = _insert(con, "runs", changes.run)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return counts
