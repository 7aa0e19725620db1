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

Before anything is written the return is validated against every DfE rule active in the year (with last
year's return and every earlier one the warehouse holds: the submitted one where it was loaded, else the
derived one). The validation report goes in
the return's folder. A return with any DfE error is not published: its report goes to <year>-blocked/ and the
published return, if any, is left as it was. Queries do not block. Nor is a return published while a
child's rows are quarantined in an extract it is built from (quarantined.py), unless the authority's file lists
the child in `return_leaves_out`; the report names those children either way.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pyarrow as pa

from orchestration.ingest.sources import data_as_of, read_coverage
from orchestration.owners import owners_for_group
from orchestration.previous_publication import PublicationRefused, previous, refuse_if_shrunk, remember
from orchestration.publishing import archive_folder, publish_folder
from orchestration.resources import WAREHOUSE_POOL, Warehouse
from orchestration.settings import authority, load_settings
from orchestration.ssda903 import xml_layout
from orchestration.ssda903.files import csv_bytes, to_text
from orchestration.ssda903.layouts import (
    DERIVED_EPISODE_COLUMNS,
    CollectionYear,
    Table,
    collection_years,
    marts,
    table,
    tables_for,
)
from orchestration.ssda903.quarantined import QuarantinedChildren, quarantined_children
from orchestration.ssda903.validation import providers as validation_providers
from orchestration.ssda903.validation.history import HISTORY_TABLES
from orchestration.ssda903.validation.reports import not_run_text, write_reports
from orchestration.ssda903.validation.runner import Validation, validate_return
from orchestration.transform.lineage import extracts_upstream_of

MARTS_SCHEMA = "marts_ssda903"
MARTS_FOLDER = "models/marts/ssda903"  # the dbt models the return is read from
EXPORT_KEY = dg.AssetKey(["exports", "ssda903_return"])
PUBLICATION = "ssda903_return"  # its name in audit.publications
# Partition keys are the years as folders name them: '2025-26' is 2025/26.
RETURN_YEARS = dg.StaticPartitionsDefinition([y.folder for y in collection_years()])


def xml_file_name(year: CollectionYear) -> str:
    return f"ssda903_{year.folder}.xml"


@dataclass(frozen=True)
class ExportedReturn:
    folder: Path
    rows: dict[str, int]  # DfE table name → rows written
    files: dict[str, str]  # file name → sha256
    validation: Validation
    published: bool  # the return's files were written
    draft: bool = False  # the year has not ended: a draft, never blocked, never for submission
    quarantined: QuarantinedChildren | None = None  # children with rows quarantined in the extracts it uses


