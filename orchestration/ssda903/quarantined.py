"""The children a return would silently miss: those with rows quarantined in an extract the return is built from.

A quarantined row never reaches the warehouse, so the child's Header, episodes or care-leaver row is missing or
wrong, and DfE's rules cannot see it (five children whose DOB and ethnicity were swapped once vanished from a
published return with no DfE error). Each quarantined row of those extracts is put to its child by the case-system
id (the row's own child_id when it is an id; else its UPN or NHS number as raw.children holds them); a row that
names no child we can tell is counted as such. The return is not published while any of them is quarantined,
unless the returns officer lists the child in the authority's file (`return_leaves_out`); a listed child is still
named in the return's validation report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import duckdb
import pandas as pd

from orchestration.ingest.ssd.mapping import NOT_USED
from schemas.contracts import load_contracts
from schemas.values import is_id

COLUMNS = ["entity", "source_file", "source_row", "child"]


@dataclass(frozen=True)
class QuarantinedChildren:
    rows: pd.DataFrame  # entity, source_file, source_row, child (None: the row names no child we can tell)
    leaves_out: frozenset[str]  # children the officer accepts to leave out (the authority's file)

    @property
    def children(self) -> list[str]:
        return sorted(self.rows["child"].dropna().unique())

    @property
    def unnamed_rows(self) -> pd.DataFrame:
        return self.rows[self.rows["child"].isna()]

    @property
    def held_back(self) -> list[str]:
        """Children quarantined and not accepted: each one blocks the return."""
        return [c for c in self.children if c not in self.leaves_out]

    @property
    def blocks(self) -> bool:
        return bool(self.held_back) or not self.unnamed_rows.empty

    def by_child(self) -> pd.DataFrame:
        """One row per child (and one for the rows that name none): the extracts and rows quarantined, and
        whether the officer accepted to leave the child out."""
        named = self.rows.assign(child=self.rows["child"].fillna("(no child id)"))
        grouped = named.groupby("child", sort=True).agg(
            rows=("source_row", "size"), entities=("entity", lambda e: ", ".join(sorted(set(e))))
        )
        grouped["left_out_by_the_officer"] = [c in self.leaves_out for c in grouped.index]
        return grouped.reset_index()

    def why_blocked(self) -> str:
        """What blocks the return, naming children by their case-system id only."""
        parts = []
        if self.held_back:
            shown = ", ".join(self.held_back[:20]) + (", …" if len(self.held_back) > 20 else "")
            parts.append(f"{len(self.held_back)} child(ren) with quarantined records ({shown})")
        if not self.unnamed_rows.empty:
            parts.append(f"{len(self.unnamed_rows)} quarantined row(s) that name no child")
        return (
            " and ".join(parts) + ": their records are missing from the return. Fix the rows (the ingest report's "
            "quarantined_rows.csv says what is wrong with each) or, to submit without them, list the children in "
            "the authority file's return_leaves_out"
        )


def _exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?", [schema, table]
        ).fetchone()[0]
    )


def quarantined_children(
    con: duckdb.DuckDBPyConnection, la_code: str, entities: Iterable[str], leaves_out: frozenset[str] = frozenset()
) -> QuarantinedChildren:
    """The quarantined rows of `entities` (the extracts a return is built from) and the child of each; rows the SSD
    adapter set aside as not the extracts' (NOT_USED) are no fault of a child's record and hold nothing back."""
    contracts = load_contracts()
    known = _exists(con, "raw", "children")
    frames = []
    for entity in sorted(set(entities)):
        if entity not in contracts or not _exists(con, "quarantine", entity):
            continue
        names = contracts[entity].column_names
        own = "q.child_id" if "child_id" in names else "NULL"
        # A row whose own id is not an id (a shifted column) may still be told by its UPN or NHS number.
        links = [c for c in ("upn", "nhs_number") if c in names and known]
        joins = "".join(
            f" LEFT JOIN (SELECT {c}, min(child_id) AS child_id FROM raw.children WHERE la_code = ? "
            f"AND {c} IS NOT NULL GROUP BY {c} HAVING count(*) = 1) AS by_{c} ON by_{c}.{c} = q.{c}"
            for c in links
        )
        linked = ", ".join(f"by_{c}.child_id" for c in links) or "NULL"
        frame = con.execute(
            f"SELECT '{entity}' AS entity, q.source_file, q.source_row, {own} AS own_id, "
            f"{'q.upn' if 'upn' in links else 'NULL'} AS upn, coalesce({linked}) AS linked "
            f"FROM quarantine.{entity} AS q{joins} WHERE q.la_code = ? AND position(? IN q.problems) = 0",
            [*([la_code] * len(links)), la_code, NOT_USED],
        ).df()
        frames.append(frame)
    if not frames:
        return QuarantinedChildren(pd.DataFrame(columns=COLUMNS), leaves_out)
    rows = pd.concat(frames, ignore_index=True)
    own = rows["own_id"].astype("string").str.strip()
    own = own.where(is_id(own))
    # UN1-UN5 are shared by many children: only a real UPN tells a child.
    linked = rows["linked"].where(~rows["upn"].astype("string").str.fullmatch(r"UN\d", na=False))
    rows["child"] = own.fillna(linked.astype("string")).astype(object).where(lambda c: pd.notna(c), None)
    rows = rows[COLUMNS].sort_values(["entity", "source_file", "source_row"], ignore_index=True)
    return QuarantinedChildren(rows, leaves_out)
