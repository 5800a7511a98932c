"""`oap search` on a hand-made warehouse: accents and word endings do not matter in English,
French and Spanish, hits are ranked and carry State, file, page and actions, and both engines
(DuckDB fts, SQLite FTS5) agree on what they find without writing to the warehouse."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from warehouse_fixture import build_fixture_warehouse

from pipelines.cli import main
from warehouse import queries
from warehouse.search import ENGINES, engine, fold, search, snippet


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_warehouse(tmp_path_factory.mktemp("search") / "oap.duckdb")


def find(warehouse: Path, words: str, using: str, **options):
    with queries.open_session(warehouse) as session:
        return search(session, words, using=using, **options).hits


def places(hits) -> set[tuple[str, int]]:
    return set(zip(hits.file_name, hits.page, strict=True))


COL_VICTIMS = {("colombia_im2021_oap.pdf", 3), ("colombia_im2022_asistencia_victimas.docx", 1),
               ("colombia_im2022_asistencia_victimas.docx", 2)}


def test_the_fts_extension_is_the_default_engine() -> None:
    assert engine() == "duckdb"  # duckdb-extension-fts is a dependency


@pytest.mark.parametrize("using", list(ENGINES))
@pytest.mark.parametrize("words", ["víctimas", "victimas", "VICTIMAS", "víctima"])
def test_spanish_with_or_without_accents(warehouse, using, words) -> None:
    assert places(find(warehouse, words, using)) == COL_VICTIMS


@pytest.mark.parametrize("using", list(ENGINES))
@pytest.mark.parametrize("words", ["dépollué", "depollue", "Dépollue"])
def test_french_with_or_without_accents(warehouse, using, words) -> None:
    hits = find(warehouse, words, using)
    assert list(hits.state_iso3) == ["SEN"] and list(hits.page) == [1]
    assert hits.actions.iloc[0] == "21 (progress)" and hits.language.iloc[0] == "fr"


@pytest.mark.parametrize("using", list(ENGINES))
def test_english_word_endings_are_stemmed(warehouse, using) -> None:
    hits = find(warehouse, "survivor", using)  # the text says "mine survivors"
    assert ("cambodia_im2022_update.pdf", 3) in places(hits)
    stock = find(warehouse, "stockpiled mines destroyed", using)
    assert set(stock.state_iso3) == {"UKR", "GRC"}


@pytest.mark.parametrize("using", list(ENGINES))
def test_hits_are_ranked_and_carry_page_and_actions(warehouse, using) -> None:
    hits = find(warehouse, "rehabilitación sobrevivientes", using, every=False)
    assert list(hits["rank"]) == list(range(1, len(hits) + 1))
    assert hits.score.is_monotonic_decreasing and len(hits) >= 2
    best = hits.iloc[0]  # the only passage with both words
    assert (best.file_name, best.page, best.actions) == (
        "colombia_im2022_asistencia_victimas.docx", 3, "38 (progress)")
    assert best.state_name == "Colombia" and "1.245 sobrevivientes" in best.snippet
    assert len(find(warehouse, "rehabilitación sobrevivientes", using)) == 1  # all words


@pytest.mark.parametrize("using", list(ENGINES))
def test_withdrawn_documents_are_not_searched(warehouse, using) -> None:
    assert find(warehouse, "borrador", using).empty


@pytest.mark.parametrize("using", list(ENGINES))
def test_state_language_and_limit(warehouse, using) -> None:
    both = find(warehouse, "Article 7 report", using)
    assert set(both.state_iso3) == {"NOR", "GRC"}
    assert set(find(warehouse, "Article 7 report", using, state_iso3="NOR").state_iso3) == {"NOR"}
    french = find(warehouse, "article", using, language="fr")
    assert set(french.language) == {"fr"} and {"SEN", "FRA"} <= set(french.state_iso3)
    assert len(find(warehouse, "article", using, language="fr", limit=2)) == 2


def test_snippet_centres_on_the_match_and_folds_accents() -> None:
    text = "Introduction. " * 40 + "Se registraron 172 víctimas en 2021. " + "Fin. " * 40
    piece = snippet(text, ["victimas"], width=80)
    assert "víctimas" in piece and piece.startswith("…") and piece.endswith("…")
    assert fold("Víctimas ÉDUCATION") == "victimas education"
    assert len(fold("İstanbul")) == len("İstanbul")


def test_search_command_prints_blocks_and_writes_json(warehouse, capsys, tmp_path) -> None:
    before = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    assert main(["search", "victimas", "--warehouse", str(warehouse), "--state", "Colombie"]) == 0
    out = capsys.readouterr().out
    assert "1. Colombia (COL) - " in out and "p. 3 [es]" in out
    assert "actions 36 (progress)" in out
    output = tmp_path / "hits.json"
    assert main(["search", "éducation risques", "--warehouse", str(warehouse), "--format", "json",
                 "--output", str(output)]) == 0
    hits = json.loads(output.read_text(encoding="utf-8"))
    found = [(h["state_iso3"], h["page"], h["actions"]) for h in hits]
    assert found == [("SEN", 2, "30 (progress)")]
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == before


def test_search_without_words_is_refused(warehouse, capsys) -> None:
    assert main(["search", "!!", "--warehouse", str(warehouse)]) == 2
    assert "no words" in capsys.readouterr().err
