"""Find the input files, identify each by its hash, and decide what this run must do."""

from pathlib import Path

import dagster as dg
import pandas as pd

from pipelines.defs import pending
from pipelines.defs.reference import checked_reference
from pipelines.reporting.format import plural
from pipelines.resources import CorrectionsFile, SourcesFolder, Warehouse
from pipelines.settings import ENV_BATCH_FILES
from pipelines.stages.corrections import Correction, CorrectionsError, load_corrections
from pipelines.stages.intake import discover
from pipelines.stages.plan import Plan, first_batch, make_plan
from pipelines.stages.reading import READ_VERSION, document_id
from pipelines.stages.versions import EXTRACTION_REFERENCE, extract_versions
from warehouse import store


@dg.asset(group_name="ingest", kinds={"python"})
def source_files(context: dg.AssetExecutionContext, sources: SourcesFolder) -> dg.Output[pd.DataFrame]:
    """Every file in the sources folder with its SHA-256, detected type and duplicate."""
    manifest = discover(sources.folder, Path(context.instance.storage_directory()))
    duplicates = int(manifest["duplicate_of"].notna().sum())
    context.log.info(f"{len(manifest)} files in {sources.folder} ({duplicates} duplicates)")
    return dg.Output(manifest, metadata={
        "dagster/row_count": len(manifest),
        "sources_dir": str(sources.folder),
        "duplicates": duplicates,
        "types": dg.MetadataValue.json(manifest["file_type"].value_counts().to_dict()),
    })


@dg.asset(group_name="ingest", kinds={"csv"})
def analyst_corrections(corrections: CorrectionsFile) -> dg.Output[list[Correction]]:
    """Analysts' corrections from the corrections file, checked line by line."""
    try:
        rows = load_corrections(corrections.file)
    except CorrectionsError as error:
        raise dg.Failure(str(error)) from error
    return dg.Output(rows, metadata={"corrections": len(rows), "file": str(corrections.file)})


@dg.asset(group_name="ingest", kinds={"python"}, deps=EXTRACTION_REFERENCE)
def intake_plan(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    sources: SourcesFolder,
    source_files: pd.DataFrame,
    analyst_corrections: list[Correction],
) -> dg.Output[Plan]:
    """What this run reads, extracts, withdraws and replaces; the rest stays as it is.

    A run reads or extracts at most a batch of documents (``OAP_BATCH_FILES``); the next run
    takes the next batch. `oap run` starts runs until none is pending, and so does the
    sensor when it is on.
    """
    aside = store.set_aside_if_incompatible(Path(warehouse.path))
    if aside:
        context.log.warning(f"the warehouse had an older table layout: kept as {aside}, rebuilt now")
    stored = warehouse.read_all("documents", "quarantine")
    documents, quarantine = stored["documents"], stored["quarantine"]
    reference = checked_reference(context)
    ids = {document_id(sha) for sha in source_files["sha256"].dropna()}
    plan = make_plan(source_files, documents, quarantine, read_version=READ_VERSION,
                     extract_versions=extract_versions(ids, reference, analyst_corrections))
    plan = first_batch(plan, sources.batch_files)
    context.log.info(f"plan: {plan.summary()}")
    if plan.pending:
        context.log.info(f"{plural(len(plan.pending), 'document')} left for the next run: a run "
                         f"takes at most {sources.batch_files} ({ENV_BATCH_FILES})")
    return dg.Output(plan, metadata={**{k: int(v) for k, v in plan.summary().items()},
                                     **pending.metadata(plan.pending_files)})
