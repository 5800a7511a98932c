"""The mid-point stock-taking report: committee views -> HTML, PDF and Word."""

from pipelines.reporting.build import build_report

__all__ = ["build_report"]
