"""Postcode coordinates and the authority each postcode is in, for PL_DISTANCE, PL_LA and PL_LOCATION.

The repository ships `seeds/postcodes_sample.csv.gz` (every postcode in the CT, ME, TN and DA areas and 25
from each other authority, from the ONS Postcode Directory, Open Government Licence v3.0); a user replaces it
with the full directory by setting CLA_POSTCODES to a CSV (or .csv.gz) with the columns pcd, oseast1m, osnrth1m, laua.
Loaded by DuckDB directly: 100,000 rows take a fraction of a second, where `dbt seed` takes many seconds.
"""

import os
from pathlib import Path

import dagster as dg

from orchestration.owners import owners_for_group
from orchestration.resources import WAREHOUSE_POOL, Warehouse
from orchestration.settings import SEEDS_DIR

POSTCODES_KEY = dg.AssetKey(["reference", "postcodes"])


def postcode_file() -> Path:
    return Path(os.environ.get("CLA_POSTCODES", SEEDS_DIR / "postcodes_sample.csv.gz")).resolve()


# One space before the inward code, the form the extracts are normalised to.
DIRECTORY_SQL = """
    WITH directory AS (
        SELECT *, replace(upper(pcd), ' ', '') AS compact
        FROM read_csv(?, header = true, all_varchar = true)
        WHERE pcd IS NOT NULL
    )
    SELECT DISTINCT
        left(compact, length(compact) - 3) || ' ' || right(compact, 3) AS postcode,
        try_cast(oseast1m AS INTEGER) AS easting,
        try_cast(osnrth1m AS INTEGER) AS northing,
        laua AS lad_code
    FROM directory
"""


@dg.asset(
    key=POSTCODES_KEY,
    group_name="reference",
    pool=WAREHOUSE_POOL,
    owners=owners_for_group("reference"),
    description=(
        "Every postcode with its OS grid easting and northing (metres) and its lower-tier local authority, "
        "from the ONS Postcode Directory. Used for placement distances and the authority a placement is in."
    ),
)
def postcodes(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    path = postcode_file()
    with warehouse.connect() as con:
        con.execute("CREATE SCHEMA IF NOT EXISTS reference")
        con.execute(f"CREATE OR REPLACE TABLE reference.postcodes AS {DIRECTORY_SQL}", [str(path)])
        rows = con.execute("SELECT count(*) FROM reference.postcodes").fetchone()[0]
    context.log.info(f"loaded {rows} postcodes from {path.name}")
    return dg.MaterializeResult(metadata={"dagster/row_count": rows, "file": path.name})
