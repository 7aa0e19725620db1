"""A period of care planned from its start: the pathway through care (adoption, special guardianship, return
home, long-term care until 18, remand, ...), the legal statuses, when and why it ends, the planned placement
changes, adoption milestones and youth-justice outcomes. The placements themselves follow in `placements.py`.
"""

from __future__ import annotations

import math
import random

from synthetic import calibration as cal
from synthetic.careers import Child, Period
from synthetic.days import NONE, YEAR, to_day
from synthetic.draws import Choice, band
from synthetic.postcodes import Postcodes

PATHWAY_CHOICE = {ages: Choice(w) for ages, w in cal.PATHWAYS.items()}
CIN_CHOICE = Choice(cal.CIN_CITIZEN)
CIN_TEEN = Choice({**cal.CIN_CITIZEN, "N6": 0.07})
REASON_AT_18 = Choice({"E5": 0.33, "E6": 0.08, "E17": 0.2, "E8": 0.32, "E13": 0.07})
REASON_AT_18_UASC = Choice({"E5": 0.45, "E6": 0.12, "E17": 0.1, "E8": 0.33})
REASON_HOME_YOUNG = Choice({"E4A": 0.55, "E4B": 0.13, "E13": 0.2, "E41": 0.04, "E8": 0.08})
REASON_HOME_16 = Choice({"E13": 0.27, "E4A": 0.22, "E4B": 0.13, "E5": 0.15, "E6": 0.08, "E8": 0.15})
REASON_SGO = Choice({"E45": 0.4, "E46": 0.15, "E47": 0.35, "E48": 0.1})


def plan_period(py: random.Random, ch: Child, start: int, pc: Postcodes) -> Period:
    """The child's next period of care, starting on `start`. The authority's teams (`pc.area`) and the district
    of the child's home postcode decide the team the case sits with."""
    per = _plan_uasc(py, ch, start) if ch.uasc else _plan_citizen(py, ch, start, bool(ch.periods))
    _finish(py, ch, per, pc)
    return per


def _care_order_start(py: random.Random, s: int) -> tuple[list, int]:
    """Statuses up to the interim care order: straight to C1, or police protection / EPO / s20 first."""
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


def _final_hearing(py: random.Random, c1: int) -> int:
    """Care proceedings take about 26 weeks from the interim order (KP: ICO 7% of children in care)."""
    return c1 + 90 + int(py.random() * 120)


def _plan_citizen(py: random.Random, ch: Child, s: int, repeat: bool) -> Period:
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
    PATHS[pathway](py, ch, per, age)
    return per


def _adopt(py: random.Random, ch: Child, per: Period, age: float) -> None:
    s = per.start
    by_foster_carer = py.random() < 0.15
    if py.random() < cal.ADOPTION_WITH_CONSENT:  # relinquished: s20 with consent, A3/A4, no order
        per.ls = [("V2", s)]
        bid = s + 14 + int(py.random() * 76)
        match = bid + 30 + int(py.random() * 170)
        placed = match + 7 + int(py.random() * 35)
        per.end = placed + 84 + int(py.random() * 220)
        per.reason = "E11"
        per.events = [(placed, "adopt", (by_foster_carer, True))]
        per.adoption = _adoption_row(py, bid, NONE, match, placed, per.end, by_foster_carer)
        return
    per.ls, c1 = _care_order_start(py, s)
    bid = max(s + 60 + int(py.random() * 270), c1 + 14)
    final_hearing = _final_hearing(py, c1)
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
            per.adoption = _adoption_row(py, bid, po, NONE, NONE, NONE, False)
            per.adoption["decision_reversed_date"] = reversed_on
            per.adoption["decision_reversed_reason"] = py.choice(("RD1", "RD2", "RD3", "RD4"))
            if py.random() < 0.4:
                per.end = reversed_on + 150 + int(py.random() * 450)
                per.reason = py.choice(("E46", "E47"))
            else:
                per.pathway = "LONG_TERM"
                _long_term_end(py, ch, per, age, reversed_on + 180)
            return
    per.end = order
    per.reason = "E12" if py.random() < 0.6 else "E11"
    per.events = [(placed, "adopt", (by_foster_carer, False))]
    per.adoption = _adoption_row(py, bid, po, match, placed, order, by_foster_carer)


def _adoption_row(py: random.Random, bid, po, match, placed, order, by_foster_carer) -> dict:
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


def _sgo(py: random.Random, ch: Child, per: Period, age: float) -> None:
    s = per.start
    if py.random() < 0.8:
        per.ls, c1 = _care_order_start(py, s)
        final_hearing = _final_hearing(py, c1)
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


