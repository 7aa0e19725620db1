"""903 episodes derived from the case-system histories, and the Header, Episodes and UASC marts, built for real.

One temporary DuckDB warehouse holds two authorities: hand-made histories for Medway (raw tables made from
the extract contracts), and a small synthetic population for Kent, generated and ingested as the pipeline
does. One `dbt build` (in a subprocess) makes the 903 models for both, so the tests also show that nothing
leaks between authorities. For Medway the tests assert the exact rows: every RNE code (S, L, P, T, B, U),
changes on the same day, an episode open at 31 March, a period spanning several years, V3 and V4 short
breaks, a gap and overlaps reported as conflicts, distances and authorities from postcodes, no distance for
a UASC child, SEX coded 1/2 in 2023/24 but M/F/U in 2024/25. For Kent they check what must hold for any
data: episodes never overlap, every DECOM is inside its period, the counts per year are plausible.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import duckdb
import pytest
from warehouse_fixtures import LA, create_case_system_warehouse, ingest_synthetic_extracts, run_dbt

HAND = "E06000035"  # Medway: the hand-made histories
SYNTHETIC = LA  # Kent: the synthetic population
SYNTHETIC_SCALE = 0.1
IN_CARE_31_MARCH = 1870  # children in care at 31 March at scale 1 (synthetic/calibration.py, KP March 2015)

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-01"
SELECT = "+episodes +header +uasc +oc3 +int_ssda903__history_conflicts +stg_reference__ssda903_codes"


def d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


# ---- the histories -------------------------------------------------------------------------------------------
# Postcodes with made-up, round grid references, so that the distances are easy to check by hand (the
# directory sample loaded for the synthetic population leaves its own rows for them out).
POSTCODES = [
    {"postcode": "TN1 1AA", "easting": 600000, "northing": 150000, "lad_code": "E07000116"},  # Tunbridge Wells
    {"postcode": "CT1 1AA", "easting": 603000, "northing": 154000, "lad_code": "E07000106"},  # Canterbury, Kent
    {"postcode": "ME4 4AA", "easting": 630000, "northing": 190000, "lad_code": "E06000035"},  # Medway
    {"postcode": "CF10 1AA", "easting": 318000, "northing": 176000, "lad_code": "W06000015"},  # Cardiff
    {"postcode": "EH1 1AA", "easting": 325000, "northing": 673000, "lad_code": "S12000036"},  # Edinburgh
]


def child(child_id, sex, dob, **extra):
    return {
        "child_id": child_id,
        "upn": extra.pop("upn", "UN1"),
        "sex": sex,
        "date_of_birth": d(dob),
        "ethnicity": "WBRI",
        "uasc": extra.pop("uasc", False),
        **{k: (d(v) if k.endswith("date") or k.endswith("date_of_birth") else v) for k, v in extra.items()},
    }


def period(child_id, start, end=None, reason=None, cin="N1"):
    return {
        "child_id": child_id,
        "start_date": d(start),
        "end_date": d(end),
        "reason_ended": reason,
        "category_of_need": cin,
    }


def status(child_id, code, start, end=None):
    return {"child_id": child_id, "legal_status": code, "start_date": d(start), "end_date": d(end)}


def placement(pid, child_id, kind, start, end=None, carer=None, reason=None, post="CT1 1AA", home="TN1 1AA"):
    return {
        "placement_id": pid,
        "child_id": child_id,
        "placement_type": kind,
        "provider": "PR1",
        "carer_id": carer,
        "placement_postcode": post,
        "home_postcode": home,
        "urn": "SC123456",
        "start_date": d(start),
        "end_date": d(end),
        "reason_for_change": reason,
    }


HISTORIES = {
    "children": [
        # C1: every RNE over one period spanning three years, open at 31 March; a mother from Feb 2025
        child("C1", "F", "2010-05-01", upn="A123456789012", is_mother=True, first_child_date_of_birth="2025-02-01"),
        # C2: a period of a single day, and changes on the same day (zero-length status and placement)
        child("C2", "F", "2009-01-20", is_mother=False),
        # C3: UASC, status ceased at 18 (no distance, no home postcode)
        child("C3", "M", "2008-09-15", uasc=True, uasc_ceased_date="2026-09-15"),
        # C4: placements in Kent, Medway, Wales, Scotland (distance, PL_LA, PL_LOCATION); sex unknown
        child("C4", "U", "2012-03-03"),
        # C5: V3 short breaks, each a period of care of its own
        child("C5", "F", "2014-07-07"),
        # C6: a V4 short-breaks agreement with three breaks
        child("C6", "M", "2013-02-02"),
        # C7: a gap in the legal statuses, overlapping placements, a placement outside any period
        child("C7", "M", "2011-11-11"),
        # C8: two periods of care that overlap
        child("C8", "M", "2012-12-12"),
    ],
    "periods_of_care": [
        period("C1", "2023-06-01"),
        period("C2", "2024-05-01", "2024-05-01", "E4A"),
        period("C2", "2024-07-01", "2025-02-01", "E13"),
        period("C3", "2024-03-01", cin="N8"),
        period("C4", "2024-03-10", "2025-03-01", "E4B"),
        period("C5", "2024-06-01", "2024-06-04", "E13", cin="N2"),
        period("C5", "2024-09-10", "2024-09-12", "E13", cin="N2"),
        period("C6", "2024-04-01", "2025-06-30", "E13", cin="N2"),
        period("C7", "2024-04-01"),
        period("C8", "2024-04-01", "2024-12-01", "E4A"),
        period("C8", "2024-10-01"),
    ],
    "legal_statuses": [
        status("C1", "C1", "2023-06-01", "2023-09-01"),
        status("C1", "C2", "2023-09-01", "2024-06-01"),
        status("C1", "E1", "2024-06-01", "2025-01-10"),
        status("C1", "C2", "2025-01-10"),
        status("C2", "L1", "2024-05-01", "2024-05-01"),
        status("C2", "L1", "2024-07-01", "2024-07-01"),
        status("C2", "V2", "2024-07-01", "2024-10-01"),
        status("C2", "C1", "2024-10-01", "2025-02-01"),
        status("C3", "V2", "2024-03-01"),
        status("C4", "V2", "2024-03-10", "2025-03-01"),
        status("C5", "V3", "2024-06-01", "2025-03-31"),
        status("C6", "V4", "2024-04-01", "2025-06-30"),
        status("C7", "C2", "2024-04-01", "2024-06-01"),
        status("C7", "C2", "2024-07-01"),
        status("C8", "V2", "2024-04-01", "2024-12-01"),
        status("C8", "C1", "2024-10-01"),
    ],
    "placements": [
        placement("P11", "C1", "U6", "2023-06-01", "2023-11-01", "CA1", "CARPL"),
        placement("P12", "C1", "U4", "2023-11-01", "2024-02-01", "CA2", "PLACE"),
        placement("P13", "C1", "U1", "2024-02-01", "2024-06-01", "CA2", "CARPL"),
        placement("P14", "C1", "A6", "2024-06-01", "2025-01-10", "CA3", "PLACE"),
        placement("P15", "C1", "U4", "2025-01-10", None, "CA3"),
        placement("P21", "C2", "K2", "2024-05-01", "2024-05-01", "CB1"),
        placement("P22", "C2", "U6", "2024-07-01", "2024-08-01", "CB2", "ALLEG"),
        placement("P23", "C2", "U6", "2024-08-01", "2024-08-01", "CB3", "CHILD"),
        placement("P24", "C2", "U6", "2024-08-01", "2024-10-01", "CB4", "CREQB"),
        placement("P25", "C2", "K2", "2024-10-01", "2025-02-01", "CB5"),
        placement("P31", "C3", "K2", "2024-03-01", None, "CC1"),
        placement("P41", "C4", "U6", "2024-03-10", "2024-06-01", "CD1", "CARPL"),
        placement("P42", "C4", "K2", "2024-06-01", "2024-09-01", "CD2", "STAND", post="ME4 4AA"),
        placement("P43", "C4", "K2", "2024-09-01", "2024-12-01", "CD3", "CHILD", post="CF10 1AA"),
        placement("P44", "C4", "K2", "2024-12-01", "2025-03-01", "CD4", post="EH1 1AA", home="ZZ9 9ZZ"),
        placement("P51", "C5", "U6", "2024-06-01", "2024-06-04", "CE1"),
        placement("P52", "C5", "U6", "2024-09-10", "2024-09-12", "CE1"),
        placement("P61", "C6", "K2", "2024-05-01", "2024-05-03", "CF1"),
        placement("P62", "C6", "K2", "2024-07-01", "2024-07-04", "CF1"),
        placement("P63", "C6", "U6", "2024-09-01", "2024-09-02", "CF2"),
        placement("P70", "C7", "U6", "2024-01-01", "2024-04-01", "CG0"),
        placement("P71", "C7", "U6", "2024-04-01", "2024-09-01", "CG1", "CARPL"),
        placement("P72", "C7", "K2", "2024-08-01", None, "CG2"),
        placement("P81", "C8", "U6", "2024-04-01", "2024-12-01", "CH1"),
        placement("P82", "C8", "K2", "2024-10-01", None, "CH2"),
    ],
}


def ingest_synthetic(folder: Path, warehouse: Path) -> None:
    """A small synthetic population: the four case-system extracts the episodes are made from, ingested as the
    pipeline does (contract checks, raw tables), beside the hand-made authority; then the postcode directory
    sample, less the made-up postcodes of the hand-made histories."""
    from orchestration.ingest.postcode_directory import directory_query

    entities = ("children", "periods_of_care", "legal_statuses", "placements")
    outcomes = ingest_synthetic_extracts(folder, warehouse, seed=5, scale=SYNTHETIC_SCALE, entities=entities,
                                         la_code=SYNTHETIC)  # fmt: skip
    assert {entity: len(o.quarantined) for entity, o in outcomes.items()} == dict.fromkeys(entities, 0)
    made_up = ", ".join(f"'{p['postcode']}'" for p in POSTCODES)
    with duckdb.connect(str(warehouse)) as con:
        sample = directory_query(ROOT / "seeds" / "postcodes_sample.csv.gz")
        con.execute(f"INSERT INTO reference.postcodes SELECT * FROM ({sample}) WHERE postcode NOT IN ({made_up})")


def dbt_build(warehouse: Path, work: Path, select: str) -> subprocess.CompletedProcess:
    return run_dbt("build", warehouse, work, "--select", select, "--indirect-selection", "cautious")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    work = tmp_path_factory.mktemp("ssda903_episodes")
    path = work / "warehouse.duckdb"
    create_case_system_warehouse(path, HISTORIES, POSTCODES, la_code=HAND)
    ingest_synthetic(work / "data", path)
    result = dbt_build(path, work, SELECT)
    assert result.returncode == 0, result.stdout[-6000:]
    return path


def query(warehouse: Path, sql: str, *params) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def episodes_of(warehouse: Path, child_id: str, columns: str = "decom, rne, ls, place, dec, rec, reason_place_change"):
    return query(
        warehouse,
        f"SELECT {columns} FROM intermediate.int_ssda903__care_episodes "
        "WHERE la_code = ? AND child_id = ? ORDER BY decom",
        HAND,
        child_id,
    )


# ---- hand-made histories: exact rows --------------------------------------------------------------------------


def test_collection_years_run_from_2018_19_to_the_year_in_progress(warehouse):
    years = query(warehouse, "SELECT * FROM intermediate.int_ssda903__collection_years ORDER BY year_ending")
    assert [y[0] for y in years] == [f"{y}/{str(y + 1)[2:]}" for y in range(2018, 2027)]
    assert years[0][1:4] == (d("2018-04-01"), d("2019-03-31"), 2019)
    assert years[-1] == ("2026/27", d("2026-04-01"), d("2027-03-31"), 2027, True)  # holds CLA_AS_OF
    assert [y[4] for y in years].count(True) == 1


def test_every_rne_code_over_a_period_spanning_three_years(warehouse):
    # One period from June 2023, still open: a legal status change only (L), a move to new carers (P), a
    # move with the same carers (T), both at once with new carers (B) and with the same carers (U).
    assert episodes_of(warehouse, "C1") == [
        (d("2023-06-01"), "S", "C1", "U6", d("2023-09-01"), "X1", None),
        (d("2023-09-01"), "L", "C2", "U6", d("2023-11-01"), "X1", "CARPL"),
        (d("2023-11-01"), "P", "C2", "U4", d("2024-02-01"), "X1", "PLACE"),
        (d("2024-02-01"), "T", "C2", "U1", d("2024-06-01"), "X1", "CARPL"),
        (d("2024-06-01"), "B", "E1", "A6", d("2025-01-10"), "X1", "PLACE"),
        (d("2025-01-10"), "U", "C2", "U4", None, None, None),
    ]


def test_an_episode_open_at_31_march_has_no_dec_that_year_and_is_ended_the_next(warehouse):
    rows = query(
        warehouse,
        "SELECT collection_year, decom, rne, dec, rec, reason_place_change FROM marts_ssda903.episodes "
        "WHERE la_code = ? AND child = 'C1' ORDER BY collection_year, decom",
        HAND,
    )
    assert rows == [
        ("2023/24", d("2023-06-01"), "S", d("2023-09-01"), "X1", None),
        ("2023/24", d("2023-09-01"), "L", d("2023-11-01"), "X1", "CARPL"),
        ("2023/24", d("2023-11-01"), "P", d("2024-02-01"), "X1", "PLACE"),
        ("2023/24", d("2024-02-01"), "T", None, None, None),  # open at 31 March 2024
        ("2024/25", d("2024-02-01"), "T", d("2024-06-01"), "X1", "CARPL"),
        ("2024/25", d("2024-06-01"), "B", d("2025-01-10"), "X1", "PLACE"),
        ("2024/25", d("2025-01-10"), "U", None, None, None),
        ("2025/26", d("2025-01-10"), "U", None, None, None),
        ("2026/27", d("2025-01-10"), "U", None, None, None),
    ]
    columns = [c for (c,) in query(warehouse, "SELECT column_name FROM (DESCRIBE marts_ssda903.episodes)")]
    assert columns == [
        "la_code", "collection_year", "child", "decom", "rne", "ls", "cin", "place", "place_provider", "dec",
        "rec", "reason_place_change", "home_post", "pl_post", "urn", "pl_distance", "pl_la", "pl_location",
        "return_source",
    ]  # fmt: skip


def test_same_day_changes_make_one_episode_and_no_episode_has_no_length(warehouse):
    # A period of care of a single day is one episode with DECOM = DEC. A police-protection status and a
    # placement that start and end on the same day make no episode (they are reported); a change of legal
    # status and of placement on the same day makes one episode, B.
    assert episodes_of(warehouse, "C2") == [
        (d("2024-05-01"), "S", "L1", "K2", d("2024-05-01"), "E4A", None),
        (d("2024-07-01"), "S", "V2", "U6", d("2024-08-01"), "X1", "ALLEG"),
        (d("2024-08-01"), "P", "V2", "U6", d("2024-10-01"), "X1", "CREQB"),
        (d("2024-10-01"), "B", "C1", "K2", d("2025-02-01"), "E13", None),
    ]


def test_short_breaks_v3_episodes_each_break_v4_the_agreement(warehouse):
    location = "decom, rne, ls, place, dec, rec, home_post, pl_post, urn, pl_distance, pl_la, pl_location"
    # V3: each break is a period of care of its own; one V3 status spans both and is not reported.
    assert episodes_of(warehouse, "C5", location) == [
        (d("2024-06-01"), "S", "V3", "U6", d("2024-06-04"), "E13", None, None, None, None, None, None),
        (d("2024-09-10"), "S", "V3", "U6", d("2024-09-12"), "E13", None, None, None, None, None, None),
    ]
    # V4: one period for the agreement; the days between breaks keep the latest break's placement (before
    # the first break, the first's), so the episodes change only when the place of the breaks does.
    assert episodes_of(warehouse, "C6", location) == [
        (d("2024-04-01"), "S", "V4", "K2", d("2024-07-01"), "X1", None, None, None, None, None, None),
        (d("2024-07-01"), "T", "V4", "K2", d("2024-09-01"), "X1", None, None, None, None, None, None),
        (d("2024-09-01"), "P", "V4", "U6", d("2025-06-30"), "E13", None, None, None, None, None, None),
    ]
    # No MOTHER for a girl looked after only on short breaks (rules 393, 399).
    assert query(
        warehouse, "SELECT sex, mother FROM marts_ssda903.header WHERE la_code = ? AND child = 'C5'", HAND
    ) == [("F", None)]


def test_gaps_and_overlaps_are_reported_and_shown_as_they_are(warehouse):
    # A month with no legal status is an episode with LS blank (the return fails validation for the child
    # until the history is right); of two overlapping placements the later one counts from its start.
    assert episodes_of(warehouse, "C7") == [
        (d("2024-04-01"), "S", "C2", "U6", d("2024-06-01"), "X1", None),
        (d("2024-06-01"), "L", None, "U6", d("2024-07-01"), "X1", None),
        (d("2024-07-01"), "L", "C2", "U6", d("2024-08-01"), "X1", "CARPL"),
        (d("2024-08-01"), "P", "C2", "K2", None, None, None),
    ]
    # Overlapping periods: the first ends when the second starts.
    assert episodes_of(warehouse, "C8") == [
        (d("2024-04-01"), "S", "V2", "U6", d("2024-10-01"), "E4A", None),
        (d("2024-10-01"), "S", "C1", "K2", None, None, None),
    ]
    conflicts = query(
        warehouse,
        "SELECT child_id, conflict_kind, start_date, end_date, detail FROM intermediate.int_ssda903__history_conflicts "
        "WHERE la_code = ? ORDER BY child_id, start_date, conflict_kind",
        HAND,
    )
    assert conflicts == [
        ("C2", "zero_length_legal_status", d("2024-07-01"), d("2024-07-01"), "L1"),
        ("C2", "zero_length_placement", d("2024-08-01"), d("2024-08-01"), "placement P23"),
        ("C7", "placement_outside_period", d("2024-01-01"), d("2024-04-01"), "placement P70"),
        ("C7", "legal_status_gap", d("2024-06-01"), d("2024-07-01"), None),
        ("C7", "placement_overlap", d("2024-08-01"), d("2024-09-01"), "placement P71 and placement P72"),
        ("C8", "legal_status_outside_period", d("2024-04-01"), d("2024-12-01"), "V2"),
        ("C8", "placement_outside_period", d("2024-04-01"), d("2024-12-01"), "placement P81"),
        ("C8", "legal_status_overlap", d("2024-10-01"), d("2024-12-01"), "V2 and C1"),
        ("C8", "period_overlap", d("2024-10-01"), d("2024-12-01"), "period 1 runs into period 2"),
        ("C8", "placement_overlap", d("2024-10-01"), d("2024-12-01"), "placement P81 and placement P82"),
    ]


def test_distance_and_authority_of_each_placement(warehouse):
    # Home TN1 (600000, 150000): Canterbury 5 km away (Kent), Medway 50 km (the child's own authority),
    # Cardiff (WAL), Edinburgh (SCO) from a home postcode not in the directory (no distance).
    columns = "decom, rne, home_post, pl_post, pl_distance, pl_la, pl_location"
    assert episodes_of(warehouse, "C4", columns) == [
        (d("2024-03-10"), "S", "TN1 1AA", "CT1 1AA", 3.1, "E10000016", "OUT"),
        (d("2024-06-01"), "P", "TN1 1AA", "ME4 4AA", 31.1, "E06000035", "IN"),
        (d("2024-09-01"), "P", "TN1 1AA", "CF10 1AA", 176.0, "WAL", "OUT"),
        (d("2024-12-01"), "P", "ZZ9 9ZZ", "EH1 1AA", None, "SCO", "OUT"),
    ]
    # A UASC child: no home postcode and no distance (rule 406), the placement's authority all the same.
    assert episodes_of(warehouse, "C3", columns) == [
        (d("2024-03-01"), "S", None, "CT1 1AA", None, "E10000016", "OUT"),
    ]


def test_header_codes_sex_for_the_year_and_mother_from_her_childs_birth(warehouse):
    header = query(
        warehouse,
        "SELECT collection_year, child, sex, dob, ethnic, upn, mother, mc_dob, return_source "
        "FROM marts_ssda903.header WHERE la_code = ? AND collection_year IN ('2023/24', '2024/25') "
        "ORDER BY collection_year, child",
        HAND,
    )
    c1 = (d("2010-05-01"), "WBRI", "A123456789012")
    assert header == [
        ("2023/24", "C1", "2", *c1, 0, None, "derived"),  # her child was born in February 2025
        ("2023/24", "C3", "1", d("2008-09-15"), "WBRI", "UN1", None, None, "derived"),
        ("2023/24", "C4", None, d("2012-03-03"), "WBRI", "UN1", None, None, "derived"),  # U has no 1/2 code
        ("2024/25", "C1", "F", *c1, 1, d("2025-02-01"), "derived"),
        ("2024/25", "C2", "F", d("2009-01-20"), "WBRI", "UN1", 0, None, "derived"),
        ("2024/25", "C3", "M", d("2008-09-15"), "WBRI", "UN1", None, None, "derived"),
        ("2024/25", "C4", "U", d("2012-03-03"), "WBRI", "UN1", None, None, "derived"),
        ("2024/25", "C5", "F", d("2014-07-07"), "WBRI", "UN1", None, None, "derived"),
        ("2024/25", "C6", "M", d("2013-02-02"), "WBRI", "UN1", None, None, "derived"),
        ("2024/25", "C7", "M", d("2011-11-11"), "WBRI", "UN1", None, None, "derived"),
        ("2024/25", "C8", "M", d("2012-12-12"), "WBRI", "UN1", None, None, "derived"),
    ]
    # Children leave the Header in the first year they have no episode in.
    in_header = [c for (c,) in query(
        warehouse,
        "SELECT child FROM marts_ssda903.header WHERE la_code = ? AND collection_year = '2025/26' ORDER BY 1",
        HAND,
    )]  # fmt: skip
    looked_after = ["C1", "C3", "C6", "C7", "C8"]
    # Every child in any table has a Header row: those looked after, and care leavers in OC3 (rule INT06).
    care_leavers = [c for (c,) in query(
        warehouse,
        "SELECT child FROM marts_ssda903.oc3 WHERE la_code = ? AND collection_year = '2025/26' ORDER BY 1",
        HAND,
    )]  # fmt: skip
    assert in_header == sorted(set(looked_after) | set(care_leavers))


def test_uasc_rows_while_the_child_is_uasc_with_the_date_it_ceases(warehouse):
    # UASC until the 18th birthday in September 2026: DUC is that date every year, SEX in the year's coding.
    assert query(
        warehouse,
        "SELECT collection_year, child, sex, dob, duc FROM marts_ssda903.uasc WHERE la_code = ? ORDER BY 1",
        HAND,
    ) == [
        ("2023/24", "C3", "1", d("2008-09-15"), d("2026-09-15")),
        ("2024/25", "C3", "M", d("2008-09-15"), d("2026-09-15")),
        ("2025/26", "C3", "M", d("2008-09-15"), d("2026-09-15")),
        ("2026/27", "C3", "M", d("2008-09-15"), d("2026-09-15")),
    ]


# ---- synthetic population: what must hold for any data ---------------------------------------------------------


def test_synthetic_episodes_never_overlap_and_start_inside_their_period(warehouse):
    overlaps = query(
        warehouse,
        """
        SELECT count(*) FROM (
            SELECT dec, lead(decom) OVER (PARTITION BY la_code, child_id ORDER BY decom) AS next_decom
            FROM intermediate.int_ssda903__care_episodes WHERE la_code = ?
        ) WHERE next_decom IS NOT NULL AND (dec IS NULL OR next_decom < dec)
        """,
        SYNTHETIC,
    )
    assert overlaps == [(0,)]
    outside = query(
        warehouse,
        """
        SELECT count(*) FROM intermediate.int_ssda903__care_episodes AS e
        WHERE la_code = ? AND NOT EXISTS (
            SELECT 1 FROM staging.stg_case_system__periods_of_care AS p
            WHERE p.la_code = e.la_code AND p.child_id = e.child_id
                AND e.decom BETWEEN p.start_date AND coalesce(p.end_date, DATE '9999-12-31')
                AND (e.dec IS NULL OR e.dec <= coalesce(p.end_date, DATE '9999-12-31'))
        )
        """,
        SYNTHETIC,
    )
    assert outside == [(0,)]
    # Every period of care has exactly one S episode, and clean histories have nothing to report.
    counts = query(
        warehouse,
        "SELECT (SELECT count(*) FROM intermediate.int_ssda903__care_episodes WHERE la_code = ? AND rne = 'S'), "
        "(SELECT count(*) FROM raw.periods_of_care WHERE la_code = ?), "
        "(SELECT count(*) FROM intermediate.int_ssda903__history_conflicts WHERE la_code = ?)",
        SYNTHETIC,
        SYNTHETIC,
        SYNTHETIC,
    )
    [(starts, periods, conflicts)] = counts
    assert starts == periods > 0
    assert conflicts == 0


def test_synthetic_uasc_rows_are_for_children_looked_after_in_the_year(warehouse):
    # Care leavers in the Header have no UASC row (rule 1014); a child who left care during the year and is not
    # back in care the next has the day they left as DUC, within the year (rule 205A).
    orphans, late = query(
        warehouse,
        """
        SELECT
            count(*) FILTER (WHERE NOT EXISTS (
                SELECT 1 FROM marts_ssda903.episodes AS e
                WHERE e.la_code = u.la_code AND e.collection_year = u.collection_year AND e.child = u.child
            )),
            count(*) FILTER (WHERE NOT EXISTS (
                SELECT 1 FROM marts_ssda903.episodes AS e
                WHERE e.la_code = u.la_code AND e.child = u.child
                    AND (e.collection_year = u.collection_year AND e.dec IS NULL OR e.collection_year = y.next_year)
            ) AND u.duc > y.year_end_date)
        FROM marts_ssda903.uasc AS u
        JOIN (
            SELECT collection_year, year_end_date, lead(collection_year) OVER (ORDER BY year_ending) AS next_year
            FROM intermediate.int_ssda903__collection_years
        ) AS y ON y.collection_year = u.collection_year
        WHERE u.la_code = ? AND u.return_source = 'derived' AND y.next_year IS NOT NULL
        """,
        SYNTHETIC,
    )[0]
    assert orphans == 0 and late == 0


def test_synthetic_counts_per_year_are_plausible(warehouse):
    years = query(
        warehouse,
        """
        SELECT
            e.collection_year,
            count(*) AS n_episodes,
            count(DISTINCT e.child) AS n_children,
            count(*) FILTER (WHERE e.dec IS NULL) AS n_open_at_31_march,
            count(*) FILTER (WHERE e.rne = 'S') AS n_started,
            (SELECT count(*) FROM marts_ssda903.header AS h
             WHERE h.la_code = e.la_code AND h.collection_year = e.collection_year) AS n_header,
            (SELECT count(*) FROM (
                SELECT child FROM marts_ssda903.episodes AS x
                WHERE x.la_code = e.la_code AND x.collection_year = e.collection_year
                UNION
                SELECT child FROM marts_ssda903.oc3 AS o
                WHERE o.la_code = e.la_code AND o.collection_year = e.collection_year)) AS n_in_return
        FROM marts_ssda903.episodes AS e
        WHERE e.la_code = ? AND e.collection_year < '2026/27'
        GROUP BY e.la_code, e.collection_year
        ORDER BY e.collection_year
        """,
        SYNTHETIC,
    )
    assert [y[0] for y in years] == [f"{y}/{str(y + 1)[2:]}" for y in range(2018, 2026)]
    expected_in_care = IN_CARE_31_MARCH * SYNTHETIC_SCALE
    for year, n_episodes, n_children, n_open, n_started, n_header, n_in_return in years:
        assert 0.7 * expected_in_care <= n_open <= 1.3 * expected_in_care, year
        assert n_header == n_in_return, year  # the Header holds every child with an episode or in OC3
        assert n_children <= n_episodes <= 3 * n_children, year
        assert 0.2 * n_children <= n_started <= 0.7 * n_children, year
    # About 8 in 10 placements in the authority's own area (KP), and distances for most non-UASC episodes.
    share_in, share_with_distance = query(
        warehouse,
        "SELECT avg(CASE WHEN pl_location = 'IN' THEN 1.0 ELSE 0 END), "
        "avg(CASE WHEN pl_distance IS NOT NULL THEN 1.0 ELSE 0 END) FILTER (WHERE NOT was_ever_uasc) "
        "FROM intermediate.int_ssda903__care_episodes WHERE la_code = ?",
        SYNTHETIC,
    )[0]
    assert 0.65 <= share_in <= 0.95
    assert share_with_distance >= 0.9
