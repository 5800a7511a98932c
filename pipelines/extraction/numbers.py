"""Numbers and land areas as the States Parties write them, in five languages.

Reads ``1,234,567``, ``1 234 567`` (ordinary, no-break or narrow no-break spaces),
``1.234.567``, decimals ``2.5`` and ``2,5`` and scale words (``2.5 million``, ``1,2 millions``,
``3 millones``, ``4.2 billion``, ``2,5 млн``). A single separator followed by exactly three
digits is the one ambiguous case; it is read by the language's habit: ``1,234`` is a thousand
in English and Spanish but a decimal in French and Russian, ``1.234`` a thousand in French and
Spanish but a decimal in English. A number glued to a word by a hyphen ("PFM-1", "COVID-19")
is a name, not a number. Areas are converted to square metres (1 ha = 10,000 m²,
1 km² = 1,000,000 m²).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Final

from pipelines.extraction.vocabulary import AR_END, fold_keep_offsets


@dataclass(frozen=True)
class NumberMatch:
    """A number found in a text: its value and the span of the characters it was read from."""

    value: float
    start: int
    end: int
    raw: str


#: Digits with an optional repeated group separator and an optional decimal part. Matching
#: runs on folded text, where every kind of space has become an ordinary space.
_NUMBER: Final[re.Pattern[str]] = re.compile(
    r"(?<![\w.,])(?<![^\W\d_]-)"
    r"(?:\d{1,3}(?P<sep>[,.' ])\d{3}(?:(?P=sep)\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![.,]?\d)"
)
_SPACE_GROUPING: Final[re.Pattern[str]] = re.compile(r"[ \u00a0\u202f\u2009'’]")

#: Scale words after a number, with their factor and the languages that use them so.
SCALES: Final[tuple[tuple[str, Decimal, frozenset[str] | None], ...]] = (
    (r"mil millones", Decimal(10) ** 9, None),
    (r"milliards?", Decimal(10) ** 9, None),
    (r"billones|billon", Decimal(10) ** 12, frozenset({"es"})),
    (r"billions?|bn", Decimal(10) ** 9, None),
    (r"millions?|millones|millon|mn|mio\.?", Decimal(10) ** 6, None),
    (r"thousands?|milliers?", Decimal(10) ** 3, None),
    (r"mil", Decimal(10) ** 3, frozenset({"es"})),
    (rf"млрд\.?|миллиард\w*|مليار{AR_END}", Decimal(10) ** 9, None),
    (rf"млн\.?|миллион\w*|مليون{AR_END}|ملايين", Decimal(10) ** 6, None),
    (r"тыс\.?|тысяч\w*|الف|آلاف|الاف", Decimal(10) ** 3, None),
)
_SCALE: Final[re.Pattern[str]] = re.compile(
    r" ?(" + "|".join(f"(?:{word})" for word, _, _ in SCALES) + r")(?!\w)"
)

#: Area units in folded text and their size in square metres, largest unit names first.
#: "km?" and "m?" are "km²" and "m²" whose superscript two became a question mark, as
#: Tesseract often reads it and as a lost character is shown after a wrong encoding.
AREA_UNITS: Final[tuple[tuple[str, Decimal], ...]] = (
    (
        (
            r"km ?2|km\?|sq\.? ?km|square kilomet(?:re|er)s?|kilometres? carres?|"
            r"kilometros? cuadrados?|"
            rf"км ?2|квадратн\w* километр\w*|كم ?2|كيلومتر{AR_END} مربع{AR_END}"
        ),
        Decimal(1_000_000),
    ),
    (rf"hectares?|hectareas?|ha|гектар\w*|га|هكتار{AR_END}", Decimal(10_000)),
    (r"acres?", Decimal("4046.8564224")),
    (
        (
            r"m ?2|m\?|mts? ?2|sq\.? ?m(?:et(?:re|er)s?)?\.?|sqm|square met(?:re|er)s?|"
            r"metres? carres?|"
            rf"metros? cuadrados?|м ?2|кв\. ?м|квадратн\w* метр\w*|م ?2|متر{AR_END} مربع{AR_END}|"
            r"امتار مربعة"
        ),
        Decimal(1),
    ),
)
_AREA_UNIT: Final[re.Pattern[str]] = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<u{i}>{unit})" for i, (unit, _) in enumerate(AREA_UNITS))
    + r")(?![\w²])"
)
_UNIT_GAP: Final[re.Pattern[str]] = re.compile(r"[ \t]*(?:(?:of|de) )?")
#: Spanish "ha" is also the verb "has": "se ha despejado" is no hectare.
_SPANISH_VERB_AFTER_HA: Final[re.Pattern[str]] = re.compile(
    r" +(?:sido|\w+(?:ado|ido|to|cho|so|sto)s?\b)"
)

_THOUSANDS_BY_LANGUAGE: Final[dict[str, frozenset[str]]] = {
    "en": frozenset({","}),
    "fr": frozenset({"."}),
    "es": frozenset({",", "."}),
    "ru": frozenset(),
    "ar": frozenset({","}),
}


def _decimal(raw: str, language: str) -> Decimal | None:
    """The value of a matched number, or None when its separators contradict each other."""
    compact = _SPACE_GROUPING.sub("", raw)
    space_grouped = compact != raw
    commas, dots = compact.count(","), compact.count(".")
    if commas and dots:
        decimal_sep = "," if compact.rfind(",") > compact.rfind(".") else "."
        if compact.count(decimal_sep) > 1:
            return None
        head, tail = compact.split(decimal_sep)
        compact = head.replace("." if decimal_sep == "," else ",", "") + "." + tail
    elif commas or dots:
        sep = "," if commas else "."
        head, *tails = compact.split(sep)
        if len(tails) > 1 and any(len(tail) != 3 for tail in tails):
            return None
        grouping = (
            len(tails) > 1
            or (
                not space_grouped
                and len(tails[0]) == 3
                and head != "0"
                and len(head) <= 3
                and sep in _THOUSANDS_BY_LANGUAGE.get(language, frozenset({","}))
            )
        )
        compact = head + "".join(tails) if grouping else f"{head}.{tails[0]}"
    try:
        return Decimal(compact)
    except InvalidOperation:
        return None


def _scale(folded: str, end: int, language: str) -> tuple[Decimal, int]:
    """The factor of a scale word right after a number, and where that word ends."""
    match = _SCALE.match(folded, end)
    if not match:
        return Decimal(1), end
    word = match.group(1)
    for pattern, factor, languages in SCALES:
        if re.fullmatch(pattern, word):
            if languages is None or language in languages:
                return factor, match.end()
            break
    return Decimal(1), end


def find_numbers(text: str, language: str) -> list[NumberMatch]:
    """Every number in ``text`` with its scale word, in order; ``raw`` spans both.

    ``language`` is an ISO 639-1 code ("en", "fr-CH" reads as "fr"); others read as English.
    """
    language = (language or "")[:2].lower()
    folded = fold_keep_offsets(text)
    found: list[NumberMatch] = []
    for match in _NUMBER.finditer(folded):
        value = _decimal(match.group(0), language)
        if value is None:
            continue
        factor, end = _scale(folded, match.end(), language)
        start = match.start()
        found.append(NumberMatch(float(value * factor), start, end, text[start:end]))
    return found


def parse_number(text: str, language: str) -> float | None:
    """The value of ``text`` when it is exactly one number (with an optional scale word)."""
    stripped = text.strip()
    numbers = find_numbers(stripped, language)
    if len(numbers) == 1 and numbers[0].start == 0 and numbers[0].end == len(stripped):
        return numbers[0].value
    return None


def looks_like_year(number: NumberMatch) -> bool:
    """A plain four-digit integer between 1950 and 2060, as years are written."""
    return bool(re.fullmatch(r"(?:19[5-9]\d|20[0-5]\d|2060)", number.raw))


def _unit_factor(match: re.Match[str]) -> Decimal:
    index = next(i for i, value in enumerate(match.groups()) if value is not None)
    return AREA_UNITS[index][1]


def area_unit_at(text: str, position: int, folded: str | None = None) -> tuple[float, int] | None:
    """Square metres per unit and the unit's end when an area unit starts at ``position``.

    Spaces (and "of"/"de") between the number and its unit are skipped. ``folded`` is
    ``fold_keep_offsets(text)`` when the caller has it already.
    """
    folded = fold_keep_offsets(text) if folded is None else folded
    gap = _UNIT_GAP.match(folded, position)
    match = _AREA_UNIT.match(folded, gap.end() if gap else position)
    if not match:
        return None
    if match.group(0) == "ha" and _SPANISH_VERB_AFTER_HA.match(folded, match.end()):
        return None
    return float(_unit_factor(match)), match.end()


def area_unit_in(label: str) -> float | None:
    """Square metres per unit of the first area unit named in a label such as "Area (ha)"."""
    folded = fold_keep_offsets(label)
    for match in _AREA_UNIT.finditer(folded):
        if match.group(0) == "ha" and _SPANISH_VERB_AFTER_HA.match(folded, match.end()):
            continue
        return float(_unit_factor(match))
    return None


def find_areas(text: str, language: str) -> list[NumberMatch]:
    """Every number followed by an area unit, with its value in square metres.

    ``raw`` and the span cover the number and its unit. A year read as hectares
    ("en 2021 ha despejado") is already excluded by the verb check.
    """
    folded = fold_keep_offsets(text)
    found: list[NumberMatch] = []
    for number in find_numbers(text, language):
        unit = area_unit_at(text, number.end, folded)
        if unit is None:
            continue
        factor, end = unit
        value = float(Decimal(str(number.value)) * Decimal(str(factor)))
        found.append(NumberMatch(value, number.start, end, text[number.start:end]))
    return found
