"""Connections to the DuckDB warehouse, and validation that keeps rejected rows, never drops them."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import duckdb
import pandas as pd
import pandera.pandas as pa

from schemas.registry import TABLES, TableContract, contract
from warehouse.ddl import statements_needed

logger = logging.getLogger(__name__)


class WarehouseBusyError(RuntimeError):
    """Another process holds the warehouse for writing."""


#: How long a connection waits for another process to release the warehouse.
WAIT_SECONDS: Final[float] = 60.0


def _open(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseBusyError(
                    f"the warehouse {path} is in use by another process (another run, or an "
                    f"open DuckDB session) and was not released within {wait:.0f} s; "
                    "try again when it has finished"
                ) from error
            time.sleep(0.5)


@contextmanager
def connect(
    path: Path, *, read_only: bool = False, wait: float = WAIT_SECONDS
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived connection; a writer also makes sure every table exists.

    DuckDB lets one process write a file at a time: while another holds it, this waits up
    to ``wait`` seconds and then raises WarehouseBusyError with a message for the user.
    """
    if read_only and not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}: run `oap run` first")
    path.parent.mkdir(parents=True, exist_ok=True)
    con = _open(path, read_only, wait)
    try:
        if not read_only:
            for statement in statements_needed(con):
                con.execute(statement)
        yield con
    finally:
        con.close()


def set_aside_if_incompatible(path: Path) -> Path | None:
    """Move a warehouse written by an older layout of the tables out of the way.

    Everything in the warehouse is derived from the source files, the seeds and the
    corrections file, so the next run rebuilds it; the old file is kept beside it.
    Returns where it was moved, or None when it is compatible (or absent).
    """
    if not path.exists():
        return None
    with connect(path, read_only=True) as con:
        found: dict[str, list[str]] = {}
        for table, column in con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main' "
            "ORDER BY table_name, column_index"
        ).fetchall():
            found.setdefault(table, []).append(column)
    if all(found.get(t.name, t.columns) == t.columns for t in TABLES):
        return None
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.incompatible-{stamp}{path.suffix}")
    path.rename(aside)
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        wal.rename(aside.with_name(aside.name + ".wal"))
    logger.warning("%s has an older table layout: moved to %s; it is rebuilt now", path, aside)
    return aside


@dataclass(frozen=True)
class Validated:
    valid: pd.DataFrame
    rejections: pd.DataFrame


def validate(table: TableContract, frame: pd.DataFrame) -> Validated:
    """Rows that meet the table's contract, and one rejection row per failed check.

    An empty frame with the contract's columns has nothing to check: it only takes the
    contract's types (checking it would still cost pandera's set-up, most of a quiet run).
    """
    model = table.model
    if frame.empty and list(frame.columns) == table.columns:
        columns = model.to_schema().columns
        return Validated(frame.astype({name: c.dtype.type for name, c in columns.items()}),
                         empty_table("rejections"))
    try:
        return Validated(model.validate(frame, lazy=True), empty_table("rejections"))
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
    bad_index = set(cases["index"].dropna().astype(int)) if "index" in cases else set()
    keyed = frame.loc[frame.index.isin(bad_index)]
    keys = {
        i: "|".join(str(keyed.at[i, k]) for k in table.key if k in keyed.columns)
        for i in keyed.index
    }
    doc_ids = frame["document_id"] if "document_id" in frame.columns else None
    rows = cases.get("index", pd.Series([None] * len(cases)))
    rejections = pd.DataFrame(
        {
            "table_name": table.name,
            "document_id": [
                doc_ids.get(i) if doc_ids is not None and i is not None and not pd.isna(i) else None
                for i in rows
            ],
            "row_key": [keys.get(i, "(table)") for i in rows],
            "column_name": cases["column"].astype("string"),
            "check_name": cases["check"].astype(str),
            "failure_value": cases["failure_case"].astype(str),
            "detected_at": pd.Timestamp.now(tz="UTC").tz_localize(None),
        }
    ).drop_duplicates(["table_name", "row_key", "check_name"])  # the rejections table's key
    remaining = frame.loc[~frame.index.isin(bad_index)]
    if not bad_index:  # a table-wide failure (missing column): nothing can be loaded safely
        remaining = frame.iloc[0:0]
    return Validated(model.validate(remaining, lazy=True) if len(remaining) else
                     empty_table(table.name), rejections)


def empty_table(name: str) -> pd.DataFrame:
    """An empty frame with the columns of table ``name``."""
    return pd.DataFrame(columns=contract(name).columns)


def read_table(
    con: duckdb.DuckDBPyConnection, name: str, document_ids: frozenset[str] | None = None
) -> pd.DataFrame:
    """Rows of table ``name``; only those of ``document_ids`` when given."""
    columns = ", ".join(contract(name).columns)
    if document_ids is None:
        return con.execute(f"SELECT {columns} FROM {name}").df()
    return con.execute(
        f"SELECT {columns} FROM {name} WHERE document_id IN (SELECT unnest(?))",
        [sorted(document_ids)],
    ).df()
