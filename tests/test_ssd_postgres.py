"""The SSD read from the authority's database through CLA_SSD_URL: the same tables loaded into a real
PostgreSQL server (typed as the SSD's deployment scripts type them: timestamps, integers, text) give the same
raw tables as the CSV files of landing/ssd/, and every row is accounted for."""

from __future__ import annotations

import logging
from datetime import date

import duckdb
import pandas as pd
import pytest
import sqlalchemy as sa
from postgres_server import postgres_server

from orchestration.ingest.assets import load_entity
from orchestration.resources import Warehouse
from orchestration.ssd.adapter import BUILDERS
from schemas.contracts import load_contracts
from synthetic import generate

LOG = logging.getLogger("test_ssd_postgres")
INTEGER_COLUMNS = {"perm_number_of_adopters"}


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as timestamps and counts as integers, as a deployed SSD holds them; blank is NULL."""
    out = frame.replace("", None)
    for name in out.columns:
        if name.endswith(("_date", "_dob")) and name != "lapp_previous_permanence_order_date":
            out[name] = pd.to_datetime(out[name], format="%Y-%m-%d %H:%M:%S.%f")
        elif name in INTEGER_COLUMNS:
            out[name] = pd.to_numeric(out[name]).astype("Int64")
    return out


@pytest.fixture(scope="module")
def ssd_files(tmp_path_factory):
    landing = tmp_path_factory.mktemp("ssd_pg") / "landing"
    generate(landing, seed=5, scale=0.03, as_of=date(2026, 10, 31), layout="ssd")
    return landing / "ssd"


def _raw(folder, monkeypatch, url: str | None) -> dict[str, pd.DataFrame]:
    """Every SSD-supplied entity loaded into a fresh warehouse; the raw tables and the SSD accounting."""
    monkeypatch.setenv("CLA_DATA_DIR", str(folder))
    monkeypatch.setenv("CLA_AS_OF", "2026-11-01")
    if url:
        monkeypatch.setenv("CLA_SSD_URL", url)
    else:
        monkeypatch.delenv("CLA_SSD_URL", raising=False)
    warehouse = Warehouse(path=str(folder / "warehouse.duckdb"))
    outcomes = {entity: load_entity(load_contracts()[entity], warehouse, LOG) for entity in BUILDERS}
    with duckdb.connect(str(folder / "warehouse.duckdb"), read_only=True) as con:
        tables = {e: con.execute(f"SELECT * FROM raw.{e}").df() for e in BUILDERS}
        tables["_ssd_rows"] = con.execute("SELECT * FROM audit.ssd_rows").df()
    tables["_outcomes"] = outcomes
    return tables


def test_the_ssd_from_postgresql_loads_as_the_files_do(ssd_files, tmp_path, monkeypatch):
    from_files = tmp_path / "files"
    (from_files / "landing").mkdir(parents=True)
    (from_files / "landing" / "ssd").symlink_to(ssd_files)
    files = _raw(from_files, monkeypatch, None)

    with postgres_server() as url:
        engine = sa.create_engine(url)
        with engine.begin() as con:
            for path in sorted(ssd_files.glob("ssd_*.csv")):
                _typed(pd.read_csv(path, dtype=str, keep_default_na=False)).to_sql(path.stem, con, index=False)
        with engine.connect() as con:
            typed = con.execute(
                sa.text("SELECT data_type FROM information_schema.columns WHERE column_name = 'clae_entered_care_date'")
            ).scalar()
        engine.dispose()
        assert typed.startswith("timestamp")
        from_database = _raw(tmp_path / "database", monkeypatch, url)

    for entity in BUILDERS:
        a = files[entity].drop(columns=["source_file"]).sort_values("source_row").reset_index(drop=True)
        b = from_database[entity].drop(columns=["source_file"]).sort_values("source_row").reset_index(drop=True)
        assert len(a) > 0, entity
        pd.testing.assert_frame_equal(a, b, obj=entity)
        assert set(from_database[entity]["source_file"]) == {BUILDERS[entity][0]}  # named by its table
        accounted = from_database["_outcomes"][entity].layout_accounting
        assert accounted and all(t["every_row_once"] for t in accounted.values()), (entity, accounted)
    rows = from_database["_ssd_rows"]
    assert len(rows) == len(files["_ssd_rows"]) > 1000
    assert (rows["outcome"] == "loaded").sum() == (files["_ssd_rows"]["outcome"] == "loaded").sum()
