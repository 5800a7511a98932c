"""Shared fixtures: real PDF and Word files written into tmp_path from document specs."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from corpus.render import render


@pytest.fixture(autouse=True)
def _settings_stay_in_their_test() -> Iterator[None]:
    """A run exports its settings to the environment (``Settings.export``, for Dagster's
    definitions); each test leaves the OAP_ variables and DAGSTER_HOME as it found them."""
    def saved() -> dict[str, str]:
        return {k: v for k, v in os.environ.items() if k.startswith("OAP_") or k == "DAGSTER_HOME"}

    before = saved()
    yield
    for name in saved().keys() - before.keys():
        del os.environ[name]
    os.environ.update(before)


def spec(file_name: str, pages: list[list[dict[str, Any]]], **fields: Any) -> dict[str, Any]:
    """A document specification (see corpus/SPEC.md) with sensible defaults."""
    fmt = file_name.rsplit(".", 1)[-1]
    return {"file_name": file_name, "format": fmt, "layout": "single", "pages": pages, **fields}


def para(text: str) -> dict[str, Any]:
    return {"type": "paragraph", "text": text}


def heading(text: str, level: int = 1) -> dict[str, Any]:
    return {"type": "heading", "level": level, "text": text}


def table(rows: list[list[str]]) -> dict[str, Any]:
    return {"type": "table", "rows": rows}


@pytest.fixture
def make_document(tmp_path: Path) -> Callable[..., Path]:
    """Render a spec into tmp_path/docs and return the file's path."""
    out = tmp_path / "docs"
    out.mkdir(exist_ok=True)

    def _make(file_name: str, pages: list[list[dict[str, Any]]], **fields: Any) -> Path:
        return render(spec(file_name, pages, **fields), out)

    return _make
