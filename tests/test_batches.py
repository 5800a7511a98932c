"""A pile larger than a batch is taken in several runs: each holds one batch in memory, every
file is accounted for after each, and the warehouse ends as one run would have left it."""

import json
from dataclasses import replace
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest

from corpus.render import render
from pipelines.cli import main
from pipelines.defs.pending import another_batch
from pipelines.defs.sensors import listing, sources_folder_changed
from pipelines.resources import SourcesFolder
from pipelines.runner import load_definitions, run_batches, summarise
from pipelines.settings import DEFAULT_BATCH_FILES, ENV_BATCH_FILES, Settings
from pipelines.stages.plan import Plan, first_batch, make_plan
from pipelines.stages.reading import document_id
from tests.conftest import para, spec

SHA = {name: name[0] * 64 for name in ("a.pdf", "b.pdf", "c.docx", "d.pdf")}


def plan(to_read: list[str], stored: set[str] = frozenset(), **fields) -> Plan:
    rows = pd.DataFrame({"file_name": to_read, "sha256": [SHA[name] for name in to_read]})
    read_ids = {document_id(SHA[name]) for name in to_read}
    fields = {"withdrawn": frozenset(), "replaced_by": {}, **fields}
    return Plan(to_read=rows, to_extract=frozenset(read_ids | set(stored)), **fields)


def test_a_plan_within_the_limit_is_taken_whole():
    whole = plan(["a.pdf", "b.pdf"])
    assert first_batch(whole, 2) is whole
    assert first_batch(whole, 0) is whole  # 0: no limit


def test_files_to_read_come_first_and_the_rest_is_pending():
    whole = plan(["a.pdf", "b.pdf", "c.docx"], stored={"stored-1", "stored-2"})
    batch = first_batch(whole, 2)
    assert list(batch.to_read["file_name"]) == ["a.pdf", "b.pdf"]
    assert batch.to_extract == {document_id(SHA["a.pdf"]), document_id(SHA["b.pdf"])}
    assert batch.pending == {document_id(SHA["c.docx"]), "stored-1", "stored-2"}
    assert batch.pending_files == {"c.docx"}  # stored documents are loaded already
    assert batch.summary()["pending"] == 3
    later = first_batch(replace(whole, to_read=whole.to_read.iloc[0:0],
                                to_extract=frozenset({"stored-1", "stored-2"})), 1)
    assert later.to_extract == {"stored-1"} and later.pending == {"stored-2"}
    assert later.pending_files == frozenset()


def test_a_restored_document_left_for_later_is_restored_by_the_run_that_takes_it():
    whole = plan(["a.pdf"], stored={"back"}, restored=frozenset({"back"}))
    assert first_batch(whole, 1).restored == frozenset()
    assert first_batch(whole, 2).restored == {"back"}


def test_an_older_version_is_removed_by_the_run_that_reads_its_replacement():
    whole = plan(["a.pdf", "b.pdf"], replaced_by={"old-b": "b.pdf", "old-d": "d.pdf"})
    first = first_batch(whole, 1)  # b.pdf is left for the next run: its older version stays
    assert first.pending_files == {"b.pdf"}
    assert first.replaced == {"old-d"} and first.replaced_by == {"old-d": "d.pdf"}
    assert first_batch(whole, 2).replaced == {"old-b", "old-d"}


def test_the_plan_names_the_file_that_replaces_an_older_version():
    manifest = pd.DataFrame({"file_name": ["a.pdf", "b.pdf"], "sha256": [SHA["a.pdf"], "e" * 64],
                             "duplicate_of": [None, None]})
    previous = pd.DataFrame({
        "document_id": ["old-b", "gone"], "file_name": ["b.pdf", "gone.pdf"],
        "sha256": [SHA["b.pdf"], SHA["d.pdf"]], "status": ["loaded", "loaded"],
        "read_version": ["1", "1"], "extract_version": ["1", "1"],
    })
    quarantined = pd.DataFrame(columns=["file_name", "sha256", "stage"])
    made = make_plan(manifest, previous, quarantined, read_version="1",
                     extract_versions={document_id(sha): "1" for sha in manifest["sha256"]})
    assert made.replaced == {"old-b"} and made.replaced_by == {"old-b": "b.pdf"}
    assert made.withdrawn == {"gone"}


