"""Indicator figures of one sentence of running text.

Areas get their land-release indicator (``indicator_areas``), counts their mine or people
indicator (``indicator_counts``), amounts their currency. A figure in a clause that speaks of
a plan or a target ("will clear 5 km²", "prevé despejar") is not a result and is left out, and
so is an amount that is needed rather than spent ("requires EUR 1.6 million"). Each figure
takes the year its sentence gives it; the sentence's Article 5 deadline is read too.
"""

from __future__ import annotations

import re
from typing import Final

from pipelines.extraction.indicator_areas import area_indicators, without_restatements
from pipelines.extraction.indicator_counts import count_indicators
from pipelines.extraction.indicator_periods import SentenceYears, YearMention, deadline_year
from pipelines.extraction.indicator_proximity import clause
from pipelines.extraction.indicator_quantities import AREA, COUNT, EUR, USD, Quantity
from pipelines.extraction.keyword_tables import KeywordTable
from pipelines.extraction.model import INDICATOR_UNITS, IndicatorFinding
from pipelines.extraction.vocabulary import FUTURE_WORDS, NEED_WORDS, alternation

_FUTURE: Final = KeywordTable({"future": FUTURE_WORDS})
_NEED: Final = re.compile(alternation(NEED_WORDS))
_FUNDING: Final[dict[str, str]] = {USD: "funding_usd", EUR: "funding_eur"}
#: "Exchange rate used: USD 1 = NOK 8.60": a rate between currencies, not money given or spent.
_EXCHANGE_RATE: Final = re.compile(r"exchange rate|taux de change|tipo de cambio|tasa de cambio")


#: An equals sign beside the amount, past a currency code or sign ("1 EUR = 1.18 USD").
_EQUALS_AFTER: Final = re.compile(r"\s*(?:[a-z$€£¥]{1,4}\s*)?=")
_EQUALS_BEFORE: Final = re.compile(r"=\s*(?:[a-z$€£¥]{1,4}\s*)?$")


def _is_rate(
    folded: str, quantity: Quantity, sentence: tuple[int, int], own_clause: tuple[int, int]
) -> bool:
    """Whether an amount is one side of an exchange rate rather than a sum of money."""
    before = folded[max(sentence[0], quantity.start - 8):quantity.start]
    return bool(
        _EQUALS_AFTER.match(folded, quantity.end, sentence[1])
        or _EQUALS_BEFORE.search(before)
        or _EXCHANGE_RATE.search(folded, *own_clause)
    )


def _labelled(
    folded: str, sentence: tuple[int, int], quantities: list[Quantity], stockpile: bool,
    earlier_total: str | None,
) -> list[tuple[Quantity, str, str | None]]:
    """(quantity, indicator, disaggregation) for every quantity of the sentence that is a figure."""
    areas = without_restatements(folded, [q for q in quantities if q.kind == AREA])
    labelled = [
        (areas[i], indicator, None)
        for i, indicator in sorted(area_indicators(folded, areas, sentence).items())
    ]
    for quantity in quantities:
        if quantity.kind not in _FUNDING:
            continue
        own_clause = clause(folded, quantity, sentence)
        if not _NEED.search(folded, *own_clause) and not _is_rate(
            folded, quantity, sentence, own_clause
        ):
            labelled.append((quantity, _FUNDING[quantity.kind], None))
    counts = [q for q in quantities if q.kind == COUNT]
    labelled.extend(count_indicators(folded, counts, sentence, stockpile, earlier_total))
    return [
        item for item in labelled
        if not _speaks_of_plans(folded, clause(folded, item[0], sentence))
    ]


def planned_years(
    folded: str, mentions: list[YearMention], sentence: tuple[int, int]
) -> frozenset[int]:
    """Starts of the years of a sentence that stand in a clause about a plan or a target: the
    figures of the sentence's other clauses are results, which such a year does not date
    ("despejó 30.000 m² y prevé concluir en 2024")."""
    dating = [m for m in mentions if m.refers]
    if not dating or not _speaks_of_plans(folded, sentence):
        return frozenset()
    return frozenset(m.start for m in dating
                     if _speaks_of_plans(folded, clause(folded, m, sentence)))


def _speaks_of_plans(folded: str, span: tuple[int, int]) -> bool:
    """Whether ``folded[span]`` holds a word of the future, a plan or a target."""
    return bool(_FUTURE.for_text(folded, *span)["future"].search(folded, *span))


def sentence_findings(
    text: str,
    folded: str,
    sentence: tuple[int, int],
    quantities: list[Quantity],
    years: SentenceYears,
    stockpile: bool = False,
    earlier_total: str | None = None,
) -> list[IndicatorFinding]:
    """The figures of one sentence, given its quantities in text order and its years.

    ``stockpile`` says the passage is about stockpile destruction, not clearance;
    ``earlier_total`` is the indicator of the last total of people in the sentence before,
    which parts by sex or age take when the sentence opens on it ("Of these, 9 were women").
    """
    figures = [q.start for q in quantities]
    evidence = " ".join(text[sentence[0]:sentence[1]].split())
    findings = []
    labelled = (_labelled(folded, sentence, quantities, stockpile, earlier_total)
                if quantities else [])
    for quantity, indicator, disaggregation in labelled:
        year = years.year_for(folded, (quantity.start, quantity.end), figures)
        findings.append(
            IndicatorFinding(
                indicator, quantity.value, INDICATOR_UNITS[indicator], evidence, year,
                disaggregation, {"source": "prose", "raw": quantity.raw},
            )
        )
    deadline = deadline_year(folded[sentence[0]:sentence[1]]) if years.may_give_deadline else None
    if deadline is not None:
        findings.append(
            IndicatorFinding("article5_deadline", float(deadline), "year", evidence, None, None,
                             {"source": "prose"})
        )
    return findings
