"""The authority is configuration: its file (authorities/) is read and checked, chooses the settings, the contract's
district and team codes, the reference figures the scorecard reads and the synthetic authority's shape; a bad
district or team in an extract is loaded blank with a warning, where a bad key or 903 field quarantines the row."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import duckdb
import pytest
import yaml

from orchestration.ingest.authority_reference import write_authority_reference
from orchestration.ingest.landing import content_hash, files_for
from orchestration.ingest.reading import read_file
from orchestration.ingest.validation import apply_contract
from orchestration.settings import load_settings
from schemas.authority import AUTHORITIES_DIR, AuthorityFileError, load_authority, read_authority
from schemas.contracts import load_contracts
from synthetic.area import area_for

SHIPPED = {"kent": "E10000016", "lambeth": "E09000022", "birmingham": "E08000025"}


@pytest.fixture
def clean_env(monkeypatch):
    for name in ("CLA_AUTHORITY", "CLA_LA_CODE", "CLA_LA_NAME", "CLA_LA_OLD_CODE"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize("name, code", SHIPPED.items())
def test_every_shipped_authority_loads_by_name_code_and_path(name, code):
    by_name, by_code = load_authority(name), load_authority(code)
    by_path = load_authority(str(AUTHORITIES_DIR / f"{name}.yaml"))
    assert by_name == by_code == by_path
    assert by_name.code == code and by_name.supplies("case_system") == "required"
    assert by_name.population_under_18 and all(f.source for f in by_name.population_under_18)
    assert by_name.comparators and all(f.source and f.year for f in by_name.comparators)
    assert by_name.targets and by_name.area_teams


def test_the_default_authority_and_the_settings_follow_cla_authority(clean_env):
    default = load_settings()
    assert (default.la_code, default.la_name, default.la_old_code) == ("E10000016", "Kent", "886")
    clean_env.setenv("CLA_AUTHORITY", "lambeth")
    lambeth = load_settings()
    assert (lambeth.la_code, lambeth.la_name, lambeth.la_old_code) == ("E09000022", "Lambeth", "208")
    clean_env.setenv("CLA_LA_NAME", "London Borough of Lambeth")  # the environment still overrides the file
    assert load_settings().la_name == "London Borough of Lambeth"


def test_an_unknown_authority_names_the_shipped_ones(clean_env):
    clean_env.setenv("CLA_AUTHORITY", "E08000026")
    with pytest.raises(AuthorityFileError, match="'E08000026' is not a shipped authority.*birmingham, kent, lambeth"):
        load_settings()


MINIMAL = {
    "code": "E09000022",
    "old_code": "208",
    "name": "Lambeth",
    "extracts": {"case_system": "required"},
    "districts": [],
    "teams": [{"code": "AREA", "name": "Area"}],
    "population_under_18": [{"year": 2022, "population": 56000, "source": "ONS"}],
    "comparators": [],
    "targets": [],
}


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("code", "E9", "'E9' does not match"),
        ("name", "", "required but missing"),
        (
            "teams",
            [{"code": "AREA", "name": "Area", "districts": ["NOPE"]}],
            "AREA covers districts not in the file: NOPE",
        ),
        ("teams", [{"code": "area", "name": "Area"}], "codes must be unique capitals"),
        (
            "comparators",
            [{"indicator": "C04", "comparator": "england", "year": 2024, "value": 1}],
            "every comparator needs its source",
        ),
        (
            "comparators",
            [{"indicator": "C04", "comparator": "region", "year": 2024, "value": 1, "source": "x"}],
            "comparator must be one of england",
        ),
        ("extracts", {"case_system": "maybe"}, "case_system: 'maybe'"),
        ("extracts", {"health": "required"}, "case_system is needed"),
        ("targets", [{"indicator": "C01", "from": 2025, "to": 2026, "target": "high"}], "target must be a number"),
    ],
)
def test_a_bad_authority_file_names_the_file_and_the_field(tmp_path, field, value, message):
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(MINIMAL), encoding="utf-8")
    assert read_authority(path).name == "Lambeth"
    path.write_text(yaml.safe_dump({**MINIMAL, field: value}), encoding="utf-8")
    with pytest.raises(AuthorityFileError, match=rf"^broken\.yaml: {field}: .*{re.escape(message)}"):
        read_authority(path)


def test_the_contract_takes_district_and_team_codes_from_the_authority(clean_env):
    kent = load_contracts()["children"]
    assert {"ASH", "TUN", "OUT"} <= kent.column("district").codes and kent.column("district").local
    assert "NORTH" in kent.column("team").codes
    clean_env.setenv("CLA_AUTHORITY", "E09000022")
    lambeth = load_contracts()
    assert lambeth["children"].column("district").codes == frozenset()
    assert lambeth["children"].column("team").codes == {"CLA_NORTH", "CLA_SOUTH", "CWD", "LEAVING_CARE"}
    assert lambeth["social_work_posts"].column("team").codes == {"CLA_NORTH", "CLA_SOUTH", "CWD", "LEAVING_CARE"}
    assert not lambeth["social_work_posts"].column("team").local  # S03 needs it: a bad team quarantines the post


CHILDREN_HEADER = (
    "child_id,upn,nhs_number,sex,date_of_birth,ethnicity,disability,uasc,uasc_ceased_date,is_mother,"
    "first_child_date_of_birth,district,team"
)


def _load_children(tmp_path: Path, rows: list[str]):
    contract = load_contracts()["children"]
    folder = tmp_path / "case_system"
    folder.mkdir(parents=True)
    (folder / "children.csv").write_text("\n".join([CHILDREN_HEADER, *rows]) + "\n", encoding="utf-8")
    read = [(p, content_hash(p), read_file(p)) for p in files_for(tmp_path, "case_system", "children")]
    outcome = apply_contract(contract, read, date(2026, 10, 31))
    assert outcome.rows_read == len(outcome.loaded) + len(outcome.quarantined)
    return outcome


def test_a_bad_district_or_team_is_loaded_blank_with_a_warning_and_a_bad_sex_still_quarantines(tmp_path, clean_env):
    outcome = _load_children(
        tmp_path,
        [
            "1001,,,M,01/02/2015,WBRI,N,N,,,,BAS,NORTH",  # Basildon is not one of Kent's districts
            "1002,,,F,01/02/2016,WBRI,N,N,,,,CAN,NORTHERN",
            "1003,,,F,01/02/2016,WBRI,N,N,,,,CT1 1AA,EAST",  # a postcode in the district column: never quoted
            "1004,,,X,01/02/2016,WBRI,N,N,,,,BAS,EAST",  # sex is a 903 field: the row is quarantined
            "1005,,,M,01/02/2014,WBRI,N,N,,,,DOV,SOUTH",
        ],
    )
    loaded = outcome.loaded.set_index("child_id")
    assert sorted(loaded.index) == ["1001", "1002", "1003", "1005"]
    assert loaded.at["1001", "district"] is None and loaded.at["1001", "team"] == "NORTH"
    assert loaded.at["1002", "district"] == "CAN" and loaded.at["1002", "team"] is None
    assert loaded.at["1005", "district"] == "DOV"
    (quarantined,) = outcome.quarantined.itertuples()
    assert quarantined.child_id == "1004" and "sex: not a code in the contract's list" in quarantined.problems
    warnings = [b.message for b in outcome.blanked]
    assert warnings == [
        "children.csv row 2: district 'BAS' is not one of the authority's districts (its configuration file in "
        "authorities/): loaded as blank",
        "children.csv row 4: district (a value like a date or postcode, not shown) is not one of the authority's "
        "districts (its configuration file in authorities/): loaded as blank",
        "children.csv row 3: team 'NORTHERN' is not one of the authority's teams (its configuration file in "
        "authorities/): loaded as blank",
    ]
    (note,) = [n for n in outcome.files[0].notes if "local reporting" in n]
    assert (
        note.startswith("3 value(s) of local reporting fields") and "CT1" not in note and "row 2 district 'BAS'" in note
    )


def test_an_authority_without_districts_loads_any_district_as_blank(tmp_path, clean_env):
    clean_env.setenv("CLA_AUTHORITY", "lambeth")
    outcome = _load_children(tmp_path, ["2001,,,M,01/02/2015,WBRI,N,N,,,,ASH,CLA_SOUTH"])
    assert outcome.quarantined.empty and outcome.loaded.at[0, "district"] is None
    assert outcome.loaded.at[0, "team"] == "CLA_SOUTH"


def test_the_reference_tables_hold_the_authoritys_figures(tmp_path):
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        counts = write_authority_reference(con, load_authority("kent"))
        assert counts == {
            "population_under_18": 1,
            "scorecard_comparators": 51,
            "scorecard_targets": 320,
            "teams": 7,
            "districts": 13,
        }
        assert con.execute("SELECT la_code, year, population FROM reference.population_under_18").fetchall() == [
            ("E10000016", 2015, 326000)
        ]
        england = (
            "SELECT value FROM reference.scorecard_comparators WHERE indicator_id = 'C04' AND comparator = 'england'"
        )
        assert con.execute(england).fetchall() == [(60.0,)]
        target = "SELECT target FROM reference.scorecard_targets WHERE indicator_id = 'C01' AND year_ending = 2027"
        assert con.execute(target).fetchall() == [(98.0,)]
        area = "SELECT team FROM reference.teams WHERE holds IS NULL ORDER BY team"
        assert con.execute(area).fetchall() == [("EAST",), ("NORTH",), ("SOUTH",), ("WEST",)]
        write_authority_reference(con, load_authority("lambeth"))  # replaced whole, not added to
        assert con.execute("SELECT la_code, population FROM reference.population_under_18").fetchall() == [
            ("E09000022", 56000)
        ]
        assert con.execute("SELECT count(*) FROM reference.districts").fetchall() == [(0,)]


def test_the_synthetic_area_of_an_authority(clean_env):
    kent, lambeth = area_for("kent"), area_for("lambeth")
    assert kent.size == 1.0 and len(kent.lads) == 13 and kent.district_of_lad["E07000114"] == "THA"
    assert kent.team_of_district["THA"] == "EAST" and kent.uasc_team == "UASC" and kent.no_district == "OUT"
    assert lambeth.lads == {"E09000022"} and lambeth.district_of_lad == {} and lambeth.no_district == ""
    assert lambeth.uasc_team == "" and lambeth.area_teams == ("CLA_NORTH", "CLA_SOUTH")
    assert lambeth.size == pytest.approx(56000 / 326000)
    assert sum(lambeth.social_workers_per_team.values()) == pytest.approx(sum(kent.social_workers_per_team.values()))