def counts(pending: int, unchanged: int) -> dict[str, int]:
    return {"to_read": 2, "to_extract": 2, "unchanged": unchanged, "pending": pending}


@pytest.mark.parametrize(("plans", "more"), [
    ([counts(0, 5)], False),  # one batch took everything
    ([counts(4, 0)], True),
    ([counts(4, 0), counts(2, 2)], True),
    ([counts(4, 0), counts(2, 2), counts(0, 4)], False),
    # files added while the first run went on: more pending than before, but it settled two
    ([counts(4, 0), counts(9, 2)], True),
    # the run between the two plans settled nothing (its documents neither loaded nor quarantined)
    ([counts(4, 0), counts(4, 0)], False),
    ([counts(4, 0), counts(6, 0)], False),
    # files taken out while the run went on: fewer unchanged, but fewer pending too
    ([counts(4, 6), counts(2, 3)], True),
])
def test_runs_follow_one_another_while_each_settles_documents(plans, more):
    assert another_batch(plans) is more


def test_the_batch_size_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv(ENV_BATCH_FILES, raising=False)
    assert Settings.from_env().batch_files == DEFAULT_BATCH_FILES
    monkeypatch.setenv(ENV_BATCH_FILES, "0")
    assert Settings.from_env().batch_files == 0
    for wrong in ("ten", "-5"):
        monkeypatch.setenv(ENV_BATCH_FILES, wrong)
        with pytest.raises(ValueError, match=ENV_BATCH_FILES):
            Settings.from_env()


DOCUMENTS = {
    "chile.pdf": "Permanent Mission of Chile. Under Action 21, Chile cleared 1,500 square metres "
                 "in 2021.",
    "peru.docx": "Misión Permanente del Perú. En el marco de la acción 27, el Perú despejó 25 "
                 "hectáreas en 2021.",
    "niger.pdf": "Mission permanente du Niger. Conformément à l'action 21, le Niger a dépollué "
                 "12 hectares en 2021.",
    "senegal.pdf": "Mission permanente du Sénégal. Au titre de l'action 27, le Sénégal a remis "
                   "4 hectares aux communautés en 2021.",
    "colombia.docx": "Misión Permanente de Colombia. En 2021 Colombia despejó 3 km² y destruyó "
                     "120 minas antipersonal (acción 21).",
}
_CONTENT = {
    "documents": "file_name, state_iso3, language, status, pages",
    "passages": "document_id, passage_no, page, text",
    "action_progress": "document_id, action_no, page, passage_no, method, status",
    "indicator_values": "fact_id, indicator, value, year, page",
    "quarantine": "file_name, reason",
}


def contents(warehouse: Path) -> dict[str, set]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {table: set(con.execute(f"SELECT {columns} FROM {table}").fetchall())
                for table, columns in _CONTENT.items()}


