"""The 903 tables other than Header, Episodes and UASC, built for real by dbt from hand-made histories.

Case-system, health and youth-justice rows go into a temporary DuckDB warehouse (raw tables made from the extract
contracts), dbt builds the marts reviews, oc2, oc3, ad1, placed_adoption, prev_perm, missing, sw_episodes and
dolo in a subprocess, and the tests assert each table's exact rows for the cohort edge cases: exactly 12
months looked after at 31 March for OC2 and short breaks left out; a care leaver with 13 weeks after their
14th birthday and one a day short, a 17-year-old still looked after on the birthday, a 29 February birthday;
adoption in and out of the year; a decision to place for adoption reversed; a missing episode spanning 31
March; social-worker episodes from 2023/24 only, spanning two years from 2024/25; DoLOs from 2026/27 only.
A last test builds the same models from a small synthetic population and checks plausible counts.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import duckdb
import pytest
from warehouse_fixtures import LA, create_case_system_warehouse, ingest_synthetic_extracts, run_dbt

from schemas.contracts import load_contracts

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-01"  # 2026/27 is the year in progress
MARTS = ["reviews", "oc2", "oc3", "ad1", "placed_adoption", "prev_perm", "missing", "sw_episodes", "dolo"]
SELECT = " ".join(f"+{mart}" for mart in MARTS)
# The staging views' own tests are test_dbt_project's business: leaving them out keeps this file fast.
EXCLUDE = "resource_type:test,path:models/staging"
YEAR = "2025/26"  # 1 April 2025 to 31 March 2026, the year most cases are about


def d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def child(child_id: str, dob: str, nhs_number: str | None = None) -> dict:
    return {
        "child_id": child_id,
        "upn": "UN1",
        "nhs_number": nhs_number,
        "sex": "F",
        "date_of_birth": d(dob),
        "ethnicity": "WBRI",
        "uasc": False,
    }


def period(child_id: str, start: str, end: str | None = None, reason: str | None = None) -> dict:
    return {
        "child_id": child_id,
        "start_date": d(start),
        "end_date": d(end),
        "reason_ended": reason,
        "category_of_need": "N1",
    }


def status(child_id: str, code: str, start: str, end: str | None = None) -> dict:
    return {"child_id": child_id, "legal_status": code, "start_date": d(start), "end_date": d(end)}


def in_care(child_id: str, start: str, end: str | None = None, reason: str | None = None, code: str = "C2"):
    """A period of care under one legal status: (period row, legal status row)."""
    return period(child_id, start, end, reason), status(child_id, code, start, end)


# ---- the histories -------------------------------------------------------------------------------------------
# OC2 (2025/26): O1 entered care on 1 April 2025, exactly 12 months at 31 March 2026; O2 a day later; O3 on
# short breaks (V4) throughout; O4, aged 4, looked after since 2023; O5 left care on 31 March 2026.
# OC3 (2025/26): L1 left care on their 18th birthday; L2 was looked after 90 days after their 14th birthday
# (a day short), L3 91 days; L4 was still looked after on their 17th birthday (left after it); L5's care was
# transferred to another authority; L6, 19, left care at 18; L7, born 29 February, left care on 1 March
# 2026, their 18th birthday; L8 left care at 17 and was reported as having died at their 18th birthday.
# AD1 and PlacedAdoption: A1 adopted in 2025/26, A2 adopted on 31 March 2025 (2024/25); A3's decision that
# they should be placed for adoption was reversed in 2025/26.
# PrevPerm: R1 left care on a child arrangements order in August 2025 and came back in June 2026; the case
# system's one previous-permanence record is about that return.
CASES = [
    ("O1", "2015-06-01", "9434765919", [("2025-04-01", None, None)]),
    ("O2", "2012-03-10", None, [("2025-04-02", None, None)]),
    ("O4", "2022-01-15", None, [("2023-01-01", None, None)]),
    ("O5", "2012-05-05", None, [("2020-01-01", "2026-03-31", "E13")]),
    ("L1", "2007-06-10", None, [("2020-05-01", "2025-06-10", "E5")]),
    ("L2", "2008-09-01", None, [("2024-07-02", "2024-09-30", "E13")]),
    ("L3", "2008-09-01", None, [("2024-07-01", "2024-09-30", "E13")]),
    ("L4", "2008-12-01", None, [("2023-01-01", "2026-01-15", "E13")]),
    ("L5", "2008-10-01", None, [("2022-01-01", "2025-04-01", "E3")]),
    ("L6", "2006-05-05", None, [("2021-01-01", "2024-05-05", "E5")]),
    ("L7", "2008-02-29", None, [("2023-01-01", "2026-03-01", "E6")]),
    ("L8", "2007-01-20", None, [("2022-01-01", "2024-12-20", "E5")]),
    ("A1", "2022-11-01", None, [("2023-03-01", "2025-09-15", "E11")]),
    ("A2", "2021-08-01", None, [("2022-01-01", "2025-03-31", "E12")]),
    ("A3", "2020-02-02", None, [("2023-01-01", None, None)]),
    ("R1", "2014-02-02", None, [("2025-05-01", "2025-08-01", "E41"), ("2026-06-01", None, None)]),
]


def histories() -> dict[str, list[dict]]:
    children, periods, statuses = [], [], []
    for child_id, dob, nhs, spans in CASES:
        children.append(child(child_id, dob, nhs))
        for start, end, reason in spans:
            p, s = in_care(child_id, start, end, reason)
            periods.append(p)
            statuses.append(s)
    # O3: short breaks under a V4 agreement since 2024, and a review that must not be returned (rule 399).
    children.append(child("O3", "2014-07-07"))
    periods.append(period("O3", "2024-01-01"))
    statuses.append(status("O3", "V4", "2024-01-01"))
    return {
        "children": children,
        "periods_of_care": periods,
        "legal_statuses": statuses,
        "reviews": [
            {"child_id": "O4", "due_date": d("2025-05-01"), "review_date": d("2025-05-01"), "participation": "PN0"},
            {"child_id": "O4", "due_date": d("2025-11-01"), "review_date": d("2025-11-03"), "participation": "PN0"},
            {"child_id": "O4", "due_date": d("2026-05-01"), "review_date": None, "participation": None},
            {"child_id": "O3", "due_date": d("2025-06-01"), "review_date": d("2025-06-01"), "participation": "PN1"},
            # The day before O2 was looked after: not a looked-after review.
            {"child_id": "O2", "due_date": d("2025-04-01"), "review_date": d("2025-04-01"), "participation": "PN1"},
        ],
        "youth_justice": [
            {"child_id": "O1", "outcome_date": d("2025-12-01"), "outcome": "CAUTION"},
            {"child_id": "O2", "outcome_date": d("2025-12-01"), "outcome": "CONVICTION"},  # not in OC2
        ],
        "care_leaver_contacts": [
            contact("L1", "2025-06-10", "YES", "F2", "D1"),
            contact("L2", "2025-09-01", "YES", "G5", "U1"),  # a contact does not make a care leaver
            contact("L3", "2025-09-01", "YES", "F4", "B1"),
            contact("L4", "2025-12-01", "YES", "F2", "C1"),
            contact("L6", "2025-05-05", "NO", "0", "0"),
            contact("L7", "2026-03-01", "RHOM", "0", "0"),
            contact("L8", "2025-01-20", "DIED", "0", "0"),
        ],
        "adoptions": [
            {
                "child_id": "A1",
                "best_interest_decision_date": d("2023-10-01"),
                "placement_order_date": d("2023-12-01"),
                "matched_date": d("2024-06-01"),
                "placed_date": d("2024-08-01"),
                "adoption_order_date": d("2025-09-15"),
                "adopted_by_foster_carer": True,
                "number_of_adopters": 2,
                "adopter_sex": "MF",
                "adopter_legal_status": "L11",
            },
            {
                "child_id": "A2",
                "best_interest_decision_date": d("2022-06-01"),
                "matched_date": d("2023-06-01"),
                "placed_date": d("2023-08-01"),
                "adoption_order_date": d("2025-03-31"),
                "adopted_by_foster_carer": False,
                "number_of_adopters": 1,
                "adopter_sex": "F1",
                "adopter_legal_status": "L0",
            },
            {
                "child_id": "A3",
                "best_interest_decision_date": d("2024-01-10"),
                "decision_reversed_date": d("2025-07-01"),
                "decision_reversed_reason": "RD1",
            },
        ],
        "previous_permanence": [
            {"child_id": "O1", "previous_permanence": "P2", "order_la": "886", "order_date": "ZZ/03/2019"},
            {"child_id": "R1", "previous_permanence": "P3", "order_la": "886", "order_date": "01/08/2025"},
        ],
        "missing_episodes": [
            {"child_id": "O4", "missing_type": "A", "start_date": d("2025-05-01"), "end_date": d("2025-05-02")},
            {"child_id": "O4", "missing_type": "M", "start_date": d("2026-03-30"), "end_date": d("2026-04-02")},
            # O2 went missing from home the day before becoming looked after: not missing from care.
            {"child_id": "O2", "missing_type": "M", "start_date": d("2025-04-01"), "end_date": d("2025-04-01")},
        ],
        "social_worker_allocations": [
            sw("O4", "SW100", "2023-01-01", "2023-06-30", "LEFTRL"),
            sw("O4", "SW101", "2023-06-30", "2024-05-01", "MANAGE"),
            sw("O4", "SW102", "2024-05-01", None, None),
            # L4 left care in January 2026; A3 went without a social worker for two months in 2024.
            sw("L4", "SW200", "2023-01-01", "2026-01-15", "TSPROC"),
            sw("A3", "SW300", "2023-01-01", "2024-01-01", "MANAGE"),
            sw("A3", "SW301", "2024-03-01", None, None),
        ],
        "deprivation_of_liberty_orders": [
            {"child_id": "O1", "start_date": d("2025-06-01"), "end_date": d("2026-06-01")},
            {"child_id": "O4", "start_date": d("2026-05-01"), "end_date": None},
        ],
        **health_records(),
    }


def contact(child_id, birthday, in_touch, activity, accommodation):
    return {
        "child_id": child_id,
        "birthday": d(birthday),
        "contact_date": d(birthday),
        "in_touch": in_touch,
        "activity": activity,
        "accommodation": accommodation,
    }


def sw(child_id, worker, start, end, reason):
    return {
        "child_id": child_id,
        "social_worker_id": worker,
        "start_date": d(start),
        "end_date": d(end),
        "reason_ended": reason,
    }


def health_records() -> dict[str, list[dict]]:
    """O1's health in 2025/26, some rows known to the health system by NHS number only; O4's development check."""
    nhs = "9434765919"
    return {
        "sdq_assessments": [
            {"child_id": "O1", "assessment_date": d("2025-06-01"), "score": 12},
            {"child_id": None, "nhs_number": nhs, "assessment_date": d("2026-01-10"), "score": 18},  # the latest
            {"child_id": "O1", "assessment_date": d("2024-06-01"), "reason_no_score": "SDQ2"},  # before the year
        ],
        "dental_checks": [{"child_id": None, "nhs_number": nhs, "check_date": d("2025-09-01")}],
        "health_assessments": [
            {
                "child_id": "O1",
                "assessment_type": "REVIEW",
                "due_date": d("2025-10-01"),
                "completed_date": d("2025-10-01"),
            },
            # Due but not completed: not a health assessment.
            {"child_id": "O4", "assessment_type": "REVIEW", "due_date": d("2025-07-01"), "completed_date": None},
        ],
        "immunisations": [
            {"child_id": "O1", "status_date": d("2025-10-01"), "up_to_date": True},
            {"child_id": "O4", "status_date": d("2026-04-15"), "up_to_date": True},  # after 31 March 2026
        ],
        "development_checks": [
            {"child_id": "O4", "check_date": d("2025-06-01"), "up_to_date": True},
            {"child_id": "O4", "check_date": d("2025-12-01"), "up_to_date": False},  # the status at 31 March
        ],
        "substance_misuse": [
            {
                "child_id": "O1",
                "identified_date": d("2025-11-01"),
                "intervention_offered": True,
                "intervention_received": False,
            },
        ],
    }


def dbt_build(warehouse: Path, work: Path, select: str) -> subprocess.CompletedProcess:
    # cautious: not the tests of other marts that merely share a parent
    return run_dbt(
        "build", warehouse, work, "--select", select, "--exclude", EXCLUDE, "--indirect-selection", "cautious"
    )


def rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def mart(warehouse: Path, name: str, year: str = YEAR) -> set[tuple]:
    """The derived rows of a mart for a year, without la_code, collection_year and return_source."""
    columns = [
        c
        for (c,) in rows(
            warehouse,
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'marts_ssda903' "
            f"AND table_name = '{name}' ORDER BY ordinal_position",
        )
        if c not in ("la_code", "collection_year", "return_source")
    ]
    return set(
        rows(
            warehouse,
            f"SELECT {', '.join(columns)} FROM marts_ssda903.{name} "
            f"WHERE collection_year = '{year}' AND return_source = 'derived' AND la_code = '{LA}'",
        )
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("ssda903_tables")
    warehouse = work / "warehouse.duckdb"
    create_case_system_warehouse(warehouse, histories())
    with duckdb.connect(str(warehouse)) as con:  # a care leaver from an earlier return, loaded from its file
        con.execute(
            "INSERT INTO submitted_returns.oc3 VALUES (?, '2019/20', 'X9', DATE '2001-01-01', 'YES', 'F1', 'U1')", [LA]
        )
    result = dbt_build(warehouse, work, SELECT)
    assert result.returncode == 0, result.stdout[-6000:]
    return warehouse


DOB = {child_id: d(dob) for child_id, dob, _, _ in CASES} | {"O3": d("2014-07-07")}


def test_every_mart_has_the_layout_columns_in_order(built):
    from orchestration.ssda903.layouts import table

    for name in MARTS:
        columns = [
            c
            for (c,) in rows(
                built,
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'marts_ssda903' "
                f"AND table_name = '{name}' ORDER BY ordinal_position",
            )
        ]
        assert columns == ["la_code", "collection_year", *table(name).fields, "return_source"], name


def test_oc2_is_children_looked_after_for_12_months_exactly_or_more_without_short_breaks(built):
    assert mart(built, "oc2") == {
        # Entered care on 1 April 2025: 12 months exactly. Aged 10: CONVICTED (a caution), no HEALTH_CHECK.
        # The latest SDQ in the year (known by NHS number), the dental check found by NHS number, substance
        # misuse with an intervention offered but refused.
        ("O1", DOB["O1"], 18, None, 1, None, 1, 1, 1, 1, 0, 1),
        # Aged 4 at 31 March: SDQ due but none recorded; under 10, so no CONVICTED; under 5, so HEALTH_CHECK
        # from the latest development check; the immunisation status after 31 March does not count.
        ("O4", DOB["O4"], None, None, None, 0, 0, 0, 0, 0, None, None),
        # Aged 6: no HEALTH_CHECK, no CONVICTED; nothing recorded, so 0 for the rest.
        ("A3", DOB["A3"], None, None, None, None, 0, 0, 0, 0, None, None),
    }
    # O1 was not looked after for 12 months at 31 March 2025; O2 entered a day late, O3 is on short breaks,
    # O5 left care on 31 March.
    assert {r[0] for r in mart(built, "oc2", "2024/25")} == {"O4", "A1", "A3", "L1", "L4", "L5", "L7", "O5"}
    # The year in progress: whoever is looked after now and was on 1 April 2026.
    assert {r[0] for r in mart(built, "oc2", "2026/27")} == {"O1", "O2", "O4", "A3"}


def test_oc3_is_care_leavers_at_their_17th_to_21st_birthday(built):
    assert mart(built, "oc3") == {
        ("L3", DOB["L3"], "YES", "F4", "B1"),  # 91 days after their 14th birthday, 29 of them after their 16th
        ("L6", DOB["L6"], "NO", "0", "0"),  # 19, a former relevant child
    }
    # L1 left care on their 18th birthday and L7 (born 29 February) on 1 March 2026, theirs: leaving on the
    # birthday is leaving at 18, so no care leaver information at 18 (rule 1016); L1 is reported at 19.
    # L1 was still looked after on their 17th birthday and L6 left care on their 18th; L8 died at 18 and is not
    # reported again at 19 (rule 348).
    assert {r[0] for r in mart(built, "oc3", "2024/25")} == {"L8"}
    # The year in progress: birthdays up to the as-of date only (L4 is 18 in December 2026); no contact is
    # recorded for them yet, so the items are blank.
    assert mart(built, "oc3", "2026/27") == {
        ("L1", DOB["L1"], None, None, None),
        ("L3", DOB["L3"], None, None, None),
        ("L6", DOB["L6"], None, None, None),
    }


def test_ad1_is_children_adopted_in_the_year(built):
    assert mart(built, "ad1") == {("A1", DOB["A1"], d("2023-10-01"), d("2024-06-01"), 1, 2, "MF", "L11")}
    assert mart(built, "ad1", "2024/25") == {("A2", DOB["A2"], d("2022-06-01"), d("2023-06-01"), 0, 1, "F1", "L0")}


def test_placed_adoption_is_decisions_in_force_in_the_year(built):
    assert mart(built, "placed_adoption") == {
        ("A1", DOB["A1"], d("2023-10-01"), None, None),  # adopted in the year: no DATE_PLACED_CEASED (558)
        ("A3", DOB["A3"], d("2024-01-10"), d("2025-07-01"), "RD1"),  # reversed in the year
    }
    # The reversal came after 31 March 2025, so 2024/25 shows the decision open; A2 was adopted on 31 March.
    assert mart(built, "placed_adoption", "2024/25") == {
        ("A1", DOB["A1"], d("2023-10-01"), None, None),
        ("A2", DOB["A2"], d("2022-06-01"), None, None),
        ("A3", DOB["A3"], d("2024-01-10"), None, None),
    }
    assert mart(built, "placed_adoption", "2026/27") == set()  # reversed or adopted before the year


def test_prev_perm_is_children_starting_care_in_the_year(built):
    assert mart(built, "prev_perm") == {
        ("O1", DOB["O1"], "P2", "886", "ZZ/03/2019"),
        ("O2", DOB["O2"], None, None, None),  # a starter with no record: blank, for the validation to report
        # R1's record is about the return to care after the order: what came before May 2025 is not known
        ("R1", DOB["R1"], "P4", "999", "ZZ/ZZ/ZZZZ"),
    }
    assert ("R1", DOB["R1"], "P3", "886", "01/08/2025") in mart(built, "prev_perm", "2026/27")


def test_missing_episodes_open_at_31_march_appear_in_both_years(built):
    assert mart(built, "missing") == {
        ("O4", DOB["O4"], "A", d("2025-05-01"), d("2025-05-02")),
        ("O4", DOB["O4"], "M", d("2026-03-30"), None),  # still missing at 31 March
    }
    assert mart(built, "missing", "2026/27") == {("O4", DOB["O4"], "M", d("2026-03-30"), d("2026-04-02"))}


def test_reviews_are_those_held_while_looked_after_and_not_on_short_breaks(built):
    assert mart(built, "reviews") == {
        ("O4", DOB["O4"], d("2025-05-01"), "PN0"),
        ("O4", DOB["O4"], d("2025-11-03"), "PN0"),
    }


def test_social_worker_episodes_start_in_2023_24_and_span_two_years(built):
    def episodes(year, child="O4"):
        return {(r[2], r[3], r[4], r[5]) for r in mart(built, "sw_episodes", year) if r[0] == child}

    assert episodes("2022/23") == set()
    # The first year reports the collection year only; SW_REASON is the reason for the change into the
    # episode (why the previous allocation ended); a child's first allocation is FCONTA (first contact).
    assert episodes("2023/24") == {
        ("SW100", d("2023-01-01"), d("2023-06-30"), "FCONTA"),
        ("SW101", d("2023-06-30"), None, "LEFTRL"),
    }
    assert episodes("2024/25") == {
        ("SW100", d("2023-01-01"), d("2023-06-30"), "FCONTA"),
        ("SW101", d("2023-06-30"), d("2024-05-01"), "LEFTRL"),
        ("SW102", d("2024-05-01"), None, "MANAGE"),
    }
    assert episodes(YEAR) == {
        ("SW101", d("2023-06-30"), d("2024-05-01"), "LEFTRL"),
        ("SW102", d("2024-05-01"), None, "MANAGE"),
    }
    # An allocation after a spell with no social worker is a re-referral: FCONTA again.
    assert episodes(YEAR, "A3") == {("SW301", d("2024-03-01"), None, "FCONTA")}
    # Only children looked after at 31 March are returned (SW12, SW17): L4 left care in January 2026.
    assert episodes("2024/25", "L4") == {("SW200", d("2023-01-01"), None, "FCONTA")}
    assert {r[0] for r in mart(built, "sw_episodes", YEAR)} == {"O4", "A3"}


def test_dolo_starts_in_2026_27(built):
    assert rows(built, "SELECT DISTINCT collection_year FROM marts_ssda903.dolo") == [("2026/27",)]
    assert mart(built, "dolo", "2026/27") == {
        ("O1", DOB["O1"], d("2025-06-01"), d("2026-06-01")),
        ("O4", DOB["O4"], d("2026-05-01"), None),
    }


def test_a_submitted_return_is_kept_beside_the_derived_rows(built):
    assert rows(built, "SELECT child, return_source FROM marts_ssda903.oc3 WHERE collection_year = '2019/20'") == [
        ("X9", "submitted")
    ]


# ---- a small synthetic population ----------------------------------------------------------------------------


def synthetic_warehouse(folder: Path, scale: float) -> Path:
    """Extracts from the synthetic generator loaded as the ingest loads them (no Dagster), with an empty
    postcode directory; the case-system and health extracts are read, education stays empty."""
    warehouse = folder / "warehouse.duckdb"
    entities = [c.entity for c in load_contracts().values() if c.source in ("case_system", "health")]
    ingest_synthetic_extracts(folder, warehouse, seed=11, scale=scale, entities=entities)
    return warehouse


def test_synthetic_population_gives_plausible_tables(tmp_path, monkeypatch):
    scale = 0.1
    monkeypatch.setenv("CLA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CLA_WAREHOUSE", str(tmp_path / "warehouse.duckdb"))
    monkeypatch.setenv("CLA_AS_OF", AS_OF)
    warehouse = synthetic_warehouse(tmp_path, scale)
    result = dbt_build(warehouse, tmp_path, SELECT)
    assert result.returncode == 0, result.stdout[-6000:]

    counts = dict(
        rows(
            warehouse,
            f"""
            SELECT 'looked_after_31_march', count(*) FROM intermediate.int_ssda903__looked_after_in_year
            WHERE collection_year = '{YEAR}' AND is_looked_after_at_year_end AND has_care_other_than_short_breaks
            UNION ALL SELECT 'oc2', count(*) FROM marts_ssda903.oc2 WHERE collection_year = '{YEAR}'
            UNION ALL SELECT 'oc3', count(*) FROM marts_ssda903.oc3 WHERE collection_year = '{YEAR}'
            UNION ALL SELECT 'ad1', count(*) FROM marts_ssda903.ad1 WHERE collection_year = '{YEAR}'
            UNION ALL SELECT 'prev_perm', count(*) FROM marts_ssda903.prev_perm WHERE collection_year = '{YEAR}'
            UNION ALL SELECT 'reviews', count(*) FROM marts_ssda903.reviews WHERE collection_year = '{YEAR}'
            UNION ALL SELECT 'missing', count(*) FROM marts_ssda903.missing WHERE collection_year = '{YEAR}'
            UNION ALL SELECT 'sw_episodes', count(*) FROM marts_ssda903.sw_episodes WHERE collection_year = '{YEAR}'
            UNION ALL SELECT 'sw_before_2023', count(*) FROM marts_ssda903.sw_episodes
                WHERE collection_year < '2023/24'
            UNION ALL SELECT 'dolo_before_2026', count(*) FROM marts_ssda903.dolo WHERE collection_year < '2026/27'
            """,
        )
    )
    looked_after = counts["looked_after_31_march"]
    # Kent: about 1,800 looked after at 31 March, two-thirds of them for 12 months or more; about 1,000 care
    # leavers aged 17 to 21; about 180 adoptions and 1,000 starters a year.
    assert 1800 * scale * 0.6 <= looked_after <= 1800 * scale * 1.4, counts
    assert 0.55 <= counts["oc2"] / looked_after <= 0.80, counts
    assert 1000 * scale * 0.5 <= counts["oc3"] <= 1000 * scale * 1.8, counts
    assert 0 < counts["ad1"] <= 400 * scale, counts
    assert 1000 * scale * 0.5 <= counts["prev_perm"] <= 1000 * scale * 1.6, counts
    assert counts["reviews"] >= 2 * counts["oc2"], counts  # at least two reviews a year each
    assert counts["missing"] > 0 and counts["sw_episodes"] >= looked_after, counts
    assert counts["sw_before_2023"] == 0 and counts["dolo_before_2026"] == 0, counts
