"""A 903 return's files: reading a return (a CSV set or one EXPSSDA903 XML) and writing one.

In a CSV set each file is one DfE table, recognised by its set of columns (as DfE's tools do), whatever the
file is called and whatever order the columns are in. Every value is text; dates are dd/mm/yyyy; a blank is
an empty field. A return read here is a set of text tables (DfE column names, None for blank); `typed`
turns one into warehouse types and says, by file, row and column, what could not be read.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from orchestration.ingest.reading import FileProblem, decode
from orchestration.privacy import PERSONAL_903_FIELDS
from orchestration.ssda903.layouts import CollectionYear, Table, tables, tables_for

if TYPE_CHECKING:  # pandas is imported where a frame is made: `cla validate-903` reads a CSV return without it
    import pandas as pd

IGNORED = {"manifest.json"}  # this warehouse's own export manifest, if an exported folder is dropped back in
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_INTEGER = re.compile(r"^[+-]?\d+$")
# Personal data: a value of these columns never appears in a message (messages reach logs and metadata).
PERSONAL = PERSONAL_903_FIELDS


class TableRows:
    """One table of a return as it was in its file: text values, None for blank.

    A CSV read whole is held as an Arrow table (`text`), which validation loads as it is; `frame` (pandas,
    None for blank) and `locations` are made from it only when asked for."""

    def __init__(
        self,
        table: Table,
        file: str,
        frame: pd.DataFrame | None = None,
        locations: list[str] | None = None,
        problems: list[str] | None = None,
        text: pa.Table | None = None,
        row_numbers: Sequence[int] | None = None,
    ) -> None:
        self.table, self.file = table, file
        self.problems = problems if problems is not None else []  # rows that could not be read at all
        self._frame, self._text = frame, text
        self._locations, self._row_numbers = locations, row_numbers

    @property
    def frame(self) -> pd.DataFrame:
        """The table's DfE columns, in DfE order."""
        if self._frame is None:
            self._frame = self._text.to_pandas()  # strings as Python str, nulls as None
        return self._frame

    @property
    def text(self) -> pa.Table | pd.DataFrame:
        """The rows for validation: the Arrow table when there is one, else the frame."""
        return self._text if self._text is not None else self.frame

    @property
    def locations(self) -> list[str]:
        """Where each row is: 'row 7' (CSV, header = row 1) or 'CHILD 3 (CHILDID 12), EPISODE 2'."""
        if self._locations is None:
            self._locations = [f"row {n}" for n in self._row_numbers]
        return self._locations

    def __len__(self) -> int:
        return len(self.text)


@dataclass
class ReturnFiles:
    file_format: str  # csv or xml
    tables: dict[str, TableRows]  # DfE table name → rows; only the tables the files hold
    notes: list[str] = field(default_factory=list)

    def frames(self) -> dict[str, pd.DataFrame]:
        return {name: rows.frame for name, rows in self.tables.items()}

    def texts(self) -> dict[str, pa.Table | pd.DataFrame]:
        """DfE table name → rows as validation takes them (Arrow for CSV, so a large return is not copied)."""
        return {name: rows.text for name, rows in self.tables.items()}


def identify(columns: Sequence[str]) -> Table:
    """The table whose columns are exactly these (any order, any case), or a FileProblem saying why not."""
    names = [c.strip().upper() for c in columns]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise FileProblem(f"column(s) {', '.join(duplicated)} appear more than once in the header row")
    for table in tables():
        if set(names) == set(table.column_names):
            return table

    def overlap(t: Table) -> float:
        return len(set(names) & set(t.column_names)) / len(set(names) | set(t.column_names))

    known = {c for t in tables() for c in t.column_names}
    if not set(names) & known:  # the first row is data, not a header: its cells are a child's record
        raise FileProblem(
            f"its first row names none of the SSDA903 columns ({len(names)} cells): the header row is probably "
            "missing, so it cannot be told which table it is"
        )
    nearest = max(tables(), key=overlap)
    missing = [c for c in nearest.column_names if c not in names]
    extra = [c for c in names if c not in nearest.column_names]
    detail = "; ".join(
        part
        for part in (
            f"missing {', '.join(missing)}" if missing else "",
            f"not expected {', '.join(extra)}" if extra else "",
        )
        if part
    )
    raise FileProblem(
        f"its columns ({', '.join(columns)}) are not those of any SSDA903 table, so it cannot be told which table "
        f"it is; the nearest is {nearest.name} ({detail})"
    )


