"""The Dagster project loads, shows the whole graph, and both entry points name one module."""

import tomllib
from pathlib import Path

import dagster as dg
import yaml

from pipelines.runner import load_definitions

ROOT = Path(__file__).resolve().parents[1]

EXPECTED_ASSETS = {
    "oap_sections", "oap_actions", "action_keywords", "section_headings", "states_parties",
    "state_aliases", "meetings", "source_files", "analyst_corrections", "intake_plan",
    "document_pages", "passages", "quarantine", "documents", "action_progress",
    "indicator_values", "warehouse_tables", "stocktaking_report",
}


def test_definitions_load_with_every_asset_and_check():
    defs = load_definitions()
    keys = {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}
    assert EXPECTED_ASSETS <= keys
    checks = {key.name for key in defs.resolve_asset_graph().asset_check_keys}
    assert {"every_input_accounted_for", "facts_have_documents", "state_codes_exist",
            "rows_rejected_by_contracts", "corrections_still_apply"} <= checks
    assert {"sources", "warehouse", "reports", "corrections"} <= set(defs.resources)
    assert [sensor.name for sensor in defs.sensors] == ["sources_folder_changed"]


def test_workspace_and_tool_dg_name_the_same_module_and_location():
    workspace = yaml.safe_load((ROOT / "workspace.yaml").read_text())
    module = workspace["load_from"][0]["python_module"]["module_name"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["dg"]["project"]
    assert module == project["code_location_target_module"] == "pipelines.definitions"
    assert workspace["load_from"][0]["python_module"]["location_name"] == project["code_location_name"]
    assert project["root_module"] == "pipelines"


def test_graph_runs_from_files_to_report():
    graph = load_definitions().resolve_asset_graph()
    # the plan says whether documents are left for the next run, which then builds the report
    assert graph.get(dg.AssetKey("stocktaking_report")).parent_keys == {
        dg.AssetKey("warehouse_tables"), dg.AssetKey("intake_plan")}
    loaded = graph.get(dg.AssetKey("warehouse_tables")).parent_keys
    assert {dg.AssetKey("action_progress"), dg.AssetKey("indicator_values"),
            dg.AssetKey("documents"), dg.AssetKey("quarantine")} <= loaded
    assert dg.AssetKey("intake_plan") in graph.get(dg.AssetKey("document_pages")).parent_keys


def test_the_documents_preview_lists_the_first_rows_and_counts_the_rest() -> None:
    import pandas as pd

    from pipelines.defs.parse import PREVIEW_ROWS, _preview

    frame = pd.DataFrame({"file_name": [f"f{i}.pdf" for i in range(PREVIEW_ROWS + 10)],
                          "state_iso3": "COL", "language": "es", "pages": 2, "status": "loaded"})
    preview = _preview(frame)
    assert f"f{PREVIEW_ROWS - 1}.pdf" in preview and f"f{PREVIEW_ROWS}.pdf" not in preview
    assert preview.endswith("… and 10 more: the `documents` table lists them all.")
    assert "f0.pdf" in _preview(frame.head(3)) and "more" not in _preview(frame.head(3))
    assert _preview(frame.head(0)) == "no document changed"


def test_definitions_are_loaded_again_only_when_the_settings_change(monkeypatch, tmp_path):
    monkeypatch.setenv("OAP_SOURCES", str(tmp_path / "one"))
    first = load_definitions()
    assert load_definitions() is first
    assert first.resources["sources"].path == str(tmp_path / "one")
    monkeypatch.setenv("OAP_SOURCES", str(tmp_path / "two"))
    second = load_definitions()
    assert second is not first
    assert second.resources["sources"].path == str(tmp_path / "two")
