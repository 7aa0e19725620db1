"""The validation report that goes with a return: a summary by rule and a list per child, as CSV and XLSX.

validation_summary.csv   every rule active in the year: code, DfE message, severity, run / not run (and why),
                         failures
validation_errors.csv    every failure: child, table, row, rule, message, severity, the offending values
validation_report.xlsx   both, one sheet each, for the returns officer
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from orchestration.ssda903.validation.runner import Validation


def write_reports(validation: Validation, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    summary = validation.summary().sort_values(["status", "failures", "rule"], ascending=[True, False, True])
    failures = validation.failures
    written = [folder / "validation_summary.csv", folder / "validation_errors.csv", folder / "validation_report.xlsx"]
    summary.to_csv(written[0], index=False, lineterminator="\n")
    failures.to_csv(written[1], index=False, lineterminator="\n")
    with pd.ExcelWriter(written[2], engine="openpyxl") as book:
        overview = pd.DataFrame(
            [
                ("collection year", validation.year.label),
                ("rules run", int((summary["status"] == "run").sum())),
                ("rules not run", int((summary["status"] != "run").sum())),
                ("errors", validation.errors),
                ("queries", validation.queries),
                ("children with an error", failures.loc[failures["severity"] == "error", "child"].nunique()),
            ],
            columns=["", "value"],
        )
        overview.to_excel(book, sheet_name="Overview", index=False)
        summary.to_excel(book, sheet_name="By rule", index=False)
        failures.to_excel(book, sheet_name="By child", index=False)
        for sheet in book.book.worksheets:
            for column in sheet.columns:
                width = max(len(str(c.value or "")) for c in column[:200])
                sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 80)
    return written
