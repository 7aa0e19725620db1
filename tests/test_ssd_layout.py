"""The Standard Safeguarding Dataset as the case system's extract: the same simulated lives written in our own
layout and as SSD tables give the same 903 return and the same scorecard, except what the SSD cannot carry
(README, "The Standard Safeguarding Dataset"); and every SSD row read is loaded or quarantined.

Both warehouses are built by Dagster from real files with the real dbt project, at a small scale."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest

from synthetic import generate

SEED, SCALE, AS_OF = 11, 0.05, date(2026, 10, 31)
YEAR, MONTH = "2025-26", "2026-10"
# The scorecard's breakdown by district: the SSD holds no district, so every child is "unknown" there.
NOT_CARRIED_BREAKDOWNS = ("district",)


def build(folder: Path, layout: str, env: dict[str, str] | None = None) -> dict:
    """Generate one layout, load it, build everything, make the 903 return and the October scorecard."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLA_DATA_DIR", str(folder))
        patch.setenv("CLA_WAREHOUSE", str(folder / "warehouse.duckdb"))
        patch.setenv("CLA_AS_OF", "2026-11-01")
        for name, value in (env or {}).items():
            patch.setenv(name, value)
        summary = generate(folder / "landing", seed=SEED, scale=SCALE, as_of=AS_OF, layout=layout)
        from orchestration.definitions import build_definitions

        defs = build_definitions()
        with dg.DagsterInstance.ephemeral() as instance:
            loaded = defs.resolve_job_def("load_extracts_and_rebuild").execute_in_process(
                instance=instance, raise_on_error=False
            )
            returned = defs.resolve_job_def("make_903_return").execute_in_process(
                instance=instance, partition_key=YEAR, raise_on_error=False
            )
            scorecard = defs.resolve_job_def("publish_scorecard").execute_in_process(
                instance=instance, partition_key=MONTH, raise_on_error=False
            )
    return {"folder": folder, "summary": summary, "runs": (loaded, returned, scorecard)}


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    root = tmp_path_factory.mktemp("layouts")
    return {"own": build(root / "own", "own"), "ssd": build(root / "ssd", "ssd")}


def query(built: dict, sql: str) -> pd.DataFrame:
    with duckdb.connect(str(built["folder"] / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql).df()


def test_both_layouts_build_and_publish(both):
    for layout, built in both.items():
        for result in built["runs"]:
            failed = [e.step_key for e in result.all_events if e.is_step_failure]
            assert result.success, f"{layout}: failed steps {failed}"
    assert (both["ssd"]["folder"] / "landing" / "ssd" / "ssd_cla_episodes.csv").exists()
    assert not (both["ssd"]["folder"] / "landing" / "case_system" / "placements.csv").exists()


def test_the_903_return_is_the_same_file_for_file(both):
    own = both["own"]["folder"] / "exports" / "ssda903" / YEAR
    ssd = both["ssd"]["folder"] / "exports" / "ssda903" / YEAR
    files = sorted(p.name for p in own.iterdir() if p.suffix in (".csv", ".xml"))
    assert len(files) >= 10, files
    assert files == sorted(p.name for p in ssd.iterdir() if p.suffix in (".csv", ".xml"))
    different = [name for name in files if (own / name).read_bytes() != (ssd / name).read_bytes()]
    assert not different, f"903 files that differ between the layouts: {different}"


def test_the_scorecard_marts_are_the_same(both):
    for mart in ("scorecard__indicator_months", "scorecard__children_counted"):
        frames = {}
        for layout, built in both.items():
            frame = query(built, f"SELECT * FROM marts_scorecard.{mart}")
            if "breakdown" in frame.columns:
                frame = frame[~frame["breakdown"].isin(NOT_CARRIED_BREAKDOWNS)]
            frame = frame.drop(columns=[c for c in NOT_CARRIED_BREAKDOWNS if c in frame.columns])
            frames[layout] = frame.sort_values(list(frame.columns)).reset_index(drop=True)
        assert len(frames["own"]) > 1000, mart
        pd.testing.assert_frame_equal(frames["own"], frames["ssd"], check_dtype=False, obj=mart)


def test_the_district_breakdown_is_what_the_ssd_cannot_carry(both):
    sql = "SELECT count(*) AS n FROM marts_scorecard.scorecard__indicator_months WHERE breakdown = 'district'"
    assert query(both["own"], sql)["n"].iloc[0] > query(both["ssd"], sql)["n"].iloc[0] > 0


def test_every_ssd_row_read_is_loaded_or_quarantined_once(both):
    built = both["ssd"]
    rows = query(built, "SELECT ssd_table, source_row, outcome, problem FROM audit.ssd_rows")
    assert not rows.duplicated(["ssd_table", "source_row"]).any()
    for table in rows["ssd_table"].unique():
        written = len(pd.read_csv(built["folder"] / "landing" / "ssd" / f"{table}.csv", dtype=str))
        assert (rows["ssd_table"] == table).sum() == written, table
    quarantined = rows[rows["outcome"] == "quarantined"]
    assert quarantined["problem"].notna().all()
    # the SGO and child arrangements orders after care are in ssd_legal_status, set aside with the reason
    legal = quarantined[quarantined["ssd_table"] == "ssd_legal_status"]
    assert len(legal) > 0 and legal["problem"].str.contains("is not a looked-after legal status").all()
    assert set(quarantined["ssd_table"]) == {"ssd_legal_status"}, quarantined.groupby("ssd_table").head(2)


def test_the_permanence_slip_is_joined_through_the_period_of_care(both):
    built = both["ssd"]
    permanence = pd.read_csv(built["folder"] / "landing" / "ssd" / "ssd_permanence.csv", dtype=str)
    assert permanence["perm_person_id"].str.startswith("L").all()  # SystemC's legacy id, not the person id
    adoptions = query(built, "SELECT count(*) AS n FROM raw.adoptions")["n"].iloc[0]
    assert adoptions == len(permanence) > 0
