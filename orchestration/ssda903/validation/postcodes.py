"""The postcode directory in the validation database: which postcodes exist (rule 392c), and PL_DISTANCE,
PL_LA and PL_LOCATION for a return that arrives as files, derived as DfE derives them.

Only the directory's rows for the postcodes the return (and last year's) holds are loaded, from the shipped
directory of every UK postcode (seeds/postcodes_uk.parquet) or CLA_POSTCODES: a scan of 2.7 million rows
takes a fraction of a second, where loading them all would take seconds. The table is postcode_directory:
postcode (upper case, no spaces), easting, northing, district.

The warehouse's episodes mart carries the derived fields already; a return validated on its own (`cla
validate-903`) has only the postcodes, so they are derived here with the district → authority lookup
(ssda903/placement_location.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import duckdb

from orchestration.ingest.postcode_directory import directory_query, postcode_file
from orchestration.scratch import scratch_duckdb
from orchestration.ssda903.placement_location import DISTRICT_TO_AUTHORITY, pl_distance, pl_la, pl_location

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

COMPACT = "replace(upper({}), ' ', '')"


def load_postcode_directory(con: duckdb.DuckDBPyConnection) -> None:
    given = " UNION ".join(
        f"SELECT {COMPACT.format(column)} FROM {table} WHERE {column} IS NOT NULL"
        for table in ("episodes", "episodes_last")
        for column in ("HOME_POST", "PL_POST")
    )
    # The directory holds 'AB1 0AA' (one space before the three-character inward code): matching the return's
    # postcodes in that form spares compacting 2.7 million of them.
    spaced = "left(compact, length(compact) - 3) || ' ' || right(compact, 3)"
    con.execute(
        f"""
        CREATE TABLE postcode_directory AS
        SELECT replace(postcode, ' ', '') AS postcode, easting, northing, lad_code AS district
        FROM ({directory_query(postcode_file())})
        WHERE postcode IN (SELECT {spaced} FROM ({given}) AS given(compact))
        """
    )


def directory_rows(episodes: pa.Table | pd.DataFrame | None, episodes_last: pa.Table | pd.DataFrame | None) -> pa.Table:
    """The directory's rows (postcode_directory's columns) for the postcodes of a return's episodes and last
    year's, found in a DuckDB of its own so that `cla validate-903` can scan the directory (a third of a second
    on one core) while the validation database is made on the other. The episodes are loaded there as
    open_database loads them, so the same postcodes are looked up."""
    from orchestration.ssda903.validation.database import _columns, _load

    con = scratch_duckdb()
    try:
        for name, rows in (("episodes", episodes), ("episodes_last", episodes_last)):
            _load(con, name, rows, _columns("episodes"))
        load_postcode_directory(con)
        return con.sql("SELECT * FROM postcode_directory").to_arrow_table()
    finally:
        con.close()


def derive_postcode_fields(con: duckdb.DuckDBPyConnection) -> None:
    for table in ("episodes", "episodes_last"):
        if con.execute(f"SELECT count(*) FROM {table} WHERE PL_LA IS NOT NULL").fetchone()[0]:
            continue  # supplied with the return (the warehouse's own marts)
        if not con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]:
            continue
        loaded = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'district_authority'"
        if not con.execute(loaded).fetchone()[0]:
            con.execute(
                "CREATE TABLE district_authority AS SELECT LTLA21CD AS district, UTLA21CD AS authority "
                "FROM read_csv(?, header = true, all_varchar = true)",
                [str(DISTRICT_TO_AUTHORITY)],
            )
        # Rebuilt rather than updated in place: a join into a new table is many times faster in DuckDB.
        placement_la = pl_la("placed.district", "lookup.authority")
        con.execute(
            f"""
            CREATE TABLE derived_episodes AS
            SELECT e.* REPLACE (
                CAST({pl_distance("home", "placed")} AS VARCHAR) AS PL_DISTANCE,
                {placement_la} AS PL_LA,
                {pl_location(placement_la, "la_code()")} AS PL_LOCATION
            )
            FROM {table} AS e
            LEFT JOIN postcode_directory AS home ON home.postcode = {COMPACT.format("e.HOME_POST")}
            LEFT JOIN postcode_directory AS placed ON placed.postcode = {COMPACT.format("e.PL_POST")}
            LEFT JOIN district_authority AS lookup ON lookup.district = placed.district
            ORDER BY e.row_key
            """
        )
        con.execute(f"DROP TABLE {table}")
        con.execute(f"ALTER TABLE derived_episodes RENAME TO {table}")
