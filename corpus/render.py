"""Render document specifications (``corpus/SPEC.md``) to PDF and Word files.

Usage: ``python -m corpus.render SPEC_DIR OUT_DIR`` renders every ``*.json`` in ``SPEC_DIR``
into ``OUT_DIR`` under the ``file_name`` each specification names.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

from corpus.render_docx import write_docx
from corpus.render_pdf import write_pdf
from corpus.render_scan import write_scanned_pdf
from corpus.render_spec import Format, Layout, PageOverflowError, SpecError, parse_spec

__all__ = ["PageOverflowError", "SpecError", "load_spec", "main", "render", "render_folder"]

logger = logging.getLogger(__name__)


def load_spec(path: str | Path) -> dict[str, Any]:
    """Read a specification from a JSON file."""
    with Path(path).open(encoding="utf-8") as handle:
        return json.load(handle)


def render(spec: dict[str, Any], out_dir: Path) -> Path:
    """Render one specification into ``out_dir`` and return the path of the file written."""
    document = parse_spec(spec)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / document.file_name
    if document.format is Format.DOCX:
        return write_docx(document, path)
    if document.layout is Layout.SCANNED:
        return write_scanned_pdf(document, path)
    return write_pdf(document, path)


def render_folder(spec_dir: Path, out_dir: Path) -> list[Path]:
    """Render every ``*.json`` specification of a folder, in file-name order.

    Two specifications naming the same output file are refused, since one would overwrite the
    other.
    """
    written: list[Path] = []
    for spec_path in sorted(Path(spec_dir).glob("*.json")):
        try:
            path = render(load_spec(spec_path), out_dir)
        except SpecError as error:
            raise SpecError(f"{spec_path.name}: {error}") from error
        if path in written:
            raise SpecError(f"{spec_path.name}: {path.name} is named by another specification")
        logger.info("rendered %s -> %s", spec_path.name, path)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: render a folder of specifications."""
    parser = argparse.ArgumentParser(prog="python -m corpus.render", description=__doc__)
    parser.add_argument("spec_dir", type=Path, help="folder of *.json specifications")
    parser.add_argument("out_dir", type=Path, help="folder receiving the rendered files")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        paths = render_folder(args.spec_dir, args.out_dir)
    except SpecError as error:
        logger.error("%s", error)
        return 1
    logger.info("%d documents rendered into %s", len(paths), args.out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
