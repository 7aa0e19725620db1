"""placements ← ssd_cla_placement, with the home postcode from ssd_address (the home address in force when
the placement began) and a carer id recovered from the episodes' RNE: the SSD has no carer id, but an episode
that starts a placement with RNE T or U ("same carer") keeps the carer of the placement before, and a return from
a temporary placement to the placement before it keeps that placement's carer."""

from __future__ import annotations

import os

import pandas as pd

from orchestration.ingest.ssd.mapping import Link, Mapped, People, column, combine, not_used, rejected_rows, uses
from orchestration.ingest.ssd.periods import episodes_in_order
from orchestration.ingest.ssd.tables import SsdTable
from orchestration.ingest.ssd.values import decode_903

LINKS = [
    Link(
        "ssd_cla_placement.clap_cla_placement_id",
        "placements.placement_id",
        "as it is; the episodes join on it (clae_cla_placement_id)",
    ),
    Link(
        "ssd_cla_placement.clap_person_id",
        "placements.child_id",
        "the person's 903 CHILD id; via clap_cla_id and the episodes where the build has no person column (Mosaic)",
    ),
    Link("ssd_cla_placement.clap_cla_placement_type", "placements.placement_type", "903 PLACE code"),
    Link("ssd_cla_placement.clap_cla_placement_provider", "placements.provider", "903 PLACE_PROVIDER code"),
    Link(
        "ssd_cla_placement.clap_cla_placement_postcode",
        "placements.placement_postcode",
        "postcode (normalised by the contract)",
    ),
    Link("ssd_cla_placement.clap_cla_placement_urn", "placements.urn", "as it is"),
    Link("ssd_cla_placement.clap_cla_placement_start_date", "placements.start_date", "date"),
    Link("ssd_cla_placement.clap_cla_placement_end_date", "placements.end_date", "date"),
    Link(
        "ssd_cla_placement.clap_cla_placement_change_reason",
        "placements.reason_for_change",
        "903 REASON_PLACE_CHANGE code, or its description decoded",
    ),
    Link(
        "ssd_address.addr_address_postcode",
        "placements.home_postcode",
        "postcode of the home-type address (CLA_SSD_HOME_ADDRESS_TYPES, default HOME) in force at the start",
    ),
]


def home_types() -> set[str]:
    return {t.strip().upper() for t in os.environ.get("CLA_SSD_HOME_ADDRESS_TYPES", "HOME").split(",") if t.strip()}


TEMPORARY = {"T0", "T1", "T2", "T3", "T4"}  # 903 PLACE codes of a temporary placement
SAME_PLACE = ("provider", "urn", "postcode")


def _carers(placements: pd.DataFrame, episodes: pd.DataFrame) -> pd.Series:
    """A carer id per placement: a new carer unless the episode that starts the placement says RNE T or U, or
    the placement is a return from a temporary placement (903 PLACE T0-T4) to the placement before it (the same
    provider, URN and postcode), which DfE's placement count treats as the same carers
    (docs/scorecard_indicators.md)."""
    starting = episodes.dropna(subset=["placement"]).drop_duplicates("placement")[["placement", "rne"]]
    same = placements["placement_id"].map(starting.set_index("placement")["rne"]).isin(["T", "U"])
    order = placements.assign(same=same).sort_values(["child_id", "start", "_row"])
    first_of_child = order["child_id"].ne(order["child_id"].shift())
    carer_number = (~order["same"] | first_of_child).cumsum()
    before, between = order.shift(2), order.shift(1)
    back = (
        order["child_id"].eq(before["child_id"])
        & order["child_id"].eq(between["child_id"])
        & between["placement_type"].isin(TEMPORARY)
        & ~order["placement_type"].isin(TEMPORARY)
        & order["placement_type"].eq(before["placement_type"])
    )
    for name in SAME_PLACE:
        back &= order[name].fillna("").eq(before[name].fillna(""))
    joined: dict[int, int] = {}  # a carer number → the earlier one it returns to
    for number, earlier in zip(carer_number[back], carer_number.shift(2)[back], strict=True):
        joined[int(number)] = joined.get(int(earlier), int(earlier))
    carer_number = carer_number.map(lambda n: joined.get(n, n))
    first_placement = order.groupby(carer_number)["placement_id"].transform("first")
    return ("C-" + first_placement.astype(str)).reindex(placements.index)


