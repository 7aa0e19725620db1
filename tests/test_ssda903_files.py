"""The 903 return's files: DfE's table layouts, the CSV set (tables known by their columns), the EXPSSDA903 XML,
and the round trip between them; the submitted_returns tables the marts read."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import duckdb
import pandas as pd
import pytest
import yaml
from warehouse_fixtures import ssda903_return

from orchestration.ingest.reading import FileProblem
from orchestration.ssda903.files import read_return, typed, write_csv_set, write_xml
from orchestration.ssda903.layouts import LAYOUTS_FILE, CollectionYear, tables_for
from orchestration.ssda903.tables import ensure_submitted_tables
from orchestration.ssda903.xml_layout import xml_bytes

Y2526, Y2627 = CollectionYear(2026), CollectionYear(2027)

# DfE's tables and columns, in order (as DfE's and the sector's tools list them).
DFE_2025_26 = {
    "Header": ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
    "Episodes": [
        "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE",
        "HOME_POST", "PL_POST", "URN",
    ],
    "Reviews": ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
    "UASC": ["CHILD", "SEX", "DOB", "DUC"],
    "OC2": [
        "CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
        "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED",
    ],
    "OC3": ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
    "AD1": ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
    "PlacedAdoption": ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    "PrevPerm": ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
    "Missing": ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
    "SWEpisodes": ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
}  # fmt: skip
DFE_2026_27 = {**DFE_2025_26, "DoLo": ["CHILD", "DOB", "DOLO_START", "DOLO_END"]}


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.astype(object).where(pd.notna(frame), None)
    return frame.sort_values(list(frame.columns), key=lambda s: s.fillna("")).reset_index(drop=True)


def assert_same_tables(actual: dict[str, pd.DataFrame], expected: dict[str, pd.DataFrame]) -> None:
    non_empty = {name for name, frame in actual.items() if len(frame)}
    assert non_empty == {name for name, frame in expected.items() if len(frame)}
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(_sorted(actual[name]), _sorted(frame), obj=name)


@pytest.mark.parametrize(("year", "dfe"), [(Y2526, DFE_2025_26), (Y2627, DFE_2026_27)])
def test_every_table_has_dfe_columns_in_dfe_order(year, dfe):
    assert {t.name: list(t.column_names) for t in tables_for(year)} == dfe
    # ...which is what layouts.yaml says, file names included.
    spec = yaml.safe_load(LAYOUTS_FILE.read_text())["tables"]
    for t in tables_for(year):
        assert list(spec[t.name]["columns"]) == list(t.column_names)
        assert t.file == spec[t.name]["file"]
    assert [t.name for t in tables_for(CollectionYear(2023))] == [n for n in DFE_2025_26 if n != "SWEpisodes"]


def test_submitted_tables_have_the_mart_columns_typed_as_the_layouts_say():
    con = duckdb.connect()
    ensure_submitted_tables(con)
    ensure_submitted_tables(con)  # idempotent
    described = {}
    for name, column, kind in con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'submitted_returns' ORDER BY table_name, ordinal_position"
    ).fetchall():
        described.setdefault(name, []).append((column, kind))
    assert described["header"] == [
        ("la_code", "VARCHAR"), ("collection_year", "VARCHAR"), ("child", "VARCHAR"), ("sex", "VARCHAR"),
        ("dob", "DATE"), ("ethnic", "VARCHAR"), ("upn", "VARCHAR"), ("mother", "INTEGER"), ("mc_dob", "DATE"),
    ]  # fmt: skip
    assert described["episodes"][-3:] == [("pl_distance", "DOUBLE"), ("pl_la", "VARCHAR"), ("pl_location", "VARCHAR")]
    assert [c for c, _ in described["dolo"]] == ["la_code", "collection_year", "child", "dob", "dolo_start", "dolo_end"]
    assert dict(described["oc2"])["sdq_score"] == "INTEGER" and dict(described["prev_perm"])["date_perm"] == "VARCHAR"
    assert len(described) == 12 and all(con.execute(f"FROM submitted_returns.{t}").fetchall() == [] for t in described)


def test_collection_years_are_named_in_folders_without_a_slash():
    year = CollectionYear.parse("2025/26")
    assert (year.label, year.folder, year.ending) == ("2025/26", "2025-26", 2026)
    for spelling in ("2025-26", "2025_26", "202526", "2025-2026", "SSDA903 2025-26"):
        assert CollectionYear.parse(spelling) == year
    with pytest.raises(ValueError, match="2025-26"):
        CollectionYear.parse("2026")  # the year ending, or starting? Refused rather than guessed.


@pytest.mark.parametrize("year", [Y2526, Y2627])
def test_xml_to_csv_to_xml_gives_the_same_tables_and_bytes(tmp_path, year):
    original = ssda903_return(year)
    write_xml(original, tmp_path / "return.xml", year)
    from_xml = read_return(tmp_path / "return.xml")
    assert from_xml.file_format == "xml" and from_xml.notes == []
    assert_same_tables(from_xml.frames(), original)

    csv_folder = tmp_path / "csv"
    csv_folder.mkdir()
    write_csv_set(from_xml.frames(), csv_folder, year)
    from_csv = read_return(csv_folder)
    assert from_csv.file_format == "csv"
    assert_same_tables(from_csv.frames(), original)
    assert xml_bytes(from_csv.frames(), year) == (tmp_path / "return.xml").read_bytes()


def test_the_xml_uses_dfe_element_names_and_order(tmp_path):
    root = ET.fromstring(xml_bytes(ssda903_return(Y2627), Y2627))
    assert root.tag == "EXPSSDA903" and len(root.findall("CHILD")) == 4
    first, second = root.findall("CHILD")[:2]
    header = [e.tag for e in first.find("HEADER")]
    assert header[:6] == ["CHILDID", "UPN", "SEX", "DOB", "ETHNIC", "UASC"]
    assert header[6:] == ["AMISSING", "AREVIEW", "AREVIEW", "MOTHER", "MC_DOB", "PERMANENCE", "OC2"]
    assert [e.tag for e in first][1:] == ["EPISODE", "EPISODE", "SW_EPISODE"]
    assert [e.tag for e in first.find("EPISODE")][:5] == ["DECOM", "RNE", "LS", "CIN", "PL"]
    assert first.findtext("HEADER/UASC") == "0" and second.findtext("HEADER/UASC") == "1"
    assert second.findtext("HEADER/DUC") == "01/02/2027" and second.find("DOLO/DOLO_START").text == "01/05/2026"
    assert first.find("HEADER/MOTHER").text is None  # a blank is an empty element
    # Tables not in a year's return are not written: no DoLo in 2025/26.
    assert b"<DOLO>" not in xml_bytes(ssda903_return(Y2627), Y2526)


def test_csv_tables_are_known_by_their_columns_whatever_the_file_names_and_column_order(tmp_path):
    original = ssda903_return(Y2526)
    for number, frame in enumerate(original.values()):
        reordered = frame[list(reversed(frame.columns))]
        reordered.to_csv(tmp_path / f"export_{number:02d}.CSV", index=False)
    found = read_return(tmp_path)
    assert sorted(found.tables) == sorted(original)
    assert_same_tables(found.frames(), original)
    assert found.tables["Episodes"].locations[0] == "row 2"


def test_a_file_of_no_table_is_named_with_the_nearest_table_and_what_differs(tmp_path):
    write_csv_set(ssda903_return(Y2526), tmp_path, Y2526)
    episodes = (tmp_path / "episodes.csv").read_text().replace("DECOM", "DECOMM", 1)
    (tmp_path / "episodes.csv").unlink()
    (tmp_path / "placements 2025.csv").write_text(episodes)
    with pytest.raises(FileProblem) as problem:
        read_return(tmp_path)
    message = str(problem.value)
    assert message.startswith("placements 2025.csv: its columns (CHILD, DECOMM, RNE")
    assert "the nearest is Episodes (missing DECOM; not expected DECOMM)" in message


def test_two_files_for_one_table_csv_with_xml_and_stray_files_are_refused_by_name(tmp_path):
    write_csv_set(ssda903_return(Y2526), tmp_path, Y2526)
    (tmp_path / "header_copy.csv").write_bytes((tmp_path / "header.csv").read_bytes())
    (tmp_path / "notes.txt").write_text("sent to DfE on 1 May")
    (tmp_path / "manifest.json").write_text("{}")  # an exported folder's manifest is not a problem
    with pytest.raises(FileProblem) as problem:
        read_return(tmp_path)
    assert "header.csv and header_copy.csv all hold the Header table" in str(problem.value)
    assert "notes.txt: not a .csv or .xml file" in str(problem.value)

    (tmp_path / "header_copy.csv").unlink()
    (tmp_path / "notes.txt").unlink()
    write_xml(ssda903_return(Y2526), tmp_path / "return.xml", Y2526)
    with pytest.raises(FileProblem, match="both CSV .* and XML \\(return.xml\\) files"):
        read_return(tmp_path)
    with pytest.raises(FileProblem, match="not well-formed XML"):
        (tmp_path / "broken.xml").write_text("<EXPSSDA903><CHILD>")
        read_return(tmp_path / "broken.xml")


def test_values_of_the_wrong_type_are_named_by_file_row_and_column_without_personal_data(tmp_path):
    (tmp_path / "reviews.csv").write_text(
        "CHILD,DOB,REVIEW,REVIEW_CODE\n1001,31/02/2012,2025-05-01,PN1\n1002,01/02/2009,10/09/2025,PN0\n,,01/10/2025,PN1\n"
    )
    (tmp_path / "oc2.csv").write_text(",".join(DFE_2025_26["OC2"]) + "\n1001,03/05/2012,14.5,,0,,1,1,1,0,,\n")
    found = read_return(tmp_path)
    reviews, problems = typed(found.tables["Reviews"])
    assert list(reviews["child"]) == ["1002"] and str(reviews["review"][0]) == "2025-09-10"
    assert problems == [
        "reviews.csv row 2, column DOB: not a real date written dd/mm/yyyy (value not shown: personal data)",
        "reviews.csv row 2, column REVIEW: '2025-05-01' is not a date written dd/mm/yyyy",
        "reviews.csv row 4, column CHILD: blank; every row needs the child's id",
    ]
    _, problems = typed(found.tables["OC2"])
    assert problems == ["oc2.csv row 2, column SDQ_SCORE: '14.5' is not a whole number"]


def test_an_xml_return_as_case_systems_write_it_is_read(tmp_path):
    """Element order as the 2021 schema has it, empty elements for blanks, 1/2 sex codes, an OC2 without a score."""
    (tmp_path / "lac.xml").write_text(
        "<?xml version='1.0' encoding='us-ascii'?>\n<EXPSSDA903><CHILD><HEADER><CHILDID>77</CHILDID>"
        "<UPN>UN1</UPN><SEX>2</SEX><DOB>02/03/2013</DOB><ETHNIC>WBRI</ETHNIC><UASC /><AREVIEW><REVIEW>28/01/2023"
        "</REVIEW><REVIEW_CODE>PN3</REVIEW_CODE></AREVIEW><MOTHER /><MC_DOB /><OC2><SDQ_REASON>SDQ5</SDQ_REASON>"
        "<CONVICTED>0</CONVICTED></OC2></HEADER><EPISODE><DECOM>11/11/2022</DECOM><RNE>S</RNE><LS>C2</LS>"
        "<CIN>N1</CIN><PL>U4</PL><PL_POST>CT1 1AA</PL_POST><HOME_POST /><URN /><PLACE_PROVIDER>PR1</PLACE_PROVIDER>"
        "<DEC /><REC /><REASON_PLACE_CHANGE /></EPISODE></CHILD></EXPSSDA903>"
    )
    found = read_return(tmp_path).frames()
    assert found["Header"].to_dict("records") == [
        {"CHILD": "77", "SEX": "2", "DOB": "02/03/2013", "ETHNIC": "WBRI", "UPN": "UN1", "MOTHER": None, "MC_DOB": None}
    ]
    assert len(found["UASC"]) == 0 and len(found["OC3"]) == 0 and len(found["AD1"]) == 0
    assert found["Episodes"].iloc[0][["PLACE", "PL_POST", "DEC"]].tolist() == ["U4", "CT1 1AA", None]
    assert found["OC2"].iloc[0][["DOB", "SDQ_SCORE", "SDQ_REASON"]].tolist() == ["02/03/2013", None, "SDQ5"]
    assert found["Reviews"].iloc[0].tolist() == ["77", "02/03/2013", "28/01/2023", "PN3"]


def test_placement_location_as_dfe_derives_it_for_returns_from_files():
    """The Python steps' PL_DISTANCE, PL_LA and PL_LOCATION, against distances worked out by hand
    (hypot(dE, dN) / 1000 / 1.6093); the dbt model's are tested in test_ssda903_episodes."""
    from orchestration.ssda903.placement_location import pl_distance, pl_la, pl_location

    con = duckdb.connect()
    con.execute(
        "CREATE TABLE placed (name VARCHAR, easting INTEGER, northing INTEGER, district VARCHAR, authority VARCHAR)"
    )
    con.execute(
        """INSERT INTO placed VALUES
        ('Canterbury', 603000, 154000, 'E07000106', 'E10000016'),  -- 5 km from home, in Kent
        ('Medway', 620000, 196000, 'E06000035', 'E06000035'),
        ('Cardiff', 318000, 176000, 'W06000015', NULL),
        ('Edinburgh', 325000, 673000, 'S12000036', NULL),
        ('new unitary', 440000, 460000, 'E06000065', NULL),  -- newer than the 2021 lookup: its own upper tier
        ('unknown district', 500000, 200000, 'E07999999', NULL)"""
    )
    placement_la = pl_la("placed.district", "placed.authority")
    rows = con.execute(
        f"""SELECT name, {pl_distance("home", "placed")}, {placement_la}, {pl_location(placement_la, "'E06000035'")}
        FROM placed, (SELECT 600000 AS easting, 150000 AS northing) AS home ORDER BY name"""
    ).fetchall()
    assert rows == [
        ("Canterbury", 3.1, "E10000016", "OUT"),
        ("Cardiff", 176.0, "WAL", "OUT"),
        ("Edinburgh", 367.2, "SCO", "OUT"),
        ("Medway", 31.2, "E06000035", "IN"),  # 50,160 m
        ("new unitary", 216.8, "E06000065", "OUT"),
        ("unknown district", 69.5, None, None),
    ]
