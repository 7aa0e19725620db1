"""How a value of each contract type is read from an extract: the normalisation every extract gets.

Case systems and spreadsheets write the same fact many ways (`1234.0` for an id, `2026-03-31`, `31/03/2026` or
an Excel serial for a date, `yes`/`Y`/`1` for a flag). These functions turn each into one form, vectorised
over a pandas Series of text, and leave what they cannot read for the contract to reject.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_\-/]*$"
UPN_PATTERN = r"^([A-HJ-NP-RT-Z]\d{12}|\d{11}[A-Z]|UN[1-5])$"
# The Royal Mail format: outward code, one space, inward code.
POSTCODE_PATTERN = r"^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$"

# Text is held in Arrow-backed strings: pandas' string methods then run vectorised, not row by row.
TEXT = "string[pyarrow]"
_FLOAT_ID = re.compile(r"^(\d+)\.0+$")
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")
_FLAG_WORDS = {"Y": "Y", "YES": "Y", "TRUE": "Y", "1": "Y", "N": "N", "NO": "N", "FALSE": "N", "0": "N"}


def normalise_header(name: str) -> str:
    """`Child ID ` and `child_id` are the same column: lower case, words joined by underscores."""
    return re.sub(r"[^a-z0-9]+", "_", str(name).strip().lower()).strip("_")


def normalise_text(s: pd.Series) -> pd.Series:
    """Trim; blank becomes null."""
    s = s.astype(TEXT).str.strip()
    return s.mask(s == "")


def normalise_id(s: pd.Series) -> tuple[pd.Series, int]:
    """Ids are text; a spreadsheet's `1234.0` is `1234`. Returns the ids and how many were repaired."""
    repaired = s.str.fullmatch(_FLOAT_ID.pattern, na=False)
    return s.where(~repaired, s.str.replace(r"\.0+$", "", regex=True)), int(repaired.sum())


def normalise_code(s: pd.Series) -> pd.Series:
    return s.str.upper()


def normalise_flag(s: pd.Series) -> pd.Series:
    upper = s.str.upper()
    return upper.map(_FLAG_WORDS).astype(TEXT).fillna(upper)


def normalise_postcode(s: pd.Series) -> pd.Series:
    """Upper case, one space before the three-character inward code."""
    compact = s.str.upper().str.replace(r"\s+", "", regex=True)
    return compact.where(compact.str.len() < 5, compact.str[:-3] + " " + compact.str[-3:])


def normalise_integer(s: pd.Series) -> pd.Series:
    """`12.0` from a spreadsheet is the whole number 12."""
    return normalise_id(s)[0]


def timestamp(d: date) -> pd.Timestamp:
    return pd.Timestamp(d)


def _parse_date_texts(text: pd.Series) -> pd.Series:
    parsed = pd.to_datetime(
        text.where(text.str.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}")), format="%d/%m/%Y", errors="coerce"
    )
    iso = text.str.slice(0, 10)
    iso = iso.where(iso.str.fullmatch(r"\d{4}-\d{2}-\d{2}"))
    parsed = parsed.fillna(pd.to_datetime(iso, format="%Y-%m-%d", errors="coerce"))
    serial = pd.to_numeric(text.where(text.str.fullmatch(r"\d{4,5}(\.0+)?")), errors="coerce")
    # Serials 1..60000 are 1900..2064; anything else is not a date someone typed.
    serial = serial.where(serial.between(1, 60000))
    return parsed.fillna(_EXCEL_EPOCH + pd.to_timedelta(serial, unit="D"))


def parse_dates(s: pd.Series) -> pd.Series:
    """dd/mm/yyyy, yyyy-mm-dd (with or without a time) or an Excel serial day number; NaT otherwise."""
    # An extract repeats the same few thousand dates: parse each distinct text once.
    text = s.astype(TEXT)
    distinct = pd.Series(text.dropna().unique(), dtype=TEXT)
    lookup = pd.Series(_parse_date_texts(distinct).values, index=distinct.values)
    return pd.to_datetime(text.map(lookup), errors="coerce")


def parse_integers(s: pd.Series) -> pd.Series:
    numbers = pd.to_numeric(s, errors="coerce")
    whole = numbers.notna() & (numbers == numbers.round())
    return numbers.where(whole).astype("Int64")


def parse_flags(s: pd.Series) -> pd.Series:
    return s.map({"Y": True, "N": False}).astype("boolean")
