"""Care leavers' contacts: at each birthday from 17 to 21 on which a young person is a care leaver, whether the
authority is in touch, and their activity and accommodation (the 903's OC3)."""

from __future__ import annotations

import random

import pandas as pd

from synthetic import calibration as cal
from synthetic.careers import period_left_before
from synthetic.days import NONE, bday
from synthetic.draws import Choice
from synthetic.lives import Population

ACTIVITY_17_18 = Choice(
    {"F2": 0.3, "P2": 0.04, "F4": 0.03, "P4": 0.01, "F5": 0.04, "P5": 0.03, "G4": 0.08, "G5": 0.41, "G6": 0.06}
)
ACTIVITY_19_21 = Choice(
    {
        "F1": 0.06,
        "P1": 0.01,
        "F2": 0.08,
        "P2": 0.02,
        "F4": 0.03,
        "P4": 0.01,
        "F5": 0.13,
        "P5": 0.04,
        "G4": 0.12,
        "G5": 0.39,
        "G6": 0.11,
    }
)
# No foyers (T) at 17 or 18: DfE rule 347 keeps them for young people 18 or over at the start of the year.
ACCOM_17 = Choice(
    {
        "D": 0.38,
        "E": 0.12,
        "C": 0.08,
        "B": 0.2,
        "U": 0.05,
        "K": 0.05,
        "V": 0.02,
        "W": 0.02,
        "Y": 0.03,
        "X2": 0.03,
        "S2": 0.02,
    }
)
ACCOM_18 = Choice(
    {
        "Z": 0.22,
        "D": 0.27,
        "E": 0.08,
        "B": 0.15,
        "U": 0.12,
        "K": 0.06,
        "V": 0.02,
        "W": 0.02,
        "Y": 0.02,
        "X2": 0.02,
        "S2": 0.02,
    }
)
ACCOM_19 = Choice(
    {
        "U": 0.38,
        "Z": 0.08,
        "D": 0.1,
        "B": 0.13,
        "K": 0.09,
        "E": 0.05,
        "T": 0.03,
        "V": 0.02,
        "W": 0.02,
        "Y": 0.03,
        "R": 0.01,
        "G": 0.01,
        "X2": 0.03,
        "S2": 0.02,
    }
)
NOT_IN_TOUCH = Choice({"NO": 0.55, "REFU": 0.2, "NREQ": 0.15, "RHOM": 0.1})


def care_leaver_contacts(population: Population, py: random.Random) -> pd.DataFrame:
    """A row per birthday 17-21 at which the young person was a care leaver (DfE OC3 cohort, see
    period_left_before): none for the 17th or 18th birthday a young person left care on (rule 1016)."""
    rows = []
    for ch in population.children:
        if not any(p.end > ch.b16 for p in ch.periods):  # never looked after beyond 16: never a care leaver
            continue
        for age in range(17, 22):
            b = bday(ch.dob, age)
            if b > population.as_of:
                break
            last = period_left_before(ch, b)
            if last is None:
                continue
            left = last.end
            if py.random() < 0.002:
                rows.append((ch.key, b, NONE, "DIED", "0", "0"))
                break
            if py.random() < cal.CARE_LEAVER_IN_TOUCH[age]:
                act = (ACTIVITY_17_18 if age <= 18 else ACTIVITY_19_21)(py)
                if age == 17:
                    acc = ACCOM_17(py)
                elif last.reason == "E17" and age <= 20 and py.random() < 0.6:  # staying put
                    acc = "Z"
                else:
                    acc = (ACCOM_18 if age == 18 else ACCOM_19)(py)
                if len(acc) == 1:
                    acc += "2" if py.random() < 0.12 else "1"
                contact = min(population.as_of, b - 30 + int(py.random() * 60))
                rows.append((ch.key, b, max(contact, left), "YES", act, acc))
            else:
                status = NOT_IN_TOUCH(py)
                contact = NONE if status == "NO" else max(left, min(population.as_of, b - 30 + int(py.random() * 60)))
                rows.append((ch.key, b, contact, status, "0", "0"))
    return pd.DataFrame(rows, columns=["child", "birthday", "contact_date", "in_touch", "activity", "accommodation"])
