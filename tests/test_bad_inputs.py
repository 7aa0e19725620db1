"""The bad inputs and faults of issue 15 that once failed, one case each, named as the sweep named them.

Each case reproduces the fault against the real parts (files in a landing folder, the real readers and
contracts, a real DuckDB file, real Dagster materialisations, a real `cla run` killed with SIGKILL) and checks
what must now happen: nothing lost (rows read = rows loaded + rows quarantined wherever rows were read), nothing
leaked, nothing stuck, and good data never replaced by an empty or shrunken extract.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest
from openpyxl import Workbook
from warehouse_fixtures import read_landing

from orchestration.ingest.assets import build_ingest_asset
from orchestration.ingest.reading import FileProblem, Limits, read_xlsx
from orchestration.previous_publication import PublicationRefused, remember
from orchestration.resources import WAREHOUSE_POOL, Warehouse
from orchestration.ssda903.files import identify
from orchestration.ssda903.validation.runner import PERSONAL_FIELDS
from schemas.contracts import load_contracts, pandera_schema

AS_OF = date(2026, 10, 31)
PLACEMENTS_HEADER = (
    "placement_id,child_id,placement_type,provider,carer_id,placement_postcode,home_postcode,urn,start_date,"
    "end_date,reason_for_change"
)
CHILDREN_HEADER = "child_id,upn,nhs_number,sex,date_of_birth,ethnicity,uasc,first_name,last_name"
# What a child's record holds that must never reach a message, a log, an audit note or a report.
DOB, POSTCODE, UPN, NHS, NAME = "14/03/2011", "CT20 2QZ", "A123456789012", "9434765919", "Marigold"


def placements_csv(rows: int, first: int = 1) -> str:
    body = "".join(f"P{i},{1000 + i},U4,PR1,,ME14 1XX,CT1 1AA,,01/04/2020,,\n" for i in range(first, first + rows))
    return f"{PLACEMENTS_HEADER}\n{body}"


def placements_xlsx(path: Path, rows: int) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(PLACEMENTS_HEADER.split(","))
    for i in range(1, rows + 1):
        sheet.append([f"P{i}", str(1000 + i), "U4", "PR1", None, "ME14 1XX", "CT1 1AA", None, "01/04/2020"])
    book.save(path)


def read_entity(landing: Path, entity: str):
    """Read and validate an entity's landing files as the ingest asset does, checking the row accounting."""
    return read_landing(landing, entity, AS_OF)


def rewrite_first_sheet(path: Path, change: Callable[[bytes], bytes]) -> None:
    """Rewrite the XML of a workbook's first sheet in place, as a damaged file would hold it."""
    with zipfile.ZipFile(path) as book:
        parts = {info.filename: book.read(info) for info in book.infolist()}
    parts["xl/worksheets/sheet1.xml"] = change(parts["xl/worksheets/sheet1.xml"])
    with zipfile.ZipFile(path, "w") as book:
        for name, content in parts.items():
            book.writestr(name, content)


def put(landing: Path, source: str, files: dict[str, str | bytes]) -> Path:
    folder = landing / source
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    return folder


def ingest(data_dir: Path, entity: str, instance: dg.DagsterInstance | None = None) -> dg.ExecuteInProcessResult:
    """Materialise one entity's ingest asset with Dagster against the data folder's DuckDB file."""
    asset = build_ingest_asset(load_contracts()[entity])
    return dg.materialize(
        [asset],
        resources={"warehouse": Warehouse(path=str(data_dir / "warehouse.duckdb"))},
        raise_on_error=False,
        instance=instance,
    )


def warehouse_rows(data_dir: Path, sql: str):
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def failure_text(result: dg.ExecuteInProcessResult) -> str:
    return " ".join(
        e.step_failure_data.user_failure_data.description
        for e in result.all_events
        if e.is_step_failure and e.step_failure_data.user_failure_data
    )


def assert_accounted(data_dir: Path, entity: str) -> None:
    """What the warehouse holds for the entity was read from the files audit.extract_files names."""
    ((read,),) = warehouse_rows(
        data_dir, f"SELECT coalesce(sum(rows_read), 0) FROM audit.extract_files WHERE entity = '{entity}'"
    )
    ((raw,),) = warehouse_rows(data_dir, f"SELECT count(*) FROM raw.{entity}")
    ((held,),) = warehouse_rows(data_dir, f"SELECT count(*) FROM quarantine.{entity}")
    assert read == raw + held


# ---- 1. Missing or unreadable extracts never replace good data --------------------------------------------


def _good_placements_then(data_dir: Path, replace: Callable[[Path], None]) -> dg.ExecuteInProcessResult:
    landing = data_dir / "landing"
    folder = put(landing, "case_system", {"placements.csv": placements_csv(40)})
    assert ingest(data_dir, "placements").success
    replace(folder)
    return ingest(data_dir, "placements")


def _kept(data_dir: Path, result: dg.ExecuteInProcessResult, cause: str) -> None:
    assert not result.success, "the shrunken load was accepted"
    assert cause in failure_text(result)
    assert warehouse_rows(data_dir, "SELECT count(*) FROM raw.placements") == [(40,)]
    assert warehouse_rows(data_dir, "SELECT status FROM audit.entity_loads WHERE entity = 'placements'") == [
        ("refused: last good load kept",)
    ]
    assert_accounted(data_dir, "placements")


def case_empty_landing_folder_keeps_the_last_good_load(data_dir):
    def empty(folder: Path) -> None:
        (folder / "placements.csv").unlink()

    _kept(data_dir, _good_placements_then(data_dir, empty), "no placements file in landing/case_system/")


