"""A simulated child and their care career: the periods of care, each with its legal statuses, planned
placement changes, placements and social workers. Dates are day numbers (`synthetic.days`).

Also when a child counts as a care leaver (DfE's OC3 cohort), which both the simulation (who to keep) and the
care leavers' contacts need.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from synthetic.days import NONE, bday


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
    placements: list = field(default_factory=list)  # [(type, start, carer token, kind, reason for change)]
    social_workers: list = field(default_factory=list)  # [(worker id, start, end, reason ended)]


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
    left_as_care_leaver: int = NONE  # the day they left care as a care leaver, or NONE


NOT_CARE_LEAVER = ("E2", "E3", "E11", "E12", "E15")  # died, another LA's, adopted, found to be an adult


def left_as_care_leaver(ch: Child, as_of: int) -> int:
    """The day the child left care as a care leaver, or NONE: looked after for 13 weeks after the 14th
    birthday, some of it after the 16th, and ceased care at 16 or later (DfE OC3 cohort, rule 1001). A
    child leaving on a special guardianship or child arrangements order is one too: DfE's cohort leaves
    out only those who died, were adopted, moved to another authority's care or were found to be adults."""
    last = ch.periods[-1]
    if last.end > as_of or last.end < ch.b16:
        return NONE
    if last.reason in NOT_CARE_LEAVER:
        return NONE
    b14 = bday(ch.dob, 14)
    days = sum(max(0, p.end - max(p.start, b14)) for p in ch.periods)
    return last.end if days >= 91 and last.end > ch.b16 else NONE


def period_left_before(ch: Child, b: int) -> Period | None:
    """The period of care the young person left before birthday `b` if they were a care leaver on it (the
    OC3 cohort, as the warehouse derives it: out of care on the birthday, having left before it, after
    13 weeks looked after since their 14th birthday with some of it after their 16th, the last period not
    ending in death, adoption, another authority's care or an age assessment), else None."""
    past = [p for p in ch.periods if p.start <= b]
    if not past or past[-1].end >= b or past[-1].reason in NOT_CARE_LEAVER:
        return None
    b14 = bday(ch.dob, 14)
    days14 = sum(max(0, min(p.end, b) - max(p.start, b14)) for p in past)
    after16 = any(min(p.end, b) > max(p.start, ch.b16) for p in past)
    return past[-1] if days14 >= 91 and after16 else None
