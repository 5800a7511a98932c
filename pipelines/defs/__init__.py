"""Dagster wrappers of the stages: one module per stage, nothing else."""