def case_truncated_placements_xlsx_keeps_the_last_good_load(data_dir):
    def truncate(folder: Path) -> None:
        (folder / "placements.csv").unlink()
        placements_xlsx(folder / "placements.xlsx", 40)
        whole = (folder / "placements.xlsx").read_bytes()
        (folder / "placements.xlsx").write_bytes(whole[: int(len(whole) * 0.6)])

    _kept(data_dir, _good_placements_then(data_dir, truncate), "not a readable .xlsx workbook")


def case_entity_with_no_readable_file_keeps_the_last_good_load(data_dir):
    def semicolons(folder: Path) -> None:
        (folder / "placements.csv").write_text(placements_csv(40).replace(",", ";"))

    _kept(data_dir, _good_placements_then(data_dir, semicolons), "no file could be loaded")


def case_much_smaller_extract_keeps_the_last_good_load(data_dir):
    def shrink(folder: Path) -> None:
        (folder / "placements.csv").write_text(placements_csv(12))

    _kept(data_dir, _good_placements_then(data_dir, shrink), "12 rows loaded where the last good load had 40")


def case_optional_source_missing_keeps_its_last_load_marked_stale(data_dir):
    landing = data_dir / "landing"
    rows = "".join(f"31/10/2026,POST{i},NORTH,SOCIAL_WORKER,Y,N,Y,SW{i},12\n" for i in range(30))
    header = "month_end,post_id,team,role,filled,agency,qualified,social_worker_id,caseload\n"
    folder = put(landing, "workforce", {"social_work_posts.csv": header + rows})
    assert ingest(data_dir, "social_work_posts").success
    (folder / "social_work_posts.csv").unlink()
    result = ingest(data_dir, "social_work_posts")
    assert result.success  # optional: the run goes on with the last good load
    assert warehouse_rows(data_dir, "SELECT count(*) FROM raw.social_work_posts") == [(30,)]
    assert warehouse_rows(data_dir, "SELECT status FROM audit.entity_loads") == [("stale: last good load kept",)]
    contract_check = [c for c in result.get_asset_check_evaluations() if c.check_name == "contract"][0]
    assert not contract_check.passed and "kept_last_good_load" in contract_check.metadata
    accounted = [c for c in result.get_asset_check_evaluations() if c.check_name == "rows_accounted"][0]
    assert accounted.passed
    assert_accounted(data_dir, "social_work_posts")


def _return_warehouse(tmp_path: Path) -> Path:
    from test_ssda903_export import _marts_warehouse

    path = tmp_path / "w.duckdb"
    _marts_warehouse(path)
    return path


def case_903_return_with_no_header_rows_is_not_published(tmp_path):
    from orchestration.ssda903.export import write_return

    path = _return_warehouse(tmp_path)
    target = tmp_path / "exports" / "ssda903" / "2025-26"
    with duckdb.connect(str(path)) as con:
        con.execute("DELETE FROM marts_ssda903.header WHERE collection_year = '2025/26'")
        with pytest.raises(PublicationRefused, match="no Header rows"):
            write_return(con, "2025/26", target, "E10000016", date(2026, 11, 1))
    assert not (tmp_path / "exports" / "ssda903").exists() or not any((tmp_path / "exports" / "ssda903").iterdir())


def case_903_return_shrunk_since_its_last_publication_is_not_published(tmp_path):
    from orchestration.ssda903.export import PUBLICATION, write_return

    path = _return_warehouse(tmp_path)
    target = tmp_path / "exports" / "ssda903" / "2025-26"
    with duckdb.connect(str(path)) as con:
        published = write_return(con, "2025/26", target, "E10000016", date(2026, 11, 1))
        assert published.published
        before = target.joinpath("header.csv").read_bytes()
        # As if the last publication had counted 389 children: this one counts a handful.
        remember(con, "E10000016", PUBLICATION, "2025/26", {**published.rows, "Header": 389})
        with pytest.raises(PublicationRefused, match=r"Header: 389 → \d"):
            write_return(con, "2025/26", target, "E10000016", date(2026, 11, 1))
    assert target.joinpath("header.csv").read_bytes() == before  # the published return is as it was
    assert not (target.parent / "archive").exists()


def case_scorecard_from_an_emptied_placements_table_is_not_published(tmp_path):
    from test_scorecard_report import MONTH, make_warehouse

    from orchestration.scorecard.report import write_scorecard

    path = tmp_path / "warehouse.duckdb"
    make_warehouse(path)
    folder = tmp_path / "scorecard" / f"{MONTH:%Y-%m}"
    with duckdb.connect(str(path)) as con:
        write_scorecard(con, MONTH, folder, "Kent", "E10000016")
        before = {p.name: p.read_bytes() for p in folder.iterdir()}
        # Placements emptied: P01's children with three placements vanish from every month.
        con.execute("UPDATE marts_scorecard.scorecard__indicator_months SET numerator = 0 WHERE indicator_id = 'P01'")
        with pytest.raises(PublicationRefused, match=r"P01 numerator: [\d,]+ → 0"):
            write_scorecard(con, MONTH, folder, "Kent", "E10000016")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert not (folder.parent / "archive").exists()


