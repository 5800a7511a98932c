"""`oap review`: what awaits an analyst's eye, with the keys the corrections file needs."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from pipelines.commands.query import fail, warehouse_path
from warehouse import store

#: Inferred mentions below this confidence are listed for review.
LOW_CONFIDENCE = 0.6

QUERIES = {
    "Documents to review (no State, OCR, reading problems)": (
        "SELECT file_name, sha256, coalesce(state_iso3, 'unknown') AS state, language, ocr_pages, "
        "review_reason FROM documents WHERE status = 'needs_review' ORDER BY file_name"
    ),
    "Low-confidence action mentions": (
        "SELECT d.file_name, d.sha256, a.action_no, a.passage_no, a.page, a.confidence, "
        "left(a.evidence, 120) AS evidence FROM action_progress a JOIN documents d "
        "USING (document_id) WHERE a.confidence < ? AND a.reviewed_by IS NULL "
        "AND d.status <> 'withdrawn' ORDER BY d.file_name, a.page, a.action_no"
    ),
    "Figures read by OCR": (
        "SELECT d.file_name, i.fact_id, i.indicator, i.value, i.year, i.page, "
        "left(i.evidence, 120) AS evidence FROM indicator_values i JOIN documents d "
        "USING (document_id) WHERE i.ocr AND i.reviewed_by IS NULL AND d.status <> 'withdrawn' "
        "ORDER BY d.file_name, i.page"
    ),
    "Corrections that no longer apply": (
        "SELECT line, document_id, target, operation, key, outcome FROM corrections "
        "WHERE NOT applied ORDER BY line"
    ),
    "Rows rejected by the table contracts": (
        "SELECT table_name, row_key, column_name, check_name, failure_value FROM rejections "
        "ORDER BY table_name, row_key"
    ),
    "Files in quarantine": "SELECT file_name, stage, reason FROM quarantine ORDER BY file_name",
}


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    review = subparsers.add_parser("review", help="list what awaits review in the warehouse")
    review.add_argument("--warehouse", type=Path, help="DuckDB file (default: warehouse/oap.duckdb)")
    review.set_defaults(handler=handle)


def review_tables(path: Path) -> dict[str, pd.DataFrame]:
    with store.connect(path, read_only=True) as con:
        return {
            title: con.execute(sql, [LOW_CONFIDENCE] if "?" in sql else []).df()
            for title, sql in QUERIES.items()
        }


def handle(args: argparse.Namespace) -> int:
    try:
        tables = review_tables(warehouse_path(args))
    except FileNotFoundError as error:
        return fail(str(error))
    with pd.option_context("display.width", 200, "display.max_colwidth", 120):
        for title, frame in tables.items():
            print(f"\n## {title}: {len(frame)}")
            if len(frame):
                print(frame.to_string(index=False))
    print(
        "\nTo correct: add a line to corrections/corrections.csv (document = the sha256 above); "
        "the next `oap run` applies it. See README, 'Correcting the machine'."
    )
    return 0
