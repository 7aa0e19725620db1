"""The Virtual School's extract: attendance, exclusions, SEN, attainment, PEPs, part-time timetables and
periods not in education, keyed by UPN, for school-age children in care.

A pupil appears for an academic year (September to August, written 2025/26) when they were in care during it,
were aged 5-15 on 1 September, and have a real UPN (not UN1-UN5). Rates follow Kent's
published figures (see calibration.py): persistent absence about 10-12%, suspensions for about 10% of pupils a year,
permanent exclusion about 0.4%, GCSE grade 4+ in English and maths about 14%. Everything is computed on arrays
of (period of care, academic year) rows, so 120k children take a few seconds.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from synthetic.health import NAT, age_in_years, as_days, periods_in_care

COLUMNS: dict[str, list[str]] = {
    "attendance": [
        "upn",
        "academic_year",
        "school_urn",
        "sessions_possible",
        "sessions_missed",
        "sessions_missed_unauthorised",
    ],
    "exclusions": ["upn", "exclusion_type", "start_date", "sessions"],
    "special_educational_needs": ["upn", "sen_provision", "start_date", "end_date"],
    "attainment": ["upn", "key_stage", "academic_year", "measure", "result"],
    "personal_education_plans": ["upn", "pep_date", "quality"],
    "part_time_timetables": ["upn", "start_date", "end_date", "hours_per_week"],
    "not_in_education": ["upn", "start_date", "end_date", "reason"],
}

REAL_UPN = r"^([A-HJ-NP-RT-Z]\d{12}|\d{11}[A-Z])$"
FULL_YEAR_SESSIONS = 380
# Absence: a child-level rate (beta) varied year to year; mean about 5.5%, a tail above 10%.
ABSENCE_BETA = (2.4, 46.0)
P_SUSPENSION = {"primary": 0.04, "secondary": 0.15}
P_PERMANENT = {"primary": 0.001, "secondary": 0.0062}
P_PART_TIME = {"primary": 0.02, "secondary": 0.05}
P_NOT_IN_EDUCATION = {"primary": 0.015, "secondary": 0.04}
P_PEP = 0.93
SEN_START = {"N": 0.56, "K": 0.23, "E": 0.21}
NIE_REASONS = (["AWAITING_PLACE", "EXCLUDED", "REFUSING", "MEDICAL", "OTHER"], [0.45, 0.1, 0.17, 0.1, 0.18])


def _academic_year_start(d: np.ndarray) -> np.ndarray:
    year = d.astype("M8[Y]").astype(np.int64) + 1970
    month = (d.astype("M8[M]") - d.astype("M8[Y]")).astype(np.int64) + 1
    return year - (month < 9)


def _date_in_year(year: np.ndarray, month_offset: int, day: int) -> np.ndarray:
    """The date `day` of the month `month_offset` months after September of academic year `year`."""
    sept = (year - 1970).astype("M8[Y]").astype("M8[M]") + 8
    return (sept + month_offset).astype("M8[D]") + (day - 1)


def _year_label(year: np.ndarray) -> np.ndarray:
    y = pd.Series(year, dtype=np.int64)
    return (y.astype(str) + "/" + ((y + 1) % 100).astype(str).str.zfill(2)).to_numpy(dtype=object)


def _uniform_date(rng: np.random.Generator, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    span = (hi - lo).astype(np.int64)
    return lo + np.floor(rng.random(len(lo)) * (span + 1)).astype(np.int64)


def _weekday_within(d: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Move a date to a school day (Monday-Friday) inside [lo, hi] where there is one."""
    fwd = np.busday_offset(d, 0, roll="forward")
    back = np.busday_offset(d, 0, roll="backward")
    return np.where(fwd <= hi, fwd, np.where(back >= lo, back, d))


def _choice(rng: np.random.Generator, codes, weights, n: int) -> np.ndarray:
    return np.asarray(codes, dtype=object)[rng.choice(len(codes), size=n, p=np.asarray(weights) / sum(weights))]


