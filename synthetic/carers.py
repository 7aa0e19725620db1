"""Carers and places: who each carer token (`placements.py`) is, where they are and who provides them, and so
the placements table's provider, carer, URN and postcode columns.

Foster carers, children's homes, supported accommodation, secure units, schools and the other settings come
from pools of a size per scale, placed near the child's home (in Kent, or for some kinds just over the
border) or far away; kinship carers and adopters are people of their own at any address. Tuned to the Kent
profile: 82% placed within 20 miles, about 20% outside Kent, 8 in 10 fostered children with in-house carers.
"""

from __future__ import annotations

import random

import numpy as np
import pandas as pd

from synthetic import calibration as cal
from synthetic import postcodes as pcm
from synthetic.draws import Choice, Draws
from synthetic.placements import NO_PROVIDER, NO_URN, TEMPORARY, CarerTokens

# Where each kind of carer is: the classes of place near the child's home, the share placed far away, and how
# strongly the near ones favour the child's home (miles).
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
PROVIDERS = {  # (kind, "kent" or "*" for anywhere else): provider code weights
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
PROVIDER_CHOICE = {key: Choice(weights) for key, weights in PROVIDERS.items()}
RESIDENTIAL = ("home", "secure", "school", "yoi")  # settings placed far away range wider than carers
FIRST_MEMBER = 10000  # carer and setting ids (FC10000, RS10001, ...) number on from here


def placements_table(segments: pd.DataFrame, tokens: CarerTokens, pc: pcm.Postcodes, scale: float, draws: Draws):
    """The placements with their carers: `segments` holds a row per placement (child, placement_type,
    start_date, end_date, token, reason_for_change, home, uasc); internal columns start with '_'."""
    kinds, place, provider, urn, carer = _carers(tokens, pc, scale, draws)
    _another_carer_on_a_move(segments, kinds, place, provider, urn, carer)

    tok = segments["token"].to_numpy()
    has = tok >= 0
    typ = segments["placement_type"].to_numpy()
    t_idx = np.where(has, tok, 0)
    blank = np.isin(typ, NO_PROVIDER)
    pl_place = np.where(has, place[t_idx], -1)
    pl_home = segments["home"].to_numpy()
    _postcodes_of_temporary_placements(draws.rng, pc, typ, has, pl_place)
    _not_at_the_home_postcode(pc, typ, pl_place, pl_home)
    pl_provider = np.where(blank, "", np.where(typ == "P1", "PR0", provider[t_idx]))
    pl_urn = np.where(blank, "", np.where(np.isin(typ, NO_URN), "XXXXXXX", urn[t_idx]))
    _a_move_changes_the_address(pc, segments["child"].to_numpy(), typ, pl_provider, pl_urn, pl_place, pl_home)
    return pd.DataFrame(
        {
            "child": segments["child"],
            "placement_type": typ,
            "provider": pl_provider,
            "carer_id": np.where(has, carer[t_idx], ""),
            "placement_postcode": np.where(pl_place >= 0, pc.pcd[np.maximum(pl_place, 0)], ""),
            "home_postcode": np.where(pl_home >= 0, pc.pcd[np.maximum(pl_home, 0)], ""),
            "urn": pl_urn,
            "start_date": segments["start_date"],
            "end_date": segments["end_date"],
            "reason_for_change": segments["reason_for_change"],
            "_place": pl_place,
            "_home": segments["home"].to_numpy(),
        }
    )


def _provider(py: random.Random, kind: str, where: str) -> str:
    return (PROVIDER_CHOICE.get((kind, where)) or PROVIDER_CHOICE[(kind, "*")])(py)


def _urns(rng: np.random.Generator, n: int, school: bool = False) -> np.ndarray:
    nums = 100_000 + rng.choice(900_000, n, replace=False)
    return np.array([str(v) if school else f"SC{v:06d}" for v in nums], dtype=object)


def _carers(tokens: CarerTokens, pc: pcm.Postcodes, scale: float, draws: Draws) -> tuple:
    """For every carer token: its kind (foster carers split into in-house and agency), place (postcode
    index), provider, URN and carer id."""
    rng, py = draws.rng, draws.py
    kinds = np.array(tokens.kind, dtype=object)
    n = len(kinds)
    home = np.array(tokens.home, dtype=np.int64)
    uasc = np.array(tokens.uasc, dtype=bool)
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
    kent_fostering_urn, kent_adoption_urn = _urns(rng, 2)
    next_member = FIRST_MEMBER
    agency_urns = _urns(rng, 30)

    for kind, (near_classes, p_far, miles) in LOCATION.items():
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
            if kind in POOL_SIZE:
                members = np.concatenate(
                    [rng.choice(class_pcs[c], max(1, round(POOL_SIZE[kind][c] * scale))) for c in classes]
                )
            else:  # kinship carers and adopters are people of their own: any address will do
                members = np.concatenate([class_pcs[c] for c in classes])
            # far away is still mostly the South East and London; residential care ranges wider
            reach = (150.0 if kind in RESIDENTIAL else 70.0) if is_far else miles
            pick = pcm.pick_nearby(rng, origin_e[sel], origin_n[sel], pc.east[members], pc.north[members], reach)
            in_kent = pc.in_area[members]
            if kind in POOL_SIZE:
                size = len(members)
                member_provider = np.array([_provider(py, kind, "kent" if k else "*") for k in in_kent], dtype=object)
                if kind == "inhouse":
                    member_urn = np.full(size, kent_fostering_urn, dtype=object)
                elif kind == "ifa":
                    member_urn = agency_urns[rng.integers(0, len(agency_urns), size)]
                elif kind in ("yoi", "hospital"):
                    member_urn = np.full(size, "XXXXXXX", dtype=object)
                else:
                    member_urn = _urns(rng, size, school=kind == "school")
                prefix = "FC" if kind in ("inhouse", "ifa") else "RS"
                member_id = np.array([f"{prefix}{next_member + j:05d}" for j in range(size)], dtype=object)
                next_member += size
                provider[sel] = member_provider[pick]
                urn[sel] = member_urn[pick]
                carer[sel] = member_id[pick]
            else:
                provider[sel] = np.array(
                    [_provider(py, kind, "kent" if k else "*") for k in in_kent[pick]], dtype=object
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
    return kinds, place, provider, urn, carer


def _another_carer_on_a_move(segments: pd.DataFrame, kinds, place, provider, urn, carer) -> None:
    """A move is to somebody else: where a child's new placement drew the carer they just left (the pools are
    small), it takes the carer of the next placement of the same kind instead (rule 435: a change of
    placement changes the placement's details)."""
    tokens, kids = segments["token"].to_numpy(), segments["child"].to_numpy()
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


def _postcodes_of_temporary_placements(rng, pc: pcm.Postcodes, typ, has, pl_place) -> None:
    """A temporary placement (hospital, holiday, respite care) has an address too, in Kent near the placement
    it interrupts (the row before, the same child's): every placement needs a postcode (rules 392b, 169)."""
    temp = ~has & np.isin(typ, TEMPORARY)
    if temp.any():
        before = np.maximum(np.flatnonzero(temp) - 1, 0)
        at = pl_place[before]
        e = np.where(at >= 0, pc.east[np.maximum(at, 0)], np.nan)
        n_ = np.where(at >= 0, pc.north[np.maximum(at, 0)], np.nan)
        pl_place[temp] = pc.kent[pcm.pick_nearby(rng, e, n_, pc.east[pc.kent], pc.north[pc.kent], 10.0)]


def _a_move_changes_the_address(pc: pcm.Postcodes, kids, typ, provider, urn, pl_place, pl_home) -> None:
    """A move to another carer of the same kind, provider and URN at the same postcode would look like no move at
    all (rule 435): where an authority has few postcodes (a sample of 25), the new carer moves to the next
    postcode of the authority. The calibrated authority's thousands of postcodes almost never need it."""
    same = np.r_[False, (kids[1:] == kids[:-1]) & (typ[1:] == typ[:-1]) & (provider[1:] == provider[:-1])]
    same &= np.r_[False, (urn[1:] == urn[:-1]) & (pl_place[1:] == pl_place[:-1])] & (pl_place >= 0) & (typ != "P1")
    for row in np.flatnonzero(same):
        if pl_place[row] == pl_place[row - 1]:  # an earlier move in the loop may have separated them already
            pos = np.searchsorted(pc.kent, pl_place[row])
            for step in range(1, len(pc.kent)):
                candidate = pc.kent[(pos + step) % len(pc.kent)]
                if candidate != pl_home[row] and candidate != pl_place[row - 1]:
                    pl_place[row] = candidate
                    break


def _not_at_the_home_postcode(pc: pcm.Postcodes, typ, pl_place, pl_home) -> None:
    """Only a child placed with parents lives at their home postcode (rule 392d): a carer who happens to share
    it is moved to the next Kent postcode."""
    clash = (pl_place >= 0) & (pl_place == pl_home) & (typ != "P1")
    if clash.any():
        kent_pos = np.searchsorted(pc.kent, pl_place[clash])
        pl_place[clash] = pc.kent[(kent_pos + 1) % len(pc.kent)]
