"""The scorecard report (data/exports/scorecard/<yyyy-mm>/: HTML and XLSX) from the scorecard marts, over a
hand-made warehouse in the marts' contract: indicators of every unit (percent, count, rate per 10,000,
average, average days), 61 months including and excluding UASC, breakdowns every month, a month whose
denominator is 0, two indicators the data cannot support; and the Dagster asset materialising a month."""

from __future__ import annotations

import calendar
import math
import re
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import dagster as dg
import duckdb
import openpyxl
import pandas as pd
import pytest

from orchestration.resources import Warehouse
from orchestration.scorecard import report as asset_module
from orchestration.scorecard.figures import CHILD_COLUMNS, months_before
from orchestration.scorecard.report import SCORECARD_MONTHS, write_scorecard
from orchestration.xlsx import Sheet, Styled, write_xlsx

MONTH = date(2026, 10, 31)
MONTHS = [months_before(MONTH, n) for n in range(60, -1, -1)]  # the marts' 61 month ends
# id, theme, name, polarity, period, unit, amber band, breakdowns, target (None: no target)
INDICATORS = [
    ("C01", "Children", "CIC cases reviewed within required timescales", "H", "YTD", "percent", 2, "age_band;sex", 98),
    ("C04", "Children", "CIC per 10,000 population aged under 18", "", "SS", "rate_per_10000", None, "", None),
    ("C05", "Children", "CIC with a child protection plan", "", "SS", "count", None, "sex", None),
    ("C06", "Children", "Number of other local authority CIC placed here", "L", "SS", "count", None, "", None),
    ("E10", "Education", "No. of CIC on a part-time timetable", "L", "M", "count", None, "age_band", None),
    ("H06", "Health & Wellbeing", "SDQ average score", "L", "SS", "average", 1, "sex", 14),
    (
        "P01",
        "Placements",
        "CIC placement stability: 3 or more moves",
        "L",
        "YTD",
        "percent",
        1,
        "age_band;sex;placement_type;district",
        9,
    ),
    (
        "P04",
        "Placements",
        "% in foster care placed within 20 miles (exc. UASC)",
        "H",
        "SS",
        "percent",
        5,
        "placement_type",
        80,
    ),
    (
        "A02",
        "Adoption",
        "Ave days between becoming looked after and moving in with adopters",
        "L",
        "YTD",
        "average_days",
        60,
        "",
        426,
    ),
    ("A11", "Adoption", "% of sibling groups placed together", "H", "YTD", "percent", 3, "", 90),
    ("S03", "Staffing", "Ave caseloads of social workers in CIC teams", "L", "SS", "average", 1, "team", 15),
]
UNSUPPORTED = [
    (
        "L01",
        "Care Leavers",
        "Care leavers in suitable accommodation",
        "H",
        "A",
        "percent",
        "The care leaver contacts extract has no accommodation suitability for the last two years",
    ),
    (
        "H07",
        "Health & Wellbeing",
        "% of CIC with immunisations up to date",
        "H",
        "SS",
        "percent",
        "The health extract does not yet carry immunisation dates",
    ),
]
GROUPS = {
    "age_band": ["under 1", "1-4", "5-9", "10-15", "16+"],
    "sex": ["Male", "Female"],
    "placement_type": ["foster", "residential", "independent living", "other"],
    "district": ["Ashford", "Canterbury", "Dover", "Maidstone", "Thanet"],
    "team": ["CIC Team East", "CIC Team West", "CIC Team North"],
}
COMPARATORS = {"C01": (95.0, 94.1), "P01": (10.0, 10.8), "C04": (67.0, 59.2)}


def _counts(indicator: str, unit: str, m: int) -> tuple[float, float, float, float]:
    """Numerator and denominator for month index m, including and excluding UASC: smooth seasonal movement."""
    wave = math.sin(m / 5 + len(indicator))
    if unit == "percent":
        den = 150 + (m * 7) % 23
        share = {"C01": 0.965, "P01": 0.095, "P04": 0.78, "A11": 0.9}[indicator] + 0.02 * wave
        num = round(den * share)
        return num, den, num - round(12 * share) + 1, den - 12  # UASC do a little worse
    if unit == "rate_per_10000":
        num = 180 + (m * 5) % 17
        return num, 32600, num - 15, 32600
    if unit == "count":
        num = 12 + (m * 3) % 11
        return num, 0, max(num - 2, 0), 0
    if unit == "average":
        den = 60 + m % 9
        return round(den * (14.2 + wave)), den, round((den - 5) * (14.0 + wave)), den - 5
    den = 20 + m % 5  # average days: days from becoming looked after to placement with adopters
    return round(den * (450 + 40 * wave)), den, round((den - 1) * (455 + 40 * wave)), den - 1