class _SchoolYears:
    """(period of care, academic year) rows for school-age pupils with a real UPN, as numpy arrays."""

    def __init__(self, children: pd.DataFrame, periods: pd.DataFrame, as_of: date):
        kids = children.reset_index(drop=True)
        upn = kids["upn"].astype("string").str.strip()
        kids = kids[upn.str.fullmatch(REAL_UPN, na=False) & kids["date_of_birth"].notna()].reset_index(drop=True)
        self.upn = kids["upn"].astype("string").str.strip().to_numpy(dtype=object)
        self.dob_child = as_days(kids["date_of_birth"])
        self.disabled_child = (kids.get("disability", pd.Series("N", index=kids.index)) == "Y").to_numpy()
        self.as_of = np.datetime64(as_of, "D")
        ci, start, end, _ = periods_in_care(kids, periods, self.as_of)

        y0 = _academic_year_start(start)
        count = _academic_year_start(end) - y0 + 1
        pi = np.repeat(np.arange(len(ci)), count)
        k = np.arange(len(pi)) - np.repeat(np.cumsum(count) - count, count)
        year = y0[pi] + k
        sep1 = _date_in_year(year, 0, 1)
        age = age_in_years(self.dob_child[ci[pi]], sep1)
        keep = (age >= 5) & (age <= 15)
        pi, year, sep1, age = pi[keep], year[keep], sep1[keep], age[keep]

        self.ci = ci[pi]
        self.year = year
        self.age = age
        self.secondary = age >= 11
        # The days of this academic year the child was in care (up to the load date).
        self.lo = np.maximum(start[pi], sep1)
        self.hi = np.minimum(end[pi], _date_in_year(year + 1, 0, 1) - 1)
        # School days: weekdays from early September to late July (term dates vary; holidays ignored).
        term_lo, term_hi = _date_in_year(year, 0, 3), _date_in_year(year, 10, 22)
        total = np.busday_count(term_lo, term_hi + 1)
        in_care = np.busday_count(np.maximum(self.lo, term_lo), np.maximum(np.minimum(self.hi, term_hi) + 1, term_lo))
        self.fraction = np.clip(in_care / total, 0.0, 1.0)
        self.school_lo = np.maximum(self.lo, term_lo)
        self.school_hi = np.minimum(self.hi, term_hi)

    def __len__(self) -> int:
        return len(self.ci)

    def p(self, rates: dict[str, float]) -> np.ndarray:
        """A yearly probability for each row, by phase, pro rata to the school days in care."""
        return np.where(self.secondary, rates["secondary"], rates["primary"]) * self.fraction


def _frame(upn: np.ndarray, entity: str, sort: list[str], **cols) -> pd.DataFrame:
    data = {"upn": upn}
    for name, values in cols.items():
        if isinstance(values, np.ndarray) and np.issubdtype(values.dtype, np.datetime64):
            values = values.astype("datetime64[ns]")
        data[name] = values
    df = pd.DataFrame(data)[COLUMNS[entity]]
    return df.sort_values(sort, kind="stable", ignore_index=True)


def _attendance(sy: _SchoolYears, rng: np.random.Generator, n_children: int) -> pd.DataFrame:
    # A pupil's absence is persistent from year to year; the year's rate varies around it.
    child_rate = rng.beta(*ABSENCE_BETA, n_children)
    rows = pd.DataFrame({"ci": sy.ci, "year": sy.year, "fraction": sy.fraction, "secondary": sy.secondary})
    cy = rows.groupby(["ci", "year"], sort=True, as_index=False).agg(
        fraction=("fraction", "sum"), secondary=("secondary", "max")
    )
    cy = cy[cy["fraction"] > 0]
    ci, year = cy["ci"].to_numpy(), cy["year"].to_numpy()
    n = len(cy)
    # A school's year is 380 sessions give or take a few; pro rata for part-years in care.
    possible = np.rint(FULL_YEAR_SESSIONS * rng.uniform(0.985, 1.015, n) * np.minimum(cy["fraction"], 1.0))
    possible = np.clip(possible, 0, 400).astype(np.int64)
    keep = possible > 0
    ci, year, possible, secondary = ci[keep], year[keep], possible[keep], cy["secondary"].to_numpy()[keep]
    rate = np.clip(child_rate[ci] * rng.lognormal(0.0, 0.3, len(ci)), 0.0, 0.9)
    missed = rng.binomial(possible, rate)
    unauthorised = rng.binomial(missed, rng.uniform(0.2, 0.5, len(ci)))

    # Each pupil has a primary and a secondary school; a few move school within a phase in a given year.
    primary_urns = rng.choice(np.arange(118000, 119999), 500, replace=False)
    secondary_urns = rng.choice(np.arange(136000, 149999), 120, replace=False)
    primary = primary_urns[rng.integers(0, 500, n_children)][ci]
    second = secondary_urns[rng.integers(0, 120, n_children)][ci]
    urn = np.where(secondary, second, primary)
    moved = rng.random(len(ci)) < 0.1
    urn = np.where(moved, np.where(secondary, secondary_urns[rng.integers(0, 120, len(ci))], urn), urn)
    urn_text = urn.astype(str).astype(object)
    urn_text[rng.random(len(ci)) < 0.02] = None  # not recorded

    return _frame(
        sy.upn[ci],
        "attendance",
        ["upn", "academic_year"],
        academic_year=_year_label(year),
        school_urn=urn_text,
        sessions_possible=pd.array(possible, dtype="Int64"),
        sessions_missed=pd.array(missed, dtype="Int64"),
        sessions_missed_unauthorised=pd.array(unauthorised, dtype="Int64"),
    )


