"""Typed quantities in a sentence: areas, US dollar and euro amounts, counts of mines or people.

A number becomes a quantity only by what is written around it: an area unit after it, a
currency before or after it, or a noun after it ("1,234 anti-personnel mines", "12 women",
"45 víctimas"), or a label before it ("Casualties: 12"). Years, dates, percentages, ordinals
and numbers that follow "Article", "Action", "page" and the like are never quantities.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from pipelines.extraction.indicator_vocabulary import (
    ANTI_VEHICLE,
    CASUALTY_NOUNS,
    DISAGGREGATION_WORDS,
    MINE_NOUN,
    PEOPLE_NOUNS,
    SURVIVOR_NOUNS,
)
from pipelines.extraction.numbers import NumberMatch, area_unit_at, find_numbers, looks_like_year
from pipelines.extraction.vocabulary import (
    AR_END,
    OTHER_CURRENCY_CODES,
    OTHER_CURRENCY_NAMES,
    OTHER_CURRENCY_SIGNS,
    OTHER_DOLLARS,
    REFERENCE_BEFORE,
)

_OTHER_DOLLARS: Final = re.compile(OTHER_DOLLARS)

AREA: Final[str] = "area"
USD: Final[str] = "usd"
EUR: Final[str] = "eur"
COUNT: Final[str] = "count"
OTHER: Final[str] = "other currency"
#: Nouns of a count besides the DISAGGREGATIONS values.
MINES: Final[str] = "mines"
PEOPLE: Final[str] = "people"
CASUALTY: Final[str] = "casualty"
SURVIVOR: Final[str] = "survivor"
#: A count without a noun of its own that repeats the figure before it ("compared with 65").
DITTO: Final[str] = "ditto"


@dataclass(frozen=True)
class Quantity:
    """A number with what it measures; areas are in square metres."""

    kind: str
    value: float
    start: int
    end: int
    raw: str
    noun: str = ""


_NOT_A_FIGURE_AFTER: Final[re.Pattern[str]] = re.compile(
    r"\s*(?:%|per ?cent|pour ?cent|por ?ciento|percent)|(?:st|nd|rd|th|er|e|eme|o|a|°)\b|"
    r"\s?(?:h|:)\d|\s*(?:years?|ans?|anos?|months?|mois|meses|days?|jours?|dias?)\b"
)
_CURRENCY_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"(?P<usd>us ?\$|u\.s\. ?\$|usd|\$ ?us|us dollars?)\s*$|(?P<eur>eur|euros?|€)\s*$|"
    rf"(?P<bare>(?<![a-z])\$)\s*$|(?P<other>\b(?:{OTHER_CURRENCY_CODES})|{OTHER_CURRENCY_SIGNS}|"
    r"\w\$)\s*$"
)
_CURRENCY_AFTER: Final[re.Pattern[str]] = re.compile(
    r"\s*(?:de |d'|of )?(?:"
    r"(?P<usd>us ?\$|\$ ?us|usd|u\.?s\.? dollars?|us dollars?|dollars? (?:americains?|"
    r"des etats-unis|us|e\.?u\.?)|dolares (?:estadounidenses|de los estados unidos|americanos|"
    rf"de (?:los )?ee\.? ?uu)|долл\w*\.? сша|دولار{AR_END} امريكي{AR_END})"
    r"|(?P<eur>eur\b|euros?\b|€|евро\b|يورو)"
    rf"|(?P<bare>dollars?\b|dolares\b|\$|долл\w*|دولار{AR_END})"
    rf"|(?P<other>(?:{OTHER_CURRENCY_CODES}|{OTHER_CURRENCY_NAMES})\b|{OTHER_CURRENCY_SIGNS}|"
    rf"руб\w*|دينار{AR_END})"
    r")"
)
#: What caused the casualties, said before the noun: "mine and explosive remnants of war".
_CAUSE: Final[str] = (
    r"(?:(?:mine|landmine|erw|eo|uxo|ied|explosive remnants? of war|explosive ordnance)"
    r"(?:\s+(?:and|or)\s+|\s*/\s*))*"
    r"(?:mine|landmine|erw|eo|uxo|ied|explosive remnants? of war|explosive ordnance)\s+"
)
_FILLERS: Final[str] = (
    rf"(?:{_CAUSE})?"
    r"(?:(?:new|additional|more|other|registered|recorded|reported|direct|indirect|internally|"
    r"displaced|at-risk|vulnerable|school|young|civilian|local|affected|rural|returnee|refugee|"
    r"mine|landmine|erw|eo|total|nouvelles?|nouveaux|autres|nuevas?|nuevos|otras|otros|directs?|"
    r"directas?|directos|jeunes|civiles|civils|were|are|of them|of whom|etaient|sont|d'entre elles|"
    r"d'entre eux|fueron|eran|son|de ellas|de ellos|des|de|sexo|sexe|series|type|model|modele|tipo|"
    r"[\w-]*\d[\w-]*)\s+){0,2}"
)
_NOUN_GROUPS: Final[tuple[tuple[str, str], ...]] = (
    *DISAGGREGATION_WORDS,
    (CASUALTY, "|".join(CASUALTY_NOUNS)),
    (SURVIVOR, "|".join(SURVIVOR_NOUNS)),
    (PEOPLE, "|".join(PEOPLE_NOUNS)),
    (MINES, MINE_NOUN),
)
_NOUN_AFTER: Final[re.Pattern[str]] = re.compile(
    r"\s+" + _FILLERS + r"(?:"
    + "|".join(f"(?P<n{i}>(?:{pattern}))" for i, (_, pattern) in enumerate(_NOUN_GROUPS))
    + r")\b"
)
_ANTI_VEHICLE_AFTER: Final[re.Pattern[str]] = re.compile(r"\s*\(?\s*(?:" + ANTI_VEHICLE + ")")
#: A label before a number: "Casualties: 12", "the number of victims was 45".
_LABEL_WORD: Final[re.Pattern[str]] = re.compile(
    r"\b(?:" + "|".join(f"(?:{p})" for _, p in _NOUN_GROUPS[-4:]) + r")\b"
)
_LABEL_TAIL: Final[re.Pattern[str]] = re.compile(
    r"[^.;:!?]{0,40}?(?::|=|\bwas|\bwere|\btotal(?:l?ed)?|\bamounted to|\bstood at|\bfue de|"
    r"\bfueron|\bascend(?:io|ieron|ia)? a|\bs'eleve(?:nt)? a|\bs'elevait a|\best de|\betait de)\s*$"
)
_EXACT_THOUSANDS: Final[re.Pattern[str]] = re.compile(r"\d{1,3}[.,]\d{3}")
#: Words before a number that compare it with the figure before it, in its unit and sense.
COMPARISON_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:compared (?:with|to)|against|versus|vs\.?|contre|frente a|en comparacion con|"
    r"comparad[oa]s? con|par rapport a|up from|down from|bringing (?:the|its) total "
    r"(?:\w+ ){0,4}to|for a total of|soit un total de|portant (?:le|son) total (?:\w+ ){0,4}a|"
    r"(?:elevando|eleva) (?:el|su) total (?:\w+ ){0,4}a)\s*$"
)
#: What may follow a number that repeats the figure before it: no noun of its own.
_DITTO_END: Final[re.Pattern[str]] = re.compile(
    r"\s*(?:$|[,.;:()]|\b(?:in|en|for|during|durante|pour|au|the|de|and|et|y|at|a|as|on|el)\b)"
)
#: Short scale letters written after an amount of money.
_MONEY_SCALES: Final[dict[str, float]] = {"m": 1e6, "mln": 1e6, "k": 1e3, "b": 1e9}
_MONEY_SCALE: Final[re.Pattern[str]] = re.compile(r" ?(mln|m|k|b)\b")
#: "45 (2021), 38 (2020)": a list of yearly figures repeats the first one's sense.
_YEAR_ASIDE: Final[re.Pattern[str]] = re.compile(r"\s*\(\s*(?:19|20)\d\d\s*\)")
_LIST_SEPARATOR: Final[re.Pattern[str]] = re.compile(r"\s*[,;]\s*(?:and |et |y )?")
#: "2,450 of them received ...": the noun is the one of the count before.
_ANAPHOR_AFTER: Final[re.Pattern[str]] = re.compile(
    r"\s+(?:of them|of whom|d'entre eux|d'entre elles|de ellos|de ellas)\b"
    r"(?!\s+(?:were|was|are|is|eran|era|son|fueron|etaient|sont|ont ete)\b)"
)
#: Nouns a later "of them" may stand for: people, not mines.
_ANAPHOR_NOUNS: Final[frozenset[str]] = frozenset({PEOPLE, CASUALTY, SURVIVOR})


def _noun(match: re.Match[str]) -> str:
    index = next(i for i, value in enumerate(match.groups()) if value is not None)
    return _NOUN_GROUPS[index][0]


def count_value(number: NumberMatch) -> float | None:
    """A whole count; "1.234 mines" in English or "1,234 personnes" in French is a thousand."""
    if number.value.is_integer():
        return number.value
    if _EXACT_THOUSANDS.fullmatch(number.raw):
        return float(re.sub(r"\D", "", number.raw))
    return None


def _money(folded: str, number: NumberMatch, other_dollars: Callable[[], bool]) -> str | None:
    """``USD`` or ``EUR`` when a currency is written next to the number, ``OTHER`` for another
    currency ("AUD 10 million", "COP 2,000 million"), else None. ``other_dollars`` says whether
    the text names a dollar other than the US one; it is asked only for a bare ``$``."""
    before = _CURRENCY_BEFORE.search(folded, max(0, number.start - 12), number.start)
    after = _CURRENCY_AFTER.match(folded, number.end)
    for found in (before, after):
        if not found:
            continue
        if found.groupdict().get("other"):
            return OTHER
        if found.group("usd"):
            return USD
        if found.group("eur"):
            return EUR
        if found.group("bare") and not other_dollars():
            return USD
    return None


def _count(folded: str, number: NumberMatch) -> tuple[str, int] | None:
    """The noun of a count and where it ends: written after the number, or as a label before."""
    after = _NOUN_AFTER.match(folded, number.end)
    if after:
        noun = _noun(after)
        if noun == MINES and _ANTI_VEHICLE_AFTER.match(folded, after.end()):
            return None
        return noun, after.end()
    words = list(_LABEL_WORD.finditer(folded, max(0, number.start - 70), number.start))
    for word in reversed(words):  # the label nearest the number
        if _LABEL_TAIL.match(folded, word.end(), number.start):
            inner = _NOUN_AFTER.match(" " + word.group(0))
            return (_noun(inner) if inner else PEOPLE), number.end
    return None


def _in_year_list(folded: str, previous: Quantity, number: NumberMatch) -> bool:
    """Whether ``number`` follows ``previous`` in a list like "45 (2021), 38 (2020)"."""
    aside = _YEAR_ASIDE.match(folded, previous.end)
    separator = aside and _LIST_SEPARATOR.match(folded, aside.end())
    return bool(separator and separator.end() == number.start
                and _YEAR_ASIDE.match(folded, number.end))


def _not_a_figure(folded: str, number: NumberMatch) -> bool:
    """A percentage, an ordinal, a time, a duration, or the number of an article or a page."""
    return bool(
        _NOT_A_FIGURE_AFTER.match(folded, number.end)
        or REFERENCE_BEFORE.search(folded, max(0, number.start - 25), number.start)
    )


def _amount(text: str, folded: str, number: NumberMatch, currency: str) -> Quantity:
    value, end = number.value, number.end
    short = _MONEY_SCALE.match(folded, end)
    if short and value < 10_000:  # "€2.5m", "US$ 3 mln", "USD 450k"
        value, end = value * _MONEY_SCALES[short.group(1)], short.end()
    return Quantity(currency, value, number.start, end, text[number.start:end])


def _counted(
    text: str, folded: str, number: NumberMatch, found: list[Quantity], last: Quantity | None
) -> Quantity | None:
    """A count of mines or people, with its noun, or one that leans on the count before it."""
    value = count_value(number)
    if value is None:
        return None
    count = _count(folded, number)
    if count is None and last and _ANAPHOR_AFTER.match(folded, number.end):
        count = last.noun, number.end  # "88,000 survivors ... 2,450 of them received devices"
    elif count is None and found and _DITTO_END.match(folded, number.end) and (
        COMPARISON_BEFORE.search(folded, max(0, number.start - 60), number.start)
        or _in_year_list(folded, found[-1], number)
    ):
        count = DITTO, number.end
    if count is None:
        return None
    noun, end = count
    return Quantity(COUNT, value, number.start, end, text[number.start:end], noun)


def find_quantities(
    text: str, folded: str, language: str, blocked: list[tuple[int, int]]
) -> list[Quantity]:
    """The quantities of ``text`` in order; numbers inside ``blocked`` spans (dates) are skipped.

    ``folded`` is ``fold_keep_offsets(text)``.
    """
    other_dollars = functools.cache(lambda: bool(_OTHER_DOLLARS.search(folded)))
    spans = sorted(blocked)
    starts = [low for low, _ in spans]
    found: list[Quantity] = []
    last_count: Quantity | None = None
    for number in find_numbers(text, language):
        index = bisect.bisect_right(starts, number.start) - 1
        if (index >= 0 and number.start < spans[index][1]) or _not_a_figure(folded, number):
            continue
        currency = _money(folded, number, other_dollars)
        if currency:
            if currency != OTHER:
                found.append(_amount(text, folded, number, currency))
            continue
        if looks_like_year(number):
            continue
        unit = area_unit_at(text, number.end, folded)
        if unit:
            factor, end = unit
            value = round(number.value * factor, 6)
            found.append(Quantity(AREA, value, number.start, end, text[number.start:end]))
            continue
        count = _counted(text, folded, number, found, last_count)
        if count:
            found.append(count)
            last_count = count if count.noun in _ANAPHOR_NOUNS else last_count
    return found
