"""The simulation: children's lives in and after care.

Children arrive (citizen children at every age, and unaccompanied asylum-seeking children mostly at 15-17),
follow a pathway through care (`pathways.py`), move placements (`placements.py`), have social workers
(`social_workers.py`), leave care and may come back. The simulation starts twelve years before the history
so that the children already in care on its first day have realistic earlier start dates, and keeps every
child looked after at any time in the history (or a care leaver in it): that is the population the
case-system tables are built from (`case_system.py`).

Dates are integer day numbers (`synthetic.days`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np

from synthetic import calibration as cal
from synthetic import postcodes as pcm
from synthetic.area import Area
from synthetic.careers import Child, left_as_care_leaver
from synthetic.days import NONE, YEAR, bday, birthdays, to_date, to_day
from synthetic.draws import Choice, Draws, band
from synthetic.pathways import plan_period
from synthetic.placements import CarerTokens, period_placements
from synthetic.social_workers import SocialWorkers

ETHNICITY_CITIZEN = Choice(cal.ETHNICITY_CITIZEN)
ETHNICITY_UASC = Choice(cal.ETHNICITY_UASC)
UASC_AGE = Choice(cal.UASC_ARRIVAL_AGE)
ENTRY_AGE = Choice(cal.CITIZEN_ENTRY_AGE)
RETURNED_HOME = ("E4A", "E4B", "E13", "E8", "E41")  # reasons a period ends after which a child may come back


@dataclass(frozen=True, eq=False)
class Population:
    """What the simulation hands to the case-system tables: the children and their care careers."""

    children: list[Child]  # looked after in the history or care leavers in it, in order of first entry
    dob_by_key: np.ndarray  # the date of birth of every child simulated (kept or not), indexed by Child.key
    carer_tokens: CarerTokens  # the carers placements need, for carers.py to find
    postcodes: pcm.Postcodes
    scale: float
    start: int  # first day of the history
    as_of: int  # the extract date

    @property
    def simulated(self) -> int:
        """How many children the simulation made (child keys run from 0 to this)."""
        return len(self.dob_by_key)

    def dob_of(self, keys: np.ndarray) -> np.ndarray:
        return self.dob_by_key[np.asarray(keys, dtype=np.int64)]


def simulate(
    draws: Draws,
    scale: float,
    start: date,
    as_of: date,
    progress: Callable[[str], None] | None = None,
    area: Area | None = None,
) -> Population:
    """Simulate children's care careers so that the history from `start` to `as_of` is complete, in `area`
    (the configured authority's by default)."""
    return Simulation(draws, scale, start, as_of, area).run(progress or (lambda _msg: None))


class Simulation:
    def __init__(self, draws: Draws, scale: float, start: date, as_of: date, area: Area | None = None):
        self.rng, self.py = draws.rng, draws.py
        self.scale = scale
        self.start = to_day(start)
        self.as_of = to_day(as_of)
        self.sim_start = to_day(date(start.year - 12, start.month, 1))
        self.pc = pcm.load_postcodes(None, area)
        self.children: list[Child] = []
        self.tokens = CarerTokens()

    def run(self, say: Callable[[str], None]) -> Population:
        self.arrivals()
        say(f"simulated {len(self.children)} children's careers")
        kept = []
        for ch in self.children:
            left = left_as_care_leaver(ch, self.as_of)
            b21 = bday(ch.dob, 22)
            in_window = any(p.end >= self.start for p in ch.periods)
            if in_window or (left != NONE and b21 > self.start and left <= self.as_of):
                ch.left_as_care_leaver = left
                kept.append(ch)
        kept.sort(key=lambda c: (c.periods[0].start, c.key))
        self.placements_and_social_workers(kept)
        return Population(
            children=kept,
            dob_by_key=np.array([ch.dob for ch in self.children], dtype=np.int64),
            carer_tokens=self.tokens,
            postcodes=self.pc,
            scale=self.scale,
            start=self.start,
            as_of=self.as_of,
        )

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
        self.spare_homes = pcm.sample_homes(rng, self.pc, 2000)  # where families who move go
        for i in range(n):
            u = bool(uasc[i])
            age = age_days[i] / YEAR
            male = py.random() < (cal.MALE_SHARE_UASC if u else cal.MALE_SHARE_CITIZEN)
            shares = band(cal.INSTABILITY_SHARE, age)
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
            per = plan_period(py, ch, t, self.pc)
            ch.periods.append(per)
            if per.end > self.as_of or per.reason not in RETURNED_HOME:
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

    # ----------------------------------------------------------------------------------- in care
    def placements_and_social_workers(self, kept: list[Child]) -> None:
        """Each kept child's placements and social workers, period by period (the draws interleave)."""
        workers = SocialWorkers(self.py, self.scale, self.sim_start, self.as_of, self.pc.area.social_workers_per_team)
        for ch in kept:
            for per in ch.periods:
                per.placements = period_placements(self.py, self.tokens, ch, per, self.as_of)
                last_kind = per.placements[-1][3]
                if per.reason == "E45" and last_kind != "kin":
                    per.reason = "E47"  # the special guardians were not the child's carers after all
                if per.reason == "E46" and last_kind != "foster":
                    per.reason = "E48"
                per.social_workers = workers.allocate(self.py, per)
