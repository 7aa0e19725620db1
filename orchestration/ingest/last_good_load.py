"""Keeping the last good load: a missing, unreadable or much smaller extract never replaces good data.

An entity's load is compared with the one the warehouse holds (audit.extract_files): no file, every file
unreadable, or fewer loaded rows than `min_share_kept` of the last load's means something went wrong upstream
(a failed export, a truncated copy, a column shift), not that the children left care. Such a load is refused:
the ingest step fails naming the cause, so nothing downstream rebuilds or publishes from it. For a source the
authority calls optional, the last good load is kept instead and marked stale in audit.entity_loads.
A first load has nothing to protect and is always written.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from orchestration.ingest.validation import Outcome

ENTITY_LOADS_DDL = (
    "CREATE TABLE IF NOT EXISTS audit.entity_loads "
    "(la_code VARCHAR, source VARCHAR, entity VARCHAR, status VARCHAR, rows_loaded INTEGER, "
    "last_good_rows INTEGER, as_of DATE, reason VARCHAR)"
)
LOADED, STALE, REFUSED = "loaded", "stale: last good load kept", "refused: last good load kept"


class LoadRefused(Exception):
    """The new load would replace good data with an empty or shrunken extract."""


@dataclass(frozen=True)
class Verdict:
    replace: bool  # write the new load
    reason: str = ""  # why the last good load was kept ('' when replaced)
    last_good_rows: int | None = None


def last_good_rows(con: duckdb.DuckDBPyConnection, la_code: str, entity: str) -> int | None:
    """Rows loaded by the warehouse's current load of the entity; None if it was never loaded."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'audit' AND table_name = 'extract_files'"
    ).fetchone()[0]
    if not exists:
        return None
    rows = con.execute(
        "SELECT count(*), sum(rows_loaded) FROM audit.extract_files WHERE la_code = ? AND entity = ?",
        [la_code, entity],
    ).fetchone()
    return int(rows[1] or 0) if rows[0] else None


def judge(outcome: Outcome, previous: int | None, min_share_kept: float) -> Verdict:
    """Whether the new load may replace the last one, and if not, why (naming files, never values)."""
    if not previous:
        return Verdict(replace=True, last_good_rows=previous)
    entity = outcome.contract.entity
    loaded = len(outcome.loaded)
    if not outcome.files:
        reason = f"no {entity} file in landing/{outcome.contract.source}/"
    elif all(f.problem and not f.rows_loaded for f in outcome.files):
        reason = "no file could be loaded: " + "; ".join(f"{f.file}: {f.problem}" for f in outcome.files)
    elif loaded < min_share_kept * previous:
        unreadable = [f"{f.file}: {f.problem}" for f in outcome.files if f.problem]
        reason = (
            f"{loaded:,} rows loaded where the last good load had {previous:,} "
            f"(less than {min_share_kept:.0%}; CLA_MIN_SHARE_KEPT sets the share)"
            + (f"; file problems: {'; '.join(unreadable)}" if unreadable else "")
        )
    else:
        return Verdict(replace=True, last_good_rows=previous)
    return Verdict(replace=False, reason=reason, last_good_rows=previous)


def record(
    con: duckdb.DuckDBPyConnection, outcome: Outcome, verdict: Verdict, la_code: str, as_of, status: str
) -> None:
    """One row per entity saying whether its tables hold this load or an earlier one, and why."""
    contract = outcome.contract
    con.execute("BEGIN TRANSACTION")  # one write to disk (and one sync) rather than one per statement
    try:
        con.execute(ENTITY_LOADS_DDL)
        con.execute("DELETE FROM audit.entity_loads WHERE la_code = ? AND entity = ?", [la_code, contract.entity])
        con.execute(
            "INSERT INTO audit.entity_loads VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                la_code,
                contract.source,
                contract.entity,
                status,
                len(outcome.loaded),
                verdict.last_good_rows,
                as_of,
                verdict.reason or None,
            ],
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
