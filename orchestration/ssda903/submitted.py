"""Earlier 903 returns as input: data/landing/returns/<year>/ → submitted_returns.<mart>.

An authority drops the returns it made before the warehouse existed (or made by other means) in a folder per
collection year, named like `2024-25` ('2024_25', '202425' and 'SSDA903 2024-25' are read too): the CSV set
or the EXPSSDA903 XML, as sent to DfE. Each is checked (every file recognised, dates dd/mm/yyyy, whole
numbers where DfE wants them) and loaded typed, with la_code and collection_year, into the table of its mart;
the 903 marts add these rows with return_source 'submitted', so cross-year rules and measures see the years
the case-system extract no longer holds.

The landing folder is the truth: a load replaces all of this authority's submitted rows with what the folder
holds now. A year whose files cannot all be placed (an unknown file, two files for one table, CSV and XML
together) is not loaded at all; a row with a value of the wrong type is left out. Both are reported, by file,
row and column, in the `returns_readable` check and the log (never with a date of birth or postcode).

Episodes get PL_DISTANCE, PL_LA and PL_LOCATION from reference.postcodes and the LTLA → UTLA lookup, as DfE
derives them (ssda903/placement_location.py); null where a postcode is not known.
"""

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd

from orchestration.ingest.postcodes import POSTCODES_KEY
from orchestration.ingest.reading import FileProblem
from orchestration.owners import owners_for_group
from orchestration.resources import WAREHOUSE_POOL, Warehouse
from orchestration.settings import load_settings
from orchestration.ssda903.files import ReturnFiles, read_return, typed
from orchestration.ssda903.layouts import CollectionYear, Table, tables
from orchestration.ssda903.placement_location import DISTRICT_TO_AUTHORITY, pl_distance, pl_la, pl_location
from orchestration.ssda903.tables import SCHEMA, ensure_submitted_tables

__all__ = ["ensure_submitted_tables", "load_submitted_returns", "returns_landing", "submitted_returns"]

RETURNS_FOLDER = "returns"
LANDING_KEY = dg.AssetKey(["landing", RETURNS_FOLDER])
EXAMPLES_SHOWN = 20


def submitted_key(mart: str) -> dg.AssetKey:
    return dg.AssetKey([SCHEMA, mart])


@dataclass
class YearLoad:
    folder: str
    year: CollectionYear | None = None
    file_format: str = ""
    rows: dict[str, int] = field(default_factory=dict)  # mart → rows loaded
    problems: list[str] = field(default_factory=list)  # file-level (year not loaded) or row-level (row left out)
    notes: list[str] = field(default_factory=list)
    loaded: bool = False


@dataclass
class SubmittedLoad:
    years: list[YearLoad]
    totals: dict[str, int]  # mart → rows in submitted_returns.<mart> for this authority

    @property
    def problems(self) -> list[str]:
        return [f"{y.folder}: {p}" for y in self.years for p in y.problems]


def _read_year(folder: Path) -> tuple[YearLoad, dict[str, pd.DataFrame]]:
    """A year folder's return, typed, with the problems found; nothing is written."""
    load = YearLoad(folder=folder.name)
    try:
        load.year = CollectionYear.parse(folder.name)
    except ValueError as error:
        load.problems.append(f"the folder name: {error}; the folder was not read")
        return load, {}
    try:
        found: ReturnFiles = read_return(folder)
    except FileProblem as problem:
        load.problems.append(f"{problem}; nothing from {load.year} was loaded")
        return load, {}
    load.file_format, load.notes = found.file_format, list(found.notes)
    frames: dict[str, pd.DataFrame] = {}
    for name, rows in found.tables.items():
        table = rows.table
        if not table.in_year(load.year):
            if len(rows.frame):
                load.problems.append(
                    f"{rows.file} holds the {name} table, which is not part of the {load.year} return; "
                    "its rows were not loaded"
                )
            continue
        frame, problems = typed(rows)
        load.problems.extend(problems)
        frames[table.mart] = frame
    load.loaded = True
    return load, frames


def _table_exists(con: duckdb.DuckDBPyConnection, schema: str, name: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
            [schema, name],
        ).fetchall()[0][0]
    )


