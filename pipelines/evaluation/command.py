"""`oap evaluate`: render the labelled corpus, run the pipeline on it, print the scores."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import dagster as dg
import pandas as pd

from pipelines.evaluation.scoring import failures, format_scores, load_gold, mistakes, score
from pipelines.settings import PROJECT_ROOT, Settings
from warehouse import store

DEFAULT_CORPUS = PROJECT_ROOT / "corpus" / "dev"

_PREDICTIONS = {
    "documents": "SELECT file_name, state_iso3, language FROM documents",
    "action_progress": (
        "SELECT d.file_name, a.action_no, a.page, a.method FROM action_progress a "
        "JOIN documents d USING (document_id)"
    ),
    "indicator_values": (
        "SELECT d.file_name, i.indicator, i.value, i.year, i.disaggregation "
        "FROM indicator_values i JOIN documents d USING (document_id)"
    ),
}


def predict(corpus: Path, workdir: Path) -> dict[str, pd.DataFrame]:
    """Run the whole asset graph on the rendered corpus and read back what it found."""
    from corpus.render import render_folder
    from pipelines.runner import run_pipeline

    sources = workdir / "sources"
    sources.mkdir()
    render_folder(corpus, sources)
    settings = Settings(sources=sources, warehouse=workdir / "eval.duckdb",
                        reports=workdir / "reports", ocr=True, report_formats="html")
    with dg.instance_for_test() as instance:
        result = run_pipeline(settings, instance=instance)
    if not result.success:
        raise RuntimeError("the pipeline failed on the evaluation corpus")
    with store.connect(settings.warehouse, read_only=True) as con:
        return {name: con.execute(sql).df() for name, sql in _PREDICTIONS.items()}


def evaluate_command(corpus: Path | None, *, fail_below_targets: bool = True) -> int:
    corpus = (corpus or DEFAULT_CORPUS).resolve()
    gold = load_gold(corpus)
    with tempfile.TemporaryDirectory(prefix="oap-eval-") as tmp:
        predicted = predict(corpus, Path(tmp))
    scores = score(gold, predicted)
    print(format_scores(scores))
    for category, frame in mistakes(gold, predicted).items():
        if len(frame):
            print(f"\n{category}: {len(frame)} mistakes")
            print(frame.head(40).to_string(index=False))
    missed = failures(scores)
    for line in missed:
        print(f"below target: {line}", file=sys.stderr)
    return 1 if missed and fail_below_targets else 0