def _value(unit: str, num: float, den: float) -> float | None:
    if unit == "count":
        return float(num)
    if not den:
        return None
    return num / den * (100 if unit == "percent" else 10000 if unit == "rate_per_10000" else 1)


def _split(total: float, parts: int, zero_first: bool) -> list[float]:
    """A total shared between groups, the first group empty when asked (a group with denominator 0)."""
    weights = [0 if zero_first and i == 0 else i + 1 for i in range(parts)]
    shares = [math.floor(total * w / sum(weights)) for w in weights]
    shares[-1] += total - sum(shares)
    return [float(s) for s in shares]


def _rag(polarity: str, unit: str, value: float | None, target: float | None, band: float | None) -> str | None:
    if unit == "count" or pd.isna(value) or pd.isna(target) or pd.isna(band):
        return None
    gap = (value - target) if polarity == "H" else (target - value)
    return "green" if gap >= 0 else "amber" if gap >= -band else "red"


def _travel(polarity: str, value: float | None, previous: float | None) -> str | None:
    if polarity not in {"H", "L"} or value is None or previous is None:
        return None
    if math.isclose(value, previous):
        return "same"
    return "improved" if (value > previous) == (polarity == "H") else "worse"


def indicator_months() -> pd.DataFrame:
    rows = []
    for ident, _theme, _name, polarity, _period, unit, band, breakdowns, target in INDICATORS:
        for m, month_end in enumerate(MONTHS):
            num, den, num_ex, den_ex = _counts(ident, unit, m)
            if ident == "A11" and month_end == MONTH:
                num, den, num_ex, den_ex = 0, 0, 0, 0  # no sibling group placed this year yet
            year_target = None if target is None else target + (0.5 if month_end.year >= 2025 else 0)
            cohorts = [("all", num, den)]
            if ident != "S03":  # staffing has no UASC cohort
                cohorts.append(("excluding_uasc", num_ex, den_ex))
            for cohort, n, d in cohorts:
                rows.append(
                    (ident, month_end, cohort, "all", "all", float(n), float(d), year_target, polarity, unit, band)
                )
                for breakdown in filter(None, breakdowns.split(";")):
                    groups = GROUPS[breakdown]
                    zero = breakdown == "age_band" and unit != "count"
                    for group, gn, gd in zip(
                        groups, _split(n, len(groups), zero), _split(d, len(groups), zero), strict=True
                    ):
                        rows.append(
                            (ident, month_end, cohort, breakdown, group, gn, gd, year_target, polarity, unit, band)
                        )
    frame = pd.DataFrame(
        rows,
        columns=[
            "indicator_id",
            "month_end",
            "cohort",
            "breakdown",
            "breakdown_value",
            "numerator",
            "denominator",
            "target",
            "polarity",
            "unit",
            "band",
        ],
    )
    frame["value"] = [
        _value(u, n, d) for u, n, d in zip(frame["unit"], frame["numerator"], frame["denominator"], strict=True)
    ]
    frame["value"] = frame["value"].astype(object).where(frame["value"].notna(), None)
    frame["rag"] = [
        _rag(*r)
        for r in zip(frame["polarity"], frame["unit"], frame["value"], frame["target"], frame["band"], strict=True)
    ]
    frame = frame.sort_values(["indicator_id", "cohort", "breakdown", "breakdown_value", "month_end"])
    keys = ["indicator_id", "cohort", "breakdown", "breakdown_value"]
    frame["previous_value"] = frame.groupby(keys)["value"].shift(1)
    frame["previous_quarter_value"] = frame.groupby(keys)["value"].shift(3)
    frame["direction_of_travel"] = [
        _travel(*r) for r in zip(frame["polarity"], frame["value"], frame["previous_value"], strict=True)
    ]
    headline = frame[(frame["cohort"] == "all") & (frame["breakdown"] == "all")]
    march = {(r.indicator_id, r.month_end): r.value for r in headline.itertuples() if r.month_end.month == 3}

    def outturn(ident: str, month_end: date) -> float | None:
        year = month_end.year if month_end.month >= 3 else month_end.year - 1
        return march.get((ident, date(year, 3, 31)))

    frame["outturn"] = [outturn(i, m) for i, m in zip(frame["indicator_id"], frame["month_end"], strict=True)]
    frame["england"] = [COMPARATORS.get(i, (None, None))[0] for i in frame["indicator_id"]]
    frame["statistical_neighbours"] = [COMPARATORS.get(i, (None, None))[1] for i in frame["indicator_id"]]
    return frame.drop(columns=["polarity", "unit", "band"]).reset_index(drop=True)


