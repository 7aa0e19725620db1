"""Postcode coordinates and the authority each postcode is in, for PL_DISTANCE, PL_LA and PL_LOCATION, and
for DfE's rule that a postcode exists (392c).

The repository ships every UK postcode, live and terminated, from the ONS Postcode Directory (Open
Government Licence v3.0; attribution in seeds/postcodes_uk.md and the README) as `seeds/postcodes_uk.parquet`:
postcode ('AB1 0AA'), OS grid easting and northing in metres, and the local authority district, 2.7 million
rows in about 11 MB. A newer directory is used by setting CLA_POSTCODES to the ONS CSV (or .csv.gz, or a
Parquet file of the same columns): its columns are found by their ONS names, old or new (pcds or pcd,
oseast1m or east1m, osnrth1m or north1m, laua, oslaua or lad25cd), so a release that renames them still loads.
Loaded by DuckDB directly: the shipped file in about a second, where `dbt seed` would take minutes.
"""

import gzip
import os
import re
from pathlib import Path

from orchestration.scratch import beside
from orchestration.settings import SEEDS_DIR

SHIPPED = SEEDS_DIR / "postcodes_uk.parquet"
# Each column the directory needs, and the names ONS has given it (first found wins).
COLUMNS = {
    "postcode": (r"postcode", r"pcds", r"pcd", r"pcd7", r"pcd8"),
    "easting": (r"easting", r"oseast1m", r"east1m"),
    "northing": (r"northing", r"osnrth1m", r"north1m"),
    "lad_code": (r"lad_code", r"laua", r"oslaua", r"lad\d\dcd"),
}


class PostcodeDirectoryProblem(ValueError):
    pass


def postcode_file() -> Path:
    return Path(os.environ.get("CLA_POSTCODES", SHIPPED)).resolve()


def _header(path: Path) -> list[str]:
    if path.suffix == ".parquet":
        with beside() as con:
            return [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet({_quoted(path)})").fetchall()]
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as f:
        return [c.strip().strip('"') for c in f.readline().split(",")]


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def directory_query(path: Path) -> str:
    """SQL giving postcode ('AB1 0AA', one space before the inward code, the form the extracts are normalised
    to), easting, northing (integers, metres) and lad_code from a directory file, whatever ONS called them."""
    if not path.exists():
        named = "CLA_POSTCODES names a missing file" if "CLA_POSTCODES" in os.environ else "the shipped file is missing"
        raise PostcodeDirectoryProblem(f"{path}: no such postcode directory ({named})")
    header = _header(path)
    if path.suffix == ".parquet" and header == list(COLUMNS):  # packed by postcode_pack: already in this form
        return f"SELECT postcode, easting, northing, lad_code FROM read_parquet({_quoted(path)})"
    lowered = {c.lower(): c for c in header}
    found = {}
    for column, names in COLUMNS.items():
        match = next((lowered[c] for name in names for c in lowered if re.fullmatch(name, c)), None)
        if match is None:
            raise PostcodeDirectoryProblem(
                f"{path.name}: no {column} column (looked for {', '.join(names)}; the file has {', '.join(header)})"
            )
        found[column] = f'"{match}"'
    source = (
        f"read_parquet({_quoted(path)})"
        if path.suffix == ".parquet"
        else f"read_csv({_quoted(path)}, header = true, all_varchar = true)"
    )
    compact = f"replace(upper(CAST({found['postcode']} AS VARCHAR)), ' ', '')"
    return f"""
        SELECT DISTINCT
            left(compact, length(compact) - 3) || ' ' || right(compact, 3) AS postcode,
            try_cast({found["easting"]} AS INTEGER) AS easting,
            try_cast({found["northing"]} AS INTEGER) AS northing,
            CAST({found["lad_code"]} AS VARCHAR) AS lad_code
        FROM (SELECT *, {compact} AS compact FROM {source}) AS directory
        WHERE length(compact) >= 5
    """
