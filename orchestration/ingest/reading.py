"""Reading one landing file (CSV or XLSX) into rows of text, whatever encoding or spreadsheet it came as.

A file that cannot be read at all (empty, wrong delimiter, not a workbook, password-protected) gives a
`FileProblem` with a message a data engineer can act on; rows that can be read are returned for the contract.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: `cla validate-903` reads files with decode() alone, without pandas
    import pandas as pd

EXTENSIONS = (".csv", ".xlsx")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"  # encrypted .xlsx and old .xls files are OLE containers, not zips
# A UTF-8 multi-byte character: seen beside bytes that are not UTF-8, the file mixes two encodings.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True)
class Limits:
    """How big a file may be before it is refused rather than read (a zip bomb, a runaway export)."""

    max_rows: int = 5_000_000  # CLA_MAX_ROWS: rows in one file
    max_cell_chars: int = 1_000_000  # CLA_MAX_CELL_CHARS: characters in one cell
    max_unzipped_mb: int = 2048  # CLA_MAX_UNZIPPED_MB: a workbook's size once unzipped
    max_zip_ratio: int = 100  # unzipped size over zipped size; real workbooks are near 10

    @classmethod
    def from_environment(cls) -> Limits:
        return cls(
            max_rows=int(os.environ.get("CLA_MAX_ROWS", cls.max_rows)),
            max_cell_chars=int(os.environ.get("CLA_MAX_CELL_CHARS", cls.max_cell_chars)),
            max_unzipped_mb=int(os.environ.get("CLA_MAX_UNZIPPED_MB", cls.max_unzipped_mb)),
        )


class FileProblem(Exception):
    """The file as a whole cannot be loaded."""


@dataclass
class ReadFile:
    """A file's rows as text, with the row number a person sees in a spreadsheet (header = row 1)."""

    rows: pd.DataFrame
    row_numbers: list[int]
    encoding: str
    notes: list[str] = field(default_factory=list)
    # Rows that could not be split into the header's columns: (row number, message).
    broken_rows: list[tuple[int, str]] = field(default_factory=list)
    # Rows a layout adapter (orchestration/ingest/ssd/) could not map: (row number, column, message, values).
    rejected_rows: list[tuple[int, str, str, dict]] = field(default_factory=list)
    # Rows on a workbook's other sheets, counted and held rather than lost: (row number, message).
    other_sheet_rows: list[tuple[int, str]] = field(default_factory=list)


