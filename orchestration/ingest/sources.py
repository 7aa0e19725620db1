"""How far each source's data reaches ("data up to"), and so the date a run is as of.

A figure is published only for periods every source it needs reaches. Each source's date is, in order:
1. what its supplier declares: `landing/<source>/data_up_to.txt` holding one date (31/10/2026 or 2026-10-31);
2. the dates in its file names (`placements_2026-10-31.csv`; `placements_2026-10.csv` is the month's end): the
   oldest of them, so one entity's older extract holds the whole source back;
3. otherwise the newest date recorded in its rows (due dates and other dates allowed in the future left out),
   which the data certainly reaches;
never later than the load date (CLA_AS_OF, default today). A source with no rows loaded is missing.

The run is as of the earliest date the present required sources reach: the scorecard's months, the 903 year in
progress and the data-quality report's extract date all follow it, not the machine's clock. audit.sources holds
one row per source the contracts know; the `sources_complete` check fails naming each expected source that is
missing, or stale (it does not reach the month end before the load date).
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.ingest.landing import DECLARATION, entity_for_file
from orchestration.ingest.warehouse import SOURCES_COLUMNS, ensure_tables
from orchestration.owners import owners_for_group
from orchestration.resources import WAREHOUSE_POOL, Warehouse
from orchestration.settings import authority, load_settings
from schemas.contracts import Contract, load_contracts

SOURCES_KEY = dg.AssetKey(["audit", "sources"])
# Where a source's files may be: the SSD's tables are another layout of the case system's extract.
FOLDERS = {"case_system": ("case_system", "ssd")}
_FILE_DATE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})(?:-?(\d{2}))?(?!\d)")


@dataclass(frozen=True)
class SourceCoverage:
    source: str
    required: bool
    rows_loaded: int
    declared_date: date | None
    declared_by: str | None  # the file that declared it
    newest_record_date: date | None
    data_up_to: date | None
    status: str  # complete, stale or missing
    reason: str


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def previous_month_end(day: date) -> date:
    return day.replace(day=1) - timedelta(days=1)


def parse_declared(text: str) -> date | None:
    text = text.strip()
    for form in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


def _date_in_name(path: Path) -> date | None:
    for year, month, day in _FILE_DATE.findall(path.stem):
        try:
            named = date(int(year), int(month), int(day or 1))
        except ValueError:
            continue
        return named if day else month_end(named)
    return None


def declared_date(landing: Path, source: str) -> tuple[date | None, str | None, str | None]:
    """The date the source's supplier gives (the declaration file, else its file names), the file that gave
    it, and a problem with the declaration if there is one (never silently ignored)."""
    folders = [landing / name for name in FOLDERS.get(source, (source,)) if (landing / name).is_dir()]
    for folder in folders:
        declaration = folder / DECLARATION
        if declaration.is_file():
            declared = parse_declared(declaration.read_text(encoding="utf-8-sig", errors="replace"))
            if declared is None:
                return None, None, f"{folder.name}/{DECLARATION} does not hold a date as dd/mm/yyyy or yyyy-mm-dd"
            return declared, f"{folder.name}/{DECLARATION}", None
    named = [
        (named_date, f"{folder.name}/{p.name}")
        for folder in folders
        for p in sorted(folder.iterdir())
        if p.is_file() and (folder.name == "ssd" or entity_for_file(source, p)) and (named_date := _date_in_name(p))
    ]
    return (*min(named), None) if named else (None, None, None)


def newest_record_date(con: duckdb.DuckDBPyConnection, contracts: list[Contract], la_code: str, load: date):
    """The newest date in the source's rows that is not after the load date (dates allowed in the future, such
    as due dates, left out)."""
    selects = [
        f"SELECT max({c.name}) AS d FROM raw.{contract.entity} WHERE la_code = $la AND {c.name} <= $load"
        for contract in contracts
        for c in contract.columns
        if c.type == "date" and not c.future_allowed
    ]
    if not selects:
        return None
    return con.execute(f"SELECT max(d) FROM ({' UNION ALL '.join(selects)})", {"la": la_code, "load": load}).fetchone()[
        0
    ]


def source_coverage(con: duckdb.DuckDBPyConnection, landing: Path, la_code: str, load: date) -> list[SourceCoverage]:
    by_source: dict[str, list[Contract]] = {}
    for contract in load_contracts().values():
        by_source.setdefault(contract.source, []).append(contract)
    stale_before = previous_month_end(load)
    # The authority's file says which extracts it sends, required or optional: a missing or late optional one
    # only makes the figures that need it say "no data".
    supplies = authority().supplies
    coverage = []
    for source, contracts in by_source.items():
        rows = sum(
            con.execute(f"SELECT count(*) FROM raw.{c.entity} WHERE la_code = ?", [la_code]).fetchone()[0]
            for c in contracts
        )
        declared, declared_by, problem = declared_date(landing, source)
        newest = newest_record_date(con, contracts, la_code, load) if rows else None
        if not rows:
            reached, status, reason = None, "missing", f"no {source} extract loaded"
        else:
            reached = min(declared or newest, load)
            status = "stale" if reached < stale_before else "complete"
            said = f"{declared_by} says" if declared_by else "its newest record is"
            reason = f"{source} ends {reached:%d/%m/%Y} ({said} {(declared or newest):%d/%m/%Y})"
            if problem:
                reason += f"; {problem}"
        coverage.append(
            SourceCoverage(
                source, supplies(source) == "required", rows, declared, declared_by, newest, reached, status, reason
            )
        )
    return coverage


def data_as_of(coverage: list[SourceCoverage], load: date) -> date:
    """The date the run is as of: the earliest date the present required sources reach (the load date when
    none is present)."""
    reached = [c.data_up_to for c in coverage if c.required and c.data_up_to is not None]
    return min(reached, default=load)


def ensure_sources_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE SCHEMA IF NOT EXISTS audit")
    con.execute(f"CREATE TABLE IF NOT EXISTS audit.sources ({SOURCES_COLUMNS})")


def write_coverage(con: duckdb.DuckDBPyConnection, coverage: list[SourceCoverage], la_code: str) -> None:
    ensure_sources_table(con)
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM audit.sources WHERE la_code = ?", [la_code])
    con.executemany(
        "INSERT INTO audit.sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            [la_code, c.source, c.required, c.rows_loaded, c.declared_date, c.declared_by]
            + [c.newest_record_date, c.data_up_to, c.status, c.reason]
            for c in coverage
        ],
    )
    con.execute("COMMIT")


def read_coverage(con: duckdb.DuckDBPyConnection, la_code: str) -> list[SourceCoverage]:
    """What the last load recorded (empty before the first load, or in a warehouse built without the ingest)."""
    listed = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'audit' AND table_name = 'sources'"
    if not con.execute(listed).fetchone()[0]:
        return []
    rows = con.execute(
        "SELECT source, required, rows_loaded, declared_date, declared_by, newest_record_date, data_up_to, status, "
        "reason FROM audit.sources WHERE la_code = ? ORDER BY source",
        [la_code],
    ).fetchall()
    return [SourceCoverage(*row) for row in rows]


def behind(coverage: list[SourceCoverage], period_end: date) -> list[SourceCoverage]:
    """The sources that do not reach the end of a period (missing ones included), required ones first."""
    short = [c for c in coverage if c.data_up_to is None or c.data_up_to < period_end]
    return sorted(short, key=lambda c: (not c.required, c.source))


def sources_spec() -> list:
    return [dg.AssetKey(["raw", c.source, c.entity]) for c in load_contracts().values()]


@dg.asset(
    key=SOURCES_KEY,
    deps=sources_spec(),
    group_name="quality",
    pool=WAREHOUSE_POOL,
    owners=owners_for_group("quality"),
    description=(
        "audit.sources: how far each source's data reaches (its `data up to` date: what the supplier declares in "
        "`landing/<source>/data_up_to.txt` or the file names, else the newest date in its rows, never after the "
        "load date), whether it is required, and whether it is complete, stale or missing. The run is as of the "
        "earliest date the present required sources reach."
    ),
    check_specs=[
        dg.AssetCheckSpec(
            "sources_complete",
            asset=SOURCES_KEY,
            description=(
                "Every expected extract is loaded and reaches the month end before the load date; fails naming "
                "each that is missing or stale."
            ),
        )
    ],
    kinds={"duckdb"},
)
def sources(context: dg.AssetExecutionContext, warehouse: Warehouse):
    settings = load_settings()
    with warehouse.connect() as con:
        for contract in load_contracts().values():
            ensure_tables(con, contract)  # an extract never loaded has its empty table
        coverage = source_coverage(con, settings.landing_dir, settings.la_code, settings.as_of)
        write_coverage(con, coverage, settings.la_code)
    as_of = data_as_of(coverage, settings.as_of)
    # Expected: the required sources, and an optional one once it is supplied (a missing optional one is noted).
    problems = [c for c in coverage if c.status != "complete" and (c.required or c.status == "stale")]
    for c in coverage:
        if c.status != "complete":
            (context.log.warning if c in problems else context.log.info)(f"{c.status}: {c.reason}")
    yield dg.MaterializeResult(
        metadata={
            "data_as_of": as_of.isoformat(),
            "load_date": settings.as_of.isoformat(),
            "data_up_to": dg.MetadataValue.json(
                {c.source: c.data_up_to.isoformat() if c.data_up_to else "missing" for c in coverage}
            ),
        }
    )
    yield dg.AssetCheckResult(
        check_name="sources_complete",
        passed=not problems,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={
            "failing_keys": dg.MetadataValue.json([c.reason for c in problems]),
            "missing": dg.MetadataValue.json([c.source for c in problems if c.status == "missing"]),
            "stale": dg.MetadataValue.json({c.source: c.reason for c in problems if c.status == "stale"}),
            "data_as_of": as_of.isoformat(),
        },
    )
