"""PL_DISTANCE, PL_LA and PL_LOCATION, as DfE derives them, for the Python steps that derive them: episodes of
earlier returns loaded back in (submitted.py) and a return validated from files (`cla validate-903`).

The warehouse's own episodes get the same fields from the dbt model int_ssda903__placement_locations, which
writes the same formula in dbt's SQL.

- PL_DISTANCE: the straight line between the home and placement postcodes' OS grid points, in miles to one
  decimal place: round(sqrt((E_home - E_pl)^2 + (N_home - N_pl)^2) / 1000 / 1.6093, 1).
- PL_LA: the upper-tier authority of the placement postcode's district (SCO, NIR, WAL for Scottish, Northern
  Irish and Welsh districts); a unitary, metropolitan or London district newer than the 2021 lookup is its own.
- PL_LOCATION: IN when PL_LA is the returning authority, otherwise OUT.
"""

from __future__ import annotations

from orchestration.settings import SEEDS_DIR

KM_PER_MILE = 1.6093  # as in DfE's formula
DISTRICT_TO_AUTHORITY = SEEDS_DIR / "ltla21_to_utla21.csv"


def pl_distance(home: str, placed: str) -> str:
    """SQL for PL_DISTANCE between two rows holding easting and northing (aliases `home` and `placed`)."""
    return (
        f"round(sqrt(power({home}.easting - {placed}.easting, 2) + power({home}.northing - {placed}.northing, 2))"
        f" / 1000 / {KM_PER_MILE}, 1)"
    )


def pl_la(district: str, authority: str) -> str:
    """SQL for PL_LA from the placement's district code and its upper-tier authority from the lookup."""
    return f"""CASE
        WHEN {district} LIKE 'S%' THEN 'SCO'
        WHEN {district} LIKE 'N%' THEN 'NIR'
        WHEN {district} LIKE 'W%' THEN 'WAL'
        WHEN {authority} IS NOT NULL THEN {authority}
        WHEN {district} LIKE 'E06%' OR {district} LIKE 'E08%' OR {district} LIKE 'E09%' THEN {district}
    END"""


def pl_location(pl_la_sql: str, la_code: str) -> str:
    """SQL for PL_LOCATION from PL_LA and the returning authority's code (an SQL expression too)."""
    return f"CASE WHEN ({pl_la_sql}) IS NULL THEN NULL WHEN ({pl_la_sql}) = {la_code} THEN 'IN' ELSE 'OUT' END"
