"""The synthetic health, education and workforce extracts: contract shape, codes, dates, who appears, the
calibrated rates and determinism. The children and periods of care are built here with numpy, so these tests
do not depend on the rest of the generator."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from schemas.authority import load_authority
from synthetic.education import education_tables
from synthetic.health import health_tables
from synthetic.workforce import workforce_tables

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 3, 31)
AS_OF_TS = pd.Timestamp(AS_OF)
REAL_UPN = r"^([A-HJ-NP-RT-Z]\d{12}|\d{11}[A-Z])$"


def _contract(source: str) -> dict:
    return yaml.safe_load((ROOT / "schemas" / "extracts" / f"{source}.yaml").read_text(encoding="utf-8"))


def _ssda903_codes() -> dict[str, set[str]]:
    codes: dict[str, set[str]] = {}
    with open(ROOT / "seeds" / "ssda903_codes.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            codes.setdefault(row["field"], set()).add(row["code"])
    return codes


def make_care(n: int, seed: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`n` children entering care 2010-2026 at Kent-like ages, some twice; a few without a UPN or NHS number."""
    rng = np.random.default_rng(seed)
    as_of = np.datetime64(AS_OF, "D")
    origin = np.datetime64("2010-01-01", "D")
    ids = np.array([f"C{i:06d}" for i in range(n)], dtype=object)
    entry = origin + rng.integers(0, (as_of - origin).astype(int), n)
    age_days = rng.choice([0, 2, 7, 13, 16], n, p=[0.2, 0.17, 0.17, 0.35, 0.11]) * 365 + rng.integers(0, 700, n)
    dob = entry - np.minimum(age_days, 17 * 365 + 200)
    eighteen = dob + 18 * 365 + 4
    stay = np.where(rng.random(n) < 0.3, rng.integers(1, 180, n), rng.exponential(900, n).astype(int) + 30)
    end = np.minimum(entry + stay, eighteen)
    end = np.where(end > as_of, np.datetime64("NaT"), end).astype("datetime64[D]")
    upn = np.array([f"A{x:012d}" for x in rng.integers(0, 10**12, n)], dtype=object)
    no_upn = rng.random(n) < 0.08
    upn[no_upn] = rng.choice(["UN1", "UN2", "UN3", "UN4", "UN5"], no_upn.sum())
    nhs = np.array([f"{x:010d}" for x in rng.integers(10**9, 10**10, n)], dtype=object)
    nhs[rng.random(n) < 0.03] = None
    children = pd.DataFrame(
        {
            "child_id": ids,
            "upn": upn,
            "nhs_number": nhs,
            "sex": rng.choice(["M", "F"], n, p=[0.61, 0.39]),
            "date_of_birth": dob.astype("datetime64[ns]"),
            "ethnicity": "WBRI",
            "disability": np.where(rng.random(n) < 0.08, "Y", "N"),
            "uasc": np.where(rng.random(n) < 0.15, "Y", "N"),
        }
    )
    again = ~np.isnat(end) & (end + 400 < eighteen - 730) & (rng.random(n) < 0.15)
    start2 = end[again] + rng.integers(30, 400, again.sum())
    end2 = np.minimum(start2 + rng.integers(20, 900, again.sum()), eighteen[again])
    end2 = np.where(end2 > as_of, np.datetime64("NaT"), end2).astype("datetime64[D]")
    ok = start2 <= as_of
    starts = np.concatenate([entry, start2[ok]])
    ends = np.concatenate([end, end2[ok]])
    periods = pd.DataFrame(
        {
            "child_id": np.concatenate([ids, ids[again][ok]]),
            "start_date": starts.astype("datetime64[ns]"),
            "end_date": ends.astype("datetime64[ns]"),
            "reason_ended": np.where(np.isnat(ends), None, "E11"),
            "category_of_need": "N1",
        }
    )
    return children, periods


