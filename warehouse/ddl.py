"""DDL of the warehouse, generated from the pandera contracts so the two never disagree."""

from collections.abc import Iterable

import duckdb

from schemas.registry import TABLES, TableContract

_DUCKDB_TYPES = {
    "str": "VARCHAR",
    "int64": "BIGINT",
    "Int64": "BIGINT",
    "float64": "DOUBLE",
    "bool": "BOOLEAN",
    "datetime64[ns]": "TIMESTAMP",
}


def column_type(dtype: object) -> str:
    """DuckDB type of a pandera column dtype."""
    return _DUCKDB_TYPES[str(dtype)]


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_table(table: TableContract) -> list[str]:
    """CREATE TABLE and COMMENT statements for one contract."""
    schema = table.model.to_schema()
    columns = []
    for name, column in schema.columns.items():
        null = "" if column.nullable else " NOT NULL"
        columns.append(f"    {name} {column_type(column.dtype)}{null}")
    columns.append(f"    PRIMARY KEY ({', '.join(table.key)})")
    create = f"CREATE TABLE IF NOT EXISTS {table.name} (\n" + ",\n".join(columns) + "\n)"
    return [create, *(_comment(target, text) for target, text in _comments(table))]


def _comments(table: TableContract) -> list[tuple[str, str]]:
    """(``TABLE name`` or ``COLUMN name.column``, text) of every comment the contract gives."""
    schema = table.model.to_schema()
    doc = (table.model.__doc__ or "").strip()
    found = [(f"TABLE {table.name}", doc)] if doc else []
    found += [(f"COLUMN {table.name}.{name}", column.description)
              for name, column in schema.columns.items() if column.description]
    return found


def _comment(target: str, text: str) -> str:
    return f"COMMENT ON {target} IS {_quote(text)}"


def statements(tables: Iterable[TableContract] = TABLES) -> list[str]:
    """All statements that create the warehouse's tables."""
    return [statement for table in tables for statement in create_table(table)]


def statements_needed(con: duckdb.DuckDBPyConnection,
                      tables: Iterable[TableContract] = TABLES) -> list[str]:
    """The statements of ``statements`` that ``con``'s warehouse still needs.

    A table that exists keeps its columns (an older layout is set aside before a run, see
    ``store.set_aside_if_incompatible``); only its comments are brought up to date. A writer
    connects several times per run: on a warehouse that is up to date this is one query of
    the catalog instead of some 160 statements.
    """
    current = dict(con.execute(
        "SELECT 'TABLE ' || table_name, comment FROM duckdb_tables() "
        "WHERE schema_name = current_schema()"
    ).fetchall())
    current.update(con.execute(
        "SELECT 'COLUMN ' || table_name || '.' || column_name, comment FROM duckdb_columns() "
        "WHERE schema_name = current_schema()"
    ).fetchall())
    needed = []
    for table in tables:
        if f"TABLE {table.name}" not in current:
            needed += create_table(table)
        else:
            needed += [_comment(target, text) for target, text in _comments(table)
                       if current.get(target) != text]
    return needed
