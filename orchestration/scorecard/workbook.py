"""The scorecard as an XLSX workbook, for analysts: the same figures as the HTML report, plus the children behind
them.

Sheets: 'Summary' (the documents' layout, as in the report), 'Indicator months' (every figure the report
draws: five years of monthly results including and excluding UASC, and each breakdown at the report month),
'Children counted' (each child counted in each indicator at the report month, by case-system id, whether in
the numerator and the denominator, and the groups the breakdowns use) and 'Not reported' (indicators the data
cannot support, with the reason). No date of birth, name or postcode.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from orchestration.scorecard.figures import ScorecardFigures, months_before
from orchestration.scorecard.pages import Report, month_label, outturn_label, target_label
from orchestration.xlsx import Sheet, Styled, write_xlsx

UNIT_STYLES = {"percent": "percent", "count": "integer"}
ARROW_WORDS = {"▲": "up", "▼": "down", "►": "same"}


def _summary(report: Report, la_name: str) -> Sheet:
    month_end = report.month_end
    headers = [
        "Theme",
        "Indicator id",
        "Indicator",
        "Polarity",
        "Data period",
        "Latest result",
        "RAG",
        "Direction of travel (since last month)",
        "Numerator",
        "Denominator",
        target_label(month_end),
        f"{month_label(months_before(month_end, 3))} result",
        f"{outturn_label(month_end).capitalize()} result",
        "England",
        "Statistical neighbours",
        "Unit",
    ]

    def figure(value: float | None, text: str, unit: str) -> Styled:
        if value is None:
            return Styled(text, "default")
        return Styled(value, UNIT_STYLES.get(unit, "decimal"))

    rows: list[list[object]] = [
        [Styled(f"{la_name} Children in Care scorecard: month ending {month_end:%d %B %Y}", "title")],
        [
            "'–' does not apply (no target, no earlier result, or a count, which has no denominator); 'n/a' the "
            "denominator is 0"
        ],
        [Styled(h, "header") for h in headers],
    ]
    for row in report.rows:
        rows.append(
            [
                row.theme,
                row.indicator_id,
                row.name,
                row.polarity or "–",
                row.period,
                figure(row.value, row.value_text if row.has_figures else (row.no_data or "no figures"), row.unit),
                Styled(row.rag_letter, row.rag) if row.rag else "–",
                row.travel or ARROW_WORDS.get(row.travel_arrow, "–"),
                figure(row.numerator, row.numerator_text, "count"),
                figure(row.denominator, row.denominator_text, "count"),
                figure(row.target, row.target_text, row.unit),
                figure(row.previous_quarter, row.previous_quarter_text, row.unit),
                figure(row.outturn, row.outturn_text, row.unit),
                figure(row.england, "–", row.unit),
                figure(row.statistical_neighbours, "–", row.unit),
                row.unit,
            ]
        )
    widths = [16, 10, 60, 9, 9, 11, 6, 14, 11, 12, 12, 12, 14, 10, 12, 14]
    return Sheet("Summary", rows, widths, frozen_rows=3, frozen_columns=3, filter_row=3)


def _table(name: str, frame: pd.DataFrame, widths: list[float]) -> Sheet:
    """A data sheet: a bold header, one row per frame row, blanks for missing values, filters on."""
    header = [[Styled(c, "bold") for c in frame.columns]]
    frame = frame.copy()
    for column in frame.columns:  # dates as Excel dates, written a column at a time
        known = frame[column].dropna()
        if len(known) and frame[column].dtype == object and all(isinstance(v, date) for v in known):
            frame[column] = pd.to_datetime(frame[column])
    return Sheet(name, header, widths, frozen_rows=1, filter_row=1, frame=frame)


def write_workbook(path: Path, figures: ScorecardFigures, report: Report, la_name: str) -> None:
    months_widths = [10, 12, 15, 15, 22, *[12] * (len(figures.months.columns) - 5)]
    unsupported = pd.DataFrame(report.unsupported, columns=["indicator_id", "theme", "name", "reason"])
    write_xlsx(
        path,
        [
            _summary(report, la_name),
            _table("Indicator months", figures.months, months_widths),
            _table("Children counted", figures.children, [10, 12, 12, 14, 11, 12, 9, 10, 8, 15, 16, 16, 16]),
            _table("Not reported", unsupported, [10, 16, 60, 80]),
        ],
    )
