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

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from orchestration.arrow_rows import rows_table
from orchestration.report_csv import write_long_report_csv, write_report_csv
from orchestration.ssda903.validation.catalogue_changes import current_release, natural_key
from orchestration.ssda903.validation.runner import RuleOutcome, Validation
from orchestration.xlsx import Sheet, Styled, frame_size, write_xlsx

if TYPE_CHECKING:  # no pandas for `cla validate-903`: its reports are written from Arrow tables
    import pandas as pd

    from orchestration.ssda903.quarantined import QuarantinedChildren

STATUS_ORDER = {"run": 0, "not run": 1, "not implemented": 2}


def by_rule(outcomes: Iterable[RuleOutcome]) -> list[RuleOutcome]:
    """Rules that ran first, the most failures first, then by rule code in DfE's order."""
    return sorted(outcomes, key=lambda o: (STATUS_ORDER[o.status], -o.failures, natural_key(o.code)))


def summary_table(outcomes: Iterable[RuleOutcome]) -> pa.Table:
    """validation_summary's rows: rule, message, severity, status, reason, failures."""
    columns = {name: "VARCHAR" for name in ("rule", "message", "severity", "status", "reason")} | {"failures": "BIGINT"}
    return rows_table(columns, [(o.code, o.message, o.severity, o.status, o.reason, o.failures) for o in outcomes])


EXCEL_ROWS = 1_048_576  # the most rows a worksheet has in Excel: a longer list would not open


def not_run_text(not_run: Iterable[RuleOutcome]) -> str:
    """The rules that did not run, grouped by why: '8 rules need the Ofsted provider register ...: 219, 221'."""
    why: dict[str, list[str]] = {}
    for rule in not_run:
        why.setdefault(rule.reason or rule.status, []).append(rule.code)
    lines = []
    for reason in sorted(why):
        codes = sorted(why[reason], key=natural_key)
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
    outcomes = by_rule(validation.outcomes)
    summary = summary_table(outcomes)
    failures = validation.failure_table
    written = [folder / "validation_summary.csv", folder / "validation_errors.csv", folder / "validation_report.xlsx"]
    # The CSVs are written by DuckDB, which releases the GIL: in a thread of their own while the workbook is made.
    with ThreadPoolExecutor(1) as beside:
        csvs = [beside.submit(write_long_report_csv, *job) for job in ((summary, written[0]), (failures, written[1]))]
        _write_workbook(validation, written, outcomes, summary, authority, on, quarantined)
        for done in csvs:
            done.result()
    return written


def _write_workbook(
    validation: Validation,
    written: list[Path],
    outcomes: list[RuleOutcome],
    summary: pa.Table,
    authority: str,
    on: date | None,
    quarantined: QuarantinedChildren | None,
) -> None:
    """validation_report.xlsx (written[2]), and with the quarantined children their CSV, added to `written`."""
    failures = validation.failure_table
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
        ("rules run", sum(o.status == "run" for o in outcomes)),
        ("rules not run", sum(o.status != "run" for o in outcomes)),
        ("errors", validation.errors),
        ("queries", validation.queries),
        ("children with an error", validation.children_with_errors),
    ]
    listed = failures.slice(0, EXCEL_ROWS - 1)  # below the header row
    if listed.num_rows < failures.num_rows:
        shown = f"the first {listed.num_rows:,} of {failures.num_rows:,}: all in {written[1].name}"
        overview.append(("'By child' lists", shown))
    sheets = [_sheet("By rule", summary), _sheet("By child", listed)]
    if quarantined is not None:
        children = quarantined.by_child()
        written.append(written[2].parent / "quarantined_children.csv")
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


def _first_values(frame: pd.DataFrame | pa.Table, column: str, count: int = 200) -> list:
    """A column's first values that are not blank."""
    if isinstance(frame, pa.Table):
        return [v for v in frame[column].slice(0, count).to_pylist() if v is not None]
    import pandas as pd

    return [v for v in frame[column].head(count) if pd.notna(v)]


def _sheet(name: str, frame: pd.DataFrame | pa.Table) -> Sheet:
    """A list with its header row bold, frozen, filtered and printed at the top of every page, columns as wide as
    their first 200 values."""
    _, columns = frame_size(frame)
    widths = [min(max(max([len(c)] + [len(str(v)) for v in _first_values(frame, c)]) + 2, 8), 80) for c in columns]
    return Sheet(
        name=name,
        rows=[[Styled(c, "bold") for c in columns]],
        widths=widths,
        frozen_rows=1,
        filter_row=1,
        repeat_rows=1,
        frame=frame,
    )
