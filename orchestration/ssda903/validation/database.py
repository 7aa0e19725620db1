"""The database a year's validation runs in: an in-memory DuckDB holding that year's return (and last year's)
as text, exactly as the files hold it, so a rule sees what DfE would see: a date that is not dd/mm/yyyy is
a value a rule can reject, not a value lost on loading.

Tables: <mart> and <mart>_last for every 903 table (header, episodes, ...), with DfE's column names, a
row_key (the row's position in its file, from 1) and, on episodes, the derived PL_DISTANCE, PL_LA and
PL_LOCATION; header carries UASC (1 when the child is in the UASC table, as DfE derives it for CSV).
Macros: collection_start(), collection_end(), year_ending(), la_code(), d(text) (a dd/mm/yyyy date or
NULL), age(dob, on) (whole years), and the table macros year_codes(field) (the 903 codes valid this year) and
legal_status_stretches(status) (days each run of consecutive episodes of one legal status lasts).
Optional tables: ofsted_providers when the Ofsted register is supplied (data/landing/reference/
ofsted_providers.csv, or --providers): URN, PLACE_CODES and PROVIDER_CODES (the 903 PLACE and
PLACE_PROVIDER codes the provision may be used for, comma-separated), POSTCODE, LA_CODE (upper-tier), REG_END
(dd/mm/yyyy, blank while registered).
"""

from __future__ import annotations

import csv

import duckdb
import pandas as pd

from orchestration.settings import SEEDS_DIR
from orchestration.ssda903.layouts import CollectionYear, tables

DERIVED = {"episodes": ("PL_DISTANCE", "PL_LA", "PL_LOCATION"), "header": ("UASC",)}


def _columns(mart: str) -> list[str]:
    table = next(t for t in tables() if t.mart == mart)
    return list(table.column_names) + list(DERIVED.get(mart, ()))


def _as_text(frame: pd.DataFrame | None, columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(columns=columns) if frame is None else frame.copy()
    frame.columns = [str(c).upper() for c in frame.columns]
    frame = frame.reindex(columns=columns)
    if frame.empty:
        return frame.astype(object).assign(row_key=[])[["row_key", *columns]]
    text = pd.DataFrame(index=frame.index)
    for column in columns:
        # Arrow-backed strings: trimmed and blank-as-null without a Python call per value.
        values = frame[column].astype("string[pyarrow]").str.strip()
        text[column] = values.mask(values == "")
    text.insert(0, "row_key", range(1, len(text) + 1))
    return text


def open_database(
    year: CollectionYear,
    la_code: str,
    this_year: dict[str, pd.DataFrame],
    last_year: dict[str, pd.DataFrame] | None = None,
    providers: pd.DataFrame | None = None,
) -> duckdb.DuckDBPyConnection:
    """this_year / last_year: mart name (header, episodes, ...) → the table's rows (any types; held as text)."""
    con = duckdb.connect()
    for suffix, data in (("", this_year), ("_last", last_year or {})):
        for table in tables():
            columns = _columns(table.mart)
            frame = _as_text(data.get(table.mart), columns)
            if table.mart == "header" and data.get("uasc") is not None and frame["UASC"].isna().all():
                in_uasc = set(_as_text(data["uasc"], _columns("uasc"))["CHILD"])
                frame["UASC"] = frame["CHILD"].map(lambda c, s=in_uasc: "1" if c in s else "0")
            con.register("incoming", frame)
            typed = ", ".join(["row_key INTEGER"] + [f'"{c}" VARCHAR' for c in columns])
            con.execute(f"CREATE TABLE {table.mart}{suffix} ({typed})")
            con.execute(f"INSERT INTO {table.mart}{suffix} SELECT * FROM incoming")
            con.unregister("incoming")
    con.execute(f"CREATE MACRO collection_start() AS DATE '{year.start.isoformat()}'")
    con.execute(f"CREATE MACRO collection_end() AS DATE '{year.end.isoformat()}'")
    con.execute(f"CREATE MACRO year_ending() AS {year.ending}")
    con.execute(f"CREATE MACRO la_code() AS '{la_code}'")
    # DfE dates are exactly dd/mm/yyyy: 1/4/2025 or 01/04/25 are not dates in a 903 file.
    con.execute(
        "CREATE MACRO d(x) AS CASE WHEN regexp_full_match(x, '\\d{2}/\\d{2}/\\d{4}') "
        "THEN CAST(try_strptime(x, '%d/%m/%Y') AS DATE) END"
    )
    con.execute(
        "CREATE MACRO age(dob, on_day) AS "
        "date_diff('year', dob, on_day) - CASE WHEN strftime(on_day, '%m%d') < strftime(dob, '%m%d') THEN 1 ELSE 0 END"
    )
    with open(SEEDS_DIR / "ssda903_codes.csv", newline="", encoding="utf-8") as f:
        codes = pd.DataFrame(list(csv.DictReader(f)))
    con.register("incoming", codes)
    con.execute(
        "CREATE TABLE codes AS SELECT field, code, "
        "try_cast(first_collection_year AS INTEGER) AS first_year, "
        "try_cast(last_collection_year AS INTEGER) AS last_year FROM incoming"
    )
    con.unregister("incoming")
    con.execute(
        "CREATE MACRO year_codes(f) AS TABLE SELECT code FROM codes WHERE field = f "
        "AND coalesce(first_year, 0) <= year_ending() AND coalesce(last_year, 9999) >= year_ending()"
    )
    # Consecutive episodes of one legal status (each starting on or before the day the previous ended; an
    # open one runs to 31 March) are one stretch of it: the days each stretch lasts, for rules 361-364.
    con.execute(
        """
        CREATE MACRO legal_status_stretches(status) AS TABLE
        WITH e AS (
            SELECT *, d(DECOM) AS start_date, coalesce(d(DEC), collection_end()) AS end_date,
                row_number() OVER w AS seq, lag(LS) OVER w AS prev_ls,
                lag(coalesce(d(DEC), collection_end())) OVER w AS prev_ended
            FROM episodes
            WHERE d(DECOM) IS NOT NULL
            WINDOW w AS (PARTITION BY CHILD ORDER BY d(DECOM), d(DEC), row_key)
        ),
        stretches AS (
            SELECT *, sum(CASE WHEN LS = status AND prev_ls = status AND start_date <= prev_ended THEN 0 ELSE 1 END)
                OVER (PARTITION BY CHILD ORDER BY seq ROWS UNBOUNDED PRECEDING) AS stretch
            FROM e
        )
        SELECT row_key, CHILD, date_diff('day', min(start_date) OVER g, max(end_date) OVER g) AS days
        FROM stretches
        WHERE LS = status
        WINDOW g AS (PARTITION BY CHILD, stretch)
        """
    )
    if providers is not None:
        con.register("incoming", providers)
        con.execute("CREATE TABLE ofsted_providers AS SELECT * FROM incoming")
        con.unregister("incoming")
    return con


def has_last_year(con: duckdb.DuckDBPyConnection) -> bool:
    return (
        con.execute("SELECT count(*) FROM header_last").fetchone()[0]
        + con.execute("SELECT count(*) FROM episodes_last").fetchone()[0]
        > 0
    )


def has_providers(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(
        con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'ofsted_providers'").fetchone()[
            0
        ]
    )
