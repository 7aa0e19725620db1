"""Hand-made warehouse fixtures shared by several test files. Add functions; do not change others' functions."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from orchestration.ssda903.files import TableRows, typed
from orchestration.ssda903.layouts import CollectionYear, table, tables_for

LA = "E10000016"  # Kent
AS_OF = "2026-11-01"  # the load date the hand-made fixtures are written for: 2026/27 is the year in progress
DBT_PROJECT_DIR = Path(__file__).resolve().parent.parent / "dbt_project"


def ingest_synthetic_extracts(
    folder: Path, warehouse: Path, *, seed: int, scale: float, entities=None, la_code: str = LA, as_of: str = AS_OF
) -> dict:
    """Synthetic extracts generated into folder/landing (data up to 31 October 2026) and loaded as the ingest
    loads them, contract and quarantine included, without Dagster: every raw and quarantine table (those not
    named in `entities` left empty), the empty submitted_returns tables and an empty reference.postcodes.
    Returns each loaded entity's outcome. The one way the tests build a warehouse from synthetic extracts."""
    import logging

    import pytest

    from orchestration.ingest.assets import create_empty_tables, load_entity
    from orchestration.resources import Warehouse
    from orchestration.ssda903.tables import ensure_submitted_tables
    from schemas.contracts import load_contracts
    from synthetic import generate

    generate(folder / "landing", seed=seed, scale=scale, as_of=date(2026, 10, 31))
    resource = Warehouse(path=str(warehouse))
    create_empty_tables(resource)
    contracts = load_contracts()
    outcomes = {}
    with pytest.MonkeyPatch.context() as env:
        env.setenv("CLA_DATA_DIR", str(folder))
        env.setenv("CLA_WAREHOUSE", str(warehouse))
        env.setenv("CLA_AS_OF", as_of)
        env.setenv("CLA_LA_CODE", la_code)
        for entity in entities if entities is not None else contracts:
            outcomes[entity] = load_entity(contracts[entity], resource, logging.getLogger(__name__))
    with resource.connect() as con:
        ensure_submitted_tables(con)
        con.execute("CREATE SCHEMA IF NOT EXISTS reference")
        con.execute(
            "CREATE TABLE IF NOT EXISTS reference.postcodes "
            "(postcode VARCHAR, easting INTEGER, northing INTEGER, lad_code VARCHAR)"
        )
        write_authority_tables(con)
    return outcomes


def read_landing(landing: Path, entity: str, as_of: date):
    """Read and validate an entity's files in a landing folder as the ingest asset does (no Dagster, no
    warehouse), checking that no row was lost: rows read = rows loaded + rows quarantined. The contract's
    outcome (orchestration.ingest.validation.apply_contract)."""
    from orchestration.ingest.landing import content_hash, files_for
    from orchestration.ingest.reading import FileProblem, read_file
    from orchestration.ingest.validation import apply_contract
    from schemas.contracts import load_contracts

    contract = load_contracts()[entity]
    read = []
    for path in files_for(landing, contract.source, entity):
        try:
            result = read_file(path)
        except FileProblem as problem:
            result = problem
        read.append((path, content_hash(path), result))
    outcome = apply_contract(contract, read, as_of)
    assert outcome.rows_read == len(outcome.loaded) + len(outcome.quarantined), "a row was lost"
    return outcome


def write_authority_tables(con, authority: str | None = None) -> None:
    """The reference tables the authority_reference asset writes from the authority's file (population,
    comparators, targets, teams), as the scorecard models read them; the default (demo) authority's unless named."""
    from orchestration.ingest.authority_reference import write_authority_reference
    from schemas.authority import load_authority

    write_authority_reference(con, load_authority(authority))


