"""How a value of each contract type is read from an extract: the normalisation every extract gets.

Case systems and spreadsheets write the same fact many ways (`1234.0` for an id, `2026-03-31`, `31/03/2026` or
an Excel serial for a date, `yes`/`Y`/`1` for a flag). These functions turn each into one form, vectorised
over a pandas Series of text, and leave what they cannot read for the contract to reject.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa

# A case system's id: letters and digits, with - and _ between (DfE's CHILD is a string of at most 10 characters;
# the SSD's ids are its case system's keys cast to NVARCHAR(48)). No slash, space or dot: a date of birth or a
# postcode shifted into an id column is not an id, and neither is a date written with hyphens (DATE_SHAPED) nor a
# UPN (13 characters, longer than any CHILD DfE takes).
_UPN = r"[A-HJ-NP-RT-Z]\d{12}|\d{11}[A-Z]"  # a pupil's own UPN; UN1-UN5 say there is none
UPN_PATTERN = rf"^({_UPN}|UN[1-5])$"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,47}$"
DATE_SHAPED = r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{4})$"
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


def as_text(s: pd.Series) -> pd.Series:
    """Text as Arrow-backed strings. A column of Python strings (blank as None or NaN) goes to Arrow in one call,
    which is faster than pandas' conversion value by value; anything else takes pandas' conversion."""
    if s.dtype == object:
        try:
            text = pa.array(s.to_numpy(), type=pa.string(), from_pandas=True)
        except (pa.ArrowTypeError, pa.ArrowInvalid):
            pass
        else:
            return pd.Series(pd.arrays.ArrowStringArray(text), index=s.index, name=s.name)
    return s.astype(TEXT)


def normalise_text(s: pd.Series) -> pd.Series:
    """Trim; blank becomes null."""
    s = as_text(s).str.strip()
    return s.mask(s == "")


def normalise_id(s: pd.Series) -> tuple[pd.Series, int]:
    """Ids are text; a spreadsheet's `1234.0` is `1234`. Returns the ids and how many were repaired."""
    repaired = s.str.fullmatch(_FLOAT_ID.pattern, na=False)
    if not repaired.any():  # as in most extracts
        return s, 0
    return s.where(~repaired, s.str.replace(r"\.0+$", "", regex=True)), int(repaired.sum())


def is_id(s: pd.Series) -> pd.Series:
    """True where a text is an id by ID_PATTERN and not a date (blank is not an id)."""
    text = s.astype(TEXT)
    shaped = text.str.fullmatch(ID_PATTERN, na=False) & ~text.str.fullmatch(DATE_SHAPED, na=False)
    return shaped & ~text.str.fullmatch(rf"^({_UPN})$", na=False)


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


# A whole date, with at most a valid time of day after it: '2026-01-01garbage' and '2010-05-05T99:99' are not dates.
_ISO = r"\d{4}-\d{2}-\d{2}([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?)?"
# Excel serials of five digits (18/05/1927 to 2064): a four-digit number is far likelier a year typed alone.
_SERIAL = r"\d{5}(\.0+)?"


def _parse_date_texts(text: pd.Series) -> pd.Series:
    parsed = pd.to_datetime(
        text.where(text.str.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}")), format="%d/%m/%Y", errors="coerce"
    )
    iso = text.where(text.str.fullmatch(_ISO)).str.slice(0, 10)
    parsed = parsed.fillna(pd.to_datetime(iso, format="%Y-%m-%d", errors="coerce"))
    serial = pd.to_numeric(text.where(text.str.fullmatch(_SERIAL)), errors="coerce")
    serial = serial.where(serial.between(10000, 60000))
    return parsed.fillna(_EXCEL_EPOCH + pd.to_timedelta(serial, unit="D"))


def why_not_a_date(text: str) -> str:
    """Why a text that is not a date was refused, in words that never repeat the value."""
    text = str(text).strip()
    if re.fullmatch(r"\d{4}", text):
        return "a year alone is not a date"
    shape = re.match(r"(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})", text)
    if shape and shape.end() < len(text):
        return "a date followed by other text, or by a time that is not a time of day"
    return ""


# Each text's date, once parsed: the contract's checks and the typing ask for the same columns' dates several
# times, and an extract repeats the same few thousand dates. Parsing depends on the text alone, so it is safe to
# remember; the memo is emptied when it grows past a bound (a column of free text typed as a date).
_DATES_REMEMBERED = 1_000_000
_dates_parsed = pd.Series([], index=pd.Index([], dtype=object), dtype="datetime64[ns]")


