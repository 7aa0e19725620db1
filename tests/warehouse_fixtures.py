"""Hand-made warehouse fixtures shared by several test files. Add functions; do not change others' functions."""

from __future__ import annotations

import duckdb
import pandas as pd

from orchestration.ssda903.files import TableRows, typed
from orchestration.ssda903.layouts import CollectionYear, table, tables_for

LA = "E10000016"  # Kent

# ---- SSDA903: a hand-made return of four children (helper C) -------------------------------------------------

_SSDA903_ROWS = {
    "Header": [
        ["1001", "M", "03/05/2012", "WBRI", "A123456789012", None, None],
        ["1002", "F", "01/02/2009", "AOTH", "UN2", "1", "04/04/2025"],
        ["1003", "M", "10/10/2006", "BAFR", "B123456789012", "0", None],
        ["1004", "F", "05/06/2020", "MWBC", "UN1", None, None],
    ],
    "Episodes": [
        ["1001", "01/04/2024", "S", "C2", "N1", "U4", "PR1", "10/06/2025", "X1", "CARPL", "CT1 1AA", "ME14 1XQ",
         "SC123456"],
        ["1001", "10/06/2025", "P", "C2", "N1", "K2", "PR4", None, None, None, "CT1 1AA", "CT2 7NZ", "SC654321"],
        ["1002", "15/08/2025", "S", "V2", "N8", "K2", "PR4", None, None, None, None, "CT2 7NZ", "SC654321"],
        ["1003", "01/05/2023", "S", "C2", "N1", "U1", "PR1", "10/10/2025", "E13", None, "ME14 1XQ", "CT1 1AA",
         "XXXXXXX"],
        ["1004", "01/01/2023", "S", "C2", "N1", "A5", "PR1", "20/06/2025", "E11", None, "CT1 1AA", "ME14 1XQ",
         None],
    ],
    "Reviews": [
        ["1001", "03/05/2012", "01/05/2025", "PN1"],
        ["1001", "03/05/2012", "01/11/2025", "PN3"],
        ["1002", "01/02/2009", "10/09/2025", "PN0"],
    ],
    "UASC": [["1002", "F", "01/02/2009", "01/02/2027"]],
    "OC2": [["1001", "03/05/2012", "14", None, "0", None, "1", "1", "1", "0", None, None]],
    "OC3": [["1003", "10/10/2006", "YES", "F2", "B1"]],
    "AD1": [["1004", "05/06/2020", "01/06/2024", "01/02/2025", "0", "2", "MF", "L11"]],
    "PlacedAdoption": [["1004", "05/06/2020", "01/06/2024", None, None]],
    "PrevPerm": [
        ["1001", "03/05/2012", "Z1", None, None],
        ["1004", "05/06/2020", "P2", "886", "ZZ/03/2019"],
    ],
    "Missing": [["1001", "03/05/2012", "M", "02/09/2025", "03/09/2025"]],
    "SWEpisodes": [
        ["1001", "03/05/2012", "SW123", "01/04/2024", None, None],
        ["1002", "01/02/2009", "SW456", "15/08/2025", None, None],
    ],
    "DoLo": [["1002", "01/02/2009", "01/05/2026", None]],
}  # fmt: skip


def ssda903_return(year: CollectionYear) -> dict[str, pd.DataFrame]:
    """A small, consistent 903 return for a year as text tables (DfE columns; None for blank): four children
    (one with two placements, a UASC mother, a care leaver, a child adopted), every table of the year."""
    return {
        t.name: pd.DataFrame(_SSDA903_ROWS[t.name], columns=list(t.column_names), dtype=object)
        for t in tables_for(year)
    }


def typed_ssda903_table(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """A text table (DfE columns) as warehouse rows: lowercased columns, dates and integers typed."""
    rows = TableRows(table=table(name), file="fixture", frame=frame, locations=[f"row {i}" for i in range(len(frame))])
    result, problems = typed(rows)
    assert not problems, problems
    return result


def create_ssda903_marts(
    con: duckdb.DuckDBPyConnection,
    returns: dict[CollectionYear, dict[str, pd.DataFrame]],
    la_code: str = LA,
    return_source: str = "derived",
) -> None:
    """marts_ssda903.<mart> tables as the dbt marts make them (la_code, collection_year, DfE columns, episodes'
    pl_distance/pl_la/pl_location, return_source), with the given years' rows appended."""
    con.execute("CREATE SCHEMA IF NOT EXISTS marts_ssda903")
    for year, frames in returns.items():
        for name, frame in frames.items():
            t = table(name)
            columns = [*t.warehouse_columns(), ("return_source", "VARCHAR")]
            con.execute(
                f"CREATE TABLE IF NOT EXISTS marts_ssda903.{t.mart} ({', '.join(f'{c} {k}' for c, k in columns)})"
            )
            rows = typed_ssda903_table(name, frame)
            extra = "NULL, NULL, NULL, " if t.mart == "episodes" else ""
            con.register("fixture_rows", rows)
            con.execute(
                f"INSERT INTO marts_ssda903.{t.mart} SELECT ?, ?, {', '.join(t.fields)}, {extra}? FROM fixture_rows",
                [la_code, year.label, return_source],
            )
            con.unregister("fixture_rows")


# ---- SSDA903 episodes: hand-made case-system histories (helper A) ---------------------------------------------


def create_case_system_warehouse(
    path,
    rows: dict[str, list[dict]],
    postcodes: list[dict] | None = None,
    la_code: str = LA,
) -> None:
    """A warehouse file as the ingest leaves it: every raw (and quarantine) table of every extract contract,
    holding the given rows (entity -> rows as {column: value}; columns left out are blank), reference.postcodes
    with the given postcodes ({postcode, easting, northing, lad_code}), and the empty submitted_returns tables."""
    from orchestration.ingest.warehouse import ensure_tables
    from orchestration.ssda903.tables import ensure_submitted_tables
    from schemas.contracts import load_contracts

    con = duckdb.connect(str(path))
    try:
        for contract in load_contracts().values():
            ensure_tables(con, contract)
            entity_rows = rows.get(contract.entity, [])
            if entity_rows:
                unknown = set().union(*entity_rows) - set(contract.column_names)
                assert not unknown, f"{contract.entity}: no such columns {sorted(unknown)}"
                frame = pd.DataFrame(
                    [
                        {
                            "la_code": la_code,
                            **{c: row.get(c) for c in contract.column_names},
                            "source_file": f"{contract.entity}.csv",
                            "source_row": i + 2,
                        }
                        for i, row in enumerate(entity_rows)
                    ]
                ).astype(object)
                frame = frame.where(pd.notna(frame), None)
                con.register("fixture_rows", frame)
                columns = ", ".join(frame.columns)
                con.execute(f"INSERT INTO raw.{contract.entity} ({columns}) SELECT {columns} FROM fixture_rows")
                con.unregister("fixture_rows")
        con.execute("CREATE SCHEMA IF NOT EXISTS reference")
        con.execute(
            "CREATE TABLE reference.postcodes (postcode VARCHAR, easting INTEGER, northing INTEGER, lad_code VARCHAR)"
        )
        for p in postcodes or []:
            con.execute(
                "INSERT INTO reference.postcodes VALUES (?, ?, ?, ?)",
                [p["postcode"], p["easting"], p["northing"], p["lad_code"]],
            )
        ensure_submitted_tables(con)
    finally:
        con.close()
