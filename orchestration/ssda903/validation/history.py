"""Earlier returns in the validation database: the child's whole history, for the rules that need it.

DfE checks some rules against everything it holds for a child (died in care, previously adopted, a care
leaver's time in care, when a placement order was granted), where a return alone shows one year and last
year's return a second. The warehouse holds every year from 2018/19, and `cla validate-903 --history`
takes several earlier returns, so these rules see as far back as the history reaches.

Tables: <mart>_history for header, episodes, uasc and placed_adoption, every earlier return supplied (last
year's included), each row with its year_ending (2025 for 2024/25). Macros: history_start() (the first day
of the earliest year whose return holds any child; this year's start when none does), the table every_episode
(this year's episodes, then each earlier episode once: an episode open at a 31 March is in the next return
too, and the latest copy is the one kept), and uasc_in_last_years(n) (children UASC this year or in the n
years before, as far as held).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import duckdb

from orchestration.ssda903.layouts import CollectionYear

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    Rows = pd.DataFrame | pa.Table

HISTORY_TABLES = ("header", "episodes", "uasc", "placed_adoption")


def load_history(
    con: duckdb.DuckDBPyConnection,
    year: CollectionYear,
    earlier: dict[int, dict[str, Rows]],
    load,
    columns,
    last_year_loaded: bool = False,
) -> None:
    """earlier: year ending → mart → rows, for years before `year`. `load(con, name, rows, columns)` and
    `columns(mart)` are database.py's, so history tables hold text exactly as this year's do. When last year's
    return in `earlier` is the one already loaded as the <mart>_last tables, it is copied from them (but for
    header_last, whose UASC may have been derived from the UASC table: history holds it as given)."""
    endings = sorted(e for e in earlier if e < year.ending)
    for mart in HISTORY_TABLES:
        names = columns(mart)
        quoted = ", ".join(f'"{c}"' for c in names)
        con.execute(f"CREATE TABLE {mart}_history AS SELECT 0 AS year_ending, row_key, {quoted} FROM {mart} LIMIT 0")
        for ending in endings:
            if last_year_loaded and ending == year.ending - 1 and mart != "header":
                con.execute(f"INSERT INTO {mart}_history SELECT {ending}, row_key, {quoted} FROM {mart}_last")
                continue
            load(con, "incoming_year", earlier[ending].get(mart), names)
            con.execute(f"INSERT INTO {mart}_history SELECT {ending}, row_key, {quoted} FROM incoming_year")
            con.execute("DROP TABLE incoming_year")
    # The history reaches back to the earliest year that holds any child (a year with an empty return, such as
    # one before the case system's records begin, shows nothing).
    held = con.execute(
        "SELECT min(year_ending) FROM (SELECT year_ending FROM header_history UNION ALL "
        "SELECT year_ending FROM episodes_history)"
    ).fetchone()[0]
    start = CollectionYear(held).start if held else year.start
    con.execute(f"CREATE MACRO history_start() AS DATE '{start.isoformat()}'")
    con.execute(
        """
        CREATE TABLE every_episode AS
        SELECT row_key, CHILD, DECOM, DEC, RNE, LS, CIN, PLACE, REC, year_ending() AS year_ending,
               d(DECOM) AS decom_date, d(DEC) AS dec_date
        FROM episodes
        WHERE d(DECOM) IS NOT NULL
        UNION ALL
        SELECT NULL, CHILD, DECOM, DEC, RNE, LS, CIN, PLACE, REC, year_ending, d(DECOM), d(DEC)
        FROM episodes_history AS h
        WHERE d(DECOM) IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM episodes AS e WHERE e.CHILD = h.CHILD AND d(e.DECOM) = d(h.DECOM))
        QUALIFY row_number() OVER (PARTITION BY CHILD, d(DECOM) ORDER BY year_ending DESC) = 1
        """
    )
    con.execute(
        """
        CREATE MACRO uasc_in_last_years(n) AS TABLE
        SELECT CHILD FROM header WHERE UASC = '1'
        UNION SELECT CHILD FROM uasc
        UNION SELECT CHILD FROM header_history WHERE UASC = '1' AND year_ending >= year_ending() - n
        UNION SELECT CHILD FROM uasc_history WHERE year_ending >= year_ending() - n
        """
    )


def years_held(con: duckdb.DuckDBPyConnection) -> list[int]:
    return [r[0] for r in con.execute("SELECT DISTINCT year_ending FROM episodes_history ORDER BY 1").fetchall()]