def make_allocations(periods: pd.DataFrame, seed: int = 2, slots: int = 12) -> pd.DataFrame:
    """Chains of allocations over each period, to workers who each hold one of `slots` jobs for a while."""
    rng = np.random.default_rng(seed)
    as_of = np.datetime64(AS_OF, "D")
    start = periods["start_date"].to_numpy().astype("M8[D]")
    end = periods["end_date"].to_numpy().astype("M8[D]")
    end_eff = np.where(np.isnat(end), as_of, end)
    tenure = rng.exponential(3 * 365, (slots, 40)).astype(int) + 60
    hires = np.datetime64("2005-01-01", "D") + np.concatenate(
        [np.zeros((slots, 1), int), np.cumsum(tenure, axis=1)], axis=1
    )
    rows, t, active = [], start.copy(), start < end_eff
    while active.any():
        i = np.flatnonzero(active)
        slot = rng.integers(0, slots, len(i))
        k = np.array([np.searchsorted(hires[s], when, side="right") - 1 for s, when in zip(slot, t[i], strict=True)])
        stop = np.minimum(np.minimum(end_eff[i], t[i] + rng.integers(60, 700, len(i))), hires[slot, k + 1])
        open_ = (stop >= end_eff[i]) & np.isnat(end[i])
        rows.append(
            pd.DataFrame(
                {
                    "child_id": periods["child_id"].to_numpy()[i],
                    "social_worker_id": np.char.add("SW", (slot * 100 + k).astype(str)),
                    "start_date": t[i].astype("M8[ns]"),
                    "end_date": np.where(open_, np.datetime64("NaT"), stop).astype("M8[ns]"),
                    "reason_ended": np.where(open_, None, "SW1"),
                }
            )
        )
        t[i] = stop
        active = t < end_eff
    return pd.concat(rows, ignore_index=True)


@pytest.fixture(scope="module")
def small():
    children, periods = make_care(60, seed=3)
    return children, periods


@pytest.fixture(scope="module")
def outputs(small):
    children, periods = small
    health = health_tables(children, periods, np.random.default_rng(11), AS_OF)
    education = education_tables(children, periods, np.random.default_rng(12), AS_OF)
    workforce = workforce_tables(make_allocations(periods), np.random.default_rng(13), date(2020, 4, 1), AS_OF)
    return {"health": health, "education": education, "workforce": workforce}


@pytest.fixture(scope="module")
def large():
    children, periods = make_care(6000, seed=7)
    return children, periods, health_tables(children, periods, np.random.default_rng(21), AS_OF)


# --- shape, codes and dates against the contracts ----------------------------------------------------------


@pytest.mark.parametrize("source", ["health", "education", "workforce"])
def test_columns_are_the_contract_columns_in_order(outputs, source):
    contract = _contract(source)
    assert set(outputs[source]) == set(contract["entities"])
    for entity, spec in contract["entities"].items():
        assert list(outputs[source][entity].columns) == list(spec["columns"]), entity


@pytest.mark.parametrize("source", ["health", "education", "workforce"])
def test_values_meet_the_contract(outputs, source):
    ssda903 = _ssda903_codes()
    for entity, spec in _contract(source)["entities"].items():
        df = outputs[source][entity]
        assert len(df), f"{entity} is empty"
        for name, col in spec["columns"].items():
            s = df[name]
            present = s.dropna()
            if col.get("required"):
                assert s.notna().all(), f"{entity}.{name} has blanks"
            kind = col["type"]
            if kind == "date":
                assert pd.api.types.is_datetime64_any_dtype(s), f"{entity}.{name} is not datetime64"
            elif kind == "integer":
                assert str(s.dtype) == "Int64", f"{entity}.{name} is {s.dtype}"
                assert present.between(col.get("min", -(10**9)), col.get("max", 10**9)).all(), f"{entity}.{name}"
            elif kind == "flag":
                assert set(present) <= {"Y", "N"}, f"{entity}.{name}"
            if "codes" in col:
                codes = col["codes"]
                if isinstance(codes, str) and codes.startswith("authority:"):  # the demo authority's teams or districts
                    allowed = getattr(load_authority(), f"{codes.split(':', 1)[1][:-1]}_codes")
                else:
                    allowed = ssda903[codes.split(":", 1)[1]] if isinstance(codes, str) else {str(c) for c in codes}
                assert set(present) <= allowed, f"{entity}.{name}: {set(present) - allowed}"
            if "pattern" in col:
                assert present.astype(str).str.fullmatch(col["pattern"].strip("^$")).all(), f"{entity}.{name}"
        for start, end in spec.get("ordered", []):
            assert not (df[end] < df[start]).any(), f"{entity}: {end} before {start}"
        for group in spec.get("one_of", []):
            assert df[group].notna().any(axis=1).all(), f"{entity}: none of {group}"
        assert not df.duplicated(spec["key"]).any(), f"{entity}: duplicate keys"


