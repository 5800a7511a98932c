"""`oap query`: a committee view, a named question or an SQL query, read-only, with filters."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines.committees.catalog import COMMITTEES, committee, condition
from pipelines.committees.output import FORMATS, write
from pipelines.settings import Settings
from warehouse import queries
from warehouse.queries import Condition, QueryError, Session


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    query = subparsers.add_parser(
        "query", help="run a committee view, a named question or SQL on the warehouse (read-only)",
        description="Read the warehouse: a committee view by name, a named question "
                    "(--question) or one SQL query (--sql). Nothing can be written.")
    what = query.add_mutually_exclusive_group(required=True)
    what.add_argument("view", nargs="?", help="committee view, e.g. v_article5_land_release")
    what.add_argument("--sql", help="one SELECT statement")
    what.add_argument("--question", metavar="NAME", help="named question (see --list)")
    what.add_argument("--list", action="store_true", help="list views and questions")
    add_filters(query)
    add_output(query)
    query.set_defaults(handler=handle)


def add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--state", help="ISO3 code or name (English, French or Spanish)")
    parser.add_argument("--action", type=int, choices=range(1, 51), metavar="1-50",
                        help="OAP action number")
    parser.add_argument("--committee", choices=list(COMMITTEES),
                        help="rows on the Committee's actions, sections or indicators")
    parser.add_argument("--warehouse", type=Path,
                        help="DuckDB file (default: warehouse/oap.duckdb)")


def add_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help="output format (default: table; xlsx needs --output)")
    parser.add_argument("--output", type=Path, help="write to FILE instead of the terminal")


def warehouse_path(args: argparse.Namespace) -> Path:
    return (args.warehouse or Settings.from_env().warehouse).resolve()


def conditions(session: Session, args: argparse.Namespace) -> list[Condition]:
    """The filters the options ask for, as conditions on the result's columns."""
    found = []
    if args.state:
        iso3 = queries.resolve_state(session, args.state)
        if not queries.submitted(session, iso3):
            print(f"note: {iso3} has no update in this warehouse", file=sys.stderr)
        found.append(Condition(f"--state {iso3}", (("state_iso3", (iso3,)),)))
    if args.action:
        found.append(Condition(f"--action {args.action}", (("action_no", (args.action,)),)))
    if args.committee:
        found.append(condition(session, committee(args.committee)))
    return found


def fail(message: str) -> int:
    print(f"oap: {message}", file=sys.stderr)
    return 2


def emit(frame, args: argparse.Namespace, title: str) -> int:
    """Print or write ``frame`` as the options say."""
    if args.format == "xlsx" and args.output is None:
        return fail("--format xlsx needs --output FILE.xlsx")
    try:
        text = write(frame, args.format, args.output, title)
    except OSError as error:
        return fail(f"cannot write {args.output}: {error.strerror}")
    if text is not None:
        print(text)
    else:
        print(f"wrote {len(frame)} rows to {args.output}", file=sys.stderr)
    return 0


def handle(args: argparse.Namespace) -> int:
    try:
        with queries.open_session(warehouse_path(args)) as session:
            for note in session.notes:
                print(f"note: {note}", file=sys.stderr)
            if args.list:
                return emit(queries.catalogue(session), args, "catalogue")
            if args.view:
                sql, title = queries.view_query(session, args.view), args.view
            elif args.question:
                sql, title = queries.question_sql(args.question), args.question
            else:
                sql, title = args.sql, "query"
            result = queries.run(session, sql, conditions(session, args))
    except (QueryError, FileNotFoundError) as error:
        return fail(str(error))
    for note in result.ignored:
        print(f"note: {note}", file=sys.stderr)
    return emit(result.frame, args, title)
