"""What the report says about each indicator, worked out once for the HTML and the workbook: its summary row in
the documents' layout (polarity, period, latest result and RAG, numerator, denominator, target, previous
quarter, outturn), and its page (definition, five-year trend, last 12 months, breakdowns, difference
excluding UASC) with the charts drawn.

Every figure is text here, formatted by the indicator's unit; a figure that does not apply says why ('n/a'
where the denominator is 0, '–' where there is no target or earlier result) rather than being left blank.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from orchestration.scorecard import charts
from orchestration.scorecard.figures import TREND_MONTHS, ScorecardFigures, months_before
from orchestration.scorecard.suppression import SUPPRESSED, suppressed_groups
from orchestration.scorecard.titles import period_label

NOT_APPLICABLE = "–"
ZERO_DENOMINATOR = "n/a"
COMPARATOR_NAMES = {
    "england": "England",
    "statistical_neighbours": "Statistical neighbours",
    "dfe_outturn": "DfE published outturn",
}
POLARITIES = {
    "H": "High is good: the aim is the highest number or percentage possible",
    "L": "Low is good: the aim is the lowest number or percentage possible",
    "T": "Target: the aim is to stay close to the target set",
}
RAG_LETTERS = {"green": "G", "amber": "A", "red": "R"}
RAG_WORDS = {"green": "Green: target met", "amber": "Amber: close to target", "red": "Red: significantly away"}
TRAVEL_WORDS = {"improved": "improved", "same": "same", "worse": "worse"}
UNIT_AXIS = {
    "percent": "per cent",
    "count": "number",
    "rate_per_10000": "per 10,000 aged under 18",
    "average": "average",
    "average_days": "average days",
}
BREAKDOWN_NAMES = {
    "age_band": "Age band",
    "sex": "Sex",
    "ethnicity_group": "Ethnic group",
    "district": "District",
    "team": "Team",
    "placement_type": "Placement type",
}
# Groups in their natural order; others alphabetically, 'Not known' last.
GROUP_ORDER = {
    "age_band": ["under 1", "1-4", "5-9", "10-15", "16+"],
    "ethnicity_group": ["White", "Mixed", "Asian", "Black", "Other", "Not known"],
}


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT


def _float(value: object) -> float | None:
    return None if _missing(value) else float(value)


def format_value(value: float | None, unit: str) -> str | None:
    if value is None:
        return None
    if unit == "percent":
        return f"{value:.1f}%"
    if unit == "count":
        return f"{value:,.0f}"
    return f"{value:,.1f}"


def format_count(value: float | None) -> str | None:
    if value is None:
        return None
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def axis_format(unit: str) -> Callable[[float], str]:
    return (lambda t: f"{t:g}%") if unit == "percent" else (lambda t: f"{t:,g}")


def month_label(day: date) -> str:
    return f"{calendar.month_abbr[day.month]} {day.year % 100:02d}"


def outturn_label(month_end: date) -> str:
    """The outturn is the result at the latest 31 March on or before the month: '2025/26 outturn'."""
    year = month_end.year if month_end.month >= 3 else month_end.year - 1
    return f"{year - 1}/{year % 100:02d} outturn"


def target_label(month_end: date) -> str:
    start = month_end.year if month_end.month >= 4 else month_end.year - 1
    return f"Target {start}/{(start + 1) % 100:02d}"


@dataclass(frozen=True)
class SummaryRow:
    indicator_id: str
    theme: str
    name: str
    unit: str
    polarity: str  # H, L, T or '' (context only)
    period: str  # the documents' abbreviation: SS, YTD, R12, A, AC YTD, M
    has_figures: bool
    value: float | None = None
    value_text: str = NOT_APPLICABLE
    rag: str | None = None
    rag_letter: str = ""
    travel: str | None = None  # improved, same, worse, or None (no polarity, or no previous month)
    travel_arrow: str = ""  # ▲ ▼ ► : which way the figure moved since last month
    numerator: float | None = None
    numerator_text: str = NOT_APPLICABLE
    denominator: float | None = None
    denominator_text: str = NOT_APPLICABLE
    target: float | None = None
    target_text: str = NOT_APPLICABLE
    previous_quarter: float | None = None
    previous_quarter_text: str = NOT_APPLICABLE
    outturn: float | None = None
    outturn_text: str = NOT_APPLICABLE
    england: float | None = None
    statistical_neighbours: float | None = None
    no_data: str = ""  # why there is no figure: 'no data: health ends 2026-10-31' (a source does not reach the month)
    last_month_with_figures: date | None = None  # for a row without figures: when its source stopped

    @property
    def no_figures_text(self) -> str:
        if self.no_data:
            return self.no_data
        if self.last_month_with_figures is None:
            return "no figures"
        return f"no figures since {self.last_month_with_figures:%B %Y}"


@dataclass(frozen=True)
class Comparator:
    name: str  # England, Statistical neighbours, DfE published outturn
    value: str
    year: str  # the year the figure is for: '2013/14'
    source: str

    @property
    def text(self) -> str:
        return f"{self.name} {self.value} ({self.year}{'; ' + self.source if self.source else ''})"


@dataclass(frozen=True)
class Chart:
    title: str
    svg: str


@dataclass(frozen=True)
class IndicatorPage:
    row: SummaryRow
    definition: dict[str, str]  # label → text, in order
    trend: Chart | None = None
    last_12_months: Chart | None = None
    difference: Chart | None = None
    difference_note: str = ""
    breakdowns: list[Chart] = field(default_factory=list)
    comparators: list[Comparator] = field(default_factory=list)
    suppressed_groups: int = 0  # breakdown groups shown as 'c'


@dataclass(frozen=True)
class Report:
    month_end: date
    rows: list[SummaryRow]
    pages: list[IndicatorPage]
    unsupported: list[dict[str, str]]
    uncatalogued: list[str] = field(default_factory=list)  # indicators with figures but not in the catalogue
    # source → how far it reaches: as the load recorded it (audit.sources; None: not supplied), else the last
    # month end with figures
    sources_reach: dict[str, date | None] = field(default_factory=dict)

    @property
    def data_up_to(self) -> str:
        """'31 October 2026', or with the sources that stop earlier named: '31 October 2026 (workforce: 31 July
        2026)'."""
        day = f"{self.month_end:%d %B %Y}".lstrip("0")
        behind = [
            f"{source.replace('_', ' ')}: {reached:%d %B %Y}".replace(": 0", ": ")
            if reached
            else f"{source.replace('_', ' ')}: not supplied"
            for source, reached in sorted(self.sources_reach.items())
            if reached is None or reached < self.month_end
        ]
        return day + (f" ({'; '.join(behind)})" if behind else "")

    @property
    def rag_counts(self) -> dict[str, int]:
        counts = {"green": 0, "amber": 0, "red": 0, "none": 0}
        for row in self.rows:
            counts[row.rag or "none"] += 1
        return counts


