"""Each DfE rule unit against its own fixture (tests/ssda903_rules/<code>.yaml): rows that must fail and rows
that must pass, in the year the fixture names. Adding a rule means adding its SQL file and its fixture."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from orchestration.ssda903.layouts import CollectionYear
from orchestration.ssda903.validation.catalogue import catalogue
from orchestration.ssda903.validation.database import open_database
from orchestration.ssda903.validation.rule_units import all_units, unit_for

FIXTURES = Path(__file__).parent / "ssda903_rules"


def _fixtures():
    return sorted(FIXTURES.glob("*.yaml"))


def _rule_code(path: Path, spec: dict) -> str:
    return str(spec.get("rule", path.stem.split("_")[0]))


def _frames(tables: dict | None) -> dict[str, pd.DataFrame]:
    return {name: pd.DataFrame(rows) for name, rows in (tables or {}).items()}


@pytest.mark.parametrize("path", _fixtures(), ids=lambda p: p.stem)
def test_rule_against_its_fixture(path):
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    code = _rule_code(path, spec)
    year = CollectionYear.parse(spec["year"])
    unit = unit_for(code, year)
    assert unit is not None, f"no rule unit for {code} in {year}"
    this_year, last_year = _frames(spec.get("this_year")), _frames(spec.get("last_year"))
    # earlier returns still: {"2022/23": {episodes: [...]}, ...}
    history = {CollectionYear.parse(y).ending: _frames(t) for y, t in (spec.get("history") or {}).items()}
    con = open_database(
        year,
        spec.get("la_code", "E10000016"),
        this_year,
        last_year,
        providers=pd.DataFrame(spec["providers"]) if "providers" in spec else None,
        history=history,
    )
    if "postcodes" in spec:  # the directory's rows for this fixture ({postcode, easting, northing, district})
        con.register("fixture_postcodes", pd.DataFrame(spec["postcodes"]))
        con.execute(
            "CREATE TABLE postcode_directory AS SELECT replace(upper(postcode), ' ', '') AS postcode, "
            "CAST(easting AS INTEGER) AS easting, CAST(northing AS INTEGER) AS northing, district "
            "FROM fixture_postcodes"
        )
    found = con.execute(unit.sql).df()
    failing = {(row.table_name, str(row.child)) for row in found.itertuples()}
    expected = {(table, str(child)) for table, child in spec["fails"]}
    assert failing == expected
    all_rows = {(t, str(r.get("CHILD"))) for t, rows in (spec.get("this_year") or {}).items() for r in rows}
    assert expected, "a fixture needs at least one row that fails"
    assert len(all_rows) > len(expected), "a fixture needs at least one row that passes"


def test_every_rule_file_carries_dfe_message_verbatim():
    rules = catalogue()
    for code, units in all_units().items():
        assert code in rules, f"{code} is not a DfE rule in the catalogue"
        for unit in units:
            assert unit.comment_message == rules[code].message, unit.path.name
            assert unit.severity in {"error", "query"}, unit.path.name


def test_every_rule_has_a_fixture():
    covered = set()
    for path in _fixtures():
        covered.add(_rule_code(path, yaml.safe_load(path.read_text(encoding="utf-8"))))
    missing = sorted(set(all_units()) - covered)
    assert not missing, f"rules without a fixture: {missing}"
