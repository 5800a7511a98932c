"""Indicator figures of a passage: land release, mines, casualties, risk education, funding.

``find_indicators`` reads a paragraph sentence by sentence, or a table cell by cell, and
returns each figure once, in its canonical unit (``INDICATOR_UNITS``), with the year it
refers to when the text gives one and its disaggregation by sex or age. It prefers missing
a figure to inventing one: a number without a unit, a currency or a counted noun, a year,
a percentage or an article number is never a figure.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Sequence
from typing import Final

from pipelines.extraction.indicator_counts import stockpile_passage
from pipelines.extraction.indicator_labels import PEOPLE_INDICATORS
from pipelines.extraction.indicator_periods import SentenceYears, YearMention, find_year_mentions
from pipelines.extraction.indicator_prose import planned_years, sentence_findings
from pipelines.extraction.indicator_quantities import COUNT, find_quantities
from pipelines.extraction.indicator_tables import table_findings
from pipelines.extraction.model import IndicatorFinding
from pipelines.extraction.patterns import DIGIT
from pipelines.extraction.sentences import sentence_spans
from pipelines.extraction.vocabulary import fold_keep_offsets

#: Indicators that are a state at a date, not a flow over a year: a year from the sentences
#: around them is not theirs ("Sri Lanka retains 1,980 mines").
STOCKS: Final[frozenset[str]] = frozenset(
    {"mines_retained", "area_remaining_m2", "article5_deadline"}
)


def _single_year(mentions: Sequence[YearMention]) -> int | None:
    """The one year other sentences give figures: a year in a law's name is not one."""
    years = {m.year for m in mentions if m.refers and not m.named}
    return years.pop() if len(years) == 1 else None


def _with_year(findings: list[IndicatorFinding], year: int | None) -> list[IndicatorFinding]:
    """Findings with ``year`` where they have none; stocks and deadlines keep theirs."""
    if year is None:
        return findings
    return [
        dataclasses.replace(f, year=year) if f.year is None and f.indicator not in STOCKS else f
        for f in findings
    ]


def _between(items: list, starts: list[int], span: tuple[int, int]) -> list:
    """The items (sorted by start) whose start falls inside ``span``."""
    return items[bisect.bisect_left(starts, span[0]):bisect.bisect_left(starts, span[1])]


def _prose_findings(text: str, language: str, context: str) -> list[IndicatorFinding]:
    folded = fold_keep_offsets(text)
    mentions = find_year_mentions(folded)
    quantities = find_quantities(text, folded, language, [(m.start, m.end) for m in mentions])
    mention_starts = [m.start for m in mentions]
    quantity_starts = [q.start for q in quantities]
    # Whether the passage is about stockpiles matters to counts only, and the context's year
    # to figures left without one: each is read from the context only when needed.
    stockpile = any(q.kind == COUNT for q in quantities) and stockpile_passage(
        f"{fold_keep_offsets(context)} {folded}")
    context_year = functools.cache(
        lambda: _single_year(find_year_mentions(fold_keep_offsets(context))))
    passage_has_year = any(m.refers for m in mentions)
    findings: list[IndicatorFinding] = []
    earlier: set[int] = set()
    total: str | None = None  # indicator of the last total of people in the sentence before
    for sentence in sentence_spans(text):
        inside = _between(quantities, quantity_starts, sentence)
        said = _between(mentions, mention_starts, sentence)
        planned = planned_years(folded, said, sentence) if quantities else frozenset()
        years = SentenceYears.of(folded, said, sentence, planned)
        found = sentence_findings(text, folded, sentence, inside, years, stockpile, total)
        total = next((f.indicator for f in reversed(found)
                      if f.disaggregation is None and f.indicator in PEOPLE_INDICATORS), None)
        if not years.open_ended:
            # A figure without a year of its own takes the year of the sentences before it
            # when they name only one ("In 2021, ... cleared X. During clearance, N mines
            # ..."), else the year of the passage's context (its heading, the paragraph before).
            found = _with_year(found, next(iter(earlier)) if len(earlier) == 1 else None)
            if not passage_has_year and any(f.year is None for f in found):
                found = _with_year(found, context_year())
        findings.extend(found)
        earlier |= {m.year for m in said if m.refers and not m.named and m.start not in planned}
    return findings


def find_indicators(
    text: str, language: str, rows: tuple[tuple[str, ...], ...] = (), *, context: str = ""
) -> list[IndicatorFinding]:
    """The indicator figures of a passage: prose when ``rows`` is empty, else a table.

    ``rows`` holds the table's cells, its header first. ``context`` is optional text around
    the passage (its headings, the paragraph before it); it is read only for what the passage
    leaves unsaid: the year of its figures, and a table's unit or indicator ("Land released
    by method (hectares):"). Each (indicator, year, disaggregation, value) is returned once,
    in the order first found.
    """
    if not DIGIT.search(text):
        return []  # figures and years are written in digits: a passage without one has none
    if rows:
        findings = table_findings(text, language, rows, context)
    else:
        findings = _prose_findings(text, language, context)
    unique: dict[tuple[str, int | None, str | None, float], IndicatorFinding] = {}
    for finding in findings:
        key = (finding.indicator, finding.year, finding.disaggregation, finding.value)
        unique.setdefault(key, finding)
    return list(unique.values())
