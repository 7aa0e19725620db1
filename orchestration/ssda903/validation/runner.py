"""Running every rule active in a year over one return, and collecting what failed.

Each failure is a row: collection year, child, table, row key, rule code, DfE's message, severity, and the
offending row's values for the fields the rule concerns. Dates of birth and postcodes are shown only as
present or blank: the report names children by their case-system id alone.
"""

from __future__ import annotations

import queue
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import duckdb
import pandas as pd
import pyarrow as pa

from orchestration.privacy import PERSONAL_903_FIELDS, presence
from orchestration.ssda903.layouts import CollectionYear, tables
from orchestration.ssda903.validation.catalogue import CataloguedRule, active_rules
from orchestration.ssda903.validation.catalogue_changes import natural_key
from orchestration.ssda903.validation.database import cursor, has_last_year, has_postcode_directory, has_providers
from orchestration.ssda903.validation.rule_units import RuleUnit, unit_for

PERSONAL_FIELDS = PERSONAL_903_FIELDS  # shown as present or blank
FAILURE_COLUMNS = ["collection_year", "child", "table", "row_key", "rule", "message", "severity", "values"]
MART_OF = {t.name: t.mart for t in tables()}
WORKERS = 2


@dataclass
class RuleOutcome:
    code: str
    message: str
    severity: str
    status: str  # run, not run, not implemented
    reason: str = ""
    failures: int = 0


@dataclass
class Validation:
    year: CollectionYear
    outcomes: list[RuleOutcome]
    failures: pd.DataFrame

    @property
    def errors(self) -> int:
        return int((self.failures["severity"] == "error").sum())

    @property
    def queries(self) -> int:
        return int((self.failures["severity"] == "query").sum())

    def summary(self) -> pd.DataFrame:
        return pd.DataFrame(
            [(o.code, o.message, o.severity, o.status, o.reason, o.failures) for o in self.outcomes],
            columns=["rule", "message", "severity", "status", "reason", "failures"],
        )


def _values(con: duckdb.DuckDBPyConnection, table: str, row_keys: list[int], fields: tuple[str, ...]) -> dict:
    """row_key → 'FIELD=value; ...' for the rule's fields that this table has."""
    mart = MART_OF.get(table)
    if mart is None:
        return {}
    columns = {r[0] for r in con.execute(f"DESCRIBE {mart}").fetchall()}
    shown = [f for f in fields if f in columns]
    if not shown:
        return {}
    quoted = ", ".join(f'"{f}"' for f in shown)
    rows = con.execute(
        f"SELECT row_key, {quoted} FROM {mart} WHERE row_key IN (SELECT unnest(?))",
        [row_keys],
    ).fetchall()

    def show(field, value):
        if value is None:
            return f"{field}=(blank)"
        return f"{field}={presence(value)}" if field in PERSONAL_FIELDS else f"{field}={value}"

    return {r[0]: "; ".join(show(f, v) for f, v in zip(shown, r[1:], strict=True)) for r in rows}


def validate(con: duckdb.DuckDBPyConnection, year: CollectionYear) -> Validation:
    outcomes: list[RuleOutcome] = []
    runnable: list[tuple[CataloguedRule, RuleUnit, RuleOutcome]] = []
    last_year, providers, postcodes = has_last_year(con), has_providers(con), has_postcode_directory(con)
    for rule in active_rules(year):
        unit = unit_for(rule.code, year)
        if unit is None:
            outcomes.append(RuleOutcome(rule.code, rule.message, "error", "not implemented"))
            continue
        outcome = RuleOutcome(rule.code, rule.message, unit.severity, "run")
        outcomes.append(outcome)
        if "last_year" in unit.needs and not last_year:
            outcome.status, outcome.reason = "not run", "needs last year's return, which was not supplied"
        elif "providers" in unit.needs and not providers:
            outcome.status, outcome.reason = "not run", "needs the Ofsted provider register in landing/reference"
        elif "postcodes" in unit.needs and not postcodes:
            outcome.status, outcome.reason = "not run", "needs the postcode directory"
        else:
            runnable.append((rule, unit, outcome))
    # Two rules at a time, each on its own cursor: DuckDB gives a table of one row group (122,880 rows) one
    # core, so most rules alone leave the second core idle.
    cursors: queue.SimpleQueue = queue.SimpleQueue()
    for _ in range(WORKERS):
        cursors.put(cursor(con))

    def run(job: tuple[CataloguedRule, RuleUnit, RuleOutcome]) -> pd.DataFrame | None:
        cursor = cursors.get()
        try:
            return _failures(cursor, year, *job)
        finally:
            cursors.put(cursor)

    with ThreadPoolExecutor(WORKERS) as pool:
        failures = [found for found in pool.map(run, runnable) if found is not None]
    frame = pd.concat(failures, ignore_index=True) if failures else pd.DataFrame(columns=FAILURE_COLUMNS)
    frame = frame[FAILURE_COLUMNS].assign(_rule=frame["rule"].map(natural_key))
    frame = frame.sort_values(["child", "_rule", "table", "row_key"], ignore_index=True).drop(columns="_rule")
    return Validation(year, outcomes, frame)


def _failures(
    con: duckdb.DuckDBPyConnection, year: CollectionYear, rule: CataloguedRule, unit: RuleUnit, outcome: RuleOutcome
) -> pd.DataFrame | None:
    """The rows failing one rule, with the offending values; the count goes on the rule's outcome."""
    found = con.execute(unit.sql).df()
    if found.empty:
        return None
    found = found[["table_name", "row_key", "child"]].drop_duplicates()
    outcome.failures = len(found)
    found["values"] = None
    for table, rows in found.groupby("table_name"):
        values = _values(con, table, [int(k) for k in rows["row_key"].dropna()], rule.fields)
        found.loc[rows.index, "values"] = rows["row_key"].map(values)
    found = found.rename(columns={"table_name": "table"})
    found["collection_year"] = year.label
    found["rule"], found["message"], found["severity"] = rule.code, rule.message, unit.severity
    return found


def validate_return(
    year: CollectionYear,
    la_code: str,
    this_year: dict[str, pd.DataFrame | pa.Table],
    last_year: dict[str, pd.DataFrame | pa.Table] | None = None,
    providers: pd.DataFrame | None = None,
    history: dict[int, dict[str, pd.DataFrame | pa.Table]] | None = None,
) -> Validation:
    """Validate a return given as DfE table name (Header, Episodes, ...) → rows (a frame, or the Arrow table
    of text a CSV is read into), with last year's if known, and earlier years' (year ending → such tables)
    for the rules that look at a child's whole history."""
    from orchestration.ssda903.validation.database import open_database
    from orchestration.ssda903.validation.postcodes import derive_postcode_fields, load_postcode_directory

    def by_mart(frames):
        return {MART_OF[name]: frame for name, frame in (frames or {}).items() if name in MART_OF}

    earlier = {ending: by_mart(frames) for ending, frames in (history or {}).items()}
    con = open_database(year, la_code, by_mart(this_year), by_mart(last_year), providers, earlier)
    try:
        load_postcode_directory(con)
        derive_postcode_fields(con)
        return validate(con, year)
    finally:
        con.close()
