"""How SSD values become the values our contract reads: placeholders to blank, descriptions to codes.

Case systems' SSD scripts load lookup descriptions where the SSD asks for DfE codes (ssd_notes.md §3), and
write `SSD_PH`, `1900-01-01` or an empty string for "nothing". A value that cannot be decoded is passed on
unchanged, so the contract quarantines it naming the value and the code list.
"""

from __future__ import annotations

import csv
import re
from functools import cache

import pandas as pd

from orchestration.settings import SEEDS_DIR

PLACEHOLDER_TEXT = {"SSD_PH"}
PLACEHOLDER_DATE = re.compile(r"^1900-01-01")
_LEADING_CODE = re.compile(r"^\s*([A-Za-z0-9]{1,6})\s*(?:[-:.)–]|\s)\s*\S")


def clean(frame: pd.DataFrame) -> pd.DataFrame:
    """Trimmed text; SSD_PH, 1900-01-01 and empty strings are null."""
    out = frame.copy()
    for column in out.columns:
        if column.startswith("_"):
            continue
        text = out[column].astype("string").str.strip()
        null = text.isna() | (text == "") | text.isin(PLACEHOLDER_TEXT) | text.str.match(PLACEHOLDER_DATE.pattern)
        out[column] = text.astype(object).where(~null.fillna(True).astype(bool), None)
    return out


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@cache
def code_descriptions(field: str) -> dict[str, str]:
    """DfE's 903 codes of a field with their descriptions (every wording any year used)."""
    found: dict[str, str] = {}
    with open(SEEDS_DIR / "ssda903_codes.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["field"] == field:
                found[row["description"]] = row["code"]
    return found


def decode(values: pd.Series, codes: dict[str, str]) -> pd.Series:
    """Codes from a column that may hold the code, text starting with the code ("P - Change of placement"),
    or the description alone. `codes` maps description -> code. Undecodable values are returned as they are."""
    known = {c.upper(): c for c in codes.values()}
    by_words = {_key(d): c for d, c in codes.items()}

    def one(value):
        if value is None or pd.isna(value):
            return None
        text = str(value).strip()
        if text.upper() in known:
            return known[text.upper()]
        match = _LEADING_CODE.match(text)
        if match and match.group(1).upper() in known:
            return known[match.group(1).upper()]
        return by_words.get(_key(text), text)

    return values.map(one, na_action="ignore").astype(object)


def decode_903(values: pd.Series, field: str) -> pd.Series:
    return decode(values, code_descriptions(field))


SEX = {"Male": "M", "Female": "F", "Unknown": "U", "Not known": "U", "Indeterminate": "U", "Not stated": "U"}
SEX |= {"1": "M", "2": "F", "0": "U", "9": "U", "Man": "M", "Woman": "F"}


def sex(values: pd.Series) -> pd.Series:
    """M/F/U from the SSD's M/F/U, Mosaic's description text, or 1/2."""
    return decode(values, {**SEX, "M": "M", "F": "F", "U": "U"})


def flag(values: pd.Series) -> pd.Series:
    """Y/N flags; 'NA' (not applicable, in return-interview flags) is blank."""
    upper = values.astype("string").str.upper()
    return values.where(~upper.isin(["NA", "N/A"]).fillna(False), None).astype(object)
