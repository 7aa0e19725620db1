"""Running one dataset check: read its dbt model, validate it with Great Expectations, name what failed.

GX is imported inside the functions (its import takes about 2 s) and its analytics are off. A check reads its
model from the warehouse into pandas (the models are small: one row per child, record or entity), optionally
filters and groups it, and validates each group against the check's one expectation. Failing records are
named by the check's key columns only (child id, file and row, source): never a date of birth, postcode or name.
"""

from __future__ import annotations

import os
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
    failing_keys: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return round(100 * self.failing / self.checked, 1) if self.checked else 0.0


@dataclass
class CheckOutcome:
    check: QualityCheck
    threshold: float
    groups: list[GroupOutcome]

    @property
    def passed(self) -> bool:
        return all(g.passed for g in self.groups)

    @property
    def checked(self) -> int:
        return sum(g.checked for g in self.groups)

    @property
    def failing(self) -> int:
        return sum(g.failing for g in self.groups)

    @property
    def failing_keys(self) -> list[str]:
        return list(dict.fromkeys(k for g in self.groups for k in g.failing_keys))


def read_frame(con: duckdb.DuckDBPyConnection, check: QualityCheck, la_code: str) -> pd.DataFrame:
    if check.sql:
        return con.execute(check.sql.replace("$la_code", "?"), [la_code]).df()
    return con.execute(f"SELECT * FROM {check.table} WHERE la_code = ?", [la_code]).df()


def _expectation(check: QualityCheck, threshold: float):
    import great_expectations as gx

    kwargs = {}
    for name, value in check.expectation["kwargs"].items():
        if isinstance(value, str) and value.endswith("$threshold"):
            value = -threshold if value.startswith("-") else threshold
        kwargs[name] = value
    if check.expectation["type"] == "expect_column_values_to_be_in_set":
        kwargs["mostly"] = max(0.0, 1.0 - threshold)  # the threshold is the share allowed to fail
    cls = getattr(gx.expectations, "".join(p.title() for p in check.expectation["type"].split("_")))
    return cls(**kwargs)


def quiet_context(mode: str = "ephemeral", project_root_dir: str | None = None):
    """A GX context with no progress bars (they would fill the run's logs)."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode=mode, project_root_dir=project_root_dir)
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def _key(record: dict, keys: tuple[str, ...]) -> str:
    parts = []
    for k in keys:
        value = record.get(k)
        if value is None or (isinstance(value, float) and pd.isna(value)):
            continue
        parts.append(str(int(value)) if isinstance(value, float) and value.is_integer() else str(value))
    return ":".join(parts)


def run_check(
    con: duckdb.DuckDBPyConnection,
    check: QualityCheck,
    thresholds: dict[str, float],
    la_code: str,
    context=None,
) -> CheckOutcome:
    """Validate the check's model with GX (in `context`, or a new ephemeral one) and summarise the result."""
    import great_expectations as gx

    context = context or quiet_context()
    threshold = float(thresholds[check.threshold])
    frame = read_frame(con, check, la_code)
    if check.where:
        frame = frame.query(check.where, local_dict=thresholds, engine="python") if len(frame) else frame
    if check.group_by:
        groups = [(str(name), part) for name, part in frame.groupby(check.group_by, sort=True)]
    else:
        groups = [("all", frame)]
    min_rows = int(thresholds[check.min_rows]) if check.min_rows else 0

    datasource = context.data_sources.add_or_update_pandas(f"warehouse_{check.name}")
    batch_definition = datasource.add_dataframe_asset(check.name).add_batch_definition_whole_dataframe("model")
    suite = context.suites.add(gx.ExpectationSuite(name=f"{check.suite}.{check.name}"))
    suite.add_expectation(_expectation(check, threshold))
    validation = context.validation_definitions.add(
        gx.ValidationDefinition(name=check.name, data=batch_definition, suite=suite)
    )
    key_columns = [k for k in check.keys if k in frame.columns]
    outcomes = []
    for name, part in groups:
        part = part.reset_index(drop=True)
        result = validation.run(
            batch_parameters={"dataframe": part},
            result_format={"result_format": "COMPLETE", "unexpected_index_column_names": key_columns},
        )
        # a group with no rows passes; so does one too small to judge
        details = result.results[0].result if result.results else {}
        failing = int(details.get("unexpected_count") or 0)
        records = details.get("unexpected_index_list") or []
        keys = list(dict.fromkeys(_key(r, check.keys) for r in records if isinstance(r, dict)))
        judged = len(part) >= min_rows
        outcomes.append(
            GroupOutcome(
                group=name,
                checked=len(part),
                failing=failing,
                judged=judged,
                passed=bool(result.success) or not judged,
                failing_keys=keys,
            )
        )
    return CheckOutcome(check, threshold, outcomes)
