"""The scorecard's figures for one report month, read from the scorecard marts and the indicator catalogue.

What the report shows: each indicator's result at the month's end with its RAG, target, previous quarter and
outturn; five years of monthly results including and excluding UASC (breakdown 'all'); and every breakdown at
the month's end. The children counted are read for the month only, by case-system id and the breakdown
groups (no date of birth, name or postcode is in the mart).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

import duckdb
import pandas as pd

from orchestration.ingest.sources import read_coverage

SCHEMA = "marts_scorecard"
INDICATOR_MONTHS = "scorecard__indicator_months"
CHILDREN_COUNTED = "scorecard__children_counted"
CATALOGUE = "reference.scorecard_indicators"
COMPARATORS = "reference.scorecard_comparators"
COMPARATOR_COLUMNS = ["indicator_id", "comparator", "year_ending", "value", "source_note"]

CATALOGUE_COLUMNS = [
    "indicator_id",
    "theme",
    "name",
    "numerator_definition",
    "denominator_definition",
    "polarity",
    "period_type",
    "unit",
    "breakdowns",
    "supported",
    "unsupported_reason",
    "dfe_definition",
    "source",
]
MONTH_COLUMNS = [
    "indicator_id",
    "month_end",
    "cohort",
    "breakdown",
    "breakdown_value",
    "numerator",
    "denominator",
    "value",
    "target",
    "rag",
    "previous_value",
    "previous_quarter_value",
    "direction_of_travel",
    "outturn",
    "england",
    "statistical_neighbours",
    "no_data_reason",
]
CHILD_COLUMNS = [
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
]
# The documents' order of themes; indicator ids begin with their theme's letter.
THEME_LETTERS = "CEHPALS"
TREND_MONTHS = 61  # five years of month ends up to and including the report month


@dataclass(frozen=True)
class ScorecardFigures:
    month_end: date
    catalogue: pd.DataFrame  # every indicator, supported or not, in report order
    months: pd.DataFrame  # breakdown 'all' for the trend months, and every breakdown at month_end
    children: pd.DataFrame  # the children counted at month_end
    data_up_to: dict[str, date | None] = field(default_factory=dict)  # source → how far its data reaches
    # each indicator's comparators (England, statistical neighbours, DfE outturn): the latest year on or before
    # the report month, with that year and where the figure comes from
    comparators: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=COMPARATOR_COLUMNS))


def month_end_of(partition_key: str) -> date:
    """'2026-10' → 31 October 2026."""
    year, month = (int(part) for part in partition_key.split("-")[:2])
    return date(year, month, calendar.monthrange(year, month)[1])


def months_before(month_end: date, months: int) -> date:
    """The month end `months` months before `month_end`."""
    index = month_end.year * 12 + month_end.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def _order(catalogue: pd.DataFrame) -> pd.DataFrame:
    def key(indicator_id: str) -> tuple[int, str]:
        letter = THEME_LETTERS.find(indicator_id[:1])
        return (letter if letter >= 0 else len(THEME_LETTERS), indicator_id)

    return catalogue.iloc[sorted(range(len(catalogue)), key=lambda i: key(catalogue["indicator_id"].iloc[i]))]


def _supported(value: object) -> bool:
    return str(value).strip().lower() in {"true", "t", "1", "yes", "y"}


def _columns(con: duckdb.DuckDBPyConnection, relation: str, wanted: list[str]) -> set[str]:
    """Fail with the missing columns named, not a binder error, when a mart is not what the report reads."""
    schema, table = relation.split(".")
    present = {
        r[0]
        for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?",
            [schema, table],
        ).fetchall()
    }
    if not present:
        raise RuntimeError(f"{relation} does not exist: build the scorecard seeds and marts (dbt) first")
    missing = [c for c in wanted if c not in present]
    if missing:
        raise RuntimeError(f"{relation} lacks the columns {', '.join(missing)} that the scorecard report reads")
    return present


def read_figures(con: duckdb.DuckDBPyConnection, month_end: date, la_code: str | None = None) -> ScorecardFigures:
    """The month's figures; where the marts carry la_code (one warehouse for several authorities), only
    `la_code`'s."""
    months_table, children_table = f"{SCHEMA}.{INDICATOR_MONTHS}", f"{SCHEMA}.{CHILDREN_COUNTED}"
    _columns(con, CATALOGUE, CATALOGUE_COLUMNS)
    filters = {}
    for relation, wanted in ((months_table, MONTH_COLUMNS), (children_table, CHILD_COLUMNS)):
        by_la = la_code is not None and "la_code" in _columns(con, relation, wanted)
        filters[relation] = ("la_code = ? AND ", [la_code]) if by_la else ("", [])
    where, la = filters[months_table]
    held = con.execute(f"SELECT min(month_end), max(month_end) FROM {months_table} WHERE {where}true", la).fetchone()
    if not con.execute(f"SELECT count(*) FROM {months_table} WHERE {where}month_end = ?", [*la, month_end]).fetchone()[
        0
    ]:
        raise RuntimeError(
            f"{months_table} holds no figures for the month ending {month_end:%d %B %Y} "
            f"(it holds {held[0]} to {held[1]}): choose a month in that range, or rebuild the marts"
        )
    catalogue = con.execute(f"SELECT {', '.join(CATALOGUE_COLUMNS)} FROM {CATALOGUE}").df()
    catalogue["supported"] = catalogue["supported"].map(_supported)
    catalogue = _order(catalogue).reset_index(drop=True)
    months = con.execute(
        f"SELECT {', '.join(MONTH_COLUMNS)} FROM {months_table} "
        f"WHERE {where}month_end BETWEEN ? AND ? AND (breakdown = 'all' OR month_end = ?) "
        "ORDER BY indicator_id, month_end, cohort, breakdown, breakdown_value",
        [*la, months_before(month_end, TREND_MONTHS - 1), month_end, month_end],
    ).df()
    months["month_end"] = pd.to_datetime(months["month_end"]).dt.date
    where, la = filters[children_table]
    children = con.execute(
        f"SELECT {', '.join(CHILD_COLUMNS)} FROM {children_table} WHERE {where}month_end = ? "
        "ORDER BY indicator_id, child_id",
        [*la, month_end],
    ).df()
    return ScorecardFigures(
        month_end=month_end,
        catalogue=catalogue,
        months=months,
        children=children,
        comparators=read_comparators(con, month_end),
        data_up_to=_data_up_to(con, la_code),
    )


def read_comparators(con: duckdb.DuckDBPyConnection, month_end: date) -> pd.DataFrame:
    """The latest comparator of each kind for each indicator whose year ended (31 March) by the report month."""
    schema, table = COMPARATORS.split(".")
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?", [schema, table]
    ).fetchone()[0]
    if not exists:
        return pd.DataFrame(columns=COMPARATOR_COLUMNS)
    last_year = month_end.year if month_end.month >= 4 else month_end.year - 1
    return con.execute(
        f"SELECT {', '.join(COMPARATOR_COLUMNS)} FROM {COMPARATORS} WHERE year_ending <= ? "
        "QUALIFY row_number() OVER (PARTITION BY indicator_id, comparator ORDER BY year_ending DESC) = 1 "
        "ORDER BY indicator_id, comparator",
        [last_year],
    ).df()


def _data_up_to(con: duckdb.DuckDBPyConnection, la_code: str | None) -> dict[str, date | None]:
    """How far each source reaches, as the last load recorded it (audit.sources); empty for a warehouse built
    without the ingest, or when no authority is named."""
    return {c.source: c.data_up_to for c in read_coverage(con, la_code)} if la_code else {}
