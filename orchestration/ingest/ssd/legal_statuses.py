"""legal_statuses ← ssd_legal_status. The SSD also holds statuses that are not care statuses (special
guardianship, child arrangements, private fostering): they are set aside, each named with the reason."""

from __future__ import annotations

import re

import pandas as pd

from orchestration.ingest.ssd.mapping import Link, Mapped, People, column, combine, not_used, rejected_rows
from orchestration.ingest.ssd.tables import SsdTable
from orchestration.ingest.ssd.values import code_descriptions, decode_903

NOT_IN_CARE = re.compile(
    r"(?:special guardian|\bSGO\b|child arrangement|\bCAO\b|residence order|private fostering|care leaver|"
    r"supervision order|adoption order)",
    re.IGNORECASE,
)

LINKS = [
    Link("ssd_legal_status.lega_person_id", "legal_statuses.child_id", "the person's 903 CHILD id"),
    Link(
        "ssd_legal_status.lega_legal_status",
        "legal_statuses.legal_status",
        "903 LS code, or its description decoded; statuses that are not care statuses set aside",
    ),
    Link("ssd_legal_status.lega_legal_status_start_date", "legal_statuses.start_date", "date"),
    Link("ssd_legal_status.lega_legal_status_end_date", "legal_statuses.end_date", "date"),
]


def build(tables: dict[str, SsdTable], people: People) -> Mapped:
    table = tables["ssd_legal_status"]
    text = column(table, "lega_legal_status")
    code = decode_903(text, "LS")
    child, problem = people.resolve(column(table, "lega_person_id"), "lega_person_id")
    mapped = pd.DataFrame(
        {
            "child_id": child,
            "legal_status": code,
            "start_date": column(table, "lega_legal_status_start_date"),
            "end_date": column(table, "lega_legal_status_end_date"),
            "_row": table.rows["_row"],
        }
    )
    orphan = problem.notna()
    not_care = (
        ~orphan
        & ~code.isin(set(code_descriptions("LS").values()))
        & text.astype("string").str.contains(NOT_IN_CARE.pattern, regex=True, case=False, na=False)
    )
    reason = text.map(lambda t: not_used(f"'{t}' is not a looked-after legal status (903 LS)"))
    rejected = combine(
        rejected_rows(mapped, orphan, "lega_person_id", problem),
        rejected_rows(mapped, not_care, "lega_legal_status", reason),
    )
    return Mapped("legal_statuses", "ssd_legal_status", mapped[~orphan & ~not_care], rejected)
