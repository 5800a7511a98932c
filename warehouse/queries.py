"""Read-only questions to the warehouse: committee views, named questions and SQL, with filters.

Nothing asked here can change the warehouse. The file is opened read-only, external access
(other files, ATTACH, COPY ... TO, INSTALL and LOAD) is switched off and the setting locked
before any statement of the user runs, and a statement that is not a query is refused first,
with a message saying so. A warehouse whose views are missing or older than this code is read
through the current definitions, created as temporary views of the session (never written).
"""

from __future__ import annotations

import difflib
import importlib.resources
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from pipelines.extraction.text import fold_name
from warehouse import store
from warehouse.views import OPTIONAL_VIEWS, VIEWS, view_comment, view_sql


class QueryError(ValueError):
    """What the user asked for cannot run; the message says why in their terms."""


@dataclass(frozen=True)
class Condition:
    """Keep the rows whose value in the first of ``choices``' columns that the result has is
    one of that column's values; ``label`` names the option in messages (``--state COL``)."""

    label: str
    choices: tuple[tuple[str, tuple[object, ...]], ...]


@dataclass(frozen=True)
class Result:
    frame: pd.DataFrame
    applied: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()


@dataclass
class Session:
    """A read-only connection to one warehouse, and what a reader should know about it."""

    con: duckdb.DuckDBPyConnection
    path: Path
    notes: list[str] = field(default_factory=list)

    def frame(self, sql: str, params: Sequence[object] = ()) -> pd.DataFrame:
        return self.con.execute(sql, list(params)).df()

    def views(self) -> list[str]:
        """The committee views this warehouse can answer, in creation order."""
        return list(VIEWS) + [
            name for name, (table, _) in OPTIONAL_VIEWS.items() if _has_table(self.con, table)
        ]


def _has_table(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND schema_name = 'main'",
        [table],
    ).fetchone()
    return bool(found and found[0])


def _current_views(con: duckdb.DuckDBPyConnection, names: list[str]) -> bool:
    """Define the views as this code does, as temporary views, when the warehouse's differ.

    Views read one another, so all are redefined when one is missing or stale; temporary
    objects come first in DuckDB's name resolution. Returns whether it had to.
    """
    found = dict(con.execute(
        "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal AND NOT temporary"
    ).fetchall())
    if all(found.get(name) == view_comment(name) for name in names):
        return False
    for name in names:  # names come from VIEWS, never from input
        try:
            con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS\n{view_sql(name)}")
        except duckdb.Error as error:
            raise QueryError(
                f"the warehouse's tables do not fit this code's view {name} ({error}); "
                "run `oap run` to rebuild it"
            ) from error
    return True


@contextmanager
def open_session(path: Path) -> Iterator[Session]:
    """A read-only session on the warehouse at ``path``; external access is off and locked."""
    with store.connect(Path(path), read_only=True) as con:
        session = Session(con, Path(path))
        if _current_views(con, session.views()):
            session.notes.append(
                f"the views stored in {path} are missing or older than this code: the current "
                "definitions are used for this query (nothing is written to the warehouse)"
            )
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        yield session


def view_query(session: Session, name: str) -> str:
    """SQL that reads the committee view ``name``."""
    views = session.views()
    if name not in views:
        close = difflib.get_close_matches(name, views, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; `oap query --list` lists them"
        raise QueryError(f"there is no view called {name!r}{hint}")
    return f"SELECT * FROM {name} ORDER BY ALL"


def question_names() -> list[str]:
    """Names of the questions in ``warehouse/questions/*.sql``."""
    folder = importlib.resources.files("warehouse").joinpath("questions")
    if not folder.is_dir():
        return []
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".sql"))


def question_sql(name: str) -> str:
    """SQL text of the named question ``name``."""
    if name not in question_names():
        raise QueryError(f"there is no question called {name!r}; `oap query --list` lists them")
    folder = importlib.resources.files("warehouse").joinpath("questions")
    return folder.joinpath(f"{name}.sql").read_text(encoding="utf-8")


def question_text(sql: str) -> str:
    """The question a named query answers: its leading comment lines, joined."""
    lines = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line[2:].strip())
    return " ".join(lines)


