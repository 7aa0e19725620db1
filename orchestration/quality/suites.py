"""The dataset checks (GX suites) and their thresholds, read from schemas/quality/.

Each suite file holds the checks of one idea (completeness, linkage, timeliness, plausibility, shifts,
duplicates); thresholds.yaml holds every threshold, each overridable by CLA_DQ_<NAME> in the environment or by
a check's run config. A check's `where` and `sql` are SQL run in the warehouse, where `$la_code` and
`$<threshold name>` are bound as parameters.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from orchestration.settings import SCHEMAS_DIR

QUALITY_DIR = SCHEMAS_DIR / "quality"
SUITE_ORDER = ("completeness", "linkage", "timeliness", "plausibility", "shifts", "duplicates")


@dataclass(frozen=True)
class QualityCheck:
    suite: str
    name: str
    asset: tuple[str, ...]
    table: str
    description: str
    severity: str
    keys: tuple[str, ...]
    expectation: dict
    threshold: str
    where: str | None = None
    group_by: str | None = None
    min_rows: str | None = None
    sql: str | None = None
    extra: dict = field(default_factory=dict)


def load_thresholds(overrides: dict[str, float] | None = None) -> dict[str, float]:
    """thresholds.yaml, then CLA_DQ_<NAME> from the environment, then the overrides given."""
    thresholds = yaml.safe_load((QUALITY_DIR / "thresholds.yaml").read_text())
    for name in thresholds:
        if (value := os.environ.get(f"CLA_DQ_{name.upper()}")) not in (None, ""):
            thresholds[name] = float(value)
    for name, value in (overrides or {}).items():
        if name not in thresholds:
            raise KeyError(f"no threshold {name!r} in schemas/quality/thresholds.yaml")
        thresholds[name] = float(value)
    return thresholds


def load_checks(directory: Path = QUALITY_DIR) -> list[QualityCheck]:
    checks = []
    for suite in SUITE_ORDER:
        spec = yaml.safe_load((directory / f"{suite}.yaml").read_text())
        for check in spec["checks"]:
            checks.append(
                QualityCheck(
                    suite=spec["suite"],
                    name=check["name"],
                    asset=tuple(check["asset"]),
                    table=check["table"],
                    description=" ".join(check["description"].split()),
                    severity=check["severity"],
                    keys=tuple(check["keys"]),
                    expectation=check["expectation"],
                    threshold=check["threshold"],
                    where=check.get("where"),
                    group_by=check.get("group_by"),
                    min_rows=check.get("min_rows"),
                    sql=check.get("sql"),
                )
            )
    return checks
