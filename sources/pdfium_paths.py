"""Ruled lines of a PDF page from pdfium's path objects, as pdfplumber's table finder wants them.

pdfplumber finds tables from the page's edges: the sides of rectangles, lines and the segments
of curves, as pdfminer shapes the painted paths (one shape per subpath; two points make a line,
a closed axis-aligned quadrilateral a rectangle, anything else a curve through its end points).
The same shaping is done here from pdfium's path segments, so the same edges come out.
Coordinates are pdfplumber's: points from the top-left corner of the page.
"""

from __future__ import annotations

import ctypes
import itertools
from typing import Any

import pypdfium2.raw as pdfium_c


def path_edges(obj: Any, matrix: Any, height: float) -> list[dict]:
    """Edges of a path object, shaped as pdfminer shapes them (lines, rectangles, curves)."""
    edges: list[dict] = []
    for ops, points in _subpaths(obj, matrix):
        shape = "".join(ops)
        if len(shape) > 3 and shape.endswith("lh") and points[-2] == points[0]:
            shape = shape[:-2] + "h"
            points.pop()
        flipped = [(x, height - y) for x, y in points]
        if shape in ("mlh", "ml"):
            edges.append(_line_edge(flipped[0], flipped[1]))
        elif shape in ("mlllh", "mllll") and points[0] == points[4] and _square(points):
            edges.extend(_rect_edges(flipped[0], flipped[2]))
        else:
            edges.extend(_curve_edges(flipped))
    return edges


def _subpaths(obj: Any, matrix: Any) -> list[tuple[list[str], list[tuple[float, float]]]]:
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[tuple[list[str], list[tuple[float, float]]]] = []
    curve_points = 0
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append((["m"], [point]))
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            curve_points += 1
            if curve_points % 3 == 0:  # pdfium gives two control points, then the end point
                subpaths[-1][0].append("c")
                subpaths[-1][1].append(point)
        else:
            subpaths[-1][0].append("l")
            subpaths[-1][1].append(point)
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            subpaths[-1][0].append("h")
            subpaths[-1][1].append(subpaths[-1][1][0])
    return subpaths


def _square(points: list[tuple[float, float]]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[:4]
    return (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
        y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)


def _edge(kind: str, x0: float, top: float, x1: float, bottom: float, orientation: str | None) -> dict:
    return {"object_type": kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "orientation": orientation}


def _line_edge(p: tuple[float, float], q: tuple[float, float]) -> dict:
    top, bottom = min(p[1], q[1]), max(p[1], q[1])
    return _edge("line", min(p[0], q[0]), top, max(p[0], q[0]), bottom,
                 "h" if top == bottom else "v")


def _rect_edges(p: tuple[float, float], q: tuple[float, float]) -> list[dict]:
    x0, x1, top, bottom = min(p[0], q[0]), max(p[0], q[0]), min(p[1], q[1]), max(p[1], q[1])
    return [_edge("rect_edge", x0, top, x1, top, "h"), _edge("rect_edge", x0, bottom, x1, bottom, "h"),
            _edge("rect_edge", x0, top, x0, bottom, "v"), _edge("rect_edge", x1, top, x1, bottom, "v")]


def _curve_edges(points: list[tuple[float, float]]) -> list[dict]:
    return [
        _edge("curve_edge", min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1]),
              "v" if p[0] == q[0] else ("h" if p[1] == q[1] else None))
        for p, q in itertools.pairwise(points)
    ]
