"""The pipeline scored on the labelled development corpus, as `oap evaluate` does.

Every category must meet its target (``TARGETS``); the scores are printed with the targets.
"""

from pathlib import Path

import pytest

from pipelines.cli import main
from pipelines.evaluation.command import DEFAULT_CORPUS, predict
from pipelines.evaluation.scoring import TARGETS, format_scores, load_gold, score


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    predicted = predict(DEFAULT_CORPUS, Path(tmp_path_factory.mktemp("evaluate")))
    result = score(load_gold(DEFAULT_CORPUS), predicted)
    print(format_scores(result))
    return result


@pytest.mark.parametrize(
    ("category", "measure", "target"),
    [(c, m, t) for c, targets in TARGETS.items() for m, t in targets.items()],
)
def test_target_met(scores, category, measure, target):
    assert getattr(scores[category], measure) >= target


@pytest.mark.parametrize(("files", "message"), [
    ({}, "no labelled specifications (*.json) in"),
    ({"a.json": '{"file_name": "a.pdf", "format": "pdf", "pages": []}'},
     "a.json: no 'file_name' or no 'gold' labels to score against"),
    ({"b.json": "{not json"}, "b.json: not valid JSON"),
])
def test_a_corpus_that_cannot_be_scored_is_refused_not_scored_perfect(tmp_path, capsys, files,
                                                                      message):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["evaluate", "--corpus", str(tmp_path)]) == 2
    assert message in capsys.readouterr().err
