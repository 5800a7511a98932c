"""Resources the assets share: the sources folder, the warehouse and the reports folder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd

from pipelines.settings import DEFAULT_REPORT_FORMATS
from warehouse import store


class SourcesFolder(dg.ConfigurableResource):
    """Folder where analysts drop the States' written updates."""

    path: str
    ocr: bool = True
    batch_files: int = 0  # most documents a run takes on; 0: no limit

    @property
    def folder(self) -> Path:
        return Path(self.path)


class CorrectionsFile(dg.ConfigurableResource):
    """The analysts' corrections file (CSV), applied on every run."""

    path: str

    @property
    def file(self) -> Path:
        return Path(self.path)


class Warehouse(dg.ConfigurableResource):
    """The DuckDB file; one writer at a time, so connections are opened briefly."""

    path: str

    @contextmanager
    def connect(self, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        with store.connect(Path(self.path), read_only=read_only) as con:
            yield con

    def exists(self) -> bool:
        return Path(self.path).exists()

    def read(self, table: str, document_ids: frozenset[str] | None = None) -> pd.DataFrame:
        """Rows of ``table`` (of ``document_ids`` only, when given); empty before the first run."""
        if not self.exists() or document_ids == frozenset():
            return store.empty_table(table)
        with self.connect(read_only=True) as con:
            return store.read_table(con, table, document_ids)

    def read_all(self, *tables: str) -> dict[str, pd.DataFrame]:
        """Every row of each of ``tables``, over one connection; empty before the first run."""
        if not self.exists():
            return {table: store.empty_table(table) for table in tables}
        with self.connect(read_only=True) as con:
            return {table: store.read_table(con, table) for table in tables}


class ReportsFolder(dg.ConfigurableResource):
    """Folder the stock-taking report is written to, and in which formats."""

    path: str
    formats: str = DEFAULT_REPORT_FORMATS

    @property
    def format_list(self) -> tuple[str, ...]:
        return tuple(f.strip() for f in self.formats.split(",") if f.strip())

    @property
    def folder(self) -> Path:
        folder = Path(self.path)
        folder.mkdir(parents=True, exist_ok=True)
        return folder
