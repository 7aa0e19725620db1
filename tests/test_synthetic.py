"""The synthetic extract generator: determinism, 903 validity of the unfaulted output, calibration to the
Kent profile, the planted faults, and XLSX output. Everything is checked on the files as written."""

from __future__ import annotations

import csv
import json
import random
import re
import zipfile
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from synthetic import calibration, generate
from synthetic.careers import Child, Period
from synthetic.days import YEAR, to_day
from synthetic.identifiers import is_valid_nhs_number, is_valid_upn, upn_check_letter
from synthetic.placements import CarerTokens, period_placements
from synthetic.postcodes import pick_nearby
from synthetic.writing import columns, columns_of, contracts

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 10, 31)
AS_OF_TS = pd.Timestamp(AS_OF)
TEMPORARY = {"T0", "T1", "T2", "T3", "T4"}
NO_PROVIDER = TEMPORARY | {"Z1", "Z11", "Z12", "Z13", "Z14"}
REFORM = pd.Timestamp(2023, 10, 28)  # supported accommodation reform: P2 ends, K3 begins


def read_csv_dir(folder: Path, source: str) -> dict[str, pd.DataFrame]:
    """Main files of a source, dates parsed as the contract says."""
    out = {}
    for entity in columns_of(source):
        frame = pd.read_csv(folder / source / f"{entity}.csv", dtype=str, keep_default_na=False)
        for col, spec in contracts()[source][entity].items():
            if spec.get("type") == "date":
                frame[col] = pd.to_datetime(frame[col].replace("", None), format="%d/%m/%Y")
        out[entity] = frame
    return out


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    folder = tmp_path_factory.mktemp("clean")
    summary = generate(folder, seed=3, scale=0.2)
    return {"folder": folder, "summary": summary, **read_csv_dir(folder, "case_system")}


@pytest.fixture(scope="module")
def faulted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("faulted")
    summary = generate(folder, seed=4, scale=0.1, faults=["all"])
    return {
        "folder": folder,
        "summary": summary,
        "manifest": json.loads((folder / "generation_manifest.json").read_text()),
    }


@pytest.fixture(scope="module")
def faulted_twin(tmp_path_factory):
    """The same run as `faulted` without faults."""
    folder = tmp_path_factory.mktemp("twin")
    return {"folder": folder, "summary": generate(folder, seed=4, scale=0.1)}


@pytest.fixture(scope="module")
def codes():
    table = pd.read_csv(ROOT / "seeds" / "ssda903_codes.csv", dtype=str, keep_default_na=False)
    return {
        (r.field, r.code): (int(r.first_collection_year), int(r.last_collection_year or 9999))
        for r in table.itertuples()
    }


def collection_year(ts) -> pd.Series:
    ts = pd.Series(ts)
    return ts.dt.year + (ts.dt.month >= 4).astype(int)


def birthday(dob: pd.Series, years: int) -> pd.Series:
    return dob + pd.DateOffset(years=years)


# ------------------------------------------------------------------------------------------ determinism
def test_same_seed_same_bytes_and_a_different_seed_differs(tmp_path):
    a = generate(tmp_path / "a", seed=11, scale=0.05, faults=["all"])
    generate(tmp_path / "b", seed=11, scale=0.05, faults=["all"])
    generate(tmp_path / "c", seed=12, scale=0.05)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.csv"))
    assert len(files) >= 28 + 14
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel
    assert (tmp_path / "a" / "generation_manifest.json").read_bytes() == (
        tmp_path / "b" / "generation_manifest.json"
    ).read_bytes()
    children = Path("case_system/children.csv")
    assert (tmp_path / "a" / children).read_bytes() != (tmp_path / "c" / children).read_bytes()
    assert a["seed"] == 11 and a["rows"]["children"] > 100


# ------------------------------------------------------------------------------------------ shape
def test_files_have_exactly_the_contract_columns_and_names_only_in_children(clean):
    folder = clean["folder"]
    for source in ("case_system", "health", "education", "workforce"):
        for entity in columns_of(source):
            with open(folder / source / f"{entity}.csv", encoding="utf-8", newline="") as fh:
                header = next(csv.reader(fh))
            expected = columns(source, entity)
            if entity == "children":
                expected = [expected[0], "first_name", "last_name", *expected[1:]]
            assert header == expected, entity
    text = (folder / "case_system" / "children.csv").read_text(encoding="utf-8")
    assert re.search(r"\d{2}/\d{2}/\d{4}", text) and not re.search(r"\d{4}-\d{2}-\d{2}", text)


def test_manifest_holds_no_personal_data(clean):
    manifest = (clean["folder"] / "generation_manifest.json").read_text()
    children, placements = clean["children"], clean["placements"]
    for value in children["date_of_birth"].dt.strftime("%d/%m/%Y").head(200):
        assert value not in manifest
    for value in placements["placement_postcode"].replace("", None).dropna().head(200):
        assert value not in manifest
    names = pd.read_csv(clean["folder"] / "case_system" / "children.csv", dtype=str)["last_name"]
    assert not any(f'"{n}"' in manifest for n in names.unique())


# ------------------------------------------------------------------------------------------ periods
def _periods(clean) -> pd.DataFrame:
    periods = clean["periods_of_care"].sort_values(["child_id", "start_date"]).reset_index(drop=True)
    periods["period"] = np.arange(len(periods))
    return periods


