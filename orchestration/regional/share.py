"""The pseudonymised share an authority sends its region each month: exports/regional_share/<yyyy-mm>/.

One CSV per shared table, read from the authority's marts as they are (`marts_ssda903.*`, the scorecard's
`marts_scorecard.*`), with every child (and social worker) id replaced by its keyed pseudonym, dates of birth cut to
the month, postcodes to their district, and the columns that identify a child (UPN) left out; `share_manifest.csv`
says whose share it is, for which month, and the date its data reach. What is kept and why is the README's
data-sharing summary. The hub reads the same files against the contracts in schemas/shares/regional_share.yaml.
"""

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd

from orchestration.owners import owners_for_group
from orchestration.publishing import publish_folder
from orchestration.regional.pseudonyms import birth_month, postcode_district, pseudonymise, share_key
from orchestration.resources import WAREHOUSE_POOL, Warehouse
from orchestration.scorecard.figures import month_end_of
from orchestration.scorecard.report import SCORECARD_MONTHS
from orchestration.settings import load_settings

SHARE_KEY = dg.AssetKey(["exports", "regional_share"])

# How a column is made fit to share; columns not named in a table's `columns` are never read.
PSEUDONYM, BIRTH_MONTH, DISTRICT, KEEP = "pseudonym", "birth_month", "district", "keep"


@dataclass(frozen=True)
class SharedTable:
    name: str
    source: str  # the mart it is read from
    columns: dict[str, tuple[str, str]]  # shared column -> (mart column, how it is made fit to share)
    where: str = ""
    extra: dict[str, str] = field(default_factory=dict)  # shared column -> SQL over the mart (not child-level)


def _ssda903(name: str, *columns: str, **made: str) -> SharedTable:
    """A 903 table: the authority, year and child (as a pseudonym), the date of birth as a month, and its columns."""
    shared = {"la_code": ("la_code", KEEP), "collection_year": ("collection_year", KEEP)}
    shared["child_pseudonym"] = ("child", PSEUDONYM)
    for column in columns:
        shared[column] = (column, KEEP)
    for new, spec in made.items():
        source, how = spec.split(":")
        shared[new] = (source, how)
    shared["return_source"] = ("return_source", KEEP)
    return SharedTable(name, f"marts_ssda903.{name}", shared)


SHARED_TABLES = (
    # header: UPN left out (it identifies a child nationally); the mother's first child's birth also to the month.
    _ssda903("header", "sex", "ethnic", "mother", birth_month="dob:birth_month", mc_birth_month="mc_dob:birth_month"),
    _ssda903(
        "episodes",
        "decom",
        "rne",
        "ls",
        "cin",
        "place",
        "place_provider",
        "dec",
        "rec",
        "reason_place_change",
        "urn",
        "pl_distance",
        "pl_la",
        "pl_location",
        home_district="home_post:district",
        placement_district="pl_post:district",
    ),
    _ssda903("uasc", "sex", "duc", birth_month="dob:birth_month"),
    _ssda903("reviews", "review", "review_code", birth_month="dob:birth_month"),
    _ssda903("missing", "missing", "mis_start", "mis_end", birth_month="dob:birth_month"),
    _ssda903(
        "oc2",
        "sdq_score",
        "sdq_reason",
        "convicted",
        "health_check",
        "immunisations",
        "teeth_check",
        "health_assessment",
        "substance_misuse",
        "intervention_received",
        "intervention_offered",
        birth_month="dob:birth_month",
    ),
    _ssda903("oc3", "in_touch", "activ", "accom", birth_month="dob:birth_month"),
    _ssda903(
        "ad1",
        "date_int",
        "date_match",
        "foster_care",
        "nb_adoptr",
        "sex_adoptr",
        "ls_adoptr",
        birth_month="dob:birth_month",
    ),
    _ssda903(
        "placed_adoption", "date_placed", "date_placed_ceased", "reason_placed_ceased", birth_month="dob:birth_month"
    ),
    _ssda903("prev_perm", "prev_perm", "la_perm", "date_perm", birth_month="dob:birth_month"),
    # Social workers are people too: their ids are pseudonymised like the children's.
    _ssda903(
        "sw_episodes", "sw_decom", "sw_dec", "sw_reason", sw_pseudonym="sw_id:pseudonym", birth_month="dob:birth_month"
    ),
    _ssda903("dolo", "dolo_start", "dolo_end", birth_month="dob:birth_month"),
    # The scorecard's child-level facts: who each indicator counted at each month end, and how.
    SharedTable(
        "children_counted",
        "marts_scorecard.scorecard__children_counted",
        {
            "la_code": ("la_code", KEEP),
            "indicator_id": ("indicator_id", KEEP),
            "month_end": ("month_end", KEEP),
            "child_pseudonym": ("child_id", PSEUDONYM),
            **{
                c: (c, KEEP)
                for c in (
                    "in_numerator",
                    "in_denominator",
                    "numerator",
                    "denominator",
                    "is_uasc",
                    "age_band",
                    "sex",
                    "ethnicity_group",
                    "placement_type",
                )
            },
        },
        where="month_end <= $month_end",
    ),
    # The authority's own figure for each indicator and month (no child in it), with the unit the region needs to
    # add authorities up.
    SharedTable(
        "indicator_months",
        "marts_scorecard.scorecard__indicator_months",
        {
            c: (c, KEEP)
            for c in ("la_code", "indicator_id", "month_end", "cohort", "numerator", "denominator", "value", "target")
        },
        where="breakdown = 'all' and month_end <= $month_end",
        extra={
            "unit": "(select unit from reference.scorecard_indicators i where i.indicator_id = t.indicator_id)",
            "polarity": "(select polarity from reference.scorecard_indicators i where i.indicator_id = t.indicator_id)",
        },
    ),
)

