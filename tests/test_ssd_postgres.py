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
from orchestration.ingest.ssd.adapter import BUILDERS
from orchestration.resources import Warehouse
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

    with postgres_server() as server:
        url = server.sqlalchemy_url()
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


def test_bad_ssd_rows_are_quarantined_naming_table_row_column_and_reason(ssd_files, tmp_path, monkeypatch):
    """Placeholders, descriptions and the legacy-id CHILD are read; an unknown person, an unreadable date and a
    role that is not a case worker are quarantined with the SSD table, row, column and reason."""
    landing = tmp_path / "data" / "landing" / "ssd"
    landing.mkdir(parents=True)
    for path in ssd_files.glob("*.csv"):
        (landing / path.name).write_bytes(path.read_bytes())
    placements = pd.read_csv(landing / "ssd_cla_placement.csv", dtype=str, keep_default_na=False)
    placements.loc[0, "clap_person_id"] = "999999999"
    placements.loc[0, "clap_cla_id"] = ""
    placements.loc[1, "clap_cla_placement_start_date"] = "SSD_PH"
    placements.loc[2, "clap_cla_placement_end_date"] = "not a date"
    placements.to_csv(landing / "ssd_cla_placement.csv", index=False)
    involvements = pd.read_csv(landing / "ssd_involvements.csv", dtype=str, keep_default_na=False)
    involvements.loc[0, "invo_professional_role_id"] = "16PLUS"
    involvements.to_csv(landing / "ssd_involvements.csv", index=False)
    monkeypatch.setenv("CLA_SSD_CHILD_ID", "legacy_id")
    tables = _raw(tmp_path / "data", monkeypatch, None)

    problems = tables["_outcomes"]["placements"].quarantined.set_index("source_row")["problems"]
    assert set(tables["_outcomes"]["placements"].quarantined["source_file"]) == {"ssd_cla_placement.csv"}
    assert problems[2] == "clap_person_id: '999999999' is not a person in ssd_person"
    assert problems[3] == "clap_cla_placement_start_date → start_date: required but blank"
    assert problems[4].startswith("clap_cla_placement_end_date → end_date: not a date")
    workers = tables["_outcomes"]["social_worker_allocations"].quarantined
    assert workers["problems"].str.contains("'16PLUS' is not an allocated case worker").sum() == 1
    # the legacy id is the 903 CHILD, and the permanence rows (which hold it) still find their child
    assert tables["children"]["child_id"].str.startswith("L").all()
    assert tables["adoptions"]["child_id"].str.startswith("L").all() and len(tables["adoptions"]) > 0
    rows = tables["_ssd_rows"]
    assert (rows.groupby("ssd_table").size() > 0).all()
    for outcome in tables["_outcomes"].values():
        assert all(t["every_row_once"] for t in outcome.layout_accounting.values())
