"""The simulation: children's lives in and after care, and the case-system histories they leave.

Children arrive (citizen children at every age, and unaccompanied asylum-seeking children mostly at 15-17),
follow a pathway through care (adoption, special guardianship, return home, long-term care until 18,
remand, ...), move placements, go missing, have reviews, social workers and plans, leave care and, as care
leavers, are contacted at each birthday to 21. The simulation starts twelve years before the history so
that the children already in care on its first day have realistic earlier start dates, and keeps every
child looked after at any time in the history (or a care leaver in it).

Dates are integer day numbers (days since 1970-01-01) until the tables are built.
"""

from __future__ import annotations

import bisect
import math
import random
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from synthetic import calibration as cal
from synthetic import identifiers as ids
from synthetic import postcodes as pcm

# ------------------------------------------------------------------------------------------------ dates
_EPOCH = date(1970, 1, 1).toordinal()
NONE = -(2**40)  # "no date"
FAR = 2**40  # "not yet": beyond any real date


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


CUT_SUPPORTED = to_day(date(2023, 10, 28))  # supported accommodation reform: P2/H5 end, K3 begins
LAST_2024_25 = to_day(date(2025, 3, 31))  # last day of H5, Z1 and T4 (codes end with 2024/25)
FIRST_2025_26 = to_day(date(2025, 4, 1))  # first day of Z11-Z14
SW_REASON_FROM = to_day(date(2023, 4, 1))  # SW_REASON is collected for allocations ending from here
PREV_PERM_FROM = to_day(date(2016, 4, 1))  # previous permanence is recorded for periods starting from here
YEAR = 365.25

TEMPORARY = ("T0", "T1", "T2", "T3", "T4")
NO_PROVIDER = (*TEMPORARY, "Z1", "Z11", "Z12", "Z13", "Z14")
NO_URN = ("P1", "P2", "P3", "R1", "R2", "R5", "H5")  # settings Ofsted does not register: URN XXXXXXX (rule 222)


class Choice:
    """A weighted choice drawn with Python's random (much faster than numpy for single draws)."""

    __slots__ = ("keys", "cum", "total")

    def __init__(self, weights: dict):
        self.keys = list(weights)
        self.cum = list(np.cumsum(list(weights.values())))
        self.total = self.cum[-1]

    def __call__(self, py: random.Random):
        return self.keys[bisect.bisect_right(self.cum, py.random() * self.total)]


def _band(table: dict, age: float):
    for (lo, hi), value in table.items():
        if lo <= age < hi:
            return value
    return value  # ages at the top of the last band


PATHWAY_CHOICE = {band: Choice(w) for band, w in cal.PATHWAYS.items()}
CIN_CHOICE = Choice(cal.CIN_CITIZEN)
CIN_TEEN = Choice({**cal.CIN_CITIZEN, "N6": 0.07})
REASON_AT_18 = Choice({"E5": 0.33, "E6": 0.08, "E17": 0.2, "E8": 0.32, "E13": 0.07})
REASON_AT_18_UASC = Choice({"E5": 0.45, "E6": 0.12, "E17": 0.1, "E8": 0.33})
REASON_HOME_YOUNG = Choice({"E4A": 0.55, "E4B": 0.13, "E13": 0.2, "E41": 0.04, "E8": 0.08})
REASON_HOME_16 = Choice({"E13": 0.27, "E4A": 0.22, "E4B": 0.13, "E5": 0.15, "E6": 0.08, "E8": 0.15})
REASON_SGO = Choice({"E45": 0.4, "E46": 0.15, "E47": 0.35, "E48": 0.1})
MOVE_REASON = Choice(
    {
        "CREQB": 0.2,
        "CHILD": 0.12,
        "ALLEG": 0.05,
        "STAND": 0.05,
        "APPRR": 0.02,
        "CLOSE": 0.04,
        "CREQO": 0.12,
        "LAREQ": 0.08,
        "CARPL": 0.25,
        "OTHER": 0.07,
    }
)
# Why a child's social worker changes other than the worker leaving (LEFTRL, below). DfE's 2024 statistics for
# children looked after at 31 March: managing caseloads 13% of all episodes, absence cover 3%, child's request
# (CHCHAN) under 0.5%; the other shares are not published.
SW_CHANGE_REASON = Choice(
    {"MANAGE": 0.4, "TSPROC": 0.2, "ORGRST": 0.12, "ABSENC": 0.1, "CHCHAN": 0.01, "PCCHAN": 0.04, "OTHERS": 0.13}
)
ETHNICITY_CITIZEN = Choice(cal.ETHNICITY_CITIZEN)
ETHNICITY_UASC = Choice(cal.ETHNICITY_UASC)
UASC_AGE = Choice(cal.UASC_ARRIVAL_AGE)
ENTRY_AGE = Choice(cal.CITIZEN_ENTRY_AGE)


@dataclass(slots=True)
class Period:
    start: int
    end: int  # planned end; after as_of means still open
    reason: str
    cin: str
    pathway: str
    ls: list  # [(code, start)], each ending when the next starts
    events: list  # [(day, action, arg)] planned placement changes
    adoption: dict | None = None
    home: int = -1  # postcode index of the home the child was removed from
    team: str = ""
    outcomes: list = field(default_factory=list)  # youth-justice outcomes [(day, outcome)] the period caused


@dataclass(slots=True)
class Child:
    key: int
    dob: int
    sex: str
    uasc: bool
    ethnicity: str
    disability: bool
    instability: int
    b16: int
    b18: int
    home: int
    periods: list = field(default_factory=list)


