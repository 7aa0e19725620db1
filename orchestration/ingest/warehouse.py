"""Writing an entity's outcome into the warehouse: raw.<entity>, quarantine.<entity> and audit.extract_files.

Every table carries the local authority's code, and a load replaces only that authority's rows, so several
authorities can share one warehouse. The three writes happen in one transaction: a reader never sees the
raw rows of one load beside the quarantine of another.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow as pa

from orchestration.ingest.validation import PLUMBING, Outcome
from schemas.contracts import Contract

# The raw table's column types as Arrow types: rows handed to DuckDB typed, in bulk, rather than as Python objects
# whose type DuckDB would have to find value by value.
ARROW_TYPES = {"VARCHAR": pa.string(), "DATE": pa.date32(), "BIGINT": pa.int64(), "BOOLEAN": pa.bool_()}

AUDIT_COLUMNS = (
    "la_code VARCHAR, source VARCHAR, entity VARCHAR, source_file VARCHAR, sha256 VARCHAR, rows_read INTEGER, "
    "rows_loaded INTEGER, rows_quarantined INTEGER, file_problem VARCHAR, notes VARCHAR"
)

# How far each source's data reaches (orchestration/ingest/sources.py writes it after each load).
SOURCES_COLUMNS = (
    "la_code VARCHAR, source VARCHAR, required BOOLEAN, rows_loaded BIGINT, declared_date DATE, "
    "declared_by VARCHAR, newest_record_date DATE, data_up_to DATE, status VARCHAR, reason VARCHAR"
)


def raw_ddl(contract: Contract) -> str:
    columns = ", ".join(f"{c.name} {c.sql_type}" for c in contract.columns)
    return (
        f"CREATE TABLE IF NOT EXISTS raw.{contract.entity} "
        f"(la_code VARCHAR, {columns}, source_file VARCHAR, source_row INTEGER)"
    )


def quarantine_ddl(contract: Contract) -> str:
    columns = ", ".join(f"{c} VARCHAR" for c in contract.column_names)
    return (
        f"CREATE TABLE IF NOT EXISTS quarantine.{contract.entity} "
        f"(la_code VARCHAR, source_file VARCHAR, source_row INTEGER, problems VARCHAR, {columns})"
    )


def ensure_tables(con: duckdb.DuckDBPyConnection, contract: Contract) -> None:
    for schema in ("raw", "quarantine", "audit"):
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    con.execute(raw_ddl(contract))
    con.execute(quarantine_ddl(contract))
    con.execute(f"CREATE TABLE IF NOT EXISTS audit.extract_files ({AUDIT_COLUMNS})")
    con.execute(f"CREATE TABLE IF NOT EXISTS audit.sources ({SOURCES_COLUMNS})")


def _arrow(loaded: pd.DataFrame, contract: Contract) -> pa.Table:
    """The loaded rows as an Arrow table typed as raw.<entity> is."""
    names = contract.column_names + PLUMBING
    types = [ARROW_TYPES[c.sql_type] for c in contract.columns] + [pa.string(), pa.int32()]
    return pa.table(
        [pa.Array.from_pandas(loaded[name], type=kind) for name, kind in zip(names, types, strict=True)], names=names
    )


def write_outcome(con: duckdb.DuckDBPyConnection, outcome: Outcome, la_code: str) -> None:
    contract = outcome.contract
    names = contract.column_names
    loaded = _arrow(outcome.loaded, contract)
    quarantined = outcome.quarantined[PLUMBING + ["problems"] + names].astype(object)
    quarantined = quarantined.where(pd.notna(quarantined), None)
    files = pd.DataFrame(
        [
            (
                la_code,
                contract.source,
                contract.entity,
                f.file,
                f.sha256,
                f.rows_read,
                f.rows_loaded,
                f.rows_quarantined,
                f.problem or None,
                "; ".join(f.notes) or None,
            )
            for f in outcome.files
        ],
        columns=[
            "la_code",
            "source",
            "entity",
            "source_file",
            "sha256",
            "rows_read",
            "rows_loaded",
            "rows_quarantined",
            "file_problem",
            "notes",
        ],
    )
    con.execute("BEGIN TRANSACTION")
    try:
        ensure_tables(con, contract)  # in the transaction: one write to disk (and one sync) for the whole load
        con.register("loaded_rows", loaded)
        con.register("quarantined_rows", quarantined)
        con.register("file_rows", files)
        con.execute(f"DELETE FROM raw.{contract.entity} WHERE la_code = ?", [la_code])
        con.execute(f"DELETE FROM quarantine.{contract.entity} WHERE la_code = ?", [la_code])
        con.execute("DELETE FROM audit.extract_files WHERE la_code = ? AND entity = ?", [la_code, contract.entity])
        select = ", ".join(names + PLUMBING)
        con.execute(
            f"INSERT INTO raw.{contract.entity} (la_code, {select}) SELECT ?, {select} FROM loaded_rows",
            [la_code],
        )
        qselect = ", ".join(PLUMBING + ["problems"] + names)
        con.execute(
            f"INSERT INTO quarantine.{contract.entity} (la_code, {qselect}) SELECT ?, {qselect} FROM quarantined_rows",
            [la_code],
        )
        con.execute("INSERT INTO audit.extract_files SELECT * FROM file_rows")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        for view in ("loaded_rows", "quarantined_rows", "file_rows"):
            con.unregister(view)
