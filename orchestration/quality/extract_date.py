"""The date the extracts are as at, read from what they hold rather than from the day they were loaded.

Extracts are taken at a month end and loaded some days or weeks later, so the load date alone cannot say which
month end they describe (a load on 7 December of October's extracts is not 'as at 30 November'). The extracts'
own dates say: the month end they are as at is the end of the last month in which the extracts, together,
record activity at close to their usual volume. A handful of rows dated later (keyed wrongly, or
extracted later) do not move it; the dataset checks report those. CLA_EXTRACT_DATE, when set, is used as given.
"""

from __future__ import annotations

import calendar
import os
from datetime import date

import duckdb

RECORD_DATES = "intermediate.int_quality__record_dates"
# A month holding at least this share of the median month's records (over the year before it) is a full month.
FULL_MONTH_SHARE = 0.25


def _month_end(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def extract_date(con: duckdb.DuckDBPyConnection, la_code: str, load_date: date) -> date:
    """The month end the extracts are as at: never after the month end before the load date."""
    configured = (os.environ.get("CLA_EXTRACT_DATE") or "").strip()
    if configured:
        return date.fromisoformat(configured)
    first_of_load_month = date(load_date.year, load_date.month, 1)
    latest_possible = _month_end(date.fromordinal(first_of_load_month.toordinal() - 1))
    counts = con.execute(
        f"SELECT date_trunc('month', record_date)::DATE AS month, count(*) FROM {RECORD_DATES} "
        "WHERE la_code = ? AND record_date <= ? GROUP BY 1 ORDER BY 1",
        [la_code, latest_possible],
    ).fetchall()
    if not counts:
        return latest_possible
    volumes = [n for _, n in counts]
    for index in range(len(counts) - 1, -1, -1):
        year_before = sorted(volumes[max(0, index - 12) : index]) or [volumes[index]]
        median = year_before[len(year_before) // 2]
        if volumes[index] >= FULL_MONTH_SHARE * median:
            return min(_month_end(counts[index][0]), latest_possible)
    return latest_possible
