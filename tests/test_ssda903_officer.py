"""What the returns officer sees: the report's heading and order, the dfe_validation check's metadata, and
the command line's account of a blocked return (errors by rule, where the report is, which rules did not run
and why, no stack trace), on the hand-made two-year return of four children."""

from __future__ import annotations

from datetime import date

import dagster as dg
import duckdb
import openpyxl
import pandas as pd
from warehouse_fixtures import LA, create_ssda903_marts, ssda903_return

from orchestration.resources import Warehouse
from orchestration.ssda903 import export
from orchestration.ssda903.layouts import CollectionYear
from orchestration.ssda903.validation.catalogue_changes import current_release
from orchestration.ssda903.validation.database import open_database
from orchestration.ssda903.validation.reports import write_reports
from orchestration.ssda903.validation.runner import validate

Y2526, Y2627 = CollectionYear(2026), CollectionYear(2027)


def _warehouse(path, broken: bool) -> None:
    with duckdb.connect(str(path)) as con:
        create_ssda903_marts(con, {Y2526: ssda903_return(Y2526), Y2627: ssda903_return(Y2627)})
        if broken:  # no DfE ethnicity code, and not last year's: rules 103 and 204
            con.execute(
                "UPDATE marts_ssda903.header SET ethnic = 'XXXX' WHERE collection_year = '2026/27' AND child = '1001'"
            )