def _text(value: object) -> str:
    return "" if _missing(value) else str(value).strip()


def _summary_row(indicator: pd.Series, latest: pd.Series | None, last_month: date | None = None) -> SummaryRow:
    unit = indicator["unit"]
    base = dict(
        indicator_id=indicator["indicator_id"],
        theme=_text(indicator["theme"]),
        name=_text(indicator["name"]),
        unit=unit,
        polarity=_text(indicator["polarity"]),
        period=period_label(indicator)[0],
    )
    if latest is None:
        return SummaryRow(**base, has_figures=False, last_month_with_figures=last_month)
    if reason := _text(latest["no_data_reason"]):
        return SummaryRow(**base, has_figures=False, no_data=reason, last_month_with_figures=last_month)
    value, previous = _float(latest["value"]), _float(latest["previous_value"])
    numerator, denominator = _float(latest["numerator"]), _float(latest["denominator"])
    ratio = unit != "count"
    rag = None if _missing(latest["rag"]) else str(latest["rag"])
    travel = None if _missing(latest["direction_of_travel"]) else str(latest["direction_of_travel"])
    arrow = ""
    if value is not None and previous is not None:
        # The mart judges 'same' (within its tolerance); the arrow then points sideways whatever the last digit.
        arrow = "►" if travel == "same" or value == previous else "▲" if value > previous else "▼"
    target, quarter, outturn = (_float(latest[c]) for c in ("target", "previous_quarter_value", "outturn"))
    return SummaryRow(
        **base,
        has_figures=True,
        value=value,
        value_text=format_value(value, unit) or (ZERO_DENOMINATOR if ratio and not denominator else NOT_APPLICABLE),
        rag=rag,
        rag_letter=RAG_LETTERS.get(rag or "", ""),
        travel=travel,
        travel_arrow=arrow,
        numerator=numerator,
        numerator_text=format_count(numerator) or NOT_APPLICABLE,
        denominator=denominator if ratio else None,
        denominator_text=(format_count(denominator) or NOT_APPLICABLE) if ratio else NOT_APPLICABLE,
        target=target,
        target_text=format_value(target, unit) or NOT_APPLICABLE,
        previous_quarter=quarter,
        previous_quarter_text=format_value(quarter, unit) or NOT_APPLICABLE,
        outturn=outturn,
        outturn_text=format_value(outturn, unit) or NOT_APPLICABLE,
        england=_float(latest["england"]),
        statistical_neighbours=_float(latest["statistical_neighbours"]),
    )


