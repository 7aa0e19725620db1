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

import duckdb

from orchestration.ingest.postcode_directory import directory_query, postcode_file
from orchestration.ssda903.placement_location import DISTRICT_TO_AUTHORITY, pl_distance, pl_la, pl_location

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
