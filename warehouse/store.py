"""Write validated tables to the DuckDB warehouse; keep rejected rows, never drop them."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pandera.pandas as pa

from schemas.registry import TableContract, contract
from warehouse.ddl import statements

logger = logging.getLogger(__name__)


class WarehouseBusyError(RuntimeError):
    """Another process holds the warehouse for writing."""


@contextmanager
def connect(path: Path, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived connection; a writer also makes sure every table exists."""
    if read_only and not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}: run `oap run` first")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise WarehouseBusyError(
                f"the warehouse {path} is in use by another run; wait for it to finish"
            ) from error
        raise
    try:
        if not read_only:
            for statement in statements():
                con.execute(statement)
        yield con
    finally:
        con.close()


@dataclass(frozen=True)
class Validated:
    valid: pd.DataFrame
    rejections: pd.DataFrame


def validate(table: TableContract, frame: pd.DataFrame) -> Validated:
    """Rows that meet the table's contract, and one rejection row per failed check."""
    model = table.model
    try:
        return Validated(model.validate(frame, lazy=True), _empty_rejections())
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
    bad_index = set(cases["index"].dropna().astype(int)) if "index" in cases else set()
    keyed = frame.loc[frame.index.isin(bad_index)]
    keys = {
        i: "|".join(str(keyed.at[i, k]) for k in table.key if k in keyed.columns)
        for i in keyed.index
    }
    rejections = pd.DataFrame(
        {
            "table_name": table.name,
            "row_key": [keys.get(i, "(table)") for i in cases.get("index", [None] * len(cases))],
            "column_name": cases["column"].astype("string"),
            "check_name": cases["check"].astype(str),
            "failure_value": cases["failure_case"].astype(str),
            "detected_at": pd.Timestamp.now(tz="UTC").tz_localize(None),
        }
    )
    remaining = frame.loc[~frame.index.isin(bad_index)]
    if not bad_index:  # a table-wide failure (missing column): nothing can be loaded safely
        remaining = frame.iloc[0:0]
    return Validated(model.validate(remaining, lazy=True) if len(remaining) else
                     _typed_empty(table), rejections)


def _empty_rejections() -> pd.DataFrame:
    return pd.DataFrame(columns=contract("rejections").columns)


def _typed_empty(table: TableContract) -> pd.DataFrame:
    return pd.DataFrame(columns=table.columns)


def replace_table(
    con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame
) -> Validated:
    """Validate ``frame`` and make it the whole content of table ``name`` in one transaction.

    Rows that fail the contract go to ``rejections`` (replacing that table's earlier ones).
    """
    table = contract(name)
    checked = validate(table, frame)
    columns = ", ".join(table.columns)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"DELETE FROM {name}")
        if len(checked.valid):
            con.register("incoming", checked.valid[table.columns])
            con.execute(f"INSERT INTO {name} ({columns}) SELECT {columns} FROM incoming")
            con.unregister("incoming")
        con.execute("DELETE FROM rejections WHERE table_name = ?", [name])
        if len(checked.rejections):
            con.register("rejected", checked.rejections)
            con.execute("INSERT OR REPLACE INTO rejections SELECT * FROM rejected")
            con.unregister("rejected")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    if len(checked.rejections):
        logger.warning("%s: %d rows rejected by the contract", name, len(checked.rejections))
    return checked


def read_table(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    table = contract(name)
    return con.execute(f"SELECT {', '.join(table.columns)} FROM {name}").df()
