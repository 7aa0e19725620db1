"""A second authority end to end: `cla generate --la E09000022` makes a small synthetic Lambeth (a London borough:
no districts, its own teams, about a sixth of the demo's size), Dagster loads and builds it with CLA_AUTHORITY
naming it, and the 903 return is published with no DfE error and the scorecard names Lambeth. Two children carry a
district and a team Lambeth does not have: they load with those fields blank, and no record of theirs is orphaned."""

from __future__ import annotations

import json

import dagster as dg
import duckdb
import pandas as pd
import pytest

from orchestration.cli import main as cla

LAMBETH = "E09000022"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lambeth") / "data"
    with pytest.MonkeyPatch.context() as env:
        for name in ("CLA_LA_CODE", "CLA_LA_NAME", "CLA_LA_OLD_CODE", "CLA_POSTCODES"):
            env.delenv(name, raising=False)
        env.setenv("CLA_DATA_DIR", str(folder))
        env.setenv("CLA_WAREHOUSE", str(folder / "warehouse.duckdb"))
        env.setenv("CLA_AS_OF", "2026-11-01")
        assert cla(["generate", "--la", LAMBETH, "--scale", "0.25", "--seed", "4"]) == 0
        children_file = folder / "landing" / "case_system" / "children.csv"
        children = pd.read_csv(children_file, dtype=str, keep_default_na=False)
        periods = pd.read_csv(folder / "landing" / "case_system" / "periods_of_care.csv", dtype=str)
        since = pd.to_datetime(periods["start_date"], dayfirst=True) < "2025-04-01"
        strays = list(periods.loc[periods["end_date"].isna() & since, "child_id"].unique()[:2])  # in 2025/26's return
        children.loc[children["child_id"] == strays[0], "district"] = "ASH"  # a Kent district
        children.loc[children["child_id"] == strays[1], "team"] = "NORTH"  # a Kent team
        children.to_csv(children_file, index=False)

        env.setenv("CLA_AUTHORITY", LAMBETH)
        from orchestration.definitions import build_definitions

        defs = build_definitions()
        with dg.DagsterInstance.ephemeral() as instance:
            results = {
                "load": defs.resolve_job_def("load_extracts_and_rebuild").execute_in_process(
                    instance=instance, raise_on_error=False
                ),
                "return": defs.resolve_job_def("make_903_return").execute_in_process(
                    instance=instance, partition_key="2025-26", raise_on_error=False
                ),
                "scorecard": defs.resolve_job_def("publish_scorecard").execute_in_process(
                    instance=instance, partition_key="2026-10", raise_on_error=False
                ),
            }
        yield {"folder": folder, "results": results, "strays": strays}


def _query(run, sql: str, *params) -> list[tuple]:
    with duckdb.connect(str(run["folder"] / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def test_the_synthetic_authority_is_lambeth_of_its_own_size(run):
    manifest = json.loads((run["folder"] / "landing" / "generation_manifest.json").read_text())
    assert (manifest["authority"], manifest["authority_name"]) == (LAMBETH, "Lambeth")
    assert manifest["simulated_scale"] == pytest.approx(0.25 * 56000 / 326000)
    in_care = manifest["in_care_31_march"]["2026-03-31"]
    assert 40 <= in_care <= 150, in_care  # about a quarter of a sixth of the demo's 1,870
    homes = _query(run, "SELECT DISTINCT lad_code FROM staging.stg_case_system__placements AS p "
                        "JOIN reference.postcodes AS r ON r.postcode = p.home_postcode")  # fmt: skip
    assert homes == [(LAMBETH,)]


def test_every_step_succeeds_and_the_warehouse_is_lambeths(run):
    for name, result in run["results"].items():
        assert name == "return" or result.success, (
            f"{name}: {[e.step_key for e in result.all_events if e.is_step_failure]}"
        )
    assert _query(run, "SELECT DISTINCT la_code FROM raw.children") == [(LAMBETH,)]
    assert _query(run, "SELECT la_code, population FROM reference.population_under_18") == [(LAMBETH, 56000)]
    teams = {t for (t,) in _query(run, "SELECT DISTINCT team FROM raw.children WHERE team IS NOT NULL")}
    assert teams <= {"CLA_NORTH", "CLA_SOUTH", "CWD", "LEAVING_CARE"} and {"CLA_NORTH", "CLA_SOUTH"} <= teams


def test_an_unknown_district_or_team_is_loaded_blank_with_a_warning_and_nothing_is_orphaned(run):
    first, second = run["strays"]
    assert _query(run, "SELECT count(*) FROM quarantine.children") == [(0,)]
    assert _query(run, "SELECT district FROM raw.children WHERE child_id = ?", first) == [(None,)]
    assert _query(run, "SELECT team FROM raw.children WHERE child_id = ?", second) == [(None,)]
    (notes,) = _query(run, "SELECT notes FROM audit.extract_files WHERE entity = 'children'")[0]
    assert "district 'ASH'" in notes and "team 'NORTH'" in notes
    # their periods and placements are not orphans: both children are in the return's episodes
    episodes = (
        "SELECT count(DISTINCT child) FROM marts_ssda903.episodes WHERE collection_year = '2025/26' AND child IN (?, ?)"
    )
    assert _query(run, episodes, first, second) == [(2,)]


def test_the_903_return_is_published_with_no_dfe_error(run):
    result = run["results"]["return"]
    (check,) = result.get_asset_check_evaluations()
    assert check.check_name == "dfe_validation"
    assert check.passed and result.success, f"{check.metadata['errors'].value} DfE error(s)"
    folder = run["folder"] / "exports" / "ssda903" / "2025-26"
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["la_code"] == LAMBETH
    assert (folder / "validation" / "validation_summary.csv").exists()


def test_the_scorecard_names_lambeth_and_nowhere_the_demo_authority(run):
    assert run["results"]["scorecard"].success
    html = (run["folder"] / "exports" / "scorecard" / "2026-10" / "scorecard_2026-10.html").read_text()
    assert "<title>Lambeth Children in Care scorecard: October 2026</title>" in html
    assert "kent" not in html.lower()
    c04 = _query(
        run,
        "SELECT denominator FROM marts_scorecard.scorecard__indicator_months "
        "WHERE indicator_id = 'C04' AND month_end = DATE '2026-10-31' AND cohort = 'all' AND breakdown = 'all'",
    )
    assert c04 == [(56000.0,)]
