"""Reference data: the OAP's sections and actions, the States Parties and the meetings.

The checked tables are kept in the instance's storage (``warehouse.seed_cache``). Assets that
use them declare them as dependencies and take them from there with ``checked_reference``,
rather than as inputs handed over by Dagster: every input costs two events in the run's log,
and the reference tables feed four assets.
"""

from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pandas as pd

from schemas.registry import contract
from warehouse import reference, store
from warehouse.seed_cache import checked_seeds

REFERENCE_TABLES: tuple[str, ...] = reference.TABLES


@dg.multi_asset(
    specs=[
        dg.AssetSpec(name, group_name="reference", kinds={"csv"},
                     description=(contract(name).model.__doc__ or "").strip())
        for name in REFERENCE_TABLES
    ],
    can_subset=False,
)
def reference_tables(context: dg.AssetExecutionContext) -> Iterator[dg.MaterializeResult]:
    """Load the reference seeds of warehouse/seeds and check them against their contracts.

    A seed that breaks its contract stops the run: extraction must not run on bad reference data.
    Seeds already checked with the same content and code are taken from the instance's storage.
    """
    tables, cached = _checked(context)
    if cached:
        context.log.debug("reference seeds unchanged since they were last checked")
    for name, frame in tables.items():
        yield dg.MaterializeResult(asset_key=name, metadata={"dagster/row_count": len(frame)})


def checked_reference(context: dg.AssetExecutionContext) -> dict[str, pd.DataFrame]:
    """The reference tables as ``reference_tables`` checked them in this run."""
    return _checked(context)[0]


def _checked(context: dg.AssetExecutionContext) -> tuple[dict[str, pd.DataFrame], bool]:
    return checked_seeds(Path(context.instance.storage_directory()), _load_and_check)


def _load_and_check() -> dict[str, pd.DataFrame]:
    tables = {}
    for name, frame in reference.load_all().items():
        checked = store.validate(contract(name), frame)
        if len(checked.rejections):
            raise dg.Failure(
                f"warehouse/seeds: {name} breaks its contract",
                metadata={"failures": dg.MetadataValue.md(checked.rejections.to_markdown(index=False))},
            )
        tables[name] = checked.valid
    return tables
