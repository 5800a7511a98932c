"""Years in English, French and Spanish text: the year a figure refers to, and deadlines.

"in 2021", "en 2021", "durante 2021", "as of 31 December 2021", "au 31 décembre 2021",
"the 2021 casualties", "(2021)" or "2021:" give the year of a figure. "since 2019" or
"between 2020 and 2021" start a period (the figure has no single year); "by 2025" or
"2020-2024" give none. An Article 5 deadline is the latest year written near "deadline",
"échéance" or "plazo", as a date ("1 March 2025", "1er mars 2025", "1 de marzo de 2025") or a
bare year ("by 2025").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from pipelines.extraction.vocabulary import (
    DEADLINE_WORDS,
    MONTH,
    NAMED_BY_YEAR,
    OTHER_DEADLINES,
    TO_DATE,
    YEAR_BEFORE,
    YEAR_PERIOD_BEFORE,
    YEAR_TARGET_BEFORE,
    alternation,
)

FIRST_DEADLINE_YEAR: Final[int] = 2000
LAST_DEADLINE_YEAR: Final[int] = 2040
DEADLINE_WINDOW: Final[int] = 90
#: Most characters between a figure and a year written after it ("1,234 m² in 2021").
MAX_YEAR_GAP: Final[int] = 40


@dataclass(frozen=True)
class YearMention:
    """A year written in a text, and what the words around it make of it."""

    year: int
    start: int
    end: int
    refers: bool  # the year a figure refers to
    dated: bool  # written with a month (and maybe a day)
    period: bool = False  # the start of a period: "since 2019", "between 2020 and 2021"
    #: part of the name of a budget or a finance law ("loi de finances 2022"): the year of the
    #: figures of its own sentence, not of those after it
    named: bool = False


_MENTION: Final[re.Pattern[str]] = re.compile(
    r"(?:(?:(?<![\w.,])(?P<day>\d{1,2})(?:er|st|nd|rd|th|o|°)?\.?\s+(?:de\s+)?)?"
    rf"\b(?P<month>{MONTH})\s+(?:(?P<day2>\d{{1,2}}),?\s+)?(?:de\s+|del\s+)?)?"
    r"(?<![\w.,])(?P<year>(?:19|20)\d{2})(?!\d|[.,]\d)"
    r"(?P<span>\s*(?:(?:-|–|—|/)\s*(?:19|20)?\d{2}|(?:and|et|y|to|a|au|al|through|or|ou|o)\s*"
    r"(?:19|20)\d{2})(?![\d.,]\d|\d))?"
)
_YEAR: Final[re.Pattern[str]] = re.compile(r"(?:19|20)\d{2}")
#: Characters a day and month written before a year can take, spaces between them short.
_DATE_REACH: Final[int] = 64
_LONG_SPACE: Final[re.Pattern[str]] = re.compile(r"\s{4}")
#: Prepositions that may stand before a year alone; the rest need a written date.
_DATE_ONLY: Final[frozenset[str]] = frozenset({"al", "au", "on", "le", "el", "at", "a"})
_BEFORE: Final[re.Pattern[str]] = re.compile(
    rf"(?:\b|(?<=\W))(?:(?P<period>{YEAR_PERIOD_BEFORE})|(?P<target>{YEAR_TARGET_BEFORE})|"
    rf"(?P<yes>{YEAR_BEFORE}))"
    r"\s*(?:(?:the|l'|la|le|el)\s*)?(?:(?:early|mid|late|debut|mi|principios de|mediados de|"
    r"finales de|fin)[- ]?)?(?:[a-z]+\s+)?(?:(?:calendar|reporting|fiscal)\s+)?"
    r"(?:year|annee|ano|l'annee|el ano)?\s*$"
)
_YEAR_WORD_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:year|annee|ano|عام|العام|سنة|لعام)\s*$"
)
_MONTH_BEFORE: Final[re.Pattern[str]] = re.compile(rf"\b{MONTH}\s*$")
_CLAUSE_BREAK: Final[re.Pattern[str]] = re.compile(
    r"[;,]|\b(?:and|while|whereas|but|et|tandis|alors|mais|y|mientras|pero)\b"
)
_SENTENCE_END: Final[re.Pattern[str]] = re.compile(r"[.!?;]\s")
#: Nothing but the end of the sentence before (searched up to a position): Spanish "para" that
#: opens a sentence names the year it speaks of; further on, a target ("despejar para 2025").
_SENTENCE_OPENING: Final[re.Pattern[str]] = re.compile(r"(?:^|[.!?:;\n])\s*$")
_DEADLINE: Final[re.Pattern[str]] = re.compile(alternation(DEADLINE_WORDS))
_LATEST_DATE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:au plus tard|a mas tardar|no later than|not later than|не позднее|موعد اقصاه)\b"
)
_ARTICLE5_CONTEXT: Final[re.Pattern[str]] = re.compile(
    r"\b(?:art(?:icle|iculo|\.)? ?5|zones? minees?|mined areas?|zonas? minadas?|clearance|"
    r"depollution|desminado|deminage|completion|achevement|стать\w* 5|المادة 5)\b"
)
_OTHER_DEADLINE: Final[re.Pattern[str]] = re.compile(OTHER_DEADLINES)
_REQUESTED: Final[re.Pattern[str]] = re.compile(
    r"\b(?:request\w*|solicit\w*|sollicit\w*|demand\w*|will request|submit\w*|soumet\w*|"
    r"presentar\w*)\b"
)
_TO_DATE: Final[re.Pattern[str]] = re.compile(TO_DATE)
_NAMED_BEFORE: Final[re.Pattern[str]] = re.compile(NAMED_BY_YEAR)


def _same_sentence_window(folded: str, start: int, width: int) -> int:
    """Start of the ``width`` characters before ``start``, cut at the sentence's start."""
    low = max(0, start - width)
    ends = list(_SENTENCE_END.finditer(folded, low, start))
    return ends[-1].end() if ends else low


