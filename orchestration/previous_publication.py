"""Refusing to publish from an empty or shrunken input: each publication is compared with the one before.

An export records what it counted (the 903 return: rows per DfE table; the scorecard: each indicator's
numerator and denominator) in audit.publications when it publishes. The next publication counts the same
things again and is refused, naming each count that fell, when one holds less than `min_share_kept` of what was
published: children do not leave care in such numbers between two runs, but a truncated or missing extract
empties tables. Counts smaller than MIN_COUNTED move by chance and are not compared. Nothing here is
child-level: only totals are stored.
"""

from __future__ import annotations

import duckdb

PUBLICATIONS_DDL = (
    "CREATE TABLE IF NOT EXISTS audit.publications "
    "(la_code VARCHAR, export VARCHAR, period VARCHAR, measure VARCHAR, counted BIGINT)"
)
MIN_COUNTED = 10


class PublicationRefused(Exception):
    """The export's input is empty or much smaller than the previous publication's."""


def _recorded(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema = 'audit' AND table_name = 'publications'"
        ).fetchone()[0]
    )


def _read_only(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(
        con.execute("SELECT readonly FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]
    )


def previous(
    con: duckdb.DuckDBPyConnection, la_code: str, export: str, period: str
) -> tuple[str, dict[str, int]] | None:
    """The publication of `period` if there was one, else the latest one before it: (period, counts)."""
    if not _recorded(con):
        return None
    row = con.execute(
        "SELECT max(period) FROM audit.publications WHERE la_code = ? AND export = ? AND period <= ?",
        [la_code, export, period],
    ).fetchone()
    if row[0] is None:
        return None
    counts = con.execute(
        "SELECT measure, counted FROM audit.publications WHERE la_code = ? AND export = ? AND period = ?",
        [la_code, export, row[0]],
    ).fetchall()
    return row[0], {measure: int(counted) for measure, counted in counts}


def shrunk(before: dict[str, int], now: dict[str, int], min_share_kept: float) -> list[str]:
    """Each count that fell below `min_share_kept` of what was published, as 'measure: before → now'."""
    return [
        f"{measure}: {counted:,} → {now.get(measure, 0):,}"
        for measure, counted in sorted(before.items())
        if counted >= MIN_COUNTED and now.get(measure, 0) < min_share_kept * counted
    ]


def refuse_if_shrunk(
    what: str, published: str, before: dict[str, int], now: dict[str, int], min_share_kept: float
) -> None:
    """Raise PublicationRefused naming every count that fell too far since the publication of `published`."""
    fallen = shrunk(before, now, min_share_kept)
    if fallen:
        raise PublicationRefused(
            f"{what} not published: {len(fallen)} count(s) fell below {min_share_kept:.0%} of the publication of "
            f"{published} ({'; '.join(fallen[:12])}{'; …' if len(fallen) > 12 else ''}). An extract is probably "
            "missing, truncated or unreadable: see audit.entity_loads and audit.extract_files, put the whole "
            "extract in landing and run again (CLA_MIN_SHARE_KEPT sets the share)."
        )


def remember(con: duckdb.DuckDBPyConnection, la_code: str, export: str, period: str, counts: dict[str, int]) -> None:
    """Record what a publication counted, replacing an earlier publication of the same period. A read-only
    connection (a report made by hand from a copy of the warehouse) records nothing: it is not a publication
    the pipeline made."""
    if _read_only(con):
        return
    con.execute("CREATE SCHEMA IF NOT EXISTS audit")
    con.execute(PUBLICATIONS_DDL)
    con.execute(
        "DELETE FROM audit.publications WHERE la_code = ? AND export = ? AND period = ?", [la_code, export, period]
    )
    con.executemany(
        "INSERT INTO audit.publications VALUES (?, ?, ?, ?, ?)",
        [(la_code, export, period, measure, int(n)) for measure, n in sorted(counts.items())],
    )
