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
    # release 0.1.17 of the sector validator's catalogue (October 2026)
    assert len(active_rules(CollectionYear(2026))) == 316
    assert len(active_rules(CollectionYear(2027))) == 327


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
    assert len(summary) == 316
    assert set(summary["status"]) <= {"run", "not run", "not implemented"}


def test_the_coverage_page_lists_every_rule_and_is_current():
    from orchestration.ssda903.validation.coverage import PAGE, render

    page = render()
    assert PAGE.read_text(encoding="utf-8") == page, "regenerate: python -m orchestration.ssda903.validation.coverage"
    for rule in active_rules(CollectionYear(2027)) + active_rules(CollectionYear(2026)):
        assert f"| {rule.code} |" in page


def test_validate_903_command_on_files_the_pipeline_did_not_make(tmp_path, capsys):
    """A case system's own 903 report: odd file names, columns in another order and case, one bad code."""
    from orchestration.cli import main

    files = tmp_path / "from the case system"
    files.mkdir()
    (files / "Kent 903 children.csv").write_text(
        "child,dob,sex,ethnic,upn,mother,mc_dob\nC1,01/02/2012,M,WBRI,A123456789012,,\nC2,03/04/2011,F,XXXX,UN2,0,\n",
        encoding="utf-8",
    )
    (files / "episodes export.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        "C1,01/06/2025,S,C2,N1,U4,PR1,,,,ME14 1XX,CT1 1AA,\n"
        "C2,01/07/2025,S,V2,N5,U6,PR4,,,,,ME15 6AA,\n",
        encoding="utf-8",
    )
    out = tmp_path / "report"
    status = main(["validate-903", "--year", "2025/26", str(files), "--out", str(out)])
    printed = capsys.readouterr().out
    assert status == 1  # errors found
    assert "2025/26 return (csv, Header 2, Episodes 2)" in printed
    errors = pd.read_csv(out / "validation_errors.csv", dtype=str)
    assert ("C2", "103") in set(zip(errors["child"], errors["rule"], strict=True))
    assert (out / "validation_report.xlsx").exists() and (out / "validation_summary.csv").exists()


def test_validate_903_command_says_which_file_it_cannot_place(tmp_path, capsys):
    from orchestration.cli import main

    (tmp_path / "notes.csv").write_text("CHILD,COMMENT\n1,hello\n", encoding="utf-8")
    status = main(["validate-903", "--year", "2025/26", str(tmp_path), "--out", str(tmp_path / "out")])
    printed = capsys.readouterr().out
    assert status == 2
    assert "notes.csv" in printed and "not those of any SSDA903 table" in printed


def test_a_csv_read_whole_gives_the_rows_and_row_numbers_of_reading_it_row_by_row(tmp_path):
    """Large returns are read by Arrow in one go; what it gives must be what the row-by-row reader gives:
    values trimmed, blanks as None, rows blank throughout left out but counted in the row numbers."""
    from orchestration.ssda903.files import _read_row_by_row, read_csv_table
    from orchestration.ssda903.layouts import table

    text = 'upn,CHILD,dob,sex,ethnic,mother,mc_dob\nA1,  C1 ,01/02/2012,1,WBRI,,\n,,,,,,\n"A,2",C2,,2," WBRI ",0,\n'
    (tmp_path / "header.csv").write_text(text, encoding="utf-8")
    whole = read_csv_table(tmp_path / "header.csv")
    by_row = _read_row_by_row("header.csv", text, table("Header"))
    assert whole.text is not whole.frame  # read whole, as Arrow
    pd.testing.assert_frame_equal(whole.frame, by_row.frame)
    assert whole.locations == by_row.locations == ["row 2", "row 4"]
    assert list(whole.frame["CHILD"]) == ["C1", "C2"] and whole.frame.loc[1, "DOB"] is None

    (tmp_path / "header.csv").write_text(text + "C3,01/02/2012\n", encoding="utf-8")
    broken = read_csv_table(tmp_path / "header.csv")  # a short row: read row by row, and said
    assert broken.problems == ["header.csv row 5: has 2 fields where the header has 7"]
    assert list(broken.frame["CHILD"]) == ["C1", "C2"]
