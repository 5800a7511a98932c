"""Re-runs do only the new work, keep history, survive analysts' corrections, and never
leave the warehouse half-written."""

import hashlib
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest

from corpus.render import render
from pipelines.runner import run_pipeline
from pipelines.settings import Settings
from schemas.registry import TABLES
from tests.conftest import para, spec, table
from warehouse import store
from warehouse.load import Changes, apply_changes

CHILE = [[para("Permanent Mission of Chile. Under Action 21, Chile cleared 1,500 square metres in "
               "2021. The national victims database was updated."),
          table([["Method", "Area (m²)"], ["Cleared", "1,500"]])]]
PERU = [[para("Misión Permanente del Perú. En el marco de la acción 27, el Perú despejó 25 "
              "hectáreas en 2021.")]]
NIGER = [[para("Mission permanente du Niger. Conformément à l'action 21, le Niger a dépollué "
               "12 hectares en 2021.")]]


@pytest.fixture
def workspace(tmp_path: Path):
    sources = tmp_path / "sources"
    sources.mkdir()
    corrections = tmp_path / "corrections.csv"
    settings = Settings(sources=sources, warehouse=tmp_path / "w.duckdb",
                        reports=tmp_path / "reports", ocr=False, corrections=corrections,
                        report_formats="html")
    with dg.instance_for_test() as instance:
        def run():
            result = run_pipeline(settings, instance=instance)
            assert result.success
            return result
        yield settings, run


def metadata(result, asset: str) -> dict:
    for event in result.get_asset_materialization_events():
        if event.asset_key.to_user_string() == asset:
            return {k: v.value for k, v in event.materialization.metadata.items()}
    raise KeyError(asset)


def snapshot(path: Path) -> dict[str, str]:
    """A hash of every table's content (rows sorted), to tell whether a run changed it."""
    with duckdb.connect(str(path), read_only=True) as con:
        return {
            t.name: hashlib.sha256(
                con.execute(f"SELECT * FROM {t.name}").df().astype(str)
                .sort_values(t.columns).to_csv(index=False).encode()
            ).hexdigest()
            for t in TABLES
        }


