"""social_worker_allocations ← ssd_involvements (allocated case workers, role 'CW') with ssd_professionals:
the 903 SW_ID is the worker's Social Work England number, not the case system's worker id."""

from __future__ import annotations

import os

import pandas as pd

from orchestration.ingest.ssd.mapping import Link, Mapped, People, column, combine, not_used, rejected_rows, uses
from orchestration.ingest.ssd.tables import SsdTable
from orchestration.ingest.ssd.values import decode_903

LINKS = [
    Link("ssd_involvements.invo_person_id", "social_worker_allocations.child_id", "the person's 903 CHILD id"),
    Link(
        "ssd_involvements.invo_professional_role_id",
        "social_worker_allocations",
        "only allocated case workers (CLA_SSD_CASE_WORKER_ROLES, default CW)",
    ),
    Link(
        "ssd_involvements.invo_professional_id",
        "social_worker_allocations.social_worker_id",
        "joined to ssd_professionals.prof_professional_id",
    ),
    Link(
        "ssd_professionals.prof_social_worker_registration_no",
        "social_worker_allocations.social_worker_id",
        "the Social Work England number (903 SW_ID)",
    ),
    Link("ssd_involvements.invo_involvement_start_date", "social_worker_allocations.start_date", "date"),
    Link("ssd_involvements.invo_involvement_end_date", "social_worker_allocations.end_date", "date"),
    Link("ssd_involvements.invo_worker_change_reason", "social_worker_allocations.reason_ended", "903 SW_REASON code"),
]


def case_worker_roles() -> set[str]:
    return {r.strip().upper() for r in os.environ.get("CLA_SSD_CASE_WORKER_ROLES", "CW").split(",") if r.strip()}


def build(tables: dict[str, SsdTable], people: People) -> Mapped:
    table, workers = tables["ssd_involvements"], tables["ssd_professionals"]
    number_of = pd.Series(
        column(workers, "prof_social_worker_registration_no").to_numpy(),
        index=column(workers, "prof_professional_id").to_numpy(),
    )
    number_of = number_of[~number_of.index.duplicated()]
    worker = column(table, "invo_professional_id")
    role = column(table, "invo_professional_role_id")
    child, problem = people.resolve(column(table, "invo_person_id"), "invo_person_id")
    mapped = pd.DataFrame(
        {
            "child_id": child,
            "social_worker_id": worker.map(number_of),
            "start_date": column(table, "invo_involvement_start_date"),
            "end_date": column(table, "invo_involvement_end_date"),
            "reason_ended": decode_903(column(table, "invo_worker_change_reason"), "SW_REASON"),
            "_row": table.rows["_row"],
        }
    )
    not_case_worker = ~role.astype("string").str.upper().isin(case_worker_roles()).fillna(False).astype(bool)
    orphan = problem.notna() & ~not_case_worker
    no_number = ~orphan & ~not_case_worker & mapped["social_worker_id"].isna()
    rejected = combine(
        rejected_rows(
            mapped,
            not_case_worker,
            "invo_professional_role_id",
            role.map(lambda r: not_used(f"'{r}' is not an allocated case worker (CLA_SSD_CASE_WORKER_ROLES)")),
        ),
        rejected_rows(mapped, orphan, "invo_person_id", problem),
        rejected_rows(
            mapped,
            no_number,
            "prof_social_worker_registration_no",
            worker.map(
                lambda w: (
                    f"blank or no such worker for invo_professional_id '{w}': "
                    "the 903 SW_ID is the Social Work England number"
                )
            ),
        ),
    )
    kept = mapped[~not_case_worker & ~orphan & ~no_number]
    # each worker row is used by the allocations that name it
    first_use = pd.DataFrame({"worker": worker, "_row": mapped["_row"]})[~not_case_worker & ~orphan & ~no_number]
    worker_rows = pd.DataFrame({"worker": column(workers, "prof_professional_id"), "row": workers.rows["_row"]})
    joined = worker_rows.merge(first_use, on="worker", how="left")
    used = joined.dropna(subset=["_row"])
    unused = joined[joined["_row"].isna()].drop_duplicates("row")
    worker_uses = combine(
        uses("ssd_professionals", used["row"], used["_row"]),
        uses(
            "ssd_professionals",
            unused["row"],
            pd.Series([None] * len(unused)),
            pd.Series([not_used("no case-worker involvement names this worker")] * len(unused)),
        ),
    )
    return Mapped("social_worker_allocations", table.name, kept, rejected, worker_uses)