# PL_DISTANCE, PL_LA and PL_LOCATION as DfE derives them.
_DERIVED = ", ".join([pl_distance("home", "placed"), "placed_la.pl_la", pl_location("placed_la.pl_la", "$la_code")])
_WITH_POSTCODES = f"""
    submitted_rows AS r
    LEFT JOIN postcode AS home ON home.compact = replace(upper(r.home_post), ' ', '')
    LEFT JOIN postcode AS placed ON placed.compact = replace(upper(r.pl_post), ' ', '')
    LEFT JOIN (
        SELECT districts.lad_code, {pl_la("districts.lad_code", "lookup.utla")} AS pl_la
        FROM (SELECT DISTINCT lad_code FROM postcode) AS districts
        LEFT JOIN lookup ON lookup.ltla = districts.lad_code
    ) AS placed_la ON placed_la.lad_code = placed.lad_code
"""
_POSTCODE_CTES = """
    WITH postcode AS (
        SELECT replace(upper(postcode), ' ', '') AS compact, easting, northing, lad_code FROM reference.postcodes
    ),
    lookup AS (
        SELECT DISTINCT LTLA21CD AS ltla, UTLA21CD AS utla FROM read_csv($lookup, header = true, all_varchar = true)
    )
"""


def _insert(con, table: Table, frame: pd.DataFrame, la_code: str, year: CollectionYear, postcodes: bool) -> None:
    """Append one year's typed rows of one table (episodes with the postcode-derived fields)."""
    columns = ", ".join(c for c, _ in table.warehouse_columns())
    select = ", ".join(f"CAST(r.{c.field} AS {c.sql_type})" for c in table.columns)
    parameters = {"la_code": la_code, "year": year.label}
    ctes, source = "", "submitted_rows AS r"
    if table.mart == "episodes" and postcodes:
        ctes, source = _POSTCODE_CTES, _WITH_POSTCODES
        select += ", " + _DERIVED
        parameters["lookup"] = str(DISTRICT_TO_AUTHORITY)
    elif table.mart == "episodes":
        select += ", CAST(NULL AS DOUBLE), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR)"
    con.register("submitted_rows", frame.astype(object).where(pd.notna(frame), None))
    try:
        con.execute(
            f"INSERT INTO {SCHEMA}.{table.mart} ({columns}) {ctes} SELECT $la_code, $year, {select} FROM {source}",
            parameters,
        )
    finally:
        con.unregister("submitted_rows")


def load_submitted_returns(con: duckdb.DuckDBPyConnection, landing_dir: Path, la_code: str, log=None) -> SubmittedLoad:
    """Read every year folder under landing_dir/returns and replace this authority's submitted rows with them,
    in one transaction; the work behind the asset, callable without Dagster."""
    ensure_submitted_tables(con)
    root = landing_dir / RETURNS_FOLDER
    years: list[YearLoad] = []
    frames_by_year: list[tuple[YearLoad, dict[str, pd.DataFrame]]] = []
    if root.is_dir():
        for entry in sorted(root.iterdir()):
            if entry.name.startswith("."):
                continue
            if not entry.is_dir():
                years.append(
                    YearLoad(
                        folder=entry.name,
                        problems=[
                            "a file directly in returns/: put each return in a folder named for its year, "
                            "such as returns/2024-25/; it was not read"
                        ],
                    )
                )
                continue
            load, frames = _read_year(entry)
            years.append(load)
            frames_by_year.append((load, frames))
    labels = [y.year for y in years if y.year is not None and y.loaded]
    for duplicate in sorted({y for y in labels if labels.count(y) > 1}):
        folders = [y.folder for y in years if y.year == duplicate and y.loaded]
        for load in years:
            if load.folder in folders:
                load.problems.append(f"folders {', '.join(folders)} all hold {duplicate}; none of them was loaded")
                load.loaded = False
    postcodes = _table_exists(con, "reference", "postcodes")
    if not postcodes and any(frames.get("episodes") is not None for _, frames in frames_by_year):
        (log or logging.getLogger(__name__)).warning(
            "reference.postcodes is missing: PL_DISTANCE, PL_LA and PL_LOCATION of submitted episodes left null"
        )
    by_mart = {t.mart: t for t in tables()}
    con.execute("BEGIN TRANSACTION")
    try:
        for table in tables():
            con.execute(f"DELETE FROM {SCHEMA}.{table.mart} WHERE la_code = ?", [la_code])
        for load, frames in frames_by_year:
            if not load.loaded:
                continue
            for mart, frame in frames.items():
                if len(frame):
                    _insert(con, by_mart[mart], frame, la_code, load.year, postcodes)
                load.rows[mart] = len(frame)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    totals = {
        t.mart: con.execute(f"SELECT count(*) FROM {SCHEMA}.{t.mart} WHERE la_code = ?", [la_code]).fetchall()[0][0]
        for t in tables()
    }
    return SubmittedLoad(years=years, totals=totals)


