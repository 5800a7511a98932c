"""The instance `oap run` and `oap ui` share: its configuration and its event log storage."""

from pathlib import Path

import dagster as dg
import pytest
from dagster._core.storage.event_log import SqliteEventLogStorage

from pipelines.event_log import KEPT_ENGINES, KeptEngineSqliteEventLogStorage
from pipelines.instance import EARLIER_INSTANCE_CONFIGS, instance_config, prepare_instance


@dg.asset
def tally() -> int:
    return 1


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _materialize(home: Path) -> str:
    with dg.DagsterInstance.from_config(str(home)) as instance:
        result = dg.materialize([tally], instance=instance)
        assert result.success
        return result.run_id


def test_the_project_instance_keeps_its_runs_where_dagster_would(home: Path):
    prepare_instance()
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert isinstance(instance.event_log_storage, KeptEngineSqliteEventLogStorage)
    run_id = _materialize(home)
    # Dagster's own storage, on the folder its default configuration uses, reads the same run.
    plain = SqliteEventLogStorage(str(home / "history" / "runs"))
    events = {entry.dagster_event.event_type for entry in plain.get_logs_for_run(run_id)
              if entry.dagster_event}
    assert {dg.DagsterEventType.ASSET_MATERIALIZATION, dg.DagsterEventType.RUN_SUCCESS} <= events
    assert plain.get_latest_materialization_events([tally.key])[tally.key] is not None


def test_runs_recorded_before_the_switch_are_still_read(home: Path):
    home.mkdir()
    (home / "dagster.yaml").write_text(EARLIER_INSTANCE_CONFIGS[0])
    earlier = _materialize(home)  # Dagster's default event log
    prepare_instance()
    assert (home / "dagster.yaml").read_text() == instance_config(home)
    later = _materialize(home)
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert {run.run_id for run in instance.get_runs()} == {earlier, later}
        assert instance.get_latest_materialization_event(tally.key).run_id == later
        assert any(entry.dagster_event and entry.dagster_event.is_step_success
                   for entry in instance.all_logs(earlier))


def test_each_database_keeps_one_engine(home: Path):
    prepare_instance()
    with dg.DagsterInstance.from_config(str(home)) as instance:
        storage = instance.event_log_storage
        first = dg.materialize([tally], instance=instance).run_id
        index = storage._engines["index"]
        second = dg.materialize([tally], instance=instance).run_id
        assert storage._engines["index"] is index  # not one engine per event
        assert set(storage._engines) == {"index", first, second}


def test_engines_of_old_runs_are_let_go(tmp_path: Path):
    storage = KeptEngineSqliteEventLogStorage(str(tmp_path / "runs"))
    shards = [f"run{n}" for n in range(KEPT_ENGINES + 4)]
    for shard in ["index", *shards]:
        storage._engine(shard)
        storage._engine("index")  # in use all along: never let go
    assert len(storage._engines) == KEPT_ENGINES
    assert "index" in storage._engines and shards[-1] in storage._engines
    assert shards[0] not in storage._engines
    storage.dispose()
    assert not storage._engines


@pytest.mark.parametrize(("written", "replaced"), [
    ("", True),
    (EARLIER_INSTANCE_CONFIGS[0], True),
    (instance_config(Path("/an/earlier/place/home")), True),  # the folder was moved
    ("storage:\n  postgres:\n    postgres_url:\n      env: OAP_POSTGRES_URL\n", False),
    (instance_config(Path("/an/earlier/place/home")) + "run_monitoring:\n  enabled: true\n", False),
])
def test_prepare_instance_writes_only_its_own_configuration(home: Path, written: str, replaced: bool):
    home.mkdir()
    (home / "dagster.yaml").write_text(written)
    prepare_instance()
    assert (home / "dagster.yaml").read_text() == (instance_config(home) if replaced else written)
