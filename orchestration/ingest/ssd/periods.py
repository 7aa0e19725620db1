"""periods_of_care ← ssd_cla_episodes: the SSD holds 903-style episodes; a period of care is the episodes that
share `clae_cla_id`, from the date the child entered care to the end of its last episode."""

from __future__ import annotations

import pandas as pd

from orchestration.ingest.ssd.mapping import Link, Mapped, People, column, rejected_rows, uses
from orchestration.ingest.ssd.tables import SsdTable
from orchestration.ingest.ssd.values import decode_903

LINKS = [
    Link("ssd_cla_episodes.clae_cla_id", "periods_of_care", "episodes sharing a period id make one period of care"),
    Link("ssd_cla_episodes.clae_person_id", "periods_of_care.child_id", "the person's 903 CHILD id"),
    Link(
        "ssd_cla_episodes.clae_entered_care_date", "periods_of_care.start_date", "date; else the first episode's start"
    ),
    Link(
        "ssd_cla_episodes.clae_cla_episode_ceased_date",
        "periods_of_care.end_date",
        "the last episode's end, when it ended care",
    ),
    Link(
        "ssd_cla_episodes.clae_cla_episode_ceased_reason",
        "periods_of_care.reason_ended",
        "the last episode's REC; text starting with the code decoded; X1 is not an end",
    ),
    Link("ssd_cla_episodes.clae_cla_primary_need_code", "periods_of_care.category_of_need", "the first episode's CIN"),
    Link(
        "ssd_cla_episodes.clae_cla_episode_start_reason",
        "placements.carer_id",
        "RNE T or U: the placement keeps the previous placement's carer (the SSD has no carer id)",
    ),
]


def episodes_in_order(table: SsdTable) -> pd.DataFrame:
    """Episodes with the fields the adapter reads, sorted within each period of care."""
    frame = pd.DataFrame(
        {
            "_row": table.rows["_row"],
            "person": column(table, "clae_person_id"),
            "period": column(table, "clae_cla_id"),
            "placement": column(table, "clae_cla_placement_id"),
            "start": pd.to_datetime(column(table, "clae_cla_episode_start_date").str[:10], errors="coerce"),
            "end": column(table, "clae_cla_episode_ceased_date"),
            "rne": decode_903(column(table, "clae_cla_episode_start_reason"), "RNE"),
            "rec": decode_903(column(table, "clae_cla_episode_ceased_reason"), "REC"),
            "cin": column(table, "clae_cla_primary_need_code"),
            "entered": column(table, "clae_entered_care_date"),
        }
    )
    # a period without an id is the person's episodes from the same date of entering care
    frame["period"] = frame["period"].fillna(
        "person " + frame["person"].fillna("") + " from " + frame["entered"].fillna("")
    )
    return frame.sort_values(["period", "start", "_row"], na_position="last")


def build(tables: dict[str, SsdTable], people: People) -> Mapped:
    episodes = episodes_in_order(tables["ssd_cla_episodes"])
    child, problem = people.resolve(episodes["person"], "clae_person_id")
    episodes["child_id"] = child
    episodes["problem"] = problem
    no_start = episodes["start"].isna() & episodes["entered"].isna()
    episodes["column"] = "clae_person_id"
    episodes.loc[no_start & problem.isna(), ["problem", "column"]] = [
        "blank: no start date",
        "clae_cla_episode_start_date",
    ]
    grouped = episodes.groupby("period", sort=False)
    first, last = grouped.head(1).set_index("period"), grouped.tail(1).set_index("period")
    ended = last["rec"].notna() & last["rec"].ne("X1")
    periods = pd.DataFrame(
        {
            "child_id": first["child_id"],
            "start_date": first["entered"].fillna(first["start"].dt.strftime("%Y-%m-%d")),
            "end_date": last["end"].where(ended),
            "reason_ended": last["rec"].where(ended),
            "category_of_need": first["cin"],
            "_row": first["_row"],
            "problem": first["problem"],
            "column": first["column"],
        }
    )
    bad = periods["problem"].notna()
    rejected = rejected_rows(periods.drop(columns="column"), bad, "clae_person_id", periods["problem"])
    rejected["column"] = periods.loc[bad, "column"]
    later = episodes[~episodes.index.isin(grouped.head(1).index)]
    merged = uses("ssd_cla_episodes", later["_row"], later["period"].map(first["_row"]))
    notes = [f"{len(episodes):,} episode rows make {len(periods):,} periods of care"]
    return Mapped(
        "periods_of_care",
        "ssd_cla_episodes",
        periods[~bad].drop(columns=["problem", "column"]),
        rejected,
        merged,
        notes,
    )