def children_counted(months: pd.DataFrame) -> pd.DataFrame:
    """The children behind each headline figure of the last two months, as many as its numerator and
    denominator say; the last children of each are UASC."""
    rows = []
    headline = months[
        (months["cohort"] == "all") & (months["breakdown"] == "all") & (months["month_end"] >= MONTHS[-2])
    ]
    for r in headline.itertuples():
        prefix = "POST-" if r.indicator_id == "S03" else ""
        # A rate's denominator is the population, not children counted one by one.
        people = bool(r.denominator) and r.indicator_id != "C04"
        size = int(r.denominator) if people else int(r.numerator)
        for k in range(size):
            in_numerator = k < int(r.numerator) if people else True
            contribution = (r.numerator / r.denominator) if people and r.numerator > r.denominator else 1.0
            rows.append(
                (
                    r.indicator_id,
                    r.month_end,
                    f"{prefix}{100001 + k}",
                    in_numerator,
                    bool(r.denominator),
                    contribution if in_numerator else 0.0,
                    1.0 if r.denominator else 0.0,
                    k >= size - 5,
                    GROUPS["age_band"][k % 5],
                    GROUPS["sex"][k % 2],
                    ["White", "Black", "Mixed"][k % 3],
                    GROUPS["district"][k % 5],
                    GROUPS["team"][k % 3],
                    GROUPS["placement_type"][k % 4],
                )
            )
    return pd.DataFrame(rows, columns=["indicator_id", "month_end", *CHILD_COLUMNS[1:]])  # as the mart holds them


PERIOD_WORDS = {
    "SS": "at the month end",
    "YTD": "from 1 April to the month end",
    "M": "in the month",
    "R12": "in the 12 months to the month end",
}


def catalogue() -> pd.DataFrame:
    rows = [
        (
            i,
            theme,
            name,
            f"Children counted in {name.lower()}",
            f"Children in care {PERIOD_WORDS[period]}",  # the period label is read from these words
            polarity,
            period,
            unit,
            band,
            breakdowns,
            True,
            None,
            "DfE: see the SSDA903 guidance" if i == "P01" else None,
            "workforce" if i == "S03" else "case_system",
        )
        for i, theme, name, polarity, period, unit, band, breakdowns, _ in INDICATORS
    ] + [
        (i, theme, name, "", "", polarity, period, unit, None, "", False, reason, None, "case_system")
        for i, theme, name, polarity, period, unit, reason in UNSUPPORTED
    ]
    return pd.DataFrame(
        rows,
        columns=[
            "indicator_id",
            "theme",
            "name",
            "numerator_definition",
            "denominator_definition",
            "polarity",
            "period_type",
            "unit",
            "rag_tolerance",
            "breakdowns",
            "supported",
            "unsupported_reason",
            "dfe_definition",
            "source",
        ],
    )