def read_mart(
    con: duckdb.DuckDBPyConnection,
    table: Table,
    year: CollectionYear,
    la_code: str,
    return_source: str = "derived",
    derived_fields: bool = False,
) -> pd.DataFrame:
    """One table of the year's return as text (DfE columns), from the derived rows of its mart, sorted by
    every column in DfE order; with `derived_fields`, episodes also carry PL_DISTANCE, PL_LA, PL_LOCATION."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
        [MARTS_SCHEMA, table.mart],
    ).fetchall()[0][0]
    if not exists:
        raise RuntimeError(
            f"{MARTS_SCHEMA}.{table.mart} does not exist: build the 903 marts (the dbt models in "
            "models/marts/ssda903) before making the return"
        )
    extra = [c for c, _ in DERIVED_EPISODE_COLUMNS] if derived_fields and table.mart == "episodes" else []
    rows = con.execute(
        f"SELECT {', '.join([*table.fields, *extra])} FROM {MARTS_SCHEMA}.{table.mart} "
        "WHERE la_code = ? AND collection_year = ? AND return_source = ? "
        f"ORDER BY {', '.join(f'{f} ASC NULLS FIRST' for f in table.fields)}",
        [la_code, year.label, return_source],
    ).fetchall()
    frame = pd.DataFrame(rows, columns=[*table.fields, *extra], dtype=object)
    text = to_text(table, frame[list(table.fields)])
    for column in extra:
        text[column.upper()] = frame[column].map(lambda v: None if v is None or pd.isna(v) else str(v)).values
    return text


def last_year_return(con: duckdb.DuckDBPyConnection, year: CollectionYear, la_code: str) -> dict[str, pd.DataFrame]:
    """Last year's return for the rules that compare years: as submitted to DfE where it was loaded from
    data/landing/returns, otherwise as this warehouse derives it."""
    previous = CollectionYear(year.ending - 1)
    if previous.ending < min(y.ending for y in collection_years()):
        return {}
    submitted = con.execute(
        f"SELECT count(*) FROM {MARTS_SCHEMA}.header WHERE la_code = ? AND collection_year = ? "
        "AND return_source = 'submitted'",
        [la_code, previous.label],
    ).fetchone()[0]
    source = "submitted" if submitted else "derived"
    return {t.name: read_mart(con, t, previous, la_code, source, derived_fields=True) for t in tables_for(previous)}


def refuse_empty_or_shrunk(
    con: duckdb.DuckDBPyConnection, year: CollectionYear, la_code: str, counts: dict[str, int], min_share_kept: float
) -> None:
    """An empty return, or one much smaller than the previous publication (of this year; else the cohort of the
    year before), says an extract is missing, not that the children left care."""
    if not counts.get("Header"):
        raise PublicationRefused(
            f"The {year} return was not published: it has no Header rows (no child looked after in the year is in "
            f"{MARTS_SCHEMA}.header). Check that the case-system extracts are in landing and loaded "
            "(audit.entity_loads, audit.extract_files)."
        )
    before = previous(con, la_code, PUBLICATION, year.label)
    if before is None:
        return
    period, published = before
    if period != year.label:  # another year's tables differ in size; its cohort of children should not halve
        published, counts = {"Header": published.get("Header", 0)}, {"Header": counts["Header"]}
    refuse_if_shrunk(f"The {year} return", period, published, counts, min_share_kept)


def earlier_returns(
    con: duckdb.DuckDBPyConnection, year: CollectionYear, la_code: str
) -> dict[int, dict[str, pd.DataFrame]]:
    """Every earlier year's return the warehouse holds (as submitted where loaded, otherwise as derived), for
    the rules that look at a child's whole history: the tables those rules read (history.py), by year ending."""
    earlier = {}
    for earlier_year in collection_years():
        if earlier_year.ending >= year.ending - 1:
            continue  # last year's is last_year_return's, with every table
        submitted = con.execute(
            f"SELECT count(*) FROM {MARTS_SCHEMA}.header WHERE la_code = ? AND collection_year = ? "
            "AND return_source = 'submitted'",
            [la_code, earlier_year.label],
        ).fetchall()[0][0]
        source = "submitted" if submitted else "derived"
        earlier[earlier_year.ending] = {
            t.name: _mart_as_text(con, t, earlier_year, la_code, source)
            for t in tables_for(earlier_year)
            if t.mart in HISTORY_TABLES
        }
    return earlier