def test_periods_never_overlap_and_end_with_a_reason(clean):
    periods = _periods(clean)
    prev_end = periods.groupby("child_id")["end_date"].shift()
    has_prev = periods.groupby("child_id").cumcount() > 0
    assert not (has_prev & prev_end.isna()).any(), "a period follows an open one"
    assert (periods.loc[has_prev, "start_date"] > prev_end[has_prev]).all()
    assert (periods["end_date"].isna() == (periods["reason_ended"] == "")).all()
    assert (periods["end_date"].isna() | (periods["end_date"] > periods["start_date"])).all()


def test_care_is_after_birth_and_ends_by_the_18th_birthday(clean):
    periods = _periods(clean)
    dob = clean["children"].set_index("child_id")["date_of_birth"]
    born = dob.reindex(periods["child_id"]).to_numpy()
    eighteen = birthday(dob, 18).reindex(periods["child_id"]).to_numpy()
    assert (periods["start_date"].to_numpy() >= born).all()
    ended = periods["end_date"].notna().to_numpy()
    assert (periods["end_date"].to_numpy()[ended] <= eighteen[ended]).all()
    assert (eighteen[~ended] > np.datetime64(AS_OF)).all(), "an open period for someone already 18"
    assert set(periods["child_id"]) == set(clean["children"]["child_id"])  # every child has been in care