def case_scorecard_with_no_child_counted_is_not_published(tmp_path):
    from test_scorecard_report import MONTH, make_warehouse

    from orchestration.scorecard.report import write_scorecard

    path = tmp_path / "warehouse.duckdb"
    make_warehouse(path)
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE marts_scorecard.scorecard__indicator_months SET numerator = 0, denominator = 0")
        with pytest.raises(PublicationRefused, match="no child is counted"):
            write_scorecard(con, MONTH, tmp_path / "scorecard" / "2026-10", "Kent", "E10000016")
    assert not (tmp_path / "scorecard" / "2026-10").exists()


# ---- 2. A return never silently misses a child whose records are quarantined --------------------------------


def case_quarantined_children_silently_vanish_from_a_published_return(tmp_path, monkeypatch, capsys):
    """Five rows of children.csv with DOB and ethnicity swapped, loaded by the real ingest, the real dbt marts
    built: the 2025/26 return is not published and names the five children; listed by the officer in the
    authority's file, it is published and its report still names them."""
    from warehouse_fixtures import LA, ingest_synthetic_extracts, run_dbt

    from orchestration.cli import _say_quarantined
    from orchestration.ingest.assets import load_entity
    from orchestration.ingest.postcodes import postcodes
    from orchestration.ssda903 import export
    from orchestration.ssda903.submitted import submitted_returns

    data = tmp_path / "data"
    warehouse = data / "warehouse.duckdb"
    ingest_synthetic_extracts(data, warehouse, seed=3, scale=0.02)
    for name, value in (("CLA_DATA_DIR", data), ("CLA_WAREHOUSE", warehouse), ("CLA_AS_OF", "2026-11-01")):
        monkeypatch.setenv(name, str(value))
    monkeypatch.setenv("CLA_LA_CODE", LA)
    children_csv = data / "landing" / "case_system" / "children.csv"
    children = pd.read_csv(children_csv, dtype=str, keep_default_na=False)
    # Care leavers whose care ended before the year (in the return by their OC3 row alone, as in the found case):
    # with them gone, no DfE rule has anything to fail on.
    periods = pd.read_csv(data / "landing" / "case_system" / "periods_of_care.csv", dtype=str, keep_default_na=False)
    ended = pd.to_datetime(periods["end_date"], format="%d/%m/%Y").fillna(pd.Timestamp.max)
    left_before = set(periods["child_id"]) - set(periods.loc[ended >= pd.Timestamp(2025, 4, 1), "child_id"])
    swapped = children.index[children["child_id"].isin(left_before)][:5]
    children.loc[swapped, ["date_of_birth", "ethnicity"]] = children.loc[swapped, ["ethnicity", "date_of_birth"]].values
    children.to_csv(children_csv, index=False)
    vanished = sorted(children.loc[swapped, "child_id"])
    resource = Warehouse(path=str(warehouse))
    load_entity(load_contracts()["children"], resource, dg.get_dagster_logger())
    assert_accounted(data, "children")
    assert dg.materialize([postcodes, submitted_returns], resources={"warehouse": resource}).success
    dbt = run_dbt(
        "build", warehouse, tmp_path, "--select", "+path:models/marts/ssda903",
        "--resource-type", "seed", "--resource-type", "model",
    )  # fmt: skip
    assert dbt.returncode == 0, dbt.stdout[-3000:]

    def make_return() -> tuple[dg.ExecuteInProcessResult, dg.AssetCheckEvaluation]:
        result = dg.materialize(
            [export.ssda903_return], partition_key="2025-26", resources={"warehouse": resource}, raise_on_error=False
        )
        (check,) = result.get_asset_check_evaluations()
        return result, check

    folder = data / "exports" / "ssda903" / "2025-26"
    result, check = make_return()
    assert not result.success and not check.passed
    assert check.metadata["errors"].value == 0  # DfE's rules cannot see a child who is not there
    assert check.metadata["quarantined_children"].value == vanished
    assert "5 child(ren) with quarantined records" in failure_text(result)
    capsys.readouterr()
    _say_quarantined(check)  # what `cla run` prints for the return
    said = capsys.readouterr().out
    assert all(child in said for child in vanished) and "return_leaves_out" in said
    assert not folder.exists()
    blocked = folder.with_name("2025-26-blocked") / "validation"
    named = pd.read_csv(blocked / "quarantined_children.csv", dtype=str)
    assert named["child"].tolist() == vanished and set(named["entities"]) == {"children"}

    officer = tmp_path / "our_authority.yaml"
    kent = (Path(__file__).parent.parent / "authorities" / "kent.yaml").read_text()
    officer.write_text(kent.replace("return_leaves_out: []", f"return_leaves_out: [{', '.join(vanished)}]"))
    monkeypatch.setenv("CLA_AUTHORITY", str(officer))
    result, check = make_return()
    assert result.success and check.passed
    assert check.metadata["quarantined_children"].value == []
    assert check.metadata["quarantined_children_left_out"].value == vanished
    named = pd.read_csv(folder / "validation" / "quarantined_children.csv", dtype=str)
    assert named["child"].tolist() == vanished and named["left_out_by_the_officer"].tolist() == ["True"] * 5
    header = pd.read_csv(folder / "header.csv", dtype=str)
    assert not set(vanished) & set(header["CHILD"])
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["quarantine"]["children_left_out_by_the_officer"] == 5


# ---- 3. Every contract check is row-precise; numbers and dates are what they say ----------------------------

ATTENDANCE_HEADER = "upn,academic_year,school_urn,sessions_possible,sessions_missed,sessions_missed_unauthorised"


