"""The scorecard as an XLSX workbook, for analysts: the same figures as the HTML report, plus the children behind
them.

Sheets a person reads ('Summary', 'Not reported') open with a title block (authority, period, date made, data up
to); every sheet prints on A4 landscape fitted to the page's width, its header rows repeated on each page.

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
from orchestration.xlsx import Sheet, Styled, fitted_widths, write_xlsx

UNIT_STYLES = {"percent": "percent", "count": "integer"}
ARROW_WORDS = {"▲": "up", "▼": "down", "►": "same"}
NAME_WIDTH = 50  # the indicator's name wraps within this many characters rather than run under the next column


def _day(day: date) -> str:
    return f"{day:%d %B %Y}".lstrip("0")


def title_block(title: str, report: Report, la_name: str, made: date) -> list[list[object]]:
    """The rows a person reads first on a sheet: what it is, for whom, for when, made when, data up to when."""
    return [
        [Styled(title, "title")],
        [Styled(f"Authority: {la_name}", "subtitle")],
        [Styled(f"Period: month ending {_day(report.month_end)}", "subtitle")],
        [Styled(f"Made: {_day(made)}; data up to {report.data_up_to}", "subtitle")],
    ]


def _print_header(report: Report, la_name: str, made: date) -> str:
    return f"{la_name} Children in Care scorecard, month ending {_day(report.month_end)}; made {_day(made)}"


def _summary(report: Report, la_name: str, made: date) -> Sheet:
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
        *title_block(f"{la_name} Children in Care scorecard: summary", report, la_name, made),
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
                Styled(row.name, "wrap"),
                row.polarity or "–",
                row.period,
                figure(row.value, row.value_text if row.has_figures else row.no_figures_text, row.unit),
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
    header_row = len(rows) - len(report.rows)
    # Widths fit the figures and headers up to 18 characters; a longer header wraps, and its row is made tall
    # enough to hold it.
    widths = [
        max(width, max(len(word) for word in header.split()) + 2)  # a header wraps between words, never inside one
        for width, header in zip(fitted_widths(rows[header_row:], most=18), headers, strict=True)
    ]
    widths[2] = NAME_WIDTH
    return Sheet(
        "Summary",
        rows,
        widths,
        frozen_rows=header_row,
        frozen_columns=3,
        filter_row=header_row,
        repeat_rows=header_row,
        print_header=_print_header(report, la_name, made),
    )


def _table(name: str, frame: pd.DataFrame, widths: list[float], print_header: str) -> Sheet:
    """A data sheet for analysts: a bold header in row 1 (so it reads straight into pandas or a pivot table), one
    row per frame row, blanks for missing values, filters on; printed with the report's title at the top of
    every page and the header row repeated."""
    header = [[Styled(c, "bold") for c in frame.columns]]
    frame = frame.copy()
    for column in frame.columns:  # dates as Excel dates, written a column at a time
        known = frame[column].dropna()
        if len(known) and frame[column].dtype == object and all(isinstance(v, date) for v in known):
            frame[column] = pd.to_datetime(frame[column])
    return Sheet(
        name, header, widths, frozen_rows=1, filter_row=1, frame=frame, repeat_rows=1, print_header=print_header
    )


def _not_reported(report: Report, la_name: str, made: date) -> Sheet:
    title = title_block(f"{la_name} Children in Care scorecard: indicators not reported", report, la_name, made)
    headers = ["indicator_id", "theme", "name", "reason"]
    rows = [
        *title,
        [Styled(h, "header") for h in headers],
        *[
            [u["indicator_id"], u["theme"], Styled(u["name"], "wrap"), Styled(u["reason"], "wrap")]
            for u in report.unsupported
        ],
    ]
    return Sheet(
        "Not reported",
        rows,
        [12, 18, 50, 80],
        frozen_rows=len(title) + 1,
        filter_row=len(title) + 1,
        repeat_rows=len(title) + 1,
        print_header=_print_header(report, la_name, made),
    )


def write_workbook(path: Path, figures: ScorecardFigures, report: Report, la_name: str, made: date) -> None:
    header = _print_header(report, la_name, made)
    months_widths = [12, 12, 15, 16, 24, *[12] * (len(figures.months.columns) - 5)]
    write_xlsx(
        path,
        [
            _summary(report, la_name, made),
            _table("Indicator months", figures.months, months_widths, header),
            _table("Children counted", figures.children, [12, 12, 13, 15, 12, 13, 9, 10, 8, 16, 16, 16, 16], header),
            _not_reported(report, la_name, made),
        ],
    )
