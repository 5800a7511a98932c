"""The report's charts: drawn once with matplotlib, kept as inline SVG and as PNG.

Every series is told apart by fill and hatching, not by colour alone, so the charts read in
greyscale print; every chart comes with a caption, an aria-label and a data table.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure as MplFigure

from pipelines.reporting.format import number
from pipelines.reporting.worker import Submit, run_here

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.edgecolor": "#333333",
    "axes.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "hatch.linewidth": 0.6,
    "svg.fonttype": "none",
}
#: Fill, hatch and legend label of each series. Hatches are of lines: a hatch of dots is hundreds
#: of curves in the SVG, which makes the PDF renderer take seconds over one chart.
SERIES = {
    "reported": ("#3a3a3a", "", "Reported"),
    "silent": ("#ffffff", "////", "Silent"),
    "cancelled_m2": ("#d9d9d9", "----", "Cancelled"),
    "reduced_m2": ("#9a9a9a", "////", "Reduced"),
    "cleared_m2": ("#303030", "", "Cleared"),
}


class Drawing:
    """A chart's SVG and PNG, from a drawing that is done or still under way in a worker.

    ``again`` draws the chart in this process: it is called when the worker died before the
    chart was done (out of memory, killed), so the report is still built.
    """

    def __init__(self, future: Future, again: Callable[[], Future] | None = None):
        self._future = future
        self._again = again

    def _result(self) -> tuple[str, bytes]:
        try:
            return self._future.result()
        except BrokenProcessPool:
            if self._again is None:
                raise
            self._future, self._again = self._again(), None
            return self._future.result()

    @property
    def svg(self) -> str:
        return self._result()[0]

    @property
    def png(self) -> bytes:
        return self._result()[1]


Draw = Callable[..., Drawing]


def draw_here(chart: Callable[..., tuple[str, bytes]], *args: Any, **kwargs: Any) -> Drawing:
    """Draw ``chart(*args, **kwargs)`` now, in this process."""
    return Drawing(run_here(chart, *args, **kwargs))


def drawer(submit: Submit) -> Draw:
    """A ``draw`` that hands charts to ``submit`` (``worker.forked_worker``), which draws them
    (~0.3-0.8 s each) while this process goes on building the report. A chart the worker
    could not finish because it died is drawn here when it is read."""

    def draw(chart: Callable[..., tuple[str, bytes]], *args: Any, **kwargs: Any) -> Drawing:
        return Drawing(submit(chart, *args, **kwargs),
                       again=lambda: run_here(chart, *args, **kwargs))

    return draw


def _export(fig: MplFigure, key: str, label: str, png: bool) -> tuple[str, bytes]:
    """The chart as inline SVG, and as PNG (for the Word report) when ``png``, else b""."""
    with plt.rc_context({"svg.hashsalt": key}):
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.DOTALL)
    safe = label.replace("&", "and").replace('"', "'").replace("<", "").replace(">", "")
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{safe}" ', 1)
    raster = io.BytesIO()
    if png:
        fig.savefig(raster, format="png", dpi=160, bbox_inches="tight")
    plt.close(fig)
    return svg, raster.getvalue()


def _barh(ax, labels, columns: dict[str, list[float]]) -> None:
    left = [0.0] * len(labels)
    for key, values in columns.items():
        fill, hatch, legend = SERIES[key]
        ax.barh(labels, values, left=left, color=fill, hatch=hatch, edgecolor="#000000",
                linewidth=0.5, label=legend, height=0.62)
        left = [a + b for a, b in zip(left, values)]
    ax.invert_yaxis()
    ax.tick_params(axis="y", length=0)
    ax.legend(loc="lower right", frameon=False, fontsize=7, ncols=len(columns),
              bbox_to_anchor=(1.0, 1.0))


def coverage_by_section(sections: pd.DataFrame, *, png: bool = True) -> tuple[str, bytes]:
    """Share of applicable State-action pairs reported and silent, per OAP section."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(6.3, 0.42 * len(sections) + 0.9))
        labels = [textwrap.fill(f"{s.section_no}. {s.title}", 34) for s in sections.itertuples()]
        totals = sections.applicable_pairs.where(sections.applicable_pairs > 0, 1)
        reported = (100 * sections.reported_applicable_pairs / totals).tolist()
        silent = (100 * sections.silent_pairs / totals).tolist()
        _barh(ax, labels, {"reported": reported, "silent": silent})
        for y, value in enumerate(reported):
            ax.text(101, y, f"{value:.0f} %", va="center", fontsize=7)
        ax.set_xlim(0, 110)
        ax.set_xlabel("Per cent of the State-action pairs that apply")
        return _export(fig, "coverage", "Bar chart: share of applicable actions reported on, "
                       "by section of the Oslo Action Plan", png)


def land_release(land: pd.DataFrame, *, png: bool = True) -> tuple[str, bytes]:
    """Land released per State, by method, summed over the years 2020 on."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(6.3, 0.36 * len(land) + 0.9))
        columns = {key: land[key].fillna(0).tolist()
                   for key in ("cancelled_m2", "reduced_m2", "cleared_m2")}
        _barh(ax, land.state_name.tolist(), columns)
        totals = land[["cancelled_m2", "reduced_m2", "cleared_m2"]].fillna(0).sum(axis=1)
        peak = float(totals.max() or 1)
        for y, total in enumerate(totals):
            ax.text(total + peak * 0.01, y, number(total), va="center", fontsize=7)
        ax.set_xlim(0, peak * 1.25)
        ax.set_xlabel("Square metres released, 2020 on")
        ax.xaxis.set_major_formatter(lambda x, _: f"{x / 1e6:,.0f} M" if x else "0")
        return _export(fig, "land", "Bar chart: land released by method and State", png)


def deadlines(states: pd.DataFrame, meeting_date: pd.Timestamp, *, png: bool = True
              ) -> tuple[str, bytes]:
    """Article 5 deadlines in force, extensions granted, and the 2025 aspiration."""
    states = states.dropna(subset=["deadline_in_force"]).reset_index(drop=True)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(6.3, 0.2 * len(states) + 1.1))
        for y, row in states.iterrows():
            early = bool(row.before_2025)
            ax.plot(row.deadline_in_force, y, marker="o" if early else "s", markersize=5,
                    color="#000000", markerfacecolor="#000000" if early else "#ffffff",
                    linestyle="none")
            if row.extended:
                ax.annotate("", xy=(row.deadline_extended, y), xytext=(row.deadline_in_force, y),
                            arrowprops={"arrowstyle": "->", "linewidth": 0.7, "linestyle": "--"})
        labels = [f"{r.state_name}{'' if r.submitted else ' *'}" for r in states.itertuples()]
        ax.set_yticks(range(len(states)), labels)
        for tick, early in zip(ax.get_yticklabels(), states.before_2025):
            tick.set_fontweight("bold" if early else "normal")
        ax.invert_yaxis()
        ax.axvline(pd.Timestamp("2025-01-01"), color="#000000", linewidth=0.8, linestyle="-")
        ax.axvline(meeting_date, color="#555555", linewidth=0.8, linestyle=":")
        top = -0.8
        ax.text(pd.Timestamp("2025-01-01"), top, " 2025", fontsize=7, va="bottom")
        ax.text(meeting_date, top, "20MSP ", fontsize=7, va="bottom", ha="right")
        ax.tick_params(axis="y", length=0, labelsize=7)
        ax.set_xlabel("Deadline (● before 2025, □ 2025 or later; dashed arrow: extended; * no update)")
        return _export(fig, "deadlines", "Timeline: Article 5 deadlines of the States Parties "
                       "with mined areas, marking those before 2025", png)
