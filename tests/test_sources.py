"""No figure without its data: each source's "data up to" date, the run's as-of date from the data (not the
clock), "no data" instead of 0% or a RAG, and the `sources_complete` check; through `cla run` on small synthetic
extracts with the health and education extracts dropped and the clock a month past the data."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.ingest.sources import SourceCoverage, behind, data_as_of, declared_date, parse_declared

LOAD_DATE = "2026-12-07"  # a month and a week past the extracts, which end on 31 October


# ---- the dates, from the supplier's word, the file names or the records -------------------------------------


def test_a_source_says_how_far_it_reaches_in_a_declaration_or_its_file_names(tmp_path):
    landing = tmp_path
    (landing / "health").mkdir()
    (landing / "health" / "dental_checks_2026-10-31.csv").write_text("x\n")
    (landing / "health" / "immunisations_2026-09.csv").write_text("x\n")  # a month: its last day
    assert declared_date(landing, "health") == (date(2026, 9, 30), "health/immunisations_2026-09.csv", None)
    (landing / "health" / "data_up_to.txt").write_text("31/10/2026\n")  # the supplier's word wins
    assert declared_date(landing, "health") == (date(2026, 10, 31), "health/data_up_to.txt", None)
    (landing / "health" / "data_up_to.txt").write_text("end of October\n")
    assert (
        declared_date(landing, "health")[2] == "health/data_up_to.txt does not hold a date as dd/mm/yyyy or yyyy-mm-dd"
    )
    (landing / "ssd").mkdir()  # the SSD is the case system's
    (landing / "ssd" / "data_up_to.txt").write_text("2026-10-31")
    assert declared_date(landing, "case_system")[:2] == (date(2026, 10, 31), "ssd/data_up_to.txt")
    assert declared_date(landing, "education") == (None, None, None)
    assert parse_declared("2026-02-30") is None


def test_the_run_is_as_of_the_earliest_date_the_present_required_sources_reach():
    def source(name, reached, required=True):
        status = "missing" if reached is None else "complete"
        return SourceCoverage(name, required, 1 if reached else 0, None, None, reached, reached, status, name)

    coverage = [
        source("case_system", date(2026, 10, 31)),
        source("health", date(2026, 10, 15)),
        source("education", None),  # missing: its figures say no data; it does not stop the others
        source("workforce", date(2026, 7, 31), required=False),  # optional: only staffing waits for it
    ]
    assert data_as_of(coverage, date(2026, 12, 7)) == date(2026, 10, 15)
    assert data_as_of([], date(2026, 12, 7)) == date(2026, 12, 7)
    assert [c.source for c in behind(coverage, date(2026, 10, 31))] == ["education", "health", "workforce"]


# ---- end to end: health and education dropped, the clock a month past the data --------------------------


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    from orchestration.cli import main
    from synthetic import generate

    folder = tmp_path_factory.mktemp("sources") / "data"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("CLA_DATA_DIR", str(folder))
        env.setenv("CLA_WAREHOUSE", str(folder / "warehouse.duckdb"))
        env.setenv("DAGSTER_HOME", str(folder / "dagster_home"))
        env.setenv("CLA_AS_OF", LOAD_DATE)
        generate(folder / "landing", seed=5, scale=0.03, as_of=date(2026, 10, 31))
        for source in ("health", "education"):
            shutil.rmtree(folder / "landing" / source)
        capture = folder.parent / "cla_run.txt"
        with open(capture, "w", encoding="utf-8") as out, pytest.MonkeyPatch.context() as patch:
            patch.setattr("sys.stdout", out)
            status = main(["run"])
        from orchestration.definitions import build_definitions

        with dg.DagsterInstance.ephemeral() as instance:
            november = (
                build_definitions()
                .resolve_job_def("publish_scorecard")
                .execute_in_process(instance=instance, partition_key="2026-11", raise_on_error=False)
            )
        yield {"folder": folder, "status": status, "said": capture.read_text(encoding="utf-8"), "november": november}


def _rows(run, sql: str) -> list[tuple]:
    assert (run["folder"] / "warehouse.duckdb").exists(), run["said"]  # what `cla run` said when it made none
    with duckdb.connect(str(run["folder"] / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_each_source_has_its_date_and_the_missing_ones_are_named(run):
    assert _rows(run, "SELECT source, data_up_to, status FROM audit.sources ORDER BY source") == [
        ("case_system", date(2026, 10, 31), "stale"),  # it does not reach 30 November, the month before the load
        ("education", None, "missing"),
        ("health", None, "missing"),
        ("workforce", date(2026, 10, 31), "stale"),
    ]
    sources_csv = next((run["folder"] / "exports" / "ingest").glob("*/sources.csv")).read_text(encoding="utf-8")
    assert "case_system,True," in sources_csv and ",stale," in sources_csv and "no health extract loaded" in sources_csv
    said = run["said"]
    assert "sources_complete on audit/sources" in said
    assert "no health extract loaded" in said and "no education extract loaded" in said


def test_the_scorecard_stops_at_the_month_the_data_reaches_and_says_why(run):
    said = run["said"]
    assert "scorecard 2026-11 not published: case_system ends 31/10/2026" in said
    assert "scorecard 2026-10 written" in said
    assert _rows(run, "SELECT max(month_end) FROM marts_scorecard.scorecard__indicator_months") == [
        (date(2026, 10, 31),)
    ]
    failure = next(e for e in run["november"].all_events if e.is_step_failure)
    assert "not published: case_system ends 31/10/2026" in failure.step_failure_data.user_failure_data.description


def test_a_missing_source_gives_no_data_never_zero_or_a_rag(run):
    rows = _rows(
        run,
        "SELECT indicator_id, value, rag, numerator, no_data_reason FROM marts_scorecard.scorecard__indicator_months "
        "WHERE month_end = '2026-10-31' AND cohort = 'all' AND breakdown = 'all' AND indicator_id IN "
        "('H01', 'H02', 'E01', 'C08', 'C01') ORDER BY indicator_id",
    )
    by_id = {r[0]: r for r in rows}
    for indicator, source in (("H01", "health"), ("H02", "health"), ("E01", "education")):
        assert by_id[indicator][1:] == (None, None, None, f"no data: no {source} extract loaded"), indicator
    assert by_id["C01"][1] is not None and by_id["C01"][4] is None  # the case system reaches October
    html = next((run["folder"] / "exports" / "scorecard" / "2026-10").glob("*.html")).read_text(encoding="utf-8")
    assert "no data: no health extract loaded" in html and "no data: no education extract loaded" in html
    assert "31 October 2026 (education: not supplied; health: not supplied)" in html  # the title block's data up to


def test_the_903_year_in_progress_follows_the_data(run):
    manifest = Path(run["folder"] / "exports" / "ssda903" / "2026-27-draft" / "manifest.json").read_text()
    assert '"extract_as_of": "2026-10-31"' in manifest
