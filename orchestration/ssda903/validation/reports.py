"""The validation report that goes with a return: a summary by rule and a list per child, as CSV and XLSX.

validation_summary.csv   every rule active in the year: code, DfE message, severity, run / not run (and why),
                         failures
validation_errors.csv    every failure: child, table, row, rule, message, severity, the offending values
validation_report.xlsx   an overview, both lists, one sheet each, for the returns officer; the per-child sheet
                         holds the first XLSX_ROWS failures (the Overview says so when there are more) and the
                         CSV every one: more are not read by hand, and an England-size return's 130,000 took
                         a minute to write
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd

from orchestration.ssda903.validation.runner import Validation

XLSX_ROWS = 10_000  # openpyxl writes about 8,000 rows of failures a second


def write_reports(validation: Validation, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    summary = validation.summary().sort_values(["status", "failures", "rule"], ascending=[True, False, True])
    failures = validation.failures
    written = [folder / "validation_summary.csv", folder / "validation_errors.csv", folder / "validation_report.xlsx"]
    summary.to_csv(written[0], index=False, lineterminator="\n")
    failures.to_csv(written[1], index=False, lineterminator="\n")
    overview = [
        ("collection year", validation.year.label),
        ("rules run", int((summary["status"] == "run").sum())),
        ("rules not run", int((summary["status"] != "run").sum())),
        ("errors", validation.errors),
        ("queries", validation.queries),
        ("children with an error", failures.loc[failures["severity"] == "error", "child"].nunique()),
    ]
    if len(failures) > XLSX_ROWS:
        overview.append(
            (
                "'By child' shows",
                f"the first {XLSX_ROWS:,} of {len(failures):,} failures: every one is in {written[1].name}",
            )
        )
    book = openpyxl.Workbook(write_only=True)  # rows streamed to the file, not held as cell objects
    for name, frame in (
        ("Overview", pd.DataFrame(overview, columns=["", "value"])),
        ("By rule", summary),
        ("By child", failures.head(XLSX_ROWS)),
    ):
        _sheet(book, name, frame)
    book.save(written[2])
    return written


def _sheet(book: openpyxl.Workbook, name: str, frame: pd.DataFrame) -> None:
    sheet = book.create_sheet(name)
    rows = frame.astype(object).where(frame.notna(), None)
    for number, column in enumerate(rows.columns, start=1):
        width = max([len(str(column))] + [len(str(v)) for v in rows[column].head(200) if v is not None])
        sheet.column_dimensions[openpyxl.utils.get_column_letter(number)].width = min(max(width + 2, 8), 80)
    sheet.append(list(rows.columns))
    for record in rows.itertuples(index=False, name=None):
        sheet.append(list(record))
