"""The optional workforce extract: social work posts at each month end, with who holds them and caseloads.

Case-holding posts are derived from the social worker allocations: each worker holds one post from their
first allocation to their last, a post is re-filled after a recruitment gap, and the caseload at a month end
is the number of the worker's allocations open then. Team managers and social work assistants, who hold no
cases, are added in proportion. About 15% of case holders are agency staff, as in Kent's establishment.
"""

from __future__ import annotations

import heapq
from datetime import date

import numpy as np
import pandas as pd

COLUMNS = [
    "month_end",
    "post_id",
    "team",
    "role",
    "filled",
    "agency",
    "qualified",
    "social_worker_id",
    "caseload",
]

TEAMS = (
    ["NORTH", "SOUTH", "EAST", "WEST", "DISABILITY", "UASC", "CARE_LEAVERS"],
    [0.2, 0.2, 0.2, 0.2, 0.08, 0.07, 0.05],
)
P_AGENCY = {"SOCIAL_WORKER": 0.18, "SENIOR_PRACTITIONER": 0.14, "TEAM_MANAGER": 0.1, "ASSISTANT": 0.06}
P_SENIOR = 0.25
CASEHOLDERS_PER_MANAGER = 7
CASEHOLDERS_PER_ASSISTANT = 6
RECRUITMENT_GAP_DAYS = (30, 150)


def _month_ends(start: date, as_of: date) -> np.ndarray:
    first = np.datetime64(start, "M")
    last = np.datetime64(as_of, "M")
    ends = (np.arange(first, last + 1) + 1).astype("M8[D]") - 1
    return ends[(ends >= np.datetime64(start, "D")) & (ends <= np.datetime64(as_of, "D"))]


def _caseholder_fills(allocations: pd.DataFrame, rng: np.random.Generator, month_ends: np.ndarray, as_of):
    """One fill per worker active at a month end: (post number, worker id, first day, last day), and caseloads."""
    a = allocations[allocations["social_worker_id"].notna() & allocations["start_date"].notna()]
    start = np.asarray(a["start_date"], dtype="datetime64[ns]").astype("M8[D]")
    end = np.asarray(a["end_date"], dtype="datetime64[ns]").astype("M8[D]")
    keep = start <= as_of
    a, start, end = a[keep], start[keep], end[keep]
    end_eff = np.where(np.isnat(end) | (end > as_of), as_of, end)
    workers, wi = np.unique(a["social_worker_id"].astype(str).to_numpy(), return_inverse=True)

    # Caseload at each month end: allocations started on or before it and not ended by it.
    m = len(month_ends)
    first_m = np.searchsorted(month_ends, start, side="left")
    stop_m = np.where(np.isnat(end), m, np.searchsorted(month_ends, end, side="left"))
    diff = np.zeros((len(workers), m + 1), dtype=np.int64)
    np.add.at(diff, (wi, first_m), 1)
    np.add.at(diff, (wi, np.maximum(stop_m, first_m)), -1)
    caseload = np.cumsum(diff, axis=1)[:, :m]

    span = pd.DataFrame({"w": wi, "s": start, "e": end_eff}).groupby("w").agg(s=("s", "min"), e=("e", "max"))
    w = span.index.to_numpy()
    s, e = span["s"].to_numpy().astype("M8[D]"), span["e"].to_numpy().astype("M8[D]")
    # Workers who left in the year before the first month end are kept so that posts start the series with
    # the vacancies their leaving made.
    seen = (e >= month_ends[0] - 365) & (s <= month_ends[-1])
    w, s, e = w[seen], s[seen], e[seen]
    order = np.lexsort((workers[w], s))
    w, s, e = w[order], s[order], e[order]
    gap = rng.integers(RECRUITMENT_GAP_DAYS[0], RECRUITMENT_GAP_DAYS[1] + 1, len(w))

    # Greedy: a worker takes the post that fell vacant earliest if its recruitment gap is over, else a new
    # post is created; so the number of posts follows the peak number of case holders.
    free: list[tuple[np.datetime64, int]] = []
    post = np.empty(len(w), dtype=np.int64)
    n_posts = 0
    for i in range(len(w)):
        if free and free[0][0] <= s[i]:
            _, p = heapq.heappop(free)
        else:
            p, n_posts = n_posts, n_posts + 1
        post[i] = p
        heapq.heappush(free, (e[i] + gap[i], p))
    return post, w, s, e, n_posts, workers, caseload


def _other_fills(rng: np.random.Generator, n_posts: int, month_ends: np.ndarray):
    """Fill spells for posts without cases: vacancies start at about 2% a month and last 1-5 months."""
    m = len(month_ends)
    filled = np.ones((n_posts, m), dtype=bool)
    starts = rng.random((n_posts, m)) < 0.02
    lengths = rng.integers(1, 6, (n_posts, m))
    for p, j in zip(*np.nonzero(starts), strict=True):
        filled[p, j : j + lengths[p, j]] = False
    return filled


