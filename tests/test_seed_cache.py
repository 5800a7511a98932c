"""Reference seeds are checked again whenever they change, and only then."""

import shutil
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from pipelines.defs.reference import _load_and_check
from warehouse import reference
from warehouse.seed_cache import checked_seeds, seeds_digest


@pytest.fixture
def seeds(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(Path(str(reference.default_seeds_dir())), folder)
    monkeypatch.setattr(reference, "default_seeds_dir", lambda: folder)
    return folder


def test_unchanged_seeds_come_from_the_cache(seeds, tmp_path):
    cache = tmp_path / "cache"
    first, cached_first = checked_seeds(cache, _load_and_check)
    again, cached_again = checked_seeds(cache, _load_and_check)
    assert (cached_first, cached_again) == (False, True)
    assert set(again) == set(first) == {
        "oap_sections", "oap_actions", "action_keywords", "section_headings",
        "states_parties", "state_aliases", "meetings"}
    for name, frame in first.items():
        pd.testing.assert_frame_equal(again[name], frame)


def test_an_edited_seed_is_loaded_and_checked_again(seeds, tmp_path):
    cache = tmp_path / "cache"
    checked_seeds(cache, _load_and_check)
    before = seeds_digest()
    keywords = seeds / "action_keywords.csv"
    keywords.write_text(keywords.read_text(encoding="utf-8") + "21,en,mine-free village,2\n",
                        encoding="utf-8")
    assert seeds_digest() != before
    tables, cached = checked_seeds(cache, _load_and_check)
    assert not cached
    assert "mine-free village" in set(tables["action_keywords"]["term"])
    assert len(list(cache.glob("*.pkl"))) == 1  # the older cache file is gone


def test_a_seed_breaking_its_contract_is_never_cached(seeds, tmp_path):
    cache = tmp_path / "cache"
    keywords = seeds / "action_keywords.csv"
    keywords.write_text(keywords.read_text(encoding="utf-8") + "21,en,land release,9\n",
                        encoding="utf-8")
    for _ in range(2):  # the second run checks it again: nothing was kept
        with pytest.raises((dg.Failure, reference.ReferenceDataError), match="action_keywords"):
            checked_seeds(cache, _load_and_check)
    assert not list(cache.glob("*.pkl"))
