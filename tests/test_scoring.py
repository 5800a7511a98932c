"""Scoring rules on small hand-made frames, and the validity of the development corpus specs."""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from pipelines.evaluation.scoring import (
    SECTION_SPANS,
    TARGETS,
    GoldSet,
    failures,
    format_scores,
    load_gold,
    mistakes,
    score,
    section_of,
)
from pipelines.extraction.model import DISAGGREGATIONS, INDICATOR_UNITS

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "corpus" / "dev"
SEEDS = ROOT / "warehouse" / "seeds"
DEV_SPECS = sorted(DEV.glob("*.json"))
CATEGORIES = ("state", "language", "explicit_actions", "indicators", "inferred_actions",
              "inferred_sections")


def _spec(file_name: str, state: str, language: str, explicit=(), inferred=(), indicators=()):
    return {
        "file_name": file_name,
        "format": file_name.rsplit(".", 1)[1],
        "pages": [[{"type": "paragraph", "text": "..."}], [{"type": "paragraph", "text": "..."}]],
        "gold": {
            "state_iso3": state,
            "language": language,
            "explicit_actions": [{"action_no": a, "page": p} for a, p in explicit],
            "inferred_actions": list(inferred),
            "indicators": list(indicators),
        },
    }


@pytest.fixture
def gold(tmp_path: Path) -> GoldSet:
    specs = [
        _spec("a.pdf", "COL", "es", explicit=[(21, 1), (28, 2)], inferred=[33, 36], indicators=[
            {"indicator": "area_cleared_m2", "value": 1234567, "year": 2021, "page": 1},
            {"indicator": "casualties", "value": 40, "year": 2021, "page": 2},
            {"indicator": "casualties", "value": 12, "year": 2021, "page": 2,
             "disaggregation": "women"},
            {"indicator": "funding_usd", "value": 2400000, "year": 2021, "page": 2},
            {"indicator": "funding_usd", "value": 31600000, "year": 2021, "page": 2},
        ]),
        _spec("b.docx", "NOR", "en", explicit=[(43, 1)], inferred=[3, 10], indicators=[
            {"indicator": "article5_deadline", "value": 2025, "year": None, "page": 1},
        ]),
    ]
    for i, spec in enumerate(specs, 1):
        (tmp_path / f"dev_{i:03d}_x.json").write_text(json.dumps(spec), encoding="utf-8")
    return load_gold(tmp_path)


def _perfect(gold: GoldSet) -> dict[str, pd.DataFrame]:
    action_progress = pd.concat([gold.explicit.assign(method="explicit"),
                                 gold.inferred.assign(page=1, method="inferred")],
                                ignore_index=True)
    return {
        "documents": gold.documents[["file_name", "state_iso3", "language"]].copy(),
        "action_progress": action_progress,
        "indicator_values": gold.indicators.drop(columns="page"),
    }


def _with_values(predicted: dict, rows: list[dict]) -> dict:
    values = pd.concat([predicted["indicator_values"], pd.DataFrame(rows)], ignore_index=True)
    return {**predicted, "indicator_values": values}


def _with_actions(predicted: dict, rows: list[tuple]) -> dict:
    extra = pd.DataFrame(rows, columns=["file_name", "action_no", "page", "method"])
    return {**predicted,
            "action_progress": pd.concat([predicted["action_progress"], extra], ignore_index=True)}


def test_perfect_prediction_scores_one(gold: GoldSet) -> None:
    scores = score(gold, _perfect(gold))
    assert set(scores) == set(CATEGORIES) == set(TARGETS)
    for s in scores.values():
        assert (s.precision, s.recall, s.f1, s.accuracy) == (1.0, 1.0, 1.0, 1.0)
    assert scores["indicators"].n_gold == 6 and scores["explicit_actions"].n_gold == 3
    assert scores["inferred_sections"].n_gold == 3  # VII in a.pdf; II and III in b.docx
    assert failures(scores) == []
    assert all(frame.empty for frame in mistakes(gold, _perfect(gold)).values())


def test_value_outside_tolerance_is_false_positive_and_false_negative(gold: GoldSet) -> None:
    predicted = _perfect(gold)
    values = predicted["indicator_values"]
    values.loc[values["indicator"] == "area_cleared_m2", "value"] = 1234567 * 1.006
    s = score(gold, predicted)["indicators"]
    assert (s.tp, s.fp, s.fn) == (5, 1, 1)
    wrong = mistakes(gold, predicted)["indicators"]
    assert sorted(wrong["kind"]) == ["false negative", "false positive"]
    assert set(wrong["indicator"]) == {"area_cleared_m2"}


