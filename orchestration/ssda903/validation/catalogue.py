"""DfE's validation rules as catalogued (schemas/ssda903/rule_catalogue.csv): code, years active, DfE's
message verbatim, the fields and tables each concerns."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from orchestration.ssda903.layouts import CollectionYear

CATALOGUE = Path(__file__).resolve().parents[3] / "schemas" / "ssda903" / "rule_catalogue.csv"
CATALOGUE_YEARS = {
    2023: "active_2022_23",
    2024: "active_2023_24",
    2025: "active_2024_25",
    2026: "active_2025_26",
    2027: "active_2026_27",
}


@dataclass(frozen=True)
class CataloguedRule:
    code: str
    message: str
    fields: tuple[str, ...]
    tables: tuple[str, ...]
    years: frozenset[int]  # years ending, e.g. 2026 for 2025/26

    def active_in(self, year: CollectionYear) -> bool:
        # Years before the catalogue's first (2022/23) follow 2022/23's rules.
        return max(year.ending, min(CATALOGUE_YEARS)) in self.years


@cache
def catalogue() -> dict[str, CataloguedRule]:
    return read_catalogue(CATALOGUE)


def read_catalogue(path: Path) -> dict[str, CataloguedRule]:
    """A catalogue file in this layout: ours, or a newer one to compare with it (catalogue_changes.py)."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        return {
            row["code"]: CataloguedRule(
                code=row["code"],
                message=row["message"],
                fields=tuple(f for f in row["affected_fields"].split(";") if f),
                tables=tuple(t for t in row["tables"].split(";") if t),
                years=frozenset(y for y, column in CATALOGUE_YEARS.items() if row[column] == "Y"),
            )
            for row in csv.DictReader(f)
        }


def active_rules(year: CollectionYear) -> list[CataloguedRule]:
    return [rule for rule in catalogue().values() if rule.active_in(year)]
