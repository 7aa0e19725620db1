"""Dates as integer day numbers (days since 1970-01-01), as the simulation and the table builders use them.

Whole numbers make the simulation's arithmetic cheap; the case-system tables turn them into dates only at the
end (`to_datetime64`). NONE stands for "no date" and FAR for "not yet".
"""

from __future__ import annotations

from datetime import date

import numpy as np

_EPOCH = date(1970, 1, 1).toordinal()
NONE = -(2**40)  # "no date"
FAR = 2**40  # "not yet": beyond any real date
YEAR = 365.25


def to_day(d: date) -> int:
    return d.toordinal() - _EPOCH


def to_date(day: int) -> date:
    return date.fromordinal(int(day) + _EPOCH)


def add_months(days, months, leap_to_march: bool = False) -> np.ndarray:
    """Add calendar months. A day past the target month's end clips to its last day (30 Nov + 3 months is
    28 Feb), or with leap_to_march rolls to the 1st of the next month (29 February birthdays: 1 March)."""
    d = np.asarray(days, dtype="int64").astype("datetime64[D]")
    month = d.astype("datetime64[M]")
    day_in_month = (d - month.astype("datetime64[D]")).astype("int64")
    target = month + np.asarray(months, dtype="int64")
    first = target.astype("datetime64[D]")
    length = ((target + 1).astype("datetime64[D]") - first).astype("int64")
    if leap_to_march:
        out = np.where(day_in_month < length, first + day_in_month, first + length)
    else:
        out = first + np.minimum(day_in_month, length - 1)
    return out.astype("int64")


def bday(dob: int, years: int) -> int:
    """The given birthday of a child born on day `dob` (29 February birthdays fall on 1 March)."""
    d = date.fromordinal(dob + _EPOCH)
    try:
        return d.replace(year=d.year + years).toordinal() - _EPOCH
    except ValueError:
        return date(d.year + years, 3, 1).toordinal() - _EPOCH


def dfe_eighteenth_birthday(dob: int) -> int:
    """The 18th birthday as DfE's rule 304 counts it: the date of birth plus 18 years, which for a child born
    on 29 February is 28 February (not 1 March, the day English law says they turn 18). UASC status ceases
    on it at the latest."""
    return int(add_months(np.array([dob]), 12 * 18)[0])


def birthdays(dob, years: int) -> np.ndarray:
    return add_months(dob, 12 * years, leap_to_march=True)


def add_20_working_days(days: np.ndarray) -> np.ndarray:
    """20 working days on (weekends skipped; bank holidays are not modelled)."""
    weekday = (np.asarray(days) + 3) % 7  # 1970-01-01 was a Thursday; Monday is 0
    return days + 28 - np.where(weekday == 5, 1, np.where(weekday == 6, 2, 0))


def to_datetime64(days) -> np.ndarray:
    arr = np.asarray(days, dtype="int64")
    out = arr.astype("datetime64[D]").astype("datetime64[ns]")
    out[arr == NONE] = np.datetime64("NaT")
    return out


# Days on which the 903's codes or collection change.
CUT_SUPPORTED = to_day(date(2023, 10, 28))  # supported accommodation reform: P2/H5 end, K3 begins
LAST_2024_25 = to_day(date(2025, 3, 31))  # last day of H5, Z1 and T4 (codes end with 2024/25)
FIRST_2025_26 = to_day(date(2025, 4, 1))  # first day of Z11-Z14
SW_REASON_FROM = to_day(date(2023, 4, 1))  # SW_REASON is collected for allocations ending from here
PREV_PERM_FROM = to_day(date(2016, 4, 1))  # previous permanence is recorded for periods starting from here
