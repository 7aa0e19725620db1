"""The synthetic authority: where its children live, which district and team holds each case, and its size.

Built from the authority's configuration file (`authorities/`): its lower-tier areas (from the ONS lookup),
districts, teams and neighbours. The simulation's rates are calibrated to one authority (`calibration.py`);
for that authority its calibrated district weights and team sizes are used, for any other the children are
spread evenly over its districts and teams. Its size is its under-18 population over the calibrated
authority's, so `cla generate --la <code>` at scale 1 makes an authority of its own size.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd

from schemas.authority import Authority, authority_file, load_authority
from synthetic import calibration as cal

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


@dataclass(frozen=True, eq=False)
class Area:
    code: str
    old_code: str
    name: str
    lads: frozenset[str]  # the lower-tier authorities (ONS codes) the authority covers
    district_of_lad: dict[str, str]  # lower-tier code -> the authority's district code
    no_district: str  # the district code for "none of its districts" ('' when it has none)
    team_of_district: dict[str, str]
    area_teams: tuple[str, ...]  # teams holding cases by where the child lives
    uasc_team: str  # '' when UASC cases sit with the area teams
    disabled_team: str
    care_leavers_team: str
    neighbours: tuple[str, ...]
    home_district_weight: dict[str, float]  # where children in care come from, by district (1 when not given)
    other_la_district_weight: dict[str, float]  # where other authorities place their children, by district
    social_workers_per_team: dict[str, float]  # at the calibrated authority's size (scale 1)
    workforce_teams: tuple[list[str], list[float]] | None  # posts' teams and shares (None: the calibrated ones)
    size: float  # under-18 population relative to the calibrated authority's

    def team_for_home(self, home_index: int, district: str) -> str:
        """The area team of a child living at a postcode (index) in `district`."""
        if district in self.team_of_district:
            return self.team_of_district[district]
        return self.area_teams[home_index % len(self.area_teams)] if home_index >= 0 else self.area_teams[0]


def _lower_tier(code: str) -> frozenset[str]:
    lookup = pd.read_csv(SEEDS_DIR / "ltla21_to_utla21.csv", dtype=str)
    lads = set(lookup.loc[lookup["UTLA21CD"] == code, "LTLA21CD"]) | {code}
    return frozenset(lads)


def _from_authority(authority: Authority, on: date) -> Area:
    calibrated = authority.code == cal.LA_CODE
    with_lad = {d.ons_code: d.code for d in authority.districts if d.ons_code}
    without = [d.code for d in authority.districts if not d.ons_code]
    area_teams = tuple(t.code for t in authority.area_teams)
    if not area_teams:
        raise ValueError(f"{authority.path.name}: teams: a synthetic authority needs a team without `holds`")
    team_of_district = {d: t.code for t in authority.area_teams for d in t.districts}
    holding = {kind: authority.team_holding(kind) or "" for kind in ("uasc", "disabled", "care_leavers")}
    case_teams = [*area_teams, *(t for t in (holding["uasc"], holding["disabled"]) if t)]
    if calibrated:
        workers = dict(cal.SOCIAL_WORKERS_PER_TEAM)
    else:  # the calibrated establishment spread evenly over this authority's case-holding teams
        total = sum(cal.SOCIAL_WORKERS_PER_TEAM.values())
        workers = {t: total / len(case_teams) for t in case_teams}
    population = authority.population_on(on.year)
    if population is None:
        raise ValueError(f"{authority.path.name}: population_under_18: no figure for {on.year} or before")
    districts = sorted(with_lad.values())
    return Area(
        code=authority.code,
        old_code=authority.old_code,
        name=authority.name,
        lads=_lower_tier(authority.code) | frozenset(with_lad),
        district_of_lad=with_lad,
        no_district=without[0] if without else "",
        team_of_district=team_of_district,
        area_teams=area_teams,
        uasc_team=holding["uasc"],
        disabled_team=holding["disabled"],
        care_leavers_team=holding["care_leavers"],
        neighbours=authority.neighbours,
        home_district_weight=dict(cal.HOME_DISTRICT_WEIGHT) if calibrated else {d: 1.0 for d in districts},
        other_la_district_weight=(
            dict(cal.OTHER_LA_CHILDREN_DISTRICTS) if calibrated else {d: 1.0 for d in districts or [""]}
        ),
        social_workers_per_team=workers,
        workforce_teams=None
        if calibrated
        else ([t.code for t in authority.teams], [1 / len(authority.teams)] * len(authority.teams)),
        size=population / cal.UNDER_18_POPULATION,
    )


def area_for(authority: str | None = None, on: date = date(2026, 10, 31)) -> Area:
    """The synthetic area of an authority named as CLA_AUTHORITY names one (a path, or a shipped file's code
    or name; None for CLA_AUTHORITY's or the default), sized by its under-18 population in `on`'s year."""
    return _area(authority_file(authority), on)


def _even(codes: list[str]) -> tuple[list[str], list[float]]:
    return codes, [1 / len(codes)] * len(codes)


@cache  # one Area per file and date: the postcode pools cached per Area are then built once
def _area(path: Path, on: date) -> Area:
    return _from_authority(load_authority(str(path)), on)
