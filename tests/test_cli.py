"""The `oap` console script, run as an analyst would, in a separate process."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import dagster as dg
import pytest

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


@pytest.mark.parametrize("command", ["run", "ui"])
def test_oap_refuses_a_missing_folder(tmp_path: Path, command: str):
    completed = subprocess.run(
        [str(OAP), command, "--sources", str(tmp_path / "nowhere")],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert completed.returncode == 2
    assert "nowhere" in completed.stderr


@pytest.mark.parametrize("command", [["review"], ["query", "v_states"], ["search", "clearance"],
                                     ["pack", "--committee", "article5"]])
def test_oap_says_when_there_is_no_warehouse_yet(tmp_path: Path, command: list[str]):
    missing = tmp_path / "no.duckdb"
    completed = subprocess.run(
        [str(OAP), *command, "--warehouse", str(missing)], cwd=tmp_path,
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert completed.returncode == 2
    assert completed.stderr.strip() == f"oap: no warehouse at {missing}: run `oap run` first"
    assert not missing.exists()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _graphql(port: int, query: str) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())["data"]


_SOURCES_RESOURCE = (
    '{ topLevelResourceDetailsOrError(resourceSelector: {repositoryLocationName: "oap", '
    'repositoryName: "__repository__", resourceName: "sources"}) '
    "{ ... on ResourceDetails { configuredValues { key value } } } }"
)


def test_oap_ui_serves_the_project_on_the_run_settings_and_instance(tmp_path: Path):
    sources, home, port = tmp_path / "updates", tmp_path / "dagster_home", _free_port()
    sources.mkdir()
    log = tmp_path / "ui.log"  # a file, not a pipe: a full pipe would block the server
    with log.open("w") as out:
        ui = subprocess.Popen(
            [str(OAP), "ui", "--port", str(port), "--sources", str(sources), "--no-ocr",
             "--batch-files", "7"],
            env={**os.environ, "DAGSTER_HOME": str(home)}, stdout=out, stderr=out,
            start_new_session=True,
        )
    try:
        deadline, data = time.monotonic() + 180, None
        while time.monotonic() < deadline and ui.poll() is None:
            try:
                data = _graphql(port, _SOURCES_RESOURCE)["topLevelResourceDetailsOrError"]
                if data.get("configuredValues"):
                    break
            except (OSError, KeyError, TypeError):
                pass
            time.sleep(1)
        assert ui.poll() is None and data and data.get("configuredValues"), log.read_text()[-2000:]
        values = {item["key"]: json.loads(item["value"]) for item in data["configuredValues"]}
        assert values == {"path": str(sources), "ocr": False, "batch_files": 7}
        assert "enabled: false" in (home / "dagster.yaml").read_text()  # no telemetry, as `oap run`
    finally:
        ui.send_signal(signal.SIGINT)  # as Ctrl-C: dg dev stops its servers, then itself
        try:
            ui.wait(timeout=60)
        finally:
            if ui.poll() is None or _group_alive(ui.pid):
                os.killpg(ui.pid, signal.SIGKILL)
    assert ui.returncode == 0, log.read_text()[-2000:]
    assert "Warning" not in log.read_text(), log.read_text()[-2000:]


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True
