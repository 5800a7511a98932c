"""Analysts' corrections: read from a reviewable CSV file and applied on every run.

A correction names its document by the SHA-256 of the file (or its first 16 hex digits, the
document id), and what it corrects by keys that survive re-runs: an action number and
passage number for action mentions, the stable ``fact_id`` for figures. One that no longer
matches anything is kept and reported, never dropped.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pandas as pd

COLUMNS: Final[tuple[str, ...]] = (
    "document", "target", "operation", "action_no", "passage_no", "fact_id", "indicator",
    "value", "year", "disaggregation", "page", "evidence", "state_iso3", "analyst", "reason",
)
OPERATIONS: Final[dict[str, tuple[str, ...]]] = {
    "action": ("confirm", "reject", "add"),
    "figure": ("confirm", "reject", "set", "add"),
    "document": ("set",),
}


class CorrectionsError(ValueError):
    """The corrections file cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Correction:
    correction_id: str
    line: int
    document_id: str
    target: str
    operation: str
    fields: dict[str, str]

    def get(self, name: str) -> str | None:
        value = self.fields.get(name, "")
        return value if value else None


def load_corrections(path: Path) -> list[Correction]:
    """Every correction in the file, checked; a missing file means no corrections."""
    if not path.exists():
        return []
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = set(COLUMNS) - set(frame.columns)
    if missing:
        raise CorrectionsError(f"{path}: missing columns {sorted(missing)}")
    corrections = []
    for offset, row in enumerate(frame.to_dict("records")):
        line = offset + 2
        fields = {k: str(v).strip() for k, v in row.items()}
        target, operation = fields["target"], fields["operation"]
        if operation not in OPERATIONS.get(target, ()):
            raise CorrectionsError(f"{path}, line {line}: cannot {operation!r} a {target!r}")
        document = fields["document"].lower()
        if len(document) < 16 or any(c not in "0123456789abcdef" for c in document):
            raise CorrectionsError(f"{path}, line {line}: 'document' must be the file's SHA-256")
        if not fields["analyst"] or not fields["reason"]:
            raise CorrectionsError(f"{path}, line {line}: say who made the correction and why")
        content = "|".join(fields[c] for c in COLUMNS)
        corrections.append(Correction(
            correction_id=hashlib.sha256(content.encode()).hexdigest()[:16],
            line=line, document_id=document[:16], target=target, operation=operation,
            fields=fields,
        ))
    return corrections


def fingerprint(corrections: list[Correction], document_id: str) -> str:
    """Hash of one document's corrections: it changes when one of them is edited."""
    ids = sorted(c.correction_id for c in corrections if c.document_id == document_id)
    return hashlib.sha256("|".join(ids).encode()).hexdigest()[:8] if ids else "-"


def outcome_row(correction: Correction, applied: bool, outcome: str) -> dict:
    key = correction.get("fact_id") or "|".join(
        v for v in (correction.get("action_no"), correction.get("passage_no")) if v
    )
    new_value = correction.get("value") or correction.get("state_iso3")
    return {
        "correction_id": correction.correction_id, "line": correction.line,
        "document_id": correction.document_id, "target": correction.target,
        "operation": correction.operation, "key": key or None, "new_value": new_value,
        "analyst": correction.fields["analyst"], "reason": correction.fields["reason"],
        "applied": applied, "outcome": outcome,
    }
