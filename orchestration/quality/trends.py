"""The quality report's trends: each metric named in plain English, its months up to the extract's month (a
record dated after the extract must not draw a point in a month that has not happened), and a small line chart
with its axes, month labels and the threshold."""

from __future__ import annotations

from datetime import date

import pandas as pd

from orchestration.scorecard import charts  # the same hand-drawn SVG charts as the scorecard's

MONTHS_DRAWN = 24
METRIC_NAMES = {
    "care_leaver_status_not_known_17_18": "Care leavers aged 17-18 whose status is not known",
    "care_leaver_status_not_known_19_21": "Care leavers aged 19-21 whose status is not known",
    "health_records_unlinked": "Health records that link to no child",
    "education_records_unlinked": "Education records whose UPN matches no child",
    "school_age_children_without_education_record": "School-age children with no education record",
    "children_due_health_assessment_without_one": "Children due a health assessment without one",
    "dates_after_extract": "Records dated after the extract date",
    "children_recorded_twice": "Children recorded under two ids",
    "days_from_newest_record_to_extract_date": "Days from the newest record to the extract date",
    "implausible_age_at_period_start": "Implausible age at entering care",
    "implausible_age_at_sdq": "Implausible age at an SDQ",
    "implausible_missing_episode_days": "Implausibly long missing episodes",
    "implausible_placement_distance_miles": "Implausible distances from home to placement",
    "implausible_sdq_score": "Implausible SDQ scores",
    "rows_loaded": "Rows loaded",
    "rows_quarantined": "Rows quarantined",
}
SOURCE_NAMES = {"case_system": "Case system", "health": "Health", "education": "Education", "workforce": "Workforce"}


def metric_name(metric: str) -> str:
    return METRIC_NAMES.get(metric) or metric.replace("_", " ").capitalize()


def source_name(source: str) -> str:
    return SOURCE_NAMES.get(source) or source.replace("_", " ").capitalize()


def up_to(metrics: pd.DataFrame, extract_date: date) -> pd.DataFrame:
    """The metrics' months up to and including the extract's month. A metric measured per load (rows loaded,
    the extract's age) is dated by its load, after the extract's month: it keeps that one point."""
    months = pd.to_datetime(metrics["month_end"]).dt.date
    later = months > extract_date
    per_load = later.groupby([metrics["metric"], metrics["source"]]).transform("all")
    return metrics[~later | per_load]


def format_figure(value: float | None, share: bool) -> str:
    """A share as a percentage that never reads 0.0% when something failed (51 of 212,245 is 0.024%)."""
    if value is None or pd.isna(value):
        return "–"
    if not share:
        return f"{value:,.0f}"
    percent = 100 * value
    if 0 < percent < 0.1:
        return f"{percent:.2g}%"
    return f"{percent:.1f}%"


def trend_chart(
    ident: str, name: str, points: pd.DataFrame, threshold: float | None, share: bool, legend: str = ""
) -> str:
    """The last MONTHS_DRAWN months as a line, the threshold as a dotted line; axes labelled."""
    points = points.sort_values("month_end").tail(MONTHS_DRAWN)
    months = list(pd.to_datetime(points["month_end"]).dt.date)
    labels = [f"{m:%b %y}" for m in months]
    scale = 100 if share else 1
    values = [None if pd.isna(v) else float(v) * scale for v in points["value"]]
    target = [threshold * scale] * len(values) if threshold is not None and (threshold > 0 or not share) else None
    described = ", ".join(
        f"{label}: {format_figure(v / scale if v is not None else None, share)}"
        for label, v in list(zip(labels, values, strict=True))[-3:]
    )
    return charts.line_chart(
        ident,
        name,
        f"{name}, {labels[0]} to {labels[-1]}; the last three months {described}",
        labels,
        [charts.Series(legend or name, values)],
        target,
        (lambda t: f"{t:g}%") if share else (lambda t: f"{t:,g}"),
        "per cent" if share else "number",
        tick_every=6,
        width=460,
        height=210,
        target_name="Threshold",
    )
