"""The language of a document: scripts decide Arabic and Russian, a model tells EN/FR/ES apart."""

import pytest

from sources import language

TEXTS = {
    "en": "In 2021 the national authority released 1,250,000 square metres of land through "
          "technical survey and clearance, and delivered risk education to 12,000 people.",
    "fr": "En 2021, l'autorité nationale a remis à disposition 1 250 000 mètres carrés de terres "
          "par enquête technique et dépollution, et sensibilisé 12 000 personnes aux risques.",
    "es": "En 2021 la autoridad nacional liberó 1.250.000 metros cuadrados de tierras mediante "
          "estudios técnicos y despeje, y brindó educación sobre el riesgo a 12.000 personas.",
    "ar": "في عام 2021 أفرجت السلطة الوطنية عن 1250000 متر مربع من الأراضي من خلال المسح التقني والتطهير.",
    "ru": "В 2021 году национальный орган высвободил 1 250 000 квадратных метров земли путем "
          "технического обследования и расчистки.",
}


@pytest.mark.parametrize(("expected", "text"), TEXTS.items())
def test_each_language_is_told(expected: str, text: str) -> None:
    assert language.detect_language(text) == expected


def test_too_little_text_is_undetermined() -> None:
    assert language.detect_language("Annex 2, p. 3") == language.UNDETERMINED


def test_loading_on_a_thread_and_detecting_at_once_load_the_identifier_once() -> None:
    language._load_identifier.cache_clear()
    thread = language.load_in_background()
    assert language.detect_language(TEXTS["fr"]) == "fr"  # waits for the thread's load
    thread.join()
    assert language._load_identifier.cache_info().misses == 1
