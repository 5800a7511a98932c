"""Score the pipeline's output against the gold labels of the development corpus.

Pure functions over pandas frames with the warehouse's columns (``documents``,
``action_progress``, ``indicator_values``), so the same scoring runs on a DuckDB export, on a
test's hand-made frames or inside an asset, without Dagster. Predictions about files the gold set
does not know are ignored: the warehouse may hold other documents too.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Final

import pandas as pd

#: Relative difference up to which a predicted value counts as the gold value.
VALUE_TOLERANCE: Final[float] = 0.005

#: OAP sections by first and last action number (the spans of ``warehouse/seeds/oap_sections.csv``).
SECTION_SPANS: Final[dict[str, tuple[int, int]]] = {
    "II": (1, 9),
    "III": (10, 11),
    "IV": (12, 17),
    "V": (18, 27),
    "VI": (28, 32),
    "VII": (33, 41),
    "VIII": (42, 47),
    "IX": (48, 50),
}

#: Minimum score per category and measure; ``failures`` names the ones missed.
TARGETS: Final[dict[str, dict[str, float]]] = {
    "state": {"accuracy": 1.0},
    "language": {"accuracy": 1.0},
    "explicit_actions": {"precision": 0.98, "recall": 0.98},
    "indicators": {"precision": 0.95, "recall": 0.90},
    "inferred_actions": {"f1": 0.75},
    "inferred_sections": {"f1": 0.90},
}

_FP: Final = "false positive"
_FN: Final = "false negative"
_FACT_COLUMNS: Final = ("file_name", "indicator", "year", "disaggregation")


class CorpusError(ValueError):
    """The labelled corpus cannot be scored against: missing, empty, or a specification without
    its labels; the message names the folder or the file."""


@dataclass(frozen=True)
class GoldSet:
    """The gold labels of a corpus, one frame per kind of label."""

    documents: pd.DataFrame  # file_name, state_iso3, language, format, layout, n_pages
    explicit: pd.DataFrame  # file_name, action_no, page
    inferred: pd.DataFrame  # file_name, action_no
    indicators: pd.DataFrame  # file_name, indicator, value, year, disaggregation, page


@dataclass(frozen=True)
class Score:
    """Counts of one category; ``accuracy`` is the share of gold items predicted correctly."""

    tp: int
    fp: int
    fn: int
    n_gold: int
    n_pred: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 1.0


@dataclass(frozen=True)
class _Outcome:
    tp: int
    false_pos: list[dict]
    false_neg: list[dict]
    columns: tuple[str, ...]

    def score(self) -> Score:
        fp, fn = len(self.false_pos), len(self.false_neg)
        return Score(tp=self.tp, fp=fp, fn=fn, n_gold=self.tp + fn, n_pred=self.tp + fp)


def section_of(action_no: int) -> str:
    """The OAP section (roman numeral) of an action number."""
    for section, (first, last) in SECTION_SPANS.items():
        if first <= action_no <= last:
            return section
    raise ValueError(f"no OAP action {action_no}")


def load_gold(spec_dir: str | Path) -> GoldSet:
    """Read the ``gold`` of every JSON specification in ``spec_dir``.

    Raises CorpusError when there is none to read, or one is not JSON or has no labels: a
    score over nothing would read as perfect.
    """
    docs, explicit, inferred, indicators = [], [], [], []
    paths = sorted(Path(spec_dir).glob("*.json"))
    if not paths:
        raise CorpusError(f"no labelled specifications (*.json) in {spec_dir}")
    for path in paths:
        try:
            spec = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise CorpusError(f"{path.name}: not valid JSON ({error})") from error
        if "gold" not in spec or "file_name" not in spec:
            raise CorpusError(f"{path.name}: no 'file_name' or no 'gold' labels to score against")
        name, gold = spec["file_name"], spec["gold"]
        if any(d["file_name"] == name for d in docs):
            raise CorpusError(f"{path.name}: file_name {name!r} used twice")
        docs.append({"file_name": name, "state_iso3": gold["state_iso3"],
                     "language": gold["language"], "format": spec["format"],
                     "layout": spec.get("layout", "single"), "n_pages": len(spec["pages"])})
        explicit += [{"file_name": name, "action_no": int(a["action_no"]), "page": int(a["page"])}
                     for a in gold["explicit_actions"]]
        inferred += [{"file_name": name, "action_no": int(a)} for a in gold["inferred_actions"]]
        indicators += [{"file_name": name, "indicator": f["indicator"], "value": float(f["value"]),
                        "year": f.get("year"), "disaggregation": f.get("disaggregation"),
                        "page": f.get("page")} for f in gold["indicators"]]
    return GoldSet(
        documents=pd.DataFrame(docs, columns=["file_name", "state_iso3", "language", "format",
                                              "layout", "n_pages"]),
        explicit=pd.DataFrame(explicit, columns=["file_name", "action_no", "page"]),
        inferred=pd.DataFrame(inferred, columns=["file_name", "action_no"]),
        indicators=pd.DataFrame(indicators, columns=["file_name", "indicator", "value", "year",
                                                     "disaggregation", "page"]),
    )


def score(gold: GoldSet, predicted: Mapping[str, pd.DataFrame]) -> dict[str, Score]:
    """Score predictions given as frames named like the warehouse tables.

    ``predicted`` maps ``documents`` (file_name, state_iso3, language), ``action_progress``
    (file_name, action_no, page, method) and ``indicator_values`` (file_name, indicator, value,
    year, disaggregation) to frames; a missing frame counts as nothing predicted.
    """
    return {name: outcome.score() for name, outcome in _compare(gold, predicted).items()}


def mistakes(gold: GoldSet, predicted: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """False positives and negatives per category, one row each with a ``kind`` column."""
    result = {}
    for name, outcome in _compare(gold, predicted).items():
        rows = [{**r, "kind": _FP} for r in outcome.false_pos]
        rows += [{**r, "kind": _FN} for r in outcome.false_neg]
        frame = pd.DataFrame(rows, columns=[*outcome.columns, "kind"])
        frame = frame.astype({c: "Int64" for c in ("action_no", "page", "year") if c in frame})
        result[name] = frame.sort_values(["file_name", "kind"], kind="stable", ignore_index=True)
    return result


def failures(scores: Mapping[str, Score]) -> list[str]:
    """One line per target of ``TARGETS`` that the scores miss."""
    missed = []
    for category, targets in TARGETS.items():
        if category not in scores:
            missed.append(f"{category}: not scored")
            continue
        for measure, minimum in targets.items():
            value = getattr(scores[category], measure)
            if value < minimum:
                missed.append(f"{category}: {measure} {value:.3f} < {minimum:.2f}")
    return missed


def format_scores(scores: Mapping[str, Score]) -> str:
    """A plain-text table of the scores, with the targets each category meets or misses."""
    header = (f"{'category':<18} {'precision':>9} {'recall':>7} {'F1':>6} {'n_gold':>7} "
              f"{'n_pred':>7}  target")
    lines = [header]
    for category, s in scores.items():
        targets = TARGETS.get(category, {})
        verdict = ", ".join(f"{m}>={v:.2f} {'ok' if getattr(s, m) >= v else 'MISSED'}"
                            for m, v in targets.items())
        lines.append(f"{category:<18} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} "
                     f"{s.n_gold:>7} {s.n_pred:>7}  {verdict}")
    return "\n".join(lines)


def _compare(gold: GoldSet, predicted: Mapping[str, pd.DataFrame]) -> dict[str, _Outcome]:
    files = set(gold.documents["file_name"])
    docs = _records(predicted.get("documents"), files)
    progress = _records(predicted.get("action_progress"), files)
    values = _records(predicted.get("indicator_values"), files)
    explicit_pred = {(r["file_name"], _int(r["action_no"]), _int(r.get("page")))
                     for r in progress if r.get("method") == "explicit"}
    explicit_gold = set(gold.explicit.itertuples(index=False, name=None))
    inferred = _inferred_sets(gold, progress, explicit_gold | explicit_pred)
    return {
        "state": _compare_attribute(gold, docs, "state_iso3"),
        "language": _compare_attribute(gold, docs, "language"),
        "explicit_actions": _compare_sets(explicit_gold, explicit_pred,
                                          ("file_name", "action_no", "page")),
        "indicators": _compare_indicators(gold.indicators.to_dict("records"), values),
        "inferred_actions": _compare_sets(*inferred, ("file_name", "action_no")),
        "inferred_sections": _compare_sets(
            *({(f, section_of(a)) for f, a in group} for group in inferred),
            ("file_name", "section")),
    }


def _records(frame: pd.DataFrame | None, files: set[str]) -> list[dict]:
    """Rows of a predicted frame as dicts with missing values as None, for the gold's files only."""
    if frame is None or frame.empty:
        return []
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    for row in rows:
        row["file_name"] = PurePath(str(row["file_name"])).name
    return [row for row in rows if row["file_name"] in files]


