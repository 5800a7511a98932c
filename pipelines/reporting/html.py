"""Render the report to one self-contained HTML file: CSS inline, charts as inline SVG."""

from __future__ import annotations

import importlib.resources
from importlib.metadata import PackageNotFoundError, version

import jinja2

from pipelines.reporting.model import Report
from pipelines.reporting.widths import column_shares

_TEMPLATES = importlib.resources.files("pipelines.reporting").joinpath("templates")
#: The width of a table, in em of its text: 168 mm of an A4 page at 7.2 pt (report.css).
TABLE_WIDTH_EM = 168 / 25.4 * 72 / 7.2
#: The padding of a cell, left and right together, in em of the table's text (1.1 em in
#: report.css), with some room for the renderer's measure to differ from this one.
CELL_PADDING_EM = 1.4


def _load(name: str) -> str | None:
    resource = _TEMPLATES.joinpath(name)
    return resource.read_text(encoding="utf-8") if resource.is_file() else None


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FunctionLoader(_load),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["kind"] = lambda block: type(block).__name__
    env.filters["column_shares"] = lambda table: column_shares(table, TABLE_WIDTH_EM, CELL_PADDING_EM)
    return env


def _version() -> str:
    try:
        return version("oap-progress")
    except PackageNotFoundError:
        return "unknown"


def render_html(report: Report) -> str:
    """The report as an HTML document."""
    template = _environment().get_template("report.html.j2")
    return template.render(tp=report.title_page, headings=report.headings(2),
                           blocks=report.blocks, css=_load("report.css"), version=_version())