def read_csv_table(path: Path) -> TableRows:
    raw = path.read_bytes()
    if not raw.strip():
        raise FileProblem("the file is empty: a 903 CSV needs at least its header row")
    text, encoding = decode(raw)
    header = next(csv.reader(io.StringIO(text, newline="")))
    table = identify(header)
    utf8 = raw[3:] if encoding == "utf-8-sig" else raw if encoding == "utf-8" else text.encode("utf-8")
    whole = _read_whole(utf8, [c.strip().upper() for c in header], table)
    if whole is not None:
        return TableRows(table=table, file=path.name, text=whole[0], row_numbers=whole[1])
    return _read_row_by_row(path.name, text, table)


def _read_whole(utf8: bytes, header: list[str], table: Table) -> tuple[pa.Table, list[int]] | None:
    """The rows read at once by Arrow (a return may hold a million rows): trimmed, blank as null, rows
    blank throughout left out; with each row's number in the file. None when any row has the wrong number of
    fields, or a line is empty: `_read_row_by_row` then reads the file and says which rows, as before."""
    broken = []
    columns = list(table.column_names)
    try:
        read = pacsv.read_csv(
            io.BytesIO(utf8),
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1),
            parse_options=pacsv.ParseOptions(
                newlines_in_values=True,
                ignore_empty_lines=False,
                invalid_row_handler=lambda row: broken.append(row) or "skip",
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(header, pa.string()), strings_can_be_null=False, include_columns=columns
            ),
        )
    except pa.ArrowInvalid:
        return None
    if broken:
        return None
    values = []
    for name in columns:
        trimmed = pc.utf8_trim_whitespace(read[name])
        # blank as null (a length cast to a flag, and an array of nulls: a Python "" here would import pandas)
        filled = pc.cast(pc.utf8_length(trimmed), pa.bool_())
        values.append(pc.if_else(filled, trimmed, pa.nulls(len(trimmed), pa.string())))
    kept = pc.invert(functools.reduce(pc.and_, [pc.is_null(v) for v in values]))
    numbers = [n + 2 for n in pc.indices_nonzero(kept).to_pylist()]  # the header is row 1
    rows = pa.table(values, names=columns).filter(kept)
    return rows, numbers


def _read_row_by_row(name: str, text: str, table: Table) -> TableRows:
    import pandas as pd

    records = list(csv.reader(io.StringIO(text, newline="")))
    positions = [[c.strip().upper() for c in records[0]].index(column) for column in table.column_names]
    width = len(records[0])
    kept, locations, problems = [], [], []
    for offset, record in enumerate(records[1:]):
        number = offset + 2
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != width:
            problems.append(f"{name} row {number}: has {len(record)} fields where the header has {width}")
            continue
        kept.append([record[i].strip() or None for i in positions])
        locations.append(f"row {number}")
    frame = pd.DataFrame(kept, columns=list(table.column_names), dtype=object)
    return TableRows(table=table, file=name, frame=frame, locations=locations, problems=problems)


def _files_in(source: Path | Sequence[Path]) -> list[Path]:
    """The files named, with any folder named standing for the files in it."""
    found: list[Path] = []
    for path in [source] if isinstance(source, Path) else [Path(p) for p in source]:
        found += sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    return sorted(found)


def read_return(source: Path | Sequence[Path]) -> ReturnFiles:
    """A return from a folder or a list of files: one .xml file, or .csv files each holding one table.

    Any file that cannot be placed (not CSV or XML, columns of no table, a second file for a table, CSV and
    XML together) is a FileProblem for the whole return, naming every such file: half a return is not loaded.
    """
    files = [p for p in _files_in(source) if not p.name.startswith(".") and p.name.lower() not in IGNORED]
    problems: list[str] = []
    csvs = [p for p in files if p.suffix.lower() == ".csv"]
    xmls = [p for p in files if p.suffix.lower() == ".xml"]
    for other in (p for p in files if p not in csvs and p not in xmls):
        problems.append(f"{other.name}: not a .csv or .xml file; a 903 return is a set of CSVs or one XML file")
    if not files:
        raise FileProblem("no files: a 903 return is a set of .csv files (one per table) or one .xml file")
    if csvs and xmls:
        problems.append(
            f"both CSV ({', '.join(p.name for p in csvs)}) and XML ({', '.join(p.name for p in xmls)}) files: "
            "keep one form of the return"
        )
    if len(xmls) > 1:
        problems.append(f"{len(xmls)} XML files ({', '.join(p.name for p in xmls)}): a return is one XML file")
    if xmls and problems:
        raise FileProblem("; ".join(problems))

    if xmls:
        from orchestration.ssda903 import xml_layout

        try:
            located, notes = xml_layout.read_xml(xmls[0])
        except FileProblem as problem:
            raise FileProblem(f"{xmls[0].name}: {problem}") from None
        by_name = {t.name: t for t in tables()}
        return ReturnFiles(
            file_format="xml",
            tables={
                name: TableRows(table=by_name[name], file=xmls[0].name, frame=frame, locations=where)
                for name, (frame, where) in located.items()
            },
            notes=[f"{xmls[0].name}: {n}" for n in notes],
        )

    found: dict[str, TableRows] = {}
    holders: dict[str, list[str]] = {}
    for path in csvs:
        try:
            rows = read_csv_table(path)
        except FileProblem as problem:
            problems.append(f"{path.name}: {problem}")
            continue
        holders.setdefault(rows.table.name, []).append(path.name)
        found.setdefault(rows.table.name, rows)
    for name, names in holders.items():
        if len(names) > 1:
            problems.append(f"{' and '.join(names)} all hold the {name} table: keep one file per table")
    if problems:
        raise FileProblem("; ".join(problems))
    return ReturnFiles(file_format="csv", tables=found)


