"""The person-level histories that map one SSD row to one of our rows: reviews (ssd_cla_reviews), missing
episodes (ssd_missing), child protection plans (ssd_cp_plans) and youth-justice outcomes (ssd_cla_convictions)."""

from __future__ import annotations

import pandas as pd

from orchestration.ingest.ssd.mapping import Link, Mapped, People, column, rejected_rows
from orchestration.ingest.ssd.tables import SsdTable
from orchestration.ingest.ssd.values import decode, decode_903, flag

LINKS = [
    Link(
        "ssd_cla_reviews.clar_cla_person_id",
        "reviews.child_id",
        "the person's 903 CHILD id; via clar_cla_id where the build has no person column (Eclipse)",
    ),
    Link("ssd_cla_reviews.clar_cla_review_due_date", "reviews.due_date", "date"),
    Link("ssd_cla_reviews.clar_cla_review_date", "reviews.review_date", "date; blank when the review was cancelled"),
    Link(
        "ssd_cla_reviews.clar_cla_review_participation",
        "reviews.participation",
        "903 PN code, or its description decoded (SystemC); blank when cancelled",
    ),
    Link("ssd_cla_reviews.clar_cla_review_cancelled", "reviews.review_date", "Y: the review was not held"),
    Link("ssd_missing.miss_person_id", "missing_episodes.child_id", "the person's 903 CHILD id"),
    Link(
        "ssd_missing.miss_missing_episode_type",
        "missing_episodes.missing_type",
        "M/A, or the case system's status text (Missing..., Away..., Absent...)",
    ),
    Link("ssd_missing.miss_missing_episode_start_date", "missing_episodes.start_date", "date"),
    Link("ssd_missing.miss_missing_episode_end_date", "missing_episodes.end_date", "date"),
    Link("ssd_missing.miss_missing_rhi_offered", "missing_episodes.return_interview_offered", "Y/N; NA is blank"),
    Link("ssd_missing.miss_missing_rhi_accepted", "missing_episodes.return_interview_accepted", "Y/N; NA is blank"),
    Link("ssd_cp_plans.cppl_person_id", "child_protection_plans.child_id", "the person's 903 CHILD id"),
    Link("ssd_cp_plans.cppl_cp_plan_start_date", "child_protection_plans.start_date", "date"),
    Link("ssd_cp_plans.cppl_cp_plan_end_date", "child_protection_plans.end_date", "date"),
    Link(
        "ssd_cp_plans.cppl_cp_plan_latest_category",
        "child_protection_plans.category",
        "NEG/PHY/SEX/EMO/MUL, or the category's name decoded; else the initial category",
    ),
    Link("ssd_cla_convictions.clac_person_id", "youth_justice.child_id", "the person's 903 CHILD id"),
    Link("ssd_cla_convictions.clac_cla_conviction_date", "youth_justice.outcome_date", "date"),
    Link(
        "ssd_cla_convictions.clac_cla_conviction_offence",
        "youth_justice.outcome",
        "CONDITIONAL_CAUTION or CAUTION when the text says so, else CONVICTION",
    ),
]

CP_CATEGORIES = {"Neglect": "NEG", "Physical abuse": "PHY", "Physical": "PHY", "Sexual abuse": "SEX", "Sexual": "SEX"}
CP_CATEGORIES |= {"Emotional abuse": "EMO", "Emotional": "EMO", "Multiple": "MUL", "Multiple categories": "MUL"}
for _code in ("NEG", "PHY", "SEX", "EMO", "MUL"):
    CP_CATEGORIES[_code] = _code


def _missing_type(values: pd.Series) -> pd.Series:
    text = values.astype("string").str.strip().str.upper()
    out = text.where(~text.str.startswith("MISS", na=False), "M")
    out = out.where(~(text.str.contains("AWAY|ABSENT", regex=True, na=False)), "A")
    return out.astype(object).where(values.notna(), None)


def _outcome(values: pd.Series) -> pd.Series:
    text = values.astype("string").str.lower().fillna("")
    return pd.Series(
        [
            "CONDITIONAL_CAUTION" if "conditional caution" in t else "CAUTION" if "caution" in t else "CONVICTION"
            for t in text
        ],
        index=values.index,
        dtype=object,
    )


def _finish(entity: str, table: SsdTable, mapped: pd.DataFrame, problem: pd.Series, person_column: str) -> Mapped:
    mapped["_row"] = table.rows["_row"]
    orphan = problem.notna()
    return Mapped(entity, table.name, mapped[~orphan], rejected_rows(mapped, orphan, person_column, problem))


def reviews(tables: dict[str, SsdTable], people: People) -> Mapped:
    table = tables["ssd_cla_reviews"]
    child, problem = people.resolve(
        column(table, "clar_cla_person_id"), "clar_cla_person_id", column(table, "clar_cla_id")
    )
    cancelled = column(table, "clar_cla_review_cancelled").astype("string").str.upper().isin(["Y", "YES", "1"])
    mapped = pd.DataFrame(
        {
            "child_id": child,
            "due_date": column(table, "clar_cla_review_due_date"),
            "review_date": column(table, "clar_cla_review_date").where(~cancelled, None),
            "participation": decode_903(column(table, "clar_cla_review_participation"), "REVIEW_CODE").where(
                ~cancelled, None
            ),
        }
    )
    return _finish("reviews", table, mapped, problem, "clar_cla_person_id")


def missing_episodes(tables: dict[str, SsdTable], people: People) -> Mapped:
    table = tables["ssd_missing"]
    child, problem = people.resolve(column(table, "miss_person_id"), "miss_person_id")
    mapped = pd.DataFrame(
        {
            "child_id": child,
            "missing_type": _missing_type(column(table, "miss_missing_episode_type")),
            "start_date": column(table, "miss_missing_episode_start_date"),
            "end_date": column(table, "miss_missing_episode_end_date"),
            "return_interview_offered": flag(column(table, "miss_missing_rhi_offered")),
            "return_interview_accepted": flag(column(table, "miss_missing_rhi_accepted")),
        }
    )
    return _finish("missing_episodes", table, mapped, problem, "miss_person_id")


def child_protection_plans(tables: dict[str, SsdTable], people: People) -> Mapped:
    table = tables["ssd_cp_plans"]
    child, problem = people.resolve(column(table, "cppl_person_id"), "cppl_person_id")
    category = column(table, "cppl_cp_plan_latest_category").fillna(column(table, "cppl_cp_plan_initial_category"))
    mapped = pd.DataFrame(
        {
            "child_id": child,
            "start_date": column(table, "cppl_cp_plan_start_date"),
            "end_date": column(table, "cppl_cp_plan_end_date"),
            "category": decode(category, {k: v for k, v in CP_CATEGORIES.items()}),
        }
    )
    return _finish("child_protection_plans", table, mapped, problem, "cppl_person_id")


def youth_justice(tables: dict[str, SsdTable], people: People) -> Mapped:
    table = tables["ssd_cla_convictions"]
    child, problem = people.resolve(column(table, "clac_person_id"), "clac_person_id")
    mapped = pd.DataFrame(
        {
            "child_id": child,
            "outcome_date": column(table, "clac_cla_conviction_date"),
            "outcome": _outcome(column(table, "clac_cla_conviction_offence")),
        }
    )
    return _finish("youth_justice", table, mapped, problem, "clac_person_id")