def test_a_pile_in_batches_ends_as_one_run_would_leave_it(tmp_path: Path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for name, text in DOCUMENTS.items():
        render(spec(name, [[para(text)]]), sources)
    (sources / "broken.pdf").write_bytes(b"%PDF-1.4 broken")

    def settings(name: str, batch: int) -> Settings:
        return Settings(sources=sources, warehouse=tmp_path / f"{name}.duckdb",
                        reports=tmp_path / f"{name}-reports", ocr=False,
                        corrections=tmp_path / "corrections.csv", report_formats="html",
                        batch_files=batch)

    with dg.instance_for_test() as instance:
        batched = run_batches(settings("batched", 2), instance=instance)
        whole = run_batches(settings("whole", 0), instance=instance)
        events = {run_id: [entry.dagster_event for entry in instance.all_logs(run_id)
                           if entry.dagster_event is not None] for run_id in batched.run_ids}

    assert batched.success and len(batched.run_ids) == 3 and len(whole.run_ids) == 1
    assert [plan["pending"] for plan in batched.plans] == [4, 2, 0]
    assert [plan["to_read"] for plan in batched.plans] == [2, 2, 2]
    for run in events.values():  # after each run, every file is loaded, quarantined or pending
        (check,) = [e.event_specific_data for e in run
                    if e.event_type_value == "ASSET_CHECK_EVALUATION"
                    and e.event_specific_data.check_name == "every_input_accounted_for"]
        assert check.passed
    reports = [[e for e in run if e.event_type_value == "ASSET_MATERIALIZATION"
                and e.asset_key.to_user_string() == "stocktaking_report"] for run in events.values()]
    assert [len(found) for found in reports] == [0, 0, 1]  # built once, by the last run
    assert (tmp_path / "batched-reports" / "stocktaking_report.html").exists()
    assert contents(tmp_path / "batched.duckdb") == contents(tmp_path / "whole.duckdb")
    assert len(contents(tmp_path / "whole.duckdb")["documents"]) == 5
    text = summarise(settings("batched", 2), batched)
    assert "3 runs, one per batch of at most 2 documents" in text
    assert "These runs: 6 file(s) read (1 could not be: quarantined), 5 document(s) extracted" in text
    assert sum(plan["unreadable"] for plan in batched.plans) == 1  # broken.pdf


def test_a_replaced_file_left_for_a_later_batch_keeps_its_older_version_until_then(
    tmp_path: Path,
):
    sources = tmp_path / "sources"
    sources.mkdir()
    render(spec("chile.pdf", [[para(DOCUMENTS["chile.pdf"])]]), sources)
    settings = Settings(sources=sources, warehouse=tmp_path / "w.duckdb", reports=tmp_path / "r",
                        ocr=False, corrections=tmp_path / "corrections.csv",
                        report_formats="html", batch_files=1)
    with dg.instance_for_test() as instance:
        assert run_batches(settings, instance=instance).success
        render(spec("chile.pdf", [[para(DOCUMENTS["chile.pdf"].replace("1,500", "2,500"))]]),
               sources)  # a new version of the same file...
        render(spec("a-niger.pdf", [[para(DOCUMENTS["niger.pdf"])]]), sources)  # ...read after this
        batched = run_batches(settings, instance=instance)

    assert batched.success
    assert [(plan["to_read"], plan["replaced"]) for plan in batched.plans] == [(1, 0), (1, 1)]
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        live = con.execute("SELECT file_name FROM documents WHERE status <> 'withdrawn' "
                           "ORDER BY 1").fetchall()
        values = con.execute("SELECT value FROM indicator_values JOIN documents USING "
                             "(document_id) WHERE file_name = 'chile.pdf'").fetchall()
    assert live == [("a-niger.pdf",), ("chile.pdf",)]
    assert values == [(2500.0,)]


def recorded_plan(pending: int, unchanged: int = 0) -> dg.AssetsDefinition:
    """An intake plan that records only its counts, for the sensor to read."""
    @dg.asset(name="intake_plan")
    def intake_plan() -> dg.MaterializeResult:
        return dg.MaterializeResult(metadata={"pending": pending, "unchanged": unchanged})
    return intake_plan


@pytest.fixture
def sensor_on_unchanged_folder(tmp_path: Path):
    """Evaluates the sensor on an instance, with the folder as the sensor last saw it."""
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4 a")
    sources = SourcesFolder(path=str(tmp_path))
    cursor = json.dumps(listing(sources), sort_keys=True)

    def evaluate(instance: dg.DagsterInstance):
        context = dg.build_sensor_context(cursor=cursor, instance=instance,
                                          resources={"sources": sources})
        return sources_folder_changed(context)
    return evaluate


def test_the_sensor_asks_for_the_next_batch_once_the_last_run_ended(sensor_on_unchanged_folder):
    evaluate = sensor_on_unchanged_folder
    with dg.instance_for_test() as instance:
        assert isinstance(evaluate(instance), dg.SkipReason)  # no run yet, folder as before
        left = dg.materialize([recorded_plan(3)], instance=instance)
        asked = evaluate(instance)
        assert isinstance(asked, dg.SensorResult)
        assert asked.run_requests[0].run_key == f"pending-after-{left.run_id}"
        assert asked.run_requests[0].tags["oap/pending"] == "3"
        dg.materialize([recorded_plan(0)], instance=instance)
        assert isinstance(evaluate(instance), dg.SkipReason)


def test_the_sensor_asks_for_no_more_runs_once_one_settled_nothing(sensor_on_unchanged_folder):
    evaluate = sensor_on_unchanged_folder
    with dg.instance_for_test() as instance:
        dg.materialize([recorded_plan(4, 0)], instance=instance)
        dg.materialize([recorded_plan(9, 2)], instance=instance)  # files added; two settled
        assert isinstance(evaluate(instance), dg.SensorResult)
        stuck = dg.materialize([recorded_plan(9, 2)], instance=instance)  # the run before: none
        skipped = evaluate(instance)
        assert isinstance(skipped, dg.SkipReason)
        assert f"9 still pending after run {stuck.run_id}" in skipped.skip_message


def test_a_batch_size_that_is_no_number_is_refused_with_its_name(monkeypatch, capsys, tmp_path):
    with pytest.raises(SystemExit) as refused:
        main(["run", "--sources", str(tmp_path), "--batch-files", "ten"])
    assert refused.value.code == 2
    assert "--batch-files" in capsys.readouterr().err
    monkeypatch.setenv(ENV_BATCH_FILES, "ten")
    with pytest.raises(SystemExit, match=f"oap: {ENV_BATCH_FILES} must be a whole number"):
        main(["run", "--sources", str(tmp_path)])


def test_the_report_and_the_checks_run_on_their_own_as_from_the_ui(tmp_path: Path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in ("chile.pdf", "niger.pdf"):
        render(spec(name, [[para(DOCUMENTS[name])]]), sources)
    settings = Settings(sources=sources, warehouse=tmp_path / "w.duckdb",
                        reports=tmp_path / "reports", ocr=False,
                        corrections=tmp_path / "corrections.csv", report_formats="html",
                        batch_files=1)
    with dg.instance_for_test() as instance:
        settings.export()  # the definitions bound to these settings, as the UI has them
        job = load_definitions().resolve_implicit_global_asset_job_def()
        one = job.execute_in_process(instance=instance, raise_on_error=False)
        assert one.success  # one batch of two: the other file is pending
        report = job.execute_in_process(
            instance=instance, raise_on_error=False,
            asset_selection=[dg.AssetKey("stocktaking_report")])
        assert report.success and not report.get_asset_materialization_events()  # waits
        checks = job.get_subset(asset_selection=set(), asset_check_selection={
            dg.AssetCheckKey(dg.AssetKey("warehouse_tables"), name) for name in (
                "every_input_accounted_for", "facts_have_documents", "state_codes_exist",
                "rows_rejected_by_contracts", "corrections_still_apply")},
        ).execute_in_process(instance=instance, raise_on_error=False)
        (alone,) = [e.event_specific_data for e in checks.all_events
                    if e.event_type_value == "ASSET_CHECK_EVALUATION"
                    and e.event_specific_data.check_name == "every_input_accounted_for"]
        assert alone.passed and alone.metadata["pending"].value == 1
        assert job.execute_in_process(instance=instance, raise_on_error=False).success
        report = job.execute_in_process(
            instance=instance, raise_on_error=False,
            asset_selection=[dg.AssetKey("stocktaking_report")])
        assert len(report.get_asset_materialization_events()) == 1  # nothing pending: built
    assert (tmp_path / "reports" / "stocktaking_report.html").exists()