def _exclusions(sy: _SchoolYears, rng: np.random.Generator):
    n = len(sy)
    hit = rng.random(n) < sy.p(P_SUSPENSION)
    count = np.where(hit, 1 + rng.poisson(0.7, n), 0)
    ri = np.repeat(np.arange(n), count)
    fixed_date = _weekday_within(
        _uniform_date(rng, sy.school_lo[ri], sy.school_hi[ri]), sy.school_lo[ri], sy.school_hi[ri]
    )
    # Mostly one to three days, sometimes a half day; two sessions a day.
    days = np.clip(1 + rng.poisson(1.0, len(ri)), 1, 15)
    sessions = np.where(rng.random(len(ri)) < 0.1, 1, 2 * days)

    perm = np.flatnonzero(rng.random(n) < sy.p(P_PERMANENT))
    perm_date = _weekday_within(
        _uniform_date(rng, sy.school_lo[perm], sy.school_hi[perm]), sy.school_lo[perm], sy.school_hi[perm]
    )
    valid = (fixed_date >= sy.school_lo[ri]) & (fixed_date <= sy.school_hi[ri])
    ri, fixed_date, sessions = ri[valid], fixed_date[valid], sessions[valid]
    pvalid = (perm_date >= sy.school_lo[perm]) & (perm_date <= sy.school_hi[perm])
    perm, perm_date = perm[pvalid], perm_date[pvalid]

    df = _frame(
        np.concatenate([sy.upn[sy.ci[ri]], sy.upn[sy.ci[perm]]]),
        "exclusions",
        ["upn", "start_date"],
        exclusion_type=np.array(["FIXED"] * len(ri) + ["PERMANENT"] * len(perm), dtype=object),
        start_date=np.concatenate([fixed_date, perm_date]),
        sessions=pd.array(np.concatenate([sessions, np.full(len(perm), -1)]), dtype="Int64"),
    )
    df.loc[df["exclusion_type"] == "PERMANENT", "sessions"] = pd.NA
    df = df.drop_duplicates(["upn", "start_date", "exclusion_type"], ignore_index=True)
    return df, perm, perm_date


def _sen(sy: _SchoolYears, rng: np.random.Generator, n_children: int):
    """SEN provision histories: a status when first seen (often set before care), and sometimes one change."""
    first = pd.DataFrame({"ci": sy.ci, "lo": sy.lo, "hi": sy.hi}).groupby("ci").agg(lo=("lo", "min"), hi=("hi", "max"))
    ci = first.index.to_numpy(dtype=np.int64)
    lo, hi = as_days(first["lo"]), as_days(first["hi"])
    n = len(ci)
    codes = np.array(["N", "K", "E"], dtype=object)
    p_start = np.array([SEN_START["N"], SEN_START["K"], SEN_START["E"]])
    disabled = sy.disabled_child[ci]
    start_status = np.where(
        disabled,
        codes[rng.choice(3, n, p=[0.15, 0.25, 0.6])],
        codes[rng.choice(3, n, p=p_start)],
    )
    # The status was usually set before the child came into care, but not before age 3.
    earliest = sy.dob_child[ci] + 3 * 365
    start = np.maximum(lo - rng.integers(0, 900, n), np.minimum(earliest, lo))

    changes = (rng.random(n) < 0.3) & ((hi - lo).astype(np.int64) > 120)
    change_date = _uniform_date(rng, lo + 60, np.maximum(hi, lo + 60))
    u = rng.random(n)
    next_status = np.select(
        [start_status == "N", start_status == "K"],
        [np.where(u < 0.8, "K", "E"), np.where(u < 0.55, "E", "N")],
        np.where(u < 0.7, "K", "N"),
    )
    changes &= change_date <= sy.as_of

    first_row = start_status != "N"
    first_end = np.where(changes, change_date - 1, NAT)
    sel = np.flatnonzero(changes)
    df = _frame(
        np.concatenate([sy.upn[ci[first_row]], sy.upn[ci[sel]]]),
        "special_educational_needs",
        ["upn", "start_date"],
        sen_provision=np.concatenate([start_status[first_row], next_status[sel]]).astype(object),
        start_date=np.concatenate([start[first_row], change_date[sel]]),
        end_date=np.concatenate([first_end[first_row], np.full(len(sel), NAT)]),
    )
    df = df.drop_duplicates(["upn", "start_date"], ignore_index=True)
    # The SEN status each child starts with shifts their attainment.
    status = np.full(n_children, "N", dtype=object)
    status[ci] = start_status
    return df, status


