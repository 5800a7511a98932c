"""Resources the assets share: the sources folder, the warehouse and the reports folder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

from warehouse import store


class SourcesFolder(dg.ConfigurableResource):
    """Folder where analysts drop the States' written updates."""

    path: str
    ocr: bool = True

    @property
    def folder(self) -> Path:
        return Path(self.path)


class Warehouse(dg.ConfigurableResource):
    """The DuckDB file; one writer at a time, so connections are opened briefly."""

    path: str

    @contextmanager
    def connect(self, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        with store.connect(Path(self.path), read_only=read_only) as con:
            yield con


class ReportsFolder(dg.ConfigurableResource):
    """Folder the stock-taking report is written to."""

    path: str

    @property
    def folder(self) -> Path:
        folder = Path(self.path)
        folder.mkdir(parents=True, exist_ok=True)
        return folder
