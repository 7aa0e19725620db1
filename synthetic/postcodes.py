"""Postcodes from the ONS Postcode Directory, and choosing places near a child's home.

The directory is the one the warehouse loads: CLA_POSTCODES if set (the full directory), else the sample in
seeds/ (every postcode of the demo's authority, 25 from each other authority: enough homes for a small
synthetic authority, many children sharing a postcode)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from synthetic.area import Area, area_for

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
METRES_PER_MILE = 1609.3  # the 903 PL_DISTANCE formula divides metres by 1000 then 1.6093


@dataclass(frozen=True, eq=False)
class Postcodes:
    pcd: np.ndarray  # postcode strings
    east: np.ndarray  # OS grid easting, metres
    north: np.ndarray
    laua: np.ndarray
    district: np.ndarray  # the authority's district code for its postcodes, "" elsewhere (or where it has none)
    in_area: np.ndarray  # True for the authority's own postcodes
    kent: np.ndarray  # indices of the authority's own postcodes (the calibrated authority's name for them)
    near: np.ndarray  # indices in neighbouring authorities
    far: np.ndarray  # indices elsewhere in England (authorities the LA lookup knows)
    area: Area  # the authority: its districts, teams and size


def postcode_directory() -> Path:
    return Path(os.environ.get("CLA_POSTCODES", SEEDS_DIR / "postcodes_sample.csv.gz"))


@lru_cache(maxsize=4)
def load_postcodes(path: str | None = None, area: Area | None = None) -> Postcodes:
    area = area or area_for()
    frame = pd.read_csv(
        path or postcode_directory(),
        dtype={"pcd": str, "laua": str, "oseast1m": float, "osnrth1m": float},
        usecols=["pcd", "oseast1m", "osnrth1m", "laua"],
    )
    frame = frame.dropna(subset=["oseast1m", "osnrth1m", "laua"]).reset_index(drop=True)
    laua = frame["laua"].to_numpy(dtype=str)
    district = np.array([area.district_of_lad.get(code, "") for code in laua])
    lookup = pd.read_csv(SEEDS_DIR / "ltla21_to_utla21.csv", dtype=str)
    english = set(lookup["LTLA21CD"][lookup["LTLA21CD"].str.startswith("E")])
    is_local = np.isin(laua, sorted(area.lads))
    if not is_local.any():
        raise ValueError(f"{area.name} ({area.code}): the postcode directory has none of its postcodes")
    is_near = np.isin(laua, area.neighbours) & ~is_local
    is_far = ~is_local & ~is_near & np.isin(laua, sorted(english))
    compact = frame["pcd"].str.replace(" ", "", regex=False).str.upper()
    return Postcodes(
        pcd=(compact.str[:-3] + " " + compact.str[-3:]).to_numpy(dtype=str),  # as people write them: one space
        east=frame["oseast1m"].to_numpy(),
        north=frame["osnrth1m"].to_numpy(),
        laua=laua,
        district=district,
        in_area=is_local,
        kent=np.flatnonzero(is_local),
        near=np.flatnonzero(is_near),
        far=np.flatnonzero(is_far),
        area=area,
    )


def sample_homes(rng: np.random.Generator, pc: Postcodes, n: int) -> np.ndarray:
    """Home postcodes in the authority, weighted towards the districts with more children in care."""
    return rng.choice(pc.kent, size=n, p=_home_weights(pc))


@lru_cache(maxsize=4)
def _home_weights(pc: Postcodes) -> np.ndarray:
    weights = pd.Series(pc.district[pc.kent]).map(pc.area.home_district_weight).fillna(1.0).to_numpy(dtype=float)
    return weights / weights.sum()


MAX_PLACEMENT_MILES = 300.0  # well inside rule 454's 350, whatever rounding the distance gets


def pick_nearby(
    rng: np.random.Generator,
    origin_east: np.ndarray,
    origin_north: np.ndarray,
    pool_east: np.ndarray,
    pool_north: np.ndarray,
    scale_miles: np.ndarray | float,
    candidates: int = 40,
) -> np.ndarray:
    """For each origin, an index into the pool, favouring near ones (weight exp(-miles/scale)), never one more
    than MAX_PLACEMENT_MILES away while a candidate is nearer (DfE rule 454 from 2025/26: a placement over 350
    miles from home is an error; the pool's farthest postcodes, the Isles of Scilly from Kent, are 354 miles).

    Weighing a random handful of candidates instead of the whole pool keeps this linear in the number
    of origins. Origins with NaN coordinates (no home) get a uniform pick.
    """
    n = len(origin_east)
    out = np.empty(n, dtype=np.int64)
    if n == 0:
        return out
    scale = np.broadcast_to(np.asarray(scale_miles, dtype=float), (n,))
    for lo in range(0, n, 50_000):
        hi = min(n, lo + 50_000)
        cand = rng.integers(0, len(pool_east), (hi - lo, candidates))
        de = pool_east[cand] - origin_east[lo:hi, None]
        dn = pool_north[cand] - origin_north[lo:hi, None]
        miles = np.sqrt(de * de + dn * dn) / METRES_PER_MILE
        score = -miles / scale[lo:hi, None] + rng.gumbel(size=cand.shape)
        score = np.where(miles > MAX_PLACEMENT_MILES, -np.inf, score)  # the same draws: only such picks change
        score = np.where(np.isnan(score), rng.gumbel(size=cand.shape), score)
        out[lo:hi] = cand[np.arange(hi - lo), np.argmax(score, axis=1)]
    return out


def distance_miles(pc: Postcodes, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """903 PL_DISTANCE between postcode indices (NaN where either is missing, i.e. -1)."""
    ok = (a >= 0) & (b >= 0)
    out = np.full(len(a), np.nan)
    de = pc.east[a[ok]] - pc.east[b[ok]]
    dn = pc.north[a[ok]] - pc.north[b[ok]]
    out[ok] = np.round(np.sqrt(de * de + dn * dn) / 1000 / 1.6093, 1)
    return out
