"""Which indicator each count of a sentence is: mines, or people and their sex or age.

A count of mines is destroyed, stockpiled and destroyed, or retained, by the words of its
clause (or, when the clause has none, its sentence); mines that "remain" are none of these.
A count of people takes its noun's indicator ("45 victims", "350 survivors" with assistance),
else the sentence's only kind of people word, else the nearest. Parts by sex or age ("3 women")
take the indicator of the total before them, in their sentence or, when it opens on that total
("Of these, 9 were women"), in the sentence before; "compared with 65" repeats the figure
before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from pipelines.extraction.indicator_proximity import Hits, clause, find_hits, nearest
from pipelines.extraction.indicator_quantities import (
    CASUALTY,
    DITTO,
    MINES,
    SURVIVOR,
    Quantity,
)
from pipelines.extraction.indicator_vocabulary import (
    AREA_KEYWORDS,
    ASSISTANCE_WORDS,
    MINE_CONTEXT,
    PEOPLE_KEYWORDS,
)
from pipelines.extraction.keyword_tables import KeywordTable
from pipelines.extraction.model import DISAGGREGATIONS
from pipelines.extraction.vocabulary import alternation

_PEOPLE_WORDS: Final = KeywordTable(PEOPLE_KEYWORDS)
_MINE_WORDS: Final = KeywordTable(MINE_CONTEXT)
_ASSISTANCE: Final = re.compile(alternation(ASSISTANCE_WORDS))
_REMAIN: Final = re.compile(alternation(AREA_KEYWORDS["area_remaining_m2"]))
_CLEARANCE: Final = KeywordTable({"clearance": (
    AREA_KEYWORDS["area_cleared_m2"] + AREA_KEYWORDS["area_reduced_m2"]
    + AREA_KEYWORDS["area_cancelled_m2"] + ("land release", "operators", "survey\\w*")
)})
_KILLED_OR_INJURED: Final = re.compile(
    r"\b(?:killed|injured|wounded|dead|muert\w*|herid\w*|tue(?:e|s|es)?|blesse\w*|morts?)\b"
)
#: The opening of a sentence that speaks of the total of the sentence before.
_OF_THE_TOTAL: Final = re.compile(
    r"\s*(?:of (?:these|them|those|whom|this total|the total|that total)|among (?:them|these)|"
    r"(?:sur|de) ce total|du total|parmi (?:elles|eux|celles-ci|ceux-ci|ces \w+)|"
    r"d'entre (?:elles|eux)|del total|de (?:ese|este) total|de (?:ellas|ellos|estas|estos)|"
    r"entre (?:ellas|ellos|estas|estos))\b"
)
_PARTS_BY_OUTCOME: Final = re.compile(
    r"\d\s+(?:\w+\s+){0,2}(?:killed|injured|wounded|dead|muert\w*|herid\w*|tue(?:e|s|es)?|"
    r"blesse\w*|morts?)\b"
)


def stockpile_passage(folded: str) -> bool:
    """Whether a passage is about stockpiled mines and not about clearance."""
    return bool(_MINE_WORDS.for_text(folded)["stockpile"].search(folded)) and not (
        _CLEARANCE.for_text(folded)["clearance"].search(folded))


@dataclass(frozen=True)
class _Sentence:
    """What a sentence says once, shared by all its counts."""

    span: tuple[int, int]
    mines: Hits
    people: Hits  # people words, survivors only when the sentence speaks of assistance
    assisted: bool
    outcome_parts: bool  # "3 killed and 9 injured"
    stockpile: bool  # the passage is about stockpile destruction


def _mine_indicator(folded: str, quantity: Quantity, sentence: _Sentence) -> str | None:
    """Stockpiled, retained or destroyed mines, by the words of the clause (else the sentence).

    Mines destroyed in a passage about stockpiles are stockpiled mines.
    """
    own = clause(folded, quantity, sentence.span)
    if _REMAIN.search(folded, *own):
        return None  # "306,693 mines remain to be destroyed"
    for span in (own, sentence.span):
        if span is sentence.span and _REMAIN.search(folded, *span):
            return None  # "holds 3,364,433 mines, which remain to be destroyed"
        words = Hits.of(sentence.mines.inside(span))
        seen = words.keys
        if "retained" in seen and "destroyed" in seen:
            closest = nearest(folded, quantity, words.without("stockpile"))
            seen = {closest.key} if closest else seen
        if "retained" in seen:
            return "mines_retained"
        if "stockpile" in seen:
            return "stockpiled_mines_destroyed" if "destroyed" in seen else None
        if "destroyed" in seen:
            return "stockpiled_mines_destroyed" if sentence.stockpile else "ap_mines_destroyed"
    return None


def _people_indicator(folded: str, quantity: Quantity, sentence: _Sentence) -> str | None:
    """Casualties, survivors assisted or people reached by risk education.

    The noun decides ("45 victims"); else the sentence's only kind of people word does
    ("12 345 personnes ... sensibilisées"); else the nearest one.
    """
    assisted_clause = bool(_ASSISTANCE.search(folded, *clause(folded, quantity, sentence.span)))
    if quantity.noun == CASUALTY:
        return "survivors_assisted" if assisted_clause else "casualties"
    if quantity.noun == SURVIVOR:
        return "survivors_assisted" if assisted_clause else None
    if len(sentence.people.keys) > 1:
        hit = nearest(folded, quantity, sentence.people)
    else:
        hit = sentence.people.items[0] if sentence.people.items else None
    if hit is None or hit.key != "casualties":
        return hit.key if hit else None
    if assisted_clause:
        return "survivors_assisted"
    if _KILLED_OR_INJURED.match(folded, hit.start) and sentence.outcome_parts:
        return None  # "3 killed and 9 injured": parts of a total that is not written
    return "casualties"


def count_indicators(
    folded: str,
    counts: list[Quantity],
    span: tuple[int, int],
    stockpile: bool = False,
    earlier_total: str | None = None,
) -> Iterator[tuple[Quantity, str, str | None]]:
    """(count, indicator, disaggregation) for the counts of a sentence that are figures.

    ``stockpile`` says the passage is about stockpile destruction, not clearance;
    ``earlier_total`` is the indicator of the last total of people in the sentence before.
    """
    if not counts:
        return
    assisted = bool(_ASSISTANCE.search(folded, *span))
    people = find_hits(_PEOPLE_WORDS, folded, span)
    parts = _PARTS_BY_OUTCOME.finditer(folded, *span)
    sentence = _Sentence(
        span, find_hits(_MINE_WORDS, folded, span),
        people if assisted else people.without("survivors_assisted"), assisted,
        bool(next(parts, None) and next(parts, None)), stockpile,
    )
    total = earlier_total if earlier_total and _OF_THE_TOTAL.match(folded, span[0]) else None
    previous: tuple[str, str | None] | None = None
    for quantity in counts:
        disaggregation = quantity.noun if quantity.noun in DISAGGREGATIONS else None
        if quantity.noun == DITTO:
            indicator, disaggregation = previous if previous else (None, None)
        elif quantity.noun == MINES:
            indicator = _mine_indicator(folded, quantity, sentence)
        elif disaggregation and total:
            indicator = total
        else:
            indicator = _people_indicator(folded, quantity, sentence)
            if indicator and not disaggregation:
                total = indicator
        if indicator:
            previous = indicator, disaggregation
            yield quantity, indicator, disaggregation
