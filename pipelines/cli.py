"""The `oap` command: run the pipeline, evaluate it, and question what it produced."""

from __future__ import annotations

import argparse
import sys

from pipelines.commands import evaluate, pack, query, review, run, search, ui

#: Every subcommand module; each adds its parser and handler.
COMMANDS = (run, ui, review, evaluate, query, pack, search)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="oap", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.add_parser(subparsers)
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
