"""The simulated case-system histories written as Standard Safeguarding Dataset (SSD) tables.

`cla generate --layout ssd` writes what a case system's SSD script would have built from the same lives: one
CSV per `ssd_*` table, SSD column names, dates as SQL Server writes them (`2024-12-10 00:00:00.000`), and the
habits of the SystemC (Liquidlogic) build described in shared/reference/ssd/ssd_notes.md: lookup descriptions
instead of codes for legal status, review participation and care-leaver items, RNE and REC as descriptions
that start with the code, the raw missing status, `1900-01-01` and `SSD_PH` placeholders, a Y-or-blank mother
flag, and the legacy id in `ssd_permanence.perm_person_id`. It holds no carer id (the SSD has none); the
episodes carry RNE instead, from which the adapter recovers "same carer".

The SSD has no table for children placed here by other authorities or for deprivation-of-liberty orders;
those stay in our own layout (landing/case_system/), as an authority would supply them.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from synthetic import writing

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "ssda903_codes.csv"
# Entities the SSD cannot carry: written in our own layout alongside the SSD tables.
NOT_IN_SSD = ("other_la_children", "deprivation_of_liberty_orders")
PLACEHOLDER_DATE = "1900-01-01 00:00:00.000"
HOME_ADDRESS = "HOME"
CASE_WORKER = "CW"

DISABILITY_CODE = "LD"  # the flag is all we simulate; one national code stands for "has a disability"
CP_CATEGORY = {"NEG": "Neglect", "PHY": "Physical abuse", "SEX": "Sexual abuse", "EMO": "Emotional abuse"}
CP_CATEGORY["MUL"] = "Multiple"
YOUTH_JUSTICE = {
    "CONVICTION": "Conviction",
    "CAUTION": "Youth caution",
    "CONDITIONAL_CAUTION": "Youth conditional caution",
}
MISSING = {"M": "Missing", "A": "Away from placement without authorisation"}
NON_CARE_STATUS = {"E41": "Child Arrangements Order", "E45": "Special Guardianship Order"}
NON_CARE_STATUS |= {"E46": NON_CARE_STATUS["E45"], "E47": NON_CARE_STATUS["E45"], "E48": NON_CARE_STATUS["E45"]}


@cache
def descriptions(field: str) -> dict[str, str]:
    """DfE's description of each code of a 903 field (the latest wording)."""
    with open(SEEDS, newline="", encoding="utf-8") as f:
        return {row["code"]: row["description"] for row in csv.DictReader(f) if row["field"] == field}


def legacy_id(child_id: pd.Series) -> pd.Series:
    """The case system's older person number (SystemC LEGACY_ID), distinct from the person id."""
    return "L" + child_id.astype(str)


def _when(values: pd.Series) -> pd.Series:
    """Dates as SQL Server's DATETIME prints them; blank for none."""
    parsed = pd.to_datetime(values, errors="coerce", dayfirst=True)
    return parsed.dt.strftime("%Y-%m-%d 00:00:00.000").fillna("")


def _dates(frame: pd.DataFrame, *names: str) -> pd.DataFrame:
    out = frame.copy()
    for name in names:
        out[name] = pd.to_datetime(out[name], errors="coerce", dayfirst=True)
    return out


def _described(codes: pd.Series, field: str, with_code: bool) -> pd.Series:
    words = descriptions(field)
    text = codes.map(lambda c: (f"{c} - {words[c]}" if with_code else words[c]) if c in words else c)
    return text.fillna("")


def _ids(prefix: str, n: int) -> list[str]:
    return [f"{prefix}{i:06d}" for i in range(1, n + 1)]


