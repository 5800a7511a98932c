"""Read each file into pages, record the documents and quarantine, split into passages."""

import dagster as dg
import pandas as pd

from pipelines.resources import SourcesFolder, Warehouse
from pipelines.stages import reading
from sources import ReadResult, ReadStatus
from warehouse import store


@dg.asset(group_name="parse", kinds={"pdf", "docx"}, code_version="1")
def document_pages(
    context: dg.AssetExecutionContext, sources: SourcesFolder, source_files: pd.DataFrame
) -> dg.Output[dict[str, ReadResult]]:
    """Text of every distinct file, page by page with its page number; tables kept."""

    def log(file_name: str, result: ReadResult) -> None:
        if result.status is ReadStatus.SUCCESS:
            context.log.info(f"{file_name}: {len(result.pages)} pages")
        else:
            context.log.warning(f"{file_name}: {result.status.value}: {'; '.join(result.errors)}")

    results = reading.read_files(source_files, sources.folder, use_ocr=sources.ocr, on_read=log)
    statuses = pd.Series([r.status.value for r in results.values()]).value_counts().to_dict()
    return dg.Output(
        results,
        metadata={
            "files_read": len(results),
            "pages": sum(len(r.pages) for r in results.values()),
            "ocr_pages": sum(r.ocr_pages for r in results.values()),
            "statuses": dg.MetadataValue.json(statuses),
        },
    )


@dg.asset(
    group_name="parse",
    kinds={"duckdb"},
    code_version="1",
    deps=["state_aliases"],
)
def documents(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    source_files: pd.DataFrame,
    document_pages: dict[str, ReadResult],
) -> dg.Output[pd.DataFrame]:
    """One row per document read, attributed to its State, with its language; and the quarantine."""
    with warehouse.connect() as con:
        aliases = store.read_table(con, "state_aliases")
        now = pd.Timestamp.now(tz="UTC").tz_localize(None)
        docs, quarantine = reading.build_documents(source_files, document_pages, aliases, now)
        docs = store.replace_table(con, "documents", docs).valid
        store.replace_table(con, "quarantine", quarantine)
    for row in quarantine.itertuples(index=False):
        context.log.warning(f"quarantined {row.file_name}: {row.reason}")
    return dg.Output(
        docs,
        metadata={
            "dagster/row_count": len(docs),
            "quarantined": len(quarantine),
            "needs_review": int((docs["status"] == "needs_review").sum()),
            "languages": dg.MetadataValue.json(docs["language"].value_counts().to_dict()),
            "preview": dg.MetadataValue.md(
                docs[["file_name", "state_iso3", "language", "pages", "status"]].to_markdown(index=False)
            ),
            "quarantine": dg.MetadataValue.md(
                quarantine[["file_name", "reason"]].to_markdown(index=False) if len(quarantine) else "none"
            ),
        },
    )


@dg.asset(group_name="parse", kinds={"duckdb"}, code_version="1")
def passages(
    warehouse: Warehouse, documents: pd.DataFrame, document_pages: dict[str, ReadResult]
) -> dg.Output[pd.DataFrame]:
    """Headings, paragraphs and tables of every document, with page and heading path."""
    frame = reading.build_passages(documents, document_pages)
    with warehouse.connect() as con:
        frame = store.replace_table(con, "passages", frame).valid
    return dg.Output(
        frame,
        metadata={
            "dagster/row_count": len(frame),
            "kinds": dg.MetadataValue.json(frame["kind"].value_counts().to_dict()),
        },
    )