def _attendance(tmp_path: Path, missed: list[str]):
    body = "".join(f"A{100000000000 + i},2025/26,123456,300,{m},\n" for i, m in enumerate(missed))
    put(tmp_path, "education", {"attendance.csv": f"{ATTENDANCE_HEADER}\n{body}"})
    return read_entity(tmp_path, "attendance")


def _held(outcome) -> dict[int, str]:
    return dict(zip(outcome.quarantined["source_row"].astype(int), outcome.quarantined["problems"], strict=True))


def case_range_check_bypassed_by_a_decimal_1e3_and_a_huge_number(tmp_path):
    outcome = _attendance(tmp_path, ["12", "12.5", "1e3", "99999999999999999999999", "inf", "401", "-0"])
    held = _held(outcome)
    assert sorted(held) == [3, 4, 5, 6, 7]
    assert "not a whole number" in held[3] and "1e3" in held[4] and "decimals and exponents" in held[4]
    assert "too large" in held[5] and "not a finite number" in held[6] and "outside the range 0 to 400" in held[7]
    assert sorted(outcome.loaded["sessions_missed"].tolist()) == [0, 12]  # nothing wrapped round or rounded


def case_check_that_raises_is_itself_a_failure_with_its_row(tmp_path):
    from schemas.contracts import _check

    def fragile(s: pd.Series) -> pd.Series:
        if (s == "boom").any():
            raise ValueError("this check cannot take 'boom'")
        return s.notna()

    import pandera.pandas as pa

    schema = pa.DataFrameSchema({"x": pa.Column(None, checks=[_check(fragile, "fragile")])})
    with pytest.raises(pa.errors.SchemaErrors) as errors:
        schema.validate(pd.DataFrame({"x": ["a", "boom", "b"]}), lazy=True)
    cases = errors.value.failure_cases
    assert cases["index"].tolist() == [1]  # the row it raised on, and only that row
    # And the real contract answers for every row whatever is in it.
    contract = load_contracts()["attendance"]
    rows = pd.DataFrame({c: ["1e400", None, "x" * 50] for c in contract.column_names}, dtype="string[pyarrow]")
    try:
        pandera_schema(contract, AS_OF).validate(rows, lazy=True)
    except pa.errors.SchemaErrors as failed:
        assert failed.failure_cases["index"].notna().all()


def case_year_alone_trailing_junk_and_impossible_times_are_not_dates(tmp_path):
    header = "child_id,start_date,end_date,reason_ended,category_of_need"
    body = "1001,2026,,,N1\n1002,2026-01-01garbage,,,N1\n1003,2010-05-05T99:99,,,N1\n1004,2010-05-05T10:30,,,N1\n"
    put(tmp_path, "case_system", {"periods_of_care.csv": f"{header}\n{body}"})
    outcome = read_entity(tmp_path, "periods_of_care")
    held = _held(outcome)
    assert held[2] == "start_date: not a date: a year alone is not a date"
    assert "followed by other text" in held[3] and "followed by other text" in held[4]
    assert outcome.loaded["child_id"].tolist() == ["1004"]


# ---- 4. No value of a child's record in messages, checks, logs, audit notes or reports --------------------


def case_column_shift_puts_dobs_and_postcodes_in_code_list_failures(tmp_path):
    body = f"P1,1001,{POSTCODE},PR1,,,,,01/04/2020,,\nP2,1002,U4,{DOB},,,,,01/04/2020,,\n"
    put(tmp_path, "case_system", {"placements.csv": f"{PLACEMENTS_HEADER}\n{body}"})
    outcome = read_entity(tmp_path, "placements")
    problems = " ".join(outcome.quarantined["problems"])
    assert "not a code in the PLACE list" in problems and "not a code in the PLACE_PROVIDER list" in problems
    assert POSTCODE not in problems and DOB not in problems


def case_headerless_part_file_puts_a_childs_record_in_audit_notes(tmp_path):
    record = f"1002,{UPN},{NHS},F,{DOB},WBRI,N,{NAME},Smith"
    put(
        tmp_path,
        "case_system",
        {"children.csv": f"{CHILDREN_HEADER}\n1001,UN1,,M,01/01/2012,WBRI,N,Ann,Lee\n", "children_2.csv": record},
    )
    outcome = read_entity(tmp_path, "children")
    said = " ".join(f"{f.problem} {' '.join(f.notes)}" for f in outcome.files)
    assert "header row is probably missing" in said
    for value in (UPN, NHS, DOB, NAME.lower(), "smith", "14_03_2011"):
        assert value not in said


def case_validate_903_prints_headerless_rows_with_postcodes(tmp_path):
    with pytest.raises(FileProblem) as problem:
        identify(["1001", "M", DOB, UPN, POSTCODE])
    assert "header row is probably missing" in str(problem.value)
    assert not {DOB, UPN, POSTCODE} & set(re.split(r"[ ,()]+", str(problem.value)))


def case_upns_are_unmasked_in_validation_reports(tmp_path):
    assert {"UPN", "DOB", "MC_DOB", "HOME_POST", "PL_POST"} <= PERSONAL_FIELDS


