"""Social workers: a pool per team, each worker replaced some weeks after leaving, and the workers allocated to
a child through a period of care (a change every nine months or so, and whenever one leaves)."""

from __future__ import annotations

import random

from synthetic import calibration as cal
from synthetic.careers import Period
from synthetic.days import NONE, SW_REASON_FROM, YEAR
from synthetic.draws import Choice

# Why a child's social worker changes other than the worker leaving (LEFTRL, below). DfE's 2024 statistics for
# children looked after at 31 March: managing caseloads 13% of all episodes, absence cover 3%, child's request
# (CHCHAN) under 0.5%; the other shares are not published.
SW_CHANGE_REASON = Choice(
    {"MANAGE": 0.4, "TSPROC": 0.2, "ORGRST": 0.12, "ABSENC": 0.1, "CHCHAN": 0.01, "PCCHAN": 0.04, "OTHERS": 0.13}
)
BUCKET_DAYS = 30  # workers are looked up by the month-long bucket they are in post in


class SocialWorkers:
    """Every worker the authority employs from three years before `sim_start` to `as_of`, by team."""

    def __init__(self, py: random.Random, scale: float, sim_start: int, as_of: int, per_team: dict[str, float]):
        """`per_team`: each team's social workers at scale 1."""
        self.as_of = as_of
        rows = []
        for team, size in per_team.items():
            for _ in range(max(2, round(size * scale))):
                t = sim_start - int(py.random() * 3 * 365)
                while t <= as_of:
                    tenure = 60 + int(py.expovariate(1 / (cal.SOCIAL_WORKER_TENURE_YEARS * YEAR)))
                    rows.append((t, team, t + tenure))
                    t += tenure + int(py.random() * 60)
        rows.sort()
        self.ids = [f"SW{1001 + i:04d}" for i in range(len(rows))]
        self.hired = [r[0] for r in rows]
        self.left = [r[2] for r in rows]
        self.base = sim_start - 3 * 365
        n_buckets = (as_of - self.base) // BUCKET_DAYS + 2
        self.buckets: dict[str, list[list[int]]] = {team: [[] for _ in range(n_buckets)] for team in per_team}
        for i, (hire, team, leave) in enumerate(rows):
            first, last = (hire - self.base) // BUCKET_DAYS, (leave - self.base) // BUCKET_DAYS
            for b in range(max(0, first), min(n_buckets, last + 1)):
                self.buckets[team][b].append(i)

    def allocate(self, py: random.Random, per: Period) -> list:
        """The workers for the whole period, as (worker id, start, end, reason ended)."""
        out = []
        t, prev, end = per.start, -1, per.end
        bucket_list = self.buckets[per.team]
        while t < end and t <= self.as_of:
            options = bucket_list[min(len(bucket_list) - 1, (t - self.base) // BUCKET_DAYS)]
            w = -1
            for _ in range(12):
                c = options[int(py.random() * len(options))]
                if c != prev and self.hired[c] <= t < self.left[c]:
                    w = c
                    break
            if w < 0:  # nobody free in the bucket: keep the last worker or take any
                w = prev if prev >= 0 and self.left[prev] > t else options[0]
            e = min(t + 14 + int(py.gammavariate(2.0, cal.SOCIAL_WORKER_CHANGE_DAYS / 2)), end)
            if self.left[w] > t:
                e = min(e, self.left[w])
            if e > self.as_of:
                out.append((self.ids[w], t, NONE, ""))
                return out
            if e >= per.end:  # care ended: the case moves to another team (leaving care, family support)
                reason = "TSPROC"
            elif e == self.left[w]:
                # A worker leaving is LEFTRL; FCONTA (first contact) starts a child's involvement, never
                # ends a worker's (SW10bSTG2). The draw is kept so the rest of the population is unchanged.
                py.random()
                reason = "LEFTRL"
            else:
                reason = SW_CHANGE_REASON(py)
            out.append((self.ids[w], t, e, reason if e >= SW_REASON_FROM else ""))
            t, prev = e, w
        return out