def _assign(rows: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """Each row with the period of care it starts in."""
    rows = rows.sort_values(["start_date"]).reset_index(drop=True)
    periods = periods.sort_values("start_date")
    merged = pd.merge_asof(
        rows,
        periods[["child_id", "start_date", "end_date", "period"]].rename(
            columns={"start_date": "p_start", "end_date": "p_end"}
        ),
        left_on="start_date",
        right_on="p_start",
        by="child_id",
        direction="backward",
    )
    assert merged["period"].notna().all(), "a row starts outside every period of care"
    return merged.sort_values(["period", "start_date"]).reset_index(drop=True)


def _tiles(rows: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """Rows exactly tile each period: first starts on its start, each next starts when the previous ends,
    the last ends with it (or is open while it is open)."""
    merged = _assign(rows, periods)
    g = merged.groupby("period")
    first, last = g.head(1), g.tail(1)
    assert set(first["period"]) == set(periods["period"]), "a period with no rows"
    assert (first["start_date"] == first["p_start"]).all()
    nxt = g["start_date"].shift(-1)
    inner = nxt.notna()
    assert (merged.loc[inner, "end_date"] == nxt[inner]).all(), "a gap or overlap inside a period"
    assert ((last["end_date"] == last["p_end"]) | (last["end_date"].isna() & last["p_end"].isna())).all()
    return merged


def test_legal_statuses_tile_each_period(clean):
    merged = _tiles(clean["legal_statuses"], _periods(clean))
    assert (merged["end_date"].isna() | (merged["end_date"] > merged["start_date"])).all()
    police = merged[merged["legal_status"] == "L1"]
    assert ((police["end_date"] - police["start_date"]).dt.days <= 3).all()  # rule 361


def test_placements_tile_each_period_and_reasons_sit_where_moves_are(clean):
    merged = _tiles(clean["placements"], _periods(clean))
    is_last = merged.groupby("period").cumcount(ascending=False) == 0
    temporary = merged["placement_type"].isin(TEMPORARY)
    assert (merged.loc[is_last, "reason_for_change"] == "").all()
    moved = merged[~is_last & ~temporary]
    assert (moved["reason_for_change"] != "").all(), "a placement followed by another without a reason"
    assert (merged.loc[temporary, "reason_for_change"] == "").all()  # rule 226
    firsts = merged.groupby("period").head(1)
    assert not firsts["placement_type"].isin(TEMPORARY).any()  # rule 380
    assert not merged.loc[is_last, "placement_type"].isin(TEMPORARY).any()  # rule 381


def test_providers_match_placement_types(clean):
    pl = clean["placements"]
    blank = pl["placement_type"].isin(NO_PROVIDER)
    assert (pl.loc[blank, "provider"] == "").all()
    assert ((pl["provider"] == "PR0") == (pl["placement_type"] == "P1")).all()
    assert pl.loc[~blank & (pl["placement_type"] != "P1"), "provider"].isin(["PR1", "PR2", "PR3", "PR4", "PR5"]).all()
    assert not ((pl["provider"] == "PR3") & pl["placement_type"].str.match(r"^(A[3-6]|K[12]|U[1-6]|P1)$")).any()


def _span_ok(frame, field, column, codes, start="start_date", end="end_date"):
    first = collection_year(frame[start]).clip(lower=2018)
    last = collection_year(frame[end].fillna(AS_OF_TS)).clip(lower=2018)
    bounds = frame[column].map(lambda c: codes.get((field, c), (None, None)))
    lo = bounds.map(lambda b: b[0])
    hi = bounds.map(lambda b: b[1])
    assert lo.notna().all(), f"{column}: codes outside {field}: {sorted(set(frame[column][lo.isna()]))}"
    bad = (first < lo) | (last > hi)
    assert not bad.any(), f"{column}: {frame.loc[bad, column].value_counts().to_dict()} outside their years"


def _event_ok(frame, field, column, day, codes):
    used = frame[frame[column] != ""]
    year = collection_year(used[day]).clip(lower=2018)
    bounds = used[column].map(lambda c: codes.get((field, c), (None, None)))
    assert bounds.map(lambda b: b[0]).notna().all(), f"{column}: unknown codes"
    assert ((year >= bounds.map(lambda b: b[0])) & (year <= bounds.map(lambda b: b[1]))).all(), column


def test_every_code_is_valid_for_every_year_it_spans(clean, codes):
    pl, ls, per = clean["placements"], clean["legal_statuses"], clean["periods_of_care"]
    _span_ok(pl, "PLACE", "placement_type", codes)
    _span_ok(pl[pl["provider"] != ""], "PLACE_PROVIDER", "provider", codes)
    _span_ok(ls, "LS", "legal_status", codes)
    _span_ok(per, "CIN", "category_of_need", codes)
    _span_ok(clean["other_la_children"], "PLACE", "placement_type", codes)
    _event_ok(per, "REC", "reason_ended", "end_date", codes)
    _event_ok(pl, "REASON_PLACE_CHANGE", "reason_for_change", "end_date", codes)
    _event_ok(clean["reviews"], "REVIEW_CODE", "participation", "review_date", codes)
    cl = clean["care_leaver_contacts"]
    for field, column in (("IN_TOUCH", "in_touch"), ("ACTIV", "activity"), ("ACCOM", "accommodation")):
        _event_ok(cl, field, column, "birthday", codes)
    _event_ok(clean["social_worker_allocations"], "SW_REASON", "reason_ended", "end_date", codes)
    _event_ok(clean["children"], "ETHNIC", "ethnicity", "date_of_birth", codes)
    # dated rules: P2 only before the reform, K3 only after it and from 16, Z11-Z14 only from 2025/26
    dob = clean["children"].set_index("child_id")["date_of_birth"]
    p2 = pl[pl["placement_type"] == "P2"]
    assert (p2["end_date"].notna() & (p2["end_date"] <= REFORM)).all()
    k3 = pl[pl["placement_type"] == "K3"]
    assert (k3["start_date"] >= REFORM).all()
    supported = pl[pl["placement_type"].isin(["K3", "H5", "P2"])]
    sixteen = birthday(dob, 16).reindex(supported["child_id"]).to_numpy()
    assert (supported["start_date"].to_numpy() >= sixteen).all()  # rule 371
    assert (pl.loc[pl["placement_type"].str.match(r"^Z1\d$"), "start_date"] >= pd.Timestamp(2025, 4, 1)).all()
    assert len(k3) and pl["placement_type"].isin(["H5", "Z1", "Z11", "Z12", "Z13", "Z14"]).any()


def test_legal_status_and_placement_combinations(clean):
    pl, ls = clean["placements"], clean["legal_statuses"]
    merged = pd.merge_asof(
        pl.sort_values("start_date"),
        ls.sort_values("start_date")[["child_id", "start_date", "legal_status"]],
        on="start_date",
        by="child_id",
        direction="backward",
    )
    assert not ((merged["placement_type"] == "P1") & (merged["legal_status"] == "V2")).any()  # rule 378
    adoption = merged[merged["placement_type"].isin(["A5", "A6"])]
    assert (adoption["legal_status"] == "E1").all()  # rule 408


def test_uasc_children(clean):
    children = clean["children"].set_index("child_id")
    uasc = children[children["uasc"] == "Y"]
    assert len(uasc) > 20 and (uasc["sex"] == "M").mean() > 0.9
    eighteen = birthday(uasc["date_of_birth"], 18)
    assert (uasc["uasc_ceased_date"].isna() == (eighteen > AS_OF_TS)).all()
    assert (uasc["uasc_ceased_date"].dropna() == eighteen[uasc["uasc_ceased_date"].notna()]).all()
    pl = clean["placements"]
    assert (pl.loc[pl["child_id"].isin(uasc.index), "home_postcode"] == "").all()
    ls = clean["legal_statuses"]
    assert (ls.loc[ls["child_id"].isin(uasc.index), "legal_status"] == "V2").all()
    per = clean["periods_of_care"]
    assert (per.loc[per["child_id"].isin(uasc.index), "category_of_need"] == "N8").mean() > 0.9
    assert (children.loc[children["uasc"] == "N", "uasc_ceased_date"].isna()).all()


def test_identifiers_and_mothers(clean):
    children = clean["children"]
    assert children["child_id"].str.fullmatch(r"\d{6,8}").all() and children["child_id"].is_unique
    real = children.loc[~children["upn"].str.startswith("UN"), "upn"]
    assert len(real) > 0.5 * len(children) and real.map(is_valid_upn).all() and real.is_unique
    assert children["upn"].str.fullmatch(r"[A-Z]\d{12}|UN[1-5]").all()
    nhs = children.loc[children["nhs_number"] != "", "nhs_number"]
    assert nhs.map(is_valid_nhs_number).all() and nhs.is_unique
    mothers = children[children["is_mother"] == "Y"]
    assert (mothers["sex"] == "F").all() and mothers["first_child_date_of_birth"].notna().all()
    assert (mothers["first_child_date_of_birth"] >= birthday(mothers["date_of_birth"], 14)).all()
    assert (children.loc[children["is_mother"] != "Y", "first_child_date_of_birth"].isna()).all()


def test_identifier_check_characters():
    # weights 2..13 by position after the letter, remainder mod 23 into a table without I, O and S
    assert upn_check_letter("000000000000") == "A"
    assert upn_check_letter("100000000000") == "C"  # 1 x 2
    assert upn_check_letter("400000000000") == "J"  # 4 x 2 = 8: I is skipped
    assert upn_check_letter("000000000001") == "P"  # 1 x 13 = 13: O is skipped
    assert upn_check_letter("000000000002") == "D"  # 2 x 13 = 26 = 23 + 3
    assert is_valid_upn("J400000000000") and not is_valid_upn("A400000000000")
    assert is_valid_nhs_number("9434765919") and not is_valid_nhs_number("9434765918")


def test_reviews_follow_the_statutory_timetable(clean):
    periods = _periods(clean)
    reviews = clean["reviews"].rename(columns={"due_date": "start_date"})
    merged = _assign(reviews, periods).rename(columns={"start_date": "due_date"})
    dob = clean["children"].set_index("child_id")["date_of_birth"]
    k = merged.groupby("period").cumcount()
    first = merged[k == 0]
    expected = np.busday_offset(first["p_start"].to_numpy().astype("datetime64[D]"), 20, roll="backward")
    assert (first["due_date"].to_numpy().astype("datetime64[D]") == expected).all()
    prev_held = merged.groupby("period")["review_date"].shift()
    second = merged[k == 1]
    assert (second["due_date"] == prev_held[k == 1] + pd.DateOffset(months=3)).all()
    later = merged[k >= 2]
    assert (later["due_date"] == prev_held[k >= 2] + pd.DateOffset(months=6)).all()
    held = merged[merged["review_date"].notna()]
    assert (held["review_date"] <= AS_OF_TS).all()
    assert (held["p_end"].isna() | (held["review_date"] < held["p_end"])).all()
    assert 0.9 < (held["review_date"] <= held["due_date"]).mean() < 1
    age = (held["review_date"] - dob.reindex(held["child_id"]).to_numpy()).dt.days
    under4 = age < birthday(dob, 4).reindex(held["child_id"]).sub(dob.reindex(held["child_id"])).dt.days.to_numpy()
    assert ((held["participation"] == "PN0") == under4).all()
    assert held.loc[~under4, "participation"].isin(["PN1", "PN2", "PN3", "PN4", "PN5", "PN6"]).mean() > 0.9
    pending = merged[merged["review_date"].isna()]
    assert (pending["participation"] == "").all() and (pending["p_end"].isna()).all()
    assert (pending.groupby("period").size() == 1).all()


def test_missing_episodes_lie_inside_care_and_do_not_overlap(clean):
    missing = clean["missing_episodes"].sort_values(["child_id", "start_date"])
    merged = _assign(missing, _periods(clean))
    ends = merged["end_date"].fillna(AS_OF_TS)
    assert (merged["p_end"].isna() | (ends < merged["p_end"])).all()
    assert (merged["end_date"].isna() | (merged["end_date"] >= merged["start_date"])).all()
    assert (merged["end_date"].notna() | merged["p_end"].isna()).all()  # rule 577
    prev_end = missing.groupby("child_id")["end_date"].shift()
    assert not (missing["start_date"] <= prev_end).any()
    dob = clean["children"].set_index("child_id")["date_of_birth"]
    age = (missing["start_date"] - dob.reindex(missing["child_id"]).to_numpy()).dt.days / 365.25
    assert age.between(11.4, 18).all() and age.between(12, 18).mean() > 0.9
    assert missing["missing_type"].isin(["M", "A"]).all()
    assert missing.groupby("child_id").size().max() > 3  # repeat episodes


def test_social_worker_allocations_cover_each_period(clean):
    sw = clean["social_worker_allocations"]
    merged = _tiles(sw, _periods(clean))
    assert sw["social_worker_id"].str.fullmatch(r"SW\d{4,}").all()
    closed = sw[sw["end_date"].notna()]
    recent = closed["end_date"] >= pd.Timestamp(2023, 4, 1)
    assert (closed.loc[recent, "reason_ended"] != "").all()
    assert (closed.loc[~recent, "reason_ended"] == "").all()
    assert (sw.loc[sw["end_date"].isna(), "reason_ended"] == "").all()
    length = (merged["end_date"] - merged["start_date"]).dt.days.dropna()
    assert 150 < length.mean() < 400
    assert sw["social_worker_id"].nunique() > 20


def test_previous_permanence_for_every_child_starting_from_april_2016(clean):
    per, pp = clean["periods_of_care"], clean["previous_permanence"]
    due = set(per.loc[per["start_date"] >= pd.Timestamp(2016, 4, 1), "child_id"])
    assert set(pp["child_id"]) == due and pp["child_id"].is_unique
    assert (pp["previous_permanence"] == "Z1").mean() > 0.7
    assert pp["order_date"].str.fullmatch(r"((\d{2}|ZZ)/(\d{2}|ZZ)/(\d{4}|ZZZZ))?").all()
    assert pp["order_la"].str.fullmatch(r"(\d{3})?").all()
    none = pp["previous_permanence"] == "Z1"
    assert (pp.loc[none, ["order_la", "order_date"]] == "").all().all()
    # An order, even one not known (P4: 999, ZZ/ZZ/ZZZZ), has its authority and date (rule 630)
    assert (pp.loc[~none, ["order_la", "order_date"]] != "").all().all()
    unknown = pp["previous_permanence"] == "P4"
    assert (pp.loc[unknown, "order_la"] == "999").all() and (pp.loc[unknown, "order_date"] == "ZZ/ZZ/ZZZZ").all()


def test_care_leaver_contacts_are_for_care_leavers_at_each_birthday(clean):
    # A care leaver at a birthday (DfE's OC3 cohort): out of care on it, having left before it, after 13 weeks
    # looked after since the 14th birthday with some of it after the 16th, the last period not ending in death,
    # adoption, another authority's care or an age assessment. Leaving on the birthday is not before it (1016).
    per = _periods(clean)
    cl = clean["care_leaver_contacts"]
    dob = clean["children"].set_index("child_id")["date_of_birth"]
    ended = per["end_date"].fillna(pd.Timestamp.max)
    expected = []
    for child, rows in per.assign(ended=ended).groupby("child_id"):
        b14, b16 = dob[child] + pd.DateOffset(years=14), dob[child] + pd.DateOffset(years=16)
        for n in range(17, 22):
            b = dob[child] + pd.DateOffset(years=n)
            past = rows[rows["start_date"] <= b]
            if b > AS_OF_TS or past.empty or past["ended"].iloc[-1] >= b:
                continue
            if past["reason_ended"].iloc[-1] in ("E2", "E3", "E11", "E12", "E15"):
                continue
            to_b = past["ended"].clip(upper=b)
            after14 = (to_b - past["start_date"].clip(lower=b14)).dt.days.clip(lower=0).sum()
            if after14 >= 91 and (to_b > past["start_date"].clip(lower=b16)).any():
                expected.append((child, b))
    got = set(zip(cl["child_id"], cl["birthday"], strict=True))
    died = set(cl.loc[cl["in_touch"] == "DIED", "child_id"])
    missing = {e for e in expected if e not in got and e[0] not in died}
    assert not missing and got <= set(expected)
    not_in_touch = cl["in_touch"] != "YES"
    assert (cl.loc[not_in_touch, ["activity", "accommodation"]] == "0").all().all()
    in_touch = cl[~not_in_touch]
    assert (in_touch["activity"] != "0").all() and (in_touch["accommodation"] != "0").all()
    assert 0.75 < (~not_in_touch).mean() < 0.97
    eet = in_touch["activity"].isin(["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"]).sum() / len(cl)
    assert 0.23 <= eet <= 0.4
    age17 = (cl["birthday"] - dob.reindex(cl["child_id"]).to_numpy()).dt.days < 18 * 365
    assert not cl.loc[age17, "accommodation"].isin(["Z1", "Z2"]).any()  # rule 3001


def test_adoptions(clean):
    ad, per, pl, ls = clean["adoptions"], clean["periods_of_care"], clean["placements"], clean["legal_statuses"]
    adopted = per[per["reason_ended"].isin(["E11", "E12"])]
    assert len(adopted) > 5
    a = adopted.merge(ad, on="child_id", how="left")
    a = a[a["adoption_order_date"] == a["end_date"]]
    assert a["child_id"].is_unique and len(a) == len(adopted), "an adopted child without a complete adoption row"
    assert (a["best_interest_decision_date"] <= a["matched_date"]).all()
    assert ((a["matched_date"] < a["placed_date"]) & (a["placed_date"] < a["adoption_order_date"])).all()
    assert (a["adopter_sex"] != "").all() and (a["adopter_legal_status"] != "").all()
    assert a["number_of_adopters"].isin(["1", "2"]).all()
    last = pl.merge(adopted[["child_id", "end_date"]], on=["child_id", "end_date"])
    assert len(last) == len(adopted) and last["placement_type"].isin(["A3", "A4", "A5", "A6"]).all()  # rule 390
    placed = last.merge(a[["child_id", "placed_date"]], on="child_id")
    assert (placed["start_date"] == placed["placed_date"]).all()
    with_order = a[a["placement_order_date"].notna()]
    e1 = ls.loc[ls["legal_status"] == "E1", ["child_id", "start_date"]]
    found = with_order.merge(e1, left_on=["child_id", "placement_order_date"], right_on=["child_id", "start_date"])
    assert len(found) == len(with_order) > 0
    singles = ad[ad["number_of_adopters"] == "1"]
    assert singles["adopter_sex"].isin(["M1", "F1"]).all() and (singles["adopter_legal_status"] == "L0").all()
    reversed_ = ad[ad["decision_reversed_date"].notna()]
    assert len(reversed_) and (reversed_["decision_reversed_reason"] != "").all()


def test_dates_never_after_the_extract_date(clean):
    for entity, frame in clean.items():
        if not isinstance(frame, pd.DataFrame):
            continue
        for col in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[col]) and (entity, col) != ("reviews", "due_date"):
                assert (frame[col].dropna() <= AS_OF_TS).all(), f"{entity}.{col}"
    assert (clean["reviews"]["due_date"] > AS_OF_TS).any()


def test_plans_justice_other_authorities_and_liberty_orders(clean):
    cp = clean["child_protection_plans"].sort_values(["child_id", "start_date"])
    assert not (cp["start_date"] <= cp.groupby("child_id")["end_date"].shift()).any()
    dob = clean["children"].set_index("child_id")["date_of_birth"]
    assert (cp["start_date"].to_numpy() >= dob.reindex(cp["child_id"]).to_numpy()).all()
    yj = clean["youth_justice"]
    age = (yj["outcome_date"] - dob.reindex(yj["child_id"]).to_numpy()).dt.days / 365.25
    assert age.between(10, 18).all() and len(yj)
    ola = clean["other_la_children"]
    lookup = pd.read_csv(ROOT / "seeds" / "ltla21_to_utla21.csv", dtype=str)
    assert ola["placing_la"].isin(set(lookup["UTLA21CD"]) - {"E10000016"}).all()
    assert not ola.duplicated(["placing_la", "child_reference", "start_date"]).any()
    dolo = clean["deprivation_of_liberty_orders"]
    pl = clean["placements"]
    merged = pd.merge_asof(
        dolo.sort_values("start_date"),
        pl.sort_values("start_date")[["child_id", "start_date", "end_date", "placement_type"]].rename(
            columns={"start_date": "ps", "end_date": "pe"}
        ),
        left_on="start_date",
        right_on="ps",
        by="child_id",
        direction="backward",
    )
    assert merged["placement_type"].isin(["K2", "Z12", "Z13"]).all()  # rule 709
    # ends by the day before the child moves on: an order in force on the next placement's first day covers it
    assert (merged["pe"].isna() | (merged["end_date"].notna() & (merged["end_date"] < merged["pe"]))).all()


def test_histories_hold_what_the_903_rules_expect(clean):
    pl = clean["placements"].sort_values(["child_id", "start_date"]).reset_index(drop=True)
    # Every placement has an address, temporary ones too (392b, 169); only parents live at the home (392d).
    assert (pl["placement_postcode"] != "").all()
    same = pl["placement_postcode"].str.replace(" ", "") == pl["home_postcode"].str.replace(" ", "")
    assert (pl.loc[same, "placement_type"] == "P1").all()
    # No URN for settings Ofsted does not register (222).
    unregistered = pl["placement_type"].isin(["P1", "P3", "R1", "R2", "R5"])
    assert pl.loc[unregistered, "urn"].isin(["", "XXXXXXX"]).all()
    # A move, other than a change of code for the same placement (PLACE), is to another carer (435).
    prev = pl.groupby("child_id").shift()
    moved = prev["end_date"].eq(pl["start_date"]) & ~prev["reason_for_change"].isin(["", "PLACE"])
    assert not (moved & (prev["carer_id"] == pl["carer_id"]) & (pl["carer_id"] != "")).any()
    # No change of legal status while a child is away in a temporary placement or on the day they return (380, 383).
    temporary = pl[pl["placement_type"].isin(TEMPORARY)]
    changes = clean["legal_statuses"].merge(temporary, on="child_id", suffixes=("", "_temporary"))
    assert not (
        (changes["start_date"] > changes["start_date_temporary"])
        & (changes["start_date"] <= changes["end_date_temporary"])
    ).any()
    # A placement order does not outlive a reversed decision to place for adoption (553).
    ad = clean["adoptions"]
    reversed_ = ad[ad["decision_reversed_date"].notna()].set_index("child_id")["decision_reversed_date"]
    ls = clean["legal_statuses"]
    e1 = ls[(ls["legal_status"] == "E1") & ls["child_id"].isin(reversed_.index)]
    assert (e1["end_date"].notna() & (e1["end_date"] <= reversed_.reindex(e1["child_id"]).to_numpy())).all()
    assert (ad["decision_reversed_date"].isna() == (ad["decision_reversed_reason"] == "")).all()
    # No foyer for care leavers at 17 or 18 (347).
    cl = clean["care_leaver_contacts"]
    dob = clean["children"].set_index("child_id")["date_of_birth"]
    young = (cl["birthday"] - dob.reindex(cl["child_id"]).to_numpy()).dt.days < 19 * 365
    assert not cl.loc[young, "accommodation"].str.startswith("T").any()


def test_a_temporary_placement_holds_no_change_of_legal_status(monkeypatch):
    """A temporary placement episode starts with a move (RNE P or B, rule 380) and the next episode is the return to
    the same placement (RNE P, rule 383): a legal status changing while the child is away, or on the day they come
    back, would be an episode DfE's 903 cannot hold. Every period here has a temporary placement drawn and a change
    of legal status every 9 days: the interludes are moved clear of the changes (or left out where none fits)."""
    monkeypatch.setattr(calibration, "TEMPORARY_PLACEMENT_SHARE", 1.0)
    start = to_day(date(2021, 6, 1))
    changes = list(range(start + 9, start + 400, 9))
    interludes = 0
    for seed in range(100):
        child = Child(1, start - int(8 * YEAR), "F", False, "WBRI", False, 0, start + 3000, start + 3700, 0)
        period = Period(
            start, start + 400, "E13", "N1", "long_term", [("C2", start), *(("C2", d) for d in changes)], []
        )
        segs = period_placements(random.Random(seed), CarerTokens(), child, period, start + 1000)
        for (typ, away, *_), (_typ, back, *_rest) in zip(segs, segs[1:], strict=False):
            if typ in TEMPORARY:
                interludes += 1
                assert not [d for d in changes if away < d <= back], (seed, away, back)
    assert interludes > 20  # the interludes are still there where they fit


def test_no_placement_is_drawn_over_350_miles_from_home():
    """DfE rule 454 (2025/26): a placement over 350 miles from home is an error. A setting far away is drawn with
    distance barely weighed (a residential school anywhere): the Isles of Scilly, 354 miles from Thanet, never."""
    thanet, scilly, york = (637_000, 168_000), (91_000, 11_000), (460_000, 452_000)
    origins = np.full(2000, thanet[0], dtype=float), np.full(2000, thanet[1], dtype=float)
    pool = np.array([scilly[0], york[0]], dtype=float), np.array([scilly[1], york[1]], dtype=float)
    picks = pick_nearby(np.random.default_rng(1), *origins, *pool, 1e9)
    assert (picks == 1).all()  # York, about 210 miles away


# ------------------------------------------------------------------------------------------ calibration
def test_calibration_at_kent_scale(tmp_path):
    summary = generate(tmp_path, seed=1, scale=1.0)
    t = read_csv_dir(tmp_path, "case_system")
    day = pd.Timestamp(2026, 3, 31)
    per, children = t["periods_of_care"], t["children"].set_index("child_id")
    open_ = per[(per["start_date"] <= day) & (per["end_date"].isna() | (per["end_date"] > day))]
    ids = open_["child_id"].unique()
    assert 1600 <= len(ids) <= 2200
    assert 0.15 <= (children.loc[ids, "uasc"] == "Y").mean() <= 0.25
    year_start = day - pd.DateOffset(years=1) + pd.DateOffset(days=1)
    pl = t["placements"]
    in_year = pl[
        pl["child_id"].isin(ids) & (pl["start_date"] <= day) & (pl["end_date"].isna() | (pl["end_date"] >= year_start))
    ]
    in_year = in_year[~in_year["placement_type"].isin(TEMPORARY)]
    three = (in_year.groupby("child_id").size() >= 3).sum() / len(ids)
    assert 0.06 <= three <= 0.13
    cl = t["care_leaver_contacts"]
    leavers = pd.Index(cl["child_id"].unique())
    dob = children["date_of_birth"].reindex(leavers)
    aged = (birthday(dob, 17) <= day) & (birthday(dob, 22) > day)
    left = per.groupby("child_id")["end_date"].max().reindex(leavers) <= day
    assert 800 <= int((aged & left & ~leavers.isin(per.loc[per["end_date"].isna(), "child_id"])).sum()) <= 1300
    starters = per[(per["start_date"] >= year_start) & (per["start_date"] <= day)]
    assert 700 <= len(starters) <= 1150
    assert 0.55 <= (children.loc[ids, "sex"] == "M").mean() <= 0.67
    assert summary["in_care_31_march"]["2026-03-31"] == len(ids)


# ------------------------------------------------------------------------------------------ faults
def _extra(faulted, record, i=0) -> Path:
    return faulted["folder"] / record["files"][i]


def test_manifest_lists_every_fault(faulted):
    from synthetic.faults import ALL_FAULTS

    assert list(faulted["manifest"]["faults"]) == list(ALL_FAULTS)
    for name, record in faulted["manifest"]["faults"].items():
        assert record["fault"] == name and record["description"]
        for f in record["files"]:
            assert (faulted["folder"] / f).exists(), f


def test_care_leaver_status_unknown(faulted):
    rec = faulted["manifest"]["faults"]["care_leaver_status_unknown"]
    t = read_csv_dir(faulted["folder"], "case_system")
    cl = t["care_leaver_contacts"]
    dob = t["children"].set_index("child_id")["date_of_birth"]
    age = cl["birthday"].dt.year - dob.reindex(cl["child_id"]).dt.year.to_numpy()
    cohort = cl[
        (cl["birthday"] >= pd.Timestamp(2025, 4, 1))
        & (cl["birthday"] <= pd.Timestamp(2026, 3, 31))
        & age.between(19, 21)
    ]
    assert rec["count"] > 5 and len(rec["child_ids"]) > 5
    assert 0.45 < (cohort["in_touch"] == "NO").mean() < 0.65
    changed = cohort[cohort["child_id"].isin(rec["child_ids"])]
    assert (changed["in_touch"] == "NO").all() and (changed[["activity", "accommodation"]] == "0").all().all()
    other_years = cl[(cl["birthday"] < pd.Timestamp(2025, 4, 1))]
    assert (other_years["in_touch"] == "NO").mean() < 0.2


def test_review_participation_miscoded(faulted, faulted_twin):
    rec = faulted["manifest"]["faults"]["review_participation_miscoded"]
    clean_summary = faulted_twin["summary"]
    clean_reviews = pd.read_csv(
        faulted_twin["folder"] / "case_system" / "reviews.csv", dtype=str, keep_default_na=False
    )
    reviews = pd.read_csv(faulted["folder"] / "case_system" / "reviews.csv", dtype=str, keep_default_na=False)
    moved = pd.read_csv(
        faulted["folder"] / "case_system" / "reviews_extra_column.csv", dtype=str, keep_default_na=False
    )
    both = pd.concat([reviews, moved[reviews.columns]])
    added = (both["participation"] == "PN7").sum() - (clean_reviews["participation"] == "PN7").sum()
    assert added == rec["count"] and rec["count"] > 0
    assert abs(rec["count"] / rec["attended_reviews"] - 0.05) < 0.01
    assert set(rec["child_ids"]) <= set(both.loc[both["participation"] == "PN7", "child_id"])
    assert clean_summary["rows"]["reviews"] == len(both)


def test_education_upn_unmatched(faulted):
    rec = faulted["manifest"]["faults"]["education_upn_unmatched"]
    children = pd.read_csv(faulted["folder"] / "case_system" / "children.csv", dtype=str, keep_default_na=False)
    extra = [
        pd.read_csv(f, dtype=str, keep_default_na=False)
        for f in (faulted["folder"] / "case_system").glob("children_*.csv")
        if f.stat().st_size and "cp1252" not in f.name and "utf8_bom" not in f.name
    ]
    upns = set(children["upn"]).union(*(set(e["upn"]) for e in extra))
    for enc, name in (("cp1252", "children_cp1252.csv"), ("utf-8-sig", "children_utf8_bom.csv")):
        upns |= set(pd.read_csv(faulted["folder"] / "case_system" / name, dtype=str, encoding=enc)["upn"])
    unmatched = 0
    for f in rec["files"]:
        rows = pd.read_csv(faulted["folder"] / f, dtype=str, keep_default_na=False)
        real = rows[~rows["upn"].str.startswith("UN")]
        unmatched += (~real["upn"].isin(upns)).sum()
        assert real["upn"].map(is_valid_upn).all()
    assert unmatched == rec["count"] and 20 <= rec["count"] <= 40


def test_bad_input_files(faulted):
    f = faulted["manifest"]["faults"]
    folder = faulted["folder"]
    part2 = pd.read_csv(_extra(faulted, f["missing_required_column"]), dtype=str)
    assert "missing_type" not in part2.columns and len(part2) == f["missing_required_column"]["count"] > 0
    main = pd.read_csv(folder / "case_system" / "missing_episodes.csv", dtype=str)
    copied = set(zip(part2["child_id"], part2["start_date"], strict=True))
    # rows that cannot load are copies: the originals stay in the main file, so nothing the return needs is lost
    assert f["missing_required_column"]["originals_kept"]
    assert copied <= set(zip(main["child_id"], main["start_date"], strict=True))
    extra_col = pd.read_csv(_extra(faulted, f["unknown_column"]), dtype=str)
    assert "case_note_flag" in extra_col.columns and len(extra_col) == f["unknown_column"]["count"]
    assert _extra(faulted, f["empty_file"]).stat().st_size == 0
    header_only = _extra(faulted, f["header_only_file"]).read_text().splitlines()
    assert len(header_only) == 1 and header_only[0].startswith("child_id,")
    semi = _extra(faulted, f["wrong_delimiter"]).read_text().splitlines()
    assert ";" in semi[0] and "," not in semi[0] and len(semi) - 1 == f["wrong_delimiter"]["count"]
    corrupt = _extra(faulted, f["corrupt_xlsx"])
    assert corrupt.suffix == ".xlsx" and not zipfile.is_zipfile(corrupt)
    placements = pd.read_csv(folder / "case_system" / "placements.csv", dtype=str, keep_default_na=False)
    dups = pd.read_csv(_extra(faulted, f["duplicate_rows"]), dtype=str, keep_default_na=False)
    assert len(dups) == f["duplicate_rows"]["count"] > 0
    assert len(dups.merge(placements, how="inner")) == len(dups)  # exact copies of main rows
    children = pd.read_csv(folder / "case_system" / "children.csv", dtype=str, keep_default_na=False)
    conflicts = pd.read_csv(_extra(faulted, f["duplicate_keys"]), dtype=str, keep_default_na=False)
    joined = conflicts.merge(children, on="child_id", suffixes=("", "_main"))
    assert len(joined) == len(conflicts) > 0 and (joined["ethnicity"] != joined["ethnicity_main"]).all()
    future = pd.read_csv(_extra(faulted, f["future_dates"]), dtype=str)
    assert (pd.to_datetime(future["start_date"], format="%d/%m/%Y") > AS_OF_TS).all()
    backwards = pd.read_csv(_extra(faulted, f["end_before_start"]), dtype=str)
    s, e = (pd.to_datetime(backwards[c], format="%d/%m/%Y") for c in ("start_date", "end_date"))
    assert (e < s).all() and len(backwards) == f["end_before_start"]["count"]
    invalid = pd.read_csv(_extra(faulted, f["invalid_codes"]), dtype=str)
    assert invalid["activity"].isin(["F3", "P3"]).all() and invalid["accommodation"].isin(["S1", "X1"]).all()
    floats = pd.read_csv(_extra(faulted, f["float_ids"]), dtype=str)
    assert floats["child_id"].str.fullmatch(r"\d+\.0").all()
    assert set(floats["child_id"].str[:-2]) == set(f["float_ids"]["child_ids"])


def test_encodings(faulted):
    f = faulted["manifest"]["faults"]
    bom = _extra(faulted, f["utf8_bom"]).read_bytes()
    assert (
        bom.startswith(b"\xef\xbb\xbf")
        and len(pd.read_csv(_extra(faulted, f["utf8_bom"]), encoding="utf-8-sig")) == f["utf8_bom"]["count"]
    )
    utf16 = _extra(faulted, f["utf16"]).read_bytes()
    assert utf16[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert len(pd.read_csv(_extra(faulted, f["utf16"]), encoding="utf-16")) == f["utf16"]["count"] > 0
    cp = _extra(faulted, f["cp1252"]).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        cp.decode("utf-8")
    names = pd.read_csv(_extra(faulted, f["cp1252"]), encoding="cp1252", dtype=str)
    assert (~(names["first_name"] + names["last_name"]).map(str.isascii)).all()


def test_every_moved_row_is_still_in_some_file(faulted, faulted_twin):
    clean_summary = faulted_twin["summary"]
    counts = {}
    for path, rows in faulted["manifest"]["files"].items():
        entity = Path(path).name.split(".")[0]
        for name in columns_of("case_system"):
            if entity == name or entity.startswith(name + "_"):
                counts[name] = counts.get(name, 0) + rows
    faults = faulted["manifest"]["faults"]
    copies = {"placements": faults["duplicate_rows"]["count"], "children": faults["duplicate_keys"]["count"]}
    for fault in faults.values():
        if isinstance(fault, dict) and fault.get("originals_kept"):
            copies[fault["entity"]] = copies.get(fault["entity"], 0) + fault["count"]
    for entity, rows in clean_summary["rows"].items():
        if entity in counts:
            assert counts[entity] - copies.get(entity, 0) == rows, entity


# ------------------------------------------------------------------------------------------ xlsx
def test_xlsx_output_is_readable_by_openpyxl(tmp_path):
    import openpyxl

    summary = generate(tmp_path, seed=5, scale=0.02, file_format="xlsx")
    books = sorted((tmp_path / "case_system").glob("*.xlsx"))
    assert len(books) == len(columns_of("case_system")) and not list((tmp_path / "case_system").glob("*.csv"))
    for book in books:
        wb = openpyxl.load_workbook(book, read_only=True)
        assert len(wb.sheetnames) == 1
        rows = list(wb.active.iter_rows(values_only=True))
        entity = book.stem
        expected = columns("case_system", entity)
        if entity == "children":
            expected = [expected[0], "first_name", "last_name", *expected[1:]]
        assert list(rows[0]) == expected
        assert len(rows) - 1 == summary["rows"][entity]
    wb = openpyxl.load_workbook(tmp_path / "case_system" / "periods_of_care.xlsx", read_only=True)
    first = next(wb.active.iter_rows(min_row=2, values_only=True))
    assert hasattr(first[1], "year")  # a real date cell
    mixed = generate(tmp_path / "mixed", seed=5, scale=0.01, file_format="mixed")
    kinds = {Path(p).suffix for p in mixed["files"]}
    assert kinds == {".csv", ".xlsx"}
