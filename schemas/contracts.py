"""The extract contracts: what each landing file must hold, read from `schemas/extracts/<source>.yaml`.

A contract is the one place an extract's columns, types, code lists, keys and cross-column rules are written
down. `pandera_schema()` turns one into the pandera schema every row is validated against at ingest; the
same contract gives the raw table's DDL, so the file, the check and the table cannot drift apart.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import yaml

from schemas import values
from schemas.authority import Authority, authority_file, load_authority

EXTRACTS_DIR = Path(__file__).resolve().parent / "extracts"
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"

SQL_TYPES = {
    "id": "VARCHAR",
    "text": "VARCHAR",
    "code": "VARCHAR",
    "postcode": "VARCHAR",
    "upn": "VARCHAR",
    "date": "DATE",
    "integer": "BIGINT",
    "flag": "BOOLEAN",
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    required: bool = False
    codes: frozenset[str] | None = None
    code_list: str = ""
    pattern: str | None = None
    min: int | None = None
    max: int | None = None
    future_allowed: bool = False
    description: str = ""
    local: bool = False  # only local reporting uses it: a value off its code list is loaded as blank, with a warning

    @property
    def sql_type(self) -> str:
        return SQL_TYPES[self.type]


@dataclass(frozen=True)
class Contract:
    source: str
    entity: str
    description: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    ordered: tuple[tuple[str, str], ...]
    required_together: tuple[tuple[str, ...], ...]
    one_of: tuple[tuple[str, ...], ...]
    personal: frozenset[str]
    optional_source: bool = False

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required_columns(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


@cache
def ssda903_codes() -> dict[str, frozenset[str]]:
    """Every code DfE has accepted for each 903 field in any collection year in seeds/ssda903_codes.csv.

    The contract only asks that a code exists; whether it is valid in a given year is a DfE validation rule.
    """
    codes: dict[str, set[str]] = {}
    with open(SEEDS_DIR / "ssda903_codes.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            codes.setdefault(row["field"], set()).add(row["code"])
    return {field: frozenset(c) for field, c in codes.items()}


def _column(name: str, spec: dict, authority: Authority) -> Column:
    codes = spec.get("codes")
    code_list = ""
    if isinstance(codes, str) and codes.startswith("authority:"):
        code_list = codes
        codes = {"authority:districts": authority.district_codes, "authority:teams": authority.team_codes}[codes]
    elif isinstance(codes, str):
        code_list = codes
        _, field = codes.split(":", 1)
        codes = ssda903_codes()[field]
    elif codes is not None:
        code_list = "contract"
        codes = frozenset(str(c) for c in codes)
    return Column(
        name=name,
        type=spec["type"],
        required=bool(spec.get("required", False)),
        codes=codes,
        code_list=code_list,
        pattern=spec.get("pattern"),
        min=spec.get("min"),
        max=spec.get("max"),
        future_allowed=spec.get("future") == "allowed",
        description=spec.get("description", ""),
        local=bool(spec.get("local", False)),
    )


def _within(numbers, lo: int | None, hi: int | None):
    """True where a number is within its bounds (either may be open) or did not parse (another check's failure)."""
    inside = pd.Series(True, index=numbers.index)
    if lo is not None:
        inside &= (numbers >= lo).fillna(True)
    if hi is not None:
        inside &= (numbers <= hi).fillna(True)
    return inside


def load_contracts() -> dict[str, Contract]:
    """All contracts, keyed by entity name (entity names are unique across sources), with the code lists of
    the authority CLA_AUTHORITY names (its districts and teams)."""
    return load_contracts_from(EXTRACTS_DIR, authority_file())


@cache
def load_contracts_from(folder: Path, authority_path: Path | None = None) -> dict[str, Contract]:
    """The contracts in every YAML of a folder (the extracts', or the regional share's in schemas/shares); the
    authority's file gives the local code lists (districts and teams) where a contract draws on them."""
    authority = load_authority(str(authority_path or authority_file()))
    contracts: dict[str, Contract] = {}
    for path in sorted(folder.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entity, spec in doc["entities"].items():
            if entity in contracts:
                raise ValueError(f"{path.name}: entity {entity!r} is already defined by another source")
            contracts[entity] = Contract(
                source=doc["source"],
                entity=entity,
                description=spec["description"],
                key=tuple(spec["key"]),
                columns=tuple(_column(n, s, authority) for n, s in spec["columns"].items()),
                ordered=tuple(tuple(p) for p in spec.get("ordered", [])),
                required_together=tuple(tuple(p) for p in spec.get("required_together", [])),
                one_of=tuple(tuple(p) for p in spec.get("one_of", [])),
                personal=frozenset(doc.get("personal", [])),
                optional_source=bool(doc.get("optional", False)),
            )
    return contracts


def sources() -> dict[str, list[Contract]]:
    """Contracts grouped by source, in a stable order."""
    grouped: dict[str, list[Contract]] = {}
    for contract in load_contracts().values():
        grouped.setdefault(contract.source, []).append(contract)
    return grouped


# --- the pandera schema -------------------------------------------------------------------------------------
# Rows arrive as text (blank = null) after `values.normalise_text`; each check parses what it needs, so a
# failure names the rule and the column, and a value that cannot be parsed fails once, on its format check.


def _column_checks(col: Column, as_of: date) -> list[pa.Check]:
    checks: list[pa.Check] = []
    if col.type == "date":
        checks.append(_check(lambda s: values.parse_dates(s).notna(), name="not_a_date"))
        if not col.future_allowed:
            checks.append(_check(lambda s: ~(values.parse_dates(s) > values.timestamp(as_of)), name="date_in_future"))
    elif col.type == "integer":
        checks.append(
            _check(lambda s: values.parse_integers(s).notna() | values.too_large(s), name="not_a_whole_number")
        )
        checks.append(_check(lambda s: ~values.too_large(s), name="too_large"))
        if col.min is not None or col.max is not None:
            lo, hi = col.min, col.max
            # Only numbers that parsed are compared; the rest failed not_a_whole_number or too_large already.
            checks.append(_check(lambda s: _within(values.parse_integers(s), lo, hi), name=f"outside_range_{lo}_{hi}"))
    elif col.type == "flag":
        checks.append(_isin({"Y", "N"}, "not_a_flag"))
    elif col.type == "postcode":
        checks.append(_matches(values.POSTCODE_PATTERN, "not_a_postcode"))
    elif col.type == "upn":
        checks.append(_matches(values.UPN_PATTERN, "not_a_upn"))
    elif col.type == "id":
        checks.append(_check(values.is_id, "not_an_id"))
    if col.codes is not None:
        checks.append(_isin(col.codes, "code_not_in_list"))
    if col.pattern:
        checks.append(_matches(col.pattern, "wrong_format"))
    return checks


def _row_precise(fn):
    """A check that answers for every row whatever the values: when the vectorised check raises, each row is
    checked alone and a row the check raises on fails it. pandera records a raising check's failure without a
    row index, and such a failure could not be traced to a row."""

    def check(data):
        try:
            return _booleans(fn(data), data)
        except Exception:
            return pd.Series([_alone(fn, data.iloc[i : i + 1]) for i in range(len(data))], index=data.index, dtype=bool)

    return check


def _alone(fn, row) -> bool:
    try:
        return bool(_booleans(fn(row), row).iloc[0])
    except Exception:
        return False


def _booleans(result, data) -> pd.Series:
    """A check's answer as one True/False per row; an unknown answer is a failure."""
    return pd.Series(result, index=data.index).astype("boolean").fillna(False).astype(bool)


def _check(fn, name: str) -> pa.Check:
    return pa.Check(_row_precise(fn), name=name)


# Named checks of our own, so a failure reports the rule's name rather than pandera's rendering of the list.
def _isin(allowed: frozenset[str] | set[str], name: str) -> pa.Check:
    return _check(lambda s: s.isin(allowed), name=name)


def _matches(pattern: str, name: str) -> pa.Check:
    return _check(lambda s: s.astype(values.TEXT).str.fullmatch(pattern), name=name)


def _ordered_check(start: str, end: str) -> pa.Check:
    def check(df):
        return ~(values.parse_dates(df[end]) < values.parse_dates(df[start]))

    return _check(check, name=f"end_before_start:{end}:{start}")


def _together_check(cols: tuple[str, ...]) -> pa.Check:
    def check(df):
        filled = df[list(cols)].notna().sum(axis=1)
        return (filled == 0) | (filled == len(cols))

    return _check(check, name=f"required_together:{':'.join(cols)}")


def _one_of_check(cols: tuple[str, ...]) -> pa.Check:
    def check(df):
        return df[list(cols)].notna().any(axis=1)

    return _check(check, name=f"one_of_required:{':'.join(cols)}")


def pandera_schema(contract: Contract, as_of: date) -> pa.DataFrameSchema:
    """The pandera schema for one extract entity, with dates checked against the load date `as_of`."""
    return pa.DataFrameSchema(
        columns={
            c.name: pa.Column(None, checks=_column_checks(c, as_of), nullable=not c.required, required=True)
            for c in contract.columns
        },
        checks=[_ordered_check(s, e) for s, e in contract.ordered]
        + [_together_check(cols) for cols in contract.required_together]
        + [_one_of_check(cols) for cols in contract.one_of],
        strict=False,
        coerce=False,
        name=contract.entity,
    )