def test_value_within_tolerance_matches(gold: GoldSet) -> None:
    predicted = _perfect(gold)
    values = predicted["indicator_values"]
    values.loc[values["indicator"] == "area_cleared_m2", "value"] = 1234567 * 1.004
    assert score(gold, predicted)["indicators"].precision == 1.0


def test_duplicate_predictions_count_once(gold: GoldSet) -> None:
    duplicates = [
        {"file_name": "a.pdf", "indicator": "area_cleared_m2", "value": 1234567, "year": 2021},
        {"file_name": "a.pdf", "indicator": "area_cleared_m2", "value": 1234600, "year": 2021},
        {"file_name": "a.pdf", "indicator": "casualties", "value": 99, "year": 2021},
        {"file_name": "a.pdf", "indicator": "casualties", "value": 99, "year": 2021},
    ]
    s = score(gold, _with_values(_perfect(gold), duplicates))["indicators"]
    assert (s.tp, s.fp, s.fn) == (6, 1, 0)


def test_matching_is_one_to_one(gold: GoldSet) -> None:
    predicted = _perfect(gold)
    values = predicted["indicator_values"]
    values.loc[values["value"] == 31600000, "value"] = 2400000  # both funding rows say 2.4 million
    s = score(gold, predicted)["indicators"]
    assert (s.tp, s.fp, s.fn) == (5, 0, 1)


def test_year_and_disaggregation_must_match(gold: GoldSet) -> None:
    predicted = _perfect(gold)
    values = predicted["indicator_values"]
    values.loc[values["disaggregation"] == "women", "disaggregation"] = None
    values.loc[values["indicator"] == "article5_deadline", "year"] = 2025
    s = score(gold, predicted)["indicators"]
    assert (s.tp, s.fp, s.fn) == (4, 2, 2)


def test_explicit_action_on_wrong_page_is_both_errors(gold: GoldSet) -> None:
    predicted = _perfect(gold)
    progress = predicted["action_progress"]
    progress.loc[(progress["action_no"] == 21) & (progress["method"] == "explicit"), "page"] = 2
    s = score(gold, predicted)["explicit_actions"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)


def test_inferred_ignores_actions_named_explicitly(gold: GoldSet) -> None:
    predicted = _with_actions(_perfect(gold), [("a.pdf", 21, 2, "inferred"),
                                               ("a.pdf", 28, 1, "inferred"),
                                               ("b.docx", 43, 2, "inferred"),
                                               ("b.docx", 44, 1, "explicit"),
                                               ("b.docx", 44, 2, "inferred")])
    scores = score(gold, predicted)
    assert scores["inferred_actions"].precision == 1.0
    assert scores["inferred_sections"].precision == 1.0
    assert scores["explicit_actions"].fp == 1  # the explicit 44 itself is still wrong


def test_inferred_sections_forgive_a_neighbouring_action(gold: GoldSet) -> None:
    predicted = _perfect(gold)
    progress = predicted["action_progress"]
    progress.loc[(progress["action_no"] == 36) & (progress["method"] == "inferred"),
                 "action_no"] = 39
    predicted = _with_actions(predicted, [("b.docx", 50, 1, "inferred")])
    scores = score(gold, predicted)
    assert (scores["inferred_actions"].tp, scores["inferred_actions"].fp,
            scores["inferred_actions"].fn) == (3, 2, 1)
    assert (scores["inferred_sections"].tp, scores["inferred_sections"].fp,
            scores["inferred_sections"].fn) == (3, 1, 0)


def test_state_and_language_accuracy(gold: GoldSet) -> None:
    predicted = _perfect(gold)
    documents = predicted["documents"]
    documents.loc[documents["file_name"] == "a.pdf", "state_iso3"] = "ECU"
    documents.loc[documents["file_name"] == "b.docx", "language"] = None
    scores = score(gold, predicted)
    assert scores["state"].accuracy == 0.5 and (scores["state"].fp, scores["state"].fn) == (1, 1)
    assert scores["language"].accuracy == 0.5 and scores["language"].fp == 0
    assert failures(scores) == ["state: accuracy 0.500 < 1.00", "language: accuracy 0.500 < 1.00"]