def _definition(indicator: pd.Series) -> dict[str, str]:
    polarity = _text(indicator["polarity"])
    parts = {
        "Numerator": _text(indicator["numerator_definition"]),
        "Denominator": _text(indicator["denominator_definition"]),
        "DfE definition": _text(indicator["dfe_definition"]),
        "Data period": period_label(indicator)[1],
        "Polarity": POLARITIES.get(polarity, "Context only: no polarity, target or RAG"),
        "Source": _text(indicator["source"]).replace("_", " "),
    }
    return {label: text for label, text in parts.items() if text}


def _describe(name: str, labels: list[str], values: list[float | None], unit: str) -> str:
    known = [(label, v) for label, v in zip(labels, values, strict=True) if v is not None]
    if not known:
        return f"{name}: no figures in these months."
    low, high = min(known, key=lambda p: p[1]), max(known, key=lambda p: p[1])
    return (
        f"{name} from {labels[0]} to {labels[-1]}: {format_value(known[0][1], unit)} in {known[0][0]}, "
        f"{format_value(known[-1][1], unit)} in {known[-1][0]}; lowest {format_value(low[1], unit)} "
        f"({low[0]}), highest {format_value(high[1], unit)} ({high[0]})."
    )


Trend = dict[tuple[str, date], tuple[float | None, float | None]]  # (cohort, month end) → (value, target)


def _trends(months: pd.DataFrame) -> dict[str, Trend]:
    """Each indicator's headline results (breakdown 'all') by cohort and month, read in one pass."""
    headline = months[months["breakdown"] == "all"]
    trends: dict[str, Trend] = {}
    columns = ("indicator_id", "cohort", "month_end", "value", "target")
    for ident, cohort, month_end, value, target in zip(*(headline[c] for c in columns), strict=True):
        trends.setdefault(ident, {})[(cohort, month_end)] = (_float(value), _float(target))
    return trends


def _series(trend: Trend, cohort: str, months: list[date], position: int = 0) -> list[float | None]:
    return [trend.get((cohort, m), (None, None))[position] for m in months]


def _group_key(breakdown: str, group: str) -> tuple[int, str]:
    order = GROUP_ORDER.get(breakdown, [])
    if group in order:
        return (order.index(group), group)
    return (len(order) + (1 if group.lower() in {"not known", "unknown"} else 0), group)


def _year_label(year_ending: object) -> str:
    """The year ending 31 March 2014 → '2013/14'."""
    year = int(float(year_ending))
    return f"{year - 1}/{year % 100:02d}"


def _comparators(row: SummaryRow, found: pd.DataFrame) -> list[Comparator]:
    """Each comparator with the year it is for and its source (the catalogue's note, without file references).
    Without a comparator seed, the mart's England and statistical-neighbour figures, year not recorded."""
    if len(found):
        kinds = list(COMPARATOR_NAMES) + sorted(set(found["comparator"]) - set(COMPARATOR_NAMES))
        by_kind = {c: r for c, r in zip(found["comparator"], found.itertuples(), strict=True)}
        return [
            Comparator(
                COMPARATOR_NAMES.get(kind, kind.replace("_", " ").capitalize()),
                format_value(_float(by_kind[kind].value), row.unit) or NOT_APPLICABLE,
                _year_label(by_kind[kind].year_ending),
                re.sub(r"\s*\([^)]*\.(csv|md)[^)]*\)", "", _text(by_kind[kind].source_note)),
            )
            for kind in kinds
            if kind in by_kind and _float(by_kind[kind].value) is not None
        ]
    return [
        Comparator(name, format_value(value, row.unit) or NOT_APPLICABLE, "year not recorded", "")
        for name, value in (("England", row.england), ("Statistical neighbours", row.statistical_neighbours))
        if value is not None
    ]


