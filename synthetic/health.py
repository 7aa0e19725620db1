"""The children-in-care health team's extract: health assessments, dental checks, immunisations,
development checks, SDQs and substance misuse, for the children and periods of care already generated.

Rates are calibrated to Kent's published figures (see calibration.py): about 30% of initial health
assessments within 20 working days, about 89% of children looked after for 12 months with an up-to-date review
health assessment and dental check at 31 March, SDQ scored for about 76% (mean about 14.6, 41% at 17+),
substance misuse identified for about 12% of those aged 10 and over. Everything is vectorised over periods of care,
with at most one loop step per review round, so 120k children take a few seconds.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

COLUMNS: dict[str, list[str]] = {
    "health_assessments": [
        "child_id",
        "nhs_number",
        "assessment_type",
        "referred_date",
        "due_date",
        "completed_date",
    ],
    "dental_checks": ["child_id", "nhs_number", "check_date"],
    "immunisations": ["child_id", "nhs_number", "status_date", "up_to_date"],
    "development_checks": ["child_id", "nhs_number", "check_date", "up_to_date"],
    "sdq_assessments": ["child_id", "nhs_number", "assessment_date", "score", "reason_no_score"],
    "substance_misuse": [
        "child_id",
        "nhs_number",
        "identified_date",
        "intervention_offered",
        "intervention_received",
    ],
}

# Initial health assessment: due 20 working days after entry; Kent completed 29.5% in time.
IHA_WORKING_DAYS = 20
P_IHA_REFERRED_IN_5_DAYS = 0.29  # referral to the health team within 5 working days of entry (KP: 29.1%)
P_IHA_ON_TIME = 0.31
P_IHA_LATE = 0.63  # the rest are never completed (the child left, or the record is missing)
# Review health assessments: nearly all done by the due date, a few late or missed.
P_REVIEW_ON_TIME = 0.73
P_REVIEW_LATE = 0.14
P_NHS_ONLY = 0.10  # rows the health system holds under the NHS number alone
P_SDQ_SCORED = 0.80
SDQ_MEAN, SDQ_CHILD_SD, SDQ_ROW_SD = 14.6, 7.6, 3.0

# Date helpers the education extract (synthetic/education.py) shares: both work on numpy days (datetime64[D]).
NAT = np.datetime64("NaT", "D")


def as_days(values) -> np.ndarray:
    return np.asarray(values, dtype="datetime64[ns]").astype("datetime64[D]")


def age_in_years(dob: np.ndarray, at: np.ndarray) -> np.ndarray:
    """Whole years of age at `at` (both datetime64[D], no NaT)."""
    years = (at.astype("M8[Y]") - dob.astype("M8[Y]")).astype(np.int64)

    def month_day(d):
        month = (d.astype("M8[M]") - d.astype("M8[Y]")).astype(np.int64)
        day = (d - d.astype("M8[M]")).astype(np.int64)
        return month * 100 + day

    return years - (month_day(at) < month_day(dob))


def periods_in_care(kids: pd.DataFrame, periods: pd.DataFrame, as_of: np.datetime64):
    """The periods of care of the children in `kids` that had begun by `as_of`, in order of child and start, as
    arrays: (the child's position in `kids`, start, last day in care we can see, still open). The last day is the
    end, or `as_of` while the period is open. A period ending before it starts holds no care and is left out (it
    is the contract's problem)."""
    pos = pd.Series(np.arange(len(kids)), index=pd.Index(kids["child_id"]))
    pos = pos[~pos.index.duplicated()]
    p = periods[["child_id", "start_date", "end_date"]].copy()
    p["ci"] = p["child_id"].map(pos)
    p = p[p["ci"].notna() & p["start_date"].notna()]
    p = p[as_days(p["start_date"]) <= as_of].sort_values(["ci", "start_date"], kind="stable")
    ci = p["ci"].to_numpy(dtype=np.int64)
    start = as_days(p["start_date"])
    end = as_days(p["end_date"])
    still_open = np.isnat(end) | (end > as_of)
    end = np.where(still_open, as_of, end)
    ok = end >= start
    return ci[ok], start[ok], end[ok], still_open[ok]


def _uniform_days(rng: np.random.Generator, lo, hi) -> np.ndarray:
    """A whole number of days in [lo, hi] inclusive, elementwise."""
    lo = np.asarray(lo, dtype=np.int64)
    hi = np.asarray(hi, dtype=np.int64)
    return lo + np.floor(rng.random(np.broadcast(lo, hi).shape) * (hi - lo + 1)).astype(np.int64)


class _Care:
    """Periods of care joined to the child's identifiers, as numpy arrays (one element per period)."""

    def __init__(self, children: pd.DataFrame, periods: pd.DataFrame, as_of: date):
        kids = children.reset_index(drop=True)
        kids = kids[kids["date_of_birth"].notna()].reset_index(drop=True)
        self.child_id = kids["child_id"].to_numpy(dtype=object)
        nhs = kids["nhs_number"] if "nhs_number" in kids else pd.Series([None] * len(kids))
        self.nhs = nhs.astype(object).where(nhs.notna(), None).to_numpy(dtype=object)
        self.dob_child = as_days(kids["date_of_birth"])
        self.disabled_child = (kids.get("disability", pd.Series("N", index=kids.index)) == "Y").to_numpy()
        self.uasc_child = (kids.get("uasc", pd.Series("N", index=kids.index)) == "Y").to_numpy()
        self.as_of = np.datetime64(as_of, "D")
        self.ci, self.start, self.end, self.open = periods_in_care(kids, periods, self.as_of)
        self.dob = self.dob_child[self.ci]

    def __len__(self) -> int:
        return len(self.ci)

    def yearly(self, rng: np.random.Generator, first: np.ndarray, jitter: int):
        """Roughly annual dates from `first` while in care: (period index, date)."""
        span = (self.end - first).astype(np.int64)
        count = np.where(span >= 0, span // 365 + 2, 0)
        idx = np.repeat(np.arange(len(self)), count)
        k = np.arange(len(idx)) - np.repeat(np.cumsum(count) - count, count)
        when = first[idx] + 365 * k + _uniform_days(rng, np.full(len(idx), -jitter), jitter)
        keep = (when >= self.start[idx]) & (when <= self.end[idx])
        return idx[keep], when[keep]

    def annual(self, rng: np.random.Generator, first: np.ndarray, early: int):
        """Dates from `first` while in care, each due a year after the one before and done on the due date or up
        to `early` days before it, so no collection year in care passes without one: (period index, date)."""
        span = (self.end - first).astype(np.int64)
        count = np.where(span >= 0, span // (365 - early) + 2, 0)
        idx = np.repeat(np.arange(len(self)), count)
        k = np.arange(len(idx)) - np.repeat(np.cumsum(count) - count, count)
        step = np.where(k == 0, 0, 365 - _uniform_days(rng, np.zeros(len(idx)), early))
        group_start = np.repeat(np.cumsum(count) - count, count)
        offset = np.cumsum(step) - np.cumsum(step)[group_start] + step[group_start]
        when = first[idx] + offset
        keep = (when >= self.start[idx]) & (when <= self.end[idx])
        return idx[keep], when[keep]

    def frame(self, rng: np.random.Generator, entity: str, ci: np.ndarray, dates: str, **cols) -> pd.DataFrame:
        """Rows for children `ci`, keyed by child id and NHS number; a few by the NHS number alone."""
        nhs = self.nhs[ci]
        child_id = self.child_id[ci].copy()
        nhs_only = (rng.random(len(ci)) < P_NHS_ONLY) & pd.notna(nhs)
        child_id[nhs_only] = None
        data = {"child_id": child_id, "nhs_number": nhs}
        for name, values in cols.items():
            if np.issubdtype(np.asarray(values).dtype, np.datetime64):
                values = pd.Series(np.asarray(values).astype("datetime64[ns]"))
            data[name] = values
        df = pd.DataFrame(data)
        df = df.iloc[np.lexsort((df[dates].to_numpy(), ci))].reset_index(drop=True)
        return df[COLUMNS[entity]]


def _health_assessments(care: _Care, rng: np.random.Generator):
    n = len(care)
    as_of = care.as_of
    # Initial: due 20 working days after entry; referred within 5 working days for about 30% (Kent's 29.1%,
    # the scorecard's H03), the rest one to three weeks late.
    prompt = rng.random(n) < P_IHA_REFERRED_IN_5_DAYS
    lag = np.where(prompt, rng.integers(0, 5, n), rng.integers(8, 21, n))
    referred = np.minimum(care.start + lag, as_of)
    due = np.busday_offset(care.start, IHA_WORKING_DAYS, roll="forward")  # weekdays; bank holidays ignored
    u = rng.random(n)
    on_time = referred + _uniform_days(rng, 0, (due - referred).astype(np.int64))
    late = due + 1 + np.floor(rng.gamma(1.6, 18.0, n)).astype(np.int64)
    completed = np.where(u < P_IHA_ON_TIME, on_time, np.where(u < P_IHA_ON_TIME + P_IHA_LATE, late, NAT))
    # Not done after the child left care, and not yet done if it would be after the load date.
    completed = np.where((completed > care.end) | (completed > as_of), NAT, completed)

    parts = [(np.arange(n), np.full(n, "INITIAL"), referred, due, completed)]

    # Reviews: 12 months after the last assessment (6 months for under-5s) while in care, plus the next one
    # due for children still in care. A missed review's successor is due a full interval after it.
    anchor = np.where(np.isnat(completed), due, completed)
    active = np.ones(n, dtype=bool)
    for _ in range(40):
        idx = np.flatnonzero(active)
        if not len(idx):
            break
        a = anchor[idx]
        interval = np.where(age_in_years(care.dob[idx], a) < 5, 183, 365)
        due_k = a + interval
        in_care = due_k <= care.end[idx]
        future = care.open[idx] & (due_k > as_of)
        adult = age_in_years(care.dob[idx], due_k) >= 18
        emit = (in_care | future) & ~adult
        m = len(idx)
        u = rng.random(m)
        early = due_k - _uniform_days(rng, 0, np.full(m, 27))
        late = due_k + 1 + np.floor(rng.gamma(1.4, 22.0, m)).astype(np.int64)
        done = np.where(u < P_REVIEW_ON_TIME, early, np.where(u < P_REVIEW_ON_TIME + P_REVIEW_LATE, late, NAT))
        done = np.where((done > care.end[idx]) | (done > as_of), NAT, done)
        ref = due_k - _uniform_days(rng, np.full(m, 28), 56)
        ref = np.where(ref > as_of, NAT, ref)
        sel = idx[emit]
        parts.append((sel, np.full(len(sel), "REVIEW"), ref[emit], due_k[emit], done[emit]))
        anchor[idx] = np.where(np.isnat(done), due_k, done)
        active[idx] = emit & in_care & ~future

    pi = np.concatenate([p[0] for p in parts])
    kind = np.concatenate([p[1] for p in parts])
    referred = np.concatenate([p[2] for p in parts])
    due = np.concatenate([p[3] for p in parts])
    completed = np.concatenate([p[4] for p in parts])
    return pi, kind, referred, due, completed


def _sdq_scores(rng: np.random.Generator, n_children: int, ci: np.ndarray) -> np.ndarray:
    # A child's scores are correlated year to year: a child-level mean plus a little yearly noise.
    child_mean = rng.normal(SDQ_MEAN, SDQ_CHILD_SD, n_children)
    raw = child_mean[ci] + rng.normal(0.0, SDQ_ROW_SD, len(ci))
    return np.clip(np.rint(raw), 0, 40).astype(np.int64)


def health_tables(
    children: pd.DataFrame, periods: pd.DataFrame, rng: np.random.Generator, as_of: date
) -> dict[str, pd.DataFrame]:
    """The health extract's tables for `children` over their `periods` of care, as at `as_of`."""
    care = _Care(children, periods, as_of)
    n_children = len(care.child_id)
    out: dict[str, pd.DataFrame] = {}

    pi, kind, referred, due, completed = _health_assessments(care, rng)
    out["health_assessments"] = care.frame(
        rng,
        "health_assessments",
        care.ci[pi],
        "due_date",
        assessment_type=kind,
        referred_date=referred,
        due_date=due,
        completed_date=completed,
    )

    # Immunisation status is reviewed at each completed health assessment. Some children (often UASC) arrive
    # with an unknown history and are caught up over the following assessments; a few never are.
    done = ~np.isnat(completed)
    im_pi, im_date, im_initial = pi[done], completed[done], kind[done] == "INITIAL"
    im_ci = care.ci[im_pi]
    never = rng.random(n_children) < 0.04
    p_up = np.where(im_initial, np.where(care.uasc_child[im_ci], 0.35, 0.75), 0.94)
    up = (rng.random(len(im_ci)) < p_up) & ~never[im_ci]
    imm = care.frame(rng, "immunisations", im_ci, "status_date", status_date=im_date, up_to_date=np.where(up, "Y", "N"))
    out["immunisations"] = imm.drop_duplicates(["child_id", "nhs_number", "status_date"], ignore_index=True)

    # Development checks: health visitors' checks of under-5s, alongside their health assessments.
    dev_date = np.minimum(im_date + _uniform_days(rng, 0, np.full(len(im_date), 10)), care.as_of)
    under5 = age_in_years(care.dob[im_pi], dev_date) < 5
    dev_ci = im_ci[under5]
    dev = care.frame(
        rng,
        "development_checks",
        dev_ci,
        "check_date",
        check_date=dev_date[under5],
        up_to_date=np.where(rng.random(len(dev_ci)) < 0.9, "Y", "N"),
    )
    out["development_checks"] = dev.drop_duplicates(["child_id", "nhs_number", "check_date"], ignore_index=True)

    # Dental checks: yearly from a few months after entry, for children over 1. A child-level propensity
    # makes missing a check cluster in the same children, as it does in practice.
    first = care.start + _uniform_days(rng, np.full(len(care), 14), 120)
    d_pi, d_date = care.yearly(rng, first, jitter=40)
    propensity = rng.beta(14.0, 1.0, n_children)
    d_ci = care.ci[d_pi]
    keep = (age_in_years(care.dob[d_pi], d_date) >= 1) & (rng.random(len(d_pi)) < propensity[d_ci])
    dental = care.frame(rng, "dental_checks", d_ci[keep], "check_date", check_date=d_date[keep])
    out["dental_checks"] = dental.drop_duplicates(ignore_index=True)

    # SDQ: yearly questionnaire for ages 4-16, each due within 12 months of the last (so every child looked
    # after for the whole year has one in it, rule 186); outside that range the health team records SDQ1 at the
    # yearly date, for a 3-year-old about to be due and a 17-year-old past it (the 903 wants a score or a
    # reason for children turning 4 or 17 in the year, rule 197B). Younger and older children have no row.
    first = care.start + _uniform_days(rng, np.full(len(care), 30), 240)
    s_pi, s_date = care.annual(rng, first, early=60)
    s_ci = care.ci[s_pi]
    age = age_in_years(care.dob[s_pi], s_date)
    in_range = (age >= 4) & (age <= 16)
    keep = (age >= 3) & (age <= 17)
    s_ci, s_date, age, in_range = s_ci[keep], s_date[keep], age[keep], in_range[keep]
    disabled = care.disabled_child[s_ci]
    scored = in_range & (rng.random(len(s_ci)) < np.where(disabled, 0.6, P_SDQ_SCORED))
    reasons = np.array(["SDQ2", "SDQ3", "SDQ4", "SDQ5"])
    # Disability makes SDQ3 likely; only older children refuse for themselves (SDQ5).
    w = np.column_stack(
        [
            np.full(len(s_ci), 0.3),
            np.where(disabled, 1.5, 0.05),
            np.full(len(s_ci), 0.4),
            np.where(age >= 11, 0.45, 0.0),
        ]
    )
    pick = (rng.random(len(s_ci))[:, None] * w.sum(axis=1)[:, None] > np.cumsum(w, axis=1)).sum(axis=1)
    reason = np.where(in_range, reasons[np.minimum(pick, 3)], "SDQ1")
    score = pd.array(_sdq_scores(rng, n_children, s_ci), dtype="Int64")
    score[~scored] = pd.NA
    sdq = care.frame(
        rng,
        "sdq_assessments",
        s_ci,
        "assessment_date",
        assessment_date=s_date,
        score=score,
        reason_no_score=np.where(scored, None, reason),
    )
    out["sdq_assessments"] = sdq.drop_duplicates(["child_id", "nhs_number", "assessment_date"], ignore_index=True)

    # Substance misuse: one chance a year in care from age 10, more likely for older teenagers.
    t = care.start + _uniform_days(rng, np.zeros(len(care)), 364)
    m_pi, m_date = care.yearly(rng, t, jitter=0)
    m_age = age_in_years(care.dob[m_pi], m_date)
    p = np.select([m_age < 10, m_age < 13, m_age < 15], [0.0, 0.03, 0.09], 0.18)
    hit = (rng.random(len(m_pi)) < p) & (m_age < 18)
    m_ci, m_date = care.ci[m_pi[hit]], m_date[hit]
    offered = rng.random(len(m_ci)) < 0.9
    received = offered & (rng.random(len(m_ci)) < 0.7)
    sm = care.frame(
        rng,
        "substance_misuse",
        m_ci,
        "identified_date",
        identified_date=m_date,
        intervention_offered=np.where(offered, "Y", "N"),
        intervention_received=np.where(received, "Y", "N"),
    )
    out["substance_misuse"] = sm.drop_duplicates(["child_id", "nhs_number", "identified_date"], ignore_index=True)

    ha = out["health_assessments"]
    out["health_assessments"] = ha.drop_duplicates(
        ["child_id", "nhs_number", "assessment_type", "due_date"], ignore_index=True
    )
    return {name: out[name] for name in COLUMNS}
