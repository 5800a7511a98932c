"""The pipeline scored on the labelled development corpus, as `oap evaluate` does.

Categories that meet their target must keep meeting it. The inferred actions are still below
their targets (see the issue on extraction): for them the test holds the level reached, so
that it can only go up, and prints the distance to the target.
"""

from pathlib import Path

import pytest

from pipelines.evaluation.command import DEFAULT_CORPUS, predict
from pipelines.evaluation.scoring import TARGETS, format_scores, load_gold, score

#: Level reached by the categories still below their target: (measure, floor).
FLOORS = {"inferred_actions": ("f1", 0.70), "inferred_sections": ("f1", 0.72)}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    predicted = predict(DEFAULT_CORPUS, Path(tmp_path_factory.mktemp("evaluate")))
    result = score(load_gold(DEFAULT_CORPUS), predicted)
    print(format_scores(result))
    return result


@pytest.mark.parametrize(
    ("category", "measure", "target"),
    [(c, m, t) for c, targets in TARGETS.items() if c not in FLOORS for m, t in targets.items()],
)
def test_target_met(scores, category, measure, target):
    assert getattr(scores[category], measure) >= target


@pytest.mark.parametrize(("category", "measure", "floor"), [(c, m, f) for c, (m, f) in FLOORS.items()])
def test_no_regression_below_target(scores, category, measure, floor):
    assert getattr(scores[category], measure) >= floor