def _mart_as_text(
    con: duckdb.DuckDBPyConnection, table: Table, year: CollectionYear, la_code: str, return_source: str
) -> pa.Table:
    """One table of a year's return as the text a file holds (dd/mm/yyyy dates, blanks null), made in SQL and
    handed over as Arrow: several years of history at scale 10 are half a million rows, which read_mart's
    value-by-value conversion takes seconds over."""
    columns = []
    for column in table.columns:
        value = f"strftime({column.field}, '%d/%m/%Y')" if column.type == "date" else f"CAST({column.field} AS VARCHAR)"
        columns.append(f"nullif(trim({value}), '') AS \"{column.name}\"")
    return con.sql(
        f"SELECT {', '.join(columns)} FROM {MARTS_SCHEMA}.{table.mart} "
        "WHERE la_code = ? AND collection_year = ? AND return_source = ?",
        params=[la_code, year.label, return_source],
    ).to_arrow_table()


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def manifest_bytes(
    year: CollectionYear,
    la_code: str,
    as_of: date | None,
    files: list[dict[str, str | int]],
    validation: Validation | None = None,
    quarantined: QuarantinedChildren | None = None,
) -> bytes:
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
    if validation is not None:
        summary = validation.summary()
        draft = as_of is not None and as_of <= year.end
        blocked = quarantined is not None and quarantined.blocks
        manifest["validation"] = {
            "published": (validation.errors == 0 and not blocked) or draft,
            "draft": draft,
            "errors": validation.errors,
            "queries": validation.queries,
            "rules_run": int((summary["status"] == "run").sum()),
            "rules_not_run": sorted(summary.loc[summary["status"] != "run", "rule"]),
            "report": "validation/validation_report.xlsx",
        }
        if quarantined is not None:  # counts only: the report names the children
            manifest["quarantine"] = {
                "children_quarantined": len(quarantined.children),
                "children_left_out_by_the_officer": len(quarantined.children) - len(quarantined.held_back),
                "rows_naming_no_child": len(quarantined.unnamed_rows),
                "report": "validation/quarantined_children.csv",
            }
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write_return(
    con: duckdb.DuckDBPyConnection,
    year: CollectionYear | str,
    folder: Path,
    la_code: str,
    as_of: date | None = None,
    providers: pd.DataFrame | None = None,
    min_share_kept: float = 0.5,
    authority: str = "",
    built_from: Iterable[str] = (),
    leaves_out: frozenset[str] = frozenset(),
) -> ExportedReturn:
    """Validate the year's return from the marts, then write it into `folder` (with its validation report) if
    DfE would accept it, or only the report into `<folder>-blocked` if not. A year that has not ended at
    `as_of` gives a draft in `<folder>-draft`, written whatever its errors: many DfE rules hold only at the
    year's end (SDQs due, 18th birthdays to come), and a draft is for checking progress, not for DfE.
    Built in a hidden folder and renamed into place when whole (a folder already there is archived);
    nothing is left behind on failure. A return with no Header rows, or whose counts fell below `min_share_kept`
    of the previous publication's, is refused (PublicationRefused) before anything is written. Rows quarantined
    in the extracts `built_from` block it like a DfE error, except the children in `leaves_out`."""
    year = year if isinstance(year, CollectionYear) else CollectionYear.parse(year)
    rows: dict[str, int] = {}
    hashes: dict[str, str] = {}
    checked = {t.name: read_mart(con, t, year, la_code, derived_fields=True) for t in tables_for(year)}
    frames = {name: frame[list(table(name).column_names)] for name, frame in checked.items()}
    counts = {name: len(frame) for name, frame in frames.items()}
    refuse_empty_or_shrunk(con, year, la_code, counts, min_share_kept)
    validation = validate_return(
        year, la_code, checked, last_year_return(con, year, la_code), providers, earlier_returns(con, year, la_code)
    )
    quarantined = quarantined_children(con, la_code, built_from, leaves_out)
    draft = as_of is not None and as_of <= year.end
    publishable = draft or (validation.errors == 0 and not quarantined.blocks)

    def write(staging: Path) -> None:
        described = []

        def put(name: str, content: bytes, table_name: str, count: int) -> None:
            (staging / name).write_bytes(content)
            hashes[name] = _sha256(content)
            described.append({"file": name, "table": table_name, "rows": count, "sha256": hashes[name]})

        if publishable:
            for t in tables_for(year):
                rows[t.name] = len(frames[t.name])
                put(t.file, csv_bytes(t, frames[t.name], year), t.name, rows[t.name])
            xml = xml_layout.xml_bytes(frames, year)
            put(xml_file_name(year), xml, "EXPSSDA903 (every table above)", xml.count(b"<CHILD>"))
        write_reports(validation, staging / "validation", authority or la_code, as_of, quarantined)
        manifest = manifest_bytes(year, la_code, as_of, described, validation, quarantined)
        (staging / "manifest.json").write_bytes(manifest)
        hashes["manifest.json"] = _sha256(manifest)

    blocked = folder.with_name(f"{folder.name}-blocked")
    target = folder.with_name(f"{folder.name}-draft") if draft else folder if publishable else blocked
    written = publish_folder(target, write)
    if publishable:
        remember(con, la_code, PUBLICATION, year.label, counts)
    if publishable and not draft and blocked.exists():
        archive_folder(blocked)  # an earlier attempt's report no longer describes the return
    return ExportedReturn(
        folder=written, rows=rows, files=hashes, validation=validation, published=publishable, draft=draft,
        quarantined=quarantined,
    )  # fmt: skip


def return_years(as_of: date) -> list[str]:
    """Partition keys of the last complete collection year and the one in progress at `as_of`."""
    current = CollectionYear.containing(as_of)
    keys = set(RETURN_YEARS.get_partition_keys())
    return [y.folder for y in (CollectionYear(current.ending - 1), current) if y.folder in keys]


def _providers(settings) -> pd.DataFrame | None:
    """The Ofsted provider register, when the authority drops it in data/landing/reference/."""
    path = settings.landing_dir / "reference" / "ofsted_providers.csv"
    return read_providers(path) if path.exists() else None


def read_providers(path: Path) -> pd.DataFrame:
    """The register as text, or a dg.Failure naming the file and what is wrong with it."""
    try:
        return validation_providers.read_providers(path)
    except validation_providers.ProviderRegisterProblem as problem:
        raise dg.Failure(description=str(problem)) from None