def _same_series(including: list[float | None], excluding: list[float | None]) -> bool:
    """True when excluding UASC changes nothing in any month: the indicator counts no UASC child (or already
    leaves them out), so a difference chart would only draw zeros."""
    pairs = [(i, e) for i, e in zip(including, excluding, strict=True) if i is not None or e is not None]
    return all(i is not None and e is not None and abs(i - e) < 1e-9 for i, e in pairs)


def _page(
    indicator: pd.Series,
    row: SummaryRow,
    trend: Trend,
    groups: pd.DataFrame,
    month_end: date,
    comparators: pd.DataFrame | None = None,
):
    ident = row.indicator_id.lower()
    unit = row.unit
    fmt = axis_format(unit)
    if not row.has_figures:
        return IndicatorPage(
            row=row,
            definition=_definition(indicator),
            comparators=_comparators(row, comparators if comparators is not None else pd.DataFrame()),
        )
    months = [months_before(month_end, n) for n in range(TREND_MONTHS - 1, -1, -1)]
    labels = [month_label(m) for m in months]
    including, excluding = _series(trend, "all", months), _series(trend, "excluding_uasc", months)
    targets = _series(trend, "all", months, position=1)
    lines = [charts.Series("Including UASC", including)]
    same = _same_series(including, excluding)
    if any(v is not None for v in excluding) and not same:
        lines.append(charts.Series("Excluding UASC", excluding, colour=charts.ORANGE, dashed=True, marker="square"))
    y_label = UNIT_AXIS.get(unit, unit)
    title = f"{row.indicator_id} {row.name}"
    trend_chart = Chart(
        f"Five-year trend ({labels[0]} to {labels[-1]})",
        charts.line_chart(
            f"{ident}-trend",
            f"{title}: five-year trend",
            _describe("Including UASC", labels, including, unit),
            labels,
            lines,
            targets,
            fmt,
            y_label,
            tick_every=12,
        ),
    )
    recent = slice(len(months) - 12, None)
    recent_lines = [charts.Series(s.name, list(s.values)[recent], s.colour, s.dashed, s.marker) for s in lines]
    last_12 = Chart(
        f"Last 12 months ({labels[recent][0]} to {labels[-1]})",
        charts.line_chart(
            f"{ident}-recent",
            f"{title}: last 12 months",
            _describe("Including UASC", labels[recent], including[recent], unit),
            labels[recent],
            recent_lines,
            targets[recent],
            fmt,
            y_label,
            value_labels=lambda v: format_value(v, unit) or "",
        ),
    )
    difference, note = None, ""
    gaps = [
        None if e is None or i is None else e - i for e, i in zip(excluding[recent], including[recent], strict=True)
    ]
    known = [g for g in gaps if g is not None]
    if same and any(v is not None for v in excluding):
        note = "Excluding UASC gives the same result in every month: no UASC child is counted in this indicator."
    elif known:
        points = "percentage points" if unit == "percent" else "difference"
        average = sum(known) / len(known)
        note = f"Average over the months shown: {average:+,.1f} {points}."
        difference = Chart(
            "Difference excluding UASC (excluding minus including)",
            charts.difference_chart(
                f"{ident}-uasc",
                f"{title}: difference excluding UASC",
                f"Excluding minus including UASC, {labels[recent][0]} to {labels[-1]}: {note}",
                labels[recent],
                gaps,
                lambda t: f"{t:,.1f}",
                points,
            ),
        )
    bars, suppressed = [], 0
    for breakdown in [b for b in BREAKDOWN_NAMES if b in set(groups["breakdown"])] + sorted(
        set(groups["breakdown"]) - set(BREAKDOWN_NAMES)
    ):
        rows = groups[groups["breakdown"] == breakdown]
        rows = rows.iloc[
            sorted(range(len(rows)), key=lambda i: _group_key(breakdown, str(rows["breakdown_value"].iloc[i])))
        ]
        names = [str(v) for v in rows["breakdown_value"]]
        values = [_float(v) for v in rows["value"]]
        numerators, denominators = [_float(v) for v in rows["numerator"]], [_float(v) for v in rows["denominator"]]
        hidden = suppressed_groups(unit, numerators, denominators)
        suppressed += sum(hidden)
        values = [None if h else v for v, h in zip(values, hidden, strict=True)]
        shown = []
        for value, numerator, denominator, h in zip(values, numerators, denominators, hidden, strict=True):
            if h:
                shown.append(SUPPRESSED)
            elif unit == "count":
                shown.append(format_value(value, unit) or NOT_APPLICABLE)
            else:
                figure = format_value(value, unit) or ZERO_DENOMINATOR
                shown.append(f"{figure} ({format_count(_float(numerator))}/{format_count(_float(denominator))})")
        label = BREAKDOWN_NAMES.get(breakdown, breakdown.replace("_", " ").capitalize())
        bars.append(
            Chart(
                f"By {label.lower()}, {month_end:%B %Y}",
                charts.bar_chart(
                    f"{ident}-{breakdown}",
                    f"{title} by {label.lower()}, {month_end:%B %Y}",
                    "; ".join(f"{n}: {s}" for n, s in zip(names, shown, strict=True)),
                    names,
                    values,
                    shown,
                    fmt,
                    y_label,
                    target=row.target,
                ),
            )
        )
    return IndicatorPage(
        row=row,
        definition=_definition(indicator),
        trend=trend_chart,
        last_12_months=last_12,
        difference=difference,
        difference_note=note,
        breakdowns=bars,
        comparators=_comparators(row, comparators if comparators is not None else pd.DataFrame()),
        suppressed_groups=suppressed,
    )


