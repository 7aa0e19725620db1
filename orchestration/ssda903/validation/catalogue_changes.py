"""How DfE's rules change: a newer catalogue compared with ours, and the change log the rules page shows.

DfE changes rules during a collection year, and the sector validator publishes each change as a release of
its catalogue. `cla compare-903-rules NEW.csv` lists, per collection year, the rules the new catalogue adds,
retires and rewords against ours; with `--release NAME --update` it also takes the new catalogue in and
records the changes in schemas/ssda903/rule_changes.csv, so that a mid-year change is one small commit:
the catalogue, the change log, a SQL file and fixture per added or reworded rule, and the regenerated page.
"""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from orchestration.ssda903.layouts import CollectionYear
from orchestration.ssda903.validation.catalogue import CATALOGUE, CATALOGUE_YEARS, CataloguedRule, read_catalogue

CHANGE_LOG = CATALOGUE.with_name("rule_changes.csv")
CHANGE_LOG_COLUMNS = ["release", "recorded", "collection_year", "rule", "change", "message"]


@dataclass(frozen=True)
class RuleChange:
    year: CollectionYear
    rule: str
    change: str  # added, retired, reworded
    message: str  # the new message (the old one for a retired rule)


def compare(ours: dict[str, CataloguedRule], theirs: dict[str, CataloguedRule]) -> list[RuleChange]:
    """Per collection year of the catalogue: rules active in theirs and not ours (added), active in ours and
    not theirs (retired), and active in both with a different message (reworded)."""
    changes = []
    for ending in sorted(CATALOGUE_YEARS):
        year = CollectionYear(ending)
        before = {c for c, r in ours.items() if ending in r.years}
        after = {c for c, r in theirs.items() if ending in r.years}
        changes += [RuleChange(year, c, "added", theirs[c].message) for c in after - before]
        changes += [RuleChange(year, c, "retired", ours[c].message) for c in before - after]
        changes += [
            RuleChange(year, c, "reworded", theirs[c].message)
            for c in before & after
            if theirs[c].message != ours[c].message
        ]
    return sorted(changes, key=lambda c: (c.year.ending, c.change, natural_key(c.rule)))


def natural_key(code: str) -> tuple:
    """Rule codes in DfE's order: numbers by value (101 before 1000, 503A before 503B), then the SW rules."""
    digits = len(code) - len(code.lstrip("0123456789"))
    return (0, int(code[:digits]), code[digits:]) if digits else (1, 0, code)


def recorded_changes() -> list[dict[str, str]]:
    if not CHANGE_LOG.exists():
        return []
    with open(CHANGE_LOG, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def current_release() -> str:
    """The release of DfE's rules the catalogue was last brought up to (the change log's latest)."""
    releases = [r["release"] for r in recorded_changes()]
    return releases[-1] if releases else "(before the change log)"


def record(changes: list[RuleChange], release: str, new_catalogue: Path, on: date) -> None:
    """Take the new catalogue in as ours and append its changes to the change log."""
    rows = recorded_changes() + [
        {
            "release": release,
            "recorded": on.isoformat(),
            "collection_year": c.year.label,
            "rule": c.rule,
            "change": c.change,
            "message": c.message,
        }
        for c in changes
    ]
    with open(CHANGE_LOG, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=CHANGE_LOG_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    shutil.copyfile(new_catalogue, CATALOGUE)


def read_new_catalogue(path: Path) -> dict[str, CataloguedRule]:
    """A catalogue to compare, checked for the columns ours has so a wrong file is named, not half-read."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        header = next(csv.reader(f), [])
    with open(CATALOGUE, newline="", encoding="utf-8") as f:
        expected = next(csv.reader(f))
    missing = [c for c in expected if c not in header]
    if missing:
        raise ValueError(f"{path}: not a rule catalogue in our layout; missing column(s) {', '.join(missing)}")
    return read_catalogue(path)
