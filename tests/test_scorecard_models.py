"""The scorecard's shared models, the Children, Placements, Care Leavers and Staffing indicators, and the marts,
built for real: hand-made case-system histories in a temporary DuckDB warehouse, one `dbt build` of everything
the scorecard marts need, and each indicator's numerator and denominator at October 2026 checked against
figures worked out by hand below. Then the marts: RAG, direction of travel, the UASC cohort, breakdowns, and the
children behind a figure. CLA_AS_OF is 2026-11-01, so the last month end is 31 October 2026 (windows: year to
date from 1 April 2026, rolling 12 months from 1 November 2025; the 2.5-year cut-off for P02 is 30 April 2024).

The children (Kent, E10000016):
  K1   boy, 14, in care since 10/01/2023. Placements: U4 own carers (to 01/12/2025), K2 (to 15/03/2026), U6 (to
       01/08/2026), U4 own carers again: 4 placements in the 12 months (P01 yes); in the latest since 01/08/2026
       (P02: looked after 2.5 years, not 2 years in one placement). 3.1 miles from home (5 km: P04, P05 yes).
       Reviews due 01/05/2026 held 28/04 (PN1) and due 01/10/2026 held 05/10 late (PN7); a review due
       15/11/2026 is in the future. Social worker since 01/06/2025 (C03 yes). Youth caution 01/02/2026, his
       first (C08, C09). Missing 01-05/06/2026 (4 days: P08) with a return interview accepted (P09); missing
       01-02/07/2026 (1 day); away (A) 10-15/08/2026 (not missing). Child protection plan from 01/09/2026 (C05).
  K2   UASC boy, 17, in a children's home in Medway since 15/08/2025 (P06, P07 OUT). Review due and held
       10/04/2026 (PN3).
  K3   girl, 5, with foster carers CD since 01/02/2023, placed for adoption with them (A5) from 10/01/2026: one
       placement (P02 yes). Review due and held 15/05/2026, PN0 (C01 counts it, C02 does not). Social worker
       since 01/01/2026 (C03 no).
  K4   boy, 10, in care since 01/03/2022: U6 (to 01/09/2025) then placed for adoption (A6) with new carers:
       P02 yes by adding the previous placement. No social worker (C03 no).
  K5   boy on short breaks (V4) since 01/03/2026: in no figure; his review due 01/06/2026 is not counted.
  K6   care leaver, 20 on 15/07/2026: in touch, full-time education (F2), semi-independent suitable (D1).
  K7   care leaver, 21 on 10/09/2026: not in touch.
  K8   care leaver, 19 on 05/01/2026: no contact recorded (not known).
  K9   boy, 14, left care 01/03/2025 and came back 01/05/2026 (C07 yes), fostered (U6, private) in Medway,
       31 miles from home (P07 OUT; P04, P05 no).
  K10  girl, 10, in care for the first time from 10/06/2026 (C07 no), with relatives (U3) 14.9 miles from home
       (P03, P04 yes; P05 no).
In care at 31/10/2026: K1, K2, K3, K4, K9, K10 (6; 5 excluding UASC).
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import duckdb
import pytest
from warehouse_fixtures import create_case_system_warehouse, run_dbt

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-01"
OCT, SEP = date(2026, 10, 31), date(2026, 9, 30)


def d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


POSTCODES = [
    {"postcode": "TN1 1AA", "easting": 600000, "northing": 150000, "lad_code": "E07000116"},  # Tunbridge Wells
    {"postcode": "CT1 1AA", "easting": 603000, "northing": 154000, "lad_code": "E07000106"},  # 5 km: 3.1 miles
    {"postcode": "ME1 1AA", "easting": 600000, "northing": 174000, "lad_code": "E07000110"},  # 24 km: 14.9 miles
    {"postcode": "ME4 4AA", "easting": 630000, "northing": 190000, "lad_code": "E06000035"},  # Medway: 31.1 miles
]


def child(child_id, sex, dob, ethnicity="WBRI", district="CAN", team="EAST", uasc=False):
    return {
        "child_id": child_id,
        "upn": "UN1",
        "sex": sex,
        "date_of_birth": d(dob),
        "ethnicity": ethnicity,
        "uasc": uasc,
        "district": district,
        "team": team,
    }


def period(child_id, start, end=None, reason=None):
    return {
        "child_id": child_id,
        "start_date": d(start),
        "end_date": d(end),
        "reason_ended": reason,
        "category_of_need": "N1",
    }


def status(child_id, code, start, end=None):
    return {"child_id": child_id, "legal_status": code, "start_date": d(start), "end_date": d(end)}


def placement(pid, child_id, kind, provider, carer, start, end=None, post="CT1 1AA", reason=None):
    return {
        "placement_id": pid,
        "child_id": child_id,
        "placement_type": kind,
        "provider": provider,
        "carer_id": carer,
        "placement_postcode": post,
        "home_postcode": "TN1 1AA",
        "start_date": d(start),
        "end_date": d(end),
        "reason_for_change": reason if end else None,
    }


def review(child_id, due, held=None, participation=None):
    return {"child_id": child_id, "due_date": d(due), "review_date": d(held), "participation": participation}


def missing(child_id, kind, start, end, accepted=False):
    return {
        "child_id": child_id,
        "missing_type": kind,
        "start_date": d(start),
        "end_date": d(end),
        "return_interview_offered": accepted,
        "return_interview_accepted": accepted,
    }


def post(month_end, post_id, team, role, filled, agency, caseload):
    return {
        "month_end": d(month_end),
        "post_id": post_id,
        "team": team,
        "role": role,
        "filled": filled,
        "agency": agency,
        "qualified": filled,
        "social_worker_id": f"SW{post_id}" if filled else None,
        "caseload": caseload,
    }


def posts(month_end, caseload_p1):
    return [
        post(month_end, "P1", "NORTH", "SOCIAL_WORKER", True, True, caseload_p1),
        post(month_end, "P2", "EAST", "SENIOR_PRACTITIONER", True, False, 12),
        post(month_end, "P3", "UASC", "SOCIAL_WORKER", True, False, 20),
        post(month_end, "P4", "WEST", "SOCIAL_WORKER", False, None, None),
        post(month_end, "P5", "NORTH", "TEAM_MANAGER", True, False, None),
    ]


HISTORIES = {
    "children": [
        child("K1", "M", "2012-05-03"),
        child("K2", "M", "2009-03-01", ethnicity="OOTH", team="UASC", uasc=True),
        child("K3", "F", "2021-06-05", ethnicity="MWBC", district="THA"),
        child("K4", "M", "2016-01-20", district="ASH", team="SOUTH"),
        child("K5", "M", "2015-01-01", team="DISABILITY"),
        child("K6", "F", "2006-07-15", team="CARE_LEAVERS"),
        child("K7", "M", "2005-09-10", team="CARE_LEAVERS"),
        child("K8", "F", "2007-01-05", team="CARE_LEAVERS"),
        child("K9", "M", "2012-02-02", district="DOV", team="SOUTH"),
        child("K10", "F", "2016-03-03", ethnicity="BAFR", district="DAR", team="NORTH"),
    ],
    "periods_of_care": [
        period("K1", "2023-01-10"),
        period("K2", "2025-08-15"),
        period("K3", "2023-02-01"),
        period("K4", "2022-03-01"),
        period("K5", "2026-03-01"),
        period("K6", "2020-07-01", "2024-07-15", "E8"),
        period("K7", "2019-09-01", "2023-09-10", "E8"),
        period("K8", "2022-01-01", "2025-01-05", "E8"),
        period("K9", "2024-06-01", "2025-03-01", "E13"),
        period("K9", "2026-05-01"),
        period("K10", "2026-06-10"),
    ],
    "legal_statuses": [
        status("K1", "C2", "2023-01-10"),
        status("K2", "V2", "2025-08-15"),
        status("K3", "C2", "2023-02-01", "2025-07-01"),
        status("K3", "E1", "2025-07-01"),
        status("K4", "C2", "2022-03-01", "2024-01-01"),
        status("K4", "E1", "2024-01-01"),
        status("K5", "V4", "2026-03-01"),
        status("K6", "C2", "2020-07-01", "2024-07-15"),
        status("K7", "C2", "2019-09-01", "2023-09-10"),
        status("K8", "V2", "2022-01-01", "2025-01-05"),
        status("K9", "V2", "2024-06-01", "2025-03-01"),
        status("K9", "C1", "2026-05-01"),
        status("K10", "C1", "2026-06-10"),
    ],
    "placements": [
        placement("K1a", "K1", "U4", "PR1", "CA", "2023-01-10", "2025-12-01", reason="CARPL"),
        placement("K1b", "K1", "K2", "PR4", "CB", "2025-12-01", "2026-03-15", reason="CARPL"),
        placement("K1c", "K1", "U6", "PR4", "CC", "2026-03-15", "2026-08-01", reason="CARPL"),
        placement("K1d", "K1", "U4", "PR1", "CA", "2026-08-01"),
        placement("K2a", "K2", "K2", "PR4", "CG", "2025-08-15", post="ME4 4AA"),
        placement("K3a", "K3", "U4", "PR1", "CD", "2023-02-01", "2026-01-10", reason="CARPL"),
        placement("K3b", "K3", "A5", "PR1", "CD", "2026-01-10"),
        placement("K4a", "K4", "U6", "PR4", "CE", "2022-03-01", "2025-09-01", reason="CARPL"),
        placement("K4b", "K4", "A6", "PR1", "CF", "2025-09-01"),
        placement("K5a", "K5", "K2", "PR4", "CH", "2026-03-01"),
        placement("K6a", "K6", "U4", "PR1", "CI", "2020-07-01", "2024-07-15", reason="CARPL"),
        placement("K7a", "K7", "U4", "PR1", "CJ", "2019-09-01", "2023-09-10", reason="CARPL"),
        placement("K8a", "K8", "U4", "PR1", "CK", "2022-01-01", "2025-01-05", reason="CARPL"),
        placement("K9a", "K9", "U6", "PR4", "CL", "2024-06-01", "2025-03-01", post="ME4 4AA", reason="CARPL"),
        placement("K9b", "K9", "U6", "PR4", "CL", "2026-05-01", post="ME4 4AA"),
        placement("K10a", "K10", "U3", "PR4", "CM", "2026-06-10", post="ME1 1AA"),
    ],
    "reviews": [
        review("K1", "2026-05-01", "2026-04-28", "PN1"),
        review("K1", "2026-10-01", "2026-10-05", "PN7"),
        review("K1", "2026-11-15"),
        review("K2", "2026-04-10", "2026-04-10", "PN3"),
        review("K3", "2026-05-15", "2026-05-15", "PN0"),
        review("K5", "2026-06-01", "2026-06-01", "PN1"),
    ],
    "social_worker_allocations": [
        {"child_id": "K1", "social_worker_id": "SW1", "start_date": d("2023-01-10"), "end_date": d("2025-06-01")},
        {"child_id": "K1", "social_worker_id": "SW2", "start_date": d("2025-06-01"), "end_date": None},
        {"child_id": "K3", "social_worker_id": "SW3", "start_date": d("2026-01-01"), "end_date": None},
    ],
    "youth_justice": [{"child_id": "K1", "outcome_date": d("2026-02-01"), "outcome": "CAUTION"}],
    "missing_episodes": [
        missing("K1", "M", "2026-06-01", "2026-06-05", accepted=True),
        missing("K1", "M", "2026-07-01", "2026-07-02"),
        missing("K1", "A", "2026-08-10", "2026-08-15", accepted=True),
    ],
    "child_protection_plans": [{"child_id": "K1", "start_date": d("2026-09-01"), "end_date": None, "category": "NEG"}],
    "care_leaver_contacts": [
        {"child_id": "K6", "birthday": d("2026-07-15"), "contact_date": d("2026-07-20"), "in_touch": "YES",
         "activity": "F2", "accommodation": "D1"},
        {"child_id": "K7", "birthday": d("2026-09-10"), "contact_date": None, "in_touch": "NO", "activity": "0",
         "accommodation": "0"},
    ],
    "other_la_children": [
        {"placing_la": "E10000017", "child_reference": "AB1", "placement_type": "U4", "district": "CAN",
         "start_date": d("2025-01-01"), "end_date": None},
        {"placing_la": "E09000004", "child_reference": "X9", "placement_type": "K2", "district": "THA",
         "start_date": d("2026-10-01"), "end_date": None},
        {"placing_la": "E09000004", "child_reference": "X8", "placement_type": "K2", "district": "THA",
         "start_date": d("2025-01-01"), "end_date": d("2026-10-31")},
    ],
    "social_work_posts": posts("2026-10-31", 18) + posts("2026-09-30", 20),
}  # fmt: skip


def dbt(command: str, warehouse: Path, work: Path, *args: str) -> subprocess.CompletedProcess:
    return run_dbt(command, warehouse, work, *args)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    work = tmp_path_factory.mktemp("scorecard_models")
    path = work / "warehouse.duckdb"
    create_case_system_warehouse(path, HISTORIES, POSTCODES)
    # Models first (upstream data tests are other files' business), then the scorecard's own tests.
    built = dbt("build", path, work, "--select", "+marts.scorecard", "--exclude-resource-type", "test")
    assert built.returncode == 0, built.stdout[-6000:]
    tested = dbt("test", path, work, "--select", "intermediate.scorecard marts.scorecard")
    assert tested.returncode == 0, tested.stdout[-6000:]
    return path


def query(warehouse: Path, sql: str, *params) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def figure(warehouse, indicator_id, month_end=OCT, cohort="all", breakdown="all", value="all"):
    """(numerator, denominator, value, target, rag, previous_value, direction_of_travel) of one scorecard row."""
    rows = query(
        warehouse,
        "SELECT numerator, denominator, value, target, rag, previous_value, direction_of_travel "
        "FROM marts_scorecard.scorecard__indicator_months "
        "WHERE indicator_id = ? AND month_end = ? AND cohort = ? AND breakdown = ? AND breakdown_value = ?",
        indicator_id, month_end, cohort, breakdown, value,
    )  # fmt: skip
    assert len(rows) == 1, (indicator_id, month_end, rows)
    return rows[0]


def counted(warehouse, indicator_id, month_end=OCT) -> dict[str, tuple[float, float]]:
    """The subjects behind a figure: {child_id: (numerator, denominator)}."""
    rows = query(
        warehouse,
        "SELECT child_id, numerator, denominator FROM marts_scorecard.scorecard__children_counted "
        "WHERE indicator_id = ? AND month_end = ?",
        indicator_id, month_end,
    )  # fmt: skip
    return {r[0]: (r[1], r[2]) for r in rows}


# ---- the shared models ---------------------------------------------------------------------------------------


def test_month_ends_are_the_61_up_to_the_last_before_the_as_of_date(warehouse):
    rows = query(
        warehouse,
        "SELECT month_end, financial_year_start, academic_year_start, rolling_12_start, previous_month_end, "
        "last_march_end, year_ending FROM intermediate.int_scorecard__month_ends ORDER BY month_end",
    )
    assert len(rows) == 61
    assert rows[0][0] == date(2021, 10, 31)
    assert rows[-1] == (OCT, date(2026, 4, 1), date(2026, 9, 1), date(2025, 11, 1), SEP, date(2026, 3, 31), 2027)
    feb_2024 = next(r for r in rows if r[0] == date(2024, 2, 29))
    assert feb_2024[1:4] == (date(2023, 4, 1), date(2023, 9, 1), date(2023, 3, 1))
    assert feb_2024[5] == date(2023, 3, 31)


def test_child_months_hold_the_children_in_care_at_each_month_end(warehouse):
    rows = query(
        warehouse,
        "SELECT child_id, age, age_band, ethnicity_group, placement_type, is_uasc, placement_start_date, "
        "is_looked_after_12_months FROM intermediate.int_scorecard__child_months WHERE month_end = ? ORDER BY 1",
        OCT,
    )
    assert rows == [
        ("K1", 14, "10-15", "White", "foster", False, date(2026, 8, 1), True),
        ("K10", 10, "10-15", "Black", "foster", False, date(2026, 6, 10), False),
        ("K2", 17, "16+", "Other", "residential", True, date(2025, 8, 15), True),  # in care 14 months
        ("K3", 5, "5-9", "Mixed", "adoption", False, date(2023, 2, 1), True),  # A5 with her foster carers
        ("K4", 10, "10-15", "White", "adoption", False, date(2025, 9, 1), True),
        ("K9", 14, "10-15", "White", "foster", False, date(2026, 5, 1), False),
    ]  # K5 is on short breaks: not looked after at the month end for DfE


# ---- each indicator at 31 October 2026, against the hand-made figures ------------------------------------------


@pytest.mark.parametrize(
    ("indicator_id", "numerator", "denominator", "subjects"),
    [
        # reviews due 1 April-31 October: K1 2 (1 on time), K2 1, K3 1; K5's short-break review left out
        ("C01", 3, 4, {"K1": (1, 2), "K2": (1, 1), "K3": (1, 1)}),
        # reviews held: K1 PN1 and PN7, K2 PN3; K3's PN0 left out
        ("C02", 2, 3, {"K1": (1, 2), "K2": (1, 1)}),
        # in care since 30/04/2025 or before: K1 (social worker since 01/06/2025), K3 (since 01/01/2026), K4 (none)
        ("C03", 1, 3, {"K1": (1, 1), "K3": (0, 1), "K4": (0, 1)}),
        ("C05", 1, 0, {"K1": (1, 0)}),
        # starters since 1 April: K9 (previous period ended 01/03/2025, within 24 months), K10 (first time)
        ("C07", 1, 2, {"K9": (1, 1), "K10": (0, 1)}),
        ("C08", 1, 6, None),
        ("C09", 1, 0, {"K1": (1, 0)}),
        # placements in the 12 months from 01/11/2025: K1 4 (U4, K2, U6, U4), everyone else 1
        ("P01", 1, 6, None),
        # under 16 and in care since 30/04/2024 or before: K1 (no), K3 (A5 with the same carers), K4 (A6 + U6)
        ("P02", 2, 3, {"K1": (0, 1), "K3": (1, 1), "K4": (1, 1)}),
        # fostered, not UASC: K1 (own carers), K9 (private), K10 (relatives)
        ("P03", 2, 3, {"K1": (1, 1), "K9": (0, 1), "K10": (1, 1)}),
        ("P04", 2, 3, {"K1": (1, 1), "K9": (0, 1), "K10": (1, 1)}),  # 3.1, 31.1, 14.9 miles
        ("P05", 1, 3, {"K1": (1, 1), "K9": (0, 1), "K10": (0, 1)}),
        ("P06", 1, 6, None),  # K2's children's home
        ("P07", 2, 6, None),  # K2 and K9 in Medway, not with relatives
        ("P08", 1, 0, {"K1": (1, 0)}),  # 01-05/06/2026; the 1-day episode and the away episode are not
        ("P09", 1, 0, {"K1": (1, 0)}),
        # 19th-21st birthdays from 01/11/2025: K6 (in touch, F2, D1), K7 (not in touch), K8 (not known)
        ("L01", 1, 3, {"K6": (1, 1), "K7": (0, 1), "K8": (0, 1)}),
        ("L02", 1, 3, {"K6": (1, 1), "K7": (0, 1), "K8": (0, 1)}),
        ("L03", 1, 3, {"K6": (1, 1), "K7": (0, 1), "K8": (0, 1)}),
        # case-holding posts P1-P4 (the team manager is not one): P1 agency; P2, P3 permanent qualified
        ("S01", 1, 4, {"P1": (1, 1), "P2": (0, 1), "P3": (0, 1), "P4": (0, 1)}),
        ("S02", 2, 4, {"P1": (0, 1), "P2": (1, 1), "P3": (1, 1), "P4": (0, 1)}),
        # filled case-holding posts in the area teams: P1 18 and P2 12 (P3 is the UASC team)
        ("S03", 30, 2, {"P1": (18, 1), "P2": (12, 1)}),
    ],
)
def test_indicator_against_hand_computed_figures(warehouse, indicator_id, numerator, denominator, subjects):
    assert figure(warehouse, indicator_id)[:2] == (numerator, denominator)
    if subjects is not None:
        assert counted(warehouse, indicator_id) == subjects


def test_p01_counts_the_child_with_four_placements_only(warehouse):
    assert {c for c, (n, _) in counted(warehouse, "P01").items() if n} == {"K1"}
    assert set(counted(warehouse, "P01")) == {"K1", "K2", "K3", "K4", "K9", "K10"}


def test_c04_is_per_10000_of_the_under_18_population_with_and_without_uasc(warehouse):
    numerator, denominator, value, *_ = figure(warehouse, "C04")
    assert (numerator, denominator) == (6, 326000)
    assert value == pytest.approx(6 * 10000 / 326000)
    assert figure(warehouse, "C04", cohort="excluding_uasc")[:2] == (5, 326000)


def test_c06_counts_other_authorities_children_placed_here_at_the_month_end(warehouse):
    assert figure(warehouse, "C06")[:3] == (2, 0, 2)  # X8's placement ended on 31 October
    assert set(counted(warehouse, "C06")) == {"E10000017:AB1", "E09000004:X9"}
    assert figure(warehouse, "C06", month_end=SEP)[:3] == (2, 0, 2)  # AB1, X8


def test_counts_with_no_one_counted_are_zero_not_missing(warehouse):
    # K1's child protection plan began in September 2026: none at the end of August
    assert figure(warehouse, "C05", month_end=date(2026, 8, 31))[:3] == (0, 0, 0)


# ---- the marts: RAG, direction of travel, cohorts, breakdowns ---------------------------------------------------


def test_rag_and_direction_of_travel(warehouse):
    # C01 (H, target 98, amber within 2): September 3 of 3 on time (green), October 3 of 4 (red), worse
    assert figure(warehouse, "C01", month_end=SEP)[2:5] == (100, 98, "green")
    _, _, value, target, rag, previous, direction = figure(warehouse, "C01")
    assert (value, target, rag, previous, direction) == (75, 98, "red", 100, "worse")
    # S03 (L, target 15, amber within 1): September (20 + 12) / 2 = 16 amber, October 15 green and improved
    assert figure(warehouse, "S03", month_end=SEP)[2:5] == (16, 15, "amber")
    assert figure(warehouse, "S03")[2:7] == (15, 15, "green", 16, "improved")
    # S01 (L, target 14): 25% both months, red beyond 14 + 4; the same
    assert figure(warehouse, "S01")[2:7] == (25, 14, "red", 25, "same")
    # no RAG for activity counts and no direction for context indicators (C04, C05: no polarity)
    assert figure(warehouse, "P08")[4] is None
    assert figure(warehouse, "C04")[4:] == (None, pytest.approx(6 * 10000 / 326000), None)
    # a zero denominator: no value, no RAG (L01 had no birthdays in the 12 months to October 2021)
    early = figure(warehouse, "L01", month_end=date(2021, 10, 31))
    assert early[:5] == (0, 0, None, None, None)


def test_uasc_are_left_out_of_the_excluding_uasc_cohort(warehouse):
    assert figure(warehouse, "P06", cohort="excluding_uasc")[:2] == (0, 5)
    assert figure(warehouse, "P07", cohort="excluding_uasc")[:2] == (1, 5)


def test_breakdowns_only_where_the_indicator_allows_them(warehouse):
    assert figure(warehouse, "P01", breakdown="placement_type", value="adoption")[:2] == (0, 2)
    assert figure(warehouse, "P01", breakdown="age_band", value="10-15")[:2] == (1, 4)
    assert figure(warehouse, "L03", breakdown="sex", value="F")[:2] == (1, 2)
    assert figure(warehouse, "S01", breakdown="team", value="NORTH")[:2] == (1, 1)
    breakdowns = query(
        warehouse,
        "SELECT DISTINCT indicator_id, breakdown FROM marts_scorecard.scorecard__indicator_months "
        "WHERE indicator_id IN ('C04', 'C06', 'L01') AND breakdown <> 'all'",
    )
    assert {b for i, b in breakdowns if i in ("C04", "C06")} == set()
    assert {b for i, b in breakdowns if i == "L01"} <= {"sex", "ethnicity_group", "district", "team"}


def test_every_supported_indicator_has_a_trend_and_unsupported_ones_none(warehouse):
    rows = query(
        warehouse,
        "SELECT i.indicator_id, i.supported, count(m.month_end) "
        "FROM reference.scorecard_indicators AS i LEFT JOIN marts_scorecard.scorecard__indicator_months AS m "
        "ON m.indicator_id = i.indicator_id AND m.cohort = 'all' AND m.breakdown = 'all' GROUP BY 1, 2",
    )
    months = {i: n for i, _, n in rows}
    assert all(months[i] == 0 for i, supported, _ in rows if not supported)
    # staffing figures only for the two months the workforce extract covers; the other months say why, never 0
    staffing = query(
        warehouse,
        "SELECT indicator_id, count(*) FILTER (WHERE no_data_reason IS NULL), "
        "count(*) FILTER (WHERE no_data_reason = 'no data: no workforce snapshot at the month end' "
        "AND value IS NULL AND numerator IS NULL) FROM marts_scorecard.scorecard__indicator_months "
        "WHERE indicator_id LIKE 'S%' AND cohort = 'all' AND breakdown = 'all' GROUP BY 1 ORDER BY 1",
    )
    assert staffing == [("S01", 2, 59), ("S02", 2, 59), ("S03", 2, 59)]
    assert {months[i] for i, supported, _ in rows if supported and i[0] in "CPL"} == {61}


def test_the_children_behind_a_figure_carry_no_personal_details(warehouse):
    columns = {r[0] for r in query(warehouse, "DESCRIBE marts_scorecard.scorecard__children_counted")}
    assert not columns & {"date_of_birth", "upn", "nhs_number", "postcode", "home_postcode", "placement_postcode"}
    rows = query(
        warehouse,
        "SELECT child_id, in_numerator, in_denominator, is_uasc, age_band, placement_type "
        "FROM marts_scorecard.scorecard__children_counted WHERE indicator_id = 'P07' AND month_end = ? "
        "AND in_numerator ORDER BY 1",
        OCT,
    )
    assert rows == [("K2", True, True, True, "16+", "residential"), ("K9", True, True, False, "10-15", "foster")]
    # a care leaver, not in care: characteristics from the child's record, no placement type
    assert query(
        warehouse,
        "SELECT age_band, sex, team, placement_type FROM marts_scorecard.scorecard__children_counted "
        "WHERE indicator_id = 'L03' AND month_end = ? AND child_id = 'K6'",
        OCT,
    ) == [("16+", "F", "CARE_LEAVERS", None)]


def test_the_marts_build_without_the_optional_workforce_extract(warehouse, tmp_path):
    # The same warehouse with the workforce extract emptied (an authority without it): staging, staffing and
    # the marts rebuilt; staffing has no figures and nothing fails.
    path = tmp_path / "warehouse.duckdb"
    shutil.copy(warehouse, path)
    with duckdb.connect(str(path)) as con:
        con.execute("DELETE FROM raw.social_work_posts")
    workforce = "stg_workforce__social_work_posts"
    scorecard = [workforce, f"{workforce}+,intermediate.scorecard", f"{workforce}+,marts.scorecard"]
    built = dbt("build", path, tmp_path, "--select", *scorecard)
    assert built.returncode == 0, built.stdout[-6000:]
    staffing = "SELECT count(*) FROM marts_scorecard.scorecard__indicator_months WHERE indicator_id LIKE 'S%'"
    assert query(path, staffing + " AND (no_data_reason IS NULL OR value IS NOT NULL)") == [(0,)]  # no figure
    assert query(path, staffing.replace("indicator_months", "children_counted")) == [(0,)]
    assert figure(path, "P01")[:2] == (1, 6)