def _classify(folded: str, match: re.Match[str], dated: bool, named: bool) -> tuple[bool, bool]:
    """(refers, period) for a year, from the words around it; ``named``: the year ends the
    name of a budget or a finance law."""
    start = match.start()
    if match.group("span"):  # "2020-2024", often the name of a plan; "from 2020 to 2024"
        before = _BEFORE.search(folded, max(0, start - 45), start)
        return False, bool(before and before.group("period"))
    if _DEADLINE.search(folded, _same_sentence_window(folded, start, 50), start):
        return False, False  # "deadline of 1 March 2025" is a target, not a figure's year
    before = _BEFORE.search(folded, max(0, start - 45), start)
    if before and before.group("period"):
        return False, True
    if before and before.group("target"):
        if before.group("target") == "para" and _SENTENCE_OPENING.search(
            folded, max(0, before.start() - 8), before.start()
        ):
            return True, False  # "Para 2021 el Estado asignó ...": the year a result is for
        # "from 24 February to 31 May 2022": a span inside one year
        inside_year = dated and _MONTH_BEFORE.search(folded, max(0, start - 40), before.start())
        return bool(inside_year), False
    if _YEAR_WORD_BEFORE.search(folded, max(0, start - 12), start):
        return True, False
    if named:
        return True, False  # "the Finance Act 2021", "el presupuesto 2022": the year of its sums
    if before and before.group("yes"):
        return dated or before.group("yes") not in _DATE_ONLY, False
    if folded.startswith(":", match.end()):
        return True, False
    return folded.startswith(")", match.end()) and folded.endswith("(", 0, start), False


def _mention_matches(folded: str) -> Iterator[re.Match[str]]:
    """``_MENTION.finditer(folded)``, searched from a little before each year only.

    Every mention holds a year, and what comes before its year (a day and a month) is short:
    at most _DATE_REACH characters unless a run of four spaces stands in it, in which case
    the search starts where the last mention ended. The matches are those of ``finditer``.
    """
    end = 0
    for year in _YEAR.finditer(folded):
        if year.start() < end:
            continue  # inside the last mention ("2020-2024")
        low = max(end, year.start() - _DATE_REACH)
        if _LONG_SPACE.search(folded, low, year.start()):
            low = end
        match = _MENTION.search(folded, low)
        if match is None:
            return
        yield match
        end = match.end()