MANIFEST = "share_manifest"


def read_shared_table(
    con: duckdb.DuckDBPyConnection, table: SharedTable, key: bytes, la_code: str, month_end: date
) -> pd.DataFrame:
    sources = list(dict.fromkeys(source for source, _ in table.columns.values()))
    # As text, so the file shows each value as the warehouse holds it (12, not 12.0 for a whole number with blanks).
    columns = [f"cast(t.{c} as varchar) as {c}" for c in sources]
    select = ", ".join(columns + [f"{sql} as {name}" for name, sql in table.extra.items()])
    where = f"where t.la_code = $la_code{' and ' + table.where if table.where else ''}"
    sql = f"select {select} from {table.source} t {where}"
    parameters = {"la_code": la_code, "month_end": month_end}
    read = con.execute(sql, {k: v for k, v in parameters.items() if f"${k}" in sql}).df()
    made = {
        PSEUDONYM: lambda s: pseudonymise(s, key, la_code),
        BIRTH_MONTH: birth_month,
        DISTRICT: postcode_district,
        KEEP: lambda s: s,
    }
    shared = pd.DataFrame({name: made[how](read[source]) for name, (source, how) in table.columns.items()})
    for name in table.extra:
        shared[name] = read[name]
    return shared


def data_up_to(con: duckdb.DuckDBPyConnection, la_code: str, month_end: date) -> date | None:
    """The last month end the scorecard has figures for, up to the share's month: the date the shared data reach."""
    found = con.execute(
        "select max(month_end) from marts_scorecard.scorecard__indicator_months where la_code = ? and month_end <= ?",
        [la_code, month_end],
    ).fetchone()[0]
    return found


def write_share(
    con: duckdb.DuckDBPyConnection, folder: Path, *, key: bytes, la_code: str, la_name: str, month_end: date
) -> dict[str, int]:
    """Every shared table as CSV (dates yyyy-mm-dd) and the manifest, published into `folder` whole or not at all.
    Returns the rows written per table."""
    rows: dict[str, int] = {}

    def write(staging: Path) -> None:
        for table in SHARED_TABLES:
            frame = read_shared_table(con, table, key, la_code, month_end)
            frame.to_csv(staging / f"{table.name}.csv", index=False, date_format="%Y-%m-%d", lineterminator="\n")
            rows[table.name] = len(frame)
        reached = data_up_to(con, la_code, month_end)
        with open(staging / f"{MANIFEST}.csv", "w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh, lineterminator="\n")
            out.writerow(["la_code", "la_name", "share_month", "data_up_to", "tables", "rows"])
            reached_text = reached.isoformat() if reached else ""
            out.writerow([la_code, la_name, f"{month_end:%Y-%m}", reached_text, len(rows), sum(rows.values())])

    publish_folder(folder, write)
    return rows


@dg.asset(
    key=SHARE_KEY,
    partitions_def=SCORECARD_MONTHS,
    deps=[
        *(dg.AssetKey(["marts", "ssda903", t.name]) for t in SHARED_TABLES if t.source.startswith("marts_ssda903")),
        dg.AssetKey(["marts", "scorecard", "children_counted"]),
        dg.AssetKey(["marts", "scorecard", "indicator_months"]),
        dg.AssetKey(["reference", "scorecard_indicators"]),
    ],
    group_name="regional_share",
    pool=WAREHOUSE_POOL,
    owners=owners_for_group("regional_share"),
    kinds={"csv"},
    description=(
        "The pseudonymised share for the region (partition 2026-10 = data to 31 October 2026) in "
        "`data/exports/regional_share/<yyyy-mm>/`: the 903 tables and the scorecard's child-level facts with each "
        "child's id replaced by a keyed HMAC-SHA256 pseudonym (key CLA_SHARE_KEY, never written with the data), "
        "dates of birth as month and year, postcodes as their district; no names, UPNs or NHS numbers. Copy the "
        "folder into the hub's landing folder as `<hub>/landing/<la_code>/`."
    ),
)
def regional_share(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    settings = load_settings()
    month_end = month_end_of(context.partition_key)
    key = share_key()  # fails, saying how to set one, before anything is read
    folder = settings.exports_dir / "regional_share" / f"{month_end:%Y-%m}"
    with warehouse.connect() as con:
        rows = write_share(
            con, folder, key=key, la_code=settings.la_code, la_name=settings.la_name, month_end=month_end
        )
    context.log.info(f"regional share for {month_end:%B %Y}: {sum(rows.values()):,} rows in {len(rows)} tables")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(folder)),
            "rows_by_table": dg.MetadataValue.json(rows),
            "dagster/row_count": sum(rows.values()),
        }
    )