@pytest.mark.parametrize("source", ["health", "education", "workforce"])
def test_nothing_is_dated_after_as_of_except_due_dates(outputs, source):
    for entity, spec in _contract(source)["entities"].items():
        for name, col in spec["columns"].items():
            if col["type"] != "date" or col.get("future") == "allowed":
                continue
            assert (outputs[source][entity][name].dropna() <= AS_OF_TS).all(), f"{entity}.{name}"
    if source == "health":
        ha = outputs["health"]["health_assessments"]
        future = ha[ha["due_date"] > AS_OF_TS]
        assert len(future), "children in care should have an assessment due after the load date"
        assert future["completed_date"].isna().mean() > 0.5


# --- who appears --------------------------------------------------------------------------------------------


def _academic_year_start(d: pd.Series) -> pd.Series:
    return d.dt.year - (d.dt.month < 9)


def _age_on(dob: pd.Series, when: pd.Series) -> pd.Series:
    before_birthday = (when.dt.month * 100 + when.dt.day) < (dob.dt.month * 100 + dob.dt.day)
    return when.dt.year - dob.dt.year - before_birthday.astype(int)


def test_education_is_for_school_age_children_with_a_real_upn_in_care_that_year(small, outputs):
    children, periods = small
    kids = children.set_index("upn")
    real = children["upn"].str.fullmatch(REAL_UPN)
    edu = outputs["education"]
    for entity, df in edu.items():
        assert df["upn"].isin(children.loc[real, "upn"]).all(), entity

    att = edu["attendance"]
    year = att["academic_year"].str[:4].astype(int)
    sept1 = pd.to_datetime(year.astype(str) + "-09-01")
    dob = kids.loc[att["upn"], "date_of_birth"].reset_index(drop=True)
    assert _age_on(dob, sept1).between(5, 15).all()
    # In care at some time in the academic year.
    p = periods.merge(children[["child_id", "upn"]], on="child_id")
    pairs = att.assign(y0=sept1, y1=sept1 + pd.DateOffset(years=1)).merge(p, on="upn")
    overlaps = (pairs["start_date"] < pairs["y1"]) & (pairs["end_date"].isna() | (pairs["end_date"] >= pairs["y0"]))
    assert overlaps.groupby([pairs["upn"], pairs["academic_year"]]).any().all()

    for entity, col in [
        ("exclusions", "start_date"),
        ("personal_education_plans", "pep_date"),
        ("part_time_timetables", "start_date"),
        ("not_in_education", "start_date"),
    ]:
        df = edu[entity]
        sept1 = pd.to_datetime(_academic_year_start(df[col]).astype(str) + "-09-01")
        dob = kids.loc[df["upn"], "date_of_birth"].reset_index(drop=True)
        assert _age_on(dob, sept1).between(5, 15).all(), entity

    ks = edu["attainment"]
    year = ks["academic_year"].str[:4].astype(int)
    age = _age_on(
        kids.loc[ks["upn"], "date_of_birth"].reset_index(drop=True), pd.to_datetime(year.astype(str) + "-09-01")
    )
    assert (age[ks["key_stage"] == "KS2"] == 10).all()
    assert (age[ks["key_stage"] == "KS4"] == 15).all()
    binary = ks["measure"].isin(["RWM_EXPECTED", "ENG_MATHS_GRADE4", "ENG_MATHS_GRADE5"])
    assert set(ks.loc[binary, "result"]) <= {"0", "1"}


