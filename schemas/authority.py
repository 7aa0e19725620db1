"""The authority the warehouse is for, read from its configuration file in `authorities/`.

One YAML file per authority holds what the warehouse knows about it beyond its extracts: its codes and name,
the extracts it supplies, its districts and teams (local reporting only), its under-18 population, the
comparators and targets of its scorecard. `CLA_AUTHORITY` names the file: a path, or the ONS code or file name
of a shipped one; without it, the shipped file marked `default: true` (the demo's authority).
A mistake in the file is reported naming the file and the field, before anything runs.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

AUTHORITIES_DIR = Path(__file__).resolve().parent.parent / "authorities"
SOURCES = ("case_system", "health", "education", "workforce")
SUPPLY = ("required", "optional")
COMPARATORS = ("england", "statistical_neighbours", "dfe_outturn")
HOLDS = ("uasc", "disabled", "care_leavers")  # kinds of case a team holds wherever the child lives


class AuthorityFileError(ValueError):
    """An authority file that cannot be used, naming the file and the field."""


@dataclass(frozen=True)
class District:
    code: str
    name: str
    ons_code: str = ""  # the lower-tier authority it is, where it is one


@dataclass(frozen=True)
class Team:
    code: str
    name: str
    districts: tuple[str, ...] = ()  # the districts an area team covers
    holds: str = ""  # uasc, disabled or care_leavers: the team holds those cases wherever the child lives


@dataclass(frozen=True)
class Figure:
    """One sourced figure: a population, a comparator or a target."""

    indicator: str
    year: int
    value: float
    source: str = ""
    comparator: str = ""


@dataclass(frozen=True)
class Authority:
    path: Path
    code: str
    old_code: str
    name: str
    extracts: dict[str, str]
    districts: tuple[District, ...]
    teams: tuple[Team, ...]
    neighbours: tuple[str, ...]
    population_under_18: tuple[Figure, ...]
    comparators: tuple[Figure, ...]
    targets: tuple[Figure, ...]
    # Children (case-system ids) whose quarantined records the returns officer accepts to leave out of the 903
    # return: with them, and only them, quarantined, the return publishes and its report still names them.
    return_leaves_out: frozenset[str] = frozenset()

    @property
    def district_codes(self) -> frozenset[str]:
        return frozenset(d.code for d in self.districts)

    @property
    def team_codes(self) -> frozenset[str]:
        return frozenset(t.code for t in self.teams)

    def team_holding(self, kind: str) -> str | None:
        return next((t.code for t in self.teams if t.holds == kind), None)

    @property
    def area_teams(self) -> tuple[Team, ...]:
        """Teams that hold cases by where the child lives."""
        return tuple(t for t in self.teams if not t.holds)

    def supplies(self, source: str) -> str | None:
        """'required', 'optional' or None (the authority does not send that extract)."""
        return self.extracts.get(source)

    def population_on(self, year: int) -> int | None:
        """The under-18 population of the latest year on or before `year`."""
        known = [f for f in self.population_under_18 if f.year <= year]
        return int(max(known, key=lambda f: f.year).value) if known else None


def _fail(path: Path, field: str, problem: str) -> AuthorityFileError:
    return AuthorityFileError(f"{path.name}: {field}: {problem}")


def _text(path: Path, doc: dict, field: str, pattern: str | None = None) -> str:
    value = doc.get(field)
    if value is None or str(value).strip() == "":
        raise _fail(path, field, "required but missing")
    value = str(value).strip()
    if pattern and not re.fullmatch(pattern, value):
        raise _fail(path, field, f"{value!r} does not match {pattern}")
    return value


def _entries(path: Path, doc: dict, field: str) -> list[dict]:
    entries = doc.get(field) or []
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise _fail(path, field, "must be a list of mappings")
    return entries


def _number(path: Path, field: str, entry: dict, key: str) -> float:
    try:
        return float(entry[key])
    except (KeyError, TypeError, ValueError):
        raise _fail(path, field, f"{entry}: {key} must be a number") from None


def _figures(path: Path, doc: dict, field: str) -> tuple[Figure, ...]:
    figures = []
    for entry in _entries(path, doc, field):
        if field == "population_under_18":
            figures.append(
                Figure("", int(_number(path, field, entry, "year")), _number(path, field, entry, "population"),
                       str(entry.get("source", "")))
            )  # fmt: skip
        elif field == "comparators":
            if entry.get("comparator") not in COMPARATORS:
                raise _fail(path, field, f"{entry}: comparator must be one of {', '.join(COMPARATORS)}")
            if not entry.get("source"):
                raise _fail(path, field, f"{entry}: every comparator needs its source")
            figures.append(
                Figure(str(entry.get("indicator", "")), int(_number(path, field, entry, "year")),
                       _number(path, field, entry, "value"), str(entry["source"]), entry["comparator"])
            )  # fmt: skip
        else:  # targets, one entry per indicator and run of years
            first, last = int(_number(path, field, entry, "from")), int(_number(path, field, entry, "to"))
            value = _number(path, field, entry, "target")
            figures += [Figure(str(entry.get("indicator", "")), year, value) for year in range(first, last + 1)]
        if field != "population_under_18" and not re.fullmatch(r"[A-Z]\d\d", figures[-1].indicator):
            raise _fail(path, field, f"{entry}: indicator must be an indicator id such as C01")
    return tuple(figures)


def _child_ids(path: Path, doc: dict, field: str) -> frozenset[str]:
    ids = doc.get(field) or []
    if not isinstance(ids, list) or not all(isinstance(i, str | int) and str(i).strip() for i in ids):
        raise _fail(path, field, "must be a list of case-system child ids")
    return frozenset(str(i).strip() for i in ids)


def read_authority(path: Path) -> Authority:
    """An authority file, checked: codes, extracts, districts and teams that refer to each other, figures."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as problem:
        raise AuthorityFileError(f"{path}: cannot be read: {problem}") from None
    if not isinstance(doc, dict):
        raise AuthorityFileError(f"{path.name}: not a mapping of fields")
    extracts = doc.get("extracts") or {}
    for source, supply in extracts.items():
        if source not in SOURCES or supply not in SUPPLY:
            raise _fail(path, "extracts", f"{source}: {supply!r} (sources {', '.join(SOURCES)}; required or optional)")
    if "case_system" not in extracts:
        raise _fail(path, "extracts", "case_system is needed by everything the warehouse makes")
    districts = tuple(
        District(str(d.get("code", "")), str(d.get("name", "")), str(d.get("ons_code", "")))
        for d in _entries(path, doc, "districts")
    )
    teams = tuple(
        Team(str(t.get("code", "")), str(t.get("name", "")), tuple(t.get("districts") or ()), str(t.get("holds", "")))
        for t in _entries(path, doc, "teams")
    )
    for field, items in (("districts", districts), ("teams", teams)):
        codes = [i.code for i in items]
        bad = [c for c in codes if not re.fullmatch(r"[A-Z0-9_]+", c)]
        if bad or len(set(codes)) != len(codes):
            raise _fail(path, field, f"codes must be unique capitals, digits and _ ({', '.join(bad) or 'repeated'})")
    for team in teams:
        unknown = sorted(set(team.districts) - {d.code for d in districts})
        if unknown:
            raise _fail(path, "teams", f"{team.code} covers districts not in the file: {', '.join(unknown)}")
        if team.holds and team.holds not in HOLDS:
            raise _fail(path, "teams", f"{team.code}: holds must be one of {', '.join(HOLDS)}")
    return Authority(
        path=path,
        code=_text(path, doc, "code", r"[EWSN]\d{8}"),
        old_code=_text(path, doc, "old_code", r"\d{3}"),
        name=_text(path, doc, "name"),
        extracts=dict(extracts),
        districts=districts,
        teams=teams,
        neighbours=tuple(str(n) for n in doc.get("neighbours") or ()),
        population_under_18=_figures(path, doc, "population_under_18"),
        comparators=_figures(path, doc, "comparators"),
        targets=_figures(path, doc, "targets"),
        return_leaves_out=_child_ids(path, doc, "return_leaves_out"),
    )