def ssd_tables(case: dict[str, pd.DataFrame], names: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The SSD tables holding the same lives as the case-system tables (as the generator built them)."""
    case = {entity: writing.as_text(frame, "case_system", entity) for entity, frame in case.items()}
    case = {e: f.replace("", np.nan) for e, f in case.items()}
    periods = _periods(case["periods_of_care"])
    episodes = care_episodes(periods, case["legal_statuses"], case["placements"])
    return {
        "ssd_person": _person(case["children"], names),
        "ssd_disability": _disability(case["children"]),
        "ssd_immigration_status": _immigration(case["children"], periods),
        "ssd_mother": _mother(case["children"]),
        "ssd_cla_episodes": episodes,
        "ssd_legal_status": _legal_status(case["legal_statuses"], periods),
        "ssd_cla_placement": _placement(case["placements"], periods),
        "ssd_address": _address(case["placements"]),
        "ssd_cla_reviews": _reviews(case["reviews"], periods),
        "ssd_missing": _missing(case["missing_episodes"]),
        "ssd_permanence": _permanence(case["adoptions"], periods),
        "ssd_care_leavers": _care_leavers(case["care_leaver_contacts"]),
        "ssd_cla_previous_permanence": _previous_permanence(case["previous_permanence"]),
        **_workers(case["social_worker_allocations"], case["children"]),
        "ssd_cp_plans": _cp_plans(case["child_protection_plans"]),
        "ssd_cla_convictions": _convictions(case["youth_justice"]),
    }


def write_ssd(folder: Path, tables: dict[str, pd.DataFrame]) -> dict[str, int]:
    """One UTF-8 CSV per SSD table, named after the table; returns rows written per file."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, frame in tables.items():
        path = folder / f"{name}.csv"
        frame.fillna("").to_csv(path, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        written[f"ssd/{path.name}"] = len(frame)
    return written


# --- periods and 903-style episodes -------------------------------------------------------------------------


def _periods(periods: pd.DataFrame) -> pd.DataFrame:
    out = _dates(periods, "start_date", "end_date").sort_values(["child_id", "start_date"]).reset_index(drop=True)
    out["cla_id"] = _ids("CLA", len(out))
    return out


def _period_of(frame: pd.DataFrame, day_column: str, periods: pd.DataFrame) -> pd.Series:
    """The period of care (cla_id) each row's date falls in, or blank."""
    rows = _dates(frame[["child_id", day_column]], day_column).reset_index()
    rows = rows.rename(columns={day_column: "day"})
    known = rows.dropna(subset=["day"]).sort_values("day")
    found = pd.merge_asof(
        known,
        periods[["child_id", "start_date", "end_date", "cla_id"]].sort_values("start_date"),
        left_on="day",
        right_on="start_date",
        by="child_id",
    )
    inside = found["end_date"].isna() | (found["day"] <= found["end_date"])
    found.loc[~inside, "cla_id"] = np.nan
    return found.set_index("index")["cla_id"].reindex(frame.index)


def care_episodes(periods: pd.DataFrame, legal: pd.DataFrame, placements: pd.DataFrame) -> pd.DataFrame:
    """903 episodes, as a case system's own episode table holds them: a new episode whenever the legal status
    or the placement changes within a period of care, with RNE saying what changed."""
    legal = _dates(legal, "start_date", "end_date")
    placements = _dates(placements, "start_date", "end_date")
    starts = [periods[["child_id", "cla_id", "start_date"]].rename(columns={"start_date": "day"})]
    for history in (legal, placements):
        inside = history.merge(
            periods[["child_id", "cla_id", "start_date", "end_date"]], on="child_id", suffixes=("", "_p")
        )
        inside = inside[
            (inside["start_date"] > inside["start_date_p"])
            & (inside["end_date_p"].isna() | (inside["start_date"] < inside["end_date_p"]))
        ]
        starts.append(inside[["child_id", "cla_id", "start_date"]].rename(columns={"start_date": "day"}))
    points = pd.concat(starts).drop_duplicates().sort_values("day").reset_index(drop=True)
    points = _covering(points, legal[["child_id", "legal_status", "start_date", "end_date"]], "legal_status")
    points = _covering(
        points, placements[["child_id", "placement_id", "carer_id", "start_date", "end_date"]], "placement_id"
    )
    points = points.sort_values(["cla_id", "day"]).reset_index(drop=True)
    same_period = points["cla_id"].eq(points["cla_id"].shift())
    ls_changed = points["legal_status"].fillna("").ne(points["legal_status"].shift().fillna(""))
    pl_changed = points["placement_id"].fillna("").ne(points["placement_id"].shift().fillna(""))
    same_carer = points["carer_id"].notna() & points["carer_id"].eq(points["carer_id"].shift())
    episodes = points[~same_period | ls_changed | pl_changed].copy()
    first = ~episodes["cla_id"].eq(episodes["cla_id"].shift())
    ls_changed, pl_changed, same_carer = (
        ls_changed[episodes.index],
        pl_changed[episodes.index],
        same_carer[episodes.index],
    )
    episodes["rne"] = np.select(
        [first, ls_changed & ~pl_changed, pl_changed & ~ls_changed & same_carer, pl_changed & ~ls_changed, same_carer],
        ["S", "L", "T", "P", "U"],
        "B",
    )
    period = periods.set_index("cla_id")
    episodes = episodes.reset_index(drop=True)
    last = ~episodes["cla_id"].eq(episodes["cla_id"].shift(-1))
    episodes["dec"] = episodes["day"].shift(-1).where(~last, episodes["cla_id"].map(period["end_date"]))
    episodes["rec"] = np.where(last, episodes["cla_id"].map(period["reason_ended"]), "X1")
    return pd.DataFrame(
        {
            "clae_cla_episode_id": _ids("EP", len(episodes)),
            "clae_person_id": episodes["child_id"],
            "clae_cla_placement_id": episodes["placement_id"],
            "clae_cla_episode_start_date": _when(episodes["day"]),
            "clae_cla_episode_start_reason": _described(episodes["rne"], "RNE", with_code=True),
            "clae_cla_primary_need_code": episodes["cla_id"].map(period["category_of_need"]),
            "clae_cla_episode_ceased_date": _when(episodes["dec"]),
            "clae_cla_episode_ceased_reason": _described(episodes["rec"].replace("nan", np.nan), "REC", with_code=True),
            "clae_cla_id": episodes["cla_id"],
            "clae_referral_id": "",
            "clae_cla_last_iro_contact_date": "",
            "clae_entered_care_date": _when(episodes["cla_id"].map(period["start_date"])),
        }
    )


def _covering(points: pd.DataFrame, history: pd.DataFrame, key: str) -> pd.DataFrame:
    """Each change point with the history row in force on its day (started on or before, not yet ended)."""
    found = pd.merge_asof(
        points, history.sort_values("start_date"), left_on="day", right_on="start_date", by="child_id"
    )
    ended = found["end_date"].notna() & (found["end_date"] <= found["day"])
    found.loc[ended, [c for c in history.columns if c not in ("child_id", "start_date", "end_date")]] = np.nan
    return found.drop(columns=["start_date", "end_date"])


# --- the person and what hangs off the person ----------------------------------------------------------------


def _person(children: pd.DataFrame, names: pd.DataFrame) -> pd.DataFrame:
    named = children.merge(names, on="child_id", how="left")
    no_upn = named["upn"].fillna("").str.startswith("UN")
    return pd.DataFrame(
        {
            "pers_legacy_id": legacy_id(named["child_id"]),
            "pers_person_id": named["child_id"],
            "pers_upn": named["upn"].where(~no_upn, ""),
            "pers_forename": named["first_name"],
            "pers_surname": named["last_name"],
            "pers_sex": named["sex"],
            "pers_gender": named["sex"],
            "pers_ethnicity": named["ethnicity"],
            "pers_dob": _when(named["date_of_birth"]),
            "pers_single_unique_id": named["nhs_number"],
            "pers_upn_unknown": named["upn"].where(no_upn, ""),
            "pers_send_flag": "SSD_PH",
            "pers_expected_dob": "",
            "pers_death_date": "",
            "pers_is_mother": named["is_mother"],
            "pers_nationality": "",
        }
    )


def _disability(children: pd.DataFrame) -> pd.DataFrame:
    known = children[children["disability"].isin(["Y", "N"])]
    return pd.DataFrame(
        {
            "disa_table_id": _ids("DIS", len(known)),
            "disa_person_id": known["child_id"].to_numpy(),
            "disa_disability_code": np.where(known["disability"] == "Y", DISABILITY_CODE, "NONE"),
        }
    )


def _immigration(children: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    uasc = children[children["uasc"] == "Y"]
    first_start = periods.groupby("child_id")["start_date"].min()
    return pd.DataFrame(
        {
            "immi_immigration_status_id": _ids("IMM", len(uasc)),
            "immi_person_id": uasc["child_id"].to_numpy(),
            "immi_immigration_status_start_date": _when(uasc["child_id"].map(first_start)).to_numpy(),
            "immi_immigration_status_end_date": _when(uasc["uasc_ceased_date"]).to_numpy(),
            "immi_immigration_status": "Unaccompanied Asylum Seeking Child",
        }
    )


def _mother(children: pd.DataFrame) -> pd.DataFrame:
    mothers = children[children["first_child_date_of_birth"].notna()]
    return pd.DataFrame(
        {
            "moth_table_id": _ids("MOT", len(mothers)),
            "moth_person_id": mothers["child_id"].to_numpy(),
            "moth_childs_person_id": _ids("BABY", len(mothers)),
            "moth_childs_dob": _when(mothers["first_child_date_of_birth"]).to_numpy(),
        }
    )


# --- looked-after histories ----------------------------------------------------------------------------------


def _legal_status(legal: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """Legal statuses as lookup descriptions, and the orders that end care (SGO, CAO) as the SSD also holds
    them: statuses that are not care statuses."""
    orders = periods[periods["reason_ended"].isin(list(NON_CARE_STATUS))]
    after_care = pd.DataFrame(
        {
            "child_id": orders["child_id"],
            "text": orders["reason_ended"].map(NON_CARE_STATUS),
            "start_date": _when(orders["end_date"]),
            "end_date": "",
        }
    )
    in_care = pd.DataFrame(
        {
            "child_id": legal["child_id"],
            "text": _described(legal["legal_status"], "LS", with_code=False),
            "start_date": _when(legal["start_date"]),
            "end_date": _when(legal["end_date"]),
        }
    )
    both = pd.concat([in_care, after_care], ignore_index=True)
    return pd.DataFrame(
        {
            "lega_legal_status_id": _ids("LEG", len(both)),
            "lega_person_id": both["child_id"],
            "lega_legal_status": both["text"],
            "lega_legal_status_start_date": both["start_date"],
            "lega_legal_status_end_date": both["end_date"],
        }
    )


def _placement(placements: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "clap_cla_placement_id": placements["placement_id"],
            "clap_cla_id": _period_of(placements, "start_date", periods),
            "clap_person_id": placements["child_id"],
            "clap_cla_placement_start_date": _when(placements["start_date"]),
            "clap_cla_placement_type": placements["placement_type"],
            "clap_cla_placement_urn": placements["urn"],
            "clap_cla_placement_distance": "",
            "clap_cla_placement_provider": placements["provider"],
            "clap_cla_placement_postcode": placements["placement_postcode"],
            "clap_cla_placement_end_date": _when(placements["end_date"]),
            "clap_cla_placement_change_reason": placements["reason_for_change"],
        }
    )


def _address(placements: pd.DataFrame) -> pd.DataFrame:
    """Home addresses as spells: consecutive placements of a child with the same home postcode share one."""
    rows = _dates(placements, "start_date", "end_date").sort_values(["child_id", "start_date"])
    new_spell = rows["child_id"].ne(rows["child_id"].shift()) | rows["home_postcode"].fillna("").ne(
        rows["home_postcode"].shift().fillna("")
    )
    rows["spell"] = new_spell.cumsum()
    spells = rows[rows["home_postcode"].notna()].groupby("spell", sort=True)
    spells = spells.agg(
        child_id=("child_id", "first"),
        postcode=("home_postcode", "first"),
        start=("start_date", "min"),
        end=("end_date", lambda s: pd.NaT if s.isna().any() else s.max()),
    )
    return pd.DataFrame(
        {
            "addr_table_id": _ids("ADR", len(spells)),
            "addr_person_id": spells["child_id"].to_numpy(),
            "addr_address_type": HOME_ADDRESS,
            "addr_address_start_date": _when(spells["start"]).to_numpy(),
            "addr_address_end_date": _when(spells["end"]).to_numpy(),
            "addr_address_postcode": spells["postcode"].to_numpy(),
            "addr_address_json": "",
        }
    )


def _reviews(reviews: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "clar_cla_review_id": _ids("REV", len(reviews)),
            "clar_cla_id": _period_of(reviews, "due_date", periods).to_numpy(),
            "clar_cla_person_id": reviews["child_id"].to_numpy(),
            "clar_cla_review_due_date": _when(reviews["due_date"]).to_numpy(),
            "clar_cla_review_date": _when(reviews["review_date"]).to_numpy(),
            "clar_cla_review_cancelled": "N",
            "clar_cla_review_participation": _described(
                reviews["participation"], "REVIEW_CODE", with_code=False
            ).to_numpy(),
        }
    )


def _missing(missing: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "miss_table_id": _ids("MIS", len(missing)),
            "miss_person_id": missing["child_id"].to_numpy(),
            "miss_missing_episode_start_date": _when(missing["start_date"]).to_numpy(),
            "miss_missing_episode_type": missing["missing_type"].map(MISSING).to_numpy(),
            "miss_missing_episode_end_date": _when(missing["end_date"]).to_numpy(),
            "miss_missing_rhi_offered": missing["return_interview_offered"].fillna("NA").to_numpy(),
            "miss_missing_rhi_accepted": missing["return_interview_accepted"].fillna("NA").to_numpy(),
        }
    )


def _permanence(adoptions: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """SystemC 1.4.5 puts the legacy id in perm_person_id (ssd_notes.md §4); the period id still links."""
    order_type = np.where(adoptions["adoption_order_date"].notna(), "Adoption", "")
    return pd.DataFrame(
        {
            "perm_table_id": _ids("PERM", len(adoptions)),
            "perm_person_id": legacy_id(adoptions["child_id"]).to_numpy(),
            "perm_cla_id": _period_of(adoptions, "best_interest_decision_date", periods).to_numpy(),
            "perm_adm_decision_date": _when(adoptions["best_interest_decision_date"]).to_numpy(),
            "perm_part_of_sibling_group": "",
            "perm_siblings_placed_together": "",
            "perm_siblings_placed_apart": "",
            "perm_ffa_cp_decision_date": "",
            "perm_placement_order_date": _when(adoptions["placement_order_date"]).to_numpy(),
            "perm_matched_date": _when(adoptions["matched_date"]).to_numpy(),
            "perm_adopter_sex": adoptions["adopter_sex"].to_numpy(),
            "perm_adopter_legal_status": adoptions["adopter_legal_status"].to_numpy(),
            "perm_number_of_adopters": adoptions["number_of_adopters"].to_numpy(),
            "perm_placed_for_adoption_date": _when(adoptions["placed_date"]).to_numpy(),
            "perm_adopted_by_carer_flag": adoptions["adopted_by_foster_carer"].to_numpy(),
            "perm_placed_foster_carer_date": PLACEHOLDER_DATE,
            "perm_placed_ffa_cp_date": "",
            "perm_placement_provider_urn": "",
            "perm_decision_reversed_date": _when(adoptions["decision_reversed_date"]).to_numpy(),
            "perm_decision_reversed_reason": adoptions["decision_reversed_reason"].to_numpy(),
            "perm_permanence_order_date": _when(adoptions["adoption_order_date"]).to_numpy(),
            "perm_permanence_order_type": order_type,
            "perm_adoption_worker_id": "",
        }
    )


def _care_leavers(contacts: pd.DataFrame) -> pd.DataFrame:
    """One row per contact record. A 'not in touch' record has no contact; its record date (the birthday it
    reports on) stands in the contact column, as a case system's record date would."""
    accommodation = contacts["accommodation"].fillna("")
    letter = accommodation.str[:1]
    suitable = accommodation.str[1:].map({"1": "Suitable", "2": "Not suitable"}).fillna("")
    words = descriptions("ACCOM")
    letter_text = accommodation.map(lambda c: f"{c[0]} - {words[c].split(':')[0]}" if c in words else "")
    return pd.DataFrame(
        {
            "clea_table_id": _ids("CLEA", len(contacts)),
            "clea_person_id": contacts["child_id"].to_numpy(),
            "clea_care_leaver_eligibility": "Former Relevant",
            "clea_care_leaver_in_touch": contacts["in_touch"].to_numpy(),
            "clea_care_leaver_latest_contact": _when(contacts["contact_date"].fillna(contacts["birthday"])).to_numpy(),
            "clea_care_leaver_accommodation": letter_text.where(letter != "", "").to_numpy(),
            "clea_care_leaver_accom_suitable": suitable.to_numpy(),
            "clea_care_leaver_activity": _described(contacts["activity"], "ACTIV", with_code=True).to_numpy(),
            "clea_pathway_plan_review_date": PLACEHOLDER_DATE,
            "clea_care_leaver_personal_advisor": "",
            "clea_care_leaver_allocated_team": "",
            "clea_care_leaver_worker_id": "",
        }
    )


def _previous_permanence(previous: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "lapp_table_id": _ids("LAPP", len(previous)),
            "lapp_person_id": previous["child_id"].to_numpy(),
            "lapp_previous_permanence_option": previous["previous_permanence"].to_numpy(),
            "lapp_previous_permanence_la": previous["order_la"].to_numpy(),
            # the SSD writes unknown parts in lower case (zz/zz/2019)
            "lapp_previous_permanence_order_date": previous["order_date"].str.lower().to_numpy(),
        }
    )


def _workers(allocations: pd.DataFrame, children: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Allocations as 'CW' involvements of workers whose Social Work England number is the 903 SW_ID; each
    involvement carries the child's team, which ssd_department names."""
    registration = sorted(allocations["social_worker_id"].dropna().unique())
    worker_ids = dict(zip(registration, _ids("W", len(registration)), strict=True))
    team = children.set_index("child_id")["team"]
    teams = sorted(team.dropna().unique())
    return {
        "ssd_professionals": pd.DataFrame(
            {
                "prof_professional_id": list(worker_ids.values()),
                "prof_staff_id": "",
                "prof_professional_name": "",
                "prof_social_worker_registration_no": list(worker_ids),
                "prof_agency_worker_flag": "",
                "prof_professional_job_title": "Social Worker",
                "prof_professional_caseload": "",
                "prof_professional_department": "",
                "prof_full_time_equivalency": "",
            }
        ),
        "ssd_involvements": pd.DataFrame(
            {
                "invo_involvements_id": _ids("INV", len(allocations)),
                "invo_professional_id": allocations["social_worker_id"].map(worker_ids).to_numpy(),
                "invo_professional_role_id": CASE_WORKER,
                "invo_professional_team": allocations["child_id"].map(team).to_numpy(),
                "invo_person_id": allocations["child_id"].to_numpy(),
                "invo_involvement_start_date": _when(allocations["start_date"]).to_numpy(),
                "invo_involvement_end_date": _when(allocations["end_date"]).to_numpy(),
                "invo_worker_change_reason": allocations["reason_ended"].to_numpy(),
                "invo_referral_id": "",
            }
        ),
        "ssd_department": pd.DataFrame(
            {
                "dept_team_id": teams,
                "dept_team_name": [f"{t.replace('_', ' ').title()} children in care team" for t in teams],
                "dept_team_parent_id": "",
                "dept_team_parent_name": "Children in care",
            }
        ),
    }


def _cp_plans(plans: pd.DataFrame) -> pd.DataFrame:
    category = plans["category"].map(CP_CATEGORY).fillna("")
    return pd.DataFrame(
        {
            "cppl_cp_plan_id": _ids("CPP", len(plans)),
            "cppl_referral_id": "",
            "cppl_icpc_id": "",
            "cppl_person_id": plans["child_id"].to_numpy(),
            "cppl_cp_plan_start_date": _when(plans["start_date"]).to_numpy(),
            "cppl_cp_plan_end_date": _when(plans["end_date"]).to_numpy(),
            "cppl_cp_plan_ola": "N",
            "cppl_cp_plan_initial_category": category.to_numpy(),
            "cppl_cp_plan_latest_category": category.to_numpy(),
        }
    )


def _convictions(outcomes: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "clac_cla_conviction_id": _ids("OFF", len(outcomes)),
            "clac_person_id": outcomes["child_id"].to_numpy(),
            "clac_cla_conviction_date": _when(outcomes["outcome_date"]).to_numpy(),
            "clac_cla_conviction_offence": outcomes["outcome"].map(YOUTH_JUSTICE).to_numpy(),
        }
    )