def test_health_rows_link_to_children_by_id_or_nhs_number(small, outputs):
    children, _ = small
    for entity, df in outputs["health"].items():
        by_id = df["child_id"].notna()
        assert df.loc[by_id, "child_id"].isin(children["child_id"]).all(), entity
        assert df.loc[~by_id, "nhs_number"].isin(children["nhs_number"].dropna()).all(), entity


def test_some_health_rows_are_keyed_by_nhs_number_alone(large):
    _, _, health = large
    ha = health["health_assessments"]
    share = ha["child_id"].isna().mean()
    assert 0.06 < share < 0.14
    assert ha.loc[ha["child_id"].isna(), "nhs_number"].notna().all()


def test_sdq_has_a_score_or_a_reason_never_both_and_sdq1_only_out_of_age_range(large):
    children, _, health = large
    sdq = health["sdq_assessments"]
    assert (sdq["score"].notna() ^ sdq["reason_no_score"].notna()).all()
    assert sdq["score"].dropna().between(0, 40).all()
    ids = _linked_ids(sdq, children)
    dob = children.set_index("child_id").loc[ids, "date_of_birth"].reset_index(drop=True)
    age = _age_on(dob, sdq["assessment_date"])
    in_range = age.between(4, 16)
    assert (sdq.loc[~in_range, "reason_no_score"] == "SDQ1").all()
    assert not (sdq.loc[in_range, "reason_no_score"] == "SDQ1").any()


# --- calibration against Kent's figures (kent_profile.md) ---------------------------------------------------


def _linked_ids(df: pd.DataFrame, children: pd.DataFrame) -> pd.Series:
    by_nhs = dict(zip(children["nhs_number"], children["child_id"], strict=True))
    return df["child_id"].where(df["child_id"].notna(), df["nhs_number"].map(by_nhs)).reset_index(drop=True)


def _oc2_cohort(children, periods, ref: pd.Timestamp) -> pd.DataFrame:
    """Children looked after at `ref` who had been for at least 12 months, with their age then."""
    p = periods[
        (periods["start_date"] <= ref - pd.Timedelta(days=365))
        & (periods["end_date"].isna() | (periods["end_date"] > ref))
    ]
    c = children.set_index("child_id").loc[p["child_id"].unique()]
    return c.assign(age=_age_on(c["date_of_birth"], pd.Series(ref, index=c.index)))


def _in_year_to(df, col, ref, children) -> set:
    ids = _linked_ids(df, children)
    inside = ((df[col] > ref - pd.Timedelta(days=365)) & (df[col] <= ref)).to_numpy()
    return set(ids[inside])


