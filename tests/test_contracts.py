"""Rows that break a table's contract are kept in rejections, and the rest is loaded."""

from pathlib import Path

import pandas as pd

from schemas.registry import contract
from warehouse import store
from warehouse.load import Changes, apply_changes


def mention(action_no: int, passage_no: int, method: str = "explicit") -> dict:
    return {"document_id": "0123456789abcdef", "state_iso3": "COL", "action_no": action_no,
            "page": 1, "passage_no": passage_no, "evidence": "Action 21", "method": method,
            "confidence": 0.98, "status": "progress", "ocr": False, "reviewed_by": None}


def test_bad_rows_are_rejected_with_their_check_and_the_good_ones_kept(tmp_path: Path):
    frame = pd.DataFrame([
        mention(21, 1), mention(51, 2), mention(22, 3, method="guessed"),
        mention(23, 4), mention(23, 4),  # the same natural key twice
    ])
    checked = store.validate(contract("action_progress"), frame)
    assert list(checked.valid["action_no"]) == [21]
    rejected = checked.rejections
    assert set(rejected["table_name"]) == {"action_progress"}
    assert set(rejected["document_id"]) == {"0123456789abcdef"}
    values = set(zip(rejected["column_name"], rejected["failure_value"], strict=True))
    assert ("action_no", "51") in values and ("method", "guessed") in values
    assert rejected["check_name"].str.contains("unique|duplicate", case=False).any()
    with store.connect(tmp_path / "w.duckdb") as con:
        apply_changes(con, Changes(action_progress=checked.valid, rejections=checked.rejections,
                                   extracted=frozenset({"0123456789abcdef"})))
        assert con.execute("SELECT count(*) FROM action_progress").fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM rejections").fetchone()[0] == len(rejected)


def test_every_table_has_a_contract_with_described_columns():
    from schemas.registry import TABLES

    for table in TABLES:
        schema = table.model.to_schema()
        assert table.model.__doc__, table.name
        assert all(column.description for column in schema.columns.values()), table.name
        assert set(table.key) <= set(schema.columns), table.name
