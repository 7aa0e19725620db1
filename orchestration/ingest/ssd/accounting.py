"""Every SSD row read is loaded or quarantined: `audit.ssd_rows` holds one row per SSD row the adapter read,
with the entity it went into, whether it was loaded, and if not, the SSD column and reason.

A row of an entity's primary table is loaded when the entity row made from it is; a row of another table it
read (an address, a worker, a later episode of the same period) is loaded when any entity row it went into
is, and otherwise carries the reason.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from orchestration.ingest.ssd.adapter import SECONDARY
from orchestration.ingest.ssd.mapping import Mapped
from orchestration.ingest.ssd.tables import SsdTable
from orchestration.ingest.validation import Outcome

COLUMNS = (
    "la_code VARCHAR, entity VARCHAR, ssd_table VARCHAR, source_file VARCHAR, source_row INTEGER, "
    "outcome VARCHAR, problem VARCHAR"
)


def rows_of(mapped: Mapped, outcome: Outcome, supplied: dict[str, SsdTable]) -> pd.DataFrame:
    """One record per SSD row this entity accounts for."""
    primary = supplied.get(mapped.table)
    label = primary.label if primary is not None else mapped.table
    quarantined = outcome.quarantined[outcome.quarantined["source_file"] == label]
    problems = quarantined.groupby("source_row")["problems"].first()
    loaded = set(outcome.loaded.loc[outcome.loaded["source_file"] == label, "source_row"].astype(int))
    records = []
    if primary is not None:
        merged = set(mapped.uses.loc[mapped.uses["table"] == mapped.table, "row"].astype(int))
        for row in primary.rows["_row"].tolist() + [n for n, _ in primary.broken_rows]:
            row = int(row)
            if row in merged:
                continue  # accounted with the entity row it went into, below
            state = "loaded" if row in loaded else "quarantined"
            records.append(
                (mapped.table, label, row, state, None if row in loaded else problems.get(row, "not mapped"))
            )
    for table, entity_rows in mapped.uses.groupby("table", sort=False):
        source = supplied.get(table)
        if source is None:
            continue
        for row, group in entity_rows.groupby("row", sort=False):
            given = group["problem"].dropna()
            into = [int(r) for r in group["primary_row"].dropna()]
            if any(r in loaded for r in into):
                records.append((table, source.label, int(row), "loaded", None))
            elif len(given):
                records.append((table, source.label, int(row), "quarantined", given.iloc[0]))
            else:
                first = into[0] if into else None
                why = problems.get(first, "") if first is not None else ""
                records.append(
                    (
                        table,
                        source.label,
                        int(row),
                        "quarantined",
                        f"went into {mapped.entity} from {label} row {first}, which was quarantined: {why}",
                    )
                )
    frame = pd.DataFrame(records, columns=["ssd_table", "source_file", "source_row", "outcome", "problem"])
    frame.insert(0, "entity", mapped.entity)
    return frame


def owned_tables(mapped: Mapped) -> list[str]:
    return [mapped.table] + [t for t, owner in SECONDARY.items() if owner == mapped.entity]


def summary(frame: pd.DataFrame, mapped: Mapped, supplied: dict[str, SsdTable]) -> dict[str, dict]:
    """Per SSD table this entity accounts for: rows read, loaded, quarantined, and whether every row is there."""
    out = {}
    for table in owned_tables(mapped):
        source = supplied.get(table)
        if source is None:
            continue
        read = len(source.rows) + len(source.broken_rows)
        mine = frame[frame["ssd_table"] == table]
        out[table] = {
            "rows_read": read,
            "rows_loaded": int((mine["outcome"] == "loaded").sum()),
            "rows_quarantined": int((mine["outcome"] == "quarantined").sum()),
            "every_row_once": bool(mine["source_row"].is_unique and len(mine) == read),
        }
    return out


def write(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, entity: str, la_code: str) -> None:
    con.execute("CREATE SCHEMA IF NOT EXISTS audit")
    con.execute(f"CREATE TABLE IF NOT EXISTS audit.ssd_rows ({COLUMNS})")
    rows = frame.assign(la_code=la_code)[
        ["la_code", "entity", "ssd_table", "source_file", "source_row", "outcome", "problem"]
    ]
    con.register("ssd_rows_frame", rows)
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM audit.ssd_rows WHERE la_code = ? AND entity = ?", [la_code, entity])
        con.execute("INSERT INTO audit.ssd_rows SELECT * FROM ssd_rows_frame")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("ssd_rows_frame")
