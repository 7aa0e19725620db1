"""The validation report that goes with a return: a summary by rule and a list per child, as CSV and XLSX.

validation_summary.csv   every rule active in the year: code, DfE message, severity, run / not run (and why),
                         failures
validation_errors.csv    every failure: child, table, row, rule, message, severity, the offending values
validation_report.xlsx   an overview, both lists, one sheet each, for the returns officer (every failure: the
                         project's own XLSX writer writes an England-size return's 130,000 in a second or two)
quarantined_children.csv (from the pipeline) every child whose rows are quarantined in an extract the return is
                         built from, with the extracts and rows, and whether the officer accepted to leave the
                         child out; also a sheet of the XLSX

The overview opens with what the report is about: the authority, the collection year, the release of DfE's
rules it was checked against, and the date (the extract's as-of date in the pipeline, so the same warehouse
gives the same file; the day of checking for `cla validate-903`). Rule codes sort as DfE numbers them: 101
before 1000, the SW rules last.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from orchestration.report_csv import write_long_report_csv, write_report_csv
from orchestration.ssda903.quarantined import QuarantinedChildren
from orchestration.ssda903.validation.catalogue_changes import current_release, natural_key
from orchestration.ssda903.validation.runner import Validation
from orchestration.xlsx import Sheet, Styled, write_xlsx

STATUS_ORDER = {"run": 0, "not run": 1, "not implemented": 2}


def by_rule(summary: pd.DataFrame) -> pd.DataFrame:
    """Rules that ran first, the most failures first, then by rule code in DfE's order."""
    order = summary.assign(
        _status=summary["status"].map(STATUS_ORDER), _rule=summary["rule"].map(natural_key)
    ).sort_values(["_status", "failures", "_rule"], ascending=[True, False, True])
    return order.drop(columns=["_status", "_rule"]).reset_index(drop=True)


EXCEL_ROWS = 1_048_576  # the most rows a worksheet has in Excel: a longer list would not open


def not_run_text(not_run: pd.DataFrame) -> str:
    """The rules that did not run, grouped by why: '8 rules need the Ofsted provider register ...: 219, 221'."""
    lines = []
    for reason, rules in not_run.groupby(not_run["reason"].where(not_run["reason"] != "", not_run["status"])):
        codes = sorted(rules["rule"], key=natural_key)
        lines.append(f"{len(codes)} rule(s) not run, {reason}: {', '.join(codes)}")
    return "\n".join(lines)


def write_reports(
    validation: Validation,
    folder: Path,
    authority: str = "",
    on: date | None = None,
    quarantined: QuarantinedChildren | None = None,
) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    summary = by_rule(validation.summary())
    failures = validation.failures
    written = [folder / "validation_summary.csv", folder / "validation_errors.csv", folder / "validation_report.xlsx"]
    write_report_csv(summary, written[0])
    write_long_report_csv(failures, written[1])
    heading = [
        [Styled(f"SSDA903 validation report: {validation.year.label}", "title")],
        ["authority", authority or "(not given)"],
        ["collection year", validation.year.label],
        ["DfE rules", f"as catalogued in the sector validator's release {current_release()}"],
        ["date", (on or date.today()).strftime("%d/%m/%Y")],
        [],
    ]
    overview = [
        ("collection year", validation.year.label),
        ("rules run", int((summary["status"] == "run").sum())),
        ("rules not run", int((summary["status"] != "run").sum())),
        ("errors", validation.errors),
        ("queries", validation.queries),
        ("children with an error", failures.loc[failures["severity"] == "error", "child"].nunique()),
    ]
    listed = failures.head(EXCEL_ROWS - 1)  # below the header row
    if len(listed) < len(failures):
        shown = f"the first {len(listed):,} of {len(failures):,}: all in {written[1].name}"
        overview.append(("'By child' lists", shown))
    sheets = [_sheet("By rule", summary), _sheet("By child", listed)]
    if quarantined is not None:
        children = quarantined.by_child()
        written.append(folder / "quarantined_children.csv")
        write_report_csv(children, written[-1])
        overview += [
            ("children with quarantined records", len(quarantined.children)),
            ("… left out by the officer", len(quarantined.children) - len(quarantined.held_back)),
            ("quarantined rows naming no child", len(quarantined.unnamed_rows)),
        ]
        sheets.append(_sheet("Quarantined", children))
    write_xlsx(
        written[2],
        [
            Sheet("Overview", rows=[*heading, [None, Styled("value", "bold")], *overview], widths=[34, 60]),
            *sheets,
        ],
    )
    return written


def _sheet(name: str, frame: pd.DataFrame) -> Sheet:
    """A list with its header row bold, frozen, filtered and printed at the top of every page, columns as wide as
    their first 200 values."""
    widths = [
        min(max(max([len(str(c))] + [len(str(v)) for v in frame[c].head(200) if pd.notna(v)]) + 2, 8), 80)
        for c in frame.columns
    ]
    return Sheet(
        name=name,
        rows=[[Styled(str(c), "bold") for c in frame.columns]],
        widths=widths,
        frozen_rows=1,
        filter_row=1,
        repeat_rows=1,
        frame=frame,
    )