def decode(raw: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: UTF-8 (with or without BOM), UTF-16, else Windows-1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    if len(raw) >= 4 and raw[1:4:2] == b"\x00\x00":  # UTF-16 little-endian without a BOM
        return raw.decode("utf-16-le"), "utf-16-le"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if _UTF8_SEQUENCE.search(raw):
            bad_line = raw.count(b"\n", 0, error.start) + 1
            good_line = raw.count(b"\n", 0, _UTF8_SEQUENCE.search(raw).start()) + 1
            raise FileProblem(
                f"the file mixes encodings: line {good_line} is UTF-8 and line {bad_line} is not (Windows-1252 or "
                "Latin-1?), so neither reading is right for every row; save it again as 'CSV UTF-8'"
            ) from None
        return raw.decode("cp1252", errors="replace"), "cp1252"


def _frame(header: list[str], body: list[list[str]], first_row: int, encoding: str) -> ReadFile:
    import pandas as pd

    names = _names(header)
    width = len(names)
    # Most rows are full-width with a non-blank first cell: only the others need a closer look.
    odd = [offset for offset, row in enumerate(body) if len(row) != width or not row[0].strip()]
    left_out, broken = _odd_rows(((offset, body[offset]) for offset in odd), width, first_row)
    kept = [row for offset, row in enumerate(body) if offset not in left_out] if left_out else body
    numbers = [first_row + offset for offset in range(len(body)) if offset not in left_out]
    rows = pd.DataFrame(kept, columns=names, dtype=object) if kept else pd.DataFrame(columns=names, dtype=object)
    return ReadFile(rows=rows, row_numbers=numbers, encoding=encoding, broken_rows=broken)


def _names(header: list[str]) -> list[str]:
    from schemas.values import normalise_header

    names = [normalise_header(h) for h in header]
    duplicated = sorted({n for n in names if names.count(n) > 1 and n})
    if duplicated:
        raise FileProblem(f"column(s) {', '.join(duplicated)} appear more than once in the header")
    return names


def _odd_rows(odd, width: int, first_row: int) -> tuple[set[int], list[tuple[int, str]]]:
    """Of the rows that are not full-width or have a blank first cell, (offset, cells) each: the offsets left
    out (blank lines, and rows that cannot be split into the header's columns) and the latter's messages."""
    left_out, broken = set(), []
    for offset, row in odd:
        if not any(cell.strip() for cell in row):
            left_out.add(offset)  # blank lines are not rows
        elif len(row) != width:
            broken.append((first_row + offset, f"has {len(row)} fields where the header has {width}"))
            left_out.add(offset)
    return left_out, broken


def _quote_free_frame(text: str, limits: Limits, encoding: str) -> tuple[list[str], ReadFile, int] | None:
    """The header, rows and number of records the csv module gives, for a file with no quote character (as
    extracts usually are: then every line is a record and every comma a delimiter), split by Arrow in bulk into
    Arrow-backed text columns, rather than row by row in Python. None for a file this cannot answer for exactly
    (quotes, NUL characters, an empty first line, a line longer than a cell may be, more rows than allowed): the
    csv module reads it."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    if '"' in text or "\x00" in text:
        return None
    # csv's record ends (a file opened with newline=""): \r\n, \r or \n; a final line end ends the last record.
    lines = pc.list_flatten(pc.split_pattern_regex(pa.array([text], pa.large_string()), r"\r\n|\r|\n"))
    if text.endswith(("\n", "\r")):
        lines = lines.slice(0, len(lines) - 1)
    header = lines[0].as_py() if len(lines) else ""
    if not header or len(lines) > limits.max_rows + 1 or pc.max(pc.utf8_length(lines)).as_py() > limits.max_cell_chars:
        return None
    header = header.split(",")
    names = _names(header)
    width = len(names)
    body = lines.slice(1)
    # Candidates for a closer look (a superset of _frame's odd rows): not full-width, or no letter or digit in
    # the first cell; each is then judged as _frame judges it, on the cells the csv module would give.
    candidates = pc.or_(
        pc.not_equal(pc.count_substring(body, ","), width - 1),
        pc.invert(pc.match_substring_regex(body, "^[^,]*[0-9A-Za-z]")),
    )
    odd = np.flatnonzero(candidates.to_numpy(zero_copy_only=False))
    lines_of_odd = body.take(odd).to_pylist()
    odd_cells = ((int(o), line.split(",") if line else []) for o, line in zip(odd, lines_of_odd, strict=True))
    left_out, broken = _odd_rows(odd_cells, width, first_row=2)
    kept = np.ones(len(body), dtype=bool)
    kept[list(left_out)] = False
    cells = pc.list_flatten(pc.split_pattern(body.filter(kept), ","))  # row by row, every row full-width
    rows = pd.DataFrame(
        {n: pd.arrays.ArrowStringArray(cells.take(np.arange(n, len(cells), width))) for n in range(width)}
    )
    rows.columns = names  # set apart: two blank header cells give two columns of the same (blank) name
    numbers = (np.flatnonzero(kept) + 2).tolist()
    return header, ReadFile(rows=rows, row_numbers=numbers, encoding=encoding, broken_rows=broken), len(lines)


def _records(text: str, limits: Limits) -> list[list[str]]:
    csv.field_size_limit(limits.max_cell_chars)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        # One more than the limit allows is read (header + max_rows + 1): enough to know the file is too long.
        records = list(itertools.islice(reader, limits.max_rows + 2))
    except csv.Error as error:
        raise FileProblem(
            f"line {reader.line_num} cannot be read as CSV ({error}); a cell over {limits.max_cell_chars:,} "
            "characters (CLA_MAX_CELL_CHARS) or a quote never closed"
        ) from None
    if len(records) > limits.max_rows + 1:
        raise FileProblem(
            f"the file has more than {limits.max_rows:,} rows (CLA_MAX_ROWS); split it, or raise the limit"
        )
    return records


def read_csv(path: Path, limits: Limits | None = None) -> ReadFile:
    limits = limits or Limits.from_environment()
    raw = path.read_bytes()
    if not raw.strip():
        raise FileProblem("the file is empty (0 bytes or only whitespace); no header, no rows")
    text, encoding = decode(raw)
    quote_free = _quote_free_frame(text, limits, encoding)
    if quote_free:
        header, read, count = quote_free
    else:
        records = _records(text, limits)
        header, count = records[0], len(records)
    if len(header) == 1:
        for delimiter, name in ((";", "semicolon"), ("\t", "tab"), ("|", "pipe")):
            if delimiter in header[0]:
                raise FileProblem(
                    f"the file is {name}-separated; extracts must be comma-separated CSV "
                    f"(save it again as 'CSV UTF-8 (comma delimited)')"
                )
    if not quote_free:
        read = _frame(header, records[1:], first_row=2, encoding=encoding)
    if count > 1 and not text.endswith(("\n", "\r")):
        read.notes.append(
            f"the file ends without a line end after row {count}: it may have been cut short (a copy or "
            "an export that stopped); check that its last rows are all there"
        )
    return read


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a spreadsheet's number 1234 is the id 1234, not 1234.0
    return str(value)


def _refuse_zip_bomb(path: Path, limits: Limits) -> None:
    """A workbook that would unzip to far more than its size, or more than the limit, is refused unread."""
    with zipfile.ZipFile(path) as book:
        unzipped = sum(info.file_size for info in book.infolist())
    zipped = max(path.stat().st_size, 1)
    if unzipped > limits.max_unzipped_mb * 2**20 or (
        unzipped > 50 * 2**20 and unzipped / zipped > limits.max_zip_ratio
    ):
        raise FileProblem(
            f"the workbook would unzip to {unzipped / 2**20:,.0f} MB from {zipped / 2**20:,.1f} MB "
            f"(limits: {limits.max_unzipped_mb:,} MB, CLA_MAX_UNZIPPED_MB, and {limits.max_zip_ratio} times its "
            "size); it is refused unread. Save the extract as CSV, or raise the limit if it is genuine"
        )


def _sheet_records(sheet, limits: Limits, name: str) -> list[list[str]]:
    sheet.reset_dimensions()  # the stored dimension tag can be wrong: read every row there is
    records = []
    for row in sheet.iter_rows(values_only=True):
        records.append([_cell_text(v) for v in row])
        if len(records) > limits.max_rows + 1:
            raise FileProblem(
                f"sheet {name} has more than {limits.max_rows:,} rows (CLA_MAX_ROWS); split it, or raise the limit"
            )
    while records and not any(records[-1]):
        records.pop()
    return records


def read_xlsx(path: Path, limits: Limits | None = None) -> ReadFile:
    from openpyxl import load_workbook

    limits = limits or Limits.from_environment()
    head = path.read_bytes()[:8]
    if head.startswith(_OLE_SIGNATURE):
        raise FileProblem(
            "the workbook is password-protected (or an old .xls file); save it without a password as .xlsx"
        )
    if not zipfile.is_zipfile(path):
        raise FileProblem("the file is not a readable .xlsx workbook (it may be corrupt or mis-named)")
    _refuse_zip_bomb(path, limits)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise FileProblem(f"the workbook cannot be opened: {type(error).__name__}") from error
    try:
        sheets = [(sheet.title, _sheet_records(sheet, limits, f"'{sheet.title}'")) for sheet in workbook.worksheets]
    except FileProblem:
        raise
    except Exception as error:  # a damaged sheet: XML that does not parse, a zip entry cut short
        raise FileProblem(f"a sheet of the workbook cannot be read: {type(error).__name__}") from error
    finally:
        workbook.close()
    (first, records), others = sheets[0], sheets[1:]
    if not records or not any(cell for cell in records[0]):
        raise FileProblem("the workbook's first sheet is empty; no header, no rows")
    header = records[0]
    while header and header[-1] == "":  # trailing empty header cells are spreadsheet formatting, not columns
        header = header[:-1]
    body = [r[: len(header)] + [""] * (len(header) - len(r)) for r in records[1:]]
    read = _frame(header, body, first_row=2, encoding="xlsx")
    # Only the first sheet is the extract; rows on any other are counted and held, never silently dropped.
    for title, rows in others:
        for number, row in enumerate(rows, start=1):
            if any(cell.strip() for cell in row):
                read.other_sheet_rows.append(
                    (number, f"on sheet '{title}', not the first sheet '{first}': only the first sheet is read")
                )
    return read


def read_file(path: Path) -> ReadFile:
    # Only files in landing are read: a link could point anywhere, and a folder is not an extract.
    if path.is_symlink():
        raise FileProblem("is a link to another place, which is not followed: copy the file itself into landing")
    if path.is_dir():
        raise FileProblem("is a folder, not a file: put the extract itself in landing")
    if path.suffix.lower() == ".xlsx":
        return read_xlsx(path)
    return read_csv(path)
