"""Discover the input files and identify each by the hash of its bytes."""

import dagster as dg
import pandas as pd

from pipelines.resources import SourcesFolder
from pipelines.stages.intake import discover


@dg.asset(group_name="ingest", kinds={"python"}, code_version="1")
def source_files(context: dg.AssetExecutionContext, sources: SourcesFolder) -> dg.Output[pd.DataFrame]:
    """Every file in the sources folder with its SHA-256, detected type and duplicate."""
    manifest = discover(sources.folder)
    duplicates = int(manifest["duplicate_of"].notna().sum())
    context.log.info(f"{len(manifest)} files in {sources.folder} ({duplicates} duplicates)")
    return dg.Output(
        manifest,
        metadata={
            "dagster/row_count": len(manifest),
            "sources_dir": str(sources.folder),
            "duplicates": duplicates,
            "types": dg.MetadataValue.json(manifest["file_type"].value_counts().to_dict()),
        },
    )
