"""Shared fixtures: real PDF and Word files written into tmp_path from document specs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from corpus.render import render


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