@functools.lru_cache(maxsize=4096)
def find_year_mentions(folded: str) -> tuple[YearMention, ...]:
    """Every year in folded text, dated or bare, with what it says about figures near it.

    Kept for texts seen again: a passage is read once as itself and once as the context of
    the next one, and its sentences again for deadlines.
    """
    mentions: list[YearMention] = []
    for match in _mention_matches(folded):
        dated = bool(match.group("month"))
        named = bool(_NAMED_BEFORE.search(folded, max(0, match.start() - 45), match.start()))
        refers, period = _classify(folded, match, dated, named)
        year = int(match.group("year"))
        mentions.append(YearMention(year, match.start(), match.end(), refers, dated, period,
                                    refers and named))
    return tuple(mentions)


@dataclass(frozen=True)
class SentenceYears:
    """The year mentions of one sentence, arranged to give each figure its year."""

    refers: tuple[YearMention, ...]
    anchors: tuple[YearMention, ...]  # years a figure may take, and starts of periods
    open_ended: bool  # "since 1991", "between 2020 and 2021", "to date"
    written: frozenset[int]  # every year the sentence writes, whatever its role

    @property
    def may_give_deadline(self) -> bool:
        """Whether a year the sentence writes could be an Article 5 deadline."""
        return any(FIRST_DEADLINE_YEAR <= year <= LAST_DEADLINE_YEAR for year in self.written)

    @classmethod
    def of(
        cls, folded: str, mentions: Sequence[YearMention], sentence: tuple[int, int],
        planned: frozenset[int] = frozenset(),
    ) -> SentenceYears:
        """``mentions`` are the year mentions inside ``sentence``, in text order; those that
        start at an offset in ``planned`` stand in a clause about a plan ("prevé concluir en
        2024"): they date no figure of another clause, but may still be a deadline."""
        dating = [m for m in mentions if m.start not in planned]
        return cls(
            tuple(m for m in dating if m.refers),
            tuple(m for m in dating if m.refers or m.period),
            any(m.period for m in mentions) or bool(_TO_DATE.search(folded, *sentence)),
            frozenset(m.year for m in mentions),
        )

    def year_for(self, folded: str, span: tuple[int, int], figures: list[int]) -> int | None:
        """The year a figure at ``span`` refers to; ``figures`` are the sorted starts of all
        the sentence's figures, across which a year written after one is not read.

        A year written right after the figure ("1,234 m² in 2021") wins, then the nearest year
        before it ("In 2021, ... 1,234 m²") unless a period starts nearer ("In 2021 ...
        bringing the total since 2018 to 57,033"), then the only year of the sentence.
        """
        start, end = span
        index = bisect.bisect_left([m.start for m in self.refers], end)
        after = self.refers[index] if index < len(self.refers) else None
        if (
            after
            and after.start - end <= MAX_YEAR_GAP
            and not _CLAUSE_BREAK.search(folded, end, after.start)
            and bisect.bisect_left(figures, after.start) == bisect.bisect_left(figures, end)
        ):
            return after.year
        index = bisect.bisect_right([m.end for m in self.anchors], start)
        if index:
            before = self.anchors[index - 1]
            return None if before.period else before.year
        if self.open_ended:
            return None
        years = {m.year for m in self.refers}
        return years.pop() if len(years) == 1 else None


def deadline_year(folded: str) -> int | None:
    """The Article 5 deadline year written in a sentence, or None."""
    if _OTHER_DEADLINE.search(folded):
        return None
    keywords = list(_DEADLINE.finditer(folded))
    if _ARTICLE5_CONTEXT.search(folded):
        keywords += list(_LATEST_DATE.finditer(folded))
    if not keywords:
        return None
    years: list[int] = []
    mentions = find_year_mentions(folded)
    for keyword in keywords:
        low, high = keyword.start() - DEADLINE_WINDOW, keyword.end() + DEADLINE_WINDOW
        years.extend(
            m.year
            for m in mentions
            if low <= m.start and m.end <= high
            and FIRST_DEADLINE_YEAR <= m.year <= LAST_DEADLINE_YEAR
        )
    if not years:
        return None
    # A requested extension is not yet the deadline: the current (earlier) one still is.
    return min(years) if _REQUESTED.search(folded) else max(years)
