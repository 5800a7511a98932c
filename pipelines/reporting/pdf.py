"""Render the HTML report to PDF with WeasyPrint, so both show the same pages."""

from __future__ import annotations

import logging
from pathlib import Path


def write_pdf(html: str, path: Path, base_url: Path) -> Path:
    """Write ``html`` as a PDF at ``path``; relative links resolve against ``base_url``."""
    import weasyprint  # heavy import: only when a PDF is asked for

    # WeasyPrint reports every CSS property it does not know; the report does not depend on them.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    weasyprint.HTML(string=html, base_url=str(base_url)).write_pdf(str(path))
    return path