def build_report(figures: ScorecardFigures) -> Report:
    months = figures.months
    headline = months[(months["breakdown"] == "all") & (months["cohort"] == "all")]
    latest = headline[headline["month_end"] == figures.month_end].set_index("indicator_id")
    at_month = months[(months["month_end"] == figures.month_end) & (months["breakdown"] != "all")]
    groups_all = at_month[at_month["cohort"] == "all"]
    trend_by_id = _trends(months)
    groups_by_id = dict(tuple(groups_all.groupby("indicator_id")))
    empty = months.iloc[0:0]
    with_figures = headline[headline["value"].notna() | headline["numerator"].notna()]
    last_months = with_figures.groupby("indicator_id")["month_end"].max().to_dict()
    comparators_by_id = dict(tuple(figures.comparators.groupby("indicator_id")))
    rows, pages, unsupported = [], [], []
    for _, indicator in figures.catalogue.iterrows():
        if not indicator["supported"]:
            unsupported.append(
                {
                    "indicator_id": indicator["indicator_id"],
                    "theme": _text(indicator["theme"]),
                    "name": _text(indicator["name"]),
                    "reason": _text(indicator["unsupported_reason"]) or "Not given in the indicator catalogue",
                }
            )
            continue
        found = latest.loc[indicator["indicator_id"]] if indicator["indicator_id"] in latest.index else None
        row = _summary_row(indicator, found, last_months.get(indicator["indicator_id"]))
        rows.append(row)
        pages.append(
            _page(
                indicator,
                row,
                trend_by_id.get(indicator["indicator_id"], {}),
                groups_by_id.get(indicator["indicator_id"], empty),
                figures.month_end,
                comparators_by_id.get(indicator["indicator_id"]),
            )
        )
    uncatalogued = sorted(set(latest.index) - set(figures.catalogue["indicator_id"]))
    sources_reach: dict[str, date] = {}
    for ident, source in zip(figures.catalogue["indicator_id"], figures.catalogue["source"], strict=True):
        if _text(source) and ident in last_months:
            sources_reach[_text(source)] = max(sources_reach.get(_text(source), last_months[ident]), last_months[ident])
    return Report(
        month_end=figures.month_end,
        rows=rows,
        pages=pages,
        unsupported=unsupported,
        uncatalogued=uncatalogued,
        sources_reach=figures.data_up_to or sources_reach,
    )