def rows(settings: Settings, sql: str, *params):
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def test_rerun_with_nothing_changed_reads_nothing_and_changes_no_table(workspace):
    settings, run = workspace
    render(spec("chile.pdf", CHILE), settings.sources)
    render(spec("peru.docx", PERU), settings.sources)
    (settings.sources / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    first = run()
    assert metadata(first, "document_pages")["files_read"] == 3
    before = snapshot(settings.warehouse)
    second = run()
    assert metadata(second, "document_pages")["files_read"] == 0
    assert metadata(second, "intake_plan")["to_extract"] == 0
    assert snapshot(settings.warehouse) == before


def test_adding_one_file_reads_only_that_file(workspace):
    settings, run = workspace
    render(spec("chile.pdf", CHILE), settings.sources)
    render(spec("peru.docx", PERU), settings.sources)
    run()
    chile_rows = rows(settings, "SELECT count(*) FROM action_progress a JOIN documents d "
                                "USING (document_id) WHERE d.file_name = 'chile.pdf'")
    render(spec("niger.pdf", NIGER), settings.sources)
    result = run()
    assert metadata(result, "document_pages")["files_read"] == 1
    assert metadata(result, "intake_plan")["to_extract"] == 1
    assert {r[0] for r in rows(settings, "SELECT file_name FROM documents")} == {
        "chile.pdf", "peru.docx", "niger.pdf"}
    assert rows(settings, "SELECT count(*) FROM action_progress a JOIN documents d "
                          "USING (document_id) WHERE d.file_name = 'chile.pdf'") == chile_rows


def test_changed_file_replaces_its_rows_and_removed_file_is_withdrawn(workspace):
    settings, run = workspace
    render(spec("chile.pdf", CHILE), settings.sources)
    render(spec("peru.docx", PERU), settings.sources)
    run()
    old_peru = rows(settings, "SELECT document_id FROM documents WHERE file_name = 'peru.docx'")[0][0]
    changed = [[para("Misión Permanente del Perú. En el marco de la acción 28, el Perú despejó 30 "
                     "hectáreas en 2021.")]]
    render(spec("peru.docx", changed), settings.sources)
    (settings.sources / "chile.pdf").unlink()
    run()
    docs = dict(rows(settings, "SELECT file_name, status FROM documents"))
    assert docs == {"chile.pdf": "withdrawn", "peru.docx": "loaded"}
    assert rows(settings, "SELECT count(*) FROM passages WHERE document_id = ?", old_peru) == [(0,)]
    peru_actions = {r[0] for r in rows(
        settings, "SELECT action_no FROM action_progress a JOIN documents d USING (document_id) "
                  "WHERE d.file_name = 'peru.docx' AND method = 'explicit'")}
    assert peru_actions == {28}
    cleared = rows(settings, "SELECT value FROM indicator_values i JOIN documents d USING "
                             "(document_id) WHERE d.file_name = 'peru.docx' AND indicator = 'area_cleared_m2'")
    assert cleared == [(300_000.0,)]
    # The withdrawn document keeps its history: its passages and facts are still there.
    assert rows(settings, "SELECT count(*) FROM passages p JOIN documents d USING (document_id) "
                          "WHERE d.file_name = 'chile.pdf'")[0][0] > 0


def write_corrections(path: Path, lines: list[dict]) -> None:
    from pipelines.stages.corrections import COLUMNS

    frame = pd.DataFrame([{c: line.get(c, "") for c in COLUMNS} for line in lines])
    frame.to_csv(path, index=False)


def test_corrections_survive_three_reruns_and_stale_ones_are_reported(workspace):
    settings, run = workspace
    render(spec("chile.pdf", CHILE), settings.sources)
    render(spec("update_final.pdf", [[para("We cleared 2 hectares in 2021 under Action 27.")]]),
           settings.sources)
    run()
    (chile_sha, chile_id), = rows(settings, "SELECT sha256, document_id FROM documents WHERE file_name = 'chile.pdf'")
    anon_sha, = rows(settings, "SELECT sha256 FROM documents WHERE file_name = 'update_final.pdf'")[0]
    fact, = rows(settings, "SELECT fact_id FROM indicator_values WHERE document_id = ? AND "
                           "indicator = 'area_cleared_m2' LIMIT 1", chile_id)[0]
    write_corrections(settings.corrections, [
        {"document": chile_sha, "target": "action", "operation": "reject", "action_no": "21",
         "analyst": "A. Analyst", "reason": "the sentence is about national standards"},
        {"document": chile_sha, "target": "action", "operation": "add", "action_no": "36",
         "page": "1", "evidence": "national victims database", "analyst": "A. Analyst",
         "reason": "database reported"},
        {"document": chile_sha, "target": "figure", "operation": "set", "fact_id": fact,
         "value": "1600", "analyst": "B. Analyst", "reason": "typo in the update, see note verbale"},
        {"document": anon_sha, "target": "document", "operation": "set", "state_iso3": "PER",
         "analyst": "B. Analyst", "reason": "sent by the Mission of Peru by e-mail"},
        {"document": chile_sha, "target": "action", "operation": "confirm", "action_no": "44",
         "analyst": "C. Analyst", "reason": "no such mention: must be reported"},
    ])
    for round_ in range(3):
        if round_ == 1:
            render(spec("niger.pdf", NIGER), settings.sources)
        run()
        chile = {r[0] for r in rows(settings, "SELECT action_no FROM action_progress WHERE document_id = ?", chile_id)}
        assert 21 not in chile and 36 in chile
        assert rows(settings, "SELECT value, reviewed_by FROM indicator_values WHERE fact_id = ?", fact) == [(1600.0, "B. Analyst")]
        assert rows(settings, "SELECT state_iso3, state_method FROM documents WHERE file_name = 'update_final.pdf'") == [("PER", "analyst")]
        outcomes = rows(settings, "SELECT line, applied FROM corrections ORDER BY line")
        assert outcomes == [(2, True), (3, True), (4, True), (5, True), (6, False)]


def test_failed_write_leaves_the_warehouse_as_it_was(tmp_path: Path):
    path = tmp_path / "w.duckdb"
    with store.connect(path) as con:
        apply_changes(con, Changes(run=pd.DataFrame([{
            "run_id": "r1", "started_at": pd.Timestamp("2022-06-20"), "code_version": "x",
            "sources_dir": "s", "documents": 0, "quarantined": 0}])))
    before = snapshot(path)
    quarantine = pd.DataFrame([{"file_name": "a.pdf", "sha256": None, "reason": "a.pdf: bad",
                                "stage": "read", "detected_at": pd.Timestamp("2022-06-20")}])
    duplicate_run = pd.DataFrame([{"run_id": "r1", "started_at": pd.Timestamp("2022-06-21"),
                                   "code_version": "x", "sources_dir": "s", "documents": 0,
                                   "quarantined": 1}])
    with store.connect(path) as con, pytest.raises(duckdb.ConstraintException):
        apply_changes(con, Changes(quarantine=quarantine, run=duplicate_run))
    assert snapshot(path) == before


def test_a_second_writer_waits_then_fails_with_a_clear_message(tmp_path: Path):
    import subprocess
    import sys

    path = tmp_path / "w.duckdb"
    with store.connect(path):
        pass
    holder = subprocess.Popen(
        [sys.executable, "-c", (f"import duckdb,time; c=duckdb.connect({str(path)!r}); "
                                "print('held', flush=True); time.sleep(30)")],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with (pytest.raises(store.WarehouseBusyError, match="in use by another process"),
              store.connect(path, wait=1.5)):
            pass
    finally:
        holder.kill()
        holder.wait()


def test_a_warehouse_of_an_older_layout_is_set_aside_and_rebuilt(workspace):
    settings, run = workspace
    render(spec("chile.pdf", CHILE), settings.sources)
    with duckdb.connect(str(settings.warehouse)) as con:
        con.execute("CREATE TABLE documents (document_id VARCHAR, file_name VARCHAR)")
    run()
    assert rows(settings, "SELECT file_name FROM documents") == [("chile.pdf",)]
    assert len(list(settings.warehouse.parent.glob("w.incompatible-*.duckdb"))) == 1


def test_a_run_killed_half_way_leaves_the_warehouse_as_it_was(workspace, tmp_path: Path):
    import os
    import signal
    import subprocess
    import sys
    import time

    settings, run = workspace
    render(spec("chile.pdf", CHILE), settings.sources)
    run()
    before = snapshot(settings.warehouse)
    for n in range(6):
        render(spec(f"peru_{n}.docx", PERU[:1] + [[para(f"Anexo {n}.")]]), settings.sources)
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path / "home"), "OAP_CORRECTIONS": str(settings.corrections)}
    oap = Path(sys.executable).parent / "oap"
    process = subprocess.Popen(
        [str(oap), "run", "--sources", str(settings.sources), "--warehouse", str(settings.warehouse),
         "--reports", str(settings.reports), "--no-ocr"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, start_new_session=True,
    )
    deadline = time.monotonic() + 120
    for line in process.stdout:  # kill it as soon as it has started reading the new files
        if "document_pages" in line or time.monotonic() > deadline:
            break
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert snapshot(settings.warehouse) == before
    run()  # the next run picks up where the killed one stopped
    assert len(rows(settings, "SELECT * FROM documents")) == 7