@dg.asset(
    key=EXPORT_KEY,
    partitions_def=RETURN_YEARS,
    deps=[dg.AssetKey(["marts", "ssda903", mart]) for mart in marts()],
    group_name="ssda903",
    pool=WAREHOUSE_POOL,
    owners=owners_for_group("ssda903"),
    kinds={"csv", "xml"},
    check_specs=[
        dg.AssetCheckSpec(
            "dfe_validation",
            asset=EXPORT_KEY,
            blocking=True,
            description=(
                "The return passes every DfE validation rule active in its year (errors block publication; "
                "queries are reported and do not). Rules run as SQL over the return before it is written."
            ),
        )
    ],
    description=(
        "The SSDA903 return for a collection year (partition 2025-26 = 2025/26) in `data/exports/ssda903/yyyy-yy/`: "
        "one CSV per DfE table, the EXPSSDA903 XML, the DfE validation report and a manifest with row counts and "
        "checksums. Validated first: with any DfE error it is not published, and the report goes to "
        "`yyyy-yy-blocked/`. Written whole or not at all; a return already there is archived. The same warehouse "
        "gives byte-identical files."
    ),
)
def ssda903_return(context: dg.AssetExecutionContext, warehouse: Warehouse):
    settings = load_settings()
    year = CollectionYear.parse(context.partition_key)
    folder = settings.exports_dir / "ssda903" / year.folder
    with warehouse.connect() as con:
        # As of the date the data reaches, not the clock: a year the extracts do not reach the end of is a draft.
        as_of = data_as_of(read_coverage(con, settings.la_code), settings.as_of)
        try:
            exported = write_return(
                con, year, folder, settings.la_code, as_of, _providers(settings), settings.min_share_kept,
                authority=f"{settings.la_name} ({settings.la_code})", built_from=extracts_upstream_of(MARTS_FOLDER),
                leaves_out=authority().return_leaves_out,
            )  # fmt: skip
        except PublicationRefused as refused:
            raise dg.Failure(description=str(refused)) from None
    validation, quarantined = exported.validation, exported.quarantined
    summary = validation.summary()
    failing = summary[summary["failures"] > 0].sort_values("failures", ascending=False)
    not_run = summary[summary["status"] != "run"]
    check_metadata = {
        "collection_year": year.label,
        "return_kind": "draft: the year has not ended, not for DfE" if exported.draft else "complete year",
        "folder": dg.MetadataValue.path(str(exported.folder)),
        "errors": validation.errors,
        "queries": validation.queries,
        "children_with_errors": validation.children_with_errors,
        "rules_run": int((summary["status"] == "run").sum()),
        "rules_not_run": dg.MetadataValue.json({r.rule: r.reason or r.status for r in not_run.itertuples()}),
        "rules_not_run_why": dg.MetadataValue.md(
            not_run_text(o for o in validation.outcomes if o.status != "run") or "every active rule ran"
        ),
        "failures_by_rule": dg.MetadataValue.json(
            {f"{r.rule} ({r.severity})": int(r.failures) for r in failing.itertuples()}
        ),
        "report": dg.MetadataValue.path(str(exported.folder / "validation" / "validation_report.xlsx")),
        # Children by case-system id only: those whose quarantined rows the return would miss.
        "quarantined_children": dg.MetadataValue.json(quarantined.held_back),
        "quarantined_children_left_out": dg.MetadataValue.json(
            sorted(quarantined.leaves_out & set(quarantined.children))
        ),
        "quarantined_rows_naming_no_child": len(quarantined.unnamed_rows),
    }
    yield dg.AssetCheckResult(
        check_name="dfe_validation",
        passed=validation.errors == 0 and not quarantined.blocks,
        # A draft of a year in progress is reported, not blocked: it is not the return DfE will receive.
        severity=dg.AssetCheckSeverity.WARN if exported.draft else dg.AssetCheckSeverity.ERROR,
        metadata={**check_metadata, "draft": exported.draft},
    )
    if not exported.published:
        why = [f"{validation.errors} DfE error(s) for {check_metadata['children_with_errors']} children"]
        if quarantined.blocks:
            why.append(quarantined.why_blocked())
        raise dg.Failure(
            description=f"The {year} return was not published: {'; '.join(why)}; the report is in {exported.folder}",
            metadata=check_metadata,
        )
    context.log.info(
        f"{year} return written to {exported.folder}: " + ", ".join(f"{t} {n}" for t, n in exported.rows.items())
    )
    yield dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(exported.folder)),
            "collection_year": year.label,
            "dagster/row_count": sum(exported.rows.values()),
            "rows_by_table": dg.MetadataValue.json(exported.rows),
            "files": dg.MetadataValue.json({name: sha[:12] for name, sha in exported.files.items()}),
            "dfe_errors": validation.errors,
            "dfe_queries": validation.queries,
        }
    )
