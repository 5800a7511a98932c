"""Wording and number formats shared by the chapters."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath
from urllib.parse import quote

import pandas as pd

LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "ar": "Arabic",
                  "ru": "Russian", "und": "undetermined"}
STATUS_WORDS = {"progress": "progress", "completed": "completion",
                "challenge": "challenges", "plan": "plans",
                "request for assistance": "requests for assistance"}
BREAKDOWNS = ("women", "men", "girls", "boys", "female", "male", "children", "adults")


def missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def number(value: object) -> str:
    """1234567.0 -> '1,234,567'; keeps one decimal for fractions; blank when missing."""
    if missing(value):
        return ""
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def amount(value: object, unit: str) -> str:
    """A figure with its unit, as the report prints it."""
    if missing(value):
        return "–"
    if unit == "year":
        return str(int(float(value)))
    text = number(value)
    if unit in ("USD", "EUR"):
        return f"{unit} {text}"
    return f"{text} {unit}" if unit not in ("", "count") else text


def year(value: object) -> str:
    return "not stated" if missing(value) else str(int(value))


def date(value: object, *, short: bool = False) -> str:
    """'31 December 2025', or '31 Dec 2025' for tables."""
    if missing(value):
        return "–"
    return pd.Timestamp(value).strftime("%d %b %Y" if short else "%d %B %Y").lstrip("0")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"


def were(count: int) -> str:
    """'was' or 'were', to agree with ``count``."""
    return "was" if count == 1 else "were"


def join(items: Iterable[str], conjunction: str = "and") -> str:
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def ranges(items: Iterable[str], order: Sequence[str]) -> str:
    """``items`` in ``order``, three or more in a row written as one range: "II-V, VII" for
    II, III, IV, V and VII. Items that are not in ``order`` follow, as they are."""
    rank = {item: n for n, item in enumerate(order)}
    given = set(items)
    known = sorted(rank[item] for item in given if item in rank)
    parts: list[str] = []
    start = 0
    for end in range(1, len(known) + 1):
        if end == len(known) or known[end] != known[end - 1] + 1:
            run = [order[n] for n in known[start:end]]
            parts += [f"{run[0]}-{run[-1]}"] if len(run) >= 3 else run
            start = end
    return ", ".join(parts + sorted(given - rank.keys()))


def language(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def excerpt(text: str, limit: int = 320) -> str:
    """The evidence as quoted: whole when short, else cut at a word with an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def source_href(source_path: str | None, sources_dir: str | None) -> str | None:
    """Relative link to the original file, percent-encoded."""
    if not source_path:
        return None
    path = PurePosixPath(sources_dir) / source_path if sources_dir else PurePosixPath(source_path)
    return quote(str(path))
