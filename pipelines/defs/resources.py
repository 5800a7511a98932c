"""Bind the resources once, from the settings in the environment."""

import dagster as dg

from pipelines.resources import ReportsFolder, SourcesFolder, Warehouse
from pipelines.settings import Settings


@dg.definitions
def resources() -> dg.Definitions:
    settings = Settings.from_env()
    return dg.Definitions(
        resources={
            "sources": SourcesFolder(path=str(settings.sources), ocr=settings.ocr),
            "warehouse": Warehouse(path=str(settings.warehouse)),
            "reports": ReportsFolder(path=str(settings.reports)),
        }
    )
