"""The Dagster project: the asset graph, its resources and the `oap` command."""
