"""Reading the SSD tables: one CSV (or XLSX) per table from `landing/ssd/`, or the tables themselves from the
authority's database through SQLAlchemy (`CLA_SSD_URL`, optional schema `CLA_SSD_SCHEMA`, e.g. SystemC's
`ssd_development`).

Every row keeps the number it is known by: its line in the file as a spreadsheet shows it (header = row 1), or
for a database table its position when the table is ordered by its key (the first column), counted from 2 so
that a dump of the table to CSV gives the same numbers.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from orchestration.ingest.landing import content_hash
from orchestration.ingest.reading import EXTENSIONS, FileProblem, read_file
from orchestration.ingest.ssd.values import clean


@dataclass
class SsdTable:
    """One SSD table's rows as cleaned text, with each row's number in `_row`."""

    name: str  # ssd_person
    label: str  # what reports call it: the file name, or the table name in the database
    sha256: str
    rows: pd.DataFrame
    broken_rows: list[tuple[int, str]] = field(default_factory=list)
    problem: str = ""

    def has(self, column: str) -> bool:
        return column in self.rows.columns


def _table(name: str, label: str, sha: str, rows: pd.DataFrame, numbers: list[int], broken=()) -> SsdTable:
    rows = clean(rows.reset_index(drop=True))
    rows["_row"] = numbers
    return SsdTable(name, label, sha, rows, list(broken))


def read_folder(folder: Path, wanted: set[str]) -> dict[str, SsdTable]:
    """The wanted tables found in a folder as `<table>.csv` or `.xlsx`; an unreadable file is kept with its
    problem, so its absence is reported rather than silent."""
    found: dict[str, SsdTable] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.iterdir()):
        name = path.stem.lower()
        if path.suffix.lower() not in EXTENSIONS or name not in wanted:
            continue
        sha = content_hash(path)
        try:
            read = read_file(path)
        except FileProblem as problem:
            found[name] = SsdTable(name, path.name, sha, pd.DataFrame({"_row": []}), problem=str(problem))
            continue
        found[name] = _table(name, path.name, sha, read.rows, read.row_numbers, read.broken_rows)
    return found


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float | decimal.Decimal):
        if value != value:  # NaN
            return None
        return str(int(value)) if value == int(value) else str(value)
    return str(value)


def read_database(url: str, wanted: set[str], schema: str | None = None) -> dict[str, SsdTable]:
    """The wanted tables that exist in the database, each ordered by its first column (its key)."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    found: dict[str, SsdTable] = {}
    try:
        present = {t.lower(): t for t in sa.inspect(engine).get_table_names(schema=schema)}
        with engine.connect() as con:
            for name in sorted(wanted & set(present)):
                table = sa.Table(present[name], sa.MetaData(), schema=schema, autoload_with=con)
                key = list(table.columns)[0]
                result = con.execute(sa.select(table).order_by(key))
                columns = [c.lower() for c in result.keys()]  # noqa: SIM118 (a Result, not a dict)
                records = [[_text(v) for v in row] for row in result]
                rows = pd.DataFrame(records, columns=columns, dtype=object)
                digest = hashlib.sha256(rows.to_csv(index=False).encode("utf-8")).hexdigest()
                label = f"{schema}.{name}" if schema else name
                found[name] = _table(name, label, digest, rows, list(range(2, len(rows) + 2)))
    finally:
        engine.dispose()
    return found