def _return_long(py: random.Random, ch: Child, per: Period, age: float) -> None:
    s = per.start
    per.ls, c1 = _care_order_start(py, s)
    final_hearing = _final_hearing(py, c1)
    per.ls.append(("C2", final_hearing))
    per.end = s + 420 + int(py.random() * 1040)
    if per.end <= final_hearing + 30:
        per.end = final_hearing + 30 + int(py.random() * 170)
    # placed with parents under the care order before it is discharged (never under s20: rule 378)
    home_on = max(final_hearing, per.end - 120 - int(py.random() * 280))
    if home_on < per.end - 14:
        per.events = [(home_on, "home", None)]
    per.reason = Choice({"E4A": 0.8, "E41": 0.08, "E13": 0.12})(py)


def _return_short(py: random.Random, ch: Child, per: Period, age: float) -> None:
    s = per.start
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


def _long_term(py: random.Random, ch: Child, per: Period, age: float) -> None:
    s = per.start
    if py.random() < (0.85 if age < 5 else 0.7 if age < 12 else 0.6):
        per.ls, c1 = _care_order_start(py, s)
        per.ls.append(("C2", _final_hearing(py, c1)))
    else:
        per.ls = [("V2", s)]
    _long_term_end(py, ch, per, age, s + 365)
    per.events.append((s + 270 + int(py.random() * 450), "long_term", None))


def _long_term_end(py: random.Random, ch: Child, per: Period, age: float, earliest: int) -> None:
    if py.random() < band(cal.LONG_TERM_STAY_TO_18, age) or earliest >= ch.b18 - 30:
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


def _remand(py: random.Random, ch: Child, per: Period, age: float) -> None:
    s = per.start
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


def _ro(py: random.Random, ch: Child, per: Period, age: float) -> None:
    s = per.start
    per.ls, c1 = _care_order_start(py, s)
    final_hearing = c1 + 100 + int(py.random() * 230)
    per.end = final_hearing
    if py.random() < 0.3:
        per.ls.append(("C2", final_hearing))
        per.end = final_hearing + 60 + int(py.random() * 400)
    per.reason = "E41"


def _transfer(py: random.Random, ch: Child, per: Period, age: float) -> None:
    s = per.start
    per.ls = [("V2", s)] if py.random() < 0.5 else _care_order_start(py, s)[0]
    per.end = s + max(7, int(py.lognormvariate(math.log(200), 0.8)))
    per.reason = "E3"


def _died(py: random.Random, ch: Child, per: Period, age: float) -> None:
    s = per.start
    per.ls = [("V2", s)] if py.random() < 0.5 else _care_order_start(py, s)[0]
    per.end = s + 10 + int(py.random() * 900)
    per.reason = "E2"


def _plan_uasc(py: random.Random, ch: Child, s: int) -> Period:
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
    return per


def _finish(py: random.Random, ch: Child, per: Period, pc: Postcodes) -> None:
    """Leave care by the 18th birthday at the latest; keep statuses inside the period."""
    per.end = max(per.end, per.start + 1)
    if per.end >= ch.b18:
        per.end = ch.b18
        if per.reason not in ("E5", "E6", "E17", "E8", "E13"):
            per.reason = (REASON_AT_18_UASC if ch.uasc else REASON_AT_18)(py)
    per.ls = [st for st in per.ls if st[1] < per.end]
    per.events = [ev for ev in per.events if ev[0] < per.end]
    if per.adoption and per.reason not in ("E11", "E12"):
        for k in ("matched_date", "placed_date", "adoption_order_date"):
            if per.adoption[k] != NONE and per.adoption[k] >= per.end:
                per.adoption[k] = NONE
        if per.adoption["decision_reversed_date"] != NONE and per.adoption["decision_reversed_date"] >= per.end:
            per.adoption["decision_reversed_date"] = NONE
            per.adoption["decision_reversed_reason"] = ""
    per.team = _team(ch, per, pc)


def _team(ch: Child, per: Period, pc: Postcodes) -> str:
    """The UASC or disabled children's team where the authority has one, else the area team of the home."""
    area = pc.area
    if ch.uasc and area.uasc_team:
        return area.uasc_team
    if per.cin == "N2" and area.disabled_team:
        return area.disabled_team
    return area.team_for_home(per.home, pc.district[per.home] if per.home >= 0 else "")


PATHS = {
    "ADOPT": _adopt,
    "SGO": _sgo,
    "RETURN_LONG": _return_long,
    "RETURN_SHORT": _return_short,
    "LONG_TERM": _long_term,
    "REMAND": _remand,
    "RO": _ro,
    "TRANSFER": _transfer,
    "DIED": _died,
}
