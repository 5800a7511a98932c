"""Put a run's results together: corrections applied, contracts checked, changes listed."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from pipelines.stages.corrected import correct_actions, correct_documents, correct_figures
from pipelines.stages.corrections import Correction, outcome_row
from pipelines.stages.plan import Plan
from schemas.registry import contract
from warehouse.load import Changes
from warehouse.store import validate


def corrections_table(
    corrections: list[Correction], outcomes: list[dict], plan: Plan,
    previous: pd.DataFrame, known_documents: set[str],
) -> pd.DataFrame:
    """Every correction of the file with what it did: in this run, or in the run that last
    touched its document; one whose document is unknown says so."""
    done = {row["correction_id"]: row for row in outcomes}
    before = previous.set_index("correction_id").to_dict("index") if len(previous) else {}
    rows = []
    for c in corrections:
        if c.correction_id in done:
            rows.append(done[c.correction_id])
        elif c.document_id not in known_documents:
            rows.append(outcome_row(c, False, "no document with this id in the warehouse"))
        elif c.correction_id in before and c.document_id not in plan.to_extract:
            rows.append({"correction_id": c.correction_id, **before[c.correction_id], "line": c.line})
        else:
            rows.append(outcome_row(c, False, "its document was not part of this run"))
    return pd.DataFrame(rows, columns=contract("corrections").columns)


def assemble(
    plan: Plan,
    reference: Mapping[str, pd.DataFrame],
    documents: pd.DataFrame,
    passages: pd.DataFrame,
    extraction_text: pd.DataFrame,
    actions: pd.DataFrame,
    figures: pd.DataFrame,
    quarantine: pd.DataFrame,
    corrections: list[Correction],
    previous_corrections: pd.DataFrame,
    known_documents: set[str],
    run: pd.DataFrame | None,
) -> Changes:
    """The run's changes, with analysts' corrections applied and every table's contract checked."""
    documents, doc_outcomes = correct_documents(documents, corrections)
    state = dict(zip(documents["document_id"], documents["state_iso3"], strict=True))
    actions = actions.assign(state_iso3=actions["document_id"].map(state))
    figures = figures.assign(state_iso3=figures["document_id"].map(state))
    actions, action_outcomes = correct_actions(actions, extraction_text, documents, corrections)
    figures, figure_outcomes = correct_figures(figures, documents, corrections)
    outcomes = doc_outcomes + action_outcomes + figure_outcomes
    table = corrections_table(corrections, outcomes, plan, previous_corrections,
                              known_documents | set(documents["document_id"]))
    checked = {
        name: validate(contract(name), frame)
        for name, frame in {
            "documents": documents, "passages": passages, "action_progress": actions,
            "indicator_values": figures, "quarantine": quarantine, "corrections": table,
        }.items()
    }
    rejections = [c.rejections for c in checked.values() if len(c.rejections)]
    return Changes(
        reference=dict(reference),
        documents=checked["documents"].valid,
        passages=checked["passages"].valid,
        action_progress=checked["action_progress"].valid,
        indicator_values=checked["indicator_values"].valid,
        extracted=plan.to_extract,
        read=frozenset(passages["document_id"]),
        removed=plan.replaced,
        withdrawn=plan.withdrawn,
        renamed={k: v for k, v in plan.renamed.items() if k not in plan.to_extract},
        quarantine=checked["quarantine"].valid,
        rejections=pd.concat(rejections, ignore_index=True) if rejections else None,
        corrections=checked["corrections"].valid,
        run=run,
    )