def _attainment(sy: _SchoolYears, rng: np.random.Generator, n_children: int, sen: np.ndarray) -> pd.DataFrame:
    ability = rng.normal(0.0, 1.0, n_children) - np.select([sen == "E", sen == "K"], [1.0, 0.45], 0.0)
    rows = pd.DataFrame({"ci": sy.ci, "year": sy.year, "age": sy.age}).drop_duplicates(["ci", "year"])
    ci, year, age = rows["ci"].to_numpy(), rows["year"].to_numpy(), rows["age"].to_numpy()
    # KS2 results come in July of Year 6 (age 10 on 1 September), KS4 in August of Year 11 (age 15).
    ks2 = (age == 10) & (_date_in_year(year, 10, 10) <= sy.as_of)
    ks4 = (age == 15) & (_date_in_year(year, 11, 24) <= sy.as_of)
    sat = rng.random(len(ci)) < 0.95
    ks2 &= sat
    ks4 &= sat

    c2 = ci[ks2]
    rwm = (ability[c2] + rng.normal(0.0, 0.5, len(c2))) > 0.2

    c4 = ci[ks4]
    w = ability[c4] + rng.normal(0.0, 0.4, len(c4))
    a8 = np.clip(np.round(24.0 + 12.0 * w + rng.normal(0.0, 3.0, len(c4)), 1), 0.0, 87.0)
    p8 = np.round(-0.9 + 0.9 * w + rng.normal(0.0, 0.5, len(c4)), 2) + 0.0  # + 0.0 turns -0.0 into 0.0
    grade4 = w > 0.85
    grade5 = w > 1.3

    def fmt(values, spec):
        return np.array([format(v, spec) for v in values], dtype=object)

    upn = np.concatenate([sy.upn[c2]] + [sy.upn[c4]] * 4)
    n4 = len(c4)
    df = _frame(
        upn,
        "attainment",
        ["upn", "academic_year", "measure"],
        key_stage=np.array(["KS2"] * len(c2) + ["KS4"] * (4 * n4), dtype=object),
        academic_year=np.concatenate([_year_label(year[ks2])] + [_year_label(year[ks4])] * 4),
        measure=np.array(
            ["RWM_EXPECTED"] * len(c2)
            + ["ATTAINMENT8"] * n4
            + ["PROGRESS8"] * n4
            + ["ENG_MATHS_GRADE4"] * n4
            + ["ENG_MATHS_GRADE5"] * n4,
            dtype=object,
        ),
        result=np.concatenate(
            [
                np.where(rwm, "1", "0").astype(object),
                fmt(a8, ".1f"),
                fmt(p8, ".2f"),
                np.where(grade4, "1", "0").astype(object),
                np.where(grade5, "1", "0").astype(object),
            ]
        ),
    )
    return df.drop_duplicates(["upn", "key_stage", "academic_year", "measure"], ignore_index=True)


