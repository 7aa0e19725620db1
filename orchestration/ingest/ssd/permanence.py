"""adoptions ← ssd_permanence and previous_permanence ← ssd_cla_previous_permanence.

SystemC 1.4.5 writes the legacy id into `perm_person_id` (ssd_notes.md §4): a permanence row whose person id
is not a person is joined through its period of care (`perm_cla_id` → `clae_cla_id`), then as a legacy id.
Rows with no adoption decision (Mosaic's SGO rows) are not adoptions and are set aside with the reason."""

from __future__ import annotations

import pandas as pd

from orchestration.ingest.ssd.mapping import Link, Mapped, People, column, combine, rejected_rows
from orchestration.ingest.ssd.tables import SsdTable
from orchestration.ingest.ssd.values import decode_903

LINKS = [
    Link(
        "ssd_permanence.perm_person_id",
        "adoptions.child_id",
        "the person's 903 CHILD id; through perm_cla_id, then as a legacy id, when it is not a person (SystemC)",
    ),
    Link(
        "ssd_permanence.perm_adm_decision_date",
        "adoptions.best_interest_decision_date",
        "date; rows without one are not adoptions",
    ),
    Link("ssd_permanence.perm_placement_order_date", "adoptions.placement_order_date", "date"),
    Link("ssd_permanence.perm_matched_date", "adoptions.matched_date", "date"),
    Link("ssd_permanence.perm_placed_for_adoption_date", "adoptions.placed_date", "date"),
    Link(
        "ssd_permanence.perm_permanence_order_date",
        "adoptions.adoption_order_date",
        "date, when perm_permanence_order_type is blank or Adoption",
    ),
    Link("ssd_permanence.perm_adopted_by_carer_flag", "adoptions.adopted_by_foster_carer", "Y/N (1/0)"),
    Link("ssd_permanence.perm_number_of_adopters", "adoptions.number_of_adopters", "whole number"),
    Link("ssd_permanence.perm_adopter_sex", "adoptions.adopter_sex", "903 SEX_ADOPTR code"),
    Link("ssd_permanence.perm_adopter_legal_status", "adoptions.adopter_legal_status", "903 LS_ADOPTR code"),
    Link("ssd_permanence.perm_decision_reversed_date", "adoptions.decision_reversed_date", "date"),
    Link(
        "ssd_permanence.perm_decision_reversed_reason",
        "adoptions.decision_reversed_reason",
        "903 REASON_PLACED_CEASED code, or its description decoded",
    ),
    Link("ssd_cla_previous_permanence.lapp_person_id", "previous_permanence.child_id", "the person's 903 CHILD id"),
    Link(
        "ssd_cla_previous_permanence.lapp_previous_permanence_option",
        "previous_permanence.previous_permanence",
        "903 PREV_PERM code, or its description decoded",
    ),
    Link("ssd_cla_previous_permanence.lapp_previous_permanence_la", "previous_permanence.order_la", "as it is"),
    Link(
        "ssd_cla_previous_permanence.lapp_previous_permanence_order_date",
        "previous_permanence.order_date",
        "dd/mm/yyyy text; zz/zzzz for unknown parts upper-cased",
    ),
]


def adoptions(tables: dict[str, SsdTable], people: People) -> Mapped:
    table = tables["ssd_permanence"]
    child, problem = people.resolve(column(table, "perm_person_id"), "perm_person_id", column(table, "perm_cla_id"))
    order_type = column(table, "perm_permanence_order_type").astype("string").str.lower()
    adoption_order = order_type.isna() | order_type.str.contains("adopt", na=False)
    mapped = pd.DataFrame(
        {
            "child_id": child,
            "best_interest_decision_date": column(table, "perm_adm_decision_date"),
            "placement_order_date": column(table, "perm_placement_order_date"),
            "matched_date": column(table, "perm_matched_date"),
            "placed_date": column(table, "perm_placed_for_adoption_date"),
            "adoption_order_date": column(table, "perm_permanence_order_date").where(adoption_order, None),
            "adopted_by_foster_carer": column(table, "perm_adopted_by_carer_flag"),
            "number_of_adopters": column(table, "perm_number_of_adopters"),
            "adopter_sex": column(table, "perm_adopter_sex"),
            "adopter_legal_status": column(table, "perm_adopter_legal_status"),
            "decision_reversed_date": column(table, "perm_decision_reversed_date"),
            "decision_reversed_reason": decode_903(
                column(table, "perm_decision_reversed_reason"), "REASON_PLACED_CEASED"
            ),
            "_row": table.rows["_row"],
        }
    )
    orphan = problem.notna()
    not_adoption = ~orphan & mapped["best_interest_decision_date"].isna()
    why = column(table, "perm_permanence_order_type").map(
        lambda t: (
            f"blank: no decision that the child should be placed for adoption ({t or 'no order type'}); not an adoption"
        )
    )
    rejected = combine(
        rejected_rows(mapped, orphan, "perm_person_id", problem),
        rejected_rows(mapped, not_adoption, "perm_adm_decision_date", why),
    )
    return Mapped("adoptions", "ssd_permanence", mapped[~orphan & ~not_adoption], rejected)


def previous_permanence(tables: dict[str, SsdTable], people: People) -> Mapped:
    table = tables["ssd_cla_previous_permanence"]
    child, problem = people.resolve(column(table, "lapp_person_id"), "lapp_person_id")
    mapped = pd.DataFrame(
        {
            "child_id": child,
            "previous_permanence": decode_903(column(table, "lapp_previous_permanence_option"), "PREV_PERM"),
            "order_la": column(table, "lapp_previous_permanence_la"),
            "order_date": column(table, "lapp_previous_permanence_order_date")
            .astype("string")
            .str.upper()
            .astype(object),
            "_row": table.rows["_row"],
        }
    )
    orphan = problem.notna()
    mapped["order_date"] = mapped["order_date"].where(mapped["order_date"].notna(), None)
    return Mapped(
        "previous_permanence", table.name, mapped[~orphan], rejected_rows(mapped, orphan, "lapp_person_id", problem)
    )
