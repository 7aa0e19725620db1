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
    from orchestration.ingest.sources import sources
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
            sources,
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


def test_quality_report_shows_every_metric_trend_with_axes_and_plain_names(faulty):
    folder = faulty["folder"] / "exports" / "quality" / "2026-11-02"
    page = (folder / "index.html").read_text()
    metrics = pd.read_csv(folder / "metrics.csv")
    pairs = metrics[["metric", "source"]].drop_duplicates()
    assert len(pairs) >= 20
    for metric, source in pairs.itertuples(index=False):
        figure = re.search(rf"<figure data-metric='{metric}' data-source='{source}'>(.*?)</figure>", page, re.S)
        assert figure, (metric, source)
        assert "<svg" in figure[1] and "Month end" in figure[1]  # axes, and months along the bottom
        assert re.search(r">[A-Z][a-z]{2} \d\d</text>", figure[1])  # month labels such as 'Oct 26'
    shown = re.sub(r"<[^>]+>", " ", page)  # the words on the page, not its attributes
    assert "care_leaver_status_not_known" not in shown and "days_from_newest_record" not in shown
    assert "Care leavers aged 19-21 whose status is not known" in shown
    assert not (folder / "data_docs").exists()  # replaced by this page: see orchestration/quality/report.py
    report = faulty["result"].asset_materializations_for_node("exports__quality_report")[0]
    assert report.metadata["report"].url.endswith("index.html")
    assert "care_leaver_status_known" in report.metadata["checks_failed"].data


def test_trends_stop_at_the_extract_month_and_the_extract_date_is_read_from_the_records(faulty):
    from orchestration.quality.extract_date import extract_date

    folder = faulty["folder"] / "exports" / "quality" / "2026-11-02"
    page = (folder / "index.html").read_text()
    assert "Extracts as at <strong>31/10/2026</strong>" in page
    metrics = pd.read_csv(folder / "metrics.csv", parse_dates=["month_end"])
    by_records = metrics[
        ~metrics["metric"].isin(["rows_loaded", "rows_quarantined", "days_from_newest_record_to_extract_date"])
    ]
    assert by_records["month_end"].max() <= pd.Timestamp(EXTRACT_DATE)  # planted records dated later draw no month
    with duckdb.connect(str(faulty["folder"] / "warehouse.duckdb"), read_only=True) as con:
        la_code = con.execute("SELECT any_value(la_code) FROM intermediate.int_quality__record_dates").fetchone()[0]
        # loaded five weeks later, October's extracts are still as at 31 October (not the month before the load)
        assert extract_date(con, la_code, date(2026, 12, 7)) == EXTRACT_DATE
        assert extract_date(con, la_code, date(2026, 11, 2)) == EXTRACT_DATE


def test_quarantine_is_grouped_by_rule_with_the_codes_and_first_rows(faulty):
    folder = faulty["folder"] / "exports" / "quality" / "2026-11-02"
    summary = pd.read_csv(folder / "quarantine_summary.csv", keep_default_na=False)
    assert summary["rows"].sum() > 0
    assert not summary.duplicated(["source", "entity", "column", "rule"]).any()
    assert not summary["rule"].str.contains(r"row \d+", regex=True).any()  # one line per rule, not per row
    codes = summary[summary["rule"].str.startswith("not a code in the")]
    assert len(codes) and all(re.fullmatch(r"'[^']+' \(\d+\)(, '[^']+' \(\d+\))*", c) for c in codes["codes"])
    assert "'…'" not in " ".join(codes["rule"])
    assert all(
        re.fullmatch(r"[\w.-]+ rows? \d+(, \d+)*(; [\w.-]+ rows? \d+(, \d+)*)*", r) for r in summary["first_rows"]
    )


def test_the_quality_page_works_offline_with_its_styles_and_every_result(faulty):
    """Opened in headless Chromium with every network request refused: nothing is asked of the network, the
    styles apply, and every check's result for every group is on the page."""
    from playwright.sync_api import sync_playwright
    from test_ui import CHROMIUM, CHROMIUM_ARGS

    folder = faulty["folder"] / "exports" / "quality" / "2026-11-02"
    checks = pd.read_csv(folder / "checks.csv", dtype=str, keep_default_na=False)
    asked = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND"]
        )
        try:
            page = browser.new_page()
            page.on("request", lambda request: asked.append(request.url))
            page.route("http*://**/*", lambda route: route.abort())
            page.goto((folder / "index.html").as_uri(), wait_until="load")
            border = page.locator("h2").first.evaluate("e => getComputedStyle(e).borderBottomColor")
            failed_colour = page.locator(".fail").first.evaluate("e => getComputedStyle(e).color")
            rows = page.locator("section.check tr td:first-child").all_text_contents()
            page.screenshot(path=str(folder.parent / "quality_page.png"), full_page=False)
        finally:
            browser.close()
    assert [url for url in asked if not url.startswith("file:")] == []
    assert border == "rgb(0, 114, 178)" and failed_colour == "rgb(184, 66, 11)"  # the page's own styles
    expected = {f"{c} · {g}" for c, g in zip(checks["check"], checks["group"], strict=True)}
    assert expected <= set(rows) and len(expected) >= len(CAUGHT_BY)
    assert {"care_leaver_status_known · 17-18", "care_leaver_status_known · 19-21"} <= set(rows)


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
