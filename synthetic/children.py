"""The case system's children: identifiers (UPN, NHS number), characteristics, mothers, district and team,
and the names the case system's file carries (and the warehouse must drop)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from synthetic import calibration as cal
from synthetic import identifiers as ids
from synthetic.days import NONE, YEAR, bday, dfe_eighteenth_birthday, to_date
from synthetic.draws import Draws
from synthetic.lives import Population

FIRST_NAMES_M = (
    "Oliver",
    "Harry",
    "Jack",
    "George",
    "Noah",
    "Charlie",
    "Jacob",
    "Alfie",
    "Freddie",
    "Oscar",
    "Leo",
    "Logan",
    "Archie",
    "Theo",
    "Thomas",
    "Riley",
    "Mason",
    "Kai",
    "Seán",
    "José",
)
FIRST_NAMES_F = (
    "Olivia",
    "Amelia",
    "Isla",
    "Ava",
    "Mia",
    "Ivy",
    "Lily",
    "Isabella",
    "Sophia",
    "Grace",
    "Freya",
    "Poppy",
    "Ella",
    "Evie",
    "Chloé",
    "Zoë",
    "Renée",
    "Siân",
    "Ruby",
    "Millie",
)
LAST_NAMES = (
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Robinson",
    "Wright",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Wood",
    "Jackson",
    "Clarke",
    "Hughes",
    "Lewis",
    "Turner",
    "Cooper",
    "Ward",
    "Moore",
    "King",
    "Baker",
    "Harris",
    "Brennan",
)
UASC_FIRST = (
    "Ahmad",
    "Mohammed",
    "Yonas",
    "Abdul",
    "Omar",
    "Ali",
    "Hassan",
    "Samuel",
    "Dawit",
    "Mustafa",
    "Yosef",
    "Karim",
    "Bilal",
    "Ermias",
    "Rahim",
    "Amanuel",
    "Senait",
    "Hiwet",
    "Aziz",
    "Arben",
)
UASC_LAST = (
    "Haile",
    "Tesfay",
    "Ahmadi",
    "Rahimi",
    "Hussaini",
    "Karimi",
    "Mohammadi",
    "Gebre",
    "Ibrahim",
    "Hassan",
    "Abdullah",
    "Berhane",
    "Osman",
    "Noori",
    "Hoxha",
    "Mehmeti",
    "Yousef",
    "Kebede",
)


def children_and_names(
    placements: pd.DataFrame, population: Population, draws: Draws
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The children table (identifiers, characteristics, the district they come from and the team that holds
    their case) and, apart, their names: the case system's file carries names, the warehouse never does."""
    rng, py, pc = draws.rng, draws.py, population.postcodes
    first_place = placements.groupby("child", sort=False)["_place"].first()
    kept = population.children
    n = len(kept)
    nhs = ids.make_nhs_numbers(rng, n)
    rows, names = [], []
    upn_need = []
    for i, ch in enumerate(kept):
        last = ch.periods[-1]
        in_care = last.end > population.as_of
        last_day = population.as_of if in_care else last.end
        age_last = (last_day - ch.dob) / YEAR
        arrival_age = (ch.periods[0].start - ch.dob) / YEAR
        r = py.random()
        if age_last < 4:
            upn = "UN1"
        elif ch.uasc and arrival_age >= 16 and r < 0.4:
            upn = "UN2"
        elif r < 0.02:
            upn = "UN5"
        elif r < 0.03:
            upn = "UN3"
        elif in_care and last.start > population.as_of - 7 and age_last >= 5 and len(ch.periods) == 1:
            upn = "UN4"  # newly looked after for the first time: a child back in care has a UPN known (rule 210)
        else:
            upn = None
            year = to_date(ch.periods[0].start).year if ch.uasc else to_date(ch.dob).year + 5
            upn_need.append((i, pc.area.old_code if py.random() < 0.85 else py.choice(cal.OLD_LA_CODES), year))
        mother, child_dob = ("" if ch.sex == "M" else "N"), NONE
        if ch.sex == "F" and not ch.uasc or ch.sex == "F" and py.random() < 0.3:
            b14 = bday(ch.dob, 14)
            spans = [(max(p.start, b14 + 180), min(p.end, ch.b18, population.as_of)) for p in ch.periods]
            spans = [(a, b) for a, b in spans if b > a]
            exposure = sum(b - a for a, b in spans)
            if exposure and py.random() < 0.02 * exposure / YEAR:
                a, b = spans[int(py.random() * len(spans))]
                mother, child_dob = "Y", a + int(py.random() * (b - a))
        if ch.uasc:
            place = first_place.get(ch.key, -1)
            district = pc.district[place] if place >= 0 and pc.district[place] else pc.area.no_district
        else:
            district = pc.district[last.home]
        if in_care:
            team = last.team
        elif ch.left_as_care_leaver != NONE and population.as_of < bday(ch.dob, 21):
            team = pc.area.care_leavers_team or last.team
        else:
            team = last.team
        rows.append(
            (
                ch.key,
                upn,
                nhs[i] if py.random() < 0.97 else "",
                ch.sex,
                ch.dob,
                ch.ethnicity,
                "Y" if ch.disability else "N",
                "Y" if ch.uasc else "N",
                dfe_eighteenth_birthday(ch.dob) if ch.uasc and ch.b18 <= population.as_of else NONE,
                mother,
                child_dob,
                district,
                team,
            )
        )
        if ch.uasc:
            names.append((ch.key, py.choice(UASC_FIRST), py.choice(UASC_LAST)))
        else:
            pool = FIRST_NAMES_M if ch.sex == "M" else FIRST_NAMES_F
            names.append((ch.key, py.choice(pool), py.choice(LAST_NAMES)))
    upns = ids.make_upns(rng, np.array([u[1] for u in upn_need]), np.array([u[2] for u in upn_need]))
    rows = [list(r) for r in rows]
    for (i, _la, _year), upn in zip(upn_need, upns, strict=True):
        rows[i][1] = upn
    frame = pd.DataFrame(
        rows,
        columns=[
            "child",
            "upn",
            "nhs_number",
            "sex",
            "date_of_birth",
            "ethnicity",
            "disability",
            "uasc",
            "uasc_ceased_date",
            "is_mother",
            "first_child_date_of_birth",
            "district",
            "team",
        ],
    )
    return frame, pd.DataFrame(names, columns=["child", "first_name", "last_name"])
