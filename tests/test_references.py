"""Explicit mentions of Oslo Action Plan actions by number, in five languages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.extraction.references import find_action_references


def numbers(text: str) -> list[int]:
    return [ref.action_no for ref in find_action_references(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Action 21", [21]),
        ("In line with Action 21, Colombia cleared 1,234 m².", [21]),
        ("Actions 18 to 20 concern survey.", [18, 19, 20]),
        ("Actions 18-20", [18, 19, 20]),
        ("Actions 18–20", [18, 19, 20]),
        ("Actions 33-35 of the OAP", [33, 34, 35]),
        ("Progress on actions 1, 2 and 5 is described below.", [1, 2, 5]),
        ("Actions 1, 2, and 5", [1, 2, 5]),
        ("Actions 12, 13 & 14", [12, 13, 14]),
        ("As called for by OAP #27, the State reported.", [27]),
        ("OAP Action 27", [27]),
        ("This is action 44 of the Oslo Action Plan.", [44]),
        ("Action n° 21 du Plan d'action d'Oslo", [21]),
        ("Action nº 21", [21]),
        ("action no 21", [21]),
        ("Action No. 21", [21]),
        ("Conformément aux actions 28 et 29, le pays a détruit ses stocks.", [28, 29]),
        ("actions 18 à 20", [18, 19, 20]),
        ("actions du 18 au 20", [18, 19, 20]),
        ("Acción 27 del Plan de Acción de Oslo", [27]),
        ("acciones 33 a 35", [33, 34, 35]),
        ("acciones de la 18 a la 20", [18, 19, 20]),
        ("acciones 1, 2 y 5", [1, 2, 5]),
        ("Acción n.º 12", [12]),
        ("accion 4 sin tilde", [4]),
        ("ACCIÓN 9", [9]),
        ("Action #5", [5]),
        ("(Action 21)", [21]),
        ("Actions 18, 19 and 20 of the OAP", [18, 19, 20]),
        ("Action 36: Ensure that ...", [36]),
        ("ACTION 21 – CLEARANCE", [21]),
        ("Actions #18-#20", [18, 19, 20]),
        ("Action 21 and Action 22 ... Action 21 again", [21, 22]),
        ("Under Actions 21 and 22, 15 mines were destroyed.", [21, 22]),
        ("الإجراء 21", [21]),
        ("الإجراءات 18 إلى 20", [18, 19, 20]),
        ("وفقا للإجراء رقم 7", [7]),
        ("الإجراء ٢١", [21]),
        ("Действие 21", [21]),
        ("действия 18-20", [18, 19, 20]),
        ("в рамках действий 18 и 19", [18, 19]),
        ("мера 21", [21]),
        ("Меры 5, 6 и 7", [5, 6, 7]),
        ("Actions 1-50", list(range(1, 51))),
        ("Actions 18 and 19 and 20", [18, 19, 20]),
        ("Actions 1, 2 and 3, 12 people were trained", [1, 2, 3]),
        ("OAP Actions #1 and #3", [1, 3]),
        ("les actions nos 1 à 3 et 5", [1, 2, 3, 5]),
        ("l'action n°12 du PAO", [12]),
        ("Actions 1 – 3", [1, 2, 3]),
        ("In line with Action 21, in the national work plan, areas are ranked.", [21]),
        ("Action 4 of the Maputo Action Plan and Action 5 of the Oslo Action Plan", [5]),
    ],
)
def test_action_references(text: str, expected: list[int]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Article 5",
        "Article 7 report",
        "paragraph 3",
        "resolution 2365",
        "page 3 of 5",
        "Page 3 of 5 - 2020-2024",
        "Oslo Action Plan 2020-2024",
        "Action Plan 2020",
        "the Maputo Action Plan",
        "an action plan for 2023",
        "18MSP",
        "Tel. +41 22 917 12 34",
        "Action 4 of the Maputo Action Plan",
        "Action 3 of the National Mine Action Strategy",
        "Action 2.3 of the national strategy",
        "Action 51",
        "Action 0",
        "Actions 20-18",
        "mine action 21 staff were trained",
        "humanitarian mine action 5 operators",
        "transaction 5",
        "interaction 12",
        "Action plan 2021-2025",
        "medidas de 5 a 10 metros",
        "In 2021, 21 actions were taken",
    ],
)
def test_not_action_references(text: str) -> None:
    assert numbers(text) == []


def test_comma_after_a_single_action_is_no_list() -> None:
    assert numbers("Under Action 21, 15 mines were destroyed") == [21]
    assert numbers("Action 5, 12 000 m² were cleared") == [5]


def test_reference_offsets_and_evidence() -> None:
    text = "Colombia reports progress on Actions 18 to 20 of the Oslo Action Plan in 2021."
    refs = find_action_references(text)
    assert [r.action_no for r in refs] == [18, 19, 20]
    for ref in refs:
        assert text[ref.start:ref.end] == "Actions 18 to 20"
        assert "Actions 18 to 20" in ref.evidence
        assert "Colombia" in ref.evidence
    assert all(ref.start == refs[0].start for ref in refs)


def test_one_reference_per_number_at_its_first_mention() -> None:
    text = "Action 21 is on track. See also Action 21 and Action 5."
    refs = find_action_references(text)
    assert [(r.action_no, r.start) for r in refs] == [(21, 0), (5, text.index("Action 5"))]


@given(st.text(max_size=300))
def test_random_text_gives_only_valid_actions(text: str) -> None:
    for ref in find_action_references(text):
        assert 1 <= ref.action_no <= 50
        assert 0 <= ref.start < ref.end <= len(text)


@given(
    st.sampled_from(["Action", "action", "ACTION", "Acción", "accion", "Действие", "الإجراء"]),
    st.integers(min_value=0, max_value=3000),
    st.sampled_from(["", ".", ":", " of the OAP", ", which"]),
)
def test_any_single_number_is_kept_only_in_range(word: str, number: int, tail: str) -> None:
    found = numbers(f"Report on {word} {number}{tail}")
    assert found == ([number] if 1 <= number <= 50 else [])


@given(st.integers(min_value=1, max_value=50), st.integers(min_value=1, max_value=50))
def test_ranges_expand_only_upwards(first: int, last: int) -> None:
    found = numbers(f"Actions {first} to {last}")
    assert found == (list(range(first, last + 1)) if first < last else [])
