"""The reference/postcodes asset: the postcode directory (postcode_directory.py) loaded into the warehouse as
reference.postcodes, for placement distances, the authority a placement is in and DfE's postcode rules."""

import dagster as dg

from orchestration.ingest.postcode_directory import directory_query, postcode_file
from orchestration.owners import owners_for_group
from orchestration.resources import WAREHOUSE_POOL, Warehouse

POSTCODES_KEY = dg.AssetKey(["reference", "postcodes"])


@dg.asset(
    key=POSTCODES_KEY,
    group_name="reference",
    pool=WAREHOUSE_POOL,
    owners=owners_for_group("reference"),
    description=(
        "Every UK postcode, live and terminated, with its OS grid easting and northing (metres) and its local "
        "authority district, from the ONS Postcode Directory (shipped: seeds/postcodes_uk.parquet; a newer one "
        "with CLA_POSTCODES). Used for placement distances, the authority a placement is in, and DfE's check "
        "that a postcode exists."
    ),
)
def postcodes(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    path = postcode_file()
    query = directory_query(path)
    with warehouse.connect() as con:
        con.execute("CREATE SCHEMA IF NOT EXISTS reference")
        con.execute(f"CREATE OR REPLACE TABLE reference.postcodes AS {query}")
        rows, located = con.execute("SELECT count(*), count(easting) FROM reference.postcodes").fetchone()
    context.log.info(f"loaded {rows} postcodes from {path.name}")
    return dg.MaterializeResult(metadata={"dagster/row_count": rows, "with_grid_reference": located, "file": path.name})
