"""Reading one landing file (CSV or XLSX) into rows of text, whatever encoding or spreadsheet it came as.

A file that cannot be read at all (empty, wrong delimiter, not a workbook, password-protected) gives a
`FileProblem` with a message a data engineer can act on; rows that can be read are returned for the contract.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from schemas.values import normalise_header

EXTENSIONS = (".csv", ".xlsx")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"  # encrypted .xlsx and old .xls files are OLE containers, not zips


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
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


def _frame(header: list[str], body: list[list[str]], first_row: int, encoding: str) -> ReadFile:
    names = [normalise_header(h) for h in header]
    duplicated = sorted({n for n in names if names.count(n) > 1 and n})
    if duplicated:
        raise FileProblem(f"column(s) {', '.join(duplicated)} appear more than once in the header")
    width = len(names)
    kept, numbers, broken = [], [], []
    for offset, row in enumerate(body):
        number = first_row + offset
        if not any(cell.strip() for cell in row):
            continue  # blank lines are not rows
        if len(row) != width:
            broken.append((number, f"has {len(row)} fields where the header has {width}"))
            continue
        kept.append(row)
        numbers.append(number)
    rows = pd.DataFrame(kept, columns=names, dtype=object) if kept else pd.DataFrame(columns=names, dtype=object)
    return ReadFile(rows=rows, row_numbers=numbers, encoding=encoding, broken_rows=broken)


def read_csv(path: Path) -> ReadFile:
    raw = path.read_bytes()
    if not raw.strip():
        raise FileProblem("the file is empty (0 bytes or only whitespace); no header, no rows")
    text, encoding = decode(raw)
    records = list(csv.reader(io.StringIO(text, newline="")))
    header = records[0]
    if len(header) == 1:
        for delimiter, name in ((";", "semicolon"), ("\t", "tab"), ("|", "pipe")):
            if delimiter in header[0]:
                raise FileProblem(
                    f"the file is {name}-separated; extracts must be comma-separated CSV "
                    f"(save it again as 'CSV UTF-8 (comma delimited)')"
                )
    return _frame(header, records[1:], first_row=2, encoding=encoding)


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


def read_xlsx(path: Path) -> ReadFile:
    from openpyxl import load_workbook

    head = path.read_bytes()[:8]
    if head.startswith(_OLE_SIGNATURE):
        raise FileProblem(
            "the workbook is password-protected (or an old .xls file); save it without a password as .xlsx"
        )
    if not zipfile.is_zipfile(path):
        raise FileProblem("the file is not a readable .xlsx workbook (it may be corrupt or mis-named)")
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise FileProblem(f"the workbook cannot be opened: {type(error).__name__}") from error
    try:
        sheet = workbook.worksheets[0]
        records = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not records or not any(cell for cell in records[0]):
        raise FileProblem("the workbook's first sheet is empty; no header, no rows")
    header = records[0]
    while header and header[-1] == "":  # trailing empty header cells are spreadsheet formatting, not columns
        header = header[:-1]
    body = [r[: len(header)] + [""] * (len(header) - len(r)) for r in records[1:]]
    return _frame(header, body, first_row=2, encoding="xlsx")


def read_file(path: Path) -> ReadFile:
    if path.suffix.lower() == ".xlsx":
        return read_xlsx(path)
    return read_csv(path)
