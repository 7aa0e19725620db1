"""Fields only local reporting uses (a child's district or team): a bad value is loaded as blank, not quarantined.

Quarantining a child for an unknown district would orphan their periods and placements and break the 903
return, which never uses the district. So a value of a `local` column that is not in its code list is blanked
before the contract runs, with a warning naming the file, row, column and value; keys and the fields DfE or
the derivations need still quarantine the row. A value that looks like a date or a postcode is not quoted
(a district column holding one is a misplaced column, and those are personal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from schemas import values
from schemas.contracts import Contract

SHOWN_PER_FILE = 10  # rows named in a file's note; every row is in the warnings


@dataclass(frozen=True)
class BlankedValue:
    file: str
    row: int
    column: str
    value: str
    code_list: str
    index: int  # the row's index in the frame, to drop the warning when the row is quarantined for another reason

    @property
    def message(self) -> str:
        value, listed = _quoted(self.value), _named(self.code_list)
        return f"{self.file} row {self.row}: {self.column} {value} is not one of the {listed}: loaded as blank"


def _named(code_list: str) -> str:
    if code_list.startswith("authority:"):
        return f"authority's {code_list.split(':', 1)[1]} (its configuration file in authorities/)"
    return f"{code_list.removeprefix('ssda903:')} codes"


def _quoted(value: str) -> str:
    looks_like_postcode = re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}", value.strip().upper())
    if looks_like_postcode or values.parse_dates(pd.Series([value])).notna().all():
        return "(a value like a date or postcode, not shown)"
    return repr(value)


def blank_unknown_local_values(rows: pd.DataFrame, contract: Contract, where: pd.DataFrame) -> list[BlankedValue]:
    """Blank (in place) every value of a local column that is not in its code list; what was blanked, by row."""
    blanked: list[BlankedValue] = []
    for column in contract.columns:
        if not column.local or column.codes is None:
            continue
        values_ = rows[column.name]
        unknown = values_.notna() & ~values_.isin(column.codes)
        for index in rows.index[unknown]:
            blanked.append(
                BlankedValue(
                    file=str(where.at[index, "source_file"]),
                    row=int(where.at[index, "source_row"]),
                    column=column.name,
                    value=str(values_.at[index]),
                    code_list=column.code_list,
                    index=int(index),
                )
            )
        rows.loc[unknown, column.name] = None
    return blanked


def notes_by_file(blanked: list[BlankedValue]) -> dict[str, str]:
    """One note per file for its summary (and so audit.extract_files and the ingest report)."""
    notes: dict[str, str] = {}
    for file in dict.fromkeys(b.file for b in blanked):
        mine = [b for b in blanked if b.file == file]
        shown = "; ".join(f"row {b.row} {b.column} {_quoted(b.value)}" for b in mine[:SHOWN_PER_FILE])
        more = f"; and {len(mine) - SHOWN_PER_FILE} more" if len(mine) > SHOWN_PER_FILE else ""
        notes[file] = (
            f"{len(mine)} value(s) of local reporting fields not in the authority's code lists, loaded as blank: "
            f"{shown}{more}"
        )
    return notes