def test_predictions_for_other_files_are_ignored(gold: GoldSet) -> None:
    predicted = _with_values(_perfect(gold), [
        {"file_name": "samples/other.pdf", "indicator": "casualties", "value": 5, "year": 2021}])
    predicted["documents"].loc[len(predicted["documents"])] = ["other.pdf", "KHM", "en"]
    assert all(s.precision == 1.0 for s in score(gold, predicted).values())


def test_empty_prediction_misses_every_target(gold: GoldSet) -> None:
    scores = score(gold, {})
    assert all(s.recall == 0.0 and s.n_pred == 0 for s in scores.values())
    # nothing predicted means nothing wrong: precision stays 1.0, recall names the miss
    assert [line.split(":")[0] for line in failures(scores)] == list(CATEGORIES)
    table = format_scores(scores)
    assert "MISSED" in table and all(c in table for c in CATEGORIES)
    assert sum(len(frame) for frame in mistakes(gold, {}).values()) == 2 + 2 + 3 + 6 + 4 + 3


@pytest.mark.parametrize(("action_no", "section"), [
    (1, "II"), (9, "II"), (10, "III"), (11, "III"), (12, "IV"), (17, "IV"), (18, "V"), (27, "V"),
    (28, "VI"), (32, "VI"), (33, "VII"), (41, "VII"), (42, "VIII"), (47, "VIII"), (48, "IX"),
    (50, "IX"),
])
def test_section_of(action_no: int, section: str) -> None:
    assert section_of(action_no) == section


@pytest.mark.parametrize("action_no", [0, 51])
def test_section_of_rejects_unknown_actions(action_no: int) -> None:
    with pytest.raises(ValueError):
        section_of(action_no)


def test_section_spans_match_the_seed() -> None:
    with (SEEDS / "oap_sections.csv").open(encoding="utf-8") as f:
        seeded = {r["section_no"]: (int(r["first_action"]), int(r["last_action"]))
                  for r in csv.DictReader(f) if r["first_action"]}
    assert seeded == SECTION_SPANS


# --- the development corpus ------------------------------------------------------------------

BLOCK_FIELDS = {"title": "text", "heading": "text", "paragraph": "text", "bullets": "items",
                "table": "rows", "signature": "lines"}
MAX_WORDS_PER_PAGE = 450


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _page_text(page: list[dict]) -> str:
    parts = []
    for block in page:
        content = block[BLOCK_FIELDS[block["type"]]]
        if block["type"] == "table":
            content = [" ".join(row) for row in content]
        parts += [content] if isinstance(content, str) else content
    return "\n".join(parts)


