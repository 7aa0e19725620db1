"""Plans and orders around a child's care: child protection plans, youth-justice outcomes, court orders that
deprive a child of liberty, and the permanence order (if any) a child had before their latest period of care.
"""

from __future__ import annotations

import random
from datetime import date

import numpy as np
import pandas as pd

from synthetic import calibration as cal
from synthetic.days import FAR, NONE, PREV_PERM_FROM, YEAR, bday, to_date, to_day
from synthetic.draws import Choice
from synthetic.lives import Population

CP_CATEGORY = Choice({"NEG": 0.45, "EMO": 0.35, "PHY": 0.1, "SEX": 0.04, "MUL": 0.06})


def protection_plans(population: Population, py: random.Random) -> pd.DataFrame:
    """Child protection plans: often before care (ending when the child comes in, a few running on for
    some weeks; KP: 13 children in care on a plan) and sometimes after going home."""
    rows = []
    for ch in population.children:
        if ch.uasc:
            continue
        last_end = ch.dob
        for i, per in enumerate(ch.periods):
            nxt_start = ch.periods[i + 1].start if i + 1 < len(ch.periods) else FAR
            p = 0.7 if per.cin == "N1" else 0.4 if per.cin in ("N3", "N4", "N5") else 0.0
            if py.random() < p:
                st = per.start - 60 - int(py.random() * 480)
                if st > last_end:
                    en = per.start if py.random() < 0.65 else per.start + 1 + int(py.random() * 150)
                    en = min(en, per.end)
                    rows.append((ch.key, st, NONE if en > population.as_of else en, CP_CATEGORY(py)))
                    last_end = en
            if per.reason in ("E4A", "E4B") and per.end <= population.as_of and py.random() < 0.12:
                st = per.end + 1 + int(py.random() * 120)
                en = min(st + 90 + int(py.random() * 510), nxt_start)
                if st <= population.as_of and st < en and st > last_end:
                    rows.append((ch.key, st, NONE if en > population.as_of else en, CP_CATEGORY(py)))
                    last_end = en
    return pd.DataFrame(rows, columns=["child", "start_date", "end_date", "category"])


OUTCOME = Choice({"CONVICTION": 0.45, "CAUTION": 0.35, "CONDITIONAL_CAUTION": 0.2})


def youth_justice(population: Population, py: random.Random) -> pd.DataFrame:
    """Convictions and cautions: a few children offending while in care aged 10-17, and remands."""
    rows = []
    for ch in population.children:
        for per in ch.periods:
            rows.extend((ch.key, d, o) for d, o in per.outcomes if d <= population.as_of)
        b10 = bday(ch.dob, 10)
        if py.random() >= cal.OFFENDER_SHARE * (0.3 if ch.uasc else 1.0):
            continue
        for per in ch.periods:
            lo, hi = max(per.start, b10), min(per.end, ch.b18, population.as_of)
            t = lo
            while True:
                t += 1 + int(py.expovariate(cal.OFFENDING_RATE / YEAR))
                if t >= hi:
                    break
                rows.append((ch.key, t, OUTCOME(py)))
    frame = pd.DataFrame(rows, columns=["child", "outcome_date", "outcome"])
    return frame.drop_duplicates(ignore_index=True)


def liberty_orders(pl: pd.DataFrame, population: Population, rng: np.random.Generator) -> pd.DataFrame:
    """Court orders depriving a child of liberty: a few children in children's homes (or Z12/Z13 settings),
    each order inside one such placement (DfE rules 709, 710)."""
    st = pl["start_date"].to_numpy()
    en = pl["end_date"].to_numpy()
    seg_end = np.where(en == NONE, population.as_of + 1, en)
    age = (st - population.dob_of(pl["child"].to_numpy())) / YEAR
    ok = (
        pl["placement_type"].isin(("K2", "Z12", "Z13")).to_numpy()
        & (age >= 10)
        & (seg_end - st > 60)
        & (st >= to_day(date(2018, 1, 1)))
    )
    pick = np.flatnonzero(ok & (rng.random(len(pl)) < 0.06))
    start = st[pick] + (rng.random(len(pick)) * np.minimum(45, (seg_end[pick] - st[pick]) // 4)).astype(np.int64)
    end = start + rng.integers(60, 400, len(pick))
    closed = en[pick] != NONE
    # An order ends by the day before the child moves on: DfE counts an order as in force on its end date,
    # so one ending the day the next placement starts would cover that placement too (rules 709, 710).
    end = np.where(closed, np.minimum(end, en[pick] - 1), end)
    end = np.where(end > population.as_of, NONE, end)
    return pd.DataFrame({"child": pl["child"].to_numpy()[pick], "start_date": start, "end_date": end})


def previous_permanence(population: Population, py: random.Random) -> pd.DataFrame:
    """One row per child starting care from 1 April 2016: the permanence order before the latest start."""
    rows = []
    for ch in population.children:
        starts = [i for i, p in enumerate(ch.periods) if p.start >= PREV_PERM_FROM and p.start <= population.as_of]
        if not starts:
            continue
        i = starts[-1]
        before = ch.periods[i - 1] if i else None
        if before is not None and before.reason in ("E45", "E46", "E47", "E48", "E41"):
            code = "P2" if before.reason != "E41" else "P3"
            rows.append((ch.key, code, cal.LA_OLD_CODE, to_date(before.end).strftime("%d/%m/%Y")))
            continue
        r = py.random()
        code = "Z1" if ch.uasc or r < 0.88 else "P1" if r < 0.91 else "P2" if r < 0.95 else "P3" if r < 0.97 else "P4"
        # An order made before the child first came into care (so before every episode a return holds, rule
        # 632): a baby coming into care cannot have had one.
        first = ch.periods[0].start
        if code != "Z1" and first - ch.dob < 120:
            code = "Z1"
        if code == "Z1":
            rows.append((ch.key, code, "", ""))
            continue
        if code == "P4":  # not known: DfE's unknown authority (999) and unknown date (rule 630 wants both)
            rows.append((ch.key, code, "999", "ZZ/ZZ/ZZZZ"))
            continue
        when = to_date(ch.dob + 30 + int(py.random() * (first - ch.dob - 60)))
        r = py.random()
        text = when.strftime("%d/%m/%Y") if r < 0.6 else when.strftime("ZZ/%m/%Y") if r < 0.85 else f"ZZ/ZZ/{when.year}"
        r = py.random()
        # 999 when the authority that made the order is not known (rule 630 wants LA_PERM for P1-P3)
        la = cal.LA_OLD_CODE if r < 0.4 else py.choice(cal.OLD_LA_CODES[1:]) if r < 0.75 else "999"
        rows.append((ch.key, code, la, text))
    return pd.DataFrame(rows, columns=["child", "previous_permanence", "order_la", "order_date"])
