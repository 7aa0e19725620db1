"""The authority's own reference data, from its configuration file into the warehouse for the scorecard.

The under-18 population (C04's denominator), the comparators (England, statistical neighbours, the DfE
outturn) and the scorecard targets are written in the authority's file (`authorities/`), each with its year
and source, as are its teams and districts; this asset writes them to reference.population_under_18,
reference.scorecard_comparators, reference.scorecard_targets, reference.teams and reference.districts, which
the scorecard models and the staging tests read as dbt sources. Dozens of rows: rewritten whole on every run.
"""

import dagster as dg
import duckdb

from orchestration.owners import owners_for_group
from orchestration.resources import WAREHOUSE_POOL, Warehouse
from orchestration.settings import authority
from schemas.authority import Authority

TABLES = {
    "population_under_18": "la_code VARCHAR, year INTEGER, population INTEGER, source_note VARCHAR",
    "scorecard_comparators": (
        "indicator_id VARCHAR, comparator VARCHAR, year_ending INTEGER, value DOUBLE, source_note VARCHAR"
    ),
    "scorecard_targets": "indicator_id VARCHAR, year_ending INTEGER, target DOUBLE",
    "teams": "team VARCHAR, name VARCHAR, holds VARCHAR",
    "districts": "district VARCHAR, name VARCHAR, ons_code VARCHAR",
}
DESCRIPTIONS = {
    "population_under_18": "The authority's children aged under 18 by year, with the source of each estimate "
    "(ONS mid-year estimates): the denominator of C04, children in care per 10,000.",
    "scorecard_comparators": "Comparator figures for the scorecard (England, statistical neighbours, the "
    "authority's DfE-published outturn), each with the year it is for and its source.",
    "scorecard_targets": "The authority's scorecard targets by financial year (named by the year it ends in).",
    "teams": "The authority's children in care teams: area teams hold cases by where the child lives; the others "
    "hold one kind of case (uasc, disabled, care_leavers) wherever the child lives.",
    "districts": "The authority's districts (local reporting only), with the lower-tier authority each is, if any.",
}


def _rows(figures: Authority) -> dict[str, list[tuple]]:
    return {
        "population_under_18": [(figures.code, f.year, int(f.value), f.source) for f in figures.population_under_18],
        "scorecard_comparators": [(f.indicator, f.comparator, f.year, f.value, f.source) for f in figures.comparators],
        "scorecard_targets": [(f.indicator, f.year, f.value) for f in figures.targets],
        "teams": [(t.code, t.name, t.holds or None) for t in figures.teams],
        "districts": [(d.code, d.name, d.ons_code or None) for d in figures.districts],
    }


def write_authority_reference(con: duckdb.DuckDBPyConnection, figures: Authority) -> dict[str, int]:
    """Replace the reference tables with the authority's figures and teams; rows written per table."""
    con.execute("CREATE SCHEMA IF NOT EXISTS reference")
    counts = {}
    for table, rows in _rows(figures).items():
        con.execute(f"CREATE OR REPLACE TABLE reference.{table} ({TABLES[table]})")
        if rows:
            marks = ", ".join("?" for _ in rows[0])
            con.executemany(f"INSERT INTO reference.{table} VALUES ({marks})", rows)
        counts[table] = len(rows)
    return counts


@dg.multi_asset(
    name="authority_reference",
    specs=[
        dg.AssetSpec(
            ["reference", table],
            group_name="reference",
            owners=owners_for_group("reference"),
            description=DESCRIPTIONS[table] + " From the authority's configuration file (CLA_AUTHORITY).",
            kinds={"duckdb", "yaml"},
        )
        for table in TABLES
    ],
    pool=WAREHOUSE_POOL,
)
def authority_reference(context: dg.AssetExecutionContext, warehouse: Warehouse):
    figures = authority()
    with warehouse.connect() as con:
        counts = write_authority_reference(con, figures)
    context.log.info(f"{figures.name}'s reference data from {figures.path.name}: {counts}")
    for table, rows in counts.items():
        yield dg.MaterializeResult(
            asset_key=["reference", table],
            metadata={"dagster/row_count": rows, "file": figures.path.name, "authority": figures.code},
        )
