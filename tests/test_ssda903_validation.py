"""The validation run as a whole: which rules run in a year, what a failure row holds, what is withheld."""

from __future__ import annotations

import pandas as pd

from orchestration.ssda903.layouts import CollectionYear
from orchestration.ssda903.validation.catalogue import active_rules
from orchestration.ssda903.validation.database import open_database
from orchestration.ssda903.validation.reports import write_reports
from orchestration.ssda903.validation.runner import validate

YEAR = CollectionYear(2026)


def _return() -> dict[str, pd.DataFrame]:
    header = pd.DataFrame(
        [
            {"CHILD": "1", "SEX": "M", "DOB": "01/02/2012", "ETHNIC": "WBRI", "UPN": "UN1"},
            {"CHILD": "2", "SEX": "1", "DOB": "31/02/2012", "ETHNIC": "WBRI", "UPN": "UN1"},
        ]
    )
    return {"header": header}


def test_active_rule_counts_match_dfe():
    assert len(active_rules(CollectionYear(2026))) == 311
    assert len(active_rules(CollectionYear(2027))) == 322


def test_failures_name_child_rule_and_values_but_withhold_dates_of_birth(tmp_path):
    validation = validate(open_database(YEAR, "E10000016", _return()), YEAR)
    failures = validation.failures
    sex = failures[failures["rule"] == "101"]
    assert list(sex["child"]) == ["2"] and list(sex["values"]) == ["SEX=1"]
    assert sex["message"].iloc[0] == "The child or young person’s reported sex is not valid."
    dob = failures[failures["rule"] == "102"]
    assert list(dob["values"]) == ["DOB=(present)"]
    assert "31/02/2012" not in failures.to_csv()
    written = write_reports(validation, tmp_path)
    assert all(p.exists() for p in written)
    assert "31/02/2012" not in (tmp_path / "validation_errors.csv").read_text()


def test_rules_needing_last_year_are_reported_not_run_without_it():
    validation = validate(open_database(YEAR, "E10000016", _return()), YEAR)
    summary = validation.summary().set_index("rule")
    assert summary.loc["202", "status"] == "not run"
    with_last = validate(open_database(YEAR, "E10000016", _return(), last_year=_return()), YEAR)
    assert with_last.summary().set_index("rule").loc["202", "status"] == "run"


def test_every_active_rule_is_accounted_for():
    summary = validate(open_database(YEAR, "E10000016", _return()), YEAR).summary()
    assert len(summary) == 311
    assert set(summary["status"]) <= {"run", "not run", "not implemented"}


def test_the_coverage_page_lists_every_rule_and_is_current():
    from orchestration.ssda903.validation.coverage import PAGE, render

    page = render()
    assert PAGE.read_text(encoding="utf-8") == page, "regenerate: python -m orchestration.ssda903.validation.coverage"
    for rule in active_rules(CollectionYear(2027)) + active_rules(CollectionYear(2026)):
        assert f"| {rule.code} |" in page
