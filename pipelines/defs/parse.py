"""Read the files of the plan into passages; describe each document; keep the quarantine."""

import dagster as dg
import pandas as pd

from pipelines.defs.reference import checked_reference
from pipelines.resources import SourcesFolder, Warehouse
from pipelines.stages import reading
from pipelines.stages.corrections import Correction
from pipelines.stages.documents import describe_documents, quarantine_rows
from pipelines.stages.plan import Plan
from pipelines.stages.reading import READ_VERSION, ReadBatch
from pipelines.stages.versions import EXTRACTION_REFERENCE, extract_versions
from sources import ReadResult, ReadStatus


def _now() -> pd.Timestamp:
    return pd.Timestamp.now(tz="UTC").tz_localize(None)


@dg.asset(group_name="parse", kinds={"pdf", "docx"}, code_version=READ_VERSION)
def document_pages(
    context: dg.AssetExecutionContext, sources: SourcesFolder, intake_plan: Plan
) -> dg.Output[ReadBatch]:
    """Text of each new or changed file, page by page, as passages; failures with reasons.

    A file that fails is logged at once, with its reasons; the others are counted in a
    progress line every tenth of the files (each log line is an event the run stores).
    """
    total = len(intake_plan.to_read)
    done = {"files": 0, "pages": 0}

    def log(file_name: str, result: ReadResult) -> None:
        done["files"] += 1
        done["pages"] += len(result.pages)
        if result.status is not ReadStatus.SUCCESS:
            context.log.warning(f"{file_name}: {result.status.value}: {'; '.join(result.errors)}")
        if done["files"] == total or done["files"] % max(1, total // 10) == 0:
            context.log.info(f"read {done['files']} of {total} files ({done['pages']} pages)")

    results = reading.read_files(intake_plan.to_read, sources.folder, use_ocr=sources.ocr, on_read=log)
    batch = reading.read_batch(intake_plan.to_read, results, _now())
    return dg.Output(batch, metadata={
        "files_read": len(results),
        "pages": int(batch.meta["pages"].sum()) if len(batch.meta) else 0,
        "ocr_pages": int(batch.meta["ocr_pages"].sum()) if len(batch.meta) else 0,
        "failed": len(batch.failures),
    })


@dg.asset(group_name="parse", kinds={"python"})
def passages(document_pages: ReadBatch) -> dg.Output[pd.DataFrame]:
    """Headings, paragraphs, tables and letterheads of the files read in this run."""
    frame = document_pages.passages
    return dg.Output(frame, metadata={
        "dagster/row_count": len(frame),
        "kinds": dg.MetadataValue.json(frame["kind"].value_counts().to_dict()),
    })


@dg.asset(group_name="parse", kinds={"python"})
def quarantine(
    context: dg.AssetExecutionContext, warehouse: Warehouse, source_files: pd.DataFrame,
    document_pages: ReadBatch,
) -> dg.Output[pd.DataFrame]:
    """Every file that is not loaded, with the reason a person can act on."""
    previous = warehouse.read("quarantine")
    frame = quarantine_rows(source_files, document_pages.failures, previous, _now())
    for row in frame.itertuples(index=False):
        context.log.warning(f"quarantined: {row.reason}")
    return dg.Output(frame, metadata={
        "dagster/row_count": len(frame),
        "files": dg.MetadataValue.md(frame[["file_name", "reason"]].to_markdown(index=False)
                                     if len(frame) else "none"),
    })


@dg.asset(group_name="parse", kinds={"python"}, deps=EXTRACTION_REFERENCE)
def documents(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    intake_plan: Plan,
    document_pages: ReadBatch,
    analyst_corrections: list[Correction],
) -> dg.Output[pd.DataFrame]:
    """The documents this run (re)describes: State, language, meeting, review status."""
    meta, text = document_pages.meta, document_pages.passages
    again = intake_plan.to_extract - set(meta["document_id"])
    if again:  # extraction redone without reading: reading facts and passages from the warehouse
        old = warehouse.read("documents", frozenset(again))
        old_text = warehouse.read("passages", frozenset(again))
        for doc_id, name in intake_plan.renamed.items():
            old.loc[old["document_id"] == doc_id, ["file_name", "source_path"]] = [name, name]
        meta = pd.concat([meta, old[reading.META_COLUMNS]], ignore_index=True)
        text = pd.concat([text, old_text], ignore_index=True)
    reference = checked_reference(context)
    versions = extract_versions(meta["document_id"], reference, analyst_corrections)
    frame = describe_documents(meta, text, reference["state_aliases"], read_version=READ_VERSION,
                               extract_versions=versions, now=_now())
    for row in frame[frame["status"] == "needs_review"].itertuples(index=False):
        context.log.warning(f"{row.file_name} needs review: {row.review_reason}")
    return dg.Output(frame, metadata={
        "dagster/row_count": len(frame),
        "needs_review": int((frame["status"] == "needs_review").sum()),
        "languages": dg.MetadataValue.json(frame["language"].value_counts().to_dict()),
        "preview": dg.MetadataValue.md(_preview(frame)),
    })


#: Documents listed in the run's preview; the ``documents`` table holds them all.
PREVIEW_ROWS = 50


def _preview(frame: pd.DataFrame) -> str:
    if not len(frame):
        return "no document changed"
    shown = frame.head(PREVIEW_ROWS)[["file_name", "state_iso3", "language", "pages", "status"]]
    more = len(frame) - len(shown)
    return shown.to_markdown(index=False) + (
        f"\n\n… and {more} more: the `documents` table lists them all." if more else "")
