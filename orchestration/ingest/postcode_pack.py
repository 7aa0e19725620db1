"""Packing an ONS Postcode Directory into the compact file the repository ships (seeds/postcodes_uk.parquet).

    python -m orchestration.ingest.postcode_pack /path/to/ONSPD.csv.gz

Only what the warehouse uses is kept (postcode, easting, northing, local authority district), sorted by
postcode and compressed with zstd at its highest level: the November 2025 directory's 2.7 million postcodes
(19 MB as gzipped CSV) take about 11 MB. Keep the attribution in seeds/postcodes_uk.md up to date.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from orchestration.ingest.postcode_directory import SHIPPED, directory_query


def pack(source: Path, target: Path = SHIPPED) -> int:
    query = directory_query(source)
    with duckdb.connect() as con:
        con.execute(
            f"COPY ({query} ORDER BY postcode) TO '{target}' "
            "(FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 19, ROW_GROUP_SIZE 1000000)"
        )
        return con.execute(f"SELECT count(*) FROM read_parquet('{target}')").fetchone()[0]


if __name__ == "__main__":
    rows = pack(Path(sys.argv[1]))
    print(f"wrote {rows:,} postcodes to {SHIPPED} ({SHIPPED.stat().st_size / 1e6:.1f} MB)")
