"""Numbers and areas as written in English, French and Spanish updates."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.extraction.numbers import (
    NumberMatch,
    area_unit_in,
    find_areas,
    find_numbers,
    looks_like_year,
    parse_number,
)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("1,234,567", "en", 1234567),
        ("1 234 567", "fr", 1234567),
        ("1\u00a0234\u00a0567", "fr", 1234567),
        ("1\u202f234\u202f567", "fr", 1234567),
        ("1 234 567", "en", 1234567),
        ("1.234.567", "es", 1234567),
        ("1.234.567", "fr", 1234567),
        ("2.5", "en", 2.5),
        ("2.5", "es", 2.5),
        ("2,5", "fr", 2.5),
        ("2,5", "es", 2.5),
        ("1,234", "en", 1234),
        ("1,5", "fr", 1.5),
        ("12,34", "es", 12.34),
        ("1.234", "es", 1234),
        ("1.234", "fr", 1234),
        ("1.234", "en", 1.234),
        ("1,234", "fr", 1.234),
        ("1,234", "es", 1234),
        ("0,125", "es", 0.125),
        ("1,234.56", "en", 1234.56),
        ("1.234,56", "es", 1234.56),
        ("1 234,56", "fr", 1234.56),
        ("2.5 million", "en", 2_500_000),
        ("1,2 millions", "fr", 1_200_000),
        ("3 millones", "es", 3_000_000),
        ("1,5 millones", "es", 1_500_000),
        ("4.2 billion", "en", 4_200_000_000),
        ("2 milliards", "fr", 2_000_000_000),
        ("1,5 mil millones", "es", 1_500_000_000),
        ("3 mil", "es", 3000),
        ("12 thousand", "en", 12000),
        ("  42  ", "en", 42),
        ("0", "en", 0),
        ("1 234,5", "ru", 1234.5),
        ("10,4", "ru", 10.4),
        ("2,5 млн", "ru", 2_500_000),
        ("12,460,315", "ar", 12460315),
        ("٢٠٢١", "ar", 2021),
        ("3 مليون", "ar", 3_000_000),
        ("1,234", "fr-CH", 1.234),
        ("1,234", "", 1234),
    ],
)
def test_parse_number(text: str, language: str, expected: float) -> None:
    assert parse_number(text, language) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("", "en"),
        ("abc", "en"),
        ("Article 5", "en"),
        ("3.2.1", "en"),
        ("1,234,56", "en"),
        ("12 mines", "en"),
        ("2020-2024", "en"),
        ("1 and 2", "en"),
    ],
)
def test_parse_number_rejects_what_is_not_one_number(text: str, language: str) -> None:
    assert parse_number(text, language) is None


def test_find_numbers_gives_spans_and_raw_text() -> None:
    text = "In 2021 Colombia cleared 1 234 567 m² and received US$ 2.5 million."
    found = find_numbers(text, "en")
    assert [n.value for n in found] == [2021, 1234567, 2500000]
    for number in found:
        assert text[number.start:number.end] == number.raw
    assert found[1].raw == "1 234 567"
    assert found[2].raw == "2.5 million"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Page 3 of 5", [3, 5]),
        ("18MSP", [18]),
        ("m2 and km2", []),
        ("COVID-19 and 2020-2024", [2020, 2024]),
        ("section 3.2.1", []),
        ("Actions 18, 19 and 20", [18, 19, 20]),
    ],
)
def test_find_numbers_keeps_digits_apart(text: str, values: list[float]) -> None:
    assert [n.value for n in find_numbers(text, "en")] == values


def test_space_grouping_does_not_join_a_year_and_a_figure() -> None:
    found = find_numbers("In 2021 150 000 m² were cleared", "en")
    assert [n.value for n in found] == [2021, 150000]


@pytest.mark.parametrize(
    ("text", "language", "square_metres"),
    [
        ("1,234,567 m²", "en", 1234567),
        ("1 234 567 m2", "fr", 1234567),
        ("12 sq m", "en", 12),
        ("12 sqm", "en", 12),
        ("5 square metres", "en", 5),
        ("5 square meters", "en", 5),
        ("3 km²", "en", 3_000_000),
        ("3 km2", "en", 3_000_000),
        ("1.5 sq km", "en", 1_500_000),
        ("21.4 km?", "en", 21_400_000),  # the superscript lost: OCR, or a wrong encoding
        ("5,000 m?", "en", 5_000),
        ("2.5 square kilometres", "en", 2_500_000),
        ("12.5 hectares", "en", 125_000),
        ("12,5 ha", "fr", 125_000),
        ("45 mètres carrés", "fr", 45),
        ("1,2 kilomètres carrés", "fr", 1_200_000),
        ("1.234.567 metros cuadrados", "es", 1234567),
        ("2 kilómetros cuadrados", "es", 2_000_000),
        ("10 hectáreas", "es", 100_000),
        ("1,5 millones de metros cuadrados", "es", 1_500_000),
        ("2.5 million square metres", "en", 2_500_000),
        ("1 245 300 квадратных метров", "ru", 1245300),
        ("10,4 км²", "ru", 10_400_000),
        ("12,460,315 مترًا مربعًا", "ar", 12460315),
        ("2,100 كيلومتر مربع", "ar", 2_100_000_000),
    ],
)
def test_find_areas_converts_to_square_metres(
    text: str, language: str, square_metres: float
) -> None:
    (area,) = find_areas(text, language)
    assert area.value == pytest.approx(square_metres)
    assert area.raw == text


@pytest.mark.parametrize(
    "text",
    [
        "En 2021 ha despejado la zona",
        "Colombia ha sido declarada",
        "50% of the area",
        "12 km of road",
        "5 m wide",
    ],
)
def test_find_areas_ignores_what_is_no_area(text: str) -> None:
    assert find_areas(text, "es") == []


@pytest.mark.parametrize(
    ("label", "factor"),
    [("Area (m²)", 1), ("Superficie (ha)", 10_000), ("Área (km2)", 1_000_000), ("Method", None)],
)
def test_area_unit_in_a_label(label: str, factor: float | None) -> None:
    assert area_unit_in(label) == factor


def test_looks_like_year() -> None:
    assert looks_like_year(NumberMatch(2021, 0, 4, "2021"))
    assert not looks_like_year(NumberMatch(2021, 0, 5, "2,021"))
    assert not looks_like_year(NumberMatch(1234, 0, 4, "1234"))


LANGUAGES = st.sampled_from(["en", "fr", "es", "ar", "ru", ""])
NUMBERISH = st.text(alphabet="0123456789 ,.'\u00a0\u202fmkhaillonesrd²%$€-", max_size=40)


@given(st.text(max_size=200), LANGUAGES)
def test_random_text_never_raises_and_values_are_finite(text: str, language: str) -> None:
    for match in find_numbers(text, language) + find_areas(text, language):
        assert math.isfinite(match.value) and match.value >= 0
        assert 0 <= match.start < match.end <= len(text)
    value = parse_number(text, language)
    assert value is None or (math.isfinite(value) and value >= 0)


@given(NUMBERISH, LANGUAGES)
def test_numberish_text_never_raises(text: str, language: str) -> None:
    for match in find_numbers(text, language):
        assert math.isfinite(match.value) and match.value >= 0
        assert text[match.start:match.end] == match.raw


@given(st.integers(min_value=0, max_value=10**12))
def test_english_grouping_round_trips(value: int) -> None:
    assert parse_number(f"{value:,}", "en") == value
    assert parse_number(f"{value:,}".replace(",", "\u00a0"), "fr") == value
    assert parse_number(f"{value:,}".replace(",", "."), "es") == value