# ---- Types: text as in the files ↔ warehouse values -------------------------------------------------------


def parse_date(value: str) -> date:
    match = _DATE.match(value)
    if not match:
        raise ValueError(f"{value!r} is not a date written dd/mm/yyyy")
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"{value!r} is not a real date") from None


def typed(rows: TableRows) -> tuple[pd.DataFrame, list[str]]:
    """The rows with warehouse types (lowercased DfE columns; dates as dates, integers as integers), and a
    problem for every value that does not fit its type (naming file, row and column). A row with a problem
    is left out; so is a row without CHILD."""
    import pandas as pd

    problems = list(rows.problems)
    out: list[list] = []
    for location, record in zip(rows.locations, rows.frame.itertuples(index=False, name=None), strict=True):
        values, bad = [], []
        for column, value in zip(rows.table.columns, record, strict=True):
            if value is None or (isinstance(value, float) and pd.isna(value)):
                values.append(None)
                continue
            try:
                if column.type == "date":
                    values.append(parse_date(value))
                elif column.type == "integer":
                    if not _INTEGER.match(value):
                        raise ValueError(f"{value!r} is not a whole number")
                    values.append(int(value))
                else:
                    values.append(value)
            except ValueError as error:
                reason = str(error)
                if column.name in PERSONAL:  # say what is wrong without the value
                    expected = "a real date written dd/mm/yyyy" if column.type == "date" else "a whole number"
                    reason = f"not {expected} (value not shown: personal data)"
                bad.append(f"{rows.file} {location}, column {column.name}: {reason}")
        if record[0] is None:
            bad.append(f"{rows.file} {location}, column CHILD: blank; every row needs the child's id")
        if bad:
            problems.extend(bad)
        else:
            out.append(values)
    frame = pd.DataFrame(out, columns=list(rows.table.fields), dtype=object)
    return frame, problems


def to_text(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """Warehouse rows (lowercased DfE columns, typed) as the text a file holds: dates dd/mm/yyyy, integers
    without decimals, None for blank. Columns named in DfE's form and order."""
    import pandas as pd

    out = {}
    for column in table.columns:
        values = frame[column.field] if column.field in frame.columns else frame[column.name]
        out[column.name] = [_as_text(v, column.type, pd.isna) for v in values]
    return pd.DataFrame(out, columns=list(table.column_names), dtype=object)


def _as_text(value, kind: str, isna) -> str | None:
    if value is None or (not isinstance(value, str) and isna(value)):
        return None
    if kind == "date":
        if isinstance(value, str):
            return value
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    if kind == "integer":
        return str(int(value))
    text = str(value)
    return text if text != "" else None


# ---- Writing ------------------------------------------------------------------------------------------------


def csv_bytes(table: Table, frame: pd.DataFrame, year: CollectionYear) -> bytes:
    """One table as DfE's CSV: the year's columns in order as the header row, UTF-8 without a byte-order mark,
    '\\n' line ends, blanks empty, quotes only where a value needs them."""
    import pandas as pd

    columns = list(c.name for c in table.columns_for(year))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for record in frame[columns].itertuples(index=False, name=None):
        writer.writerow(["" if v is None or (not isinstance(v, str) and pd.isna(v)) else v for v in record])
    return buffer.getvalue().encode("utf-8")


def write_csv_set(frames: Mapping[str, pd.DataFrame], folder: Path, year: CollectionYear) -> dict[str, Path]:
    """Every table of the year's return as its CSV file in `folder` (a table with no rows is its header row
    alone; a table not in that year's return is not written). Returns DfE table name → path."""
    import pandas as pd

    written = {}
    for table in tables_for(year):
        frame = frames.get(table.name)
        if frame is None:
            frame = pd.DataFrame(columns=list(table.column_names), dtype=object)
        path = folder / table.file
        path.write_bytes(csv_bytes(table, frame, year))
        written[table.name] = path
    return written


def write_xml(frames: Mapping[str, pd.DataFrame], path: Path, year: CollectionYear) -> Path:
    from orchestration.ssda903 import xml_layout

    path.write_bytes(xml_layout.xml_bytes(frames, year))
    return path