def _int(value: object) -> int | None:
    return None if value is None else int(value)


def _compare_attribute(gold: GoldSet, docs: list[dict], column: str) -> _Outcome:
    predicted = {d["file_name"]: str(d[column]).strip() for d in docs
                 if d.get(column) is not None}
    tp, false_pos, false_neg = 0, [], []
    for name, expected in zip(gold.documents["file_name"], gold.documents[column]):
        got = predicted.get(name)
        if got is not None and got.casefold() == expected.casefold():
            tp += 1
            continue
        row = {"file_name": name, "expected": expected, "predicted": got}
        false_neg.append(row)
        if got is not None:
            false_pos.append(row)
    return _Outcome(tp, false_pos, false_neg, ("file_name", "expected", "predicted"))


def _compare_sets(gold: set[tuple], predicted: set[tuple], columns: tuple[str, ...]) -> _Outcome:
    return _Outcome(len(gold & predicted),
                    [dict(zip(columns, key)) for key in sorted(predicted - gold, key=str)],
                    [dict(zip(columns, key)) for key in sorted(gold - predicted, key=str)],
                    columns)


def _inferred_sets(gold: GoldSet, progress: list[dict],
                   explicit: set[tuple]) -> tuple[set[tuple], set[tuple]]:
    """Gold and predicted (file, action) pairs inferred without being named in the document.

    A predicted inference is dropped when the gold or the prediction names the action
    explicitly on any page of the document: inferring what a document states outright is not
    inference. The gold's inferred actions are never named in their document by construction.
    """
    named = {(f, a) for f, a, _ in explicit}
    predicted = {(r["file_name"], _int(r["action_no"])) for r in progress
                 if r.get("method") == "inferred"}
    return set(gold.inferred.itertuples(index=False, name=None)), predicted - named


