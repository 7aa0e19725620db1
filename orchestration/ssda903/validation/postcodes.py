"""PL_DISTANCE, PL_LA and PL_LOCATION for a return that arrives as files, derived as DfE derives them.

The warehouse's episodes mart carries these already; a return validated on its own (`cla validate-903`) has
only the postcodes, so they are derived here from the postcode directory (seeds/postcodes_sample.csv.gz or
CLA_POSTCODES) and the district → authority lookup, by DfE's formula: straight-line distance between the OS
grid points / 1000 / 1.6093, to one decimal place; PL_LA the upper-tier authority of the placement
postcode's district (SCO, WAL, NIR for Scotland, Wales, Northern Ireland); PL_LOCATION IN when PL_LA is the
returning authority.
"""

from __future__ import annotations

import duckdb

from orchestration.ingest.postcodes import postcode_file
from orchestration.settings import SEEDS_DIR


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
                [str(SEEDS_DIR / "ltla21_to_utla21.csv")],
            )
        # Rebuilt rather than updated in place: a join into a new table is many times faster in DuckDB.
        con.execute(
            f"""
            CREATE TABLE derived_episodes AS
            SELECT e.* REPLACE (
                CASE WHEN home.easting IS NOT NULL AND placed.easting IS NOT NULL THEN
                    CAST(round(sqrt(power(home.easting - placed.easting, 2) + power(home.northing - placed.northing, 2))
                               / 1000 / 1.6093, 1) AS VARCHAR) END AS PL_DISTANCE,
                CASE
                    WHEN placed.district LIKE 'S%' THEN 'SCO'
                    WHEN placed.district LIKE 'W%' THEN 'WAL'
                    WHEN placed.district LIKE 'N%' THEN 'NIR'
                    ELSE coalesce(lookup.authority, placed.district) END AS PL_LA,
                CASE WHEN placed.district IS NULL THEN NULL
                    WHEN coalesce(lookup.authority, placed.district) = la_code() THEN 'IN' ELSE 'OUT' END
                    AS PL_LOCATION
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
