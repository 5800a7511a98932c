"""The project's Dagster instance: its home folder and its configuration (``dagster.yaml``).

`oap run`, `oap ui` and the benchmark use the same instance, so the UI lists every run.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from pipelines.settings import dagster_home

#: Local storage under the home, no telemetry, and the event log of ``pipelines.event_log``
#: (Dagster's SQLite files in their usual place, written faster). The event log's folder is
#: written out in full, so any process that opens the instance finds it.
INSTANCE_CONFIG = """\
telemetry:
  enabled: false
event_log_storage:
  module: pipelines.event_log
  class: KeptEngineSqliteEventLogStorage
  config:
    base_dir: {events}
"""
#: What earlier versions wrote: replaced, as is this configuration written for another home
#: (a moved folder). Any other configuration is the analyst's own (PostgreSQL, for example,
#: docs/scaling.md) and left as it is.
EARLIER_INSTANCE_CONFIGS = ("telemetry:\n  enabled: false\n",)
_PROJECT_CONFIG = re.compile(re.escape(INSTANCE_CONFIG).replace(re.escape("{events}"), "[^\n]+"))


def instance_config(home: Path) -> str:
    """The configuration of the instance in ``home``."""
    return INSTANCE_CONFIG.format(events=json.dumps(str(home / "history" / "runs")))


def prepare_instance() -> Path:
    """Use the project's Dagster home, so `dg dev` shows the runs `oap run` makes."""
    home = dagster_home()
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    written = config.read_text() if config.exists() else ""
    ours = (not written.strip() or written in EARLIER_INSTANCE_CONFIGS
            or _PROJECT_CONFIG.fullmatch(written))
    if ours and written != instance_config(home):
        config.write_text(instance_config(home))
    os.environ["DAGSTER_HOME"] = str(home)
    return home
