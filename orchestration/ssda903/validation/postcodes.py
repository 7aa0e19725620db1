"""PL_DISTANCE, PL_LA and PL_LOCATION for a return that arrives as files, derived as DfE derives them.

The warehouse's episodes mart carries these already; a return validated on its own (`cla validate-903`) has
only the postcodes, so they are derived here from the postcode directory (seeds/postcodes_sample.csv.gz or
CLA_POSTCODES) and the district → authority lookup, as DfE derives them (ssda903/placement_location.py).
"""

from __future__ import annotations

import duckdb

from orchestration.ingest.postcodes import postcode_file
from orchestration.ssda903.placement_location import DISTRICT_TO_AUTHORITY, pl_distance, pl_la, pl_location


def derive_postcode_fields(con: duckdb.DuckDBPyConnection) -> None:
    for table in ("episodes", "episodes_last"):
        if con.execute(f"SELECT count(*) FROM {table} WHERE PL_LA IS NOT NULL").fetchone()[0]:
            continue  # supplied with the return (the warehouse's own marts)
        if not con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]:
            continue
        loaded = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'postcode_directory'"
        if not con.execute(loaded).fetchone()[0]:
            con.execute(
                """
                CREATE TABLE postcode_directory AS
                SELECT replace(upper(pcd), ' ', '') AS postcode, try_cast(oseast1m AS DOUBLE) AS easting,
                       try_cast(osnrth1m AS DOUBLE) AS northing, laua AS district
                FROM read_csv(?, header = true, all_varchar = true)
                """,
                [str(postcode_file())],
            )
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
            LEFT JOIN postcode_directory AS home ON home.postcode = replace(upper(e.HOME_POST), ' ', '')
            LEFT JOIN postcode_directory AS placed ON placed.postcode = replace(upper(e.PL_POST), ' ', '')
            LEFT JOIN district_authority AS lookup ON lookup.district = placed.district
            ORDER BY e.row_key
            """
        )
        con.execute(f"DROP TABLE {table}")
        con.execute(f"ALTER TABLE derived_episodes RENAME TO {table}")
        con.execute("CHECKPOINT")  # compressed, as open_database leaves every table
