"""Reference data: the OAP's sections and actions, the States Parties and the meetings."""

import dagster as dg

from schemas.registry import contract
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
    outs={
        name: dg.AssetOut(group_name="reference", kinds={"csv"},
                          description=(contract(name).model.__doc__ or "").strip())
        for name in _LOADERS
    },
    can_subset=False,
)
def reference_tables(context: dg.AssetExecutionContext):
    """Load the reference seeds of warehouse/seeds and check them against their contracts.

    A seed that breaks its contract stops the run: extraction must not run on bad reference data.
    """
    for name, load in _LOADERS.items():
        checked = store.validate(contract(name), load())
        if len(checked.rejections):
            raise dg.Failure(
                f"warehouse/seeds: {name} breaks its contract",
                metadata={"failures": dg.MetadataValue.md(checked.rejections.to_markdown(index=False))},
            )
        yield dg.Output(checked.valid, output_name=name,
                        metadata={"dagster/row_count": len(checked.valid)})
