"""Facts read out of the passages: which actions are reported on, and which figures."""

import dagster as dg
import pandas as pd

from pipelines.defs.reference import checked_reference
from pipelines.extraction.actions import ActionMatcher
from pipelines.resources import Warehouse
from pipelines.stages import facts
from pipelines.stages.parallel import by_document
from pipelines.stages.plan import Plan, extraction_passages
from pipelines.stages.versions import EXTRACT_VERSION


@dg.asset(group_name="extract", kinds={"python"}, code_version=EXTRACT_VERSION,
          deps=("oap_actions", "action_keywords", "section_headings"))
def action_progress(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    intake_plan: Plan,
    passages: pd.DataFrame,
    documents: pd.DataFrame,
) -> dg.Output[pd.DataFrame]:
    """OAP actions each passage reports on (explicit or inferred), with status and evidence."""
    text = extraction_passages(intake_plan, passages, lambda ids: warehouse.read("passages", ids))
    if len(text):  # building the matcher compiles every term: not worth it for nothing
        reference = checked_reference(context)
        matcher = ActionMatcher(reference["oap_actions"], reference["action_keywords"],
                                reference["section_headings"])
        frame = by_document(facts.action_progress, text, documents, matcher)
    else:
        frame = pd.DataFrame(columns=facts.ACTION_COLUMNS)
    context.log.info(f"{len(frame)} action mentions in {frame['document_id'].nunique()} documents")
    return dg.Output(frame, metadata={
        "dagster/row_count": len(frame),
        "methods": dg.MetadataValue.json(frame["method"].value_counts().to_dict()),
        "statuses": dg.MetadataValue.json(frame["status"].value_counts().to_dict()),
        "actions_covered": int(frame["action_no"].nunique()),
    })


@dg.asset(group_name="extract", kinds={"python"}, code_version=EXTRACT_VERSION)
def indicator_values(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    intake_plan: Plan,
    passages: pd.DataFrame,
    documents: pd.DataFrame,
) -> dg.Output[pd.DataFrame]:
    """Figures in canonical units (m², mines, people, USD, EUR, years), each with its page."""
    text = extraction_passages(intake_plan, passages, lambda ids: warehouse.read("passages", ids))
    frame = by_document(facts.indicator_values, text, documents)
    context.log.info(f"{len(frame)} figures in {frame['document_id'].nunique()} documents")
    return dg.Output(frame, metadata={
        "dagster/row_count": len(frame),
        "indicators": dg.MetadataValue.json(frame["indicator"].value_counts().to_dict()),
    })
