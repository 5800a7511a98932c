"""Mapping passages to OAP actions: by number, by theme, narrowed by thematic headings."""

import pytest

from pipelines.extraction.actions import ActionMatcher
from pipelines.extraction.model import Method, Passage, PassageKind, ProgressStatus
from pipelines.extraction.status import classify_status
from warehouse import reference


@pytest.fixture(scope="module")
def matcher() -> ActionMatcher:
    return ActionMatcher(reference.load_oap_actions(), reference.load_action_keywords(),
                         reference.load_section_headings())


def passage(text: str, heading_path: str = "", n: int = 1) -> Passage:
    return Passage(passage_no=n, page=1, kind=PassageKind.PARAGRAPH, text=text,
                   heading_path=heading_path)


@pytest.mark.parametrize(
    ("text", "heading", "action"),
    [
        ("The national database of mine victims was updated in 2021.", "", 36),
        ("La base de données des victimes est en cours de mise à jour.", "", 36),
        ("Se actualizó la base de datos de víctimas en 2021.", "", 36),
        ("Survivors received peer support and psychosocial support from trained survivors.", "", 39),
        ("Le soutien psychosocial et le soutien par les pairs ont été renforcés.", "", 39),
        ("Risk education was integrated into the school curriculum in affected provinces.", "", 28),
    ],
)
def test_inferred_from_theme_in_three_languages(matcher, text, heading, action):
    found = matcher.mentions([passage(text, heading)])
    assert action in {m.action_no for m in found}
    assert all(m.method is Method.INFERRED for m in found)


def test_explicit_number_is_explicit_and_not_inferred_again(matcher):
    found = matcher.mentions([passage("In line with Action 36, the victims database was updated.")])
    assert [(m.action_no, m.method) for m in found] == [(36, Method.EXPLICIT)]


def test_passages_under_an_explicit_heading_are_not_inferred(matcher):
    heading = Passage(1, 1, PassageKind.HEADING, "Action 36 - Database", "")
    body = passage("The victims database was updated.", "Action 36 - Database", n=2)
    found = matcher.mentions([heading, body])
    assert [(m.action_no, m.passage_no) for m in found] == [(36, 1)]


def test_a_thematic_heading_narrows_to_its_section(matcher):
    assert "VII" in matcher.heading_sections("Asistencia a las víctimas")
    assert "VII" in matcher.heading_sections("Assistance aux victimes")


def test_text_without_theme_maps_to_nothing(matcher):
    assert matcher.mentions([passage("Mr President, thank you for giving me the floor.")]) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("We request technical assistance to complete survey in the north.", ProgressStatus.REQUEST),
        ("Le manque de financement a retardé les opérations.", ProgressStatus.CHALLENGE),
        ("Chile completed the destruction of its stockpile in 2001.", ProgressStatus.COMPLETED),
        ("El Perú prevé concluir el desminado en 2024.", ProgressStatus.PLAN),
        ("In 2021 we cleared 10 hectares.", ProgressStatus.PROGRESS),
    ],
)
def test_status_of_a_passage(text, status):
    assert classify_status(text) is status
