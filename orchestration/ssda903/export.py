"""The SSDA903 return for a collection year, as DfE takes it: data/exports/ssda903/<2025-26>/.

The folder holds one CSV per table of that year's return (DfE's column names and order, dates dd/mm/yyyy,
blanks empty, UTF-8, '\\n' line ends, rows sorted by every column in DfE order), the same return as one
EXPSSDA903 XML file, and manifest.json (the year, the LA, the extract's as-of date, and each file's table,
row count and sha256; no child-level data). Only the rows this warehouse derived are written
(return_source = 'derived'): rows loaded from an earlier return were DfE's already.

Nothing in a file depends on when it was written, so the same warehouse gives byte-identical files. The folder
is written beside its final place and renamed into it; a return already published for the year is moved to
data/exports/ssda903/archive/, never overwritten. Tables not in a year's return (SWEpisodes before 2023/24,
DoLo before 2026/27) are not written.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd

from orchestration.exports.publishing import publish_folder
from orchestration.resources import WAREHOUSE_POOL, Warehouse
from orchestration.settings import load_settings
from orchestration.ssda903 import xml_layout
from orchestration.ssda903.files import csv_bytes, to_text
from orchestration.ssda903.layouts import CollectionYear, Table, collection_years, marts, tables_for

MARTS_SCHEMA = "marts_ssda903"
EXPORT_KEY = dg.AssetKey(["exports", "ssda903_return"])
# Partition keys are the years as folders name them: '2025-26' is 2025/26.
RETURN_YEARS = dg.StaticPartitionsDefinition([y.folder for y in collection_years()])


def xml_file_name(year: CollectionYear) -> str:
    return f"ssda903_{year.folder}.xml"


@dataclass(frozen=True)
class ExportedReturn:
    folder: Path
    rows: dict[str, int]  # DfE table name → rows written
    files: dict[str, str]  # file name → sha256


def read_mart(con: duckdb.DuckDBPyConnection, table: Table, year: CollectionYear, la_code: str) -> pd.DataFrame:
    """One table of the year's return as text (DfE columns), from the derived rows of its mart, sorted by
    every column in DfE order."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
        [MARTS_SCHEMA, table.mart],
    ).fetchall()[0][0]
    if not exists:
        raise RuntimeError(
            f"{MARTS_SCHEMA}.{table.mart} does not exist: build the 903 marts (the dbt models in "
            "models/marts/ssda903) before making the return"
        )
    rows = con.execute(
        f"SELECT {', '.join(table.fields)} FROM {MARTS_SCHEMA}.{table.mart} "
        "WHERE la_code = ? AND collection_year = ? AND return_source = 'derived' "
        f"ORDER BY {', '.join(f'{f} ASC NULLS FIRST' for f in table.fields)}",
        [la_code, year.label],
    ).fetchall()
    return to_text(table, pd.DataFrame(rows, columns=list(table.fields), dtype=object))


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def manifest_bytes(year: CollectionYear, la_code: str, as_of: date | None, files: list[dict[str, str | int]]) -> bytes:
    """manifest.json: what the folder holds, and nothing about any child; no time of writing."""
    manifest = {
        "return": "SSDA903 (children looked after)",
        "collection_year": year.label,
        "period": {"start": year.start.isoformat(), "end": year.end.isoformat()},
        "specification": f"DfE SSDA903 {year.label} file layouts (schemas/ssda903/layouts.yaml)",
        "la_code": la_code,
        "extract_as_of": as_of.isoformat() if as_of else None,
        "complete_year": bool(as_of and as_of > year.end),
        "rows_included": "rows the warehouse derived from the case-system extracts (rows of earlier returns excluded)",
        "xml_note": (
            "SWEpisodes and DoLo are written as SW_EPISODE and DOLO elements in CHILD: an assumption to confirm "
            "against the DfE technical specification. The XML file's rows are its CHILD elements."
        ),
        "files": files,
    }
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write_return(
    con: duckdb.DuckDBPyConnection,
    year: CollectionYear | str,
    folder: Path,
    la_code: str,
    as_of: date | None = None,
) -> ExportedReturn:
    """Write the year's return from the marts into `folder`: built in a hidden folder beside it and renamed into
    place when whole (a return already there is archived); nothing is left behind if any step fails."""
    year = year if isinstance(year, CollectionYear) else CollectionYear.parse(year)
    rows: dict[str, int] = {}
    hashes: dict[str, str] = {}

    def write(staging: Path) -> None:
        frames, described = {}, []

        def put(name: str, content: bytes, table: str, count: int) -> None:
            (staging / name).write_bytes(content)
            hashes[name] = _sha256(content)
            described.append({"file": name, "table": table, "rows": count, "sha256": hashes[name]})

        for table in tables_for(year):
            frames[table.name] = read_mart(con, table, year, la_code)
            rows[table.name] = len(frames[table.name])
            put(table.file, csv_bytes(table, frames[table.name], year), table.name, rows[table.name])
        xml = xml_layout.xml_bytes(frames, year)
        put(xml_file_name(year), xml, "EXPSSDA903 (every table above)", xml.count(b"<CHILD>"))
        manifest = manifest_bytes(year, la_code, as_of, described)
        (staging / "manifest.json").write_bytes(manifest)
        hashes["manifest.json"] = _sha256(manifest)

    published = publish_folder(folder, write)
    return ExportedReturn(folder=published, rows=rows, files=hashes)


def return_years(as_of: date) -> list[str]:
    """Partition keys of the last complete collection year and the one in progress at `as_of`."""
    current = CollectionYear.containing(as_of)
    keys = set(RETURN_YEARS.get_partition_keys())
    return [y.folder for y in (CollectionYear(current.ending - 1), current) if y.folder in keys]


@dg.asset(
    key=EXPORT_KEY,
    partitions_def=RETURN_YEARS,
    deps=[dg.AssetKey(["marts", "ssda903", mart]) for mart in marts()],
    group_name="ssda903",
    pool=WAREHOUSE_POOL,
    owners=["team:data-engineering"],
    kinds={"csv", "xml"},
    description=(
        "The SSDA903 return for a collection year (partition 2025-26 = 2025/26) in data/exports/ssda903/<year>/: "
        "one CSV per DfE table, the EXPSSDA903 XML and a manifest with row counts and checksums. Written whole "
        "or not at all; a return already there is archived. The same warehouse gives byte-identical files."
    ),
)
def ssda903_return(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    settings = load_settings()
    year = CollectionYear.parse(context.partition_key)
    folder = settings.exports_dir / "ssda903" / year.folder
    with warehouse.connect() as con:
        exported = write_return(con, year, folder, settings.la_code, settings.as_of)
    context.log.info(
        f"{year} return written to {exported.folder}: " + ", ".join(f"{t} {n}" for t, n in exported.rows.items())
    )
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(exported.folder)),
            "collection_year": year.label,
            "dagster/row_count": sum(exported.rows.values()),
            "rows_by_table": dg.MetadataValue.json(exported.rows),
            "files": dg.MetadataValue.json({name: sha[:12] for name, sha in exported.files.items()}),
        }
    )


make_903_return = dg.define_asset_job(
    "make_903_return",
    selection=dg.AssetSelection.assets(ssda903_return),  # partitioned by collection year, as the asset is
    description="Write one collection year's SSDA903 return (choose the year as the partition, e.g. 2025-26).",
)
