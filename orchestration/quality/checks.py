"""The dataset checks (layer 2: Great Expectations) as Dagster asset checks on the dbt quality models.

One asset check per check in schemas/quality/*.yaml, on the model it reads (intermediate/quality/...), so the
UI shows it beside the children or rows it lists. Each result carries the counts, the percentage, the
threshold and the failing keys (the first 50, and how many there are): child ids, files and rows, never a date
of birth, postcode or name. No check blocks: the warehouse is already written, and what to do about a data
problem is the data owner's call. Severity (in the suite files): ERROR where a value cannot be right (dates
after the extract, implausible values), WARN where it may be right but needs following up.
"""

import dagster as dg

from orchestration.quality.suites import QualityCheck, load_checks, load_thresholds
from orchestration.quality.validation import KEYS_SHOWN, CheckOutcome, run_check_in_run
from orchestration.resources import WAREHOUSE_POOL, Warehouse
from orchestration.settings import load_settings


class ThresholdConfig(dg.Config):
    """Set to judge this run by another threshold than schemas/quality/thresholds.yaml's."""

    threshold: float | None = None


def check_metadata(outcome: CheckOutcome) -> dict:
    keys = outcome.failing_keys
    key_label = "failing_child_ids" if outcome.check.keys[0] == "child_id" else "failing_keys"
    return {
        "rows_checked": outcome.checked,
        "rows_failing": outcome.failing,
        "percent_failing": dg.MetadataValue.float(round(100 * outcome.failing / outcome.checked, 1))
        if outcome.checked
        else dg.MetadataValue.float(0.0),
        "threshold": dg.MetadataValue.float(outcome.threshold),
        f"{key_label}_count": outcome.failing_key_count,
        key_label: dg.MetadataValue.json(keys[:KEYS_SHOWN]),
        "groups": dg.MetadataValue.table(
            records=[
                dg.TableRecord(
                    {
                        "group": g.group,
                        "checked": g.checked,
                        "failing": g.failing,
                        "percent": g.percent,
                        "judged": g.judged,
                        "passed": g.passed,
                    }
                )
                for g in outcome.groups
            ],
            schema=dg.TableSchema(
                columns=[
                    dg.TableColumn("group", "string"),
                    dg.TableColumn("checked", "int"),
                    dg.TableColumn("failing", "int"),
                    dg.TableColumn("percent", "float"),
                    dg.TableColumn("judged", "bool"),
                    dg.TableColumn("passed", "bool"),
                ]
            ),
        ),
        "suite": f"schemas/quality/{outcome.check.suite}.yaml#{outcome.check.name}",
    }


def build_quality_check(check: QualityCheck) -> dg.AssetChecksDefinition:
    severity = dg.AssetCheckSeverity[check.severity]

    @dg.asset_check(
        asset=dg.AssetKey(list(check.asset)),
        name=check.name,
        description=check.description,
        pool=WAREHOUSE_POOL,
        blocking=False,
    )
    def quality_check(
        context: dg.AssetCheckExecutionContext, config: ThresholdConfig, warehouse: Warehouse
    ) -> dg.AssetCheckResult:
        overrides = {check.threshold: config.threshold} if config.threshold is not None else {}
        thresholds = load_thresholds(overrides)
        with warehouse.connect() as con:  # measured already if the quality report of this run came first
            outcome = run_check_in_run(context.run.run_id, con, check, thresholds, load_settings().la_code)
        return dg.AssetCheckResult(passed=outcome.passed, severity=severity, metadata=check_metadata(outcome))

    return quality_check


def quality_checks() -> list[dg.AssetChecksDefinition]:
    """Every dataset check, for definitions.py."""
    return [build_quality_check(check) for check in load_checks()]