def catalogue(session: Session) -> pd.DataFrame:
    """Every view and named question, with what it answers."""
    rows = [("view", name, VIEWS.get(name) or OPTIONAL_VIEWS[name][1]) for name in session.views()]
    rows += [("question", name, question_text(question_sql(name))) for name in question_names()]
    return pd.DataFrame(rows, columns=["kind", "name", "answers"])


def checked_sql(sql: str) -> str:
    """The one query in ``sql``, or QueryError when it is not exactly one SELECT statement."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as error:
        raise QueryError(f"the SQL does not parse: {error}") from error
    if len(statements) != 1:
        raise QueryError(f"give one SQL statement, not {len(statements)}")
    statement = statements[0]
    if statement.type != duckdb.StatementType.SELECT:
        kind = statement.type.name
        raise QueryError(
            f"{kind} statements are not allowed: `oap query` only reads the warehouse "
            "(SELECT, WITH ... SELECT, FROM, DESCRIBE, SHOW, SUMMARIZE)"
        )
    return statement.query.strip().rstrip(";").strip()


def run(session: Session, sql: str, conditions: Sequence[Condition] = ()) -> Result:
    """Rows of ``sql`` that meet ``conditions``; a condition whose columns the result lacks is
    reported as ignored, never silently dropped."""
    sql = checked_sql(sql)
    try:
        columns = session.con.sql(sql).columns if conditions else []
        clauses, params, applied, ignored = [], [], [], []
        for condition in conditions:
            match = next(((c, v) for c, v in condition.choices if c in columns), None)
            if match is None:
                wanted = " or ".join(c for c, _ in condition.choices)
                ignored.append(f"{condition.label} ignored: the result has no {wanted} column")
                continue
            column, values = match
            clauses.append(f'"{column}" IN (SELECT unnest(?))')
            params.append(list(values))
            applied.append(f"{condition.label} on {column}")
        if clauses:
            sql = f"SELECT * FROM ({sql}) AS q WHERE " + " AND ".join(clauses)
        frame = session.frame(sql, params)
    except duckdb.Error as error:
        raise QueryError(_explain(error)) from error
    return Result(frame, tuple(applied), tuple(ignored))


def _explain(error: duckdb.Error) -> str:
    text = str(error)
    if "read-only mode" in text or "disabled by configuration" in text or (
        "external access" in text
    ):
        return f"`oap query` only reads the warehouse: {text}"
    return text


def resolve_state(session: Session, text: str) -> str:
    """ISO3 code of the State ``text`` names: a code, or a name in English, French or Spanish
    as in states_parties and state_aliases (case and accents do not matter)."""
    code = text.strip().upper()
    known = session.frame(
        "SELECT iso3 FROM states_parties UNION SELECT state_iso3 FROM documents "
        "WHERE state_iso3 IS NOT NULL"
    ).iloc[:, 0]
    if len(code) == 3 and code in set(known):
        return code
    names = session.frame(
        "SELECT iso3, alias AS name, ambiguous FROM state_aliases UNION "
        "SELECT iso3, unnest([name, name_fr, name_es]), FALSE FROM states_parties"
    ).dropna()
    names["key"] = names["name"].map(fold_name)
    wanted = fold_name(text)
    exact = names[names.key == wanted]
    found = sorted(set(exact.iso3))
    if exact.ambiguous.any():  # "Congo" is also part of another State's name
        pattern = rf"\b{re.escape(wanted)}\b"
        found = sorted(set(names.loc[names.key.str.contains(pattern), "iso3"]))
    if not found:
        found = sorted(set(names.loc[names.key.str.startswith(wanted), "iso3"])) if wanted else []
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise QueryError(f"{text!r} names several States ({', '.join(found)}): give the ISO3 code")
    close = difflib.get_close_matches(wanted, list(names.key), n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise QueryError(f"no State Party is called {text!r}{hint}")


def submitted(session: Session, iso3: str) -> bool:
    """Whether the State has an update in the warehouse (withdrawn ones do not count)."""
    rows = session.frame("SELECT count(*) AS n FROM v_documents WHERE state_iso3 = ?", [iso3])
    return bool(rows.n.iloc[0])