def test_health_rates_are_calibrated_to_kent(large):
    children, periods, health = large
    ha = health["health_assessments"]
    initial = ha[(ha["assessment_type"] == "INITIAL") & (ha["due_date"] <= AS_OF_TS)]
    on_time = (initial["completed_date"] <= initial["due_date"]).mean()
    assert 0.22 < on_time < 0.38  # Kent 29.5%
    assert initial["completed_date"].notna().mean() > 0.75  # most of the rest are done late

    ref = pd.Timestamp("2025-03-31")
    cohort = _oc2_cohort(children, periods, ref)
    assert len(cohort) > 300
    ids = set(cohort.index)
    assessed = len(ids & _in_year_to(ha, "completed_date", ref, children)) / len(ids)
    assert 0.84 < assessed < 0.95  # Kent 89.7%
    dental = len(ids & _in_year_to(health["dental_checks"], "check_date", ref, children)) / len(ids)
    assert 0.83 < dental < 0.95  # Kent 89.0%

    imm = health["immunisations"].assign(cid=_linked_ids(health["immunisations"], children))
    latest = imm[imm["status_date"] <= ref].sort_values("status_date").groupby("cid")["up_to_date"].last()
    assert 0.8 < (latest.reindex(list(ids)) == "Y").mean() < 0.94

    sdq = health["sdq_assessments"].assign(cid=_linked_ids(health["sdq_assessments"], children))
    eligible = cohort.index[cohort["age"].between(5, 16)]
    window = sdq[(sdq["assessment_date"] > ref - pd.Timedelta(days=365)) & (sdq["assessment_date"] <= ref)]
    last = window.sort_values("assessment_date").groupby("cid")["score"].last().reindex(eligible)
    assert 0.68 < last.notna().mean() < 0.84  # Kent 76%
    assert 13.0 < last.mean() < 16.5  # Kent 14.6
    assert 0.32 < (last.dropna() >= 17).mean() < 0.5  # Kent 41%

    older = set(cohort.index[cohort["age"] >= 10])
    misuse = len(older & _in_year_to(health["substance_misuse"], "identified_date", ref, children)) / len(older)
    assert 0.06 < misuse < 0.19  # Kent 12.0%
    sm = health["substance_misuse"]
    assert not ((sm["intervention_received"] == "Y") & (sm["intervention_offered"] == "N")).any()


def test_reviews_are_yearly_or_six_monthly_for_under_fives(large):
    children, periods, health = large
    ha = health["health_assessments"]
    reviews = ha[ha["assessment_type"] == "REVIEW"]
    reviews = reviews.assign(cid=_linked_ids(reviews, children).to_numpy())
    # Children with one period of care, so consecutive reviews belong to the same period.
    once = periods["child_id"].value_counts().loc[lambda n: n == 1].index
    reviews = reviews[reviews["cid"].isin(once)].sort_values(["cid", "due_date"], ignore_index=True)
    same = (reviews["cid"] == reviews["cid"].shift()).to_numpy()
    gaps = reviews["due_date"].diff().dt.days.to_numpy()[same]
    # The next review is due an interval after the last one was done (early or late) or due.
    assert ((gaps >= 150) & (gaps <= 560)).mean() > 0.98
    dob = children.set_index("child_id").loc[reviews["cid"], "date_of_birth"].reset_index(drop=True)
    under5 = (_age_on(dob, reviews["due_date"]) < 5).to_numpy()[same]
    assert np.median(gaps[under5]) < 200 < np.median(gaps[~under5])


def test_education_rates_are_calibrated_to_kent():
    children, periods = make_care(3000, seed=9)
    edu = education_tables(children, periods, np.random.default_rng(5), AS_OF)
    att = edu["attendance"]
    full = att[att["sessions_possible"] >= 370]
    assert att["sessions_possible"].max() <= 390
    persistent = (full["sessions_missed"] / full["sessions_possible"] >= 0.1).mean()
    assert 0.07 < persistent < 0.16  # Kent 9.5%
    assert (att["sessions_missed_unauthorised"] <= att["sessions_missed"]).all()
    assert (att["sessions_missed"] <= att["sessions_possible"]).all()
    fixed = edu["exclusions"][edu["exclusions"]["exclusion_type"] == "FIXED"]
    ay = _academic_year_start(fixed["start_date"])
    fixed_years = set(zip(fixed["upn"], ay.astype(str) + "/" + ((ay + 1) % 100).astype(str).str.zfill(2), strict=True))
    suspended = np.mean([k in fixed_years for k in zip(full["upn"], full["academic_year"], strict=True)])
    assert 0.06 < suspended < 0.15
    ks4 = edu["attainment"][edu["attainment"]["measure"] == "ENG_MATHS_GRADE4"]
    assert 0.06 < (ks4["result"] == "1").mean() < 0.24
    g5 = edu["attainment"][edu["attainment"]["measure"] == "ENG_MATHS_GRADE5"]
    both = ks4.merge(g5, on=["upn", "academic_year"], suffixes=("_4", "_5"))
    assert not ((both["result_5"] == "1") & (both["result_4"] == "0")).any()
    # About three PEPs a year for a child in care all year.
    peps = edu["personal_education_plans"]
    ay = _academic_year_start(peps["pep_date"])
    label = ay.astype(str) + "/" + ((ay + 1) % 100).astype(str).str.zfill(2)
    per_year = peps.groupby([peps["upn"], label]).size()
    full_years = full.set_index(["upn", "academic_year"]).index
    assert 2.5 < per_year.reindex(full_years, fill_value=0).mean() <= 3.0
    sen = edu["special_educational_needs"]
    current = sen[sen["end_date"].isna()].sort_values("start_date").groupby("upn")["sen_provision"].last()
    status = current.reindex(att.loc[att["academic_year"] == "2025/26", "upn"]).fillna("N")
    assert 0.2 < (status == "K").mean() < 0.4
    assert 0.15 < (status == "E").mean() < 0.35


