"""Bind the resources once, from the settings in the environment, and choose the executor."""

import dagster as dg

from pipelines.resources import CorrectionsFile, ReportsFolder, SourcesFolder, Warehouse
from pipelines.settings import Settings


@dg.definitions
def resources() -> dg.Definitions:
    settings = Settings.from_env()
    return dg.Definitions(
        resources={
            "sources": SourcesFolder(path=str(settings.sources), ocr=settings.ocr,
                                    batch_files=settings.batch_files),
            "warehouse": Warehouse(path=str(settings.warehouse)),
            "reports": ReportsFolder(path=str(settings.reports), formats=settings.report_formats),
            "corrections": CorrectionsFile(path=str(settings.corrections)),
            # What passes between steps is this run's batch only (the files read, the facts
            # extracted); what lasts is in the warehouse. Kept in memory, not pickled under
            # DAGSTER_HOME: a step materialised alone would otherwise replay an older run's batch.
            "io_manager": dg.mem_io_manager,
        },
        # Steps are short and share the warehouse: one process avoids a Python start-up per
        # step; reading spreads over both cores inside document_pages instead.
        executor=dg.in_process_executor,
    )
