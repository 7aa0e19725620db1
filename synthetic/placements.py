"""A period of care's placements: the first, moves (at each child's own rate, which depends on how unsettled
they are), the planned changes the pathway set (placed for adoption, home to parents, long-term carers,
moving on to supported accommodation, special guardians), codes kept valid across the 903 code changes,
and now and then a short temporary placement.

Each placement with a new carer takes a carer token; `carers.py` later gives every token a carer, a place
and a provider.
"""

from __future__ import annotations

import random

from synthetic import calibration as cal
from synthetic.careers import Child, Period
from synthetic.days import CUT_SUPPORTED, FAR, FIRST_2025_26, LAST_2024_25, YEAR
from synthetic.draws import Choice

TEMPORARY = ("T0", "T1", "T2", "T3", "T4")
NO_PROVIDER = (*TEMPORARY, "Z1", "Z11", "Z12", "Z13", "Z14")
NO_URN = ("P1", "P2", "P3", "R1", "R2", "R5", "H5")  # settings Ofsted does not register: URN XXXXXXX (rule 222)

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


class CarerTokens:
    """The carers (or settings) children are placed with, numbered in the order they are first needed: the
    kind of carer, and the home and UASC status of the child who needed them (which decide where they are)."""

    def __init__(self) -> None:
        self.kind: list[str] = []
        self.home: list[int] = []
        self.uasc: list[bool] = []

    def new(self, kind: str, home: int, uasc: bool) -> int:
        self.kind.append(kind)
        self.home.append(home)
        self.uasc.append(uasc)
        return len(self.kind) - 1


def _supported_type(py: random.Random, day: int) -> str:
    r = py.random()
    if day >= CUT_SUPPORTED:
        if r < 0.92:
            return "K3"
        return "Z1" if day <= LAST_2024_25 else "Z1X"
    return "H5" if r < 0.8 else "P2" if r < 0.92 else "Z1"


def _new_placement(
    py: random.Random, tokens: CarerTokens, ch: Child, per: Period, day: int, kind: str, placed_type: str | None = None
):
    """A placement with a new carer of the given kind: (type, kind, token)."""
    age = (day - ch.dob) / YEAR
    if kind == "supported" and age < 16:
        kind = "foster"
    if placed_type is None:
        # The dict is built whole whatever the kind, so its draws happen for every new placement: they are
        # part of the seed's sequence (see synthetic.draws), keep them.
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
            placed_type = _supported_type(py, day)
    if placed_type.startswith("Z"):
        kind = "other"
    return placed_type, kind, tokens.new(kind, per.home, ch.uasc)


def _first_kind(py: random.Random, ch: Child, per: Period, age: float) -> str:
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


def _move_kind(py: random.Random, ch: Child, per: Period, day: int) -> str:
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


