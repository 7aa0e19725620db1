"""What every SSD adapter module returns, and how a person in the SSD becomes the 903 CHILD.

An adapter module maps one idea (children, periods of care, placements, ...) from its SSD tables into one of
our case-system entities. Its primary table gives the entity's rows: each entity row carries the primary row's
number, so a contract failure names the SSD table and row. Rows the adapter cannot map are rejected with the
SSD column and the reason. Rows of the other tables it reads (`uses`) record which entity row they went into,
or why they went into none, so that every SSD row read ends up loaded or quarantined.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from orchestration.ingest.ssd.tables import SsdTable

# The start of the reason given for an SSD row the extracts do not hold (a legal status that is not a
# looked-after one, a worker who is not a case worker): it is set aside, not wrong, so it holds back no return.
NOT_USED = "not used: "


def not_used(reason: str) -> str:
    return NOT_USED + reason


@dataclass(frozen=True)
class Link:
    """One line of the SSD mapping table: an SSD column, our column, and what happens on the way."""

    ssd: str  # ssd_table.column
    ours: str  # entity.column
    how: str = "as it is"


@dataclass
class Mapped:
    entity: str
    table: str  # the primary SSD table
    rows: pd.DataFrame  # entity columns as text, and `_row`: the primary row it came from
    rejected: pd.DataFrame  # `_row`, `column` (SSD column), `problem`, and what entity columns are known
    uses: pd.DataFrame = field(default_factory=lambda: USES.copy())  # table, row, primary_row, problem
    notes: list[str] = field(default_factory=list)


USES = pd.DataFrame(
    {
        "table": pd.Series(dtype=object),
        "row": pd.Series(dtype="Int64"),
        "primary_row": pd.Series(dtype="Int64"),
        "problem": pd.Series(dtype=object),
    }
)


def rejected_rows(frame: pd.DataFrame, bad: pd.Series, column: str, problem: pd.Series | str) -> pd.DataFrame:
    """The rows where `bad` holds, as rejections naming the SSD column and the problem."""
    out = frame.loc[bad].copy()
    out["column"] = column
    out["problem"] = problem[bad] if isinstance(problem, pd.Series) else problem
    return out


def combine(*parts: pd.DataFrame) -> pd.DataFrame:
    kept = [p for p in parts if len(p)]
    if not kept:
        return (
            parts[0].iloc[0:0]
            if parts
            else pd.DataFrame({"_row": pd.Series(dtype="Int64"), "column": [], "problem": []})
        )
    return pd.concat(kept, ignore_index=True)


def uses(table: str, rows: pd.Series, primary_rows: pd.Series, problems: pd.Series | None = None) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "table": table,
            "row": rows.to_numpy(),
            "primary_row": pd.array(primary_rows.to_numpy(), dtype="Int64"),
            "problem": problems.to_numpy() if problems is not None else None,
        }
    )


def empty(table: str) -> SsdTable:
    return SsdTable(table, table, "", pd.DataFrame({"_row": pd.Series(dtype="Int64")}))


def column(table: SsdTable, name: str) -> pd.Series:
    """A column, or all blank when this case system's build of the table lacks it (ssd_notes.md §4)."""
    if name in table.rows.columns:
        return table.rows[name]
    return pd.Series([None] * len(table.rows), index=table.rows.index, dtype=object)


class People:
    """ssd_person: who each person is, and which of their ids is the 903 CHILD (`pers_person_id` by default;
    `pers_legacy_id` where the authority's 903 used it, CLA_SSD_CHILD_ID=legacy_id)."""

    def __init__(self, person: SsdTable, episodes: SsdTable, child_id: str = "person_id"):
        if child_id not in ("person_id", "legacy_id"):
            raise ValueError(f"CLA_SSD_CHILD_ID must be person_id or legacy_id, not {child_id!r}")
        rows = person.rows
        self.child_id_column = "pers_person_id" if child_id == "person_id" else "pers_legacy_id"
        ids = column(person, "pers_person_id")
        self.child = pd.Series(column(person, self.child_id_column).to_numpy(), index=ids.to_numpy()).dropna()
        self.child = self.child[~self.child.index.duplicated()]
        legacy = column(person, "pers_legacy_id")
        self.person_of_legacy = pd.Series(ids.to_numpy(), index=legacy.to_numpy())
        self.person_of_legacy = self.person_of_legacy[self.person_of_legacy.index.notna()]
        self.person_of_legacy = self.person_of_legacy[~self.person_of_legacy.index.duplicated()]
        self.person_of_period = pd.Series(
            column(episodes, "clae_person_id").to_numpy(), index=column(episodes, "clae_cla_id").to_numpy()
        ).dropna()
        self.person_of_period = self.person_of_period[~self.person_of_period.index.duplicated()]
        self.rows = rows

    def resolve(
        self, person_ids: pd.Series, person_column: str, period_ids: pd.Series | None = None
    ) -> tuple[pd.Series, pd.Series]:
        """(CHILD id, problem about `person_column`) for each row from its person id, falling back to its
        period of care where the build of the table has no person column or the id is not a person (the
        SystemC permanence slip), and last to a legacy id. The problem is blank where the child was found."""
        person = person_ids.where(person_ids.isin(self.child.index))
        if period_ids is not None:
            person = person.fillna(period_ids.map(self.person_of_period))
        person = person.fillna(person_ids.map(self.person_of_legacy))
        child = person.map(self.child)
        problem = pd.Series(None, index=person_ids.index, dtype=object)
        unknown = child.isna()
        problem[unknown & person_ids.isna()] = "blank: no person"
        text = person_ids.astype(object).map(lambda v: f"'{v}' is not a person in ssd_person")
        problem[unknown & person_ids.notna()] = text[unknown & person_ids.notna()]
        return child.astype(object), problem