class Simulation:
    """One run. `tables()` returns the case-system entities keyed by internal child number."""

    def __init__(self, rng: np.random.Generator, scale: float, start: date, as_of: date):
        self.rng = rng
        self.py = random.Random(int(rng.integers(2**62)))
        self.scale = scale
        self.start = to_day(start)
        self.as_of = to_day(as_of)
        self.sim_start = to_day(date(start.year - 12, start.month, 1))
        self.pc = pcm.load_postcodes()
        self.children: list[Child] = []
        self._next_token = 0
        self.token_kind: list[str] = []
        self.token_home: list[int] = []
        self.token_uasc: list[bool] = []

    # ----------------------------------------------------------------------------------- arrivals
    def arrivals(self) -> None:
        rng, py = self.rng, self.py
        months = np.arange(np.datetime64(to_date(self.sim_start), "M"), np.datetime64(to_date(self.as_of), "M") + 1)
        month_start = months.astype("datetime64[D]").astype("int64")
        month_len = (months + 1).astype("datetime64[D]").astype("int64") - month_start
        years = months.astype("datetime64[Y]").astype(int) + 1970
        uasc_factor = np.array([cal.UASC_YEAR_FACTOR.get(int(y), 1.0) for y in years])
        n_cit = rng.poisson(cal.CITIZEN_FIRST_ENTRIES_PER_YEAR * self.scale / 12, len(months))
        n_uasc = rng.poisson(cal.UASC_ARRIVALS_PER_YEAR * self.scale / 12 * uasc_factor, len(months))
        entries = []
        for m in range(len(months)):
            for uasc, n in ((False, n_cit[m]), (True, n_uasc[m])):
                for _ in range(n):
                    entries.append((int(month_start[m] + int(py.random() * month_len[m])), uasc))
        entries = [e for e in entries if e[0] <= self.as_of]
        entries.sort(key=lambda e: e[0])
        n = len(entries)
        entry = np.array([e[0] for e in entries], dtype="int64")
        uasc = np.array([e[1] for e in entries], dtype=bool)
        age_days = np.empty(n, dtype="int64")
        for i in range(n):
            if uasc[i]:
                age_days[i] = int((UASC_AGE(py) + py.random()) * YEAR)
            else:
                lo, hi = ENTRY_AGE(py)
                if lo == 0 and py.random() < cal.NEWBORN_SHARE_OF_UNDER_1:
                    age_days[i] = int(py.random() * 8)
                else:
                    age_days[i] = int((lo + py.random() * (hi - lo)) * YEAR)
        age_days = np.minimum(age_days, int(17.97 * YEAR))
        dob = entry - age_days
        b16, b18 = birthdays(dob, 16), birthdays(dob, 18)
        homes = pcm.sample_homes(rng, self.pc, n)
        self.spare_homes = pcm.sample_homes(rng, self.pc, 2000)
        for i in range(n):
            u = bool(uasc[i])
            age = age_days[i] / YEAR
            male = py.random() < (cal.MALE_SHARE_UASC if u else cal.MALE_SHARE_CITIZEN)
            shares = _band(cal.INSTABILITY_SHARE, age)
            r = py.random()
            instability = 0 if r < shares[0] else 1 if r < shares[0] + shares[1] else 2
            child = Child(
                key=i,
                dob=int(dob[i]),
                sex="M" if male else "F",
                uasc=u,
                ethnicity=ETHNICITY_UASC(py) if u else ETHNICITY_CITIZEN(py),
                disability=(not u) and py.random() < cal.DISABILITY_SHARE,
                instability=instability,
                b16=int(b16[i]),
                b18=int(b18[i]),
                home=-1 if u else int(homes[i]),
            )
            self.career(child, int(entry[i]))
            self.children.append(child)

    def career(self, ch: Child, entry: int) -> None:
        """All the child's periods of care: the first, then any return after going home."""
        py = self.py
        t = entry
        while True:
            per = self.plan_uasc(ch, t) if ch.uasc else self.plan_citizen(ch, t, bool(ch.periods))
            ch.periods.append(per)
            if per.end > self.as_of or per.reason not in ("E4A", "E4B", "E13", "E8", "E41"):
                return
            r = py.random()
            if r < cal.REENTRY_AFTER_RETURN_HOME:
                gap = 14 + int(py.expovariate(1 / 200))
                if gap > 730:
                    gap = 14 + int(py.random() * 700)
            elif r < cal.REENTRY_AFTER_RETURN_HOME + cal.REENTRY_LATER:
                gap = 731 + int(py.random() * 1100)
            else:
                return
            t = per.end + gap
            if t > self.as_of or t > ch.b18 - 60:
                return
            if py.random() < 0.2:  # the family has moved
                ch.home = int(self.spare_homes[int(py.random() * len(self.spare_homes))])

    # ----------------------------------------------------------------------------------- pathways
    def _care_order_start(self, s: int) -> tuple[list, int]:
        """Statuses up to the interim care order: straight to C1, or police protection / EPO / s20 first."""
        py = self.py
        r = py.random()
        if r < 0.67:
            return [("C1", s)], s
        if r < 0.75:
            c1 = s + 1 + int(py.random() * 8)
            return [("L2", s), ("C1", c1)], c1
        if r < 0.8:
            c1 = s + 1 + int(py.random() * 3)
            return [("L1", s), ("C1", c1)], c1
        c1 = s + 14 + int(py.random() * 137)
        return [("V2", s), ("C1", c1)], c1

    def _final_hearing(self, c1: int) -> int:
        """Care proceedings take about 26 weeks from the interim order (KP: ICO 7% of children in care)."""
        return c1 + 90 + int(self.py.random() * 120)

    def plan_citizen(self, ch: Child, s: int, repeat: bool) -> Period:
        py = self.py
        age = (s - ch.dob) / YEAR
        if ch.disability and py.random() < 0.45:
            cin = "N2"
        else:
            cin = (CIN_TEEN if age >= 12 else CIN_CHOICE)(py)
            if cin == "N2":
                ch.disability = True
        pathway = PATHWAY_CHOICE[next(b for b in cal.PATHWAYS if b[0] <= age < b[1])](py)
        if cin == "N2" and pathway in ("ADOPT", "REMAND", "SGO"):
            pathway = "LONG_TERM"
        if repeat and pathway == "ADOPT" and py.random() < 0.5:
            pathway = "LONG_TERM"
        per = Period(s, s, "", cin, pathway, [], [], home=ch.home)
        getattr(self, "_path_" + pathway.lower())(ch, per, age)
        self._finish(ch, per)
        return per

    def _path_adopt(self, ch: Child, per: Period, age: float) -> None:
        py, s = self.py, per.start
        by_foster_carer = py.random() < 0.15
        if py.random() < cal.ADOPTION_WITH_CONSENT:  # relinquished: s20 with consent, A3/A4, no order
            per.ls = [("V2", s)]
            bid = s + 14 + int(py.random() * 76)
            match = bid + 30 + int(py.random() * 170)
            placed = match + 7 + int(py.random() * 35)
            per.end = placed + 84 + int(py.random() * 220)
            per.reason = "E11"
            per.events = [(placed, "adopt", (by_foster_carer, True))]
            per.adoption = self._adoption_row(bid, NONE, match, placed, per.end, by_foster_carer)
            return
        per.ls, c1 = self._care_order_start(s)
        bid = max(s + 60 + int(py.random() * 270), c1 + 14)
        final_hearing = self._final_hearing(c1)
        if py.random() < 0.7:  # care and placement orders made together at the final hearing
            po = max(final_hearing, bid + 1)
        else:
            per.ls.append(("C2", final_hearing))
            po = max(final_hearing, bid) + 30 + int(py.random() * 210)
        per.ls.append(("E1", po))
        match = po + 20 + int(py.gammavariate(2.5, (cal.ADOPTION_DAYS_ORDER_TO_MATCH - 20) / 2.5))
        placed = match + 7 + int(py.random() * 49)
        order = placed + 84 + int(py.random() * 316)
        if py.random() < cal.ADOPTION_REVERSED:
            reversed_on = po + 60 + int(py.random() * 340)
            if reversed_on < match:
                # The placement order is revoked and the care order revives (legal status C2) on the day the
                # decision to place is reversed: DfE rule 553 rejects a placement order (E1) in force without
                # a standing decision that the child should be placed for adoption.
                per.ls.append(("C2", reversed_on))
                per.adoption = self._adoption_row(bid, po, NONE, NONE, NONE, False)
                per.adoption["decision_reversed_date"] = reversed_on
                per.adoption["decision_reversed_reason"] = py.choice(("RD1", "RD2", "RD3", "RD4"))
                if py.random() < 0.4:
                    per.end = reversed_on + 150 + int(py.random() * 450)
                    per.reason = py.choice(("E46", "E47"))
                else:
                    per.pathway = "LONG_TERM"
                    self._long_term_end(ch, per, age, reversed_on + 180)
                return
        per.end = order
        per.reason = "E12" if py.random() < 0.6 else "E11"
        per.events = [(placed, "adopt", (by_foster_carer, False))]
        per.adoption = self._adoption_row(bid, po, match, placed, order, by_foster_carer)

    def _adoption_row(self, bid, po, match, placed, order, by_foster_carer) -> dict:
        py = self.py
        if py.random() < 0.2:
            number, sex, legal = 1, ("F1" if py.random() < 0.85 else "M1"), "L0"
        else:
            r = py.random()
            sex = "MF" if r < 0.85 else "MM" if r < 0.93 else "FF"
            if sex == "MF":
                legal = "L11" if py.random() < 0.75 else "L3"
            else:
                legal = Choice({"L12": 0.5, "L2": 0.3, "L4": 0.2})(py)
            number = 2
        return {
            "best_interest_decision_date": bid,
            "placement_order_date": po,
            "matched_date": match,
            "placed_date": placed,
            "adoption_order_date": order,
            "adopted_by_foster_carer": "Y" if by_foster_carer else "N",
            "number_of_adopters": number,
            "adopter_sex": sex,
            "adopter_legal_status": legal,
            "decision_reversed_date": NONE,
            "decision_reversed_reason": "",
        }

    def _path_sgo(self, ch: Child, per: Period, age: float) -> None:
        py, s = self.py, per.start
        if py.random() < 0.8:
            per.ls, c1 = self._care_order_start(s)
            final_hearing = self._final_hearing(c1)
            if py.random() < 0.5:  # the special guardianship order ends the proceedings
                per.end = final_hearing
            else:
                per.ls.append(("C2", final_hearing))
                per.end = final_hearing + 60 + int(py.random() * 440)
        else:
            per.ls = [("V2", s)]
            per.end = s + 120 + int(py.random() * 580)
        per.reason = REASON_SGO(py)
        if per.reason == "E45":  # to the relatives who are already the child's foster carers
            when = s if py.random() < 0.6 else max(s + 14, per.end - 120 - int(py.random() * 280))
            per.events = [(when, "kin_final", None)]

    def _path_return_long(self, ch: Child, per: Period, age: float) -> None:
        py, s = self.py, per.start
        per.ls, c1 = self._care_order_start(s)
        final_hearing = self._final_hearing(c1)
        per.ls.append(("C2", final_hearing))
        per.end = s + 420 + int(py.random() * 1040)
        if per.end <= final_hearing + 30:
            per.end = final_hearing + 30 + int(py.random() * 170)
        # placed with parents under the care order before it is discharged (never under s20: rule 378)
        home_on = max(final_hearing, per.end - 120 - int(py.random() * 280))
        if home_on < per.end - 14:
            per.events = [(home_on, "home", None)]
        per.reason = Choice({"E4A": 0.8, "E41": 0.08, "E13": 0.12})(py)

    def _path_return_short(self, ch: Child, per: Period, age: float) -> None:
        py, s = self.py, per.start
        r = py.random()
        if r < 0.8:
            per.ls = [("V2", s)]
        elif r < 0.9:
            per.ls = [("L1", s), ("V2", s + 1 + int(py.random() * 3))]
        else:
            per.ls = [("C1", s)]
        per.end = s + min(1100, max(1, int(py.lognormvariate(math.log(60), 1.1))))
        age_end = (per.end - ch.dob) / YEAR
        per.reason = (REASON_HOME_16 if age_end >= 16 else REASON_HOME_YOUNG)(py)

    def _path_long_term(self, ch: Child, per: Period, age: float) -> None:
        py, s = self.py, per.start
        if py.random() < (0.85 if age < 5 else 0.7 if age < 12 else 0.6):
            per.ls, c1 = self._care_order_start(s)
            per.ls.append(("C2", self._final_hearing(c1)))
        else:
            per.ls = [("V2", s)]
        self._long_term_end(ch, per, age, s + 365)
        per.events.append((s + 270 + int(py.random() * 450), "long_term", None))

    def _long_term_end(self, ch: Child, per: Period, age: float, earliest: int) -> None:
        py = self.py
        if py.random() < _band(cal.LONG_TERM_STAY_TO_18, age) or earliest >= ch.b18 - 30:
            per.end = ch.b18
            per.reason = REASON_AT_18(py)
            if per.reason in ("E5", "E6") and py.random() < 0.6 or per.reason == "E8" and py.random() < 0.3:
                per.events.append((ch.b16 + 120 + int(py.random() * 480), "move_on", None))
        else:
            lo = earliest if age < 15.5 else per.start + 60
            per.end = lo + int(py.random() * max(1, ch.b18 - lo))
            age_end = (per.end - ch.dob) / YEAR
            if age_end >= 16:
                per.reason = REASON_HOME_16(py)
                if per.reason in ("E5", "E6") and per.end - ch.b16 > 200:
                    per.events.append((per.end - 30 - int(py.random() * 150), "move_on", None))
            elif age_end < 12 and py.random() < 0.25:
                per.reason = "E46"  # special guardianship to the long-term foster carers
            else:
                per.reason = REASON_HOME_YOUNG(py)

    def _path_remand(self, ch: Child, per: Period, age: float) -> None:
        py, s = self.py, per.start
        code = Choice({"J1": 0.75, "J2": 0.1, "J3": 0.15})(py)
        per.ls = [(code, s)]
        per.cin = "N6"
        if code == "J1":
            per.end = s + 3 + int(py.random() * 118)
            per.reason = Choice({"E14": 0.6, "E9": 0.3, "E8": 0.1})(py)
            first = Choice({"R5": 0.25, "K1": 0.15, "K2": 0.35, "U6": 0.25})(py)
            if per.reason == "E9" or py.random() < 0.5:
                per.outcomes.append((per.end, "CONVICTION"))
        elif code == "J2":
            per.end = s + 1 + int(py.random() * 2)
            per.reason = "E14" if py.random() < 0.5 else "E8"
            first = "K2" if py.random() < 0.5 else "U6"
        else:  # a youth rehabilitation order with residence: a sentence, so a conviction
            per.end = s + 90 + int(py.random() * 210)
            per.reason = "E9" if py.random() < 0.3 else "E8"
            first = "U6" if py.random() < 0.6 else "K2"
            per.outcomes.append((s, "CONVICTION"))
        per.events = [(s, "first", first)]

    def _path_ro(self, ch: Child, per: Period, age: float) -> None:
        py, s = self.py, per.start
        per.ls, c1 = self._care_order_start(s)
        final_hearing = c1 + 100 + int(py.random() * 230)
        per.end = final_hearing
        if py.random() < 0.3:
            per.ls.append(("C2", final_hearing))
            per.end = final_hearing + 60 + int(py.random() * 400)
        per.reason = "E41"

    def _path_transfer(self, ch: Child, per: Period, age: float) -> None:
        py, s = self.py, per.start
        per.ls = [("V2", s)] if py.random() < 0.5 else self._care_order_start(s)[0]
        per.end = s + max(7, int(py.lognormvariate(math.log(200), 0.8)))
        per.reason = "E3"

    def _path_died(self, ch: Child, per: Period, age: float) -> None:
        py, s = self.py, per.start
        per.ls = [("V2", s)] if py.random() < 0.5 else self._care_order_start(s)[0]
        per.end = s + 10 + int(py.random() * 900)
        per.reason = "E2"

    def plan_uasc(self, ch: Child, s: int) -> Period:
        py = self.py
        age = (s - ch.dob) / YEAR
        per = Period(s, s, "", "N8" if py.random() < 0.96 else "N1", "UASC", [("V2", s)], [])
        r = py.random()
        if r < 0.05:  # an age assessment finds the young person is an adult
            per.end, per.reason = s + 20 + int(py.random() * 160), "E15"
        elif r < 0.25 and s >= to_day(cal.NTS_START):  # transferred under the national transfer scheme
            per.end, per.reason = s + 7 + int(py.random() * 83), "E3"
        elif r < 0.3:
            per.end, per.reason = s + 30 + int(py.random() * 570), "E8"
        elif r < 0.31:
            per.end, per.reason = s + 60 + int(py.random() * 440), "E16"
        else:
            per.end, per.reason = ch.b18, REASON_AT_18_UASC(py)
        if age >= 16:  # a reception centre first, then supported accommodation or foster care
            per.events = [(s, "first", "RECEPTION"), (s + 14 + int(py.random() * 56), "move_on", "UASC")]
        elif py.random() < 0.35:
            per.events = [(ch.b16 + 180 + int(py.random() * 180), "move_on", None)]
        self._finish(ch, per)
        return per

    def _finish(self, ch: Child, per: Period) -> None:
        """Leave care by the 18th birthday at the latest; keep statuses inside the period."""
        per.end = max(per.end, per.start + 1)
        if per.end >= ch.b18:
            per.end = ch.b18
            if per.reason not in ("E5", "E6", "E17", "E8", "E13"):
                per.reason = (REASON_AT_18_UASC if ch.uasc else REASON_AT_18)(self.py)
        per.ls = [st for st in per.ls if st[1] < per.end]
        per.events = [ev for ev in per.events if ev[0] < per.end]
        if per.adoption and per.reason not in ("E11", "E12"):
            for k in ("matched_date", "placed_date", "adoption_order_date"):
                if per.adoption[k] != NONE and per.adoption[k] >= per.end:
                    per.adoption[k] = NONE
            if per.adoption["decision_reversed_date"] != NONE and per.adoption["decision_reversed_date"] >= per.end:
                per.adoption["decision_reversed_date"] = NONE
                per.adoption["decision_reversed_reason"] = ""
        per.team = (
            "UASC" if ch.uasc else "DISABILITY" if per.cin == "N2" else cal.DISTRICT_AREA[self.pc.district[per.home]]
        )

    # ----------------------------------------------------------------------------------- placements
    def _token(self, kind: str, home: int, uasc: bool) -> int:
        self.token_kind.append(kind)
        self.token_home.append(home)
        self.token_uasc.append(uasc)
        self._next_token += 1
        return self._next_token - 1

    def _supported_type(self, day: int) -> str:
        r = self.py.random()
        if day >= CUT_SUPPORTED:
            if r < 0.92:
                return "K3"
            return "Z1" if day <= LAST_2024_25 else "Z1X"
        return "H5" if r < 0.8 else "P2" if r < 0.92 else "Z1"

    def _new_placement(self, ch: Child, per: Period, day: int, kind: str, placed_type: str | None = None):
        """A placement with a new carer of the given kind: (type, kind, token)."""
        py = self.py
        age = (day - ch.dob) / YEAR
        if kind == "supported" and age < 16:
            kind = "foster"
        if placed_type is None:
            placed_type = {
                "foster": "U4" if day - per.start > 540 and py.random() < 0.3 else "U6",
                "kin": "U3",
                "home": "K2" if py.random() < 0.95 else "R1",
                "reception": "K2",
                "supported": None,
                "secure": "K1",
                "school": "S1",
                "yoi": "R5",
                "hospital": "R2",
            }[kind]
            if kind == "supported":
                placed_type = self._supported_type(day)
        if placed_type.startswith("Z"):
            kind = "other"
        return placed_type, kind, self._token(kind, per.home, ch.uasc)

    def _first_kind(self, ch: Child, per: Period, age: float) -> str:
        py = self.py
        if ch.uasc:
            return "foster"
        if per.cin == "N2" and age >= 5:
            r = py.random()
            return "home" if r < 0.25 else "school" if r < 0.4 else "foster"
        if age >= 16:
            r = py.random()
            return "foster" if r < 0.6 else "home" if r < 0.75 else "supported"
        if age < 14 and py.random() < 0.18:
            return "kin"
        if age >= 12 and py.random() < 0.06 + 0.2 * (ch.instability == 2):
            return "home"
        return "foster"

    def _move_kind(self, ch: Child, per: Period, day: int) -> str:
        py = self.py
        age = (day - ch.dob) / YEAR
        r = py.random()
        if per.cin == "N2" and age >= 5:
            return "home" if r < 0.3 else "school" if r < 0.45 else "foster"
        if age >= 12 and ch.instability == 2 and r < 0.02:
            return "secure"
        if r < 0.003:
            return "hospital"
        if age >= 16:
            return "foster" if r < 0.5 else "home" if r < 0.68 else "supported"
        if ch.uasc:  # KP: UASC under 16 are placed in foster care
            return "foster"
        if age >= 11:
            return "foster" if r < 0.78 + 0.1 * (ch.instability == 0) else "home"
        return "kin" if r < 0.05 else "foster"

    def placements(self, ch: Child, per: Period) -> list:
        """The placements of one period, as (type, start, token, kind, reason_for_change)."""
        py = self.py
        s = per.start
        end = min(per.end, self.as_of + 1)
        age = (s - ch.dob) / YEAR
        events = sorted(per.events, key=lambda e: e[0])
        first = [e for e in events if e[1] == "first"]
        events = [e for e in events if e[1] != "first"]
        if first and first[0][2] == "RECEPTION":
            typ, kind, tok = "K2", "reception", self._token("reception", per.home, ch.uasc)
        elif first:
            code = first[0][2]
            kind = {"R5": "yoi", "K1": "secure", "K2": "home", "U6": "foster"}[code]
            typ, kind, tok = self._new_placement(ch, per, s, kind, code)
        elif any(e[1] == "kin_final" and e[0] <= s for e in events):  # SGO carers from the start
            events = [e for e in events if e[1] != "kin_final"]
            typ, kind, tok = self._new_placement(ch, per, s, "kin")
        else:
            kind = self._first_kind(ch, per, age)
            typ, kind, tok = self._new_placement(ch, per, s, kind)
            adopt = [e for e in events if e[1] == "adopt"]
            if adopt and adopt[0][2][0] and kind == "foster":
                typ = "U5"  # fostering for adoption: these carers will adopt
        segs = []
        cur = [typ, s, tok, kind]
        rate = cal.MOVE_RATE[ch.instability] / YEAR
        frozen = kind in ("yoi",) or per.reason == "E45" and kind == "kin"
        if py.random() < cal.EMERGENCY_FIRST_PLACEMENT and not first:
            next_move = s + 2 + int(py.random() * 58)
        else:
            next_move = s + 1 + int(py.expovariate(rate))
        while True:
            planned = events[0][0] if events else FAR
            nxt = min(planned, FAR if frozen else next_move)
            if nxt >= end:
                break
            nxt = max(nxt, cur[1] + 1)
            if nxt >= end:
                break
            new = None
            if planned <= next_move or frozen:
                _, action, arg = events.pop(0)
                if action == "adopt":
                    by_carer, consent = arg
                    if by_carer and cur[3] in ("foster", "kin"):
                        new = ("A3" if consent else "A5", cur[3], cur[2], "PLACE")
                    else:
                        typ = "A4" if consent else "A6"
                        new = (typ, "adopters", self._token("adopters", per.home, ch.uasc), "CARPL")
                    frozen = True
                elif action == "home":
                    new = ("P1", "parents", self._token("parents", per.home, ch.uasc), "CARPL")
                    frozen = True
                elif action == "long_term":
                    if cur[0] in ("U6", "U3"):
                        new = ("U4" if cur[0] == "U6" else "U1", cur[3], cur[2], "PLACE")
                    rate /= 2  # settled with long-term carers
                elif action == "move_on":
                    if cur[3] not in ("supported", "other", "adopters", "parents"):
                        t, k, tk = self._new_placement(ch, per, nxt, "supported")
                        if ch.uasc and arg == "UASC" and py.random() < 0.35:
                            t, k, tk = self._new_placement(ch, per, nxt, "foster")
                        new = (t, k, tk, "CARPL")
                elif action == "kin_final":
                    if cur[3] != "kin":
                        new = ("U3", "kin", self._token("kin", per.home, ch.uasc), "CARPL")
                    frozen = True
            else:
                reason = MOVE_REASON(py)
                kind = self._move_kind(ch, per, nxt)
                if kind == "yoi":
                    reason = "CUSTOD"
                t, k, tk = self._new_placement(ch, per, nxt, kind)
                new = (t, k, tk, reason)
                next_move = nxt + 1 + int(py.expovariate(rate))
            if new is not None:
                segs.append((cur[0], cur[1], cur[2], cur[3], new[3]))
                cur = [new[0], nxt, new[2], new[1]]
        segs.append((cur[0], cur[1], cur[2], cur[3], ""))
        segs = self._code_windows(ch, segs, end)
        if len(segs) and py.random() < cal.TEMPORARY_PLACEMENT_SHARE:
            segs = self._temporary(segs, end)
        return segs

    def _code_windows(self, ch: Child, segs: list, end: int) -> list:
        """Keep every placement code valid for each collection year it spans, splitting at a code change
        (same carer, reason PLACE) where a placement outlives its code."""
        out = []
        for i, (typ, st, tok, kind, reason) in enumerate(segs):
            en = segs[i + 1][1] if i + 1 < len(segs) else end
            if typ in ("H5", "P2") and st >= CUT_SUPPORTED or typ == "Z1" and st == LAST_2024_25:
                typ = "K3"
            elif typ == "K3" and st < CUT_SUPPORTED:
                typ = "H5"
            if typ in ("Z1", "Z1X") and st >= FIRST_2025_26:
                typ = self.py.choice(("Z11", "Z12", "Z13", "Z14"))
            elif typ == "Z1X":
                typ = "Z1"
            if typ in ("H5", "P2") and en > CUT_SUPPORTED:
                out.append((typ, st, tok, kind, "PLACE"))
                typ, st = "K3", CUT_SUPPORTED
            if typ == "Z1" and en > LAST_2024_25:
                out.append((typ, st, tok, kind, "PLACE"))
                typ, st = ("K3" if LAST_2024_25 - ch.dob >= 16 * YEAR else "K2"), LAST_2024_25
            out.append((typ, st, tok, kind, reason))
        return out

    def _temporary(self, segs: list, end: int) -> list:
        """A short temporary placement (hospital, holiday, respite) inside a foster placement, after which
        the child goes back to the same carers (rules 380, 381, 383)."""
        py = self.py
        for i, (typ, st, tok, kind, reason) in enumerate(segs):
            en = segs[i + 1][1] if i + 1 < len(segs) else end
            if kind in ("foster", "kin") and en - st > 40:
                at = st + 10 + int(py.random() * (en - st - 30))
                days = 1 + int(py.random() * 13)
                temp = Choice({"T1": 0.3, "T2": 0.2, "T3": 0.3, "T0": 0.1, "T4": 0.1})(py)
                if temp == "T4" and (days > 7 or at + days > LAST_2024_25):
                    temp = "T0"
                if at + days >= en - 5:
                    continue
                return [
                    *segs[:i],
                    (typ, st, tok, kind, "OTHER"),
                    (temp, at, -1, "temp", ""),
                    (typ, at + days, tok, kind, reason),
                    *segs[i + 1 :],
                ]
        return segs

    # ----------------------------------------------------------------------------------- care leavers
    NOT_CARE_LEAVER = ("E2", "E3", "E11", "E12", "E15")  # died, another LA's, adopted, found to be an adult

    def care_leaver(self, ch: Child) -> int:
        """The day the child left care as a care leaver, or NONE: looked after for 13 weeks after the 14th
        birthday, some of it after the 16th, and ceased care at 16 or later (DfE OC3 cohort, rule 1001). A
        child leaving on a special guardianship or child arrangements order is one too: DfE's cohort leaves
        out only those who died, were adopted, moved to another authority's care or were found to be adults."""
        last = ch.periods[-1]
        if last.end > self.as_of or last.end < ch.b16:
            return NONE
        if last.reason in self.NOT_CARE_LEAVER:
            return NONE
        b14 = bday(ch.dob, 14)
        days = sum(max(0, p.end - max(p.start, b14)) for p in ch.periods)
        return last.end if days >= 91 and last.end > ch.b16 else NONE

    def leaver_at(self, ch: Child, b: int) -> Period | None:
        """The period of care the young person left before birthday `b` if they were a care leaver on it (the
        OC3 cohort, as the warehouse derives it: out of care on the birthday, having left before it, after
        13 weeks looked after since their 14th birthday with some of it after their 16th, the last period not
        ending in death, adoption, another authority's care or an age assessment), else None."""
        past = [p for p in ch.periods if p.start <= b]
        if not past or past[-1].end >= b or past[-1].reason in self.NOT_CARE_LEAVER:
            return None
        b14 = bday(ch.dob, 14)
        days14 = sum(max(0, min(p.end, b) - max(p.start, b14)) for p in past)
        after16 = any(min(p.end, b) > max(p.start, ch.b16) for p in past)
        return past[-1] if days14 >= 91 and after16 else None

    # ----------------------------------------------------------------------------------- social workers
    def workers(self) -> None:
        """A pool of social workers per team, each replaced some weeks after leaving."""
        py = self.py
        rows = []
        for team, size in cal.SOCIAL_WORKERS_PER_TEAM.items():
            for _ in range(max(2, round(size * self.scale))):
                t = self.sim_start - int(py.random() * 3 * 365)
                while t <= self.as_of:
                    tenure = 60 + int(py.expovariate(1 / (cal.SOCIAL_WORKER_TENURE_YEARS * YEAR)))
                    rows.append((t, team, t + tenure))
                    t += tenure + int(py.random() * 60)
        rows.sort()
        self.sw_id = [f"SW{1001 + i:04d}" for i in range(len(rows))]
        self.sw_hire = [r[0] for r in rows]
        self.sw_leave = [r[2] for r in rows]
        self.sw_base = self.sim_start - 3 * 365
        buckets: dict[str, list[list[int]]] = {}
        n_buckets = (self.as_of - self.sw_base) // 30 + 2
        for team in cal.SOCIAL_WORKERS_PER_TEAM:
            buckets[team] = [[] for _ in range(n_buckets)]
        for i, (hire, team, leave) in enumerate(rows):
            for b in range(max(0, (hire - self.sw_base) // 30), min(n_buckets, (leave - self.sw_base) // 30 + 1)):
                buckets[team][b].append(i)
        self.sw_buckets = buckets

    def allocations(self, per: Period, out: list, key: int) -> None:
        """Social workers for the whole period, changing every nine months or so and when one leaves."""
        py = self.py
        t, prev, end = per.start, -1, per.end
        bucket_list = self.sw_buckets[per.team]
        while t < end and t <= self.as_of:
            options = bucket_list[min(len(bucket_list) - 1, (t - self.sw_base) // 30)]
            w = -1
            for _ in range(12):
                c = options[int(py.random() * len(options))]
                if c != prev and self.sw_hire[c] <= t < self.sw_leave[c]:
                    w = c
                    break
            if w < 0:  # nobody free in the bucket: keep the last worker or take any
                w = prev if prev >= 0 and self.sw_leave[prev] > t else options[0]
            e = min(t + 14 + int(py.gammavariate(2.0, cal.SOCIAL_WORKER_CHANGE_DAYS / 2)), end)
            if self.sw_leave[w] > t:
                e = min(e, self.sw_leave[w])
            if e > self.as_of:
                out.append((key, self.sw_id[w], t, NONE, ""))
                return
            if e >= per.end:  # care ended: the case moves to another team (leaving care, family support)
                reason = "TSPROC"
            elif e == self.sw_leave[w]:
                reason = "LEFTRL" if py.random() < 0.9 else "FCONTA"
            else:
                reason = SW_CHANGE_REASON(py)
            out.append((key, self.sw_id[w], t, e, reason if e >= SW_REASON_FROM else ""))
            t, prev = e, w

    # ----------------------------------------------------------------------------------- the run
    def run(self, progress=None) -> dict[str, pd.DataFrame]:
        say = progress or (lambda _msg: None)
        self.arrivals()
        say(f"simulated {len(self.children)} children's careers")
        keep = []
        leaver_day = {}
        for ch in self.children:
            left = self.care_leaver(ch)
            b21 = bday(ch.dob, 22)
            in_window = any(p.end >= self.start for p in ch.periods)
            if in_window or (left != NONE and b21 > self.start and left <= self.as_of):
                keep.append(ch)
                leaver_day[ch.key] = left
        keep.sort(key=lambda c: (c.periods[0].start, c.key))
        self.kept = keep
        self.leaver_day = leaver_day
        self.workers()

        period_rows, ls_rows, pl_rows, sw_rows, adoption_rows = [], [], [], [], []
        self.period_child = []
        for ch in keep:
            for per in ch.periods:
                open_ = per.end > self.as_of
                end = NONE if open_ else per.end
                period_rows.append((ch.key, per.start, end, "" if open_ else per.reason, per.cin))
                for i, (code, st) in enumerate(per.ls):
                    if st > self.as_of:
                        break
                    nxt = per.ls[i + 1][1] if i + 1 < len(per.ls) else end
                    if nxt != NONE and nxt > self.as_of:
                        nxt = NONE
                    ls_rows.append((ch.key, code, st, nxt))
                segs = self.placements(ch, per)
                if per.reason == "E45" and segs[-1][3] != "kin":
                    per.reason = "E47"  # the special guardians were not the child's carers after all
                    if not open_:
                        period_rows[-1] = (*period_rows[-1][:3], "E47", per.cin)
                if per.reason == "E46" and segs[-1][3] != "foster":
                    per.reason = "E48"
                    if not open_:
                        period_rows[-1] = (*period_rows[-1][:3], "E48", per.cin)
                for i, (typ, st, tok, _kind, reason) in enumerate(segs):
                    nxt = segs[i + 1][1] if i + 1 < len(segs) else end
                    last = i + 1 == len(segs)
                    pl_rows.append((ch.key, typ, st, nxt, tok, "" if last else reason, per.home, ch.uasc))
                self.allocations(per, sw_rows, ch.key)
                if per.adoption:
                    row = {
                        k: (v if not isinstance(v, int) or v == NONE or v <= self.as_of else NONE)
                        for k, v in per.adoption.items()
                        if k != "number_of_adopters"
                    }
                    row["number_of_adopters"] = per.adoption["number_of_adopters"]
                    if row["best_interest_decision_date"] == NONE:
                        continue
                    if row["decision_reversed_date"] == NONE:  # not reversed yet: no reason either (rule 119)
                        row["decision_reversed_reason"] = ""
                    if row["matched_date"] == NONE:  # adopters are only known once matched
                        row.update(number_of_adopters=None, adopter_sex="", adopter_legal_status="")
                    if row["placed_date"] == NONE:
                        row["adopted_by_foster_carer"] = ""
                    row["child"] = ch.key
                    adoption_rows.append(row)
        say(f"built {len(period_rows)} periods of care and {len(pl_rows)} placements")

        periods = pd.DataFrame(
            period_rows, columns=["child", "start_date", "end_date", "reason_ended", "category_of_need"]
        )
        legal = pd.DataFrame(ls_rows, columns=["child", "legal_status", "start_date", "end_date"])
        placements = self.carers(
            pd.DataFrame(
                pl_rows,
                columns=[
                    "child",
                    "placement_type",
                    "start_date",
                    "end_date",
                    "token",
                    "reason_for_change",
                    "home",
                    "uasc",
                ],
            )
        )
        allocations = pd.DataFrame(
            sw_rows, columns=["child", "social_worker_id", "start_date", "end_date", "reason_ended"]
        )
        adoptions = pd.DataFrame(adoption_rows)
        tables = {
            "periods_of_care": periods,
            "legal_statuses": legal,
            "placements": placements,
            "social_worker_allocations": allocations,
            "adoptions": adoptions,
            "reviews": self.reviews(periods),
            "missing_episodes": self.missing(placements),
            "care_leaver_contacts": self.care_leaver_contacts(),
            "child_protection_plans": self.protection_plans(),
            "youth_justice": self.youth_justice(),
            "previous_permanence": self.previous_permanence(),
            "other_la_children": self.other_la_children(),
            "deprivation_of_liberty_orders": self.liberty_orders(placements),
        }
        tables["children"], names = self.children_table(placements)
        say("built the case-system histories")
        return self.finalise(tables, names)

    # ----------------------------------------------------------------------------------- carers and places
    # Where each kind of carer is: near the child's home (in Kent, or for some kinds just over the border)
    # or far away, and how strongly the near ones favour the child's home (miles). Tuned to KP: 82%
    # placed within 20 miles, about 20% outside Kent, 8 in 10 fostered children with in-house carers.
    LOCATION = {  # kind: (classes near home, share placed far away, miles)
        "inhouse": (("kent",), 0.0, 3.5),
        "ifa": (("kent", "near"), 0.3, 9.0),
        "home": (("kent", "near"), 0.5, 12.0),
        "reception": (("kent",), 0.0, 30.0),
        "supported": (("kent", "near"), 0.12, 8.0),
        "secure": (("near",), 0.85, 60.0),
        "school": (("kent",), 0.75, 40.0),
        "yoi": (("near",), 0.7, 60.0),
        "hospital": (("kent",), 0.0, 10.0),
        "other": (("kent",), 0.0, 10.0),
        "kin": (("kent",), 0.0, 3.0),
        "adopters": (("kent", "near"), 0.35, 15.0),
    }
    POOL_SIZE = {  # carers or settings per class at scale 1
        "inhouse": {"kent": 700},
        "ifa": {"kent": 260, "near": 120, "far": 80},
        "home": {"kent": 50, "near": 15, "far": 80},
        "reception": {"kent": 4},
        "supported": {"kent": 90, "near": 10, "far": 10},
        "secure": {"near": 2, "far": 14},
        "school": {"kent": 6, "far": 24},
        "yoi": {"near": 1, "far": 5},
        "hospital": {"kent": 6},
        "other": {"kent": 20},
    }
    PROVIDERS = {
        ("inhouse", "kent"): {"PR1": 1.0},
        ("ifa", "*"): {"PR4": 0.85, "PR5": 0.15},
        ("home", "kent"): {"PR1": 0.15, "PR4": 0.8, "PR5": 0.05},
        ("home", "*"): {"PR4": 0.9, "PR5": 0.1},
        ("reception", "kent"): {"PR1": 1.0},
        ("supported", "kent"): {"PR1": 0.2, "PR4": 0.6, "PR5": 0.2},
        ("supported", "*"): {"PR4": 0.75, "PR5": 0.25},
        ("secure", "*"): {"PR2": 0.8, "PR4": 0.2},
        ("school", "*"): {"PR4": 0.6, "PR5": 0.4},
        ("yoi", "*"): {"PR3": 1.0},
        ("hospital", "kent"): {"PR3": 1.0},
        ("other", "kent"): {"PR4": 1.0},
        ("kin", "kent"): {"PR1": 1.0},
        ("adopters", "kent"): {"PR1": 0.75, "PR5": 0.25},
        ("adopters", "*"): {"PR2": 0.6, "PR5": 0.4},
    }

    def _provider(self, kind: str, where: str) -> str:
        weights = self.PROVIDERS.get((kind, where)) or self.PROVIDERS[(kind, "*")]
        if (kind, where) not in self._provider_choice:
            self._provider_choice[(kind, where)] = Choice(weights)
        return self._provider_choice[(kind, where)](self.py)

    def _urns(self, n: int, school: bool = False) -> np.ndarray:
        nums = 100_000 + self.rng.choice(900_000, n, replace=False)
        return np.array([str(v) if school else f"SC{v:06d}" for v in nums], dtype=object)

    def carers(self, pl: pd.DataFrame) -> pd.DataFrame:
        """Give every carer token a carer, a place and a provider, and fill the placements' columns."""
        rng, pc = self.rng, self.pc
        kinds = np.array(self.token_kind, dtype=object)
        n = len(kinds)
        home = np.array(self.token_home, dtype=np.int64)
        uasc = np.array(self.token_uasc, dtype=bool)
        origin_e = np.where(home >= 0, pc.east[np.maximum(home, 0)], np.nan)
        origin_n = np.where(home >= 0, pc.north[np.maximum(home, 0)], np.nan)
        is_foster = kinds == "foster"
        inhouse = rng.random(n) < np.where(uasc, 0.5, cal.IN_HOUSE_FOSTER_SHARE)
        kinds = np.where(is_foster, np.where(inhouse, "inhouse", "ifa"), kinds)
        place = np.full(n, -1, dtype=np.int64)
        provider = np.full(n, "", dtype=object)
        urn = np.full(n, "", dtype=object)
        carer = np.full(n, "", dtype=object)
        class_pcs = {"kent": pc.kent, "near": pc.near, "far": pc.far}
        kent_fostering_urn, kent_adoption_urn = self._urns(2)
        self._member = 10000
        self._provider_choice: dict = {}
        agency_urns = self._urns(30)

        for kind, (near_classes, p_far, miles) in self.LOCATION.items():
            idx = np.flatnonzero(kinds == kind)
            if len(idx) == 0:
                continue
            # UASC have no home to be near: they are placed around the reception centres in Kent
            far = rng.random(len(idx)) < np.where(uasc[idx], p_far * 0.3, p_far)
            for is_far in (False, True):
                sel = idx[far == is_far]
                if len(sel) == 0:
                    continue
                classes = ("far",) if is_far else near_classes
                if kind in self.POOL_SIZE:
                    members = np.concatenate(
                        [rng.choice(class_pcs[c], max(1, round(self.POOL_SIZE[kind][c] * self.scale))) for c in classes]
                    )
                else:  # kinship carers and adopters are people of their own: any address will do
                    members = np.concatenate([class_pcs[c] for c in classes])
                # far away is still mostly the South East and London; residential care ranges wider
                reach = (150.0 if kind in ("home", "secure", "school", "yoi") else 70.0) if is_far else miles
                pick = pcm.pick_nearby(rng, origin_e[sel], origin_n[sel], pc.east[members], pc.north[members], reach)
                in_kent = pc.district[members] != ""
                if kind in self.POOL_SIZE:
                    size = len(members)
                    member_provider = np.array(
                        [self._provider(kind, "kent" if k else "*") for k in in_kent], dtype=object
                    )
                    if kind == "inhouse":
                        member_urn = np.full(size, kent_fostering_urn, dtype=object)
                    elif kind == "ifa":
                        member_urn = agency_urns[rng.integers(0, len(agency_urns), size)]
                    elif kind in ("yoi", "hospital"):
                        member_urn = np.full(size, "XXXXXXX", dtype=object)
                    else:
                        member_urn = self._urns(size, school=kind == "school")
                    prefix = "FC" if kind in ("inhouse", "ifa") else "RS"
                    member_id = np.array([f"{prefix}{self._member + j:05d}" for j in range(size)], dtype=object)
                    self._member += size
                    provider[sel] = member_provider[pick]
                    urn[sel] = member_urn[pick]
                    carer[sel] = member_id[pick]
                else:
                    provider[sel] = np.array(
                        [self._provider(kind, "kent" if k else "*") for k in in_kent[pick]], dtype=object
                    )
                    if kind == "kin":
                        urn[sel] = kent_fostering_urn
                    else:
                        agency = agency_urns[rng.integers(0, len(agency_urns), len(sel))]
                        urn[sel] = np.where(provider[sel] == "PR1", kent_adoption_urn, agency)
                    prefix = "KC" if kind == "kin" else "AD"
                    carer[sel] = np.array([f"{prefix}{j:06d}" for j in sel], dtype=object)
                place[sel] = members[pick]
        parents = kinds == "parents"
        place[parents] = home[parents]
        provider[parents] = "PR0"
        urn[parents] = "XXXXXXX"
        carer[parents] = np.array([f"PH{j:06d}" for j in np.flatnonzero(parents)], dtype=object)
        # A move is to somebody else: where a child's new placement drew the carer they just left (the pools are
        # small), it takes the carer of the next placement of the same kind instead (rule 435: a change of
        # placement changes the placement's details).
        tokens, kids = pl["token"].to_numpy(), pl["child"].to_numpy()
        prev = np.r_[-1, tokens[:-1]]
        same_child = np.r_[False, kids[1:] == kids[:-1]]
        clash = same_child & (tokens >= 0) & (prev >= 0) & (tokens != prev)
        clash &= carer[np.maximum(tokens, 0)] == carer[np.maximum(prev, 0)]
        for t in np.unique(tokens[clash]):
            rows = np.flatnonzero(tokens == t)
            near = [tokens[r - 1] for r in rows if same_child[r]]
            near += [tokens[r + 1] for r in rows if r + 1 < len(tokens) and same_child[r + 1]]
            taken = [carer[t], *(carer[k] for k in near if k >= 0)]
            others = np.flatnonzero((kinds == kinds[t]) & ~np.isin(carer, taken))
            if len(others):  # one far down the list: the child's own next placements are the tokens after t
                o = others[(np.searchsorted(others, t) + len(others) // 2) % len(others)]
                place[t], provider[t], urn[t], carer[t] = place[o], provider[o], urn[o], carer[o]

        tok = pl["token"].to_numpy()
        has = tok >= 0
        typ = pl["placement_type"].to_numpy()
        t_idx = np.where(has, tok, 0)
        blank = np.isin(typ, NO_PROVIDER)
        pl_place = np.where(has, place[t_idx], -1)
        pl_home = pl["home"].to_numpy()
        # A temporary placement (hospital, holiday, respite care) has an address too, in Kent near the placement
        # it interrupts (the row before, the same child's): every placement needs a postcode (rules 392b, 169).
        temp = ~has & np.isin(typ, TEMPORARY)
        if temp.any():
            before = np.maximum(np.flatnonzero(temp) - 1, 0)
            at = pl_place[before]
            e = np.where(at >= 0, pc.east[np.maximum(at, 0)], np.nan)
            n_ = np.where(at >= 0, pc.north[np.maximum(at, 0)], np.nan)
            pl_place[temp] = pc.kent[pcm.pick_nearby(rng, e, n_, pc.east[pc.kent], pc.north[pc.kent], 10.0)]
        # Only a child placed with parents lives at their home postcode (rule 392d): a carer who happens to share
        # it is moved to the next Kent postcode.
        clash = (pl_place >= 0) & (pl_place == pl_home) & (typ != "P1")
        if clash.any():
            kent_pos = np.searchsorted(pc.kent, pl_place[clash])
            pl_place[clash] = pc.kent[(kent_pos + 1) % len(pc.kent)]
        out = pd.DataFrame(
            {
                "child": pl["child"],
                "placement_type": typ,
                "provider": np.where(blank, "", np.where(typ == "P1", "PR0", provider[t_idx])),
                "carer_id": np.where(has, carer[t_idx], ""),
                "placement_postcode": np.where(pl_place >= 0, pc.pcd[np.maximum(pl_place, 0)], ""),
                "home_postcode": np.where(pl_home >= 0, pc.pcd[np.maximum(pl_home, 0)], ""),
                "urn": np.where(blank, "", np.where(np.isin(typ, NO_URN), "XXXXXXX", urn[t_idx])),
                "start_date": pl["start_date"],
                "end_date": pl["end_date"],
                "reason_for_change": pl["reason_for_change"],
                "_place": pl_place,
                "_home": pl["home"].to_numpy(),
            }
        )
        return out

    # ----------------------------------------------------------------------------------- reviews
    def reviews(self, periods: pd.DataFrame) -> pd.DataFrame:
        """Looked-after reviews: the first due 20 working days after entry, the second 3 months after the
        first, then every 6 months; each held on or before its due date, a few late (KP: 97.1% on time)."""
        rng = self.rng
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
            future = in_care & ((d > self.as_of) | (held > self.as_of))  # next review due, not yet held
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
        age = (held_col - self._dob_of(child_col)) / YEAR
        weights = cal.REVIEW_PARTICIPATION_WEIGHTS
        codes = np.array(list(weights), dtype=object)
        probs = np.array(list(weights.values()))
        part = codes[rng.choice(len(codes), len(held_col), p=probs / probs.sum())]
        part = np.where(age < 4, "PN0", part)
        part = np.where(held_col == NONE, "", part)
        return pd.DataFrame({"child": child_col, "due_date": due_col, "review_date": held_col, "participation": part})

    def _dob_of(self, keys: np.ndarray) -> np.ndarray:
        if not hasattr(self, "_dob_lookup"):
            lookup = np.zeros(len(self.children), dtype=np.int64)
            for ch in self.children:
                lookup[ch.key] = ch.dob
            self._dob_lookup = lookup
        return self._dob_lookup[np.asarray(keys, dtype=np.int64)]

    # ----------------------------------------------------------------------------------- missing
    def missing(self, pl: pd.DataFrame) -> pd.DataFrame:
        """Missing and away episodes: rare for most children, frequent for a few 12-17-year-olds, always
        inside one placement and closed before it ends (rules 575, 577, 580)."""
        rng = self.rng
        keys = np.array([c.key for c in self.kept])
        kind = rng.choice(3, len(keys), p=np.array(cal.MISSING_SHARE) / sum(cal.MISSING_SHARE))
        rate_of = np.zeros(len(self.children))
        rate_of[keys] = np.array(cal.MISSING_RATE)[kind]
        child = pl["child"].to_numpy()
        dob = self._dob_of(child)
        st = pl["start_date"].to_numpy()
        en = pl["end_date"].to_numpy()
        open_ = en == NONE
        seg_end = np.where(open_, self.as_of + 1, en)
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
        still_out = frame["open"].to_numpy() & (frame["end"].to_numpy() > self.as_of)
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

    # ----------------------------------------------------------------------------------- care leavers
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

    def care_leaver_contacts(self) -> pd.DataFrame:
        """A row per birthday 17-21 at which the young person was a care leaver (DfE OC3 cohort, see
        leaver_at): none for the 17th or 18th birthday a young person left care on (rule 1016)."""
        py = self.py
        rows = []
        for ch in self.kept:
            if not any(p.end > ch.b16 for p in ch.periods):  # never looked after beyond 16: never a care leaver
                continue
            for age in range(17, 22):
                b = bday(ch.dob, age)
                if b > self.as_of:
                    break
                last = self.leaver_at(ch, b)
                if last is None:
                    continue
                left = last.end
                if py.random() < 0.002:
                    rows.append((ch.key, b, NONE, "DIED", "0", "0"))
                    break
                if py.random() < cal.CARE_LEAVER_IN_TOUCH[age]:
                    act = (self.ACTIVITY_17_18 if age <= 18 else self.ACTIVITY_19_21)(py)
                    if age == 17:
                        acc = self.ACCOM_17(py)
                    elif last.reason == "E17" and age <= 20 and py.random() < 0.6:  # staying put
                        acc = "Z"
                    else:
                        acc = (self.ACCOM_18 if age == 18 else self.ACCOM_19)(py)
                    if len(acc) == 1:
                        acc += "2" if py.random() < 0.12 else "1"
                    contact = min(self.as_of, b - 30 + int(py.random() * 60))
                    rows.append((ch.key, b, max(contact, left), "YES", act, acc))
                else:
                    status = self.NOT_IN_TOUCH(py)
                    contact = NONE if status == "NO" else max(left, min(self.as_of, b - 30 + int(py.random() * 60)))
                    rows.append((ch.key, b, contact, status, "0", "0"))
        return pd.DataFrame(
            rows, columns=["child", "birthday", "contact_date", "in_touch", "activity", "accommodation"]
        )

    # ----------------------------------------------------------------------------------- plans, offending
    CP_CATEGORY = Choice({"NEG": 0.45, "EMO": 0.35, "PHY": 0.1, "SEX": 0.04, "MUL": 0.06})

    def protection_plans(self) -> pd.DataFrame:
        """Child protection plans: often before care (ending when the child comes in, a few running on for
        some weeks; KP: 13 children in care on a plan) and sometimes after going home."""
        py = self.py
        rows = []
        for ch in self.kept:
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
                        rows.append((ch.key, st, NONE if en > self.as_of else en, self.CP_CATEGORY(py)))
                        last_end = en
                if per.reason in ("E4A", "E4B") and per.end <= self.as_of and py.random() < 0.12:
                    st = per.end + 1 + int(py.random() * 120)
                    en = min(st + 90 + int(py.random() * 510), nxt_start)
                    if st <= self.as_of and st < en and st > last_end:
                        rows.append((ch.key, st, NONE if en > self.as_of else en, self.CP_CATEGORY(py)))
                        last_end = en
        return pd.DataFrame(rows, columns=["child", "start_date", "end_date", "category"])

    OUTCOME = Choice({"CONVICTION": 0.45, "CAUTION": 0.35, "CONDITIONAL_CAUTION": 0.2})

    def youth_justice(self) -> pd.DataFrame:
        """Convictions and cautions: a few children offending while in care aged 10-17, and remands."""
        py = self.py
        rows = []
        for ch in self.kept:
            for per in ch.periods:
                rows.extend((ch.key, d, o) for d, o in per.outcomes if d <= self.as_of)
            b10 = bday(ch.dob, 10)
            if py.random() >= cal.OFFENDER_SHARE * (0.3 if ch.uasc else 1.0):
                continue
            for per in ch.periods:
                lo, hi = max(per.start, b10), min(per.end, ch.b18, self.as_of)
                t = lo
                while True:
                    t += 1 + int(py.expovariate(cal.OFFENDING_RATE / YEAR))
                    if t >= hi:
                        break
                    rows.append((ch.key, t, self.OUTCOME(py)))
        frame = pd.DataFrame(rows, columns=["child", "outcome_date", "outcome"])
        return frame.drop_duplicates(ignore_index=True)

    def liberty_orders(self, pl: pd.DataFrame) -> pd.DataFrame:
        """Court orders depriving a child of liberty: a few children in children's homes (or Z12/Z13 settings),
        each order inside one such placement (DfE rules 709, 710)."""
        rng = self.rng
        st = pl["start_date"].to_numpy()
        en = pl["end_date"].to_numpy()
        seg_end = np.where(en == NONE, self.as_of + 1, en)
        age = (st - self._dob_of(pl["child"].to_numpy())) / YEAR
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
        end = np.where(end > self.as_of, NONE, end)
        return pd.DataFrame({"child": pl["child"].to_numpy()[pick], "start_date": start, "end_date": end})

    # ----------------------------------------------------------------------------------- permanence
    def previous_permanence(self) -> pd.DataFrame:
        """One row per child starting care from 1 April 2016: the permanence order before the latest start."""
        py = self.py
        rows = []
        for ch in self.kept:
            starts = [i for i, p in enumerate(ch.periods) if p.start >= PREV_PERM_FROM and p.start <= self.as_of]
            if not starts:
                continue
            i = starts[-1]
            before = ch.periods[i - 1] if i else None
            if before is not None and before.reason in ("E45", "E46", "E47", "E48", "E41"):
                code = "P2" if before.reason != "E41" else "P3"
                rows.append((ch.key, code, cal.LA_OLD_CODE, to_date(before.end).strftime("%d/%m/%Y")))
                continue
            r = py.random()
            code = (
                "Z1" if ch.uasc or r < 0.88 else "P1" if r < 0.91 else "P2" if r < 0.95 else "P3" if r < 0.97 else "P4"
            )
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
            text = (
                when.strftime("%d/%m/%Y")
                if r < 0.6
                else when.strftime("ZZ/%m/%Y")
                if r < 0.85
                else f"ZZ/ZZ/{when.year}"
            )
            r = py.random()
            # 999 when the authority that made the order is not known (rule 630 wants LA_PERM for P1-P3)
            la = cal.LA_OLD_CODE if r < 0.4 else py.choice(cal.OLD_LA_CODES[1:]) if r < 0.75 else "999"
            rows.append((ch.key, code, la, text))
        return pd.DataFrame(rows, columns=["child", "previous_permanence", "order_la", "order_date"])

    # ----------------------------------------------------------------------------------- other LAs' children
    def other_la_children(self) -> pd.DataFrame:
        """Children other authorities place in Kent (KP: about 1,300 at a time), mostly from London."""
        rng, py = self.rng, self.py
        lookup = pd.read_csv(pcm.SEEDS_DIR / "ltla21_to_utla21.csv", dtype=str)
        utla = sorted(set(lookup["UTLA21CD"]) - {cal.LA_CODE})
        utla = [u for u in utla if u.startswith("E")]
        london = [u for u in utla if u.startswith("E09")]
        south_east = [
            u for u in ("E06000035", "E10000011", "E10000012", "E10000030", "E10000032", "E10000014") if u in utla
        ]
        rest = [u for u in utla if u not in london and u not in south_east]
        median_years = 0.8
        mean_days = median_years * YEAR * math.exp(0.5)
        per_day = cal.OTHER_LA_CHILDREN_IN_KENT * self.scale / mean_days
        first = self.start - 6 * 365
        n = rng.poisson(per_day * (self.as_of - first))
        start = np.sort(first + rng.integers(0, self.as_of - first + 1, n))
        end = start + np.maximum(7, (median_years * YEAR * rng.lognormal(0, 1.0, n)).astype(np.int64))
        keep = end >= self.start
        start, end = start[keep], end[keep]
        n = len(start)
        group = rng.choice(3, n, p=[0.5, 0.25, 0.25])
        la = np.where(
            group == 0,
            np.array(london, dtype=object)[rng.integers(0, len(london), n)],
            np.where(
                group == 1,
                np.array(south_east, dtype=object)[rng.integers(0, len(south_east), n)],
                np.array(rest, dtype=object)[rng.integers(0, len(rest), n)],
            ),
        )
        types = Choice(
            {"U6": 0.35, "U4": 0.2, "U5": 0.03, "U3": 0.03, "U1": 0.02, "K2": 0.2, "S1": 0.03, "R1": 0.02, "SUP": 0.12}
        )
        ptype = []
        for s, e in zip(start, end, strict=True):
            t = types(py)
            if t == "SUP":
                t = "K3" if s >= CUT_SUPPORTED else "H5" if e <= CUT_SUPPORTED else "K2"
            ptype.append(t)
        districts = {
            "THA": 0.2,
            "SWA": 0.1,
            "DOV": 0.1,
            "FOL": 0.1,
            "CAN": 0.1,
            "MAI": 0.1,
            "ASH": 0.07,
            "TON": 0.05,
            "TUN": 0.05,
            "SEV": 0.04,
            "DAR": 0.05,
            "GRA": 0.04,
        }
        dnames = np.array(list(districts), dtype=object)
        dprob = np.array(list(districts.values()))
        refs = rng.choice(np.arange(10_000, 10_000_000), n, replace=False)
        frame = pd.DataFrame(
            {
                "placing_la": la,
                "child_reference": [str(r) for r in refs],
                "placement_type": ptype,
                "district": dnames[rng.choice(len(dnames), n, p=dprob / dprob.sum())],
                "start_date": start,
                "end_date": np.where(end > self.as_of, NONE, end),
            }
        )
        return frame

    # ----------------------------------------------------------------------------------- children
    FIRST_NAMES_M = (
        "Oliver",
        "Harry",
        "Jack",
        "George",
        "Noah",
        "Charlie",
        "Jacob",
        "Alfie",
        "Freddie",
        "Oscar",
        "Leo",
        "Logan",
        "Archie",
        "Theo",
        "Thomas",
        "Riley",
        "Mason",
        "Kai",
        "Seán",
        "José",
    )
    FIRST_NAMES_F = (
        "Olivia",
        "Amelia",
        "Isla",
        "Ava",
        "Mia",
        "Ivy",
        "Lily",
        "Isabella",
        "Sophia",
        "Grace",
        "Freya",
        "Poppy",
        "Ella",
        "Evie",
        "Chloé",
        "Zoë",
        "Renée",
        "Siân",
        "Ruby",
        "Millie",
    )
    LAST_NAMES = (
        "Smith",
        "Jones",
        "Taylor",
        "Brown",
        "Williams",
        "Wilson",
        "Johnson",
        "Davies",
        "Robinson",
        "Wright",
        "Thompson",
        "Evans",
        "Walker",
        "White",
        "Roberts",
        "Green",
        "Hall",
        "Wood",
        "Jackson",
        "Clarke",
        "Hughes",
        "Lewis",
        "Turner",
        "Cooper",
        "Ward",
        "Moore",
        "King",
        "Baker",
        "Harris",
        "Brennan",
    )
    UASC_FIRST = (
        "Ahmad",
        "Mohammed",
        "Yonas",
        "Abdul",
        "Omar",
        "Ali",
        "Hassan",
        "Samuel",
        "Dawit",
        "Mustafa",
        "Yosef",
        "Karim",
        "Bilal",
        "Ermias",
        "Rahim",
        "Amanuel",
        "Senait",
        "Hiwet",
        "Aziz",
        "Arben",
    )
    UASC_LAST = (
        "Haile",
        "Tesfay",
        "Ahmadi",
        "Rahimi",
        "Hussaini",
        "Karimi",
        "Mohammadi",
        "Gebre",
        "Ibrahim",
        "Hassan",
        "Abdullah",
        "Berhane",
        "Osman",
        "Noori",
        "Hoxha",
        "Mehmeti",
        "Yousef",
        "Kebede",
    )

    def children_table(self, placements: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        rng, py, pc = self.rng, self.py, self.pc
        first_place = placements.groupby("child", sort=False)["_place"].first()
        kept = self.kept
        n = len(kept)
        nhs = ids.make_nhs_numbers(rng, n)
        rows, names = [], []
        upn_need = []
        for i, ch in enumerate(kept):
            last = ch.periods[-1]
            in_care = last.end > self.as_of
            last_day = self.as_of if in_care else last.end
            age_last = (last_day - ch.dob) / YEAR
            arrival_age = (ch.periods[0].start - ch.dob) / YEAR
            r = py.random()
            if age_last < 4:
                upn = "UN1"
            elif ch.uasc and arrival_age >= 16 and r < 0.4:
                upn = "UN2"
            elif r < 0.02:
                upn = "UN5"
            elif r < 0.03:
                upn = "UN3"
            elif in_care and last.start > self.as_of - 7 and age_last >= 5 and len(ch.periods) == 1:
                upn = "UN4"  # newly looked after for the first time: a child back in care has a UPN known (rule 210)
            else:
                upn = None
                year = to_date(ch.periods[0].start).year if ch.uasc else to_date(ch.dob).year + 5
                upn_need.append((i, cal.LA_OLD_CODE if py.random() < 0.85 else py.choice(cal.OLD_LA_CODES), year))
            mother, child_dob = ("" if ch.sex == "M" else "N"), NONE
            if ch.sex == "F" and not ch.uasc or ch.sex == "F" and py.random() < 0.3:
                b14 = bday(ch.dob, 14)
                spans = [(max(p.start, b14 + 180), min(p.end, ch.b18, self.as_of)) for p in ch.periods]
                spans = [(a, b) for a, b in spans if b > a]
                exposure = sum(b - a for a, b in spans)
                if exposure and py.random() < 0.02 * exposure / YEAR:
                    a, b = spans[int(py.random() * len(spans))]
                    mother, child_dob = "Y", a + int(py.random() * (b - a))
            if ch.uasc:
                place = first_place.get(ch.key, -1)
                district = pc.district[place] if place >= 0 and pc.district[place] else "OUT"
            else:
                district = pc.district[last.home]
            if in_care:
                team = last.team
            elif self.leaver_day.get(ch.key, NONE) != NONE and self.as_of < bday(ch.dob, 21):
                team = "CARE_LEAVERS"
            else:
                team = last.team
            rows.append(
                (
                    ch.key,
                    upn,
                    nhs[i] if py.random() < 0.97 else "",
                    ch.sex,
                    ch.dob,
                    ch.ethnicity,
                    "Y" if ch.disability else "N",
                    "Y" if ch.uasc else "N",
                    ch.b18 if ch.uasc and ch.b18 <= self.as_of else NONE,
                    mother,
                    child_dob,
                    district,
                    team,
                )
            )
            if ch.uasc:
                names.append((ch.key, py.choice(self.UASC_FIRST), py.choice(self.UASC_LAST)))
            else:
                pool = self.FIRST_NAMES_M if ch.sex == "M" else self.FIRST_NAMES_F
                names.append((ch.key, py.choice(pool), py.choice(self.LAST_NAMES)))
        upns = ids.make_upns(rng, np.array([u[1] for u in upn_need]), np.array([u[2] for u in upn_need]))
        rows = [list(r) for r in rows]
        for (i, _la, _year), upn in zip(upn_need, upns, strict=True):
            rows[i][1] = upn
        frame = pd.DataFrame(
            rows,
            columns=[
                "child",
                "upn",
                "nhs_number",
                "sex",
                "date_of_birth",
                "ethnicity",
                "disability",
                "uasc",
                "uasc_ceased_date",
                "is_mother",
                "first_child_date_of_birth",
                "district",
                "team",
            ],
        )
        return frame, pd.DataFrame(names, columns=["child", "first_name", "last_name"])

    # ----------------------------------------------------------------------------------- output
    DATE_COLUMNS = {
        "children": ("date_of_birth", "uasc_ceased_date", "first_child_date_of_birth"),
        "periods_of_care": ("start_date", "end_date"),
        "legal_statuses": ("start_date", "end_date"),
        "placements": ("start_date", "end_date"),
        "reviews": ("due_date", "review_date"),
        "missing_episodes": ("start_date", "end_date"),
        "adoptions": (
            "best_interest_decision_date",
            "placement_order_date",
            "matched_date",
            "placed_date",
            "adoption_order_date",
            "decision_reversed_date",
        ),
        "care_leaver_contacts": ("birthday", "contact_date"),
        "social_worker_allocations": ("start_date", "end_date"),
        "child_protection_plans": ("start_date", "end_date"),
        "youth_justice": ("outcome_date",),
        "other_la_children": ("start_date", "end_date"),
        "deprivation_of_liberty_orders": ("start_date", "end_date"),
    }
    SORT = {
        "periods_of_care": ["start_date"],
        "legal_statuses": ["start_date"],
        "placements": ["start_date"],
        "reviews": ["due_date"],
        "missing_episodes": ["start_date"],
        "adoptions": ["best_interest_decision_date"],
        "care_leaver_contacts": ["birthday"],
        "social_worker_allocations": ["start_date"],
        "child_protection_plans": ["start_date"],
        "youth_justice": ["outcome_date", "outcome"],
        "deprivation_of_liberty_orders": ["start_date"],
    }

    def finalise(self, tables: dict, names: pd.DataFrame) -> dict:
        order = np.zeros(len(self.children), dtype=np.int64)
        for i, ch in enumerate(self.kept):
            order[ch.key] = i
        child_ids = np.array(ids.make_child_ids(self.rng, len(self.kept)), dtype=object)
        out = {}
        for name, frame in tables.items():
            frame = frame.copy()
            if "child" in frame.columns:
                frame["_order"] = order[frame["child"].to_numpy(dtype=np.int64)]
                frame = frame.sort_values(["_order", *self.SORT.get(name, [])], kind="stable")
                frame.insert(0, "child_id", child_ids[frame["_order"].to_numpy()])
                frame = frame.drop(columns=["child", "_order"])
            elif name == "other_la_children":
                frame = frame.sort_values(["start_date", "placing_la", "child_reference"], kind="stable")
            frame = frame.drop(columns=[c for c in frame.columns if c.startswith("_")])
            for col in frame.columns:
                if col in self.DATE_COLUMNS.get(name, ()):
                    frame[col] = to_datetime64(frame[col].to_numpy(dtype=np.int64))
                elif frame[col].dtype == object:  # blank text is missing, as it reads back from a file
                    values = frame[col].to_numpy()
                    frame[col] = np.where(values == "", None, values)
            out[name] = frame.reset_index(drop=True)
        pl = out["placements"]
        pl.insert(0, "placement_id", [str(700_001 + i) for i in range(len(pl))])
        out["placements"] = pl
        if "number_of_adopters" in out["adoptions"].columns:
            out["adoptions"]["number_of_adopters"] = out["adoptions"]["number_of_adopters"].astype("Int64")
        names = names.assign(_order=order[names["child"].to_numpy(dtype=np.int64)]).sort_values("_order")
        out["_names"] = pd.DataFrame(
            {
                "child_id": child_ids[names["_order"].to_numpy()],
                "first_name": names["first_name"].to_numpy(),
                "last_name": names["last_name"].to_numpy(),
            }
        )
        return out
