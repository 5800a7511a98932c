"""Facts read out of the passages: which actions are reported on, and which figures."""

import dagster as dg
import pandas as pd

from pipelines.extraction.actions import ActionMatcher
from pipelines.resources import Warehouse
from pipelines.stages import facts
from warehouse import store


@dg.asset(
    group_name="extract",
    kinds={"duckdb"},
    code_version="1",
    deps=["oap_actions", "action_keywords", "section_headings"],
)
def action_progress(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    passages: pd.DataFrame,
    documents: pd.DataFrame,
) -> dg.MaterializeResult:
    """OAP actions each passage reports on (explicit or inferred), with status and evidence."""
    with warehouse.connect() as con:
        matcher = ActionMatcher(
            store.read_table(con, "oap_actions"),
            store.read_table(con, "action_keywords"),
            store.read_table(con, "section_headings"),
        )
        checked = store.replace_table(
            con, "action_progress", facts.action_progress(passages, documents, matcher)
        )
    frame = checked.valid
    context.log.info(f"{len(frame)} action mentions in {frame['document_id'].nunique()} documents")
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(frame),
            "rejected_rows": len(checked.rejections),
            "methods": dg.MetadataValue.json(frame["method"].value_counts().to_dict()),
            "statuses": dg.MetadataValue.json(frame["status"].value_counts().to_dict()),
            "actions_covered": int(frame["action_no"].nunique()),
        }
    )


@dg.asset(group_name="extract", kinds={"duckdb"}, code_version="1")
def indicator_values(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    passages: pd.DataFrame,
    documents: pd.DataFrame,
) -> dg.MaterializeResult:
    """Figures in canonical units (m², mines, people, USD, EUR, years), each with its page."""
    with warehouse.connect() as con:
        checked = store.replace_table(con, "indicator_values", facts.indicator_values(passages, documents))
    frame = checked.valid
    context.log.info(f"{len(frame)} figures in {frame['document_id'].nunique()} documents")
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(frame),
            "rejected_rows": len(checked.rejections),
            "indicators": dg.MetadataValue.json(frame["indicator"].value_counts().to_dict()),
        }
    )