def make_warehouse(path: Path) -> pd.DataFrame:
    """The seed and the two marts as the contract describes them; returns the indicator months."""
    months = indicator_months()
    children = children_counted(months)
    seed = catalogue()
    with duckdb.connect(str(path)) as con:
        for schema in ("reference", "marts_scorecard"):
            con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        con.register("seed_frame", seed)
        con.execute("CREATE TABLE reference.scorecard_indicators AS SELECT * FROM seed_frame")
        con.register("months_frame", months)
        con.execute(
            "CREATE TABLE marts_scorecard.scorecard__indicator_months AS SELECT indicator_id, "
            "CAST(month_end AS DATE) AS month_end, cohort, breakdown, breakdown_value, numerator, denominator, "
            "CAST(value AS DOUBLE) AS value, CAST(target AS DOUBLE) AS target, rag, "
            "CAST(previous_value AS DOUBLE) AS previous_value, "
            "CAST(previous_quarter_value AS DOUBLE) AS previous_quarter_value, direction_of_travel, "
            "CAST(outturn AS DOUBLE) AS outturn, CAST(england AS DOUBLE) AS england, "
            "CAST(statistical_neighbours AS DOUBLE) AS statistical_neighbours, "
            "CAST(NULL AS VARCHAR) AS no_data_reason FROM months_frame"
        )
        con.register("children_frame", children)
        con.execute(
            "CREATE TABLE marts_scorecard.scorecard__children_counted AS SELECT * REPLACE "
            "(CAST(month_end AS DATE) AS month_end) FROM children_frame"
        )
    return months


@pytest.fixture
def warehouse(tmp_path) -> Path:
    path = tmp_path / "warehouse.duckdb"
    make_warehouse(path)
    return path


def _publish(warehouse: Path, folder: Path, month: date = MONTH):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return write_scorecard(con, month, folder, "Kent", made=date(2026, 11, 1))


def _sections(html: str) -> dict[str, str]:
    return dict(re.findall(r'<section id="([^"]+)"(.*?)</section>', html, flags=re.S))


def _summary_cells(html: str) -> dict[str, list[str]]:
    """Each summary row's cells as text, by indicator id."""
    summary = _sections(html)["summary"]
    rows = {}
    for row in re.findall(r"<tr>\s*<th scope=\"row\".*?</tr>", summary, flags=re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)
        text = [re.sub(r"\s+", " ", re.sub(r'<span class="sr-only">.*?</span>|<[^>]+>', "", c)).strip() for c in cells]
        rows[text[0].split()[0]] = text
    return rows


def _headline(months: pd.DataFrame, ident: str, month: date = MONTH) -> pd.Series:
    row = months[
        (months["indicator_id"] == ident)
        & (months["month_end"] == month)
        & (months["cohort"] == "all")
        & (months["breakdown"] == "all")
    ]
    return row.iloc[0]


