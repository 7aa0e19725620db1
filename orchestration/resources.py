"""The warehouse: one DuckDB file at an absolute path, opened by one step at a time.

DuckDB allows one writer per file and refuses other processes meanwhile, so every asset that opens it is in
the `duckdb` concurrency pool, limited to 1 in orchestration/dagster.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.settings import duckdb_config

WAREHOUSE_POOL = "duckdb"


class Warehouse(dg.ConfigurableResource):
    """The DuckDB warehouse file."""

    path: str

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(self.path)
        try:
            # SET rather than connect(config=...): a second connection in this process (dbt's, a test's) with
            # another configuration would be refused
            for name, value in duckdb_config().items():
                con.execute(f"SET {name} = '{value}'")
            yield con
        finally:
            con.close()
