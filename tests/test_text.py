"""The folded forms and term patterns the matchers share."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.extraction.patterns import at_word_start, top_level_alternatives, word_start
from pipelines.extraction.text import (
    TERM_GAP,
    content_words,
    fold,
    match_form,
    stem_pattern,
    word_bases,
)


def _decomposed_fold(text: str) -> str:
    """``fold`` written the obvious way, decomposing the whole text at once: the reference."""
    for before, after in {"’": "'", "‘": "'", "`": "'", "´": "'", "œ": "oe", "Œ": "Oe",
                          "æ": "ae", "Æ": "Ae"}.items():
        text = text.replace(before, after)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\s\u00a0\u202f]+", " ", text.lower()).strip()


@pytest.mark.parametrize(("text", "folded"), [
    ("Désminage  à Pétion-Ville", "desminage a petion-ville"),
    ("L’Œuvre des victimes", "l'oeuvre des victimes"),
    ("e\u0301te\u0301 (accents written apart)", "ete (accents written apart)"),
    ("ﬁnancement\u00a0: 2\u202f500 m²", "financement : 2 500 m2"),
    ("Разминирование Ёлки", "разминирование елки"),
])
def test_fold_removes_case_accents_and_spacing(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_fold_is_the_decomposition_without_marks(text: str) -> None:
    assert fold(text) == _decomposed_fold(text)


def _plain_stem_pattern(term: str) -> str:
    """The term pattern written the obvious way, with ``\\b`` first: the reference."""
    words = match_form(term).split()
    content = content_words(term)
    gap = rf"\s+(?:\S+\s+){{0,{TERM_GAP + len(words) - len(content)}}}?"
    return r"\b" + gap.join(re.escape(w) + r"\w{0,3}" for w in content) + r"\b"


TEXTS = [
    "mine",
    "mines were cleared",
    "landmines and mines",
    "de-mine: mine",
    "international ownership and national ownership",
    "national  ownership",
    "la base de donnees nationale des victimes des mines",
    "a base de datos de victimas",
    "2021 mine risk education",
    "land release 1 234 m2 of land released",
    "victim assistance; victims assisted",
]
TERMS = ["mine", "national ownership", "base de données des victimes", "mine risk education",
         "land release", "victim assistance", "base de datos de víctimas", "2021"]


@pytest.mark.parametrize("term", TERMS)
def test_a_term_pattern_matches_where_the_plain_pattern_does(term: str) -> None:
    fast, plain = re.compile(stem_pattern(term)), re.compile(_plain_stem_pattern(term))
    for text in TEXTS:
        folded = match_form(text)
        assert [m.span() for m in fast.finditer(folded)] == \
            [m.span() for m in plain.finditer(folded)], (term, text)


def test_a_word_start_is_not_found_inside_a_word() -> None:
    pattern = re.compile(word_start("mine"))
    assert pattern.search("mine").span() == (0, 4)
    assert pattern.search("anti-mine").span() == (5, 9)
    assert pattern.search("landmine") is None
    assert pattern.search("x landmine mines").span() == (11, 15)


@pytest.mark.parametrize(("term", "text", "found"), [
    ("توعية بمخاطر الغام", "أنشطة التوعية بمخاطر الألغام", "التوعية بمخاطر الالغام"),
    ("قاعدة بيانات ضحايا", "وقاعدة البيانات الوطنية لضحايا الألغام", "وقاعدة البيانات الوطنية لضحايا"),
    ("دعم نفسي", "والدعم النفسي", "والدعم النفسي"),
    ("دعم نفسي", "ودعمها النفسي", "ودعمها النفسي"),  # a pronoun ending the word
    ("دعم نفسي", "مدعوم نفسيا", None),  # inside another word
    ("техническ обследовани", "в ходе технического обследования", "технического обследования"),
    ("техническ обследовани", "по итогам нетехнического обследования", None),
    ("баз данн о пострадавш", "база данных о пострадавших", "база данных о пострадавших"),
])
def test_arabic_words_take_their_proclitics_and_russian_stems_their_endings(
    term: str, text: str, found: str | None
) -> None:
    match = re.search(stem_pattern(term), match_form(text))
    assert (match.group() if match else None) == found


def test_the_first_word_of_a_term_is_looked_up_without_an_ending_or_proclitics() -> None:
    assert {"توعية", "توعي", "مخاطر"} <= word_bases("والتوعية بمخاطر")
    assert "помощ" in word_bases("помощи")
    assert word_bases("mines ha") == {"mines", "mine", "min", "mi", "ha", "h"}


def test_a_term_pattern_opens_with_its_first_word() -> None:
    """What makes the search fast: the engine scans for the literal first word."""
    assert stem_pattern("national ownership").startswith("national")


@pytest.mark.parametrize(("fragment", "alternatives"), [
    ("a|b", ["a", "b"]),
    ("our (?:contribution|funding)|aporto", ["our (?:contribution|funding)", "aporto"]),
    (r"a\|b|c", [r"a\|b", "c"]),
    ("[|]x|y", ["[|]x", "y"]),
    ("[]|]x|y", ["[]|]x", "y"]),
    ("[^]|]x|y", ["[^]|]x", "y"]),
    ("[[]x|y", ["[[]x", "y"]),
    ("single", ["single"]),
])
def test_alternatives_are_split_only_at_the_top_level(fragment: str, alternatives: list[str]) -> None:
    assert top_level_alternatives(fragment) == alternatives


FRAGMENTS = [r"will", r"plan(?:s|ned)? to", r"s?he", r"\$", r"declare\w* (?:\w+ ){0,3}free",
             r"a|b(?:c|d)|[xy]z", r"(?:still|yet) open", r"1\.5"]
PROBES = ["will", "we will go", "goodwill", "he plans to", "planned to x", "she", "the", "$ 5",
          "US$5", "declared itself mine free", "a b bc bd xz yz ab", "still open; yet open",
          "1.5 and 21.5", "willpower will."]


@pytest.mark.parametrize("boundary", [r"\b", r"(?<!\w)"])
@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_a_fragment_at_a_word_start_matches_as_with_the_boundary_first(
    fragment: str, boundary: str
) -> None:
    fast = re.compile("|".join(at_word_start(fragment, boundary)))
    plain = re.compile(f"{boundary}(?:{fragment})")
    for probe in PROBES:
        assert [m.span() for m in fast.finditer(probe)] == \
            [m.span() for m in plain.finditer(probe)], (fragment, probe)


def test_letter_first_alternatives_open_with_their_letter() -> None:
    assert at_word_start("will|s?he|\\$") == ["w(?<!\\w\\w)ill", "\\b(?:s?he)", "\\b(?:\\$)"]


def test_statuses_are_those_of_the_cues_with_the_boundary_first() -> None:
    from pipelines.extraction.status import _COMPILED, STATUS_CUES

    probes = PROBES + ["the work was completed in 2021", "incompleted", "nous prevoyons",
                       "the survey was finalised", "tiene previsto", "de-mining will resume"]
    for (status, cues), (_, compiled) in zip(STATUS_CUES, _COMPILED, strict=True):
        plain = re.compile("|".join(cues))
        for probe in probes:
            assert bool(compiled.search(probe)) == bool(plain.search(probe)), (status, probe)


def test_a_status_cue_that_is_a_choice_keeps_its_form() -> None:
    from pipelines.extraction.status import _scan_friendly

    assert _scan_friendly(r"\bwill\b") == r"w(?<!\w\w)ill\b"
    assert _scan_friendly(r"\bwill|shall") == r"\bwill|shall"
    assert _scan_friendly("challeng\\w*") == "challeng\\w*"