def workforce_tables(
    social_worker_allocations: pd.DataFrame,
    rng: np.random.Generator,
    start: date,
    as_of: date,
    teams: tuple[list[str], list[float]] = TEAMS,
) -> dict[str, pd.DataFrame]:
    """The workforce extract: one row per social work post per month end from `start` to `as_of`; posts are
    spread over `teams` (codes, shares)."""
    month_ends = _month_ends(start, as_of)
    m = len(month_ends)
    as_of_d = np.datetime64(as_of, "D")
    if m == 0:
        empty = pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
        empty = empty.astype({"month_end": "datetime64[ns]", "caseload": "Int64"})
        return {"social_work_posts": empty}

    post, w, s, e, n_case, workers, caseload = _caseholder_fills(social_worker_allocations, rng, month_ends, as_of_d)
    n_mgr = int(np.ceil(n_case / CASEHOLDERS_PER_MANAGER))
    n_asst = int(np.ceil(n_case / CASEHOLDERS_PER_ASSISTANT))
    n_posts = n_case + n_mgr + n_asst
    role = np.concatenate(
        [
            np.where(rng.random(n_case) < P_SENIOR, "SENIOR_PRACTITIONER", "SOCIAL_WORKER"),
            np.full(n_mgr, "TEAM_MANAGER"),
            np.full(n_asst, "ASSISTANT"),
        ]
    ).astype(object)
    team = np.asarray(teams[0], dtype=object)[rng.choice(len(teams[0]), n_posts, p=teams[1])]

    # holder[p, j]: index of the case holder filling post p at month end j (-1 none).
    holder = np.full((n_posts, m), -1, dtype=np.int64)
    j0 = np.searchsorted(month_ends, s, side="left")
    j1 = np.searchsorted(month_ends, e, side="right")
    count = np.maximum(j1 - j0, 0)
    fi = np.repeat(np.arange(len(w)), count)
    jj = j0[fi] + np.arange(len(fi)) - np.repeat(np.cumsum(count) - count, count)
    holder[post[fi], jj] = fi
    fill_agency = rng.random(len(w)) < np.array([P_AGENCY[r] for r in role[post]], dtype=float)
    filled = holder >= 0
    filled[n_case:] = _other_fills(rng, n_mgr + n_asst, month_ends)
    # Agency or not for each spell in a post without cases: one draw per post and spell start.
    other_role = role[n_case:]
    p_other = np.array([P_AGENCY[r] for r in other_role])
    spell_agency = rng.random((n_mgr + n_asst, m)) < p_other[:, None]
    f_other = filled[n_case:]
    new_spell = f_other & ~np.concatenate([np.zeros((len(f_other), 1), bool), f_other[:, :-1]], axis=1)
    spell_id = np.cumsum(new_spell, axis=1)
    # The agency draw taken at the spell's first month holds for the spell.
    first_col = np.where(new_spell, np.arange(m)[None, :], 0)
    first_col = np.maximum.accumulate(first_col, axis=1)
    other_agency = np.take_along_axis(spell_agency, first_col, axis=1) & f_other & (spell_id > 0)

    # A case-holding post exists from its first holder's start; the others throughout.
    # Workers are in order of start, so a post's first holder is its first occurrence.
    first_fill = np.full(n_posts, np.datetime64("1900-01-01", "D"))
    posts_seen, first_holder = np.unique(post, return_index=True)
    first_fill[posts_seen] = s[first_holder]
    established = month_ends[None, :] >= first_fill[:, None]
    pp, jj = np.nonzero(established)
    h = holder[pp, jj]
    is_filled = filled[pp, jj]
    # Per fill, with a sentinel last element so that holder -1 (none) reads as no agency, id or caseload.
    fill_agency = np.append(fill_agency, False)
    fill_worker = np.append(workers[w], None).astype(object)
    fill_load = np.vstack([caseload[w], np.full((1, m), -1)])
    agency = np.where(pp < n_case, fill_agency[h], other_agency[np.maximum(pp - n_case, 0), jj])
    qualified = role[pp] != "ASSISTANT"
    sw_id = fill_worker[h]
    load = fill_load[h, jj]

    df = pd.DataFrame(
        {
            "month_end": month_ends[jj].astype("datetime64[ns]"),
            "post_id": ("P" + pd.Series(pp + 1, dtype=np.int64).astype(str).str.zfill(4)).to_numpy(dtype=object),
            "team": team[pp],
            "role": role[pp],
            "filled": np.where(is_filled, "Y", "N").astype(object),
            "agency": np.where(is_filled, np.where(agency, "Y", "N"), None).astype(object),
            "qualified": np.where(is_filled, np.where(qualified, "Y", "N"), None).astype(object),
            "social_worker_id": sw_id.astype(object),
            "caseload": pd.array(np.clip(load, 0, 100), dtype="Int64"),
        }
    )
    df.loc[load < 0, "caseload"] = pd.NA
    df = df.sort_values(["month_end", "post_id"], kind="stable", ignore_index=True)
    return {"social_work_posts": df[COLUMNS]}
