"""The case system's extract: its tables built from the simulated population.

The histories (periods of care, legal statuses, placements, social worker allocations, adoptions) are read
off the children's careers; the other tables draw what the simulation did not decide (reviews, missing
episodes, care leavers' contacts, plans and orders, other authorities' children, the children's identifiers
and names). Internally a child is its simulation key and dates are day numbers; `_finish` gives every child
its case-system id and turns day numbers into dates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from synthetic import identifiers as ids
from synthetic.care_leavers import care_leaver_contacts
from synthetic.carers import placements_table
from synthetic.children import children_and_names
from synthetic.days import NONE, to_datetime64
from synthetic.draws import Draws
from synthetic.lives import Population
from synthetic.other_la_children import other_la_children
from synthetic.plans_and_orders import liberty_orders, previous_permanence, protection_plans, youth_justice
from synthetic.reviews_and_missing import missing_episodes, reviews


@dataclass(frozen=True, eq=False)
class CaseSystem:
    tables: dict[str, pd.DataFrame]  # entity -> rows, child_id first, dates as datetime64
    names: pd.DataFrame  # child_id, first_name, last_name: written into the children file only, never loaded


def case_system_tables(population: Population, draws: Draws, say: Callable[[str], None]) -> CaseSystem:
    """Every case-system table, and the children's names apart.

    `draws` continues where the simulation stopped. The builders run in a fixed order because each draws from
    the same generators: the order below is part of what a seed produces, so keep it.
    """
    periods = periods_of_care(population)
    segments = placement_segments(population)
    say(f"built {len(periods)} periods of care and {len(segments)} placements")
    pc = population.postcodes
    placements = placements_table(segments, population.carer_tokens, pc, population.scale, draws)
    tables = {
        "periods_of_care": periods,
        "legal_statuses": legal_statuses(population),
        "placements": placements,
        "social_worker_allocations": social_worker_allocations(population),
        "adoptions": adoptions(population),
        "reviews": reviews(periods, population, draws.rng),
        "missing_episodes": missing_episodes(placements, population, draws.rng),
        "care_leaver_contacts": care_leaver_contacts(population, draws.py),
        "child_protection_plans": protection_plans(population, draws.py),
        "youth_justice": youth_justice(population, draws.py),
        "previous_permanence": previous_permanence(population, draws.py),
        "other_la_children": other_la_children(population, draws),
        "deprivation_of_liberty_orders": liberty_orders(placements, population, draws.rng),
    }
    tables["children"], names = children_and_names(placements, population, draws)
    say("built the case-system histories")
    return _finish(tables, names, population, draws.rng)


# ----------------------------------------------------------------------------------- the histories
def periods_of_care(population: Population) -> pd.DataFrame:
    """A row per period; an open period has no end date and no reason ended."""
    rows = []
    for ch in population.children:
        for per in ch.periods:
            open_ = per.end > population.as_of
            rows.append((ch.key, per.start, NONE if open_ else per.end, "" if open_ else per.reason, per.cin))
    return pd.DataFrame(rows, columns=["child", "start_date", "end_date", "reason_ended", "category_of_need"])


def legal_statuses(population: Population) -> pd.DataFrame:
    """Each status lasts until the next starts or the period ends; none starts after the extract date."""
    rows = []
    for ch in population.children:
        for per in ch.periods:
            end = NONE if per.end > population.as_of else per.end
            for i, (code, st) in enumerate(per.ls):
                if st > population.as_of:
                    break
                nxt = per.ls[i + 1][1] if i + 1 < len(per.ls) else end
                if nxt != NONE and nxt > population.as_of:
                    nxt = NONE
                rows.append((ch.key, code, st, nxt))
    return pd.DataFrame(rows, columns=["child", "legal_status", "start_date", "end_date"])


def placement_segments(population: Population) -> pd.DataFrame:
    """A row per placement with its carer token (carers.py fills in who and where); the last placement of a
    period has no reason for change."""
    rows = []
    for ch in population.children:
        for per in ch.periods:
            end = NONE if per.end > population.as_of else per.end
            segs = per.placements
            for i, (typ, st, tok, _kind, reason) in enumerate(segs):
                nxt = segs[i + 1][1] if i + 1 < len(segs) else end
                last = i + 1 == len(segs)
                rows.append((ch.key, typ, st, nxt, tok, "" if last else reason, per.home, ch.uasc))
    columns = ["child", "placement_type", "start_date", "end_date", "token", "reason_for_change", "home", "uasc"]
    return pd.DataFrame(rows, columns=columns)


def social_worker_allocations(population: Population) -> pd.DataFrame:
    rows = [
        (ch.key, *allocation) for ch in population.children for per in ch.periods for allocation in per.social_workers
    ]
    return pd.DataFrame(rows, columns=["child", "social_worker_id", "start_date", "end_date", "reason_ended"])


def adoptions(population: Population) -> pd.DataFrame:
    """A row per period with a decision that the child should be placed for adoption, as known at the extract
    date: milestones after it are blank, and so is what is not known yet."""
    rows = []
    for ch in population.children:
        for per in ch.periods:
            if not per.adoption:
                continue
            row = {
                k: (v if not isinstance(v, int) or v == NONE or v <= population.as_of else NONE)
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
            rows.append(row)
    return pd.DataFrame(rows)


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
SORT = {  # within a child's rows
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


def _finish(tables: dict, names: pd.DataFrame, population: Population, rng: np.random.Generator) -> CaseSystem:
    """Child ids in order of first entry, each table sorted by child, dates as datetime64, blank text as
    missing, internal columns (those starting with '_') dropped, and placement ids."""
    order = np.zeros(population.simulated, dtype=np.int64)
    for i, ch in enumerate(population.children):
        order[ch.key] = i
    child_ids = np.array(ids.make_child_ids(rng, len(population.children)), dtype=object)
    out = {}
    for name, frame in tables.items():
        frame = frame.copy()
        if "child" in frame.columns:
            frame["_order"] = order[frame["child"].to_numpy(dtype=np.int64)]
            frame = frame.sort_values(["_order", *SORT.get(name, [])], kind="stable")
            frame.insert(0, "child_id", child_ids[frame["_order"].to_numpy()])
            frame = frame.drop(columns=["child", "_order"])
        elif name == "other_la_children":
            frame = frame.sort_values(["start_date", "placing_la", "child_reference"], kind="stable")
        frame = frame.drop(columns=[c for c in frame.columns if c.startswith("_")])
        for col in frame.columns:
            if col in DATE_COLUMNS.get(name, ()):
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
    named = pd.DataFrame(
        {
            "child_id": child_ids[names["_order"].to_numpy()],
            "first_name": names["first_name"].to_numpy(),
            "last_name": names["last_name"].to_numpy(),
        }
    )
    return CaseSystem(tables=out, names=named)