def _seed_rows(name: str) -> list[dict]:
    with (SEEDS / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[^a-z0-9]+", " ", "".join(c for c in text if not unicodedata.combining(c)))


def _numbers_written(text: str) -> set[int]:
    """Numbers below 100 on a page, with those inside ranges such as "18 to 20" or "28 a 30"."""
    numbers = {int(n) for n in re.findall(r"(?<![\d.,])\d{1,2}(?![\d.,]\d)", text)}
    for low, high in re.findall(r"(\d{1,2})\s*(?:to|-|–|à|a|إلى|до)\s*(\d{1,2})(?!\d)", text):
        numbers |= set(range(int(low), int(high) + 1))
    return numbers


def test_corpus_size_and_mix() -> None:
    specs = [_load(p) for p in DEV_SPECS]
    assert len(specs) >= 32
    assert all(re.fullmatch(r"dev_\d{3}_\w+\.json", p.name) for p in DEV_SPECS)
    formats = Counter(s["format"] for s in specs)
    languages = Counter(s["gold"]["language"] for s in specs)
    layouts = Counter(s.get("layout", "single") for s in specs)
    assert formats["pdf"] >= 10 and formats["docx"] >= 10
    assert languages["en"] >= 12 and languages["fr"] >= 7 and languages["es"] >= 7
    assert languages["ar"] >= 1 and languages["ru"] >= 1
    assert layouts["two_column"] >= 3 and layouts["scanned"] >= 2
    assert len({s["gold"]["state_iso3"] for s in specs}) >= 20
    assert len({s["file_name"] for s in specs}) == len(specs)
    assert sum(1 for s in specs if s.get("running_header") or s.get("running_footer")) >= 5


def test_a_third_of_the_file_names_do_not_name_the_state() -> None:
    names: dict[str, set[str]] = {}
    for row in _seed_rows("states_parties.csv"):
        names.setdefault(row["iso3"], set()).add(_plain(row["name"]).strip())
    for row in _seed_rows("state_aliases.csv"):
        names.setdefault(row["iso3"], set()).add(_plain(row["alias"]).strip())
    specs = [_load(p) for p in DEV_SPECS]
    def names_state(spec: dict) -> bool:
        iso3 = spec["gold"]["state_iso3"]
        file_name = f" {_plain(spec['file_name'])} "
        return any(n and f" {n} " in file_name for n in names[iso3] | {iso3.lower()})

    neutral = [s for s in specs if not names_state(s)]
    assert len(neutral) * 3 >= len(specs)


@pytest.mark.parametrize("path", DEV_SPECS, ids=lambda p: p.stem)
def test_spec_is_valid(path: Path) -> None:
    spec = _load(path)
    states = {r["iso3"] for r in _seed_rows("states_parties.csv")}
    assert {"file_name", "format", "pages", "gold"} <= spec.keys()
    assert spec["format"] in ("pdf", "docx")
    assert spec["file_name"].lower().endswith("." + spec["format"])
    layout = spec.get("layout", "single")
    assert layout in ("single", "two_column", "scanned")
    assert spec["format"] == "pdf" or layout == "single"
    n_pages = len(spec["pages"])
    assert 1 <= n_pages <= 4
    for page in spec["pages"]:
        assert page and all(BLOCK_FIELDS[b["type"]] in b for b in page)
        assert all(b.get("level", 1) in (1, 2, 3) for b in page)
        assert len(_page_text(page).split()) <= MAX_WORDS_PER_PAGE
    gold = spec["gold"]
    assert {"state_iso3", "language", "explicit_actions", "inferred_actions",
            "indicators"} <= gold.keys()
    assert gold["state_iso3"] in states
    assert gold["language"] in ("en", "fr", "es", "ar", "ru")
    assert layout != "scanned" or gold["language"] in ("en", "fr")
    explicit = [(a["action_no"], a["page"]) for a in gold["explicit_actions"]]
    assert len(set(explicit)) == len(explicit)
    for action_no, page in explicit:
        assert 1 <= action_no <= 50 and 1 <= page <= n_pages
        # the number is written on its page (a guard against labelling the wrong page)
        assert action_no in _numbers_written(_page_text(spec["pages"][page - 1]))
    inferred = gold["inferred_actions"]
    assert len(set(inferred)) == len(inferred) and all(1 <= a <= 50 for a in inferred)
    assert not set(inferred) & {a for a, _ in explicit}
    for fact in gold["indicators"]:
        assert fact["indicator"] in INDICATOR_UNITS
        assert fact.get("disaggregation") in (None, *DISAGGREGATIONS)
        assert isinstance(fact["value"], (int, float)) and fact["value"] >= 0
        assert fact["year"] is None or 2000 <= fact["year"] <= 2030
        assert 1 <= fact["page"] <= n_pages
        if fact["indicator"] == "article5_deadline":
            assert 2020 <= fact["value"] <= 2030 and fact.get("disaggregation") is None


@pytest.mark.parametrize("path", DEV_SPECS, ids=lambda p: p.stem)
def test_disaggregated_parts_add_up_to_their_total(path: Path) -> None:
    totals, parts = {}, {}
    for fact in _load(path)["gold"]["indicators"]:
        key = (fact["indicator"], fact["year"])
        if fact.get("disaggregation") is None:
            totals.setdefault(key, set()).add(fact["value"])
        else:
            parts.setdefault(key, {})[fact["disaggregation"]] = fact["value"]
    for key, split in parts.items():
        assert key in totals, f"{key} has parts but no total"
        for group in ({"women", "men", "girls", "boys"}, {"female", "male"},
                      {"children", "adults"}):
            if group <= split.keys():
                assert sum(split[g] for g in group) in totals[key], key
            assert sum(split.get(g, 0) for g in group) <= max(totals[key]), key


def test_load_gold_reads_the_whole_corpus() -> None:
    gold = load_gold(DEV)
    specs = [_load(p) for p in DEV_SPECS]
    assert len(gold.documents) == len(specs)
    assert len(gold.explicit) == sum(len(s["gold"]["explicit_actions"]) for s in specs)
    assert len(gold.inferred) == sum(len(s["gold"]["inferred_actions"]) for s in specs)
    assert len(gold.indicators) == sum(len(s["gold"]["indicators"]) for s in specs)
    assert failures(score(gold, _perfect(gold))) == []
