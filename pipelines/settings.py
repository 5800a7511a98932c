"""Where the pipeline reads and writes, from the environment, with the project's defaults.

The same variables reach `oap run` and `dg dev`, so both work on the same folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: The repository root (the folder holding pyproject.toml).
PROJECT_ROOT = Path(__file__).resolve().parents[1]

ENV_SOURCES = "OAP_SOURCES"
ENV_WAREHOUSE = "OAP_WAREHOUSE"
ENV_REPORTS = "OAP_REPORTS"
ENV_OCR = "OAP_OCR"
ENV_CORRECTIONS = "OAP_CORRECTIONS"
ENV_REPORT_FORMATS = "OAP_REPORT_FORMATS"
ENV_BATCH_FILES = "OAP_BATCH_FILES"

#: Most documents one run reads or extracts; more wait for the runs that follow it. A run holds
#: its batch in memory, so this bounds a run's memory whatever the size of the pile.
DEFAULT_BATCH_FILES = 500
#: The report's formats when OAP_REPORT_FORMATS does not say.
DEFAULT_REPORT_FORMATS = "html,pdf,docx"


@dataclass(frozen=True)
class Settings:
    sources: Path
    warehouse: Path
    reports: Path
    ocr: bool
    corrections: Path = PROJECT_ROOT / "corrections" / "corrections.csv"
    report_formats: str = DEFAULT_REPORT_FORMATS
    batch_files: int = DEFAULT_BATCH_FILES  # 0: no limit

    @classmethod
    def from_env(cls) -> Settings:
        def path(name: str, default: Path) -> Path:
            return Path(os.environ.get(name) or default).expanduser().resolve()

        return cls(
            sources=path(ENV_SOURCES, PROJECT_ROOT / "samples"),
            warehouse=path(ENV_WAREHOUSE, PROJECT_ROOT / "warehouse" / "oap.duckdb"),
            reports=path(ENV_REPORTS, PROJECT_ROOT / "reports"),
            ocr=os.environ.get(ENV_OCR, "1") not in ("0", "false", "no"),
            corrections=path(ENV_CORRECTIONS, PROJECT_ROOT / "corrections" / "corrections.csv"),
            report_formats=os.environ.get(ENV_REPORT_FORMATS) or DEFAULT_REPORT_FORMATS,
            batch_files=_batch_files(os.environ.get(ENV_BATCH_FILES)),
        )

    def export(self) -> None:
        """Put these settings in the environment, where the Dagster definitions read them."""
        os.environ[ENV_SOURCES] = str(self.sources)
        os.environ[ENV_WAREHOUSE] = str(self.warehouse)
        os.environ[ENV_REPORTS] = str(self.reports)
        os.environ[ENV_OCR] = "1" if self.ocr else "0"
        os.environ[ENV_CORRECTIONS] = str(self.corrections)
        os.environ[ENV_REPORT_FORMATS] = self.report_formats
        os.environ[ENV_BATCH_FILES] = str(self.batch_files)


def _batch_files(value: str | None) -> int:
    if not value:
        return DEFAULT_BATCH_FILES
    try:
        return batch_size(value)
    except ValueError as error:
        raise ValueError(f"{ENV_BATCH_FILES} must be {error}") from None


def batch_size(value: str) -> int:
    """A batch size as written in the environment or on the command line: 0 (no limit) or more."""
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise ValueError(f"a whole number of files, 0 (no limit) or more, not {value!r}")
    return number


def dagster_home() -> Path:
    """The Dagster instance folder both `oap run` and `dg dev` use (git ignores it)."""
    return Path(os.environ.get("DAGSTER_HOME") or PROJECT_ROOT / ".dagster_home").resolve()