def test_the_report_renders_every_indicator_with_no_missing_figure(tmp_path):
    months = make_warehouse(tmp_path / "warehouse.duckdb")
    published = _publish(tmp_path / "warehouse.duckdb", tmp_path / "exports" / "scorecard" / "2026-10")
    assert published.folder == tmp_path / "exports" / "scorecard" / "2026-10"
    assert sorted(p.name for p in published.folder.iterdir()) == [
        "scorecard_2026-10.html",
        "scorecard_2026-10.pdf",
        "scorecard_2026-10.xlsx",
    ]
    html = published.html.read_text(encoding="utf-8")
    assert not re.search(r"\b(None|nan|NaN|NaT|undefined)\b", html)
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")

    cells = _summary_cells(html)
    assert list(cells) == [i[0] for i in INDICATORS]  # in the documents' theme order
    for ident, _theme, _name, polarity, period, unit, _band, _breakdowns, target in INDICATORS:
        row = cells[ident]
        assert len(row) == 11 and all(row), (ident, row)  # every column says something
        headline = _headline(months, ident)
        assert row[1] == (polarity or "–") and row[2] == period
        if ident == "A11":  # the denominator is 0 this month: no result and no RAG, and the page says so
            assert row[3:5] == ["n/a", "–"] and row[6:8] == ["0", "0"]
            continue
        shown = {"percent": f"{headline.value:.1f}%", "count": f"{headline.value:,.0f}"}.get(
            unit, f"{headline.value:,.1f}"
        )
        assert row[3] == shown
        assert row[4] == {"green": "G", "amber": "A", "red": "R", None: "–"}[headline.rag]
        assert row[6] == f"{headline.numerator:,.0f}"
        assert row[7] == ("–" if unit == "count" else f"{headline.denominator:,.0f}")
        assert row[8] == (
            "–" if target is None else {"percent": f"{headline.target:.1f}%"}.get(unit, f"{headline.target:,.1f}")
        )
        quarter = _headline(months, ident, months_before(MONTH, 3)).value
        assert row[9] == {"percent": f"{quarter:.1f}%", "count": f"{quarter:,.0f}"}.get(unit, f"{quarter:,.1f}")
        march = _headline(months, ident, date(2026, 3, 31)).value
        assert row[10] == {"percent": f"{march:.1f}%", "count": f"{march:,.0f}"}.get(unit, f"{march:,.1f}")
        assert ("▲" in row[5] or "▼" in row[5] or "►" in row[5]) and (
            headline.direction_of_travel is None or headline.direction_of_travel in row[5]
        )

    sections = _sections(html)
    for ident, *_, breakdowns, _target in INDICATORS:
        page = sections[ident]
        charts = re.findall(r"<svg.*?</svg>", page, flags=re.S)
        expected = 3 + len(list(filter(None, breakdowns.split(";"))))  # trend, 12 months, breakdowns, difference
        if ident == "S03":
            expected -= 1  # no excluding-UASC cohort, so no difference to draw
        assert len(charts) == expected, ident
        assert all('role="img"' in c and "<title" in c and "<desc" in c for c in charts)
        assert "Children counted in" in page  # the definition from the catalogue
    # The five-year trend draws 61 months including and excluding UASC, with the target as a step line.
    trend = re.findall(r"<svg.*?</svg>", sections["P01"], flags=re.S)[0]
    lines = re.findall(r'<path d="([^"]+)" fill="none" stroke="(#[0-9A-F]+)"', trend)
    assert [(len(re.findall(r"[ML]", d)), colour) for d, colour in lines] == [
        (122, "#222222"),
        (61, "#0072B2"),
        (61, "#D55E00"),
    ]
    assert "Oct 21" in trend and "Oct 26" in trend and "Target" in trend and "Excluding UASC" in trend
    # A breakdown group with denominator 0 has no bar and says so; groups of fewer than 5 children (1-4: 2 of 22,
    # 5-9: 3 of 33, 10-15: 4 of 44) show 'c' and no bar, so only 16+ (8 of 57) is drawn.
    age = re.findall(r"<svg.*?</svg>", sections["P01"], flags=re.S)[3]
    assert "under 1" in age and "n/a (0/0)" in age and age.count("<rect") == 1
    assert "16+: 14.0% (8/57)" in age and all(f"{group}: c" in age for group in ("1-4", "5-9", "10-15"))
    assert "(2/22)" not in age and "(4/44)" not in age
    assert "no sibling" not in sections["A11"] and "n/a" in sections["A11"]

    unsupported = sections["unsupported"]
    for ident, _theme, name, *_, reason in UNSUPPORTED:
        assert ident in unsupported and name in unsupported and reason in unsupported
        assert f'id="{ident}"' not in html


def test_the_workbook_holds_the_summary_every_figure_drawn_and_the_children_counted(tmp_path, warehouse):
    months = indicator_months()
    published = _publish(warehouse, tmp_path / "2026-10")
    book = openpyxl.load_workbook(published.workbook)
    assert book.sheetnames == ["Summary", "Indicator months", "Children counted", "Not reported"]

    summary = list(book["Summary"].iter_rows(values_only=True))
    assert summary[0][0] == "Kent Children in Care scorecard: summary"
    assert [r[0] for r in summary[1:4]] == [
        "Authority: Kent",
        "Period: month ending 31 October 2026",
        "Made: 1 November 2026; data up to 31 October 2026",
    ]
    header_row = [r[0] for r in summary].index("Theme")
    header = summary[header_row]
    assert header[:10] == (
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
    )
    assert header[10:13] == ("Target 2026/27", "Jul 26 result", "2025/26 outturn result")
    by_id = {r[1]: r for r in summary[header_row + 1 :]}
    assert list(by_id) == [i[0] for i in INDICATORS]
    p01 = _headline(months, "P01")
    assert (
        by_id["P01"][5] == pytest.approx(p01.value)
        and by_id["P01"][6] == {"green": "G", "amber": "A", "red": "R"}[p01.rag]
    )
    assert by_id["P01"][8:10] == (p01.numerator, p01.denominator)
    assert by_id["A11"][5] == "n/a" and by_id["C05"][9] == "–"

    drawn = pd.DataFrame(list(book["Indicator months"].iter_rows(values_only=True))[1:])
    window = months[
        (months["month_end"] >= MONTHS[0]) & ((months["breakdown"] == "all") | (months["month_end"] == MONTH))
    ]
    assert len(drawn) == len(window)  # five years of headline figures and this month's breakdowns, nothing else

    counted = list(book["Children counted"].iter_rows(values_only=True))
    assert counted[0] == (
        "indicator_id",
        "child_id",
        "in_numerator",
        "in_denominator",
        "numerator",
        "denominator",
        "is_uasc",
        "age_band",
        "sex",
        "ethnicity_group",
        "district",
        "team",
        "placement_type",
    )
    expected = children_counted(months)
    assert len(counted) - 1 == (expected["month_end"] == MONTH).sum()
    p01_children = [r for r in counted[1:] if r[0] == "P01"]
    assert sum(r[2] for r in p01_children) == p01.numerator and sum(r[3] for r in p01_children) == p01.denominator
    not_reported = list(book["Not reported"].iter_rows(values_only=True))
    assert [r[0] for r in not_reported[not_reported.index(("indicator_id", "theme", "name", "reason")) + 1 :]] == [
        "H07",
        "L01",
    ]


