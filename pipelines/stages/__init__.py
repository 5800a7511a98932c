"""Plain functions behind each stage of the asset graph; Dagster wraps them in pipelines/defs."""
