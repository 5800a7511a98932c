"""The Dagster event log of the project's instance: Dagster's SQLite storage, engines kept.

Dagster's SQLite event log builds a new SQLAlchemy engine for every event it writes and every
query it makes, and an engine keeps the statements it has compiled. A run writes some 160
events (a database per run, and an index that receives the asset events a second time), so
most of its inserts were compiled afresh each time: about a quarter of a run that has nothing
to do. This storage keeps each database's engine while the process lives. Its engines hold
no connection between uses (SQLAlchemy's ``NullPool``), as Dagster's do, so a forked worker
inherits none and the UI's processes share the files as before.

The files, their place (``history/runs`` in the instance's home, ``pipelines.instance``) and
their format are Dagster's own: an instance can switch between this storage and Dagster's
default either way. It relies on the storage's ``_connect``, which Dagster does not publish:
``tests/test_event_log.py`` fails when an upgrade of Dagster changes it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import sqlalchemy
from dagster._core.storage.event_log import SqliteEventLogStorage
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool

#: Engines kept per process: the index and the last runs' databases (the UI reads many runs).
KEPT_ENGINES = 16


class KeptEngineSqliteEventLogStorage(SqliteEventLogStorage):
    """Dagster's SQLite event log in ``base_dir``, one engine per database."""

    def __init__(self, base_dir: str, inst_data: Any = None):
        self._engines: OrderedDict[str, Engine] = OrderedDict()
        super().__init__(base_dir, inst_data=inst_data)

    @classmethod
    def from_config_value(cls, inst_data: Any, config_value: Mapping[str, Any]
                          ) -> KeptEngineSqliteEventLogStorage:
        return cls(inst_data=inst_data, **config_value)

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        with self._db_lock:
            engine = self._engine(shard)
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
            with engine.connect() as conn, conn.begin():
                yield conn

    def _engine(self, shard: str) -> Engine:
        """The engine of one database, made on first use; the least recently used is let go."""
        engine = self._engines.pop(shard, None)
        if engine is None:
            engine = sqlalchemy.create_engine(
                self.conn_string_for_shard(shard), poolclass=NullPool,
                connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS})
        self._engines[shard] = engine
        while len(self._engines) > KEPT_ENGINES:
            self._engines.popitem(last=False)[1].dispose()
        return engine

    def dispose(self) -> None:
        super().dispose()
        with self._db_lock:
            while self._engines:
                self._engines.popitem()[1].dispose()