def test_the_report_opens_with_what_it_is_about_and_lists_rules_in_dfe_order(tmp_path):
    header = pd.DataFrame(
        [{"CHILD": str(n), "SEX": "X", "DOB": "01/02/2012", "ETHNIC": "WBRI", "UPN": "UN1"} for n in range(3)]
    )
    reviews = pd.DataFrame([{"CHILD": "0", "DOB": "01/02/2012", "REVIEW": "2025/06/01", "REVIEW_CODE": "PN9"}])
    validation = validate(open_database(Y2526, LA, {"header": header, "reviews": reviews}), Y2526)
    write_reports(validation, tmp_path, authority="Kent (E10000016)", on=date(2026, 5, 1))

    overview = openpyxl.load_workbook(tmp_path / "validation_report.xlsx")["Overview"]
    rows = [[c for c in row if c is not None] for row in overview.iter_rows(values_only=True)]
    assert rows[0] == ["SSDA903 validation report: 2025/26"]
    assert ["authority", "Kent (E10000016)"] in rows and ["collection year", "2025/26"] in rows
    assert ["DfE rules", f"as catalogued in the sector validator's release {current_release()}"] in rows
    assert ["date", "01/05/2026"] in rows
    assert current_release() == "0.1.17"
    book = openpyxl.load_workbook(tmp_path / "validation_report.xlsx")
    for listing in ("By rule", "By child"):  # printed landscape, the header row on every page
        assert book[listing].print_title_rows == "$1:$1"
        assert book[listing].page_setup.orientation == "landscape"

    summary = pd.read_csv(tmp_path / "validation_summary.csv", dtype={"rule": str})
    failing = summary.loc[summary["failures"] > 0, "rule"].tolist()
    assert failing[0] == "101"  # three rows fail it: the most failures first
    passing = [r for r in summary.loc[summary["status"] == "run", "rule"] if r not in failing]
    numbers = [int(r.rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHJ")) for r in passing if r[0].isdigit()]
    assert numbers == sorted(numbers) and numbers[0] < 200 < numbers[-1]  # 101 before 1000, not after
    assert all(r.startswith(("SW", "EPI", "NoE", "INT")) for r in passing[len(numbers) :])
    by_child = pd.read_csv(tmp_path / "validation_errors.csv", dtype=str)
    child_0 = by_child.loc[by_child["child"] == "0", "rule"].tolist()
    assert child_0.index("166") < child_0.index("1012")


def _definitions(warehouse):
    from orchestration.operations.jobs import make_903_return

    return dg.Definitions(
        assets=[export.ssda903_return],
        jobs=[make_903_return],
        resources={"warehouse": Warehouse(path=str(warehouse))},
    )


def test_a_blocked_return_is_summarised_on_the_command_line_without_a_stack_trace(tmp_path, monkeypatch, capfd):
    from orchestration.cli import _make_903_returns

    warehouse = tmp_path / "warehouse.duckdb"
    _warehouse(warehouse, broken=True)
    for name, value in {
        "CLA_DATA_DIR": tmp_path,
        "CLA_WAREHOUSE": warehouse,
        "CLA_AS_OF": "2027-05-01",  # 2026/27 has ended: the return is for DfE, and blocked by its errors
        "CLA_LA_CODE": LA,
        "DAGSTER_HOME": tmp_path,
    }.items():
        monkeypatch.setenv(name, str(value))
    assert _make_903_returns(_definitions(warehouse)) == 1
    out, err = capfd.readouterr()
    folder = tmp_path / "exports" / "ssda903" / "2026-27-blocked"
    assert "903 return 2026-27 NOT published: 2 DfE error(s) for 1 children" in out
    lines = out.splitlines()
    assert any(line.split()[:2] == ["103", "1"] for line in lines) and any(
        line.split()[:2] == ["204", "1"] for line in lines
    )
    assert f"the report: {folder / 'validation' / 'validation_report.xlsx'}" in out
    # no earlier return than 2025/26 and no Ofsted register: the rules that could not run, and why
    assert "rule(s) not run, needs the Ofsted provider register in landing/reference: 219, 221, 224, 227, 228" in out
    assert "Traceback" not in out + err


def test_the_check_says_which_year_and_kind_of_return_and_why_rules_did_not_run(tmp_path, monkeypatch):
    warehouse = tmp_path / "warehouse.duckdb"
    _warehouse(warehouse, broken=False)
    monkeypatch.setenv("CLA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CLA_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("CLA_LA_CODE", LA)
    resources = {"warehouse": Warehouse(path=str(warehouse))}
    kinds = {}
    for as_of in ("2026-11-01", "2027-05-01"):
        monkeypatch.setenv("CLA_AS_OF", as_of)
        result = dg.materialize([export.ssda903_return], partition_key="2026-27", resources=resources)
        (check,) = result.get_asset_check_evaluations()
        kinds[as_of] = check.metadata["return_kind"].value
        assert check.metadata["collection_year"].value == "2026/27"
        assert "needs the Ofsted provider register" in check.metadata["rules_not_run_why"].value
    assert kinds == {"2026-11-01": "draft: the year has not ended, not for DfE", "2027-05-01": "complete year"}


def test_a_list_longer_than_excel_opens_is_cut_in_the_workbook_and_whole_in_the_csv(tmp_path, monkeypatch):
    from orchestration.ssda903.validation import reports

    header = pd.DataFrame(
        [{"CHILD": str(n), "SEX": "X", "DOB": "01/02/2012", "ETHNIC": "WBRI", "UPN": "UN1"} for n in range(30)]
    )
    validation = validate(open_database(Y2526, LA, {"header": header}), Y2526)
    assert len(validation.failures) > 10
    monkeypatch.setattr(reports, "EXCEL_ROWS", 11)  # as if Excel's 1,048,576 rows were 11
    write_reports(validation, tmp_path, authority="Kent (E10000016)", on=date(2026, 5, 1))

    book = openpyxl.load_workbook(tmp_path / "validation_report.xlsx")
    assert book["By child"].max_row == 11  # the header and the first 10
    overview = [[c for c in row if c is not None] for row in book["Overview"].iter_rows(values_only=True)]
    total = len(validation.failures)
    assert ["'By child' lists", f"the first 10 of {total:,}: all in validation_errors.csv"] in overview
    assert len(pd.read_csv(tmp_path / "validation_errors.csv", dtype=str)) == total