def case_planted_personal_values_never_reach_dagster_audit_or_reports(data_dir):
    """Every kind of bad input at once, then Dagster's event storage, the audit tables and the ingest report
    are searched for the planted values."""
    from orchestration.ingest.assets import create_empty_tables
    from orchestration.ingest.report import ingest_report

    landing = data_dir / "landing"
    shifted = f"P1,1001,{POSTCODE},{DOB},,,,,01/04/2020,,\nP2,1002,{UPN},PR1,,,,,{NHS},,\n"
    put(landing, "case_system", {"placements.csv": f"{PLACEMENTS_HEADER}\n{shifted}"})
    put(
        landing,
        "case_system",
        {
            "children.csv": f"{CHILDREN_HEADER}\n1001,UN1,,M,01/01/2012,{POSTCODE},N,{NAME},Lee\n",
            "children_2.csv": f"1002,{UPN},{NHS},F,{DOB},WBRI,N,{NAME},Smith\n",
        },
    )
    warehouse = Warehouse(path=str(data_dir / "warehouse.duckdb"))
    create_empty_tables(warehouse)
    with dg.DagsterInstance.ephemeral() as instance:
        assets = [build_ingest_asset(load_contracts()[e]) for e in ("children", "placements")] + [ingest_report]
        result = dg.materialize(assets, resources={"warehouse": warehouse}, instance=instance, raise_on_error=False)
        assert result.success
        events = instance.get_records_for_run(result.run_id).records
        stored = "\n".join(str(r.event_log_entry) for r in events)
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as con:
        audit = str(con.execute("SELECT * FROM audit.extract_files").fetchall())
        audit += str(con.execute("SELECT problems FROM quarantine.placements").fetchall())
        audit += str(con.execute("SELECT problems FROM quarantine.children").fetchall())
    reports = "".join(p.read_text() for p in (data_dir / "exports").rglob("*.csv"))
    for where, text in (("Dagster's event storage", stored), ("the audit tables", audit), ("reports", reports)):
        for value in (DOB, POSTCODE, UPN, NHS, NAME, "2011-03-14"):
            assert value not in text, f"{value} in {where}"
    assert_accounted(data_dir, "placements")
    assert_accounted(data_dir, "children")


def _cla(tmp_path: Path) -> tuple[list[str], dict[str, str]]:
    """`cla` as a user runs it, with its own data folder, Dagster home and dbt target under tmp_path."""
    data = tmp_path / "data"
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text((Path(__file__).parent.parent / "orchestration" / "dagster.yaml").read_text())
    env = {
        **os.environ,
        "CLA_DATA_DIR": str(data),
        "CLA_WAREHOUSE": str(data / "warehouse.duckdb"),
        "CLA_AS_OF": "2026-11-01",
        "DAGSTER_HOME": str(home),
        "CLA_DBT_TARGET": str(tmp_path / "dbt_target"),
    }
    return [sys.executable, "-m", "orchestration.cli"], env


