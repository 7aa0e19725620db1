"""`cla-dbt`: dbt run from the folder of its warehouse, so that one parse of the project serves every warehouse.

dbt parses the whole project again (10-13 s of CPU) when the profile's connection settings differ from those of
its last parse, and dbt-duckdb's include the warehouse file's path: every data folder (each test's, each of a
region's authorities) paid a full parse before its build. Run from the folder of the file CLA_WAREHOUSE names,
with CLA_WAREHOUSE set to the file's bare name, dbt sees the same profile for every `warehouse.duckdb`, whose
relations are also the same ("warehouse".staging...); tests/test_dbt_invocation.py fails if a parse stops
carrying over. Dagster's dbt step runs it (orchestration/transform/assets.py) and so do the tests (run_dbt).
By hand it is `dbt` with its paths absolute: `CLA_WAREHOUSE=/srv/cla/warehouse.duckdb cla-dbt build ...`.

It runs dbt in its own process, always: dbt-duckdb keeps one DuckDB connection per process for a given profile,
so two warehouses with the same profile must never be built by one process.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main() -> None:
    warehouse = Path(os.environ.get("CLA_WAREHOUSE", "")).resolve()
    if os.environ.get("CLA_WAREHOUSE") and warehouse.parent.is_dir():  # else dbt says what is wrong itself
        os.chdir(warehouse.parent)
        os.environ["CLA_WAREHOUSE"] = warehouse.name
    from dbt.cli.main import cli

    sys.exit(cli())


if __name__ == "__main__":
    main()
