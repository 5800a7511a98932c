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


@pytest.fixture
def fresh_identifier(tmp_path, monkeypatch):
    """The identifier loaded anew, with its cache in tmp_path: the cache file's path."""
    monkeypatch.setenv("OAP_CACHE", str(tmp_path / "cache"))
    language._load_identifier.cache_clear()
    yield language.model_cache()
    language._load_identifier.cache_clear()


def test_the_model_is_kept_ready_to_load_and_tells_the_same_languages(
    fresh_identifier, monkeypatch
) -> None:
    first = {code: language.detect_language(text) for code, text in TEXTS.items()}
    assert list(fresh_identifier.parent.iterdir()) == [fresh_identifier]

    def packaged_model_opened():
        raise AssertionError("the packaged model was opened although the cache holds it")

    monkeypatch.setattr(language, "_model_arrays", packaged_model_opened)
    language._load_identifier.cache_clear()
    assert {code: language.detect_language(text) for code, text in TEXTS.items()} == first
    assert first == {code: code for code in TEXTS}


def test_a_damaged_cache_is_replaced(fresh_identifier) -> None:
    damaged = fresh_identifier
    damaged.parent.mkdir()
    damaged.write_bytes(b"PK\x03\x04 cut short")
    assert language.detect_language(TEXTS["es"]) == "es"
    assert damaged.stat().st_size > 1_000_000


def test_a_cache_that_cannot_be_written_only_slows_the_start(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("OAP_CACHE", str(blocker / "oap"))
    language._load_identifier.cache_clear()
    try:
        assert language.detect_language(TEXTS["en"]) == "en"
    finally:
        language._load_identifier.cache_clear()
    assert blocker.read_text() == "a file where the cache folder would be"