@cache
def _shipped() -> dict[str, Path]:
    """Shipped files by file name, by ONS code, and '' for the default one."""
    found: dict[str, Path] = {}
    for path in sorted(AUTHORITIES_DIR.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        found[path.stem] = path
        found[str(doc.get("code", ""))] = path
        if doc.get("default"):
            found[""] = path
    return found


def authority_file(name: str | None = None) -> Path:
    """The file `name` (or CLA_AUTHORITY) refers to: a path to a YAML file, or a shipped file's code or name."""
    name = (name if name is not None else os.environ.get("CLA_AUTHORITY", "")).strip()
    if name.endswith((".yaml", ".yml")) or os.sep in name:
        path = Path(name).expanduser().resolve()
        if not path.is_file():
            raise AuthorityFileError(f"no authority file at {path}")
        return path
    shipped = _shipped()
    if name not in shipped:
        known = sorted(p.stem for p in AUTHORITIES_DIR.glob("*.yaml"))
        raise AuthorityFileError(
            f"{name!r} is not a shipped authority (shipped: {', '.join(known)}): write its file like those in "
            f"{AUTHORITIES_DIR} and name it by its path"
        )
    return shipped[name]


@cache
def _load(path: Path) -> Authority:
    return read_authority(path)


def load_authority(name: str | None = None) -> Authority:
    """The authority `name` refers to, or CLA_AUTHORITY's, or the default one (read once per file)."""
    return _load(authority_file(name))
