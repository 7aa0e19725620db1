"""The submitted_returns tables: one per 903 mart, holding the rows of earlier returns loaded from files.

They always exist (empty until a return is dropped in data/landing/returns/<year>/), because every
marts_ssda903 model reads its table as the dbt source `submitted_returns`.
"""

from __future__ import annotations

import duckdb

from orchestration.ssda903.layouts import Table, tables

SCHEMA = "submitted_returns"


def submitted_ddl(table: Table) -> str:
    columns = ", ".join(f"{name} {kind}" for name, kind in table.warehouse_columns())
    return f"CREATE TABLE IF NOT EXISTS {SCHEMA}.{table.mart} ({columns})"


def ensure_submitted_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create every submitted_returns.<mart> table, empty, if it is not there yet."""
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
    for table in tables():
        con.execute(submitted_ddl(table))
