"""children ← ssd_person, with disability (ssd_disability), UASC (ssd_immigration_status), the first child's
date of birth (ssd_mother) and the team of the latest case-worker involvement (ssd_involvements)."""

from __future__ import annotations

import re

import pandas as pd

from orchestration.ingest.ssd.mapping import Link, Mapped, People, column, combine, rejected_rows, uses
from orchestration.ingest.ssd.tables import SsdTable
from orchestration.ingest.ssd.values import decode_903, sex
from schemas.contracts import load_contracts

UASC = re.compile(r"(?:^U$|UASC|UNACCOMPANIED)", re.IGNORECASE)

LINKS = [
    Link("ssd_person.pers_person_id", "children.child_id", "the 903 CHILD (CLA_SSD_CHILD_ID=person_id, the default)"),
    Link("ssd_person.pers_legacy_id", "children.child_id", "the 903 CHILD instead, when CLA_SSD_CHILD_ID=legacy_id"),
    Link("ssd_person.pers_upn", "children.upn", "the UPN, else pers_upn_unknown (UN1-UN5)"),
    Link("ssd_person.pers_upn_unknown", "children.upn", "when there is no UPN"),
    Link(
        "ssd_person.pers_single_unique_id",
        "children.nhs_number",
        "NHS number (Eclipse fills it; SystemC and Mosaic leave it blank)",
    ),
    Link("ssd_person.pers_sex", "children.sex", "M/F/U; Male, Female, Unknown and 1/2 decoded"),
    Link(
        "ssd_person.pers_dob",
        "children.date_of_birth",
        "date; pers_expected_dob where SystemC moved an estimated DOB there",
    ),
    Link("ssd_person.pers_ethnicity", "children.ethnicity", "903 ETHNIC code, or its description decoded"),
    Link("ssd_person.pers_is_mother", "children.is_mother", "Y/N; SystemC's blank is blank"),
    Link(
        "ssd_disability.disa_disability_code",
        "children.disability",
        "Y if any code other than NONE, N if only NONE, blank if no row",
    ),
    Link(
        "ssd_immigration_status.immi_immigration_status",
        "children.uasc",
        "Y if any status is UASC ('U', or text with UASC/unaccompanied), else N",
    ),
    Link(
        "ssd_immigration_status.immi_immigration_status_end_date",
        "children.uasc_ceased_date",
        "end of the latest UASC status",
    ),
    Link("ssd_mother.moth_childs_dob", "children.first_child_date_of_birth", "earliest child's date of birth"),
    Link(
        "ssd_involvements.invo_professional_team",
        "children.team",
        "team of the latest CW involvement, when it is a team in the contract's list",
    ),
]


def _first_by_person(table: SsdTable, person_column: str, people: People, person_rows: pd.Series) -> pd.DataFrame:
    """Each row of a person-level table with the ssd_person row its person is on, or why there is none."""
    person = column(table, person_column)
    primary = person.map(person_rows)
    problem = person.map(
        lambda v: f"{person_column} is blank" if v is None else f"{person_column}: '{v}' is not a person in ssd_person"
    )
    return uses(table.name, table.rows["_row"], primary, problem.where(primary.isna(), None))


def build(tables: dict[str, SsdTable], people: People) -> Mapped:
    person = tables["ssd_person"]
    rows = person.rows
    ids = column(person, "pers_person_id")
    row_of_person = pd.Series(rows["_row"].to_numpy(), index=ids.to_numpy())
    row_of_person = row_of_person[row_of_person.index.notna() & ~row_of_person.index.duplicated()]
    child = ids.map(people.child)
    upn = column(person, "pers_upn").fillna(column(person, "pers_upn_unknown"))

    disability = tables["ssd_disability"]
    codes = column(disability, "disa_disability_code").astype("string").str.upper()
    has = pd.DataFrame({"person": column(disability, "disa_person_id"), "real": codes.ne("NONE") & codes.notna()})
    flag = has.groupby("person")["real"].any().map({True: "Y", False: "N"})

    immigration = tables["ssd_immigration_status"]
    status = column(immigration, "immi_immigration_status").astype("string")
    spells = pd.DataFrame(
        {
            "person": column(immigration, "immi_person_id"),
            "uasc": status.str.contains(UASC.pattern, regex=True, case=False, na=False).to_numpy(),
            "start": pd.to_datetime(column(immigration, "immi_immigration_status_start_date"), errors="coerce"),
            "end": column(immigration, "immi_immigration_status_end_date"),
        }
    )
    uasc = spells[spells["uasc"]].sort_values("start").groupby("person").last()

    mother = tables["ssd_mother"]
    births = pd.DataFrame(
        {
            "person": column(mother, "moth_person_id"),
            "dob": pd.to_datetime(column(mother, "moth_childs_dob"), errors="coerce"),
        }
    )
    first_birth = births.dropna().groupby("person")["dob"].min().dt.strftime("%Y-%m-%d")

    involvements = tables["ssd_involvements"]
    teams = load_contracts()["children"].column("team").codes or frozenset()
    worked = pd.DataFrame(
        {
            "person": column(involvements, "invo_person_id"),
            "role": column(involvements, "invo_professional_role_id"),
            "team": column(involvements, "invo_professional_team").astype("string").str.upper(),
            "start": pd.to_datetime(column(involvements, "invo_involvement_start_date"), errors="coerce"),
        }
    )
    worked = worked[worked["role"].astype("string").str.upper().eq("CW").fillna(False) & worked["team"].isin(teams)]
    team = worked.sort_values("start").groupby("person")["team"].last()

    mapped = pd.DataFrame(
        {
            "child_id": child,
            "upn": upn,
            "nhs_number": column(person, "pers_single_unique_id"),
            "sex": sex(column(person, "pers_sex")),
            "date_of_birth": column(person, "pers_dob").fillna(column(person, "pers_expected_dob")),
            "ethnicity": decode_903(column(person, "pers_ethnicity"), "ETHNIC"),
            "disability": ids.map(flag),
            "uasc": ids.map(lambda p: "Y" if p in uasc.index else "N"),
            "uasc_ceased_date": ids.map(uasc["end"]) if len(uasc) else None,
            "is_mother": column(person, "pers_is_mother"),
            "first_child_date_of_birth": ids.map(first_birth),
            "district": None,
            "team": ids.map(team),
            "_row": rows["_row"],
        }
    )
    no_child = mapped["child_id"].isna()
    rejected = rejected_rows(
        mapped, no_child, people.child_id_column, f"{people.child_id_column} is blank, so the child has no 903 CHILD id"
    )
    secondary = combine(
        _first_by_person(disability, "disa_person_id", people, row_of_person),
        _first_by_person(immigration, "immi_person_id", people, row_of_person),
        _first_by_person(mother, "moth_person_id", people, row_of_person),
    )
    notes = ["district: the SSD holds no district; loaded blank"]
    return Mapped("children", "ssd_person", mapped[~no_child], rejected, secondary, notes)
