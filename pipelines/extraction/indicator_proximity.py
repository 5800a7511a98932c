"""How close a word is to a figure in a sentence, the measure every prose rule shares.

The cost of a (figure, word) pair counts the content characters between them, with function
words ("were", "through", "a total of", "ont été", "mediante") left out, plus a penalty for
each clause break, conjunction, percentage or release verb in between; another figure in
between rules the pair out. "cancelled 120,000 m²" costs nothing; "cleared, 45,000 m²" costs
a comma.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Protocol

from pipelines.extraction.indicator_quantities import Quantity
from pipelines.extraction.indicator_vocabulary import RELEASE_WORDS
from pipelines.extraction.keyword_tables import KeywordTable
from pipelines.extraction.vocabulary import alternation

#: Largest cost (characters of content words, plus clause breaks) between a figure and its word.
MAX_COST: Final[float] = 70.0
BREAK_COST: Final[float] = 40.0
CONJUNCTION_COST: Final[float] = 25.0
#: A percentage or another figure between a word and a figure: the word is theirs.
BLOCKING_COST: Final[float] = 100.0
#: "the remaining 200 m² were cancelled": an adjective before the figure yields to the verb.
ADJECTIVE_COST: Final[float] = 12.0
AFTER_COST: Final[float] = 3.0
#: Most characters between a figure and a word that may still be its word.
MAX_GAP: Final[int] = 200


@dataclass(frozen=True)
class Hit:
    """A keyword found in a sentence and the indicator (or context) it stands for."""

    key: str
    start: int
    end: int


_BREAKS: Final = re.compile(r"[,;()\[\]]")
_CONJUNCTIONS: Final = re.compile(
    r"\b(?:and|while|whereas|but|et|tandis que|alors que|mais|y|mientras|pero|as well as)\b"
)
_CLAUSE_EDGE: Final = re.compile(
    r"[,;:()\[\]]|\b(?:and|while|whereas|but|et|tandis que|alors que|mais|y|mientras|pero)\b"
)
_FUNCTION_WORDS: Final = re.compile(
    r"\b(?:a total of|an? (?:area|surface|total) of|total\w*|some|approximately|approx|about|"
    r"around|over|more than|nearly|almost|up to|the|of|land|lands|area|areas|surface|were|was|"
    r"has been|have been|had been|been|is|are|be|being|through|by|via|using|thanks to|by means "
    r"of|in|it|its|their|une? superficie (?:totale )?de|un total de|une? surface de|environ|"
    r"plus de|pres de|de|des|du|la|le|les|l'|ont ete|a ete|ete|sont|est|par|grace a|au moyen de|"
    r"en|terres?|terrains?|un area de|una superficie de|aproximadamente|mas de|casi|unos|unas|"
    r"cerca de|el|los|las|fueron|fue|han sido|ha sido|sido|se|mediante|por|a traves de|"
    r"gracias a|tierras?|terrenos?|respectiv\w*|(?:19|20)\d\d)\b|[:=\-–.]"
)
_RELEASE: Final = re.compile(alternation(RELEASE_WORDS))
_SPACE_AND_BREAKS: Final = re.compile(r"[\s,;()\[\]]")
#: "(2021)", "(m²)", "(NTS)": a short aside in brackets is no clause break.
_SHORT_ASIDE: Final = re.compile(r"\([^()%\d]{0,12}\)|\(\s*(?:19|20)\d\d\s*\)")


@dataclass(frozen=True)
class Hits:
    """Keyword hits of a sentence in text order, searchable by position."""

    items: tuple[Hit, ...] = ()
    starts: tuple[int, ...] = ()

    @classmethod
    def of(cls, hits: Sequence[Hit]) -> Hits:
        ordered = tuple(sorted(hits, key=lambda h: (h.start, -h.end)))
        return cls(ordered, tuple(h.start for h in ordered))

    def near(self, quantity: Quantity) -> tuple[Hit, ...]:
        """The hits close enough to a quantity to be its word."""
        low = bisect.bisect_left(self.starts, quantity.start - MAX_GAP)
        return self.items[low:bisect.bisect_right(self.starts, quantity.end + MAX_GAP)]

    def inside(self, span: tuple[int, int]) -> tuple[Hit, ...]:
        low = bisect.bisect_left(self.starts, span[0])
        return tuple(h for h in self.items[low:bisect.bisect_left(self.starts, span[1])]
                     if h.end <= span[1])

    def without(self, key: str) -> Hits:
        return Hits.of([h for h in self.items if h.key != key])

    @property
    def keys(self) -> set[str]:
        return {h.key for h in self.items}


def find_hits(table: KeywordTable, folded: str, span: tuple[int, int]) -> Hits:
    """Keyword hits in a span, without those inside a longer hit ("por despejar")."""
    hits = Hits.of([
        Hit(key, m.start(), m.end())
        for key, pattern in table.for_text(folded, *span).items()
        for m in pattern.finditer(folded, *span)
    ])
    kept: list[Hit] = []
    reach, widest = -1, (-1, -1)
    for hit in hits.items:
        if hit.end <= reach and (hit.start, hit.end) != widest:
            continue
        kept.append(hit)
        if hit.end > reach:
            reach, widest = hit.end, (hit.start, hit.end)
    return Hits.of(kept)


def cost(folded: str, quantity: Quantity, hit: Hit, others: Sequence[int] = ()) -> float:
    """How far a word is from a figure: content characters and clause breaks between them.

    ``others`` are the sorted start offsets of the other figures of the sentence.
    """
    after = hit.start >= quantity.end
    if not after and hit.end > quantity.start:
        return 0.0
    low, high = (quantity.end, hit.start) if after else (hit.end, quantity.start)
    between = bisect.bisect_left(others, high) - bisect.bisect_left(others, low)
    if high - low > MAX_GAP or between:
        return math.inf  # too far, or another figure stands between them
    gap = _SHORT_ASIDE.sub(" ", folded[low:high])
    content = _SPACE_AND_BREAKS.sub("", _FUNCTION_WORDS.sub(" ", gap))
    total = len(content) + BREAK_COST * len(_BREAKS.findall(gap))
    total += CONJUNCTION_COST * len(_CONJUNCTIONS.findall(gap))
    total += BLOCKING_COST * ("%" in gap)
    if not after:  # "déminage ... ont traité 1 180 ha", but "1 ha was released through clearance"
        total += BLOCKING_COST * bool(_RELEASE.search(gap))
    if hit.key == "area_remaining_m2" and not after and not content:
        total += ADJECTIVE_COST
    return total + (AFTER_COST if after else 0.0)


class Spanned(Protocol):
    """Something written at a place in a text: a quantity, a year."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def clause(folded: str, quantity: Spanned, sentence: tuple[int, int]) -> tuple[int, int]:
    """The clause around a quantity (or a year): up to the nearest comma, semicolon or
    conjunction."""
    low = max(sentence[0], quantity.start - MAX_GAP)
    edges = [m.end() for m in _CLAUSE_EDGE.finditer(folded, low, quantity.start)]
    edge = _CLAUSE_EDGE.search(folded, quantity.end, min(sentence[1], quantity.end + MAX_GAP))
    return max(edges, default=low), edge.start() if edge else min(sentence[1],
                                                                   quantity.end + MAX_GAP)


def nearest(folded: str, quantity: Quantity, hits: Hits) -> Hit | None:
    """The hit closest to a quantity, the earlier one on a tie."""
    return min(hits.near(quantity), key=lambda h: (cost(folded, quantity, h), h.start),
               default=None)