returns_landing = dg.AssetSpec(
    key=LANDING_KEY,
    group_name="ssda903",
    owners=owners_for_group("ssda903"),
    description=(
        "Earlier SSDA903 returns dropped in `data/landing/returns/yyyy-yy/` (a folder per collection year, named "
        "like 2024-25): the CSV set (one file per DfE table, any file names) or the EXPSSDA903 XML file."
    ),
    kinds={"csv", "xml"},
)


def _years_table(load: SubmittedLoad) -> dg.TableMetadataValue:
    return dg.MetadataValue.table(
        records=[
            dg.TableRecord(
                {
                    "folder": y.folder,
                    "collection_year": y.year.label if y.year else "",
                    "format": y.file_format,
                    "loaded": y.loaded,
                    "rows": sum(y.rows.values()),
                    "problems": len(y.problems),
                }
            )
            for y in load.years
        ],
        schema=dg.TableSchema(
            columns=[
                dg.TableColumn("folder", "string"),
                dg.TableColumn("collection_year", "string"),
                dg.TableColumn("format", "string"),
                dg.TableColumn("loaded", "bool"),
                dg.TableColumn("rows", "int"),
                dg.TableColumn("problems", "int"),
            ]
        ),
    )


@dg.multi_asset(
    name="submitted_returns",
    specs=[
        dg.AssetSpec(
            submitted_key(t.mart),
            deps=[LANDING_KEY, POSTCODES_KEY],
            group_name="ssda903",
            owners=owners_for_group("ssda903"),
            description=(
                f"submitted_returns.{t.mart}: the {t.name} rows of the earlier 903 returns in "
                "`data/landing/returns/yyyy-yy/`, typed, with la_code and collection_year"
                + (", and PL_DISTANCE, PL_LA, PL_LOCATION from the postcodes" if t.mart == "episodes" else "")
                + f". Empty when no return was dropped. The {t.mart} mart adds them as return_source 'submitted'."
            ),
            kinds={"duckdb"},
        )
        for t in tables()
    ],
    check_specs=[
        dg.AssetCheckSpec(
            "returns_readable",
            asset=submitted_key("header"),
            description=(
                "Every earlier return in data/landing/returns/ was read whole: each year folder's name is a "
                "collection year, each file is recognised as one DfE table (or is the XML), and every value has "
                "its DfE type (dates dd/mm/yyyy, whole numbers). Failures name the file, row and column."
            ),
        )
    ],
    pool=WAREHOUSE_POOL,
)
def submitted_returns(context: dg.AssetExecutionContext, warehouse: Warehouse) -> Iterator:
    settings = load_settings()
    with warehouse.connect() as con:
        load = load_submitted_returns(con, settings.landing_dir, settings.la_code, context.log)
    for problem in load.problems:
        context.log.warning(f"returns/{problem}")
    for year in load.years:
        for note in year.notes:
            context.log.info(f"returns/{year.folder}/{note}")
        if year.loaded:
            context.log.info(
                f"returns/{year.folder}: {year.year} ({year.file_format}) loaded "
                + ", ".join(f"{m} {n}" for m, n in year.rows.items())
            )
    for t in tables():
        by_year = {y.year.label: y.rows.get(t.mart, 0) for y in load.years if y.loaded and y.year}
        yield dg.MaterializeResult(
            asset_key=submitted_key(t.mart),
            metadata={
                "dagster/row_count": load.totals[t.mart],
                "rows_by_year": dg.MetadataValue.json(by_year),
                **({"years": _years_table(load)} if t.mart == "header" else {}),
            },
        )
    yield dg.AssetCheckResult(
        asset_key=submitted_key("header"),
        check_name="returns_readable",
        passed=not load.problems,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "years_loaded": len([y for y in load.years if y.loaded]),
            "problems": len(load.problems),
            "examples": dg.MetadataValue.json(load.problems[:EXAMPLES_SHOWN]),
        },
    )
