"""The scorecard's Education, Health & Wellbeing and Adoption indicators, built for real by dbt from hand-made rows.

Case-system, health and education rows go into a temporary DuckDB warehouse (raw tables made from the extract
contracts), dbt builds the indicator models (dbt_project/models/intermediate/scorecard/indicators/int_scorecard__
[a|e|h]NN_*) and everything they need in a subprocess, and the tests compare each indicator's rows at a month end
with the numerators and denominators worked out by hand in the comments below. The as-of date is 1 November 2026,
so the latest month end is 31 October 2026: year to date runs from 1 April 2026, academic year to date from
1 September 2026, the 12 months to the month end from 1 November 2025, and the annual education indicators report
the academic year 2025/26 and its cohort, the children looked after continuously for 12 months at 31 March 2026.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import duckdb
import pytest
from warehouse_fixtures import create_case_system_warehouse, run_dbt

ROOT = Path(__file__).resolve().parent.parent
INDICATORS = ROOT / "dbt_project" / "models" / "intermediate" / "scorecard" / "indicators"
MODELS = sorted(p.stem for p in INDICATORS.glob("int_scorecard__[aeh][0-9][0-9]_*.sql"))
AS_OF = "2026-11-01"
OCT = date(2026, 10, 31)


def d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


# ---- the children ----------------------------------------------------------------------------------------------
# (child_id, date of birth, UPN, NHS number, ethnicity, disability, periods of care as (start, end, reason, legal
# status)). Looked after continuously for 12 months at 31 October 2026 means since 1 November 2025 or before.
#
# Education and health:
#   K1  born 10/05/2012 (13 on 31/08/2025, 14 on 31/08/2026: school age both years), in care since 01/01/2024.
#   K2  born 03/03/2010 (15 on 31/08/2025: Year 11 in 2025/26; 16 on 31/08/2026: past school age in 2026/27), in
#       care since 01/03/2025, so in the 31 March 2026 cohort; known to health by NHS number for one record.
#   K3  born 20/01/2016, in care since 01/02/2026: not 12 months at 31/10/2026, not in the 31 March 2026 cohort;
#       in care over 6 months at 31/10/2026 (since on or before 30/04/2026).
#   K4  born 01/09/2014 (10 on 31/08/2025, 11 on 31/08/2026), in care since 01/06/2023, no UPN (UN1): nothing in
#       the education extract can link to them.
# Initial health assessments (children becoming looked after in 2026/27):
#   S1  looked after from Monday 01/06/2026: referral deadline (5 working days) Monday 08/06, assessment deadline
#       (20 working days) Monday 29/06; referred 08/06 and assessed 29/06, both on the deadline, so on time.
#   S2  from Friday 03/07/2026: deadlines Friday 10/07 and Friday 31/07; referred Monday 13/07 (late), assessed
#       31/07 (on time).
#   S3  from Tuesday 20/10/2026: referral deadline 27/10 has passed at 31/10, the assessment deadline (17/11) not
#       yet; no IHA recorded.
#   S4  from Friday 01/05/2026, left care on Monday 04/05 (E13), before either deadline: not counted.
#   S5  from 20/03/2026, before the year: not counted.
#   S6  short breaks (V3) 10/06/2026 to 12/06/2026: not counted, and not a child ceasing care.
# Adoption:
#   D1  born 01/02/2022 (4 when adopted), Mixed (MWBC); in care 10/01/2024, decision 01/05/2024, placement order
#       01/09/2024, matched 15/01/2025, placed with adopters 01/02/2025, adopted 15/06/2026 (E12).
#   D2  born 01/03/2019 (7 when adopted), White British, disabled; in care 01/05/2023, with foster carer FC2,
#       then from 01/08/2023 with FC3, who adopt: decision 01/06/2024, no placement order (consent), matched
#       01/10/2025, placed (A3, with FC3) 01/12/2025, adopted 30/09/2026 (E11).
#   D3  in care since 01/01/2025; decision 01/06/2025, placement order 01/05/2026, matched 15/07/2026, placed
#       01/08/2026, not yet adopted.
#   D4  in care since 01/02/2024; decision 15/01/2025, placement order 01/03/2025, decision reversed 20/05/2026.
#   D5  in care since 01/08/2024; decision 10/04/2026, matched 01/09/2026 (within 6 months), not yet placed.
#   D6  in care 01/06/2025 to 20/08/2026, special guardianship order to foster carers (E45).
#   D7  in care 01/01/2024 to 05/05/2026, home to parents (E13).
#   D8  in care 01/01/2022, placed for adoption (A4) 01/06/2025, adopted 10/02/2026 (E11); no adoption record.
CHILDREN = [
    ("K1", "2012-05-10", "A100000000001", None, "WBRI", False, [("2024-01-01", None, None, "C2")]),
    ("K2", "2010-03-03", "A100000000002", "9434765919", "WBRI", False, [("2025-03-01", None, None, "V2")]),
    ("K3", "2016-01-20", "A100000000003", None, "WBRI", False, [("2026-02-01", None, None, "C2")]),
    ("K4", "2014-09-01", "UN1", None, "BAFR", False, [("2023-06-01", None, None, "C2")]),
    ("S1", "2018-01-01", "UN1", None, "WBRI", False, [("2026-06-01", None, None, "V2")]),
    ("S2", "2015-05-05", "UN1", None, "WBRI", False, [("2026-07-03", None, None, "V2")]),
    ("S3", "2012-02-02", "UN1", None, "WBRI", False, [("2026-10-20", None, None, "V2")]),
    ("S4", "2011-11-11", "UN1", None, "WBRI", False, [("2026-05-01", "2026-05-04", "E13", "V2")]),
    ("S5", "2013-03-13", "UN1", None, "WBRI", False, [("2026-03-20", None, None, "V2")]),
    ("S6", "2014-04-14", "UN1", None, "WBRI", True, [("2026-06-10", "2026-06-12", "E13", "V3")]),
    ("D1", "2022-02-01", "UN1", None, "MWBC", False, [("2024-01-10", "2026-06-15", "E12", "C2")]),
    ("D2", "2019-03-01", "UN1", None, "WBRI", True, [("2023-05-01", "2026-09-30", "E11", "V2")]),
    ("D3", "2023-04-04", "UN1", None, "WBRI", False, [("2025-01-01", None, None, "C2")]),
    ("D4", "2021-07-07", "UN1", None, "WBRI", False, [("2024-02-01", None, None, "C2")]),
    ("D5", "2022-02-02", "UN1", None, "WBRI", False, [("2024-08-01", None, None, "V2")]),
    ("D6", "2015-01-01", "UN1", None, "WBRI", False, [("2025-06-01", "2026-08-20", "E45", "C2")]),
    ("D7", "2022-06-06", "UN1", None, "WBRI", False, [("2024-01-01", "2026-05-05", "E13", "V2")]),
    ("D8", "2020-10-10", "UN1", None, "AIND", False, [("2022-01-01", "2026-02-10", "E11", "C2")]),
]


def placement(placement_id, child_id, place, carer, start, end=None):
    return {
        "placement_id": placement_id,
        "child_id": child_id,
        "placement_type": place,
        "carer_id": carer,
        "start_date": d(start),
        "end_date": d(end),
    }


def adoption(child_id, decision, order=None, matched=None, placed=None, adopted=None, by_foster_carer=None, **extra):
    return {
        "child_id": child_id,
        "best_interest_decision_date": d(decision),
        "placement_order_date": d(order),
        "matched_date": d(matched),
        "placed_date": d(placed),
        "adoption_order_date": d(adopted),
        "adopted_by_foster_carer": by_foster_carer,
        **extra,
    }


def health_assessment(child_id, kind, due, referred=None, completed=None):
    return {
        "child_id": child_id,
        "assessment_type": kind,
        "referred_date": d(referred),
        "due_date": d(due),
        "completed_date": d(completed),
    }


def rows() -> dict[str, list[dict]]:
    children, periods, statuses = [], [], []
    for child_id, dob, upn, nhs, ethnicity, disabled, spans in CHILDREN:
        children.append(
            {
                "child_id": child_id,
                "upn": upn,
                "nhs_number": nhs,
                "sex": "F",
                "date_of_birth": d(dob),
                "ethnicity": ethnicity,
                "disability": disabled,
                "uasc": False,
            }
        )
        for start, end, reason, legal_status in spans:
            periods.append(
                {
                    "child_id": child_id,
                    "start_date": d(start),
                    "end_date": d(end),
                    "reason_ended": reason,
                    "category_of_need": "N1",
                }
            )
            statuses.append(
                {"child_id": child_id, "legal_status": legal_status, "start_date": d(start), "end_date": d(end)}
            )
    return {
        "children": children,
        "periods_of_care": periods,
        "legal_statuses": statuses,
        "placements": [
            placement("P1", "D1", "U4", "FC1", "2024-01-10", "2025-02-01"),
            placement("P2", "D1", "A6", "AD1", "2025-02-01", "2026-06-15"),
            placement("P3", "D2", "U4", "FC2", "2023-05-01", "2023-08-01"),
            placement("P4", "D2", "U5", "FC3", "2023-08-01", "2025-12-01"),
            placement("P5", "D2", "A3", "FC3", "2025-12-01", "2026-09-30"),
            placement("P6", "D3", "U3", "FC4", "2025-01-01", "2026-08-01"),
            placement("P7", "D3", "A6", "AD3", "2026-08-01"),
            placement("P8", "D8", "U4", "FC8", "2022-01-01", "2025-06-01"),
            placement("P9", "D8", "A4", "AD8", "2025-06-01", "2026-02-10"),
        ],
        "adoptions": [
            adoption("D1", "2024-05-01", "2024-09-01", "2025-01-15", "2025-02-01", "2026-06-15", False),
            adoption("D2", "2024-06-01", None, "2025-10-01", "2025-12-01", "2026-09-30", True),
            adoption("D3", "2025-06-01", "2026-05-01", "2026-07-15", "2026-08-01"),
            adoption(
                "D4", "2025-01-15", "2025-03-01", decision_reversed_date=d("2026-05-20"), decision_reversed_reason="RD1"
            ),
            adoption("D5", "2026-04-10", None, "2026-09-01"),
        ],
        # ---- health
        "health_assessments": [
            health_assessment("K1", "REVIEW", "2025-12-01", "2025-11-01", "2025-12-01"),  # in the 12 months
            health_assessment("K2", "INITIAL", "2025-03-28", "2025-03-02", "2025-03-20"),  # before them
            health_assessment("S1", "INITIAL", "2026-06-29", "2026-06-08", "2026-06-29"),
            health_assessment("S2", "INITIAL", "2026-07-31", "2026-07-13", "2026-07-31"),
            health_assessment("S4", "INITIAL", "2026-05-29", "2026-05-01", None),
        ],
        "dental_checks": [
            {"child_id": "K1", "check_date": d("2025-10-15")},  # a fortnight before the 12 months began
            {"child_id": None, "nhs_number": "9434765919", "check_date": d("2026-03-01")},  # K2, by NHS number
        ],
        "sdq_assessments": [
            {"child_id": "K1", "assessment_date": d("2025-12-01"), "score": 10},
            {"child_id": "K1", "assessment_date": d("2026-05-01"), "score": 20},  # K1's latest
            {"child_id": "K2", "assessment_date": d("2026-02-01"), "score": 14},
            {"child_id": "K4", "assessment_date": d("2026-02-01"), "reason_no_score": "SDQ2"},  # no score
        ],
        "immunisations": [
            {"child_id": "K1", "status_date": d("2025-06-01"), "up_to_date": True},
            {"child_id": "K1", "status_date": d("2026-06-01"), "up_to_date": False},  # K1's latest: not up to date
            {"child_id": "K2", "status_date": d("2026-01-01"), "up_to_date": True},
        ],
        "substance_misuse": [{"child_id": "K1", "identified_date": d("2026-01-05"), "intervention_offered": True}],
        # ---- education
        "exclusions": [
            {"upn": "A100000000001", "exclusion_type": "FIXED", "start_date": d("2025-11-10"), "sessions": 2},
            {"upn": "A100000000001", "exclusion_type": "FIXED", "start_date": d("2026-09-15"), "sessions": 2},
            {"upn": "A100000000003", "exclusion_type": "PERMANENT", "start_date": d("2026-10-01")},
            # a pupil without a UPN: links to none of the many children recorded UN1
            {"upn": "UN1", "exclusion_type": "FIXED", "start_date": d("2026-09-21"), "sessions": 2},
        ],
        "attendance": [
            # K1 missed exactly 10%: persistently absent; K2 missed 9.7%: not. K1 changed school between 2024/25
            # and 2025/26 (E15); the UN1 pupil's change is nobody's.
            {
                "upn": "A100000000001",
                "academic_year": "2025/26",
                "sessions_possible": 300,
                "sessions_missed": 30,
                "school_urn": "136002",
            },
            {
                "upn": "A100000000002",
                "academic_year": "2025/26",
                "sessions_possible": 300,
                "sessions_missed": 29,
                "school_urn": "136001",
            },
            {
                "upn": "A100000000001",
                "academic_year": "2024/25",
                "sessions_possible": 380,
                "sessions_missed": 100,
                "school_urn": "136001",
            },
            {
                "upn": "UN1",
                "academic_year": "2025/26",
                "sessions_possible": 300,
                "sessions_missed": 90,
                "school_urn": "136003",
            },
            {
                "upn": "UN1",
                "academic_year": "2024/25",
                "sessions_possible": 300,
                "sessions_missed": 90,
                "school_urn": "136004",
            },
        ],
        "attainment": [
            {"upn": "A100000000002", "key_stage": "KS4", "academic_year": "2025/26", "measure": m, "result": r}
            for m, r in [("ENG_MATHS_GRADE4", "1"), ("ENG_MATHS_GRADE5", "0"), ("ATTAINMENT8", "42.5")]
        ]
        + [
            {
                "upn": "A100000000001",
                "key_stage": "KS4",
                "academic_year": "2024/25",
                "measure": "ENG_MATHS_GRADE4",
                "result": "0",
            }
        ],
        "special_educational_needs": [
            {"upn": "A100000000001", "sen_provision": "E", "start_date": d("2020-01-01")},
            {"upn": "A100000000002", "sen_provision": "E", "start_date": d("2019-01-01"), "end_date": d("2026-06-30")},
            {"upn": "A100000000003", "sen_provision": "K", "start_date": d("2022-01-01")},
        ],
        "personal_education_plans": [{"upn": "A100000000001", "pep_date": d("2026-06-01")}],
        "part_time_timetables": [
            {"upn": "A100000000002", "start_date": d("2026-09-20"), "end_date": d("2026-10-05"), "hours_per_week": 10}
        ],
        "not_in_education": [{"upn": "A100000000002", "start_date": d("2026-10-20"), "reason": "AWAITING_PLACE"}],
    }


def dbt_build(warehouse: Path, work: Path) -> subprocess.CompletedProcess:
    # The staging views' tests are test_dbt_project's.
    selected = " ".join(f"+{model}" for model in MODELS)
    staging_tests = "resource_type:test,path:models/staging"
    return run_dbt(
        "build", warehouse, work, "--select", selected, "--exclude", staging_tests, "--indirect-selection", "cautious"
    )


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    work = tmp_path_factory.mktemp("scorecard_b")
    path = work / "warehouse.duckdb"
    create_case_system_warehouse(path, rows())
    result = dbt_build(path, work)
    assert result.returncode == 0, result.stdout[-6000:]
    return path


def counted(warehouse: Path, indicator_id: str, month_end: date = OCT) -> dict[str, tuple[float, float]]:
    """subject -> (numerator, denominator) of an indicator at a month end."""
    (model,) = [m for m in MODELS if m.startswith(f"int_scorecard__{indicator_id.lower()}_")]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        found = con.execute(
            f"select subject_id, numerator, denominator from intermediate.{model} where month_end = ?", [month_end]
        ).fetchall()
    return {subject: (numerator, denominator) for subject, numerator, denominator in found}


def test_every_indicator_model_has_the_contract_shape(warehouse):
    assert len(MODELS) == 31  # E01-E15, H01-H07, A01-A17 less those the extracts cannot support
    with duckdb.connect(str(warehouse), read_only=True) as con:
        month_ends = {
            m for (m,) in con.execute("select month_end from intermediate.int_scorecard__month_ends").fetchall()
        }
        for model in MODELS:
            columns = con.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = 'intermediate' and table_name = ? order by ordinal_position",
                [model],
            ).fetchall()
            assert columns == [
                ("indicator_id", "VARCHAR"),
                ("month_end", "DATE"),
                ("subject_id", "VARCHAR"),
                ("numerator", "DOUBLE"),
                ("denominator", "DOUBLE"),
            ], model
            (view,) = con.execute(
                "select table_type from information_schema.tables "
                "where table_schema = 'intermediate' and table_name = ?",
                [model],
            ).fetchone()
            assert view == "VIEW", model
            ids, n, keys, empty, months = con.execute(
                f"select list(distinct indicator_id), count(*), count(distinct (month_end, subject_id)), "
                f"count(*) filter (where numerator = 0 and denominator = 0), list(distinct month_end) "
                f"from intermediate.{model}"
            ).fetchone()
            assert ids == [model.split("__")[1][:3].upper()] and n == keys and empty == 0, model
            assert set(months) <= month_ends, model


# ---- Education ---------------------------------------------------------------------------------------------------


def test_annual_education_indicators_report_the_last_academic_year_and_its_31_march_cohort(warehouse):
    # 2025/26, cohort at 31 March 2026: K1, K2, K4 and D2 of school age that year (K3 and D6 came into care after
    # 1 April 2025; the other D children were under 5 on 31/08/2025).
    # E01: K1's suspension on 10/11/2025 is in the year (K1's on 15/09/2026 is in the next) -> 1/4.
    assert counted(warehouse, "E01") == {"K1": (1, 1), "K2": (0, 1), "K4": (0, 1), "D2": (0, 1)}
    # E02: those with attendance that year (the UN1 row is nobody's); K1 missed 30 of 300 (10%: persistent), K2 29
    # of 300 -> 1/2.
    assert counted(warehouse, "E02") == {"K1": (1, 1), "K2": (0, 1)}
    # E06: K2's KS4 in 2025/26, grade 4 in English and maths -> 1/1.
    assert counted(warehouse, "E06") == {"K2": (1, 1)}
    # The same on 31 August 2026, the day 2025/26 ends ...
    assert counted(warehouse, "E01", date(2026, 8, 31)) == counted(warehouse, "E01")
    # ... but on 31 July 2026 the last year to have ended is 2024/25, cohort at 31 March 2025: K1, K4 and D2 (K2
    # came into care on 01/03/2025). No suspension that year; K1 missed 100 of 380 (26%); K1's KS4 without grade 4.
    july = date(2026, 7, 31)
    assert counted(warehouse, "E01", july) == {"K1": (0, 1), "K4": (0, 1), "D2": (0, 1)}
    assert counted(warehouse, "E02", july) == {"K1": (1, 1)}
    assert counted(warehouse, "E06", july) == {"K1": (0, 1)}


def test_education_counts_at_the_month_end(warehouse):
    # E07: K3 permanently excluded on 01/10/2026, in this academic year, in care at 31/10 -> 1.
    assert counted(warehouse, "E07") == {"K3": (1, 0)}
    assert counted(warehouse, "E07", date(2026, 9, 30)) == {}
    # E08: K1's suspension on 15/09/2026 (the one on 10/11/2025 was last academic year; the UN1 pupil's links to
    # no child) -> 1.
    assert counted(warehouse, "E08") == {"K1": (1, 0)}
    # E10: K2 on a part-time timetable 20/09/2026 to 05/10/2026: in September and October, not November.
    assert counted(warehouse, "E10") == {"K2": (1, 0)}
    assert counted(warehouse, "E10", date(2026, 9, 30)) == {"K2": (1, 0)}
    assert counted(warehouse, "E10", date(2026, 8, 31)) == {}
    # E11: K1's EHC plan is open; K2's ended 30/06/2026; K3 has SEN support, not a plan -> K1.
    assert counted(warehouse, "E11") == {"K1": (1, 0)}
    assert counted(warehouse, "E11", date(2026, 6, 30)) == {"K1": (1, 0), "K2": (1, 0)}
    # E14: K2 not in education since 20/10/2026.
    assert counted(warehouse, "E14") == {"K2": (1, 0)}
    assert counted(warehouse, "E14", date(2026, 9, 30)) == {}


def test_school_moves_are_changes_of_school_between_academic_years(warehouse):
    # E15 at 31/03/2026 (2025/26 in progress, 2024/25 before): K1 (13 on 31/08/2025, not starting Year 7) was at
    # 136001, now 136002: a move (1 of 1); K2 has a school for 2025/26 and none recorded before: 0 of 1; K3 and K4
    # have no school recorded. Denominator 2, numerator 1.
    assert counted(warehouse, "E15", date(2026, 3, 31)) == {"K1": (1, 1), "K2": (0, 1)}
    # At 31/10/2026 the academic year in progress is 2026/27, for which no school is recorded: no one.
    assert counted(warehouse, "E15") == {}


def test_sen_and_pep_snapshots_count_children_of_school_age(warehouse):
    # School age in 2026/27 (5 to 15 on 31/08/2026) and in care at 31/10/2026: K1 (14), K3 (10), K4 (11), D4 (5),
    # S1 (8), S2 (11), S3 (14), S5 (13); K2 is 16, D3 and D5 are under 5.
    # E12, looked after 12 months at 31/10/2026 (since 01/11/2025): K1 (a plan), K4 (no UPN: nothing links), D4.
    assert counted(warehouse, "E12") == {"K1": (1, 1), "K4": (0, 1), "D4": (0, 1)}
    # E13, in care since 30/04/2026 or before (not S1-S3): K1 (PEP 01/06/2026, in timescale); K3, K4, D4 and S5
    # have none -> 4/5.
    assert counted(warehouse, "E13") == {"K1": (0, 1), "K3": (1, 1), "K4": (1, 1), "D4": (1, 1), "S5": (1, 1)}


# ---- Health ------------------------------------------------------------------------------------------------------


def test_oc2_style_health_snapshots(warehouse):
    # Looked after continuously for 12 months at 31/10/2026: K1, K2, K4, D3, D4, D5 (S5 since 20/03/2026 and the
    # other starters are too recent). Records count in the 12 months from 01/11/2025.
    cohort = {"K1", "K2", "K4", "D3", "D4", "D5"}
    # H01: K1's review assessment on 01/12/2025; K2's initial one (20/03/2025) is too old -> 1/6.
    assert counted(warehouse, "H01") == {c: (1 if c == "K1" else 0, 1) for c in cohort}
    # H02: K2's dental check on 01/03/2026 (known by NHS number); K1's on 15/10/2025 is too old -> 1/6.
    assert counted(warehouse, "H02") == {c: (1 if c == "K2" else 0, 1) for c in cohort}
    # H05: K1's substance misuse identified on 05/01/2026 -> 1/6.
    assert counted(warehouse, "H05") == {c: (1 if c == "K1" else 0, 1) for c in cohort}
    # H07: latest status: K1 not up to date (01/06/2026), K2 up to date; no status counts as not -> 1/6.
    assert counted(warehouse, "H07") == {c: (1 if c == "K2" else 0, 1) for c in cohort}
    # H06: aged 5 to 16 with a score: K1's latest 20 (not 10), K2 (16) 14; K4's SDQ has no score -> 34 / 2 = 17.
    assert counted(warehouse, "H06") == {"K1": (20, 1), "K2": (14, 1)}


def test_initial_health_assessments_are_timed_in_working_days(warehouse):
    # H03 at 31/10/2026: S1 referred on its deadline, S2 a working day late, S3 not referred (deadline 27/10);
    # S4 left care first, S5 came in before April, S6 was on short breaks -> 1/3.
    assert counted(warehouse, "H03") == {"S1": (1, 1), "S2": (0, 1), "S3": (0, 1)}
    # H04: S1 and S2 assessed on their 20th working day; S3's deadline (17/11) has not come -> 2/2.
    assert counted(warehouse, "H04") == {"S1": (1, 1), "S2": (1, 1)}
    # At 30/06/2026 only S1's deadlines (08/06, 29/06) had come.
    assert counted(warehouse, "H03", date(2026, 6, 30)) == {"S1": (1, 1)}
    assert counted(warehouse, "H04", date(2026, 6, 30)) == {"S1": (1, 1)}


# ---- Adoption ----------------------------------------------------------------------------------------------------


def test_adopted_children_timeliness_and_characteristics(warehouse):
    # Adopted from 01/04/2026 to 31/10/2026: D1 (15/06) and D2 (30/09).
    # A02 (DfE A1): D1 entered care 10/01/2024 and moved in with the adopters 01/02/2025: 388 days; D2 entered care
    # 01/05/2023 and was adopted by FC3, with whom D2 moved in on 01/08/2023: 92 days (not 01/12/2025) -> 480 / 2.
    assert counted(warehouse, "A02") == {"D1": (388, 1), "D2": (92, 1)}
    # A03 (DfE A2): placement order 01/09/2024 to match 15/01/2025, 136 days; D2 had no order -> 136 / 1.
    assert counted(warehouse, "A03") == {"D1": (136, 1)}
    # A09: D1 placed 9 months after the decision; D2 18 months after -> 1/2.
    assert counted(warehouse, "A09") == {"D1": (1, 1), "D2": (0, 1)}
    # A13: D1 was 4, D2 7 -> 1/2. A14: D1 Mixed, D2 White British -> 1/2. A15: D2 disabled -> 1/2.
    assert counted(warehouse, "A13") == {"D1": (0, 1), "D2": (1, 1)}
    assert counted(warehouse, "A14") == {"D1": (1, 1), "D2": (0, 1)}
    assert counted(warehouse, "A15") == {"D1": (0, 1), "D2": (1, 1)}
    # In 2025/26 D8 was adopted with no adoption record: moved in when placed for adoption (A4), 01/06/2025, 1,247
    # days after entering care on 01/01/2022.
    assert counted(warehouse, "A02", date(2026, 3, 31)) == {"D8": (1247, 1)}


def test_children_leaving_care(warehouse):
    # Ceased from 01/04/2026 (short breaks left out, so not S6): S4 (E13), D1 (E12), D2 (E11), D6 (E45), D7 (E13).
    assert counted(warehouse, "A04") == {"S4": (0, 1), "D1": (1, 1), "D2": (1, 1), "D6": (0, 1), "D7": (0, 1)}
    assert counted(warehouse, "A16") == {"S4": (0, 1), "D1": (0, 1), "D2": (0, 1), "D6": (1, 1), "D7": (0, 1)}


def test_adoption_milestones_in_the_year(warehouse):
    # A07: D3's placement order on 01/05/2026, 334 days after the decision (01/06/2025).
    assert counted(warehouse, "A07") == {"D3": (334, 1)}
    # A08: matched this year: D3 (13 months after the decision), D5 (5 months after) -> 1/2.
    assert counted(warehouse, "A08") == {"D3": (0, 1), "D5": (1, 1)}
    # A10: placed this year: D3, 19 months after entering care -> 0/1.
    assert counted(warehouse, "A10") == {"D3": (0, 1)}
    # A17: decisions in force this year: D1 and D2 (until adopted), D3, D4 (reversed 20/05/2026), D5 -> 1/5.
    assert counted(warehouse, "A17") == {"D1": (0, 1), "D2": (0, 1), "D3": (0, 1), "D4": (1, 1), "D5": (0, 1)}


def test_children_awaiting_adoption(warehouse):
    # A12 at 31/10/2026, of the 11 children in care (K1-K4, S1-S3, S5, D3-D5): D5 (decided, not placed). D3 was
    # placed on 01/08/2026 and D4's decision was reversed on 20/05/2026.
    in_care = {"K1", "K2", "K3", "K4", "S1", "S2", "S3", "S5", "D3", "D4", "D5"}
    assert counted(warehouse, "A12") == {c: (1 if c == "D5" else 0, 1) for c in in_care}
    # At 30/04/2026 D3 and D4 were waiting too (D5's decision was 10/04/2026): D1, D2, D6, D7 and S5 also in care.
    april = counted(warehouse, "A12", date(2026, 4, 30))
    assert {c for c, (n, _) in april.items() if n} == {"D3", "D4", "D5"}
