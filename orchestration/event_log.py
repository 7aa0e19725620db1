"""Dagster's SQLite event log (`orchestration/dagster.yaml`), with each database kept open instead of opened per event.

Dagster's own SQLite event log opens, commits and closes its database for every event, and an asset event touches
two (the run's and the cross-run index). A demo run stores about 1,850 events (every dbt model's and test's planned
event, output and materialisation or check result): closing a WAL database checkpoints it, and every commit waits for
the disk, so the event log took longer than the warehouse's ingest. Here the index and the few most recent runs'
databases stay open (a web server reading many runs keeps only those few) and commits use SQLite's
`synchronous=NORMAL`, which in WAL mode keeps the database consistent after a crash and can lose only the last
events before a power cut. Every event is still stored, in the same files and tables, read by the same UI.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

from dagster import Field, StringSource
from dagster._core.storage.event_log.sqlite.sqlite_event_log import INDEX_SHARD_NAME, SqliteEventLogStorage
from dagster._core.storage.sql import create_engine
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
from sqlalchemy import event
from sqlalchemy.pool import QueuePool

RUNS_KEPT_OPEN = 4


def _pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class EventLog(SqliteEventLogStorage):
    """Dagster's SQLite event log, in Dagster's default place ($DAGSTER_HOME/history/runs) unless `base_dir` says."""

    def __init__(self, base_dir: str, inst_data=None) -> None:
        self._engines: OrderedDict[str, object] = OrderedDict()
        super().__init__(base_dir, inst_data=inst_data)

    @classmethod
    def config_type(cls):
        return {"base_dir": Field(StringSource, is_required=False)}

    @classmethod
    def from_config_value(cls, inst_data, config_value) -> EventLog:
        base_dir = config_value.get("base_dir")
        if not base_dir:
            if not os.environ.get("DAGSTER_HOME"):
                raise ValueError("orchestration.event_log.EventLog needs DAGSTER_HOME set, or base_dir in its config")
            base_dir = os.path.join(os.environ["DAGSTER_HOME"], "history", "runs")
        return cls(base_dir, inst_data=inst_data)

    def _engine(self, shard: str):
        engine = self._engines.get(shard)
        if engine is None:
            engine = create_engine(
                self.conn_string_for_shard(shard),
                poolclass=QueuePool,
                pool_size=1,
                connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS},
            )
            event.listen(engine, "connect", _pragmas)
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
            self._engines[shard] = engine
            runs = [s for s in self._engines if s != INDEX_SHARD_NAME]
            for old in runs[:-RUNS_KEPT_OPEN]:
                self._engines.pop(old).dispose()
        else:
            self._engines.move_to_end(shard)
        return engine

    @contextmanager
    def _connect(self, shard: str) -> Iterator:
        with self._db_lock, self._engine(shard).connect() as conn, conn.begin():
            yield conn

    def _close_all(self) -> None:
        while self._engines:
            self._engines.popitem()[1].dispose()

    def wipe(self) -> None:
        with self._db_lock:
            self._close_all()  # the run databases' files are deleted
        super().wipe()

    def dispose(self) -> None:
        with self._db_lock:
            self._close_all()
        super().dispose()
