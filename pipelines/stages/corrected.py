"""Apply analysts' corrections to the rows the machine produced for the documents of a run."""

from __future__ import annotations

import pandas as pd

from pipelines.extraction.model import INDICATOR_UNITS
from pipelines.stages.corrections import Correction, outcome_row
from pipelines.stages.facts import fact_id


def _mine(corrections: list[Correction], target: str, documents: set[str]) -> list[Correction]:
    return [c for c in corrections if c.target == target and c.document_id in documents]


def correct_documents(
    documents: pd.DataFrame, corrections: list[Correction]
) -> tuple[pd.DataFrame, list[dict]]:
    """Set the State of documents the analysts attributed by hand."""
    frame = documents.copy()
    outcomes = []
    for c in _mine(corrections, "document", set(frame["document_id"])):
        rows = frame["document_id"] == c.document_id
        state = (c.get("state_iso3") or "").upper()
        frame.loc[rows, ["state_iso3", "state_method", "state_confidence"]] = [state, "analyst", 1.0]
        still = frame.loc[rows, "review_reason"].fillna("").str.contains("no State|State inferred")
        frame.loc[rows & still, ["review_reason", "status"]] = [None, "loaded"]
        outcomes.append(outcome_row(c, True, f"State set to {state}"))
    return frame, outcomes


def correct_actions(
    actions: pd.DataFrame, passages: pd.DataFrame, documents: pd.DataFrame,
    corrections: list[Correction],
) -> tuple[pd.DataFrame, list[dict]]:
    """Confirm, reject or add action mentions."""
    frame = actions.copy()
    outcomes = []
    state = dict(zip(documents["document_id"], documents["state_iso3"], strict=True))
    for c in _mine(corrections, "action", set(documents["document_id"])):
        action_no = int(c.get("action_no") or 0)
        rows = (frame["document_id"] == c.document_id) & (frame["action_no"] == action_no)
        if c.get("passage_no"):
            rows &= frame["passage_no"] == int(c.get("passage_no"))
        analyst = c.fields["analyst"]
        if c.operation == "add":
            row = _added_mention(c, action_no, passages, state.get(c.document_id), analyst)
            if row is None:
                outcomes.append(outcome_row(c, False, "no passage on that page to attach it to"))
                continue
            frame = pd.concat([frame[~rows], pd.DataFrame([row])], ignore_index=True)
            outcomes.append(outcome_row(c, True, f"action {action_no} added"))
        elif not rows.any():
            outcomes.append(outcome_row(c, False, f"no mention of action {action_no} matches any more"))
        elif c.operation == "reject":
            frame = frame[~rows].reset_index(drop=True)
            outcomes.append(outcome_row(c, True, f"{int(rows.sum())} mention(s) rejected"))
        else:
            frame.loc[rows, ["confidence", "reviewed_by"]] = [1.0, analyst]
            outcomes.append(outcome_row(c, True, f"{int(rows.sum())} mention(s) confirmed"))
    return frame, outcomes


def _added_mention(c: Correction, action_no: int, passages: pd.DataFrame, state, analyst):
    doc = passages[(passages["document_id"] == c.document_id) & (passages["kind"] != "header")]
    if c.get("passage_no"):
        doc = doc[doc["passage_no"] == int(c.get("passage_no"))]
    elif c.get("page"):
        doc = doc[doc["page"] == int(c.get("page"))]
    if not len(doc):
        return None
    evidence = c.get("evidence")
    hit = doc[doc["text"].str.contains(evidence, regex=False)] if evidence else doc
    passage = (hit if len(hit) else doc).iloc[0]
    return {
        "document_id": c.document_id, "state_iso3": state, "action_no": action_no,
        "page": int(passage["page"]), "passage_no": int(passage["passage_no"]),
        "evidence": evidence or passage["text"][:400], "method": "inferred",
        "confidence": 1.0, "status": "progress", "ocr": bool(passage["ocr"]),
        "reviewed_by": analyst,
    }


def correct_figures(
    figures: pd.DataFrame, documents: pd.DataFrame, corrections: list[Correction]
) -> tuple[pd.DataFrame, list[dict]]:
    """Confirm, reject, fix or add figures; a fixed figure keeps its fact_id."""
    frame = figures.copy()
    outcomes = []
    meta = documents.set_index("document_id")
    for c in _mine(corrections, "figure", set(documents["document_id"])):
        analyst = c.fields["analyst"]
        if c.operation == "add":
            row = _added_figure(c, meta.loc[c.document_id], analyst)
            frame = pd.concat([frame, pd.DataFrame([row])], ignore_index=True)
            outcomes.append(outcome_row(c, True, f"{row['indicator']} added"))
            continue
        rows = frame["fact_id"] == c.get("fact_id")
        if not rows.any():
            outcomes.append(outcome_row(c, False, f"no figure {c.get('fact_id')} any more"))
        elif c.operation == "reject":
            frame = frame[~rows].reset_index(drop=True)
            outcomes.append(outcome_row(c, True, "figure rejected"))
        else:
            if c.operation == "set":
                frame.loc[rows, "value"] = float(c.get("value"))
                if c.get("year"):
                    frame.loc[rows, "year"] = int(c.get("year"))
            frame.loc[rows, "reviewed_by"] = analyst
            outcomes.append(outcome_row(c, True, f"figure {c.operation}ed".replace("seted", "set")))
    return frame, outcomes


def _added_figure(c: Correction, doc: pd.Series, analyst: str) -> dict:
    indicator = c.get("indicator") or ""
    value = float(c.get("value") or "nan")
    year = int(c.get("year")) if c.get("year") else None
    page = int(c.get("page") or 1)
    disaggregation = c.get("disaggregation")
    return {
        "fact_id": fact_id(doc["sha256"], indicator, year, disaggregation, value, page),
        "document_id": c.document_id, "state_iso3": doc["state_iso3"], "indicator": indicator,
        "value": value, "unit": INDICATOR_UNITS.get(indicator, ""), "year": year,
        "disaggregation": disaggregation, "page": page, "passage_no": 1,
        "evidence": c.get("evidence") or f"added by {analyst}: {c.fields['reason']}",
        "ocr": False, "reviewed_by": analyst,
    }
