"""Other authorities' children placed in the area: a list the case system keeps of children another authority
looks after but has placed here, with the placing authority, the setting and the district."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from synthetic import calibration as cal
from synthetic import postcodes as pcm
from synthetic.days import CUT_SUPPORTED, NONE, YEAR
from synthetic.draws import Choice, Draws
from synthetic.lives import Population


def other_la_children(population: Population, draws: Draws) -> pd.DataFrame:
    """Children other authorities place in the authority (KP: about 1,300 at a time in Kent), mostly from London."""
    rng, py = draws.rng, draws.py
    lookup = pd.read_csv(pcm.SEEDS_DIR / "ltla21_to_utla21.csv", dtype=str)
    utla = sorted(set(lookup["UTLA21CD"]) - {population.postcodes.area.code})
    utla = [u for u in utla if u.startswith("E")]
    london = [u for u in utla if u.startswith("E09")]
    south_east = [
        u for u in ("E06000035", "E10000011", "E10000012", "E10000030", "E10000032", "E10000014") if u in utla
    ]
    rest = [u for u in utla if u not in london and u not in south_east]
    median_years = 0.8
    mean_days = median_years * YEAR * math.exp(0.5)
    per_day = cal.OTHER_LA_CHILDREN_IN_KENT * population.scale / mean_days
    first = population.start - 6 * 365
    n = rng.poisson(per_day * (population.as_of - first))
    start = np.sort(first + rng.integers(0, population.as_of - first + 1, n))
    end = start + np.maximum(7, (median_years * YEAR * rng.lognormal(0, 1.0, n)).astype(np.int64))
    keep = end >= population.start
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
    districts = population.postcodes.area.other_la_district_weight
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
            "end_date": np.where(end > population.as_of, NONE, end),
        }
    )
    return frame