def period_placements(py: random.Random, tokens: CarerTokens, ch: Child, per: Period, as_of: int) -> list:
    """The placements of one period, as (type, start, token, kind, reason_for_change)."""
    s = per.start
    end = min(per.end, as_of + 1)
    age = (s - ch.dob) / YEAR
    events = sorted(per.events, key=lambda e: e[0])
    first = [e for e in events if e[1] == "first"]
    events = [e for e in events if e[1] != "first"]
    if first and first[0][2] == "RECEPTION":
        typ, kind, tok = "K2", "reception", tokens.new("reception", per.home, ch.uasc)
    elif first:
        code = first[0][2]
        kind = {"R5": "yoi", "K1": "secure", "K2": "home", "U6": "foster"}[code]
        typ, kind, tok = _new_placement(py, tokens, ch, per, s, kind, code)
    elif any(e[1] == "kin_final" and e[0] <= s for e in events):  # SGO carers from the start
        events = [e for e in events if e[1] != "kin_final"]
        typ, kind, tok = _new_placement(py, tokens, ch, per, s, "kin")
    else:
        kind = _first_kind(py, ch, per, age)
        typ, kind, tok = _new_placement(py, tokens, ch, per, s, kind)
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
                    new = (typ, "adopters", tokens.new("adopters", per.home, ch.uasc), "CARPL")
                    if by_carer and per.adoption:
                        # the carers meant to adopt are no longer the child's (a move came first): the adopters
                        # are new, as A4/A6 say, and the adoption record must say so too (rule 335)
                        per.adoption["adopted_by_foster_carer"] = "N"
                frozen = True
            elif action == "home":
                new = ("P1", "parents", tokens.new("parents", per.home, ch.uasc), "CARPL")
                frozen = True
            elif action == "long_term":
                if cur[0] in ("U6", "U3"):
                    new = ("U4" if cur[0] == "U6" else "U1", cur[3], cur[2], "PLACE")
                rate /= 2  # settled with long-term carers
            elif action == "move_on":
                if cur[3] not in ("supported", "other", "adopters", "parents"):
                    t, k, tk = _new_placement(py, tokens, ch, per, nxt, "supported")
                    if ch.uasc and arg == "UASC" and py.random() < 0.35:
                        t, k, tk = _new_placement(py, tokens, ch, per, nxt, "foster")
                    new = (t, k, tk, "CARPL")
            elif action == "kin_final":
                if cur[3] != "kin":
                    new = ("U3", "kin", tokens.new("kin", per.home, ch.uasc), "CARPL")
                frozen = True
        else:
            reason = MOVE_REASON(py)
            kind = _move_kind(py, ch, per, nxt)
            if kind == "yoi":
                reason = "CUSTOD"
            t, k, tk = _new_placement(py, tokens, ch, per, nxt, kind)
            new = (t, k, tk, reason)
            next_move = nxt + 1 + int(py.expovariate(rate))
        if new is not None:
            segs.append((cur[0], cur[1], cur[2], cur[3], new[3]))
            cur = [new[0], nxt, new[2], new[1]]
    segs.append((cur[0], cur[1], cur[2], cur[3], ""))
    segs = _code_windows(py, ch, segs, end)
    if len(segs) and py.random() < cal.TEMPORARY_PLACEMENT_SHARE:
        segs = _temporary(py, segs, end, [day for _code, day in per.ls[1:]])
    return segs


def _code_windows(py: random.Random, ch: Child, segs: list, end: int) -> list:
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
            typ = py.choice(("Z11", "Z12", "Z13", "Z14"))
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


def _temporary(py: random.Random, segs: list, end: int, legal_changes: list[int]) -> list:
    """A short temporary placement (hospital, holiday, respite) inside a foster placement, after which
    the child goes back to the same carers (rules 380, 381, 383), with no change of legal status while it
    lasts or on the day the child returns (`legal_changes`: the days the period's legal status changes)."""
    for i, (typ, st, tok, kind, reason) in enumerate(segs):
        en = segs[i + 1][1] if i + 1 < len(segs) else end
        if kind in ("foster", "kin") and en - st > 40:
            at = st + 10 + int(py.random() * (en - st - 30))
            days = 1 + int(py.random() * 13)
            temp = Choice({"T1": 0.3, "T2": 0.2, "T3": 0.3, "T0": 0.1, "T4": 0.1})(py)
            if at + days >= en - 5:
                continue
            at = _clear_of_legal_changes(at, days, st, en, legal_changes)
            if at is None:
                return segs  # no draw more: the seed's later draws stay as they were
            if temp == "T4" and (days > 7 or at + days > LAST_2024_25):
                temp = "T0"
            return [
                *segs[:i],
                (typ, st, tok, kind, "OTHER"),
                (temp, at, -1, "temp", ""),
                (typ, at + days, tok, kind, reason),
                *segs[i + 1 :],
            ]
    return segs


def _clear_of_legal_changes(at: int, days: int, st: int, en: int, legal_changes: list[int]) -> int | None:
    """The temporary placement's first day, moved where no change of legal status falls after it starts and by
    the day the child returns. DfE's 903 has no episode for such a change: an episode in a temporary placement
    starts with a move (RNE P or B, rule 380) and the next is the return to the same placement (RNE P, rule
    383). A court order made while a child is on holiday is real, but an authority's return cannot hold it as
    such, so the clean demo authority has none: the interlude ends the day before the change, or else starts
    the day after it (None: it fits neither way)."""

    def clear(first: int) -> bool:
        return not any(first < day <= first + days for day in legal_changes)

    if clear(at):
        return at
    inside = [day for day in legal_changes if at < day <= at + days]
    for moved in (min(inside) - 1 - days, max(inside) + 1):
        if st < moved and moved + days < en - 5 and clear(moved):
            return moved
    return None
