"""care_leaver_contacts ← ssd_care_leavers. Our extract has one row per birthday (17th to 21st); the SSD has
contact records without the birthday they report on, so each record is placed on the child's birthday
nearest its contact date. 903 ACCOM is the SSD's accommodation letter and suitability digit together."""

from __future__ import annotations

import numpy as np
import pandas as pd

from orchestration.ingest.ssd.mapping import Link, Mapped, People, column, combine, rejected_rows
from orchestration.ingest.ssd.tables import SsdTable
from orchestration.ingest.ssd.values import code_descriptions, decode_903

NO_CONTACT = {"NO", "DIED"}  # the record's date is when it was made, not a contact

LINKS = [
    Link("ssd_care_leavers.clea_person_id", "care_leaver_contacts.child_id", "the person's 903 CHILD id"),
    Link(
        "ssd_care_leavers.clea_care_leaver_latest_contact",
        "care_leaver_contacts.birthday",
        "the child's 17th-21st birthday nearest the contact (from ssd_person.pers_dob)",
    ),
    Link(
        "ssd_care_leavers.clea_care_leaver_latest_contact",
        "care_leaver_contacts.contact_date",
        "date; blank when not in touch (NO) or died (DIED)",
    ),
    Link(
        "ssd_care_leavers.clea_care_leaver_in_touch",
        "care_leaver_contacts.in_touch",
        "903 IN_TOUCH code, or its description decoded",
    ),
    Link(
        "ssd_care_leavers.clea_care_leaver_activity",
        "care_leaver_contacts.activity",
        "903 ACTIV code; text starting with the code decoded",
    ),
    Link(
        "ssd_care_leavers.clea_care_leaver_accommodation",
        "care_leaver_contacts.accommodation",
        "the letter of 903 ACCOM (text starting with it)",
    ),
    Link(
        "ssd_care_leavers.clea_care_leaver_accom_suitable",
        "care_leaver_contacts.accommodation",
        "the digit of 903 ACCOM: 1 suitable, 2 not suitable (text decoded)",
    ),
]


def _birthday(dob: pd.Series, contact: pd.Series) -> pd.Series:
    """The 17th to 21st birthday nearest the contact; 29 February birthdays fall on 1 March."""
    best = pd.Series(pd.NaT, index=dob.index, dtype="datetime64[ns]")
    gap = pd.Series(np.inf, index=dob.index)
    for age in range(17, 22):
        day = pd.to_datetime(
            {"year": dob.dt.year + age, "month": dob.dt.month, "day": dob.dt.day}, errors="coerce"
        ).fillna(pd.to_datetime({"year": dob.dt.year + age, "month": 3, "day": 1}, errors="coerce").where(dob.notna()))
        distance = (contact - day).abs().dt.days.astype(float).fillna(np.inf)
        closer = distance < gap
        best[closer], gap[closer] = day[closer], distance[closer]
    return best


def _suitability(values: pd.Series) -> pd.Series:
    text = values.astype("string").str.strip().str.lower()
    digit = text.str.extract(r"^([12])\b", expand=False)
    words = np.where(
        text.str.contains("unsuit|not suit", regex=True, na=False),
        "2",
        np.where(text.str.contains("suit", na=False), "1", None),
    )
    return digit.fillna(pd.Series(words, index=values.index)).astype(object)


def build(tables: dict[str, SsdTable], people: People) -> Mapped:
    table = tables["ssd_care_leavers"]
    child, problem = people.resolve(column(table, "clea_person_id"), "clea_person_id")
    dob_of = pd.Series(
        pd.to_datetime(column(tables["ssd_person"], "pers_dob").str[:10], errors="coerce").to_numpy(),
        index=column(tables["ssd_person"], "pers_person_id").to_numpy(),
    )
    dob_of = dob_of[~dob_of.index.duplicated()]
    person = column(table, "clea_person_id").where(column(table, "clea_person_id").isin(dob_of.index))
    dob = pd.to_datetime(person.map(dob_of))
    latest = column(table, "clea_care_leaver_latest_contact")
    contact = pd.to_datetime(latest.str[:10], errors="coerce")
    in_touch = decode_903(column(table, "clea_care_leaver_in_touch"), "IN_TOUCH")
    letter = (
        column(table, "clea_care_leaver_accommodation")
        .astype("string")
        .str.strip()
        .str.extract(r"^([A-Za-z])(?:\b|\s|$)", expand=False)
        .str.upper()
    )
    accommodation = letter + _suitability(column(table, "clea_care_leaver_accom_suitable")).astype("string")
    accommodation = accommodation.fillna(letter).astype(object).where(letter.notna(), None)
    # a whole 903 ACCOM code in the column (B1, or 0 for not in touch) is taken as it is
    whole = decode_903(column(table, "clea_care_leaver_accommodation"), "ACCOM")
    accommodation = whole.where(whole.isin(set(code_descriptions("ACCOM").values())), accommodation)
    mapped = pd.DataFrame(
        {
            "child_id": child,
            "birthday": _birthday(dob, contact).dt.strftime("%Y-%m-%d"),
            "contact_date": latest.where(~in_touch.isin(NO_CONTACT), None),
            "in_touch": in_touch,
            "activity": decode_903(column(table, "clea_care_leaver_activity"), "ACTIV"),
            "accommodation": accommodation,
            "_row": table.rows["_row"],
        }
    )
    orphan = problem.notna()
    no_birthday = ~orphan & mapped["birthday"].isna()
    why = np.where(
        contact.isna(),
        "blank, so the birthday this record reports on cannot be known",
        "the child has no date of birth in ssd_person, so the birthday cannot be known",
    )
    rejected = combine(
        rejected_rows(mapped, orphan, "clea_person_id", problem),
        rejected_rows(mapped, no_birthday, "clea_care_leaver_latest_contact", pd.Series(why, index=mapped.index)),
    )
    return Mapped("care_leaver_contacts", "ssd_care_leavers", mapped[~orphan & ~no_birthday], rejected)
