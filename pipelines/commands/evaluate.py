"""`oap evaluate`: precision and recall of extraction on the labelled corpus."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipelines.commands.query import fail


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    evaluate = subparsers.add_parser("evaluate", help="score extraction on the labelled corpus")
    evaluate.add_argument("--corpus", type=Path, help="folder of JSON specs (default: corpus/dev)")
    evaluate.add_argument("--no-fail", action="store_true", help="exit 0 even below the targets")
    evaluate.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from pipelines.evaluation.command import evaluate_command
    from pipelines.evaluation.scoring import CorpusError

    try:
        return evaluate_command(args.corpus, fail_below_targets=not args.no_fail)
    except CorpusError as error:
        return fail(str(error))
