"""The dataset checks (schemas/quality/, orchestration/quality/) and the data-quality report, on two real
builds at scale 0.05: one of clean extracts, and one of extracts with every planted fault loaded a day later
into a copy of the clean warehouse (so the shifts check has a previous load to compare with). Each check must
fail on its planted fault, naming the children planted, and pass on the clean data."""

from __future__ import annotations

import re
import shutil
from datetime import date

import dagster as dg
import duckdb
import pandas as pd
import pytest

from synthetic import generate

EXTRACT_DATE = date(2026, 10, 31)

# check -> the planted fault it must catch
CAUGHT_BY = {
    "care_leaver_status_known": "care_leaver_status_unknown",
    "health_records_linked": "health_records_unlinked",
    "education_records_linked": "education_upn_unmatched",
    "school_age_children_have_education": "education_records_missing",
    "health_assessments_recorded": "health_assessments_missing",
    "no_records_after_extract": "dated_after_extract",
    "extracts_up_to_date": "workforce_extract_stale",
    "values_plausible": "implausible_values",
    "row_counts_stable": "extract_truncated",
    "children_recorded_once": "duplicate_child_records",
}


def _definitions():
    from orchestration.ingest.assets import ingest_assets
    from orchestration.ingest.authority_reference import authority_reference
    from orchestration.ingest.postcodes import postcodes
    from orchestration.quality.checks import quality_checks
    from orchestration.quality.report import quality_report
    from orchestration.resources import Warehouse
    from orchestration.settings import load_settings
    from orchestration.ssda903.submitted import returns_landing, submitted_returns
    from orchestration.transform.assets import dbt_resource, warehouse_models

    job = dg.define_asset_job("quality", selection=dg.AssetSelection.all(), executor_def=dg.in_process_executor)
    return dg.Definitions(
        assets=[
            *ingest_assets(),
            postcodes,
            authority_reference,
            returns_landing,
            submitted_returns,
            warehouse_models,
            quality_report,
        ],
        asset_checks=quality_checks(),
        jobs=[job],
        resources={"warehouse": Warehouse(path=str(load_settings().warehouse)), "dbt": dbt_resource()},
    )


def _build(folder, as_of: str, faults: list[str]) -> dict:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("CLA_DATA_DIR", str(folder))
        env.setenv("CLA_WAREHOUSE", str(folder / "warehouse.duckdb"))
        env.setenv("CLA_AS_OF", as_of)
        summary = generate(folder / "landing", seed=3, scale=0.05, as_of=EXTRACT_DATE, faults=faults)
        with dg.DagsterInstance.ephemeral() as instance:
            result = (
                _definitions().resolve_job_def("quality").execute_in_process(instance=instance, raise_on_error=False)
            )
            events = [r.event_log_entry for r in instance.get_records_for_run(result.run_id).records]
    checks = {e.check_name: e for e in result.get_asset_check_evaluations()}
    return {"folder": folder, "summary": summary, "result": result, "checks": checks, "events": events}


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("clean") / "data", "2026-11-01", [])


@pytest.fixture(scope="module")
def faulty(clean, tmp_path_factory):
    folder = tmp_path_factory.mktemp("faulty") / "data"
    folder.mkdir()
    shutil.copy(clean["folder"] / "warehouse.duckdb", folder / "warehouse.duckdb")
    return _build(folder, "2026-11-02", ["all"])


def _failing(evaluation) -> list[str]:
    metadata = evaluation.metadata
    keys = metadata.get("failing_child_ids") or metadata.get("failing_keys")
    return list(keys.data)


def test_both_builds_succeed(clean, faulty):
    for build in (clean, faulty):
        failures = [e.step_key for e in build["result"].all_events if e.is_step_failure]
        assert not failures, failures
        assert set(CAUGHT_BY) <= set(build["checks"])


@pytest.mark.parametrize("check", sorted(CAUGHT_BY))
def test_check_passes_on_clean_data(clean, check):
    evaluation = clean["checks"][check]
    assert evaluation.passed, f"{check} failed on clean data: {_failing(evaluation)[:10]}"