def _fact_key(row: Mapping) -> tuple:
    year, disaggregation = row.get("year"), row.get("disaggregation")
    year = None if year is None or pd.isna(year) else int(year)
    if disaggregation is not None and (pd.isna(disaggregation) or not str(disaggregation).strip()):
        disaggregation = None
    return (row["file_name"], row["indicator"], year,
            None if disaggregation is None else str(disaggregation).strip().lower())


def _close(value: float, reference: float) -> bool:
    return abs(value - reference) <= VALUE_TOLERANCE * abs(reference) + 1e-9


def _compare_indicators(gold_rows: Iterable[Mapping],
                        predicted_rows: Iterable[Mapping]) -> _Outcome:
    """One-to-one matching per (file, indicator, year, disaggregation) within the tolerance.

    A prediction repeating a fact that another prediction already matched is a duplicate and
    counts neither way; unmatched predictions within the tolerance of each other count once.
    """
    gold, predicted = defaultdict(list), defaultdict(set)
    for row in gold_rows:
        if not any(_close(float(row["value"]), g["value"]) for g in gold[_fact_key(row)]):
            gold[_fact_key(row)].append({"value": float(row["value"]), "page": row.get("page")})
    for row in predicted_rows:
        if row.get("value") is not None:
            predicted[_fact_key(row)].add(float(row["value"]))
    tp, false_pos, false_neg = 0, [], []
    for key in sorted(set(gold) | set(predicted), key=str):
        facts, values = gold.get(key, []), sorted(predicted.get(key, ()))
        matched = _max_matching([f["value"] for f in facts], values)
        tp += len(matched)
        fields = dict(zip(_FACT_COLUMNS, key))
        false_neg += [{**fields, "value": f["value"], "page": f["page"]}
                      for i, f in enumerate(facts) if i not in matched]
        cluster_start: float | None = None
        for j, value in enumerate(values):
            if j in matched.values() or any(_close(value, f["value"]) for f in facts):
                continue
            if cluster_start is None or not _close(value, cluster_start):
                cluster_start = value
                false_pos.append({**fields, "value": value, "page": None})
    return _Outcome(tp, false_pos, false_neg, (*_FACT_COLUMNS, "value", "page"))


def _max_matching(gold_values: list[float], predicted_values: list[float]) -> dict[int, int]:
    """Maximum bipartite matching gold index -> predicted index (augmenting paths)."""
    owner: dict[int, int] = {}

    def assign(j: int, seen: set[int]) -> bool:
        for i, reference in enumerate(gold_values):
            if i in seen or not _close(predicted_values[j], reference):
                continue
            seen.add(i)
            if i not in owner or assign(owner[i], seen):
                owner[i] = j
                return True
        return False

    for j in range(len(predicted_values)):
        assign(j, set())
    return owner