def _text_of(path: Path) -> str:
    """A written file as a reader could find text in it: workbooks unzipped, PDFs through pdftotext."""
    from rendering import need

    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as book:
            return "\n".join(book.read(name).decode("utf-8", "replace") for name in book.namelist())
    if path.suffix == ".pdf":
        return subprocess.run([need("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True).stdout
    return path.read_bytes().decode("utf-8", "replace")


def case_planted_personal_values_never_reach_dagster_logs_audit_or_any_report(tmp_path):
    """A real `cla run` over synthetic extracts with a child's DOB, postcode, UPN, NHS number and name planted in
    shifted columns, a headerless part file, bad codes and bad dates; then Dagster's storage (its SQLite event
    logs and compute logs), the run's output, the logs, the audit tables and every report under exports (the
    quality page, the scorecard's HTML, XLSX and PDF, the ingest report, the 903 validation reports) are
    searched for them. Only the return's own files (DfE's CSVs and XML) may hold a child's record."""
    cla, env = _cla(tmp_path)
    data = Path(env["CLA_DATA_DIR"])
    subprocess.run([*cla, "generate", "--scale", "0.02"], env=env, check=True, capture_output=True)
    landing = data / "landing"
    put(landing, "case_system", {
        # shifted columns: a postcode and a DOB where codes belong, a DOB and a UPN where ids belong
        "placements_shifted.csv": f"{PLACEMENTS_HEADER}\nP900001,100002,{POSTCODE},{DOB},,,,,01/04/2020,,\n"
                                  f"P900002,{DOB},U4,PR1,,,,,{NHS},,\nP900003,{UPN},U4,PR1,,,,,01/04/2020,,\n",
        # a part file without its header row: its first record is read as the header
        "children_headerless.csv": f"900003,{UPN},{NHS},F,{DOB},WBRI,N,{NAME},Smith\n",
        # bad codes: a name as the sex, a postcode as the ethnicity
        "children_codes.csv": f"{CHILDREN_HEADER}\n900004,{UPN},{NHS},{NAME},{DOB},{POSTCODE},N,{NAME},Smith\n",
        # bad dates: a DOB with junk after it, a UPN where a date belongs
        "periods_of_care_dates.csv": "child_id,start_date,end_date,reason_ended,category_of_need\n"
                                     f"900004,{DOB}x,,,N1\n900005,{UPN},,,N1\n",
    })  # fmt: skip
    put(landing, "education", {"attendance_more.csv": f"{ATTENDANCE_HEADER}\n{UPN},2025/26,123456,300,{DOB},\n"})
    run = subprocess.run([*cla, "run"], env=env, capture_output=True, text=True, timeout=1500)
    exports = data / "exports"
    reports = [
        p
        for p in exports.rglob("*")
        if p.is_file() and not (p.parent.parent.name == "ssda903" and p.suffix in (".csv", ".xml"))
    ]
    written = {p.relative_to(exports).as_posix() for p in reports}
    for expected in ("quality/*/index.html", "scorecard/*/*.pdf", "scorecard/*/*.xlsx", "scorecard/*/*.html",
                     "ingest/*/quarantined_rows.csv", "ssda903/2025-26-blocked/validation/validation_report.xlsx",
                     "ssda903/2025-26-blocked/validation/quarantined_children.csv"):  # fmt: skip
        assert any(Path(w).match(expected) for w in written), f"{expected} not written: {run.stdout[-2000:]}"
    assert "900004" in _text_of(exports / "ssda903" / "2025-26-blocked" / "validation" / "quarantined_children.csv")
    with duckdb.connect(env["CLA_WAREHOUSE"], read_only=True) as con:
        audit = [
            t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'audit'").fetchall()
        ]
        audit_text = "\n".join(str(con.execute(f"SELECT * FROM audit.{t}").fetchall()) for t in audit)
        assert con.execute("SELECT count(*) FROM quarantine.children WHERE child_id = '900004'").fetchone() == (1,)
    places = {
        "cla run's output": run.stdout + run.stderr,
        "the audit tables": audit_text,
        **{f"Dagster's storage: {p}": _text_of(p) for p in Path(env["DAGSTER_HOME"]).rglob("*") if p.is_file()},
        **{f"the logs: {p}": _text_of(p) for p in (data / "logs").rglob("*") if p.is_file()},
        **{f"the report {p}": _text_of(p) for p in reports},
    }
    planted = (DOB, "2011-03-14", "14_03_2011", POSTCODE, POSTCODE.replace(" ", ""), UPN, NHS, NAME)
    for where, text in places.items():
        for value in planted:
            assert value.lower() not in text.lower(), f"{value} in {where}"
    for entity in ("placements", "children", "periods_of_care", "attendance"):
        assert_accounted(data, entity)


# ---- 5. A killed run never blocks the next -----------------------------------------------------------------


def case_kill_9_leaves_every_later_cla_run_hanging(tmp_path, monkeypatch):
    from orchestration.pool_slots import free_dead_runs, holders, wait_for_pool

    cla, env = _cla(tmp_path)
    subprocess.run([*cla, "generate", "--scale", "0.02"], env=env, check=True, capture_output=True)
    run = subprocess.Popen([*cla, "run"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    monkeypatch.setenv("DAGSTER_HOME", env["DAGSTER_HOME"])
    try:
        # The run claims the slot once its first warehouse step starts: seconds when idle, but minutes of start-up
        # when both test workers and their builds load the machine (120 s ran out once so).
        deadline = time.monotonic() + 300
        with dg.DagsterInstance.get() as instance:
            while (
                time.monotonic() < deadline
                and run.poll() is None
                and not instance.event_log_storage.get_concurrency_info(WAREHOUSE_POOL).claimed_slots
            ):
                time.sleep(0.2)
            assert instance.event_log_storage.get_concurrency_info(WAREHOUSE_POOL).claimed_slots, "no slot claimed"
            os.kill(run.pid, signal.SIGKILL)
            run.wait()
            claimed = instance.event_log_storage.get_concurrency_info(WAREHOUSE_POOL).claimed_slots
            assert claimed, "the kill left no slot behind: nothing reproduced"
            said: list[str] = []
            wait_for_pool(instance, WAREHOUSE_POOL, timeout=5, say=said.append, poll=0.2)
            assert said and "whose process had died" in said[0]
            assert not holders(instance, WAREHOUSE_POOL) and not free_dead_runs(instance, WAREHOUSE_POOL)
            dead = instance.get_run_by_id(claimed[0].run_id)
            assert dead.status == dg.DagsterRunStatus.FAILURE
    finally:
        if run.poll() is None:
            run.kill()


def case_pool_held_by_a_live_run_is_named_and_times_out_with_the_fix(tmp_path):
    from orchestration.pool_slots import PoolBusy, wait_for_pool

    with dg.DagsterInstance.ephemeral() as instance:
        run = instance.create_run_for_job(dg.GraphDefinition("g").to_job(), run_id="feedface" + "0" * 24)
        instance.event_log_storage.set_concurrency_slots(WAREHOUSE_POOL, 1)
        instance.event_log_storage.claim_concurrency_slot(WAREHOUSE_POOL, run.run_id, "step")
        said: list[str] = []
        with pytest.raises(PoolBusy, match="Terminate"):
            wait_for_pool(instance, WAREHOUSE_POOL, timeout=0.5, say=said.append, poll=0.1)
        assert said == [
            f"waiting for run feedface (g, process not started by cla), which holds the '{WAREHOUSE_POOL}' "
            "pool (the warehouse is one writer at a time)"
        ]


# ---- 6. Reading never loses rows silently ----------------------------------------------------------------


def case_workbooks_second_sheet_is_ignored(tmp_path):
    folder = put(tmp_path, "case_system", {})
    placements_xlsx(folder / "placements.xlsx", 5)
    from openpyxl import load_workbook

    book = load_workbook(folder / "placements.xlsx")
    more = book.create_sheet("More")
    more.append(PLACEMENTS_HEADER.split(","))
    for i in range(6, 10):
        more.append([f"P{i}", str(1000 + i), "U4", "PR1", None, None, None, None, "01/04/2020"])
    book.save(folder / "placements.xlsx")
    outcome = read_entity(tmp_path, "placements")
    assert (outcome.rows_read, len(outcome.loaded), len(outcome.quarantined)) == (10, 5, 5)
    assert all("on sheet 'More'" in p for p in outcome.quarantined["problems"])


def case_sheet_whose_dimension_tag_is_wrong_loses_rows(tmp_path):
    folder = put(tmp_path, "case_system", {})
    placements_xlsx(folder / "placements.xlsx", 100)

    def dimension_too_small(sheet: bytes) -> bytes:
        assert b"<dimension" in sheet
        return re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:I100"', sheet)

    rewrite_first_sheet(folder / "placements.xlsx", dimension_too_small)
    outcome = read_entity(tmp_path, "placements")
    assert len(outcome.loaded) == 100


def case_folder_named_reviews_csv_is_ignored_and_reviews_emptied(tmp_path):
    (tmp_path / "case_system" / "reviews.csv").mkdir(parents=True)
    outcome = read_entity(tmp_path, "reviews")
    assert [(f.file, f.problem) for f in outcome.files] == [
        ("reviews.csv", "is a folder, not a file: put the extract itself in landing")
    ]


def case_symlink_in_landing_is_followed_outside_it(tmp_path):
    secret = tmp_path / "elsewhere.csv"
    secret.write_text(f"{PLACEMENTS_HEADER}\nP1,1001,U4,PR1,,{POSTCODE},,,01/04/2020,,\n")
    folder = put(tmp_path / "landing", "case_system", {})
    (folder / "placements.csv").symlink_to(secret)
    outcome = read_entity(tmp_path / "landing", "placements")
    (summary,) = outcome.files
    assert "link" in summary.problem and summary.rows_read == 0 and summary.sha256 == ""
    assert POSTCODE not in summary.problem + " ".join(summary.notes)


def case_five_megabyte_cell_is_an_uncaught_csv_error(tmp_path):
    put(tmp_path, "case_system", {"placements.csv": placements_csv(3) + "P9,1009," + "x" * 5_000_000 + ",PR1\n"})
    outcome = read_entity(tmp_path, "placements")
    (summary,) = outcome.files
    assert "line 5 cannot be read as CSV" in summary.problem and "CLA_MAX_CELL_CHARS" in summary.problem


def case_corrupt_sheet_xml_is_an_uncaught_parse_error(tmp_path):
    folder = put(tmp_path, "case_system", {})
    placements_xlsx(folder / "placements.xlsx", 5)
    rewrite_first_sheet(folder / "placements.xlsx", lambda sheet: sheet[:-200] + b"<row><c")
    outcome = read_entity(tmp_path, "placements")
    assert "cannot be read" in outcome.files[0].problem


def case_zip_bomb_workbook_exhausts_memory(tmp_path):
    folder = put(tmp_path, "case_system", {})
    placements_xlsx(folder / "placements.xlsx", 5)
    path = folder / "placements.xlsx"
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as book:
        book.writestr("xl/padding.bin", b"\0" * (3 * 2**20))  # 3 MB that zip to a few kilobytes
    with pytest.raises(FileProblem, match=r"would unzip to 3 MB .* CLA_MAX_UNZIPPED_MB"):
        read_xlsx(path, Limits(max_unzipped_mb=2))
    many = tmp_path / "many.xlsx"
    placements_xlsx(many, 30)
    with pytest.raises(FileProblem, match="more than 20 rows"):
        read_xlsx(many, Limits(max_rows=20))


def case_unreadable_ofsted_register_names_no_file(tmp_path):
    from orchestration.ssda903.export import read_providers

    register = tmp_path / "ofsted_providers.csv"
    register.write_bytes(b"\xff\xfeU\x00R\x00N\x00\n\x00\x00\xd8")  # UTF-16 cut in half a character
    with pytest.raises(dg.Failure) as failure:
        read_providers(register)
    assert str(register) in failure.value.description


def case_latin1_mixed_with_utf8_garbles_rows_silently(tmp_path):
    content = (PLACEMENTS_HEADER + "\n").encode() + "P1,1001,U4,PR1,Zoë,,,,01/04/2020,,\n".encode()
    content += "P2,1002,U4,PR1,Zoë,,,,01/04/2020,,\n".encode("latin-1")
    put(tmp_path, "case_system", {"placements.csv": content})
    outcome = read_entity(tmp_path, "placements")
    assert "mixes encodings: line 2 is UTF-8 and line 3 is not" in outcome.files[0].problem


def case_file_cut_mid_row_loses_rows_without_a_sign(tmp_path):
    whole = placements_csv(50)
    for share, row in ((0.6, 30), (0.61, 31)):  # cut at a row's end, and inside a row
        put(tmp_path, "case_system", {"placements.csv": whole[: int(len(whole) * share)]})
        outcome = read_entity(tmp_path, "placements")
        (summary,) = outcome.files
        assert f"ends without a line end after row {row}: it may have been cut short" in " ".join(summary.notes)
        assert outcome.rows_read == row - 1


# ---- 7. validate-903: 2 when it cannot run, 1 only for DfE errors ----------------------------------------


def case_validate_903_crash_exits_1_like_has_errors(tmp_path, capsys):
    from orchestration.cli import main
    from orchestration.ssda903.layouts import CollectionYear, tables_for

    header = next(t for t in tables_for(CollectionYear(2026)) if t.name == "Header")
    buffer = io.StringIO()
    csv.writer(buffer).writerow(header.column_names)
    (tmp_path / "header.csv").write_text(buffer.getvalue() + "1001," + "x" * 5_000_000 + "\n")
    register = tmp_path / "ofsted.csv"
    register.write_bytes(b"\xff\xfeU\x00R\x00N\x00\n\x00\x00\xd8")
    status = main(["validate-903", "--year", "2025/26", str(tmp_path / "header.csv"), "--out", str(tmp_path / "o")])
    assert status == 2
    status = main(
        ["validate-903", "--year", "2025/26", str(tmp_path / "header.csv"), "--out", str(tmp_path / "o"),
         "--providers", str(register)]
    )  # fmt: skip
    assert status == 2
    assert "x" * 100 not in capsys.readouterr().out


def case_hyperlink_child_id_becomes_a_live_formula_in_report_files(tmp_path):
    """A child id of =HYPERLINK(…) (and other formula starts) in the 903 validation report: quoted in its CSVs,
    an inline string (never a formula) in its workbook; numbers, negative ones too, stay numbers; the ingest
    report's quarantined rows never show it as a child id."""
    import openpyxl

    from orchestration.privacy import child_id
    from orchestration.ssda903.layouts import CollectionYear
    from orchestration.ssda903.validation.reports import write_reports
    from orchestration.ssda903.validation.runner import FAILURE_COLUMNS, RuleOutcome, Validation

    link = '=HYPERLINK("http://example.com/x","click")'
    failures = pd.DataFrame(
        [["2025/26", link, "Header", -1, "103", "+cmd|' /C calc'!A0", "error", "@SUM(1+1)"],
         ["2025/26", "1002", "Header", 2, "103", "-5", "error", "-2.5"]],
        columns=FAILURE_COLUMNS,
    )  # fmt: skip
    year = CollectionYear(2026)
    written = write_reports(Validation(year, [RuleOutcome("103", "m", "error", "run", failures=2)], failures), tmp_path)
    errors = pd.read_csv(tmp_path / "validation_errors.csv", dtype=str, keep_default_na=False)
    assert errors["child"].tolist() == ["'" + link, "1002"]
    assert errors["message"].tolist() == ["'+cmd|' /C calc'!A0", "-5"]  # a plain number is no formula
    assert errors["values"].tolist() == ["'@SUM(1+1)", "-2.5"] and errors["row_key"].tolist() == ["-1", "2"]
    workbook = next(p for p in written if p.suffix == ".xlsx")
    with zipfile.ZipFile(workbook) as book:
        sheets = [book.read(n).decode() for n in book.namelist() if n.startswith("xl/worksheets/")]
    assert not any("<f>" in s or "<f " in s for s in sheets)  # no formula anywhere
    by_child = openpyxl.load_workbook(workbook)["By child"]
    cells = {c.value: c.data_type for row in by_child.iter_rows(min_row=2) for c in row}
    assert cells[link] == "s" and cells[-1] == "n"  # the link is text, the negative row key a number
    assert child_id(link) == "(not an id)"


def case_large_903_return_peaks_at_7_gb_and_out_of_memory_exits_1(tmp_path):
    """validate-903 within a tight CLA_MEMORY_LIMIT: a return of 80,000 children (the hand-made one copied under
    new ids) is validated in 120 MB of DuckDB memory, spilling beyond it, the whole process staying under 1 GB;
    with a limit no step can work in, it exits 2 saying so (1 is for DfE errors). The 50 MB return of the sweep
    (697,430 episodes, 169 MB of CSVs in all) peaks at 1.6 GB with the default limit (README)."""
    from warehouse_fixtures import ssda903_return

    from orchestration.ssda903.files import write_csv_set
    from orchestration.ssda903.layouts import CollectionYear

    year, copies = CollectionYear(2026), 20_000
    frames = {}
    for name, frame in ssda903_return(year).items():
        copied = frame.loc[frame.index.repeat(copies)].reset_index(drop=True)  # each row `copies` times in turn
        copy = pd.Series(range(copies)).map("{:05d}".format).tolist() * len(frame)
        frames[name] = copied.assign(CHILD=pd.Series(copy, dtype=object) + copied["CHILD"])
    (tmp_path / "return").mkdir()
    write_csv_set(frames, tmp_path / "return", year)
    measured = (
        "import resource, subprocess, sys; "
        "status = subprocess.run(sys.argv[1:]).returncode; "
        "print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    cla = [sys.executable, "-m", "orchestration.cli", "validate-903", "--year", "2025/26", str(tmp_path / "return")]

    def validate(limit: str) -> tuple[int, int, str]:
        env = {**os.environ, "CLA_MEMORY_LIMIT": limit, "CLA_TEMP_DIR": str(tmp_path / "spill")}
        run = subprocess.run(
            [sys.executable, "-c", measured, *cla, "--out", str(tmp_path / limit)], env=env, capture_output=True,
            text=True, timeout=600,
        )  # fmt: skip
        status, peak_kb = run.stdout.split()[-2:]
        return int(status), int(peak_kb) // 1024, run.stdout

    status, peak_mb, said = validate("120MB")
    assert status == 1, said
    summary = pd.read_csv(tmp_path / "120MB" / "validation_summary.csv", dtype={"rule": str})
    assert summary.loc[summary["failures"] > 0, "rule"].tolist() == ["444"], said  # copied UPNs
    assert peak_mb < 1024, f"{peak_mb} MB"
    assert not any((tmp_path / "spill").glob("*/*")), "spill files left behind"
    status, _, said = validate("5MB")
    assert status == 2 and "out of memory within CLA_MEMORY_LIMIT=5MB" in said and "Exit status 2" in said
    assert not (tmp_path / "5MB").exists()  # nothing written


CASES = {name.removeprefix("case_"): case for name, case in dict(globals()).items() if name.startswith("case_")}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input(name, request):
    case = CASES[name]
    fixtures = {p: request.getfixturevalue(p) for p in case.__code__.co_varnames[: case.__code__.co_argcount]}
    case(**fixtures)