@pytest.mark.parametrize("check", sorted(CAUGHT_BY))
def test_check_fails_on_its_planted_fault(faulty, check):
    evaluation = faulty["checks"][check]
    planted = faulty["summary"]["faults"][CAUGHT_BY[check]]
    assert not evaluation.passed, f"{check} passed although {planted['fault']} was planted"
    failing = _failing(evaluation)
    count = evaluation.metadata.get("failing_child_ids_count") or evaluation.metadata["failing_keys_count"]
    assert count.value >= len(failing) > 0
    # every child planted is named (keys lead with the child id where the check has one)
    named = {key.split(":")[0] for key in failing} | {key.split(":")[1] for key in failing if key.count(":") >= 1}
    # an unmatched UPN names no child: those rows are named by file and row instead
    expected = set() if check == "education_records_linked" else set(planted["child_ids"])
    missing = expected - named
    assert not missing, f"{check} did not name planted children {sorted(missing)}"


def test_care_leaver_status_is_flagged_as_a_warning_with_the_affected_children(faulty):
    evaluation = faulty["checks"]["care_leaver_status_known"]
    assert evaluation.severity == dg.AssetCheckSeverity.WARN
    groups = {r.data["group"]: r.data for r in evaluation.metadata["groups"].records}
    assert groups["19-21"]["percent"] > 40 and not groups["19-21"]["passed"]
    assert evaluation.metadata["threshold"].value == pytest.approx(0.10)
    planted = faulty["summary"]["faults"]["care_leaver_status_unknown"]["child_ids"]
    assert set(planted) <= set(_failing(evaluation))


def test_the_extract_stale_and_truncated_are_named(faulty):
    assert "workforce" in _failing(faulty["checks"]["extracts_up_to_date"])
    assert "education:attainment" in _failing(faulty["checks"]["row_counts_stable"])


def test_education_rows_unmatched_are_named_by_file_and_row_not_upn(faulty):
    failing = _failing(faulty["checks"]["education_records_linked"])
    assert all(re.fullmatch(r"[\w.-]+\.(csv|xlsx):\d+", key) for key in failing), failing[:5]


def test_load_history_keeps_one_row_per_entity_and_load(faulty):
    with duckdb.connect(str(faulty["folder"] / "warehouse.duckdb"), read_only=True) as con:
        history = con.execute("SELECT load_date, entity FROM intermediate.int_quality__load_history").df()
    assert sorted(history["load_date"].astype(str).unique()) == ["2026-11-01", "2026-11-02"]
    assert not history.duplicated().any()


def test_quality_report_shows_every_metric_trend_and_the_data_docs(faulty):
    folder = faulty["folder"] / "exports" / "quality" / "2026-11-02"
    page = (folder / "index.html").read_text()
    metrics = pd.read_csv(folder / "metrics.csv")
    pairs = metrics[["metric", "source"]].drop_duplicates()
    assert len(pairs) >= 20
    for metric, source in pairs.itertuples(index=False):
        assert re.search(rf"<td>{metric}</td><td>{source}</td><td><svg", page), (metric, source)
    assert (folder / "data_docs" / "index.html").exists()
    summary = pd.read_csv(folder / "quarantine_summary.csv")
    assert summary["rows"].sum() > 0 and "'…'" in " ".join(summary["reason"])
    report = faulty["result"].asset_materializations_for_node("exports__quality_report")[0]
    assert report.metadata["report"].url.endswith("index.html")
    assert "care_leaver_status_known" in report.metadata["checks_failed"].data


def test_no_date_of_birth_postcode_or_name_in_check_metadata_or_report(faulty):
    landing = faulty["folder"] / "landing" / "case_system"
    children = pd.read_csv(landing / "children.csv", dtype=str)
    placements = pd.read_csv(landing / "placements.csv", dtype=str)
    secrets = set(children["last_name"].dropna()) | set(placements["placement_postcode"].dropna())
    secrets |= {pd.to_datetime(d, dayfirst=True).strftime("%Y-%m-%d") for d in children["date_of_birth"].dropna()}
    secrets |= set(children["date_of_birth"].dropna())
    text = "\n".join(
        f"{e.user_message} {getattr(e.dagster_event, 'event_specific_data', '')}" for e in faulty["events"]
    )
    folder = faulty["folder"] / "exports" / "quality" / "2026-11-02"
    # metrics.csv's month ends are months, not anyone's birthday: its other columns are scanned
    text += pd.read_csv(folder / "metrics.csv").drop(columns="month_end").to_csv()
    text += "".join(
        p.read_text(errors="ignore")
        for p in folder.rglob("*")
        if p.suffix in {".html", ".csv", ".json"} and p.name != "metrics.csv"
    )
    leaked = {s for s in secrets if len(s) >= 5 and s in text}
    assert not leaked, f"{len(leaked)} personal values appear in check metadata or the report"
