"""What identifies a child besides the case-system id, and how a report shows it: present or blank, never the value.

Dates of birth, postcodes, NHS numbers, UPNs and names are special-category personal data: they stay in the
warehouse and the return files. Reports (the 903 validation report, the ingest report's quarantined rows) and
Dagster's metadata show them only as present or blank, and show any other value of a child's record only when
it is shaped as a code: a value that failed its contract may be a date of birth or a postcode in the wrong
column. Names never reach the warehouse at all (the contracts' `personal` columns are dropped on reading).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas and the contracts are imported where used: `cla validate-903` needs neither
    from schemas.contracts import Contract

# DfE's 903 fields that identify a child: date of birth, the mother's child's date of birth, the postcodes, UPN.
PERSONAL_903_FIELDS = frozenset({"DOB", "MC_DOB", "HOME_POST", "PL_POST", "UPN"})
# The extract columns that hold them (with every column of type postcode or upn, and the names a file may carry).
PERSONAL_EXTRACT_COLUMNS = frozenset({"date_of_birth", "first_child_date_of_birth", "nhs_number"})
PERSONAL_TYPES = frozenset({"postcode", "upn"})

_CODE_SHAPE = re.compile(r"[A-Z0-9_]{1,6}")  # codes are short and upper case; names and dates are not
_DATE_OR_POSTCODE = re.compile(r"\d{4,}|^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$")  # a date, an id, a postcode (no space)


def blank(value) -> bool:
    import pandas as pd

    return value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == ""


def presence(value) -> str:
    """How a personal value is shown: '(present)' or '(blank)'."""
    return "(blank)" if blank(value) else "(present)"


def personal_columns(contract: Contract) -> frozenset[str]:
    """The contract's columns that identify a child (never shown), and the names a file may carry."""
    typed = {c.name for c in contract.columns if c.type in PERSONAL_TYPES}
    return frozenset(typed | (PERSONAL_EXTRACT_COLUMNS & set(contract.column_names)) | contract.personal)


def as_code(value) -> str | None:
    """A value as it is shown when it looks like a code (short, upper case, not a date, id or postcode)."""
    text = "" if blank(value) else str(value).strip()
    return text if _CODE_SHAPE.fullmatch(text) and not _DATE_OR_POSTCODE.search(text) else None


def shown_value(value, personal: bool) -> str:
    """A value of a child's record as a report shows it: a code as itself, anything else present or blank."""
    code = None if personal else as_code(value)
    return code if code is not None else presence(value)


def child_id(value) -> str:
    """A case-system child id as a report names the child; a value in its place that is no id (a date of
    birth shifted into the column) is not shown."""
    import pandas as pd

    from schemas.values import is_id

    if blank(value):
        return ""
    return str(value) if bool(is_id(pd.Series([str(value)])).iloc[0]) else "(not an id)"
