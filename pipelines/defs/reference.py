"""Reference data: the OAP's sections and actions, the States Parties and the meetings."""

import dagster as dg

from pipelines.resources import Warehouse
from warehouse import reference, store

_LOADERS = {
    "oap_sections": reference.load_oap_sections,
    "oap_actions": reference.load_oap_actions,
    "action_keywords": reference.load_action_keywords,
    "section_headings": reference.load_section_headings,
    "states_parties": reference.load_states_parties,
    "state_aliases": reference.load_state_aliases,
    "meetings": reference.load_meetings,
}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(name, group_name="reference", kinds={"duckdb", "csv"},
                     description=f"Reference table {name}, from warehouse/seeds.")
        for name in _LOADERS
    ],
    can_subset=False,
)
def reference_tables(context: dg.AssetExecutionContext, warehouse: Warehouse):
    """Load the reference seeds, validate them and replace the reference tables."""
    with warehouse.connect() as con:
        for name, load in _LOADERS.items():
            checked = store.replace_table(con, name, load())
            if len(checked.rejections):
                context.log.warning(f"{name}: {len(checked.rejections)} rows rejected")
            yield dg.MaterializeResult(
                asset_key=name,
                metadata={
                    "dagster/row_count": len(checked.valid),
                    "rejected_rows": len(checked.rejections),
                },
            )
