"""`oap pack`: a Committee's workbook and brief for its thematic day."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines.commands.query import fail, warehouse_path
from pipelines.committees.catalog import COMMITTEES, committee
from pipelines.committees.pack import build_pack
from pipelines.settings import Settings
from warehouse import queries
from warehouse.queries import QueryError


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    pack = subparsers.add_parser(
        "pack", help="write a Committee's workbook and brief for its thematic day",
        description="Write DIR/<committee>_pack.xlsx (one sheet per relevant view, with an "
                    "'About' sheet) and DIR/<committee>_brief.md, read-only from the warehouse.")
    pack.add_argument("--committee", required=True, choices=[*COMMITTEES, "all"],
                      help="which Committee, or all of them")
    pack.add_argument("--output", type=Path, metavar="DIR",
                      help="folder for the files (default: reports/packs)")
    pack.add_argument("--warehouse", type=Path, help="DuckDB file (default: warehouse/oap.duckdb)")
    pack.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    keys = list(COMMITTEES) if args.committee == "all" else [args.committee]
    out_dir = (args.output or Settings.from_env().reports / "packs").resolve()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return fail(f"cannot make the folder {out_dir}: {error.strerror}")
    try:
        with queries.open_session(warehouse_path(args)) as session:
            for note in session.notes:
                print(f"note: {note}", file=sys.stderr)
            for key in keys:
                pack = build_pack(session, committee(key), out_dir)
                rows = ", ".join(f"{title} {len(frame)}" for title, frame in pack.sheets.items())
                print(f"{key}: {pack.workbook} ({rows})")
                print(f"{key}: {pack.brief}")
    except (QueryError, OSError) as error:
        return fail(str(error))
    return 0
