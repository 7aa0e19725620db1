"""Looked-after reviews and missing or away episodes, from the periods of care and the placements."""

from __future__ import annotations

import numpy as np
import pandas as pd

from synthetic import calibration as cal
from synthetic.days import FAR, NONE, YEAR, add_20_working_days, add_months, birthdays
from synthetic.lives import Population
from synthetic.placements import TEMPORARY


def reviews(periods: pd.DataFrame, population: Population, rng: np.random.Generator) -> pd.DataFrame:
    """Looked-after reviews: the first due 20 working days after entry, the second 3 months after the
    first, then every 6 months; each held on or before its due date, a few late (KP: 97.1% on time)."""
    child = periods["child"].to_numpy()
    start = periods["start_date"].to_numpy()
    end = periods["end_date"].to_numpy()
    stop = np.where(end == NONE, FAR, end)
    due = add_20_working_days(start)
    prev = start.copy()
    alive = np.ones(len(start), dtype=bool)
    out = []
    k = 0
    while alive.any():
        k += 1
        idx = np.flatnonzero(alive)
        d = due[idx]
        late = rng.random(len(idx)) > cal.REVIEWS_ON_TIME
        held = np.where(late, d + rng.integers(1, 29, len(idx)), d - rng.integers(0, 15, len(idx)))
        held = np.maximum(held, prev[idx] + 1)
        in_care = (d < stop[idx]) & (held < stop[idx])
        future = in_care & ((d > population.as_of) | (held > population.as_of))  # next review due, not yet held
        done = in_care & ~future
        for mask, held_value in ((future, None), (done, held)):
            sel = idx[mask]
            if len(sel):
                hv = np.full(len(sel), NONE) if held_value is None else held_value[mask]
                out.append((child[sel], d[mask], hv))
        prev[idx] = held
        due[idx] = add_months(held, 3 if k == 1 else 6)
        alive[idx[~done]] = False
    child_col = np.concatenate([o[0] for o in out])
    due_col = np.concatenate([o[1] for o in out])
    held_col = np.concatenate([o[2] for o in out])
    age = (held_col - population.dob_of(child_col)) / YEAR
    weights = cal.REVIEW_PARTICIPATION_WEIGHTS
    codes = np.array(list(weights), dtype=object)
    probs = np.array(list(weights.values()))
    part = codes[rng.choice(len(codes), len(held_col), p=probs / probs.sum())]
    part = np.where(age < 4, "PN0", part)
    part = np.where(held_col == NONE, "", part)
    return pd.DataFrame({"child": child_col, "due_date": due_col, "review_date": held_col, "participation": part})


def missing_episodes(pl: pd.DataFrame, population: Population, rng: np.random.Generator) -> pd.DataFrame:
    """Missing and away episodes: rare for most children, frequent for a few 12-17-year-olds, always
    inside one placement and closed before it ends (rules 575, 577, 580)."""
    keys = np.array([c.key for c in population.children])
    kind = rng.choice(3, len(keys), p=np.array(cal.MISSING_SHARE) / sum(cal.MISSING_SHARE))
    rate_of = np.zeros(population.simulated)
    rate_of[keys] = np.array(cal.MISSING_RATE)[kind]
    child = pl["child"].to_numpy()
    dob = population.dob_of(child)
    st = pl["start_date"].to_numpy()
    en = pl["end_date"].to_numpy()
    open_ = en == NONE
    seg_end = np.where(open_, population.as_of + 1, en)
    lo = np.maximum(st, birthdays(dob, 12) - 180)
    hi = np.minimum(seg_end - 1, birthdays(dob, 18))
    typ = pl["placement_type"].to_numpy()
    eligible = ~np.isin(typ, ("K1", "R5", "P1", "A3", "A4", "A5", "A6", *TEMPORARY)) & (hi > lo)
    exposure = np.where(eligible, hi - lo, 0)
    n = rng.poisson(rate_of[child] * exposure / YEAR)
    rows = np.repeat(np.arange(len(pl)), n)
    start = lo[rows] + (rng.random(len(rows)) * (hi[rows] - lo[rows])).astype(np.int64)
    length = np.select(
        [rng.random(len(rows)) < p for p in (0.35, 0.6, 0.72, 0.9)],
        [0, 1, 2, rng.integers(3, 7, len(rows))],
        rng.integers(7, 21, len(rows)),
    )
    end = start + length
    closed_seg = ~open_[rows]
    end = np.where(closed_seg, np.minimum(end, seg_end[rows] - 1), end)
    frame = pd.DataFrame({"child": child[rows], "start": start, "end": end, "open": ~closed_seg})
    frame = frame[frame["end"] >= frame["start"]].sort_values(["child", "start", "end"], kind="stable")
    while True:  # drop episodes that start before the child's previous episode ended
        prev_end = frame.groupby("child")["end"].shift()
        bad = prev_end.notna() & (frame["start"] <= prev_end)
        if not bad.any():
            break
        first_bad = bad & ~bad.groupby(frame["child"]).shift(fill_value=False)
        frame = frame[~first_bad]
    m = len(frame)
    still_out = frame["open"].to_numpy() & (frame["end"].to_numpy() > population.as_of)
    mtype = np.where(rng.random(m) < 0.65, "M", "A")
    offered = rng.random(m) < np.where(mtype == "M", 0.92, 0.3)
    accepted = offered & (rng.random(m) < 0.55)
    return pd.DataFrame(
        {
            "child": frame["child"].to_numpy(),
            "missing_type": mtype,
            "start_date": frame["start"].to_numpy(),
            "end_date": np.where(still_out, NONE, frame["end"].to_numpy()),
            "return_interview_offered": np.where(still_out, "", np.where(offered, "Y", "N")),
            "return_interview_accepted": np.where(still_out | ~offered, "", np.where(accepted, "Y", "N")),
        }
    )