def run_dbt(
    command: str, warehouse: Path, work: Path, *args: str, as_of: str = AS_OF, la_code: str = LA
) -> subprocess.CompletedProcess:
    """dbt in a subprocess (dbt-duckdb keeps the file open in-process) against the given warehouse file, its
    target and logs in `work`: nothing written to the repository. The one way the tests run dbt. As Dagster's dbt
    step runs it: cla-dbt (from the warehouse's folder) starting from the session's parse, so a file's build parses
    only what changed since, not the whole project (orchestration/transform/dbt_command.py), and writes no
    artefacts (quiet_build)."""
    from orchestration.transform.project import quiet_build, reuse_prepared_parse

    reuse_prepared_parse(work / "target")
    env = {**os.environ, **quiet_build(), "CLA_WAREHOUSE": str(warehouse), "CLA_AS_OF": as_of, "CLA_LA_CODE": la_code}
    return subprocess.run(
        [str(Path(sys.executable).with_name("cla-dbt")), command, "--project-dir", str(DBT_PROJECT_DIR),
         "--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(work / "target"),
         "--log-path", str(work / "logs"), *args],
        env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip


# ---- SSDA903: a hand-made return of four children (helper C) -------------------------------------------------
#
# The same four children in two consecutive returns, each valid 903 material for its year (every DfE rule passes,
# 2026/27 checked against 2025/26 as last year's return):
#   1001  boy in care since 01/04/2024 (care order): foster care, a children's home from 10/06/2025, foster care
#         again from 01/09/2026; a special guardianship order had broken down before; missing once a year.
#   1002  unaccompanied asylum-seeking girl and mother, accommodated (s.20) in a children's home from 15/08/2025,
#         under a DoLO from 01/05/2026; she leaves care on her 18th birthday, 01/02/2027. No home postcode.
#   1003  care leaver (left care at 18 in 2024): a Header and an OC3 row only.
#   1004  girl in care since 01/01/2023: placement order (01/07/2025), placed for adoption (01/12/2025), adopted
#         20/06/2026.
# Postcodes are Kent's (Canterbury CT1 1AA and CT2 7NZ, Maidstone ME14 1XQ); URNs are made up.

_HEADER = [
    ["1001", "M", "03/05/2012", "WBRI", "A123456789012", None, None],
    ["1002", "F", "01/02/2009", "AOTH", "UN2", "1", "04/04/2025"],
    ["1003", "M", "10/10/2006", "BAFR", "B123456789012", None, None],
    ["1004", "F", "05/06/2022", "MWBC", "UN1", "0", None],
]
_UASC = [["1002", "F", "01/02/2009", "01/02/2027"]]
_PREV_PERM = [
    ["1001", "03/05/2012", "P2", "886", "ZZ/03/2019"],  # a special guardianship order in Kent, day unknown
    ["1002", "01/02/2009", "Z1", None, None],
]
_PLACED_ADOPTION = [["1004", "05/06/2022", "01/06/2025", None, None]]

_SSDA903_ROWS = {
    "2025/26": {
        "Header": _HEADER,
        "Episodes": [
            ["1001", "01/04/2024", "S", "C2", "N1", "U4", "PR1", "10/06/2025", "X1", "CARPL", "CT1 1AA", "ME14 1XQ",
             "SC123456"],
            ["1001", "10/06/2025", "P", "C2", "N1", "K2", "PR4", None, None, None, "CT1 1AA", "CT2 7NZ", "SC654321"],
            ["1002", "15/08/2025", "S", "V2", "N8", "K2", "PR4", None, None, None, None, "CT2 7NZ", "SC654321"],
            ["1004", "01/01/2023", "S", "C2", "N1", "U4", "PR1", "01/07/2025", "X1", None, "CT1 1AA", "ME14 1XQ",
             "SC123456"],
            ["1004", "01/07/2025", "L", "E1", "N1", "U4", "PR1", "01/12/2025", "X1", "CARPL", "CT1 1AA", "ME14 1XQ",
             "SC123456"],
            ["1004", "01/12/2025", "P", "E1", "N1", "A6", "PR1", None, None, None, "CT1 1AA", "CT2 7NZ", "SC345678"],
        ],
        "Reviews": [
            ["1001", "03/05/2012", "01/05/2025", "PN1"],
            ["1001", "03/05/2012", "01/11/2025", "PN3"],
            ["1002", "01/02/2009", "10/09/2025", "PN1"],
            ["1004", "05/06/2022", "01/07/2025", "PN0"],
        ],
        "UASC": _UASC,
        "OC2": [
            ["1001", "03/05/2012", "14", None, "0", None, "1", "1", "1", "0", None, None],
            ["1004", "05/06/2022", None, None, None, "1", "1", "1", "1", "0", None, None],
        ],
        "OC3": [["1003", "10/10/2006", "YES", "F2", "D1"]],
        "AD1": [],
        "PlacedAdoption": _PLACED_ADOPTION,
        "PrevPerm": _PREV_PERM,
        "Missing": [["1001", "03/05/2012", "M", "02/09/2025", "03/09/2025"]],
        "SWEpisodes": [  # for children looked after at 31 March, over the year and the one before
            ["1001", "03/05/2012", "SW123", "01/04/2024", None, "TSPROC"],
            ["1002", "01/02/2009", "SW456", "15/08/2025", None, "TSPROC"],
            ["1004", "05/06/2022", "SW789", "01/01/2023", "01/09/2025", None],  # before 04/2023: no reason asked
            ["1004", "05/06/2022", "SW790", "01/09/2025", None, "LEFTRL"],
        ],
        "DoLo": [],
    },
    "2026/27": {
        "Header": _HEADER,
        "Episodes": [
            ["1001", "10/06/2025", "P", "C2", "N1", "K2", "PR4", "01/09/2026", "X1", "CARPL", "CT1 1AA", "CT2 7NZ",
             "SC654321"],
            ["1001", "01/09/2026", "P", "C2", "N1", "U4", "PR1", None, None, None, "CT1 1AA", "ME14 1XQ", "SC123456"],
            ["1002", "15/08/2025", "S", "V2", "N8", "K2", "PR4", "01/02/2027", "E5", None, None, "CT2 7NZ",
             "SC654321"],
            ["1004", "01/12/2025", "P", "E1", "N1", "A6", "PR1", "20/06/2026", "E12", None, "CT1 1AA", "CT2 7NZ",
             "SC345678"],
        ],
        "Reviews": [
            ["1001", "03/05/2012", "01/05/2026", "PN1"],
            ["1001", "03/05/2012", "01/11/2026", "PN1"],
            ["1002", "01/02/2009", "10/09/2026", "PN1"],
            ["1004", "05/06/2022", "01/05/2026", "PN0"],
        ],
        "UASC": _UASC,
        "OC2": [["1001", "03/05/2012", "12", None, "0", None, "1", "1", "1", "0", None, None]],
        "OC3": [["1003", "10/10/2006", "YES", "F5", "U1"]],
        "AD1": [["1004", "05/06/2022", "01/06/2025", "01/11/2025", "0", "2", "MF", "L11"]],
        "PlacedAdoption": _PLACED_ADOPTION,
        "PrevPerm": _PREV_PERM,
        "Missing": [["1001", "03/05/2012", "A", "14/07/2026", "15/07/2026"]],
        "SWEpisodes": [["1001", "03/05/2012", "SW123", "01/04/2024", None, "TSPROC"]],  # looked after at 31 March
        "DoLo": [["1002", "01/02/2009", "01/05/2026", "01/02/2027"]],
    },
}  # fmt: skip


def ssda903_return(year: CollectionYear) -> dict[str, pd.DataFrame]:
    """The hand-made 903 return of four children for 2025/26 or 2026/27 as text tables (DfE columns; None for
    blank), every table of the year: a child in foster care and a children's home, a UASC mother under a DoLO,
    a care leaver, a child placed for adoption and adopted. Valid for DfE in its year."""
    if year.label not in _SSDA903_ROWS:
        raise ValueError(f"the hand-made 903 return covers {', '.join(_SSDA903_ROWS)}, not {year}")
    rows = _SSDA903_ROWS[year.label]
    return {t.name: pd.DataFrame(rows[t.name], columns=list(t.column_names), dtype=object) for t in tables_for(year)}


def ssda903_providers() -> pd.DataFrame:
    """The Ofsted provider register (data/landing/reference/ofsted_providers.csv) for the URNs of the hand-made
    return: the council's fostering and adoption services and a private children's home, all open."""
    return pd.DataFrame(
        [
            ["SC123456", "U1,U2,U3,U4,U5,U6", "PR1", "ME14 1XQ", LA, None],
            ["SC345678", "A3,A4,A5,A6", "PR1", "ME14 1XQ", LA, None],
            ["SC654321", "K2", "PR4", "CT2 7NZ", LA, None],
        ],
        columns=["URN", "PLACE_CODES", "PROVIDER_CODES", "POSTCODE", "LA_CODE", "REG_END"],
        dtype=object,
    )


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
        write_authority_tables(con)
        ensure_submitted_tables(con)
    finally:
        con.close()
