"""`oap search`: ranked full-text search over the passages, in English, French and Spanish."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from pipelines.commands.query import add_output, emit, fail, warehouse_path
from pipelines.committees.output import cell
from schemas.vocab import LANGUAGES
from warehouse import queries
from warehouse.queries import QueryError
from warehouse.search import search


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search", help="full-text search over the passages (English, French, Spanish)",
        description="Find passages by their words, ranked by BM25; accents and case do not "
                    "matter and word endings are stemmed. Each hit gives the State, file, page, "
                    "a snippet and the OAP actions mapped to the passage.")
    parser.add_argument("words", help='what to look for, e.g. "peer support" or víctimas')
    parser.add_argument("--state", help="only this State: ISO3 code or name")
    parser.add_argument("--language", choices=[x for x in LANGUAGES if x != "und"],
                        help="only documents in this language")
    parser.add_argument("--limit", type=int, default=20, help="most hits shown (default 20)")
    parser.add_argument("--any", action="store_true",
                        help="passages with any of the words (default: all of them)")
    parser.add_argument("--warehouse", type=Path,
                        help="DuckDB file (default: warehouse/oap.duckdb)")
    add_output(parser)
    parser.set_defaults(handler=handle)


def blocks(hits: pd.DataFrame) -> str:
    """Hits as numbered blocks a person reads in the terminal."""
    if hits.empty:
        return "No passage matches."
    out = []
    for hit in hits.itertuples():
        actions = f"actions {hit.actions}" if hit.actions else "no action mapped"
        out.append(f"{hit.rank}. {hit.state_name or 'State unknown'} ({hit.state_iso3 or '?'})"
                   f" - {hit.file_name}, p. {hit.page} [{hit.language}] score {cell(hit.score)}"
                   f"\n   {actions}\n   {hit.snippet}")
    return "\n\n".join(out)


def handle(args: argparse.Namespace) -> int:
    try:
        with queries.open_session(warehouse_path(args)) as session:
            state = queries.resolve_state(session, args.state) if args.state else None
            found = search(session, args.words, state_iso3=state, language=args.language,
                           limit=args.limit, every=not args.any)
    except (QueryError, FileNotFoundError, ValueError) as error:
        return fail(str(error))
    if found.engine != "duckdb":
        print("note: DuckDB's fts extension is not installed; searched with SQLite FTS5",
              file=sys.stderr)
    if args.format == "table" and args.output is None:
        print(blocks(found.hits))
        return 0
    return emit(found.hits, args, "search")
