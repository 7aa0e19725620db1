"""Running one dataset check: measure it in SQL where the data is, judge it with Great Expectations.

The warehouse computes, for each group of the check's model (or the whole model), how many records were
checked, how many the expectation applies to (GX leaves out blanks), how many fail it, and the first failing
keys: one small row per group, whatever the model's size (England's record dates are tens of millions of rows,
which read into pandas took the machine's 24 GiB). GX then judges each group's share of passing records
against the share the check requires (`mostly`, from its threshold), as it judged the records themselves.
GX is imported inside the functions (its import takes about 2 s) and its analytics are off. Failing records
are named by the check's key columns only (child id, file and row, source): never a date of birth, postcode
or name.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from orchestration.quality.suites import QualityCheck

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

KEYS_SHOWN = 50


@dataclass
class GroupOutcome:
    group: str
    checked: int
    failing: int
    judged: bool  # False when the group is too small to judge (min_rows)
    passed: bool
    failing_keys: list[str] = field(default_factory=list)  # the first KEYS_SHOWN, in the order of the keys
    failing_key_count: int = 0

    @property
    def percent(self) -> float:
        return round(100 * self.failing / self.checked, 1) if self.checked else 0.0


@dataclass
class CheckOutcome:
    check: QualityCheck
    threshold: float
    groups: list[GroupOutcome]
    failing_keys: list[str] = field(default_factory=list)  # the first KEYS_SHOWN over every group
    failing_key_count: int = 0

    @property
    def passed(self) -> bool:
        return all(g.passed for g in self.groups)

    @property
    def checked(self) -> int:
        return sum(g.checked for g in self.groups)

    @property
    def failing(self) -> int:
        return sum(g.failing for g in self.groups)


def _literal(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _bound(value, threshold: float) -> float:
    if isinstance(value, str) and value.endswith("$threshold"):
        return -threshold if value.startswith("-") else threshold
    return value


def failing_condition(check: QualityCheck, threshold: float) -> tuple[str, str, float]:
    """The column the check's expectation tests, the SQL a record fails it by, and the share of records that
    must pass (GX's `mostly`). As in GX, a blank value is neither passing nor failing."""
    kwargs = dict(check.expectation["kwargs"])
    column = kwargs.pop("column")
    kind = check.expectation["type"]
    if kind == "expect_column_values_to_be_in_set":
        outside = f"{column} not in ({', '.join(_literal(v) for v in kwargs.pop('value_set'))})"
        required = max(0.0, 1.0 - threshold)  # the threshold is the share allowed to fail
    elif kind == "expect_column_values_to_be_between":
        low, high = (_bound(kwargs.pop(k, None), threshold) for k in ("min_value", "max_value"))
        bounds = [f"{column} < {_literal(low)}" if low is not None else None]
        bounds.append(f"{column} > {_literal(high)}" if high is not None else None)
        outside = " or ".join(b for b in bounds if b)
        required = 1.0  # every value in range
    else:
        raise ValueError(f"{check.name}: expectation {kind} has no SQL measure")
    if kwargs:
        raise ValueError(f"{check.name}: {kind} arguments {sorted(kwargs)} have no SQL measure")
    return column, f"({column} is not null and ({outside}))", required


def _parameters(sql: str, values: dict) -> dict:
    """The values of the `$name` parameters `sql` uses (the LA code, thresholds)."""
    names = set(re.findall(r"\$(\w+)", sql))
    if missing := names - values.keys():
        raise KeyError(f"no value for ${', $'.join(sorted(missing))} in {sql!r}")
    return {name: values[name] for name in names}


def records_sql(con: duckdb.DuckDBPyConnection, check: QualityCheck, threshold: float) -> str:
    """The check's records (its model, or its own query) after its filter, each with its group, its key and
    whether it is judged and fails."""
    source = check.sql or f"select * from {check.table} where la_code = $la_code"
    columns = [c[0] for c in con.execute(f"select * from ({source}) limit 0", {"la_code": ""}).description]
    keys = [k for k in check.keys if k in columns]
    key = f"concat_ws(':', {', '.join(f'cast({k} as varchar)' for k in keys)})" if keys else "''"
    # keys sort by their columns' own types: attendance.csv:942 before attendance.csv:3927
    ordered = f"struct_pack({', '.join(f'k{i} := {k}' for i, k in enumerate(keys))})" if keys else "0"
    column, failing, _ = failing_condition(check, threshold)
    group = f"cast({check.group_by} as varchar)" if check.group_by else "'all'"
    kept = [f"({check.where})"] if check.where else []
    if check.group_by:
        kept.append(f"{check.group_by} is not null")  # as pandas' groupby: a blank group is no group
    return (
        f"select {group} as _group, {check.group_by or 0} as _group_order, {key} as _key, {ordered} as _sort, "
        f"{column} is not null as _judged, {failing} as _failing "
        f"from ({source}) where {' and '.join(kept) or 'true'}"
    )


def quiet_context(mode: str = "ephemeral", project_root_dir: str | None = None):
    """A GX context with no progress bars (they would fill the run's logs)."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode=mode, project_root_dir=project_root_dir)
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def measure(con: duckdb.DuckDBPyConnection, check: QualityCheck, thresholds: dict[str, float], la_code: str):
    """Per group: records checked, judged, failing, failing keys (count and the first KEYS_SHOWN); and the
    check's failing keys over every group. Only these small results leave the warehouse."""
    threshold = float(thresholds[check.threshold])
    records = records_sql(con, check, threshold)
    params = _parameters(records, {"la_code": la_code, **thresholds})
    groups = con.execute(
        "select _group as group_name, count(*) as checked, count(*) filter (where _judged) as judged, "
        "count(*) filter (where _failing) as failing, count(distinct _key) filter (where _failing) as keys "
        f"from ({records}) group by _group, _group_order order by _group_order",
        params,
    ).df()
    # only the failing records are kept, to name them: a handful, or as many as the model holds when it all fails
    con.execute(f"create or replace temp table _check_failing as select * from ({records}) where _failing", params)
    try:
        # named in the order of their keys: a model's own row order is not the same from one build to the next
        group_keys = con.execute(
            "select _group as group_name, _key as key from (select _group_order, _group, _key, min(_sort) as _sort "
            "from _check_failing group by all) qualify row_number() over (partition by _group order by _sort, _key) "
            f"<= {KEYS_SHOWN} order by _group_order, _sort, _key"
        ).df()
        check_keys = con.execute(
            "select _key from _check_failing group by _key order by min(_group_order), min(_sort), _key "
            f"limit {KEYS_SHOWN}"
        ).fetchall()
        key_count = con.execute("select count(distinct _key) from _check_failing").fetchone()[0]
    finally:
        con.execute("drop table if exists _check_failing")
    if not check.group_by and groups.empty:
        groups = pd.DataFrame([{"group_name": "all", "checked": 0, "judged": 0, "failing": 0, "keys": 0}])
    return groups, group_keys, [k for (k,) in check_keys], int(key_count)


def judge(check: QualityCheck, groups: pd.DataFrame, required: float, context=None) -> set[str]:
    """The groups GX passes: those whose share of judged records that pass is at least `required` (a group
    with no judged record passes, as in GX)."""
    import great_expectations as gx

    context = context or quiet_context()
    shares = pd.DataFrame(
        {
            "group": groups["group_name"].astype(str),
            "share_passing": [
                (j - f) / j if j else 1.0 for j, f in zip(groups["judged"], groups["failing"], strict=True)
            ],
        }
    )
    datasource = context.data_sources.add_or_update_pandas(f"warehouse_{check.name}")
    batch_definition = datasource.add_dataframe_asset(check.name).add_batch_definition_whole_dataframe("measure")
    suite = context.suites.add(gx.ExpectationSuite(name=f"{check.suite}.{check.name}"))
    suite.add_expectation(gx.expectations.ExpectColumnValuesToBeBetween(column="share_passing", min_value=required))
    validation = context.validation_definitions.add(
        gx.ValidationDefinition(name=check.name, data=batch_definition, suite=suite)
    )
    result = validation.run(
        batch_parameters={"dataframe": shares},
        result_format={"result_format": "COMPLETE", "unexpected_index_column_names": ["group"]},
    )
    details = result.results[0].result if result.results else {}
    failed = {r["group"] for r in details.get("unexpected_index_list") or [] if isinstance(r, dict)}
    return set(shares["group"]) - failed


def run_check(
    con: duckdb.DuckDBPyConnection,
    check: QualityCheck,
    thresholds: dict[str, float],
    la_code: str,
    context=None,
) -> CheckOutcome:
    """Measure the check in the warehouse, judge it with GX (in `context`, or a new ephemeral one)."""
    threshold = float(thresholds[check.threshold])
    groups, group_keys, check_keys, key_count = measure(con, check, thresholds, la_code)
    passing = judge(check, groups, failing_condition(check, threshold)[2], context) if len(groups) else set()
    min_rows = int(thresholds[check.min_rows]) if check.min_rows else 0
    keys_of = group_keys.groupby("group_name", sort=False)["key"].agg(list).to_dict()
    outcomes = []
    for row in groups.itertuples(index=False):
        judged = row.checked >= min_rows  # a group too small to judge passes
        outcomes.append(
            GroupOutcome(
                group=str(row.group_name),
                checked=int(row.checked),
                failing=int(row.failing),
                judged=judged,
                passed=str(row.group_name) in passing or not judged,
                failing_keys=keys_of.get(row.group_name, []),
                failing_key_count=int(row.keys),
            )
        )
    return CheckOutcome(check, threshold, outcomes, check_keys, key_count)


# The quality report and the dataset checks of one run measure the same models of the same warehouse (nothing
# writes them after dbt within a run): each check is measured and judged once per run, by whichever comes first.
_this_run: dict = {"run_id": None, "outcomes": {}}


def run_check_in_run(
    run_id: str,
    con: duckdb.DuckDBPyConnection,
    check: QualityCheck,
    thresholds: dict[str, float],
    la_code: str,
) -> CheckOutcome:
    """`run_check`, once per Dagster run for the same check, thresholds and authority."""
    if _this_run["run_id"] != run_id:
        _this_run.update(run_id=run_id, outcomes={})
    key = (check.name, la_code, tuple(sorted(thresholds.items())))
    if key not in _this_run["outcomes"]:
        _this_run["outcomes"][key] = run_check(con, check, thresholds, la_code)
    return _this_run["outcomes"][key]