def test_workforce_posts_and_caseloads_come_from_the_allocations(small):
    _, periods = small
    allocations = make_allocations(periods)
    start = date(2020, 4, 1)
    posts = workforce_tables(allocations, np.random.default_rng(4), start, AS_OF)["social_work_posts"]
    months = pd.date_range("2020-04-30", "2026-03-31", freq="ME")
    assert list(posts["month_end"].drop_duplicates()) == list(months)
    assert posts["social_worker_id"].dropna().isin(allocations["social_worker_id"]).all()
    filled = posts[posts["filled"] == "Y"]
    assert posts.loc[posts["filled"] == "N", "social_worker_id"].isna().all()
    assert (filled["qualified"] == "Y").mean() > 0.7
    # Caseload = the worker's allocations open at the month end.
    held = filled.dropna(subset=["social_worker_id"])
    for _, row in held.sample(40, random_state=0).iterrows():
        a = allocations[allocations["social_worker_id"] == row["social_worker_id"]]
        open_ = (a["start_date"] <= row["month_end"]) & (a["end_date"].isna() | (a["end_date"] > row["month_end"]))
        assert row["caseload"] == open_.sum()


def test_workforce_at_kent_scale_has_about_15_percent_agency():
    _, periods = make_care(12000, seed=5)
    allocations = make_allocations(periods, slots=90)
    posts = workforce_tables(allocations, np.random.default_rng(6), date(2022, 4, 1), AS_OF)["social_work_posts"]
    per_month = posts.groupby("month_end").size()
    assert per_month.between(100, 250).all()
    filled = posts[posts["filled"] == "Y"]
    assert 0.08 < (filled["agency"] == "Y").mean() < 0.25
    assert 0.75 < len(filled) / len(posts) < 0.98


# --- determinism -------------------------------------------------------------------------------------------


def test_same_seed_same_tables_and_another_seed_differs(small):
    children, periods = small
    allocations = make_allocations(periods)
    for build in (
        lambda seed: health_tables(children, periods, np.random.default_rng(seed), AS_OF),
        lambda seed: education_tables(children, periods, np.random.default_rng(seed), AS_OF),
        lambda seed: workforce_tables(allocations, np.random.default_rng(seed), date(2020, 4, 1), AS_OF),
    ):
        a, b, c = build(1), build(1), build(2)
        for entity in a:
            pd.testing.assert_frame_equal(a[entity], b[entity])
        assert any(not a[e].equals(c[e]) for e in a)


def test_tables_pass_the_ingest_contracts_when_written_as_text(outputs):
    """What the landing files will hold (text, dates as ISO) passes the pandera schemas ingest applies."""
    from schemas.contracts import load_contracts, pandera_schema

    contracts = load_contracts()
    for tables in outputs.values():
        for entity, df in tables.items():
            text = pd.DataFrame(
                {
                    c: (df[c].dt.strftime("%Y-%m-%d") if pd.api.types.is_datetime64_any_dtype(df[c]) else df[c])
                    .astype("string")
                    .astype(object)
                    .where(df[c].notna(), None)
                    for c in df.columns
                }
            )
            pandera_schema(contracts[entity], AS_OF).validate(text, lazy=True)
