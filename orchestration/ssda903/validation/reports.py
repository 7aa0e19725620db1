"""The validation report that goes with a return: a summary by rule and a list per child, as CSV and XLSX.

validation_summary.csv   every rule active in the year: code, DfE message, severity, run / not run (and why),
                         failures
validation_errors.csv    every failure: child, table, row, rule, message, severity, the offending values
validation_report.xlsx   an overview, both lists, one sheet each, for the returns officer (every failure: the
                         project's own XLSX writer writes an England-size return's 130,000 in a second or two)
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from orchestration.ssda903.validation.runner import Validation
from orchestration.xlsx import Sheet, Styled, write_xlsx


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
    write_xlsx(
        written[2],
        [
            Sheet("Overview", rows=[[None, Styled("value", "bold")], *overview], widths=[24, 12]),
            _sheet("By rule", summary),
            _sheet("By child", failures),
        ],
    )
    return written


def _sheet(name: str, frame: pd.DataFrame) -> Sheet:
    """A list with its header row bold, frozen and filtered, columns as wide as their first 200 values."""
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
        frame=frame,
    )
