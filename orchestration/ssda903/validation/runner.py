"""Running every rule active in a year over one return, and collecting what failed.

Each failure is a row: collection year, child, table, row key, rule code, DfE's message, severity, and the
offending row's values for the fields the rule concerns. Dates of birth and postcodes are shown only as
present or blank: the report names children by their case-system id alone.
"""

from __future__ import annotations

import queue
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

from orchestration.privacy import PERSONAL_903_FIELDS
from orchestration.scratch import beside
from orchestration.ssda903.layouts import CollectionYear, tables
from orchestration.ssda903.validation.catalogue import CataloguedRule, active_rules
from orchestration.ssda903.validation.catalogue_changes import natural_key
from orchestration.ssda903.validation.database import cursor, has_last_year, has_postcode_directory, has_providers
from orchestration.ssda903.validation.rule_units import RuleUnit, unit_for

if TYPE_CHECKING:  # a frame is made only when asked for: `cla validate-903` writes its reports from Arrow
    import pandas as pd

PERSONAL_FIELDS = PERSONAL_903_FIELDS  # shown as present or blank
FAILURE_COLUMNS = ["collection_year", "child", "table", "row_key", "rule", "message", "severity", "values"]
MART_OF = {t.name: t.mart for t in tables()}
WORKERS = 2
# Rules run BATCH at a time as one query (UNION ALL): a third less time than one query each, measured on the
# sector validator's test files and 30 copies of them.
BATCH = 40


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
    found: pa.Table | pd.DataFrame  # every failure, FAILURE_COLUMNS, in the report's order
    seconds: dict[str, float] = field(default_factory=dict)  # wall time by stage: database, rules

    @cached_property
    def failures(self) -> pd.DataFrame:
        """The failures as a frame (the types DuckDB gives: row_key a nullable integer)."""
        if not isinstance(self.found, pa.Table):
            return self.found
        with beside() as con:
            return con.from_arrow(self.found).df()

    @cached_property
    def failure_table(self) -> pa.Table:
        """The failures as Arrow, for the reports: no pandas needed."""
        if isinstance(self.found, pa.Table):
            return self.found
        return pa.Table.from_pandas(self.found, preserve_index=False)

    @cached_property
    def _tally(self) -> tuple[int, int, int, int]:
        """Errors, queries, children with any failure, children with an error (counted by DuckDB: pyarrow's
        comparison with a Python value would import pandas)."""
        with beside() as con:
            con.register("found", self.failure_table)
            return con.execute(
                "SELECT count(*) FILTER (severity = 'error'), count(*) FILTER (severity = 'query'), "
                "count(DISTINCT child), count(DISTINCT child) FILTER (severity = 'error') FROM found"
            ).fetchone()

    @property
    def errors(self) -> int:
        return self._tally[0]

    @property
    def queries(self) -> int:
        return self._tally[1]

    @property
    def children(self) -> int:
        """How many children have a failure."""
        return self._tally[2]

    @property
    def children_with_errors(self) -> int:
        return self._tally[3]

    def summary(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(
            [(o.code, o.message, o.severity, o.status, o.reason, o.failures) for o in self.outcomes],
            columns=["rule", "message", "severity", "status", "reason", "failures"],
        )


def _shown(field: str, column: str) -> str:
    """'FIELD=value' in SQL, a personal field shown as present or blank (as privacy.presence shows it)."""
    if field in PERSONAL_FIELDS:
        value = f"CASE WHEN coalesce(trim(CAST({column} AS VARCHAR)), '') = '' THEN '(blank)' ELSE '(present)' END"
    else:
        value = f"coalesce(CAST({column} AS VARCHAR), '(blank)')"
    return f"'{field}=' || {value}"


def _values_by_table(con: duckdb.DuckDBPyConnection, rules: list[CataloguedRule]) -> str:
    """SQL giving rule, table_name, row_key and the offending row's values ('FIELD=value; ...', the rule's fields
    that its table has) for every failure naming a row of a return table. Only the tables and rules that have
    failures are written into it: planning a CASE of every rule for every table cost a third of a second, even
    for a return without a failure."""
    failing: dict[str, set[str]] = {}
    for table, rule in con.execute("SELECT DISTINCT table_name, rule FROM failures").fetchall():
        failing.setdefault(table, set()).add(rule)
    parts = []
    for table, mart in MART_OF.items():
        if table not in failing:
            continue
        columns = {r[0] for r in con.execute(f"DESCRIBE {mart}").fetchall()}
        cases = []
        for rule in (r for r in rules if r.code in failing[table]):
            shown = [f for f in rule.fields if f in columns]
            if shown:
                joined = " || '; ' || ".join(_shown(f, f'm."{f}"') for f in shown)
                cases.append(f"WHEN '{rule.code}' THEN {joined}")
        values = f"CASE f.rule {' '.join(cases)} END" if cases else "CAST(NULL AS VARCHAR)"
        parts.append(
            f"SELECT f.rule, f.table_name, f.row_key, {values} AS values "
            f"FROM (SELECT DISTINCT rule, table_name, row_key FROM failures WHERE table_name = '{table}') AS f "
            f"JOIN {mart} AS m ON m.row_key = f.row_key"
        )
    none = (
        "SELECT CAST(NULL AS VARCHAR) AS rule, CAST(NULL AS VARCHAR) AS table_name, CAST(NULL AS INTEGER) AS row_key, "
        "CAST(NULL AS VARCHAR) AS values WHERE false"
    )
    return " UNION ALL ".join(parts) or none


def validate(con: duckdb.DuckDBPyConnection, year: CollectionYear) -> Validation:
    outcomes: list[RuleOutcome] = []
    runnable: list[tuple[CataloguedRule, RuleUnit]] = []
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
            runnable.append((rule, unit))
    # Every table compressed once, now that they are all made (database.py): the rules read it faster.
    con.execute("CHECKPOINT")
    # Every rule's failing rows go into one table in the database, and the report's rows are made there in one
    # query: handing each rule's rows to pandas cost more than running the rules.
    con.execute("CREATE TABLE failures (rule VARCHAR, table_name VARCHAR, row_key INTEGER, child VARCHAR)")
    # Two rules at a time, each on its own cursor: DuckDB gives a table of one row group (122,880 rows) one
    # core, so most rules alone leave the second core idle.
    cursors: queue.SimpleQueue = queue.SimpleQueue()
    for _ in range(WORKERS):
        cursors.put(cursor(con))

    # A batch that runs out of memory beside another is run again afterwards alone, one rule at a time: within
    # a tight CLA_MEMORY_LIMIT two batches' joins can together need more than one would (the INSERT is one
    # statement, so a failed batch left no rows).
    short_of_memory: list[list[tuple[CataloguedRule, RuleUnit]]] = []

    def insert(cursor: duckdb.DuckDBPyConnection, batch: list[tuple[CataloguedRule, RuleUnit]]) -> None:
        cursor.execute(
            "INSERT INTO failures "
            + " UNION ALL ".join(
                f"(SELECT DISTINCT '{rule.code}', table_name, row_key, child FROM (\n{unit.sql}\n))"
                for rule, unit in batch
            )
        )

    def run(batch: list[tuple[CataloguedRule, RuleUnit]]) -> None:
        cursor = cursors.get()
        try:
            insert(cursor, batch)
        except duckdb.OutOfMemoryException:
            short_of_memory.append(batch)
        finally:
            cursors.put(cursor)

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(run, [runnable[i : i + BATCH] for i in range(0, len(runnable), BATCH)]))
    for batch in short_of_memory:
        for job in batch:
            insert(con, [job])
    counts = dict(con.execute("SELECT rule, count(*) FROM failures GROUP BY rule").fetchall())
    for outcome in outcomes:
        outcome.failures = counts.get(outcome.code, 0)
    ran = sorted(runnable, key=lambda job: natural_key(job[0].code))
    con.execute("CREATE TABLE rule_order (rule VARCHAR, position BIGINT, message VARCHAR, severity VARCHAR)")
    if ran:
        order = [
            v for position, (rule, unit) in enumerate(ran) for v in (rule.code, position, rule.message, unit.severity)
        ]
        con.execute("INSERT INTO rule_order VALUES " + ", ".join(["(?, ?, ?, ?)"] * len(ran)), order)
    found = con.sql(
        f"""
        SELECT ? AS collection_year, f.child, f.table_name AS "table", f.row_key, f.rule, r.message, r.severity,
            v.values
        FROM failures AS f
        JOIN rule_order AS r USING (rule)
        LEFT JOIN ({_values_by_table(con, [rule for rule, _ in ran])}) AS v USING (rule, table_name, row_key)
        ORDER BY f.child NULLS LAST, r.position, f.table_name NULLS LAST, f.row_key NULLS LAST
        """,
        params=[year.label],
    ).to_arrow_table()
    con.execute("DROP TABLE rule_order")
    return Validation(year, outcomes, found.select(FAILURE_COLUMNS))


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
    from orchestration.ssda903.validation.database import last_years_return, open_database
    from orchestration.ssda903.validation.postcodes import derive_postcode_fields, directory_rows

    def by_mart(frames):
        return {MART_OF[name]: frame for name, frame in (frames or {}).items() if name in MART_OF}

    earlier = {ending: by_mart(frames) for ending, frames in (history or {}).items()}
    started = time.perf_counter()
    # The postcode directory is searched on one core while the database is made on the other.
    last_episodes = by_mart(last_years_return(year, last_year, history)).get("episodes")
    with ThreadPoolExecutor(1) as pool:
        directory = pool.submit(directory_rows, by_mart(this_year).get("episodes"), last_episodes)
        con = open_database(year, la_code, by_mart(this_year), by_mart(last_year), providers, earlier)
    try:
        con.register("found_postcodes", directory.result())
        con.execute("CREATE TABLE postcode_directory AS SELECT * FROM found_postcodes")
        con.unregister("found_postcodes")
        derive_postcode_fields(con)
        database = time.perf_counter() - started
        validation = validate(con, year)
        validation.seconds = {"database": database, "rules": time.perf_counter() - started - database}
        return validation
    finally:
        con.close()
