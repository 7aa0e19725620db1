"""DuckDB for work done beside the warehouse (the 903 validation's database, the XLSX writer's rows): within a
memory limit, spilling to a temporary folder beyond it, so a return of a million rows runs in a bounded memory.

CLA_MEMORY_LIMIT sets the limit (DuckDB's form: 1GB, 500MB; default 1GB, which keeps `cla validate-903` on a
50 MB return under 2 GB in all); CLA_TEMP_DIR where it spills (default the system's temporary folder). DuckDB
removes its spill files when the connection closes. Out of memory even so is duckdb.OutOfMemoryException,
which `cla validate-903` reports as a failure to run (exit 2) naming the setting.
"""

from __future__ import annotations

import os
import tempfile
import threading
import uuid
from pathlib import Path

import duckdb

MEMORY_LIMIT = "CLA_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = "1GB"


def memory_limit() -> str:
    return os.environ.get(MEMORY_LIMIT, DEFAULT_MEMORY_LIMIT).strip() or DEFAULT_MEMORY_LIMIT


def scratch_duckdb() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the memory limit and a spill folder of its own."""
    base = Path(os.environ.get("CLA_TEMP_DIR") or tempfile.gettempdir())
    base.mkdir(parents=True, exist_ok=True)
    spill = base / f"cla-duckdb-{uuid.uuid4().hex[:12]}"  # DuckDB makes it, and removes it on closing
    return duckdb.connect(config={"memory_limit": memory_limit(), "temp_directory": str(spill)})


_shared: dict[int, duckdb.DuckDBPyConnection] = {}  # process id → the DuckDB kept for small work beside
_opening = threading.Lock()


def beside() -> duckdb.DuckDBPyConnection:
    """A connection of its own (its registered views and temporary tables are its own; close it when done) to
    one in-memory DuckDB the process keeps for small work beside the warehouse: a report's CSV, a workbook's
    rows, counts over a list of failures. Opening a DuckDB costs some 20 ms of CPU, a connection to an open one
    almost nothing, and `cla validate-903` would otherwise open half a dozen. A forked process opens its own."""
    with _opening:
        shared = _shared.get(os.getpid())
        if shared is None:
            shared = _shared[os.getpid()] = scratch_duckdb()
        return shared.cursor()