def _home_postcodes(placements: pd.DataFrame, address: SsdTable) -> tuple[pd.Series, pd.DataFrame]:
    """The home postcode in force at each placement's start, and each address row's use."""
    spells = pd.DataFrame(
        {
            "_row": address.rows["_row"],
            "child_person": column(address, "addr_person_id"),
            "type": column(address, "addr_address_type").astype("string").str.upper(),
            "start": pd.to_datetime(column(address, "addr_address_start_date").str[:10], errors="coerce"),
            "end": pd.to_datetime(column(address, "addr_address_end_date").str[:10], errors="coerce"),
            "postcode": column(address, "addr_address_postcode"),
        }
    )
    homes = spells[spells["type"].isin(home_types()).fillna(False) & spells["start"].notna()]
    starts = placements[["person", "start", "_row"]].dropna(subset=["start", "person"]).sort_values("start")
    found = pd.merge_asof(
        starts.rename(columns={"_row": "placement_row"}),
        homes.sort_values("start").rename(columns={"start": "home_start", "child_person": "person"}),
        left_on="start",
        right_on="home_start",
        by="person",
    )
    live = found["end"].isna() | (found["end"] > found["start"]) | (found["home_start"] == found["start"])
    found = found[live & found["_row"].notna()]
    postcode = placements["_row"].map(found.set_index("placement_row")["postcode"])
    used = found.set_index("_row")["placement_row"]
    unused = spells[~spells["_row"].isin(used.index)]
    why = unused["type"].map(
        lambda t: (
            not_used(f"address type '{t}' is not a home address (CLA_SSD_HOME_ADDRESS_TYPES)")
            if t not in home_types()
            else not_used("no placement began while this was the child's home address")
        )
    )
    return postcode, combine(
        uses("ssd_address", pd.Series(used.index), pd.Series(used.to_numpy())),
        uses("ssd_address", unused["_row"], pd.Series([None] * len(unused)), why),
    )


def build(tables: dict[str, SsdTable], people: People) -> Mapped:
    table = tables["ssd_cla_placement"]
    person = column(table, "clap_person_id")
    period = column(table, "clap_cla_id")
    child, problem = people.resolve(person, "clap_person_id", period)
    rows = pd.DataFrame(
        {
            "_row": table.rows["_row"],
            "placement_id": column(table, "clap_cla_placement_id"),
            "child_id": child,
            "person": person.fillna(period.map(people.person_of_period)),
            "start": pd.to_datetime(column(table, "clap_cla_placement_start_date").str[:10], errors="coerce"),
            "placement_type": column(table, "clap_cla_placement_type"),
            "provider": column(table, "clap_cla_placement_provider"),
            "urn": column(table, "clap_cla_placement_urn"),
            "postcode": column(table, "clap_cla_placement_postcode"),
        }
    )
    home, address_uses = _home_postcodes(rows, tables["ssd_address"])
    mapped = pd.DataFrame(
        {
            "placement_id": rows["placement_id"],
            "child_id": child,
            "placement_type": column(table, "clap_cla_placement_type"),
            "provider": column(table, "clap_cla_placement_provider"),
            "carer_id": _carers(rows, episodes_in_order(tables["ssd_cla_episodes"])),
            "placement_postcode": column(table, "clap_cla_placement_postcode"),
            "home_postcode": home,
            "urn": column(table, "clap_cla_placement_urn"),
            "start_date": column(table, "clap_cla_placement_start_date"),
            "end_date": column(table, "clap_cla_placement_end_date"),
            "reason_for_change": decode_903(column(table, "clap_cla_placement_change_reason"), "REASON_PLACE_CHANGE"),
            "_row": table.rows["_row"],
        }
    )
    orphan = problem.notna()
    rejected = rejected_rows(mapped, orphan, "clap_person_id", problem)
    notes = [
        "carer_id: the SSD has none; recovered from the episodes' RNE (T and U keep the carer) and from returns "
        "from a temporary placement to the placement before it"
    ]
    return Mapped("placements", "ssd_cla_placement", mapped[~orphan], rejected, address_uses, notes)
