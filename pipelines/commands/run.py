"""`oap run`: read the written updates into the warehouse and build the report."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from pipelines.instance import prepare_instance
from pipelines.settings import (
    DEFAULT_BATCH_FILES,
    ENV_BATCH_FILES,
    Settings,
    batch_size,
)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    run = subparsers.add_parser("run", help="read the written updates; build warehouse and report")
    add_settings_options(run)
    run.set_defaults(handler=handle)


def add_settings_options(parser: argparse.ArgumentParser) -> None:
    """The options that override the settings from the environment (``settings_from``)."""
    parser.add_argument("--sources", type=Path, help="folder of written updates (default: samples/)")
    parser.add_argument("--warehouse", type=Path, help="DuckDB file (default: warehouse/oap.duckdb)")
    parser.add_argument("--reports", type=Path, help="folder for the report (default: reports/)")
    parser.add_argument("--no-ocr", action="store_true", help="do not OCR scanned pages")
    parser.add_argument(
        "--batch-files", type=_files, metavar="N",
        help=f"most documents one run reads or extracts; the others are left for the next run, "
             f"which `oap run` starts by itself (default: {ENV_BATCH_FILES} or "
             f"{DEFAULT_BATCH_FILES}; 0: no limit)")


def _files(value: str) -> int:
    try:
        return batch_size(value)
    except ValueError as error:  # argparse shows this message rather than its own
        raise argparse.ArgumentTypeError(str(error)) from None


def settings_from(args: argparse.Namespace) -> Settings:
    try:
        env = Settings.from_env()
    except ValueError as error:  # a setting in the environment that cannot be read
        raise SystemExit(f"oap: {error}") from None
    batch = getattr(args, "batch_files", None)
    return dataclasses.replace(
        env,
        sources=(args.sources or env.sources).resolve(),
        warehouse=(args.warehouse or env.warehouse).resolve(),
        reports=(args.reports or env.reports).resolve(),
        ocr=env.ocr and not args.no_ocr,
        batch_files=env.batch_files if batch is None else batch,
    )


def sources_exist(settings: Settings) -> bool:
    """Whether the sources folder exists; if not, says so on stderr."""
    if settings.sources.is_dir():
        return True
    print(f"oap: the sources folder {settings.sources} does not exist", file=sys.stderr)
    return False


def handle(args: argparse.Namespace) -> int:
    from pipelines.runner import run_batches, summarise

    settings = settings_from(args)
    if not sources_exist(settings):
        return 2
    prepare_instance()
    batches = run_batches(settings)
    print(summarise(settings, batches))
    return 0 if batches.success else 1
