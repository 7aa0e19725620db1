"""The DfE SSDA903 layouts from schemas/ssda903/layouts.yaml: tables, their columns in DfE order, the years
each table exists in, file names; and collection years in their several spellings.

A collection year runs 1 April to 31 March and is written '2025/26' in the warehouse. Folders cannot hold a
slash, so on disk it is '2025-26'; the layouts file names years by their end (2026 = 2025/26).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

LAYOUTS_FILE = Path(__file__).resolve().parent.parent.parent / "schemas" / "ssda903" / "layouts.yaml"
SQL_TYPES = {"date": "DATE", "integer": "INTEGER", "text": "VARCHAR"}
# The episodes mart's postcode-derived fields: in the warehouse, never in a file (DfE derives them).
DERIVED_EPISODE_COLUMNS = (("pl_distance", "DOUBLE"), ("pl_la", "VARCHAR"), ("pl_location", "VARCHAR"))
FIRST_YEAR, LAST_YEAR = 2019, 2027  # 2018/19 to 2026/27, the years the warehouse derives


@dataclass(frozen=True, order=True)
class CollectionYear:
    """A collection year, by the year it ends in: CollectionYear(2026) is 2025/26, 1 April 2025 to 31 March 2026."""

    ending: int

    @property
    def label(self) -> str:
        """'2025/26': the warehouse's collection_year value."""
        return f"{self.ending - 1}/{self.ending % 100:02d}"

    @property
    def folder(self) -> str:
        """'2025-26': the year in a folder or file name, or a Dagster partition key."""
        return f"{self.ending - 1}-{self.ending % 100:02d}"

    @property
    def start(self) -> date:
        return date(self.ending - 1, 4, 1)

    @property
    def end(self) -> date:
        return date(self.ending, 3, 31)

    def __str__(self) -> str:
        return self.label

    @classmethod
    def containing(cls, day: date) -> CollectionYear:
        return cls(day.year + 1 if day.month >= 4 else day.year)

    @classmethod
    def parse(cls, text: str) -> CollectionYear:
        """'2025/26', '2025-26', '2025_26', '202526', '2025-2026' or 'FY2025-26' → CollectionYear(2026).

        A bare '2026' is refused: DfE's tools read it as the year ending, people as the year starting."""
        match = re.search(r"(?<!\d)(\d{4})\s*[-/_ ]?\s*(\d{2}|\d{4})(?!\d)", text.strip())
        if match:
            start, end = int(match.group(1)), int(match.group(2))
            if end % 100 == (start + 1) % 100 and (end < 100 or end == start + 1):
                return cls(start + 1)
        raise ValueError(
            f"{text!r} is not a collection year: name it like 2025-26 (1 April 2025 to 31 March 2026); "
            "'2025/26', '2025_26' and '202526' are read too"
        )


@dataclass(frozen=True)
class Column:
    name: str  # DfE's name, e.g. DECOM
    type: str  # date, integer or text

    @property
    def field(self) -> str:
        """The warehouse column: DfE's name lowercased."""
        return self.name.lower()

    @property
    def sql_type(self) -> str:
        return SQL_TYPES[self.type]


@dataclass(frozen=True)
class Table:
    name: str  # DfE's table name, e.g. PlacedAdoption
    mart: str  # marts_ssda903.<mart>, submitted_returns.<mart>
    file: str  # the CSV's conventional name
    columns: tuple[Column, ...]
    first_year: int | None = None  # year ending; None = every year
    last_year: int | None = None

    def in_year(self, year: CollectionYear) -> bool:
        return (self.first_year is None or year.ending >= self.first_year) and (
            self.last_year is None or year.ending <= self.last_year
        )

    def columns_for(self, year: CollectionYear) -> tuple[Column, ...]:
        """The table's columns in DfE order for a year (the layouts hold one list per table: no column has
        changed between 2018/19 and 2026/27, only codes have)."""
        if not self.in_year(year):
            raise KeyError(f"{self.name} is not part of the {year} return")
        return self.columns

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.columns)

    def warehouse_columns(self) -> list[tuple[str, str]]:
        """(name, SQL type) of the submitted_returns table: la_code, collection_year, the DfE columns lowercased,
        and for episodes the postcode-derived fields."""
        columns = [("la_code", "VARCHAR"), ("collection_year", "VARCHAR")]
        columns += [(c.field, c.sql_type) for c in self.columns]
        if self.mart == "episodes":
            columns += list(DERIVED_EPISODE_COLUMNS)
        return columns


@cache
def load_tables(path: Path = LAYOUTS_FILE) -> dict[str, Table]:
    """DfE table name → Table, in the layouts file's order."""
    spec = yaml.safe_load(path.read_text())
    return {
        name: Table(
            name=name,
            mart=table["mart"],
            file=table["file"],
            columns=tuple(Column(column, kind) for column, kind in table["columns"].items()),
            first_year=table.get("first_year"),
            last_year=table.get("last_year"),
        )
        for name, table in spec["tables"].items()
    }


def tables() -> list[Table]:
    return list(load_tables().values())


def table(name_or_mart: str) -> Table:
    for t in tables():
        if name_or_mart in (t.name, t.mart):
            return t
    raise KeyError(f"no SSDA903 table called {name_or_mart!r}")


def tables_for(year: CollectionYear) -> list[Table]:
    """The tables of one year's return, in the layouts' order."""
    return [t for t in tables() if t.in_year(year)]


def marts() -> list[str]:
    return [t.mart for t in tables()]


def collection_years() -> list[CollectionYear]:
    """2018/19 to 2026/27."""
    return [CollectionYear(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)]
