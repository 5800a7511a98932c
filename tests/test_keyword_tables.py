"""Keyword tables find the same words with or without their Arabic and Russian fragments."""

from __future__ import annotations

import pytest

from pipelines.extraction.indicator_vocabulary import AREA_KEYWORDS, MINE_CONTEXT, PEOPLE_KEYWORDS
from pipelines.extraction.keyword_tables import KeywordTable, needs_other_script
from pipelines.extraction.vocabulary import fold_keep_offsets

TEXTS = [
    "In 2021, 1,234,567 m² were cleared and 45,000 m² cancelled through non-technical survey.",
    "Au total, 2 500 m² ont été dépollués ; 12 zones restent à traiter (superficie restante).",
    "Se despejaron 3.200 m² y se destruyeron 1.500 minas almacenadas; 40 víctimas asistidas.",
    "Risk education reached 12,000 people, of whom 5,100 women and girls; 3 killed, 9 injured.",
    "В 2021 году очищено 1 200 000 м², техническое обследование: 50 000 м²; уничтожено 300 мин.",
    "تم تطهير 500,000 متر مربع في عام 2021 وتدمير 1,200 لغم مخزون.",
    "Mixed: cleared 100 m² et очищено 200 м², et تطهير 300.",
]


@pytest.mark.parametrize("table", [AREA_KEYWORDS, MINE_CONTEXT, PEOPLE_KEYWORDS],
                         ids=["areas", "mines", "people"])
def test_the_patterns_chosen_for_a_text_find_what_the_whole_table_finds(table) -> None:
    compiled = KeywordTable(table)
    for text in TEXTS:
        folded = fold_keep_offsets(text)
        chosen = compiled.for_text(folded)
        for key in compiled:
            assert [m.span() for m in chosen[key].finditer(folded)] == \
                [m.span() for m in compiled[key].finditer(folded)], (key, text)


def test_latin_text_is_searched_without_the_other_scripts() -> None:
    compiled = KeywordTable({"cleared": ("cleared", "очищен\\w*")})
    assert compiled.for_text("100 m² cleared")["cleared"].pattern == r"(?:\b(?:cleared)\b)"
    assert compiled.for_text("очищено 100")["cleared"] is compiled["cleared"]
    # only the span searched counts
    assert compiled.for_text("очищено; 100 cleared", 9, 20)["cleared"].pattern == \
        r"(?:\b(?:cleared)\b)"


def test_a_key_without_latin_words_matches_nothing_in_latin_text() -> None:
    compiled = KeywordTable({"ru": ("очищен\\w*",)})
    assert compiled.for_text("cleared").get("ru").search("") is None


@pytest.mark.parametrize(("fragment", "bound"), [
    ("очищен\\w*", True),
    ("(?:[وفبلك]?(?:ال)?|لل)تطهير[^\\s،؛.,;:()]*", True),
    ("(?<!не)техническ\\w* обследовани\\w*", True),
    ("(?<!non )technical surveys?", False),
    ("cleared", False),
    ("land release", False),
])
def test_which_fragments_need_another_script(fragment: str, bound: bool) -> None:
    assert needs_other_script(fragment) is bound
