"""The whole asset graph materialised for real: files in a folder to DuckDB and a report."""

import shutil
from types import SimpleNamespace

import dagster as dg
import duckdb
import pytest

from pipelines.runner import run_pipeline
from pipelines.settings import Settings
from tests.conftest import heading, para, table


@pytest.fixture(scope="module")
def pipeline_run(tmp_path_factory):
    from corpus.render import render
    from tests.conftest import spec

    root = tmp_path_factory.mktemp("run")
    sources = root / "sources"
    sources.mkdir()
    render(spec("chile_update.pdf", [[
        heading("Survey and clearance"),
        para("In line with Action 21 and Actions 18 to 20, Chile cleared 1,500 square metres "
             "in 2021 under Article 5, paragraph 1."),
        table([["Method", "Area (m²)"], ["Cancelled", "10,000"], ["Reduced", "2,000"],
               ["Cleared", "1,500"], ["Total", "13,500"]]),
    ]], letterhead=["Permanent Mission of Chile"]), sources)
    render(spec("statement_final_v2.docx", [[
        heading("Assistance aux victimes"),
        para("Déclaration de la délégation du Sénégal. Conformément à l'action n° 36 du Plan "
             "d'action d'Oslo, la base de données sur les victimes a été mise à jour en 2021."),
    ]]), sources)
    render(spec("peru_update.pdf", [[
        para("Misión Permanente del Perú. En el marco de las acciones 33 a 35, el Perú "
             "despejó 25 hectáreas en 2021."),
    ]]), sources)
    (sources / "corrupt.pdf").write_bytes(b"%PDF-1.4\n%broken")
    shutil.copy(sources / "peru_update.pdf", sources / "peru_update_copy.pdf")
    settings = Settings(
        sources=sources, warehouse=root / "oap.duckdb", reports=root / "reports", ocr=False,
        report_formats="html",
    )
    with dg.instance_for_test() as instance:
        result = run_pipeline(settings, instance=instance)
        yield settings, result, instance


def query(settings: Settings, sql: str):
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_run_succeeds_and_is_recorded(pipeline_run):
    _, result, instance = pipeline_run
    assert result.success
    assert instance.get_run_by_id(result.run_id) is not None
    checks = [e for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    assert checks and all(e.event_specific_data.passed for e in checks)


def test_every_file_is_loaded_or_quarantined_once(pipeline_run):
    settings, *_ = pipeline_run
    loaded = {r[0] for r in query(settings, "SELECT file_name FROM documents")}
    held = dict(query(settings, "SELECT file_name, reason FROM quarantine"))
    assert loaded == {"chile_update.pdf", "statement_final_v2.docx", "peru_update.pdf"}
    assert set(held) == {"corrupt.pdf", "peru_update_copy.pdf"}
    assert "corrupt.pdf" in held["corrupt.pdf"]
    assert "same content as peru_update.pdf" in held["peru_update_copy.pdf"]


def test_documents_are_attributed_and_languages_detected(pipeline_run):
    settings, *_ = pipeline_run
    rows = {
        name: (state, lang)
        for name, state, lang in query(settings, "SELECT file_name, state_iso3, language FROM documents")
    }
    assert rows == {
        "chile_update.pdf": ("CHL", "en"),
        "statement_final_v2.docx": ("SEN", "fr"),
        "peru_update.pdf": ("PER", "es"),
    }


def test_explicit_action_references_keep_their_page_and_evidence(pipeline_run):
    settings, *_ = pipeline_run
    rows = query(
        settings,
        "SELECT d.file_name, a.action_no, a.page, a.evidence FROM action_progress a "
        "JOIN documents d USING (document_id) WHERE a.method = 'explicit'",
    )
    found = {(name, action) for name, action, *_ in rows}
    assert {("chile_update.pdf", n) for n in (18, 19, 20, 21)} <= found
    assert ("statement_final_v2.docx", 36) in found
    assert {("peru_update.pdf", n) for n in (33, 34, 35)} <= found
    assert ("chile_update.pdf", 5) not in found  # Article 5 is not an action
    assert all(page == 1 and evidence for *_, page, evidence in rows)


def test_figures_are_in_canonical_units_and_counted_once(pipeline_run):
    settings, *_ = pipeline_run
    rows = query(
        settings,
        "SELECT d.file_name, i.indicator, i.value, i.year FROM indicator_values i "
        "JOIN documents d USING (document_id) WHERE i.indicator = 'area_cleared_m2'",
    )
    assert ("peru_update.pdf", "area_cleared_m2", 250_000.0, 2021) in rows
    chile = [value for name, _, value, _ in rows if name == "chile_update.pdf"]
    assert chile and set(chile) == {1500.0}


def test_report_is_written(pipeline_run):
    settings, *_ = pipeline_run
    html = (settings.reports / "stocktaking_report.html").read_text()
    assert "<svg" in html
    assert "Chile" in html


def test_a_failed_blocking_check_stops_the_report(tmp_path, monkeypatch):
    """A file that appears in the folder after the load is in neither documents nor
    quarantine: the check says which, the run fails, and no report is built on that load."""
    from corpus.render import render
    from pipelines.defs import checks
    from tests.conftest import spec

    sources = tmp_path / "sources"
    sources.mkdir()
    render(spec("peru_update.pdf", [[para("Misión Permanente del Perú: 25 hectáreas en 2021.")]]),
           sources)
    listed = checks.walk

    def late_arrival(folder):
        return [*listed(folder), SimpleNamespace(name="late_arrival.pdf")]

    monkeypatch.setattr(checks, "walk", late_arrival)
    settings = Settings(sources=sources, warehouse=tmp_path / "oap.duckdb",
                        reports=tmp_path / "reports", ocr=False, report_formats="html")
    with dg.instance_for_test() as instance:
        result = run_pipeline(settings, instance=instance)
    assert not result.success
    evaluations = {
        e.event_specific_data.check_name: e.event_specific_data
        for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"
    }
    failed = evaluations["every_input_accounted_for"]
    assert not failed.passed
    assert failed.metadata["missing"].value == ["late_arrival.pdf"]
    assert evaluations["facts_have_documents"].passed
    assert not (tmp_path / "reports" / "stocktaking_report.html").exists()
