"""The `oap` console script, run as an analyst would, in a separate process."""

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg

from tests.conftest import para

OAP = Path(sys.executable).parent / "oap"


def test_oap_run_records_the_run_and_prints_a_summary(make_document, tmp_path: Path):
    doc = make_document("niger_update.pdf", [[para(
        "Mission permanente du Niger. Conformément à l'action 21, le Niger a dépollué "
        "12 hectares en 2021."
    )]])
    sources = doc.parent
    (sources / "notes.pdf").write_text("<html><body>not a pdf</body></html>")
    home = tmp_path / "dagster_home"
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    completed = subprocess.run(
        [str(OAP), "run", "--sources", str(sources), "--warehouse", str(tmp_path / "w.duckdb"),
         "--reports", str(tmp_path / "reports"), "--no-ocr"],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    out = completed.stdout
    assert "succeeded" in out
    assert "Documents loaded: 1" in out
    assert "Quarantined: 1" in out and "  - notes.pdf: an HTML page" in out
    assert (tmp_path / "reports" / "stocktaking_report.html").exists()
    with dg.DagsterInstance.from_config(str(home)) as instance:
        runs = instance.get_runs()
    assert len(runs) == 1 and runs[0].is_success


def test_oap_run_refuses_a_missing_folder(tmp_path: Path):
    completed = subprocess.run(
        [str(OAP), "run", "--sources", str(tmp_path / "nowhere")],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert completed.returncode == 2
    assert "nowhere" in completed.stderr
