"""The hub's database: each authority's share written as the authority ingest writes extracts, into DuckDB or
PostgreSQL.

The tables are the ingest's (`raw.<entity>`, `quarantine.<entity>`, `audit.extract_files`, every row stamped with
its authority) and a load replaces only that authority's rows, in one transaction, so one authority's share never
disturbs another's and a reader never sees half a load. On PostgreSQL the rows go in with COPY.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd

from orchestration.ingest.validation import PLUMBING, Outcome
from orchestration.ingest.warehouse import AUDIT_COLUMNS, quarantine_ddl, raw_ddl, write_outcome

HUB_POOL = "hub_warehouse"  # one writer at a time into the hub (DuckDB's rule; harmless on PostgreSQL)


class HubWarehouse(dg.ConfigurableResource):
    """The hub's database: a DuckDB file, or a PostgreSQL server."""

    target: str = "duckdb"
    path: str = ""
    pg_host: str = "localhost"
    pg_port: int = 5432
    pg_user: str = "cla"
    pg_password: str = ""
    pg_database: str = "cla"

    @contextmanager
    def _postgres(self) -> Iterator:
        import psycopg2

        con = psycopg2.connect(
            host=self.pg_host, port=self.pg_port, user=self.pg_user, password=self.pg_password, dbname=self.pg_database
        )
        try:
            yield con
        finally:
            con.close()

    def write(self, outcome: Outcome, la_code: str) -> None:
        if self.target == "postgres":
            with self._postgres() as con:
                _write_postgres(con, outcome, la_code)
        else:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            with duckdb.connect(self.path) as con:
                write_outcome(con, outcome, la_code)

    def query(self, sql: str, parameters: list | None = None) -> pd.DataFrame:
        """Rows of a query (placeholders: %s on PostgreSQL, ? on DuckDB)."""
        if self.target == "postgres":
            with self._postgres() as con, con.cursor() as cur:
                cur.execute(sql, parameters)
                return pd.DataFrame(cur.fetchall(), columns=[c.name for c in cur.description])
        with duckdb.connect(self.path, read_only=True) as con:
            return con.execute(sql, parameters or []).df()

    def count(self, table: str, la_code: str) -> int:
        placeholder = "%s" if self.target == "postgres" else "?"
        return int(self.query(f"select count(*) as n from {table} where la_code = {placeholder}", [la_code]).iloc[0, 0])


def _copy(cur, table: str, columns: list[str], frame: pd.DataFrame) -> None:
    buffer = io.StringIO()
    frame.to_csv(buffer, header=False, index=False, date_format="%Y-%m-%d")
    buffer.seek(0)
    cur.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv)", buffer)


def _write_postgres(con, outcome: Outcome, la_code: str) -> None:
    contract = outcome.contract
    names = contract.column_names
    with con.cursor() as cur:
        for schema in ("raw", "quarantine", "audit"):
            cur.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        cur.execute(raw_ddl(contract))
        cur.execute(quarantine_ddl(contract))
        cur.execute(f"CREATE TABLE IF NOT EXISTS audit.extract_files ({AUDIT_COLUMNS})")
        cur.execute(f"DELETE FROM raw.{contract.entity} WHERE la_code = %s", [la_code])
        cur.execute(f"DELETE FROM quarantine.{contract.entity} WHERE la_code = %s", [la_code])
        cur.execute("DELETE FROM audit.extract_files WHERE la_code = %s AND entity = %s", [la_code, contract.entity])
        loaded = outcome.loaded[names + PLUMBING].copy()
        loaded.insert(0, "la_code", la_code)
        _copy(cur, f"raw.{contract.entity}", ["la_code", *names, *PLUMBING], loaded)
        quarantined = outcome.quarantined[PLUMBING + ["problems"] + names].copy()
        quarantined.insert(0, "la_code", la_code)
        _copy(cur, f"quarantine.{contract.entity}", ["la_code", *PLUMBING, "problems", *names], quarantined)
        files = pd.DataFrame(
            [
                (la_code, contract.source, contract.entity, f.file, f.sha256, f.rows_read, f.rows_loaded)
                + (f.rows_quarantined, f.problem or None, "; ".join(f.notes) or None)
                for f in outcome.files
            ]
        )
        audit_columns = [c.split()[0] for c in AUDIT_COLUMNS.split(", ")]
        _copy(cur, "audit.extract_files", audit_columns, files)
    con.commit()
