"""The database a year's validation runs in: an in-memory DuckDB holding that year's return (and last year's)
as text, exactly as the files hold it, so a rule sees what DfE would see: a date that is not dd/mm/yyyy is
a value a rule can reject, not a value lost on loading.

Tables: <mart> and <mart>_last for every 903 table (header, episodes, ...), with DfE's column names, a
row_key (the row's position in its file, from 1) and, on episodes, the derived PL_DISTANCE, PL_LA and
PL_LOCATION; header carries UASC (1 when the child is in the UASC table, as DfE derives it for CSV).
Beside every date field its value as a date, <FIELD>_d (DECOM_d is d(DECOM)), computed once on loading: the
rules read it rather than parsing the text again in each of them (planning and running d() in ~450 places
cost more than the rules' own work on a return of Kent's size).
Earlier returns, for the rules that look at a child's whole history: history.py.
Macros: collection_start(), collection_end(), year_ending(), la_code(), d(text) (a dd/mm/yyyy date or
NULL), age(dob, on) (whole years), and the table macros year_codes(field) (the 903 codes valid this year) and
legal_status_stretches(status) (days each run of consecutive episodes of one legal status lasts).
Tables several rules share, made once on loading (a macro was planned and run again by each rule):
continuously_looked_after (the OC2 cohort's children), episodes_with_previous, uasc_status,
episodes_in_periods and periods_of_care.
Optional tables: ofsted_providers when the Ofsted register is supplied (data/landing/reference/
ofsted_providers.csv, or --providers): URN, PLACE_CODES and PROVIDER_CODES (the 903 PLACE and
PLACE_PROVIDER codes the provision may be used for, comma-separated), POSTCODE, LA_CODE (upper-tier), REG_END
(dd/mm/yyyy, blank while registered).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

from orchestration.arrow_rows import integers
from orchestration.scratch import scratch_duckdb
from orchestration.settings import PROJECT_ROOT, SEEDS_DIR
from orchestration.ssda903.layouts import CollectionYear, tables
from orchestration.ssda903.validation.history import load_history

if TYPE_CHECKING:  # frames (the warehouse's marts) are made text with pandas; a return read from files is Arrow
    import pandas as pd

DATABASE = "validation"
LA_PERM_CODES = PROJECT_ROOT / "schemas" / "ssda903" / "la_perm_codes.csv"
DERIVED = {"episodes": ("PL_DISTANCE", "PL_LA", "PL_LOCATION"), "header": ("UASC",)}
DATE_FIELDS = frozenset(c.name for t in tables() for c in t.columns if c.type == "date")


def as_date(text: str) -> str:
    """SQL: a DfE date, exactly dd/mm/yyyy (1/4/2025 or 01/04/25 are not dates in a 903 file), as a DATE; NULL
    for anything else. (GLOB: several times faster than the regular expression it replaced.)"""
    exact = f"{text} GLOB '[0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]'"
    return f"CASE WHEN {exact} THEN CAST(try_strptime({text}, '%d/%m/%Y') AS DATE) END"


def _columns(mart: str) -> list[str]:
    table = next(t for t in tables() if t.mart == mart)
    return list(table.column_names) + list(DERIVED.get(mart, ()))


def _as_text(frame: pd.DataFrame | None, columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(columns=columns) if frame is None else frame.copy()
    frame.columns = [str(c).upper() for c in frame.columns]
    frame = frame.reindex(columns=columns)
    if frame.empty:
        return frame.astype(object)
    text = pd.DataFrame(index=frame.index)
    for column in columns:
        # Arrow-backed strings: trimmed and blank-as-null without a Python call per value.
        values = frame[column].astype("string[pyarrow]").str.strip()
        text[column] = values.mask(values == "")
    return text


def quoted(column: str) -> str:
    return f'"{column}"'


def _load(con: duckdb.DuckDBPyConnection, name: str, rows: pa.Table | pd.DataFrame | None, columns: list[str]) -> None:
    """A table of text with a row_key (its position, from 1). An Arrow table (a return read from files) is
    already text, trimmed, null for blank, and is loaded as it is; anything else is made text first."""
    if isinstance(rows, pa.Table):
        rows = rows.rename_columns([str(c).upper() for c in rows.column_names])
    elif rows is None:  # a table the return does not hold: no rows
        rows = pa.table([pa.nulls(0, pa.string()) for _ in columns], names=columns)
    else:
        rows = pa.Table.from_pandas(_as_text(rows, columns), preserve_index=False)
    rows = rows.append_column("row_key", integers(1, rows.num_rows, pa.int32()))
    given = set(rows.column_names)
    selected = ", ".join(f"CAST({quoted(c) if c in given else 'NULL'} AS VARCHAR) AS {quoted(c)}" for c in columns)
    dates = "".join(f", {as_date(quoted(c))} AS {quoted(c + '_d')}" for c in columns if c in DATE_FIELDS)
    con.register("incoming", rows)
    con.execute(f"CREATE TABLE {name} AS SELECT *{dates} FROM (SELECT row_key, {selected} FROM incoming)")
    con.unregister("incoming")


def last_years_return(year: CollectionYear, last_year: dict | None, history: dict[int, dict] | None) -> dict | None:
    """Last year's return: the one given, else the history's year before this one."""
    return last_year or (history or {}).get(year.ending - 1)


def open_database(
    year: CollectionYear,
    la_code: str,
    this_year: dict[str, pd.DataFrame | pa.Table],
    last_year: dict[str, pd.DataFrame | pa.Table] | None = None,
    providers: pd.DataFrame | None = None,
    history: dict[int, dict[str, pd.DataFrame | pa.Table]] | None = None,
) -> duckdb.DuckDBPyConnection:
    """this_year / last_year: mart name (header, episodes, ...) → the table's rows (any types; held as text).
    history: year ending → such a return, for every earlier year at hand (history.py); last year's return,
    when not given, is taken from it."""
    history = dict(history or {})
    if last_year:
        history.setdefault(year.ending - 1, last_year)
    last_year = last_years_return(year, last_year, history)
    con = scratch_duckdb()  # within CLA_MEMORY_LIMIT, spilling beyond it
    # Compressed (once CHECKPOINT has run, as validation.validate runs it before the rules): the rules read a
    # compressed column of repeated dates and codes about a third faster than a plain one.
    con.execute(f"ATTACH ':memory:' AS {DATABASE} (COMPRESS)")
    con.execute(f"USE {DATABASE}")
    for suffix, data in (("", this_year), ("_last", last_year or {})):
        for table in tables():
            _load(con, f"{table.mart}{suffix}", data.get(table.mart), _columns(table.mart))
        if data.get("uasc") is not None and not con.execute(f"SELECT count(UASC) FROM header{suffix}").fetchall()[0][0]:
            # DfE derives UASC for a CSV return from the UASC table: 1 when the child has a row there.
            con.execute(
                f"UPDATE header{suffix} SET UASC = CASE WHEN CHILD IN (SELECT CHILD FROM uasc{suffix}) "
                "THEN '1' ELSE '0' END"
            )
    con.execute(f"CREATE MACRO collection_start() AS DATE '{year.start.isoformat()}'")
    con.execute(f"CREATE MACRO collection_end() AS DATE '{year.end.isoformat()}'")
    con.execute(f"CREATE MACRO year_ending() AS {year.ending}")
    con.execute(f"CREATE MACRO la_code() AS '{la_code}'")
    con.execute(f"CREATE MACRO d(x) AS {as_date('x')}")
    con.execute(
        "CREATE MACRO age(dob, on_day) AS "
        "date_diff('year', dob, on_day) - CASE WHEN strftime(on_day, '%m%d') < strftime(dob, '%m%d') THEN 1 ELSE 0 END"
    )
    # (A blank year reads as NULL here where csv.DictReader gave '': try_cast makes either NULL.)
    con.execute(
        "CREATE TABLE codes AS SELECT field, code, "
        "try_cast(first_collection_year AS INTEGER) AS first_year, "
        "try_cast(last_collection_year AS INTEGER) AS last_year "
        "FROM read_csv(?, header = true, delim = ',', quote = '\"', escape = '\"', all_varchar = true)",
        [str(SEEDS_DIR / "ssda903_codes.csv")],
    )
    # LA_PERM's codes (rule 633): DfE's three-digit authority numbers, old ones included, and WAL, SCO, NUK,
    # NIR, 999.
    con.execute(
        "CREATE TABLE la_perm_codes AS SELECT code, meaning "
        "FROM read_csv(?, header = true, delim = ',', quote = '\"', all_varchar = true)",
        [str(LA_PERM_CODES)],
    )
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
            SELECT *, DECOM_d AS start_date, coalesce(DEC_d, collection_end()) AS end_date,
                row_number() OVER w AS seq, lag(LS) OVER w AS prev_ls,
                lag(coalesce(DEC_d, collection_end())) OVER w AS prev_ended
            FROM episodes
            WHERE DECOM_d IS NOT NULL
            WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM_d, DEC_d, row_key)
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
    # Each episode beside the child's previous one (legal status and placement), for rules 434-436.
    con.execute(
        """
        CREATE TABLE episodes_with_previous AS
        SELECT row_key, CHILD, RNE, LS, PLACE, PL_POST, URN, PLACE_PROVIDER,
            lag(row_key) OVER w AS prev_row,
            lag(LS) OVER w AS prev_ls,
            lag(PLACE) OVER w AS prev_place,
            lag(PL_POST) OVER w AS prev_post,
            lag(URN) OVER w AS prev_urn,
            lag(PLACE_PROVIDER) OVER w AS prev_provider
        FROM episodes
        WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM_d, DEC_d, row_key)
        """
    )
    # Each child's UASC status this year and last year, for rules 205A-D: the flag (Header's UASC, derived from
    # the UASC table when the return is CSV; null when unknown: no flag and no UASC table supplied) and the date
    # UASC ceased, as a date and as given.
    con.execute(
        """
        CREATE TABLE uasc_status AS
        select
            h.row_key, h.CHILD,
            coalesce(
                h.UASC = '1', case when exists (select 1 from uasc as u where u.CHILD = h.CHILD) then true end
            ) as now_uasc,
            (select max(u.DUC_d) from uasc as u where u.CHILD = h.CHILD) as duc,
            (select max(u.DUC) from uasc as u where u.CHILD = h.CHILD) as duc_text,
            coalesce(
                (select bool_or(l.UASC = '1') from header_last as l where l.CHILD = h.CHILD),
                case when exists (select 1 from uasc_last as u where u.CHILD = h.CHILD) then true end
            ) as last_uasc,
            (select max(u.DUC_d) from uasc_last as u where u.CHILD = h.CHILD) as duc_last,
            (select max(u.DUC) from uasc_last as u where u.CHILD = h.CHILD) as duc_last_text,
            (select max(coalesce(u.DOB_d, l.DOB_d))
             from uasc_last as u left join header_last as l on l.CHILD = u.CHILD
             where u.CHILD = h.CHILD) as dob_last
        from header as h
        """
    )
    # The children looked after continuously for 12 months at 31 March (DfE's derived LOOKED_AFTER_CONTINUOUSLY,
    # the OC2 cohort): looked after at some time in the year, and no episode in the year starts care (RNE S
    # after 1 April), ends care (a DEC from 1 April to 31 March with REC other than X1) or is a short break
    # (LS V3/V4). Leaving care on 31 March itself breaks it too, as DfE's definition reads and as the
    # warehouse's OC2 cohort is cut; the sector validator stops at 30 March, which would put a child adopted
    # on 31 March in OC2 and AD1 at once (rule 187).
    con.execute(
        """
        CREATE TABLE continuously_looked_after AS
        SELECT CHILD
        FROM episodes
        GROUP BY CHILD
        HAVING coalesce(bool_or(
               DECOM_d <= collection_end() AND (DEC_d >= collection_start() OR DEC_d IS NULL)
           ), false)
           AND NOT coalesce(bool_or(
               (RNE = 'S' AND DECOM_d > collection_start() AND DECOM_d <= collection_end())
               OR (coalesce(REC, '') <> 'X1' AND DEC_d >= collection_start() AND DEC_d <= collection_end())
               OR (LS IN ('V3', 'V4') AND DECOM_d <= collection_end()
                   AND (DEC_d >= collection_start() OR DEC_d IS NULL))
           ), false)
        """
    )
    # Periods of care: each episode with a start date, in order, with the previous episode's end and reason,
    # numbered by the period it belongs to (a period runs through episodes that each start on or before the
    # day the previous one ended); and each period's first start and its end (the last episode's DEC, blank
    # while the child is still looked after). For rules 504, 554, 577, 578 and 581.
    con.execute(
        """
        CREATE TABLE episodes_in_periods AS
        WITH ordered AS (
            SELECT row_key, CHILD, LS, CIN, DECOM_d AS decom, DEC_d AS dec,
                lag(DEC_d) OVER w AS previous_dec, lag(REC) OVER w AS previous_rec
            FROM episodes
            WHERE DECOM_d IS NOT NULL
            WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM_d, row_key)
        )
        SELECT *, sum(CASE WHEN decom > previous_dec THEN 1 ELSE 0 END)
            OVER (PARTITION BY CHILD ORDER BY decom, row_key ROWS UNBOUNDED PRECEDING) AS period
        FROM ordered
        """
    )
    con.execute(
        """
        CREATE TABLE periods_of_care AS
        SELECT CHILD, period, min(decom) AS care_start, first(dec ORDER BY decom DESC, row_key DESC) AS care_end
        FROM episodes_in_periods
        GROUP BY CHILD, period
        """
    )
    load_history(con, year, history, _load, _columns, last_year_loaded=history.get(year.ending - 1) is last_year)
    if providers is not None:
        con.register("incoming", providers)
        con.execute("CREATE TABLE ofsted_providers AS SELECT * FROM incoming")
        con.unregister("incoming")
    return con


def cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Another connection to the same validation database, for running rules side by side."""
    other = con.cursor()
    other.execute(f"USE {DATABASE}")
    return other


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


def has_postcode_directory(con: duckdb.DuckDBPyConnection) -> bool:
    """The postcode directory's rows for the return (validation/postcodes.py) are loaded."""
    query = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'postcode_directory'"
    return bool(con.execute(query).fetchone()[0])
