"""What every chapter builder needs: the views, the run's details, and small table helpers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pipelines.reporting.charts import Draw, Drawing, draw_here
from pipelines.reporting.format import source_href
from pipelines.reporting.model import Cell, Table

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
MEETING_DATE = pd.Timestamp("2022-11-21")


@dataclass(frozen=True)
class Context:
    views: dict[str, pd.DataFrame]
    generated: pd.Timestamp
    run_info: dict[str, Any] = field(default_factory=dict)
    raster: bool = True  # charts are drawn as PNG too, for the Word report
    drawer: Draw = draw_here  # where charts are drawn: here, or by a worker (charts.drawing_worker)

    _groups: dict[tuple[str, str], dict[Any, pd.DataFrame]] = field(
        default_factory=dict, repr=False, compare=False)

    def view(self, name: str) -> pd.DataFrame:
        return self.views[name]

    def draw(self, chart: Callable[..., tuple[str, bytes]], *args: Any) -> Drawing:
        """``chart(*args)`` as SVG, and as PNG when the Word report is written."""
        return self.drawer(chart, *args, png=self.raster)

    def rows(self, name: str, column: str, value: Any) -> pd.DataFrame:
        """The rows of view ``name`` whose ``column`` is ``value``, in the view's order.

        The view is grouped by ``column`` once: chapters that take one action, section or
        State at a time do not scan the whole view each time.
        """
        key = (name, column)
        if key not in self._groups:
            self._groups[key] = dict(tuple(self.view(name).groupby(column, sort=False)))
        found = self._groups[key].get(value)
        return found if found is not None else self.view(name).iloc[0:0]

    @property
    def sources_dir(self) -> str | None:
        return self.run_info.get("sources_dir")

    def href(self, source_path: str | None) -> str | None:
        return source_href(source_path, self.sources_dir)

    def multiple_meetings(self) -> bool:
        return self.view("v_documents").meeting_id.dropna().nunique() > 1


Column = tuple[str, str | Callable[[Any], str | Cell], bool]


def make_table(caption: str, frame: pd.DataFrame, columns: Sequence[Column], *,
               note: str = "", css: str = "", in_print: Table | None = None) -> Table:
    """A table from rows of ``frame``: each column is (header, field or function, numeric).

    ``in_print`` is what the PDF and Word show instead (``Table.in_print``)."""
    rows = []
    for row in frame.itertuples(index=False):
        cells = []
        for _, source, _ in columns:
            value = source(row) if callable(source) else getattr(row, source)
            cells.append(value if isinstance(value, Cell) else Cell("" if value is None else str(value)))
        rows.append(tuple(cells))
    numeric = tuple(i for i, (_, _, is_number) in enumerate(columns) if is_number)
    return Table(caption, tuple(header for header, _, _ in columns), tuple(rows), numeric,
                 css, note=note, in_print=in_print)
