"""The sources-folder sensor asks for a run when files change, and skips when none did."""

from pathlib import Path

import dagster as dg

from pipelines.defs.sensors import sources_folder_changed
from pipelines.resources import SourcesFolder


def evaluate(folder: Path, cursor: str | None):
    context = dg.build_sensor_context(cursor=cursor, instance=dg.DagsterInstance.ephemeral(),
                                      resources={"sources": SourcesFolder(path=str(folder))})
    return sources_folder_changed(context)


def test_sensor_requests_a_run_for_new_files_then_skips(tmp_path: Path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4 a")
    first = evaluate(tmp_path, None)
    assert isinstance(first, dg.SensorResult) and len(first.run_requests) == 1
    assert first.run_requests[0].tags["oap/added"] == "1"
    second = evaluate(tmp_path, first.cursor)
    assert isinstance(second, dg.SkipReason)
    (tmp_path / "b.docx").write_bytes(b"PK")
    third = evaluate(tmp_path, first.cursor)
    assert isinstance(third, dg.SensorResult)
    assert third.run_requests[0].tags["oap/added"] == "1"
    assert third.run_requests[0].run_key != first.run_requests[0].run_key
    (tmp_path / "a.pdf").unlink()
    fourth = evaluate(tmp_path, third.cursor)
    assert fourth.run_requests[0].tags["oap/removed"] == "1"


def test_sensor_skips_a_missing_folder(tmp_path: Path):
    assert isinstance(evaluate(tmp_path / "nowhere", None), dg.SkipReason)
