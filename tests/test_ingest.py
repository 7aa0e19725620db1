"""Ingest: every kind of bad extract gets a clear message naming file, row, column and problem, good files still
load, and nothing is lost (rows read = rows loaded + rows quarantined)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from warehouse_fixtures import read_landing

from orchestration.ingest.landing import entity_for_file
from schemas.contracts import load_contracts

AS_OF = date(2026, 10, 31)
PERIODS_HEADER = "child_id,start_date,end_date,reason_ended,category_of_need"


def load(tmp_path: Path, entity: str, files: dict[str, str | bytes]):
    """Write the files into a landing folder, then read and validate them as the ingest asset does."""
    contract = load_contracts()[entity]
    folder = tmp_path / contract.source
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return read_landing(tmp_path, entity, AS_OF)


def periods_csv(*rows: str) -> str:
    """A periods_of_care file: the usual header, then each row."""
    return "".join(f"{line}\n" for line in (PERIODS_HEADER, *rows))


def load_periods(tmp_path: Path, *rows: str):
    """Load one periods_of_care.csv holding `rows` under the usual header."""
    return load(tmp_path, "periods_of_care", {"periods_of_care.csv": periods_csv(*rows)})


def problems(outcome) -> list[tuple[str, int, str]]:
    q = outcome.quarantined
    return list(zip(q["source_file"], q["source_row"].astype(int), q["problems"], strict=True))


def test_good_file_loads_typed_rows(tmp_path):
    outcome = load_periods(tmp_path, "1001,01/04/2020,05/05/2021,E13,N1", "1002,2021-06-01,,,N5")
    assert len(outcome.loaded) == 2 and outcome.quarantined.empty
    first = outcome.loaded.iloc[0]
    assert first["start_date"] == date(2020, 4, 1) and first["end_date"] == date(2021, 5, 5)
    assert list(outcome.loaded["source_row"]) == [2, 3]


def test_missing_required_column_quarantines_that_file_only(tmp_path):
    outcome = load(
        tmp_path,
        "periods_of_care",
        {
            "periods_of_care.csv": periods_csv("1001,01/04/2020,,,N1"),
            "periods_of_care_part2.csv": "child_id,end_date,reason_ended,category_of_need\n1002,,,N1\n1003,,,N2\n",
        },
    )
    assert len(outcome.loaded) == 1
    bad = {f.file: f for f in outcome.files}["periods_of_care_part2.csv"]
    assert bad.problem == "missing required column(s) start_date"
    assert problems(outcome)[0] == (
        "periods_of_care_part2.csv",
        2,
        "start_date: required column missing from the file",
    )
    assert bad.rows_quarantined == 2


def test_unknown_column_is_ignored_and_reported(tmp_path):
    outcome = load(
        tmp_path,
        "periods_of_care",
        {"periods_of_care.csv": f"{PERIODS_HEADER},case_note_flag\n1001,01/04/2020,,,N1,Y\n"},
    )
    assert len(outcome.loaded) == 1
    assert "case_note_flag" not in outcome.loaded.columns
    assert any("unknown column(s) case_note_flag ignored" in n for n in outcome.files[0].notes)


def test_personal_columns_never_reach_the_warehouse(tmp_path):
    outcome = load(
        tmp_path,
        "children",
        {
            "children.csv": "child_id,first_name,last_name,sex,date_of_birth,ethnicity,uasc\n"
            "1001,Ann,Smith,F,01/02/2012,WBRI,N\n1002,Bob,Jones,X,01/02/2013,WBRI,N\n"
        },
    )
    for frame in (outcome.loaded, outcome.quarantined):
        assert not {"first_name", "last_name"} & set(frame.columns)
        assert "Ann" not in frame.to_string() and "Jones" not in frame.to_string()
    assert "personal column(s) first_name, last_name dropped" in outcome.files[0].notes[0]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("periods_of_care_bad.csv", b"", "the file is empty"),
        ("periods_of_care_bad.csv", b"child_id;start_date;end_date\n1;01/04/2020;\n", "semicolon-separated"),
        ("periods_of_care_bad.csv", b"child_id\tstart_date\tend_date\n1\t01/04/2020\t\n", "tab-separated"),
        ("periods_of_care_2.xlsx", b"this is not a workbook", "not a readable .xlsx workbook"),
        ("periods_of_care_2.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "password-protected"),
    ],
    ids=["empty file", "semicolon delimiter", "tab delimiter", "corrupt xlsx", "password-protected xlsx"],
)
def test_unreadable_file_gets_a_file_problem_and_other_files_still_load(tmp_path, name, content, message):
    good = periods_csv("1001,01/04/2020,,,N1")
    outcome = load(tmp_path, "periods_of_care", {"periods_of_care.csv": good, name: content})
    assert len(outcome.loaded) == 1
    assert message in {f.file: f for f in outcome.files}[name].problem


def test_header_only_file_loads_nothing_and_says_so(tmp_path):
    outcome = load_periods(tmp_path)
    assert outcome.rows_read == 0 and not outcome.files[0].problem
    assert "header only" in outcome.files[0].notes[0]


def test_xlsx_with_real_dates_and_numeric_ids_loads(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Child ID", "Start Date", "End Date", "Reason Ended", "Category of Need"])
    sheet.append([1001, date(2020, 4, 1), None, None, "N1"])
    sheet.append([1002.0, "2021-06-01", date(2022, 1, 3), "E13", "n5"])
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    outcome = load(tmp_path, "periods_of_care", {"periods_of_care.xlsx": path.read_bytes()})
    assert outcome.quarantined.empty
    assert list(outcome.loaded["child_id"]) == ["1001", "1002"]
    assert list(outcome.loaded["category_of_need"]) == ["N1", "N5"]
    assert outcome.loaded.iloc[1]["end_date"] == date(2022, 1, 3)


def test_duplicate_rows_keep_the_first_and_name_it(tmp_path):
    outcome = load_periods(tmp_path, "1001,01/04/2020,,,N1", "1001,01/04/2020,,,N1")
    assert len(outcome.loaded) == 1
    assert problems(outcome) == [
        ("periods_of_care.csv", 3, "child_id: duplicate row: the same as row 2 of periods_of_care.csv")
    ]


def test_duplicate_keys_across_files_are_quarantined(tmp_path):
    outcome = load(
        tmp_path,
        "periods_of_care",
        {
            "periods_of_care.csv": periods_csv("1001,01/04/2020,,,N1"),
            "periods_of_care_more.csv": periods_csv("1001,01/04/2020,,,N4"),
        },
    )
    assert len(outcome.loaded) == 1 and outcome.loaded.iloc[0]["category_of_need"] == "N1"
    assert problems(outcome)[0][0] == "periods_of_care_more.csv"
    assert (
        "duplicate key (child_id, start_date) already used by row 2 of periods_of_care.csv" in problems(outcome)[0][2]
    )


def test_dates_in_future_and_end_before_start(tmp_path):
    outcome = load_periods(
        tmp_path,
        "1001,01/04/2027,,,N1",  # after the load date
        "1002,01/04/2020,01/03/2020,E13,N1",  # ends before it starts
        "1003,31/02/2020,,,N1",  # no such date
    )
    assert outcome.loaded.empty
    assert problems(outcome) == [
        ("periods_of_care.csv", 2, "start_date: date is after the load date 31/10/2026"),
        ("periods_of_care.csv", 3, "end_date: end_date is before start_date"),
        ("periods_of_care.csv", 4, "start_date: not a date (expected dd/mm/yyyy, yyyy-mm-dd or an Excel date)"),
    ]
    assert outcome.failures_by_rule == {
        "start_date: date_in_future": 1,
        "end_date: end_before_start": 1,
        "start_date: not_a_date": 1,
    }


def test_due_dates_may_be_in_the_future(tmp_path):
    outcome = load(
        tmp_path,
        "reviews",
        {"reviews.csv": "child_id,due_date,review_date,participation\n1001,01/01/2027,,\n"},
    )
    assert len(outcome.loaded) == 1


def test_codes_outside_the_list_name_the_code_and_list(tmp_path):
    outcome = load(
        tmp_path,
        "placements",
        {
            "placements.csv": "placement_id,child_id,placement_type,provider,start_date\n"
            "P1,1001,U4,PR1,01/04/2020\nP2,1001,Q9,PR1,01/05/2020\n"
        },
    )
    assert problems(outcome) == [("placements.csv", 3, "placement_type: not a code in the PLACE list")]
    assert "Q9" not in outcome.quarantined["problems"].iloc[0]  # values are never quoted: a shifted column holds DOBs


def test_ids_written_as_floats_are_repaired_and_counted(tmp_path):
    outcome = load_periods(tmp_path, "1234.0,01/04/2020,,,N1")
    assert list(outcome.loaded["child_id"]) == ["1234"]
    assert outcome.ids_repaired == 1


def test_ragged_row_is_quarantined_with_its_row_number(tmp_path):
    outcome = load_periods(tmp_path, "1001,01/04/2020,,,N1", "1002,01/04/2020,,N1")
    assert problems(outcome) == [("periods_of_care.csv", 3, "row: has 4 fields where the header has 5")]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_encodings(tmp_path, encoding):
    # An apostrophe typed in Excel on Windows is a curly quote: it must survive each encoding.
    text = "child_id,start_date,end_date,reason_ended,category_of_need,first_name\n1001,01/04/2020,,,N1,O’Neil\n"
    outcome = load(tmp_path, "periods_of_care", {"periods_of_care.csv": text.encode(encoding)})
    assert len(outcome.loaded) == 1 and outcome.loaded.iloc[0]["child_id"] == "1001"


def test_header_case_and_whitespace_are_normalised(tmp_path):
    outcome = load(
        tmp_path,
        "periods_of_care",
        {"periods_of_care.csv": " Child ID ,START DATE,End Date,Reason Ended,category of need\n1001,01/04/2020,,,N1\n"},
    )
    assert len(outcome.loaded) == 1


def test_file_names_map_to_entities():
    assert entity_for_file("case_system", Path("children.csv")) == "children"
    assert entity_for_file("case_system", Path("children_part2.xlsx")) == "children"
    assert entity_for_file("case_system", Path("other_la_children.csv")) == "other_la_children"
    assert entity_for_file("case_system", Path("childrenfoo.csv")) is None
    assert entity_for_file("health", Path("children.csv")) is None


@pytest.mark.parametrize(
    "text",
    [
        "a,b\n1,2\n",
        "a,b\r\n1,2\r\n\r\n3,4",  # Windows line ends, a blank line, no final line end
        "a,b\r1,2\r\r\n,\n  ,  \n",  # old Mac line ends; blank rows of commas and spaces
        "a,b,c\n1,2\n1,2,3,4\n,,x\n \xa0,y,z\n\x1c,,\n",  # short and long rows; blank-looking first cells
        "x\n1\n\n \n2\n",  # one column: blank lines are not rows
        "a,b\n",  # the header alone
        "a,b\n1,2\u20283,4\n",  # a line separator that is not a record end for the csv module
    ],
)
def test_quote_free_files_are_split_as_the_csv_module_splits_them(text):
    """Files without quotes are split in bulk by Arrow: the same header, rows, row numbers and broken rows as the
    csv module gives, and every other file is left to the csv module."""
    from orchestration.ingest.reading import Limits, _frame, _quote_free_frame, _records

    records = _records(text, Limits())
    expected = _frame(records[0], records[1:], first_row=2, encoding="utf-8")
    header, read, count = _quote_free_frame(text, Limits(), "utf-8")
    assert (header, count) == (records[0], len(records))
    assert read.rows.values.tolist() == expected.rows.values.tolist()
    assert list(read.rows.columns) == list(expected.rows.columns)
    assert (read.row_numbers, read.broken_rows) == (expected.row_numbers, expected.broken_rows)
    assert _quote_free_frame('a,b\n"1,2",3\n', Limits(), "utf-8") is None