def _peps(sy: _SchoolYears, rng: np.random.Generator) -> pd.DataFrame:
    # Termly: autumn (September to mid December), spring (January to March), summer (mid April to July).
    terms = [((0, 3), (3, 19)), ((4, 5), (6, 31)), ((7, 15), (10, 21))]
    parts = []
    for t, ((m0, d0), (m1, d1)) in enumerate(terms):
        t_lo = np.maximum(_date_in_year(sy.year, m0, d0), sy.lo)
        t_hi = np.minimum(_date_in_year(sy.year, m1, 1) + (d1 - 1), sy.hi)
        span = (t_hi - t_lo).astype(np.int64)
        # A child in care only briefly during a term often has no PEP that term.
        p = np.where(span >= 20, P_PEP, 0.5 * P_PEP)
        held = np.flatnonzero((span >= 0) & (rng.random(len(sy)) < p))
        when = _weekday_within(_uniform_date(rng, t_lo[held], t_hi[held]), t_lo[held], t_hi[held])
        parts.append(pd.DataFrame({"ci": sy.ci[held], "year": sy.year[held], "term": t, "pep_date": when}))
    peps = pd.concat(parts, ignore_index=True).drop_duplicates(["ci", "year", "term"])
    n = len(peps)
    quality = _choice(rng, ["GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE", None], [0.66, 0.26, 0.05, 0.03], n)
    df = _frame(
        sy.upn[peps["ci"].to_numpy()],
        "personal_education_plans",
        ["upn", "pep_date"],
        pep_date=peps["pep_date"].to_numpy(),
        quality=quality,
    )
    return df.drop_duplicates(["upn", "pep_date"], ignore_index=True)


def _spells(sy: _SchoolYears, rng: np.random.Generator, rates: dict[str, float], lo_days: int, hi_days: int):
    """Rows that start a spell in a year in care: (row index, start, end or NaT while it continues)."""
    ri = np.flatnonzero(rng.random(len(sy)) < sy.p(rates))
    start = _weekday_within(_uniform_date(rng, sy.school_lo[ri], sy.school_hi[ri]), sy.school_lo[ri], sy.school_hi[ri])
    end = start + rng.integers(lo_days, hi_days + 1, len(ri))
    end = np.where(end > sy.as_of, NAT, end)
    ok = start <= sy.as_of
    return ri[ok], start[ok], end[ok]


def education_tables(
    children: pd.DataFrame, periods: pd.DataFrame, rng: np.random.Generator, as_of: date
) -> dict[str, pd.DataFrame]:
    """The Virtual School's tables for `children` over their `periods` of care, as at `as_of`."""
    sy = _SchoolYears(children, periods, as_of)
    n_children = len(sy.upn)
    out: dict[str, pd.DataFrame] = {}
    out["attendance"] = _attendance(sy, rng, n_children)
    out["exclusions"], perm, perm_date = _exclusions(sy, rng)
    out["special_educational_needs"], sen = _sen(sy, rng, n_children)
    out["attainment"] = _attainment(sy, rng, n_children, sen)
    out["personal_education_plans"] = _peps(sy, rng)

    ri, start, end = _spells(sy, rng, P_PART_TIME, 14, 120)
    out["part_time_timetables"] = _frame(
        sy.upn[sy.ci[ri]],
        "part_time_timetables",
        ["upn", "start_date"],
        start_date=start,
        end_date=end,
        hours_per_week=pd.array(rng.integers(5, 26, len(ri)), dtype="Int64"),
    ).drop_duplicates(["upn", "start_date"], ignore_index=True)

    # Not in education: a few spells at random, and most permanent exclusions lead to one the next day.
    ri, start, end = _spells(sy, rng, P_NOT_IN_EDUCATION, 5, 150)
    after = rng.random(len(perm)) < 0.7
    pe = perm[after]
    pe_start = perm_date[after] + 1
    pe_end = pe_start + rng.integers(10, 90, len(pe))
    pe_end = np.where(pe_end > sy.as_of, NAT, pe_end)
    ok = pe_start <= sy.as_of
    out["not_in_education"] = _frame(
        np.concatenate([sy.upn[sy.ci[ri]], sy.upn[sy.ci[pe[ok]]]]),
        "not_in_education",
        ["upn", "start_date"],
        start_date=np.concatenate([start, pe_start[ok]]),
        end_date=np.concatenate([end, pe_end[ok]]),
        reason=np.concatenate([_choice(rng, *NIE_REASONS, len(ri)), np.full(ok.sum(), "EXCLUDED", dtype=object)]),
    ).drop_duplicates(["upn", "start_date"], ignore_index=True)
    return {name: out[name] for name in COLUMNS}
