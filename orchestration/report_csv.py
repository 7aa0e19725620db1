"""Writing a report as CSV for people to open in a spreadsheet, where a cell that starts with =, +, -, @ (or a tab
or carriage return) is taken as a formula: a child id or a file name of `=HYPERLINK(...)` would become a live link.
As OWASP advises against CSV injection, such a text is written with a single quote in front ('=HYPERLINK(...)),
which a spreadsheet shows as text. Numbers are numbers, negative or not: only texts are touched, and a text that
is a plain number (-3, +1.5) is no formula and is left as it is.

For the reports only: the 903 return's CSVs are DfE's layout, byte for byte (ssda903/files.py), and its CHILD ids
cannot start with these characters (schemas/values.ID_PATTERN). XLSX cells are written as inline strings, never
as formulas (orchestration/xlsx.py), so a workbook needs no quote.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from orchestration.scratch import beside

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def neutralise(value: object) -> object:
    """A text a spreadsheet would run as a formula, quoted; anything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell neutralised (columns of numbers, dates and flags untouched)."""
    import pandas as pd

    texts = [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c].dtype)]
    return frame.assign(**{str(c): frame[c].map(neutralise, na_action="ignore") for c in texts}) if texts else frame


def write_report_csv(frame: pd.DataFrame, path: Path) -> Path:
    """A report table as CSV (UTF-8, header row, '\\n' line ends), safe to open in a spreadsheet."""
    neutralised(frame).to_csv(path, index=False, lineterminator="\n")
    return path


def write_long_report_csv(frame: pd.DataFrame | pa.Table, path: Path) -> Path:
    """As write_report_csv, for a list of failures that may run to millions of rows: written by DuckDB in a tenth
    of pandas' time, with the bytes pandas writes for texts and integers (quoted only where needed, blanks empty,
    '\\n' line ends) and the same texts neutralised, in SQL. A frame or an Arrow table (no pandas needed)."""
    starts = "".join(FORMULA_STARTS).replace("-", "\\-")
    with beside() as con:
        con.register("frame", frame)
        kinds = con.execute("SELECT column_name, column_type FROM (DESCRIBE frame)").fetchall()
        columns = []
        for name, kind in kinds:
            quoted = '"' + name.replace('"', '""') + '"'
            if kind != "VARCHAR":
                columns.append(quoted)
                continue
            formula = f"regexp_matches({quoted}, '^[{starts}]') AND NOT regexp_full_match({quoted}, ?)"
            # pandas writes an empty text as nothing, DuckDB as "": the same as a blank, as pandas has it
            shown = f"CASE WHEN {formula} THEN concat(chr(39), {quoted}) ELSE nullif({quoted}, '') END"
            columns.append(f"{shown} AS {quoted}")
        target = "'" + str(path).replace("'", "''") + "'"
        options = "HEADER, DELIMITER ',', QUOTE '\"', NEW_LINE '\n'"
        number = [_PLAIN_NUMBER.pattern] * sum(kind == "VARCHAR" for _, kind in kinds)
        con.execute(f"COPY (SELECT {', '.join(columns)} FROM frame) TO {target} ({options})", number)
    return path