def _dates_of(distinct: pd.Index) -> np.ndarray:
    global _dates_parsed
    known = _dates_parsed.index.get_indexer(distinct)
    if (known < 0).any():
        new = distinct[known < 0]
        if len(_dates_parsed) + len(new) > _DATES_REMEMBERED:
            _dates_parsed, new = _dates_parsed.iloc[:0], distinct
        parsed = _parse_date_texts(pd.Series(new, dtype=TEXT)).to_numpy(dtype="datetime64[ns]")
        _dates_parsed = pd.concat([_dates_parsed, pd.Series(parsed, index=new)])
        known = _dates_parsed.index.get_indexer(distinct)
    return _dates_parsed.to_numpy()[known]


# Within `columns_parsed_once()`, each column's dates: a column's contract checks and its typing ask for its dates
# several times. Arrow arrays are immutable, so the same array (held here, so that its id is not reused) has the
# same dates. Outside it nothing is held.
_columns_parsed: dict[int, tuple[object, np.ndarray]] | None = None


@contextmanager
def columns_parsed_once():
    global _columns_parsed
    _columns_parsed = {}
    try:
        yield
    finally:
        _columns_parsed = None


def parse_dates(s: pd.Series) -> pd.Series:
    """dd/mm/yyyy, yyyy-mm-dd (with or without a time) or an Excel serial day number; NaT otherwise."""
    text = s.astype(TEXT)
    arrow = text.array.__arrow_array__()
    _, gathered = (_columns_parsed or {}).get(id(arrow), (None, None))
    if gathered is None:
        codes, distinct = pd.factorize(text, use_na_sentinel=True)
        parsed = _dates_of(pd.Index(distinct, dtype=object))
        gathered = np.append(parsed, np.datetime64("NaT", "ns"))[codes]  # code -1 (blank) takes the NaT at the end
        if _columns_parsed is not None:
            gathered.flags.writeable = False  # shared by every caller asking for this column's dates
            _columns_parsed[id(arrow)] = (arrow, gathered)
    return pd.Series(gathered, index=s.index, name=s.name)


def as_dates(parsed: pd.Series) -> pd.Series:
    """Timestamps as `datetime.date`s (NaT stays NaT), converting each distinct day once."""
    codes, distinct = pd.factorize(parsed, use_na_sentinel=True)
    days = np.empty(len(distinct) + 1, dtype=object)
    days[:-1] = pd.DatetimeIndex(distinct).date  # pandas' own conversion, not a Timestamp built per day
    days[-1] = pd.NaT
    return pd.Series(days[codes], index=parsed.index, name=parsed.name, dtype=object)


INT64_MAX = 2**63 - 1
_WHOLE = r"[+-]?\d+"


def _whole_texts(s: pd.Series) -> pd.Series:
    text = s.astype(TEXT).str.strip()
    return text.where(text.str.fullmatch(_WHOLE, na=False))


def too_large(s: pd.Series) -> pd.Series:
    """Whole numbers beyond what a 64-bit integer holds (19 digits or more are checked exactly)."""
    digits = _whole_texts(s)
    long = np.flatnonzero((digits.str.lstrip("+-").str.lstrip("0").str.len() >= 19).fillna(False).to_numpy(bool))
    beyond = np.zeros(len(s), dtype=bool)
    # few or none: only these go through Python's integers
    beyond[long] = [abs(int(t)) > INT64_MAX for t in digits.iloc[long]]
    return pd.Series(beyond, index=s.index, dtype="boolean")


def parse_integers(s: pd.Series) -> pd.Series:
    """Digits only, within a 64-bit integer: '1e3', '12.5', 'inf' and 99999999999999999999999 are not whole
    numbers this warehouse can hold (floats would round them, or wrap them round to negative)."""
    digits = _whole_texts(s)
    short = digits.where(digits.str.lstrip("+-").str.len() <= 15)  # exact as float64
    parsed = pd.to_numeric(short, errors="coerce").astype("Int64")
    longer = short.isna() & digits.notna()
    long = digits.where(longer & ~too_large(s)) if longer.any() else digits.where(longer)
    if long.notna().any():  # 16 to 19 digits: exactly, through Python's integers
        exact = np.array([int(t) for t in long[long.notna()]], dtype=np.int64)
        parsed = parsed.copy()
        parsed[long.notna().to_numpy()] = exact
    return parsed


def parse_flags(s: pd.Series) -> pd.Series:
    return s.map({"Y": True, "N": False}).astype("boolean")
