"""Which land-release indicator each area of a sentence is: cancelled, reduced, cleared, remaining.

Each area takes the nearest method word of its clause ("cancelled", "enquête technique",
"despejados", "remain"), one word for one area, nearest pairs first, so "cancelled 120,000 m²
through non-technical survey, reduced 45,000 m²" reads right. A word is shared along a list
("cleared 1,234 m² in 2021 and 2,345 m² in 2022"), and by a comparison ("down from 34.77 km²").
An area that no method word claims is what remains when it stands beside a name of
contaminated land ("the suspected hazardous area stood at 922.6 km²") and no release word.
The same area restated in another unit ("123 ha (1,230,000 m²)") is read once.
"""

from __future__ import annotations

import re
from typing import Final

from pipelines.extraction.indicator_proximity import (
    MAX_COST,
    Hit,
    Hits,
    clause,
    cost,
    find_hits,
)
from pipelines.extraction.indicator_quantities import COMPARISON_BEFORE, Quantity
from pipelines.extraction.indicator_vocabulary import (
    AREA_KEYWORDS,
    HAZARD_AREA_WORDS,
    RELEASE_WORDS,
)
from pipelines.extraction.keyword_tables import KeywordTable
from pipelines.extraction.vocabulary import alternation

REMAINING: Final[str] = "area_remaining_m2"
REDUCED: Final[str] = "area_reduced_m2"
RESTATEMENT_TOLERANCE: Final[float] = 0.03

_AREA_WORDS: Final = KeywordTable(AREA_KEYWORDS)
_HAZARD_WORDS: Final = KeywordTable({REMAINING: HAZARD_AREA_WORDS})
_RELEASE: Final = re.compile(alternation(RELEASE_WORDS))
_REDUCED_TO: Final = re.compile(r"\b(?:to|a|hasta|jusqu'a|до)\s*$")
_RESPECTIVELY: Final = re.compile(r"\brespectiv\w*")
_LIST_GAP: Final = re.compile(
    r"^(?:[\s,;()]|\b(?:and|et|y|in|en|during|durante|of land|de terres|de tierras?|"
    r"respectiv\w*)\b|\b(?:19|20)\d\d\b)*$"
)
_RESTATED: Final = re.compile(
    r"^\s*[(\[]?\s*(?:or|ou|o|soit|i\.e\.|es decir|c'est-a-dire|approximately|approx\.?|about|"
    r"environ|aproximadamente|equivalent to|equivalente a|equivalant a)?\s*$"
)


def without_restatements(folded: str, areas: list[Quantity]) -> list[Quantity]:
    """Areas minus the same area restated in another unit: "123 ha (1,230,000 m²)"."""
    kept: list[Quantity] = []
    for area in areas:
        previous = kept[-1] if kept else None
        if (
            previous
            and _RESTATED.match(folded[previous.end:area.start])
            and abs(previous.value - area.value) <= RESTATEMENT_TOLERANCE * max(previous.value, 1)
        ):
            continue
        kept.append(area)
    return kept


def _respectively(areas: list[Quantity], hits: Hits) -> dict[int, str] | None:
    """"Cancelled, reduced and cleared: 10, 20 and 30 ha respectively": words and areas in order."""
    ordered = hits.items
    if len(ordered) == len(areas) > 1 and len({h.key for h in ordered}) == len(ordered):
        return {i: hit.key for i, hit in enumerate(ordered)}
    return None


def _nearest_pairs(folded: str, areas: list[Quantity], hits: Hits) -> dict[int, int]:
    """Area index -> hit index, cheapest pairs first, each hit used once."""
    starts = [a.start for a in areas]
    index = {id(hit): j for j, hit in enumerate(hits.items)}
    pairs = sorted(
        (c, i, index[id(hit)])
        for i, area in enumerate(areas)
        for hit in hits.near(area)
        if (c := cost(folded, area, hit, starts)) <= MAX_COST
    )
    chosen: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in pairs:
        if i not in chosen and j not in used:
            chosen[i] = j
            used.add(j)
    return chosen


def _shared(
    folded: str, areas: list[Quantity], hits: tuple[Hit, ...], chosen: dict[int, int], i: int
) -> int | None:
    """The word of a neighbouring area when only a list or a comparison separates them."""
    if i - 1 in chosen and COMPARISON_BEFORE.search(
        folded, max(0, areas[i].start - 40), areas[i].start
    ):
        return chosen[i - 1]
    if (
        i - 1 in chosen
        and hits[chosen[i - 1]].end <= areas[i - 1].start
        and _LIST_GAP.match(folded[areas[i - 1].end:areas[i].start])
    ):
        return chosen[i - 1]
    if (
        i + 1 in chosen
        and hits[chosen[i + 1]].start >= areas[i + 1].end
        and _LIST_GAP.match(folded[areas[i].end:areas[i + 1].start])
    ):
        return chosen[i + 1]
    return None


def _contaminated(
    folded: str, area: Quantity, starts: list[int], hazards: Hits, sentence: tuple[int, int]
) -> bool:
    """An area beside a name of contaminated land, in a clause that releases nothing."""
    if _RELEASE.search(folded, *clause(folded, area, sentence)):
        return False
    return any(cost(folded, area, hit, starts) <= MAX_COST for hit in hazards.near(area))


def area_indicators(
    folded: str, areas: list[Quantity], sentence: tuple[int, int]
) -> dict[int, str]:
    """The indicator of each area of a sentence, by the area's index in ``areas``."""
    hits = find_hits(_AREA_WORDS, folded, sentence)
    if _RESPECTIVELY.search(folded, *sentence):
        ordered = _respectively(areas, hits)
        if ordered:
            return ordered
    chosen = _nearest_pairs(folded, areas, hits)
    for i in range(len(areas)):
        if i not in chosen:
            shared = _shared(folded, areas, hits.items, chosen, i)
            if shared is not None:
                chosen[i] = shared
    found = {i: hits.items[j].key for i, j in chosen.items()}
    for i, key in found.items():
        start = areas[i].start
        if key == REDUCED and _REDUCED_TO.search(folded, max(0, start - 20), start):
            found[i] = REMAINING  # "the remaining contamination was reduced to 4.2 km²"
    if len(found) < len(areas):
        hazards = find_hits(_HAZARD_WORDS, folded, sentence)
        starts = [a.start for a in areas]
        for i, area in enumerate(areas):
            if i not in found and _contaminated(folded, area, starts, hazards, sentence):
                found[i] = REMAINING
    return found