def test_a_second_run_writes_byte_identical_files_and_archives_the_first(tmp_path, warehouse):
    folder = tmp_path / "scorecard" / "2026-10"
    first = {p.name: p.read_bytes() for p in _publish(warehouse, folder).folder.iterdir()}
    time.sleep(1.1)  # a second later, so any time of writing would show
    second = {p.name: p.read_bytes() for p in _publish(warehouse, folder).folder.iterdir()}
    assert first == second
    (archived,) = (tmp_path / "scorecard" / "archive").iterdir()
    assert archived.name.startswith("2026-10-") and {p.name: p.read_bytes() for p in archived.iterdir()} == first
    with zipfile.ZipFile(folder / "scorecard_2026-10.xlsx") as book:
        assert {info.date_time for info in book.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    assert not list(folder.parent.glob(".*partial"))


def test_an_earlier_month_is_its_own_report_with_the_history_the_warehouse_holds(tmp_path, warehouse):
    published = _publish(warehouse, tmp_path / "2024-03", date(2024, 3, 31))
    html = published.html.read_text(encoding="utf-8")
    assert "Month ending 31 March 2024" in html and "2023/24 outturn" in html.lower()
    trend = re.findall(r"<svg.*?</svg>", _sections(html)["C01"], flags=re.S)[0]
    assert "Mar 19" in trend  # the axis spans five years, of which the warehouse holds the last 29 months
    including = re.findall(r'<path d="([^"]+)" fill="none" stroke="#0072B2"', trend)[0]
    assert len(re.findall(r"[ML]", including)) == 30


def test_a_month_the_warehouse_does_not_hold_is_refused_and_nothing_is_written(tmp_path, warehouse):
    with pytest.raises(RuntimeError, match="holds no figures for the month ending 30 November 2026"):
        _publish(warehouse, tmp_path / "2026-11", date(2026, 11, 30))
    assert not (tmp_path / "2026-11").exists() and not list(tmp_path.glob(".*partial"))


def test_partitions_are_months_from_november_2021_to_the_last_complete_month():
    keys = SCORECARD_MONTHS.get_partition_keys(current_time=datetime(2026, 11, 27))
    assert keys[0] == "2021-11" and keys[-1] == "2026-10" and len(keys) == 60
    assert SCORECARD_MONTHS.get_partition_keys(current_time=datetime(2026, 10, 31, 23))[-1] == "2026-09"


def test_the_asset_publishes_a_month_with_its_rag_counts_and_a_link_to_the_report(tmp_path, warehouse, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("CLA_DATA_DIR", str(data))
    monkeypatch.setenv("CLA_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("CLA_LA_NAME", "Kent")
    result = dg.materialize(
        [asset_module.scorecard_report],
        partition_key="2026-10",
        resources={"warehouse": Warehouse(path=str(warehouse))},
    )
    assert result.success
    (materialization,) = result.asset_materializations_for_node("exports__scorecard_report")
    metadata = {k: v.value for k, v in materialization.metadata.items()}
    folder = data / "exports" / "scorecard" / "2026-10"
    assert metadata["path"] == str(folder) and metadata["report"] == (folder / "scorecard_2026-10.html").as_uri()
    assert metadata["indicators_rendered"] == len(INDICATORS) and metadata["indicators_without_figures"] == []
    assert metadata["indicators_not_supported"] == ["H07", "L01"]
    months = indicator_months()
    headline = months[(months["month_end"] == MONTH) & (months["cohort"] == "all") & (months["breakdown"] == "all")]
    expected = headline["rag"].fillna("none").value_counts().to_dict()
    assert metadata["rag_counts"] == {k: expected.get(k, 0) for k in ("green", "amber", "red", "none")}
    assert not any(re.search(r"\b1000\d\d\b", str(v)) for v in metadata.values())  # no child is named here
    assert (folder / "scorecard_2026-10.xlsx").exists()
    spec = asset_module.scorecard_report.get_asset_spec(asset_module.REPORT_KEY)
    assert {d.asset_key for d in spec.deps} == set(asset_module.SCORECARD_DEPS)
    assert spec.group_name == "scorecard"


def test_months_before_counts_back_to_month_ends():
    assert months_before(MONTH, 60) == date(2021, 10, 31)
    assert months_before(date(2024, 3, 31), 1) == date(2024, 2, calendar.monthrange(2024, 2)[1])


def test_the_workbook_writer_keeps_every_value_and_type_and_escapes_text(tmp_path):
    """Small sheets are written cell by cell, large tables column by column in DuckDB: both must give back
    the values as they were (text with markup characters, spaces and control characters, blanks, booleans,
    numbers, dates)."""
    frame = pd.DataFrame(
        {
            "text": ["a & b <c>", "  padded ", None, "tab\there\x01"],
            "flag": [True, False, None, True],
            "count": [1, 2, 3, 4],
            "figure": [0.1, float("nan"), 1e-05, 12345.678],
            "day": pd.to_datetime(["2026-10-31", None, "2021-11-30", "2000-02-29"]),
        }
    )
    cells = [["same & <row>", Styled(0.5, "percent"), Styled("G", "green"), date(2026, 10, 31), None, True]]
    path = tmp_path / "book.xlsx"
    write_xlsx(path, [Sheet("Cells", cells, [10]), Sheet("Table", [["header"]], frozen_rows=1, frame=frame)])
    book = openpyxl.load_workbook(path)
    row = [c.value for c in book["Cells"][1]]
    assert row[:4] == ["same & <row>", 0.5, "G", datetime(2026, 10, 31)] and row[5] is True
    assert book["Cells"]["B1"].number_format == '0.0"%"' and book["Cells"]["C1"].fill.fgColor.rgb == "FF009E73"
    table = list(book["Table"].iter_rows(values_only=True))
    assert table[0][0] == "header"
    assert table[1] == ("a & b <c>", True, 1, 0.1, datetime(2026, 10, 31))
    assert table[2] == ("  padded ", False, 2, None, None)
    assert table[3] == (None, None, 3, 1e-05, datetime(2021, 11, 30))
    assert table[4] == ("tab\there", True, 4, 12345.678, datetime(2000, 2, 29))


def test_an_indicator_without_figures_says_so_and_one_missing_from_the_catalogue_is_reported(tmp_path, warehouse):
    with duckdb.connect(str(warehouse)) as con:
        con.execute("DELETE FROM reference.scorecard_indicators WHERE indicator_id = 'C06'")
        con.execute(
            "DELETE FROM marts_scorecard.scorecard__indicator_months WHERE indicator_id = 'E10' AND month_end = ?",
            [MONTH],
        )
    published = _publish(warehouse, tmp_path / "2026-10")
    assert published.report.uncatalogued == ["C06"]
    html = published.html.read_text(encoding="utf-8")
    assert 'id="C06"' not in html
    # The source stopped: the last month it reaches is named, in the summary, on the page and in "data up to".
    assert _summary_cells(html)["E10"][3] == "no figures since September 2026"
    assert "holds no figures for this indicator for the month ending 31 October 2026" in _sections(html)["E10"]
    assert "no figures since September 2026, the last month its source reaches" in _sections(html)["E10"]
    with duckdb.connect(str(warehouse)) as con:
        con.execute("DELETE FROM marts_scorecard.scorecard__indicator_months WHERE indicator_id = 'E10'")
    html = _publish(warehouse, tmp_path / "2026-10").html.read_text(encoding="utf-8")
    assert _summary_cells(html)["E10"][3] == "no figures"  # none in five years: no month to name
