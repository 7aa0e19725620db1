"""The 903 return out of the warehouse (data/exports/ssda903/<year>/), published only when DfE's validation rules
find no error, and earlier returns into it (data/landing/returns/<year>/ → submitted_returns), on the hand-made
two-year return of four children (tests/warehouse_fixtures.py); and the export asset materialised by Dagster,
over those hand-made marts and over the real dbt marts built from small synthetic extracts."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import shutil
import time
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest
from warehouse_fixtures import (
    LA,
    create_ssda903_marts,
    ingest_synthetic_extracts,
    run_dbt,
    ssda903_providers,
    ssda903_return,
)

from orchestration.ingest.reading import FileProblem
from orchestration.resources import Warehouse
from orchestration.ssda903 import export
from orchestration.ssda903.export import RETURN_YEARS, return_years, write_return
from orchestration.ssda903.files import read_return, write_csv_set, write_xml
from orchestration.ssda903.layouts import CollectionYear, marts, table, tables_for
from orchestration.ssda903.submitted import load_submitted_returns, submitted_returns
from orchestration.ssda903.validation.catalogue import active_rules
from orchestration.ssda903.validation.rule_units import unit_for

ROOT = Path(__file__).resolve().parent.parent
Y2526, Y2627 = CollectionYear(2026), CollectionYear(2027)
AS_OF = date(2026, 11, 1)
OTHER_LA = "E06000035"
POSTCODES = [  # Kent postcodes: Canterbury (E07000106) and Maidstone (E07000110), both in Kent (E10000016)
    ("CT1 1AA", 615000, 157800, "E07000106"),
    ("CT2 7NZ", 614000, 159000, "E07000106"),
    ("ME14 1XQ", 575900, 156200, "E07000110"),
]
REPORTS = [
    "validation/quarantined_children.csv",
    "validation/validation_errors.csv",
    "validation/validation_report.xlsx",
    "validation/validation_summary.csv",
]


def _marts_warehouse(path: Path) -> None:
    """marts_ssda903 as the dbt marts make them: 2025/26 and 2026/27 derived for Kent, plus rows that must not
    be exported: 2025/26 as submitted to DfE (the same four children, and a child 9999 the case system no
    longer holds) and another authority's."""
    con = duckdb.connect(str(path))
    create_ssda903_marts(con, {Y2526: ssda903_return(Y2526), Y2627: ssda903_return(Y2627)})
    submitted = {
        name: pd.concat([frame, frame[frame["CHILD"] == "1001"].assign(CHILD="9999")], ignore_index=True)
        for name, frame in ssda903_return(Y2526).items()
    }
    create_ssda903_marts(con, {Y2526: submitted}, return_source="submitted")
    create_ssda903_marts(con, {Y2526: {"Header": ssda903_return(Y2526)["Header"]}}, la_code=OTHER_LA)
    con.close()


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under the folder, by its path relative to it ('validation/validation_report.xlsx')."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _failures(folder: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((folder / "validation" / "validation_errors.csv").read_text())))


def _set(con: duckdb.DuckDBPyConnection, year: CollectionYear, child: str, assignment: str) -> None:
    """Change one child's Header row in the year's derived return, as a case-system edit would."""
    con.execute(
        f"UPDATE marts_ssda903.header SET {assignment} "
        "WHERE la_code = ? AND collection_year = ? AND return_source = 'derived' AND child = ?",
        [LA, year.label, child],
    )


def _personal_values() -> set[str]:
    """Dates of birth, UPNs and postcodes of the hand-made return: none may appear in a manifest or report."""
    values = set()
    for year in (Y2526, Y2627):
        frames = ssda903_return(year)
        values |= set(frames["Header"][["DOB", "UPN", "MC_DOB"]].stack()) - {"UN1", "UN2"}
        values |= set(frames["Episodes"][["HOME_POST", "PL_POST"]].stack())
    return values


def test_a_valid_return_is_published_with_dfe_files_its_validation_report_and_a_manifest_without_personal_data(
    tmp_path,
):
    _marts_warehouse(tmp_path / "w.duckdb")
    exports = tmp_path / "exports" / "ssda903"
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        exported = write_return(con, "2025/26", exports / "2025-26", LA, AS_OF)
        later = write_return(con, Y2627, exports / "2026-27", LA, AS_OF, providers=ssda903_providers())

    for done in (exported, later):
        assert done.published and (done.validation.errors, done.validation.queries) == (0, 0)
    files = _files(exported.folder)
    csvs = sorted(t.file for t in tables_for(Y2526))
    assert sorted(files) == sorted([*csvs, "manifest.json", "ssda903_2025-26.xml", *REPORTS])
    assert "dolo.csv" not in files and "dolo.csv" in _files(later.folder)
    assert files["header.csv"] == (
        b"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
        b"1001,M,03/05/2012,WBRI,A123456789012,,\n"
        b"1002,F,01/02/2009,AOTH,UN2,1,04/04/2025\n"
        b"1003,M,10/10/2006,BAFR,B123456789012,,\n"
        b"1004,F,05/06/2022,MWBC,UN1,0,\n"
    )
    assert exported.rows == {name: len(frame) for name, frame in ssda903_return(Y2526).items()}
    # The CSVs hold exactly the derived rows (not the submitted return's, which would double every row and add
    # child 9999, nor the other authority's).
    from_csvs = read_return([exported.folder / name for name in csvs]).frames()
    for name, frame in ssda903_return(Y2526).items():
        pd.testing.assert_frame_equal(from_csvs[name].reset_index(drop=True), frame, obj=name)
    # ... and so does the XML.
    from_xml = read_return(exported.folder / "ssda903_2025-26.xml").frames()
    assert from_xml["Episodes"].shape == (6, 13)
    assert set(from_xml["Header"]["CHILD"]) == {"1001", "1002", "1003", "1004"}

    manifest = json.loads(files["manifest.json"])
    assert (manifest["collection_year"], manifest["la_code"], manifest["extract_as_of"]) == (
        "2025/26",
        LA,
        "2026-11-01",
    )
    later_manifest = json.loads(_files(later.folder)["manifest.json"])
    assert manifest["complete_year"] is True and later_manifest["complete_year"] is False
    described = {f["file"]: f for f in manifest["files"]}
    assert set(described) == set(files) - {"manifest.json", *REPORTS}
    for name, entry in described.items():
        assert entry["sha256"] == hashlib.sha256(files[name]).hexdigest()
    assert described["episodes.csv"]["rows"] == 6 and described["ssda903_2025-26.xml"]["rows"] == 4

    # Every rule active in 2025/26 ran but those needing last year's return (2024/25 is not in this warehouse)
    # or the Ofsted provider register (not given); for 2026/27, with both, every rule ran.
    validation = manifest["validation"]
    assert {k: validation[k] for k in ("published", "errors", "queries", "report")} == {
        "published": True,
        "errors": 0,
        "queries": 0,
        "report": "validation/validation_report.xlsx",
    }
    not_run = validation["rules_not_run"]
    assert {"502", "562", "NoE", "1008"} <= set(not_run)
    assert all(unit_for(code, Y2526).needs & {"last_year", "providers"} for code in not_run)
    assert validation["rules_run"] + len(not_run) == len(active_rules(Y2526))
    assert later_manifest["validation"]["rules_not_run"] == []
    assert later_manifest["validation"]["rules_run"] == len(active_rules(Y2627))
    assert (
        files["validation/validation_errors.csv"]
        == b"collection_year,child,table,row_key,rule,message,severity,values\n"
    )
    summary = pd.read_csv(io.BytesIO(files["validation/validation_summary.csv"]), dtype=str)
    assert len(summary) == len(active_rules(Y2526)) and set(summary["failures"]) == {"0"}

    # No date of birth, UPN or postcode in the manifest or the report; '\n' line ends.
    for name in ("manifest.json", "validation/validation_errors.csv", "validation/validation_summary.csv"):
        assert not any(value in files[name].decode() for value in _personal_values()), name
    assert all(b"\r" not in content for name, content in files.items() if not name.endswith(".xlsx"))


def test_a_second_run_writes_byte_identical_files_and_archives_the_first(tmp_path):
    _marts_warehouse(tmp_path / "w.duckdb")
    target = tmp_path / "exports" / "ssda903" / "2025-26"
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        first = _files(write_return(con, Y2526, target, LA, AS_OF).folder)
        time.sleep(2.1)  # past the 2-second step of a zip entry's time: a time of writing would now show
        second = _files(write_return(con, Y2526, target, LA, AS_OF).folder)
    # The XLSX report too, though written seconds later.
    assert "validation/validation_report.xlsx" in first
    assert first == second
    (archived,) = (target.parent / "archive").iterdir()
    assert archived.name.startswith("2025-26-") and _files(archived) == first


def test_a_failed_export_leaves_the_published_return_alone_and_no_partial_folder(tmp_path, monkeypatch):
    _marts_warehouse(tmp_path / "w.duckdb")
    target = tmp_path / "exports" / "ssda903" / "2025-26"
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        published = _files(write_return(con, Y2526, target, LA, AS_OF).folder)
        # Fails before anything is written: a table the return needs is gone.
        con.execute("ALTER TABLE marts_ssda903.sw_episodes RENAME TO sw_episodes_gone")
        with pytest.raises(RuntimeError, match="marts_ssda903.sw_episodes does not exist"):
            write_return(con, Y2526, target, LA, AS_OF)
        con.execute("ALTER TABLE marts_ssda903.sw_episodes_gone RENAME TO sw_episodes")

        # Fails when the return was validated and its CSVs written: the disk is full when the XML is written.
        written = []

        def disk_full(frames, year):
            written.extend(sorted(p.name for p in (target.parent / ".2025-26.partial").iterdir()))
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(export.xml_layout, "xml_bytes", disk_full)
        with pytest.raises(OSError, match="No space left on device"):
            write_return(con, Y2526, target, LA, AS_OF)
    assert written == sorted(t.file for t in tables_for(Y2526))
    assert sorted(p.name for p in target.parent.iterdir()) == ["2025-26"]  # no .2025-26.partial, no archive
    assert _files(target) == published


def test_a_return_with_a_dfe_error_is_not_published_and_its_report_names_the_child_and_the_rule(tmp_path):
    _marts_warehouse(tmp_path / "w.duckdb")
    exports = tmp_path / "exports" / "ssda903"
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        published = _files(write_return(con, Y2526, exports / "2025-26", LA, AS_OF).folder)
        _set(con, Y2526, "1003", "ethnic = 'XXXX'")  # not a DfE ethnicity code: rule 103
        blocked = write_return(con, Y2526, exports / "2025-26", LA, AS_OF)

    assert not blocked.published and blocked.folder == exports / "2025-26-blocked" and blocked.rows == {}
    assert (blocked.validation.errors, blocked.validation.queries) == (1, 0)
    assert sorted(_files(blocked.folder)) == sorted(["manifest.json", *REPORTS])  # the report only: no CSV, no XML
    assert [(f["child"], f["table"], f["rule"], f["severity"], f["values"]) for f in _failures(blocked.folder)] == [
        ("1003", "Header", "103", "error", "ETHNIC=XXXX")
    ]
    by_child = pd.read_excel(blocked.folder / "validation" / "validation_report.xlsx", "By child", dtype=str)
    assert by_child[["child", "table", "rule", "severity"]].values.tolist() == [["1003", "Header", "103", "error"]]
    manifest = json.loads((blocked.folder / "manifest.json").read_text())
    assert manifest["files"] == []
    assert (manifest["validation"]["published"], manifest["validation"]["errors"]) == (False, 1)
    # The return published before is as it was, and not archived.
    assert sorted(p.name for p in exports.iterdir()) == ["2025-26", "2025-26-blocked"]
    assert _files(exports / "2025-26") == published


def test_a_return_with_queries_only_is_published_with_them_in_its_report(tmp_path):
    _marts_warehouse(tmp_path / "w.duckdb")
    target = tmp_path / "exports" / "ssda903" / "2025-26"
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        _set(con, Y2526, "1003", "sex = 'U'")  # a valid code DfE queries (rule 232), which does not block
        exported = write_return(con, Y2526, target, LA, AS_OF)

    assert exported.published and exported.folder == target
    assert (exported.validation.errors, exported.validation.queries) == (0, 1)
    assert [(f["child"], f["rule"], f["severity"]) for f in _failures(target)] == [("1003", "232", "query")]
    assert b"\n1003,U,10/10/2006,BAFR," in (target / "header.csv").read_bytes()
    validation = json.loads((target / "manifest.json").read_text())["validation"]
    assert (validation["published"], validation["errors"], validation["queries"]) == (True, 0, 1)
    assert sorted(p.name for p in target.parent.iterdir()) == ["2025-26"]


def test_earlier_returns_dropped_in_landing_load_into_submitted_returns(tmp_path):
    landing = tmp_path / "landing"
    returns = landing / "returns"
    (returns / "2025-26").mkdir(parents=True)
    for number, (name, path) in enumerate(
        write_csv_set(ssda903_return(Y2526), returns / "2025-26", Y2526).items()
    ):  # any file names will do
        path.rename(path.with_name(f"SSDA903_{number}_{name}.csv"))
    (returns / "2026_27").mkdir()
    write_xml(ssda903_return(Y2627), returns / "2026_27" / "kent_903.xml", Y2627)
    (returns / "2022-23").mkdir()
    (returns / "2022-23" / "header.csv").write_text(
        "CHILD,GENDER,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,01/01/2010,WBRI,UN1,,\n"
    )
    warehouse = tmp_path / "w.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute("CREATE SCHEMA reference")
        con.execute(
            "CREATE TABLE reference.postcodes (postcode VARCHAR, easting INTEGER, northing INTEGER, lad_code VARCHAR)"
        )
        con.executemany("INSERT INTO reference.postcodes VALUES (?, ?, ?, ?)", POSTCODES)

    with pytest.MonkeyPatch.context() as env:
        env.setenv("CLA_DATA_DIR", str(tmp_path))
        env.setenv("CLA_WAREHOUSE", str(warehouse))
        env.setenv("CLA_LA_CODE", LA)
        result = dg.materialize([submitted_returns], resources={"warehouse": Warehouse(path=str(warehouse))})
    assert result.success
    (check,) = result.get_asset_check_evaluations()
    assert not check.passed and check.metadata["problems"].value == 1
    assert "2022-23: header.csv: its columns (CHILD, GENDER, DOB, ETHNIC" in check.metadata["examples"].value[0]

    expected = {mart: 0 for mart in marts()}
    for year in (Y2526, Y2627):
        for name, frame in ssda903_return(year).items():
            expected[table(name).mart] += len(frame)
    with duckdb.connect(str(warehouse)) as con:
        counts = {m: con.execute(f"SELECT count(*) FROM submitted_returns.{m}").fetchall()[0][0] for m in marts()}
        assert counts == expected and counts["header"] == 8 and counts["sw_episodes"] == 5 and counts["dolo"] == 1
        assert con.execute(
            "SELECT collection_year, count(*) FROM submitted_returns.episodes WHERE la_code = ? "
            "GROUP BY ALL ORDER BY 1",
            [LA],
        ).fetchall() == [("2025/26", 6), ("2026/27", 4)]
        episodes = con.execute(
            "SELECT child, decom, pl_distance, pl_la, pl_location FROM submitted_returns.episodes "
            "WHERE collection_year = '2025/26' ORDER BY child, decom"
        ).fetchall()
        assert episodes[0] == ("1001", date(2024, 4, 1), 24.3, "E10000016", "IN")  # Canterbury → Maidstone
        assert episodes[2][2:] == (None, "E10000016", "IN")  # no home postcode: no distance
        assert con.execute("SELECT typeof(sdq_score), typeof(dob) FROM submitted_returns.oc2 LIMIT 1").fetchall() == [
            ("INTEGER", "DATE")
        ]

    # The folder is the truth: a year taken out of landing goes from the warehouse at the next load.
    shutil.rmtree(returns / "2026_27")
    with duckdb.connect(str(warehouse)) as con:
        load = load_submitted_returns(con, landing, LA, logging.getLogger())
        assert load.totals["header"] == 4
        assert [(y.folder, y.loaded) for y in load.years] == [("2022-23", False), ("2025-26", True)]
        with pytest.raises(FileProblem, match=r"nearest is Header \(missing SEX; not expected GENDER\)"):
            read_return(returns / "2022-23")


def test_partitions_are_collection_years_named_as_folders():
    keys = RETURN_YEARS.get_partition_keys()
    assert keys[0] == "2018-19" and keys[-1] == "2026-27" and len(keys) == 9
    assert return_years(AS_OF) == ["2025-26", "2026-27"]
    assert return_years(date(2026, 3, 31)) == ["2024-25", "2025-26"]


def test_the_asset_publishes_a_valid_return_and_fails_its_dfe_check_on_an_error(tmp_path):
    """The export asset over the hand-made marts, with the Ofsted register in landing/reference, once 2026/27
    has ended: a valid return is published and its blocking dfe_validation check passes; with a DfE error the
    check fails, the run fails and the published return stays as it was."""
    data = tmp_path / "data"
    warehouse = data / "warehouse.duckdb"
    (data / "landing" / "reference").mkdir(parents=True)
    _marts_warehouse(warehouse)
    ssda903_providers().to_csv(data / "landing" / "reference" / "ofsted_providers.csv", index=False)
    resources = {"warehouse": Warehouse(path=str(warehouse))}
    folder = data / "exports" / "ssda903" / "2026-27"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("CLA_DATA_DIR", str(data))
        env.setenv("CLA_WAREHOUSE", str(warehouse))
        env.setenv("CLA_AS_OF", "2027-05-01")
        env.setenv("CLA_LA_CODE", LA)
        result = dg.materialize([export.ssda903_return], partition_key="2026-27", resources=resources)
        assert result.success
        (check,) = result.get_asset_check_evaluations()
        assert check.check_name == "dfe_validation" and check.passed
        assert (check.metadata["errors"].value, check.metadata["queries"].value) == (0, 0)
        # Every rule ran: last year's return was in the warehouse and the register in landing/reference.
        assert check.metadata["rules_run"].value == len(active_rules(Y2627))
        assert check.metadata["rules_not_run"].value == {} and check.metadata["failures_by_rule"].value == {}
        (materialization,) = result.asset_materializations_for_node("exports__ssda903_return")
        assert materialization.metadata["dfe_errors"].value == 0
        assert materialization.metadata["rows_by_table"].value["DoLo"] == 1
        published = _files(folder)

        # A child's ethnicity that is no DfE code, and not last year's (2025/26 as submitted): rules 103 and 204.
        with duckdb.connect(str(warehouse)) as con:
            _set(con, Y2627, "1001", "ethnic = 'XXXX'")
        result = dg.materialize(
            [export.ssda903_return], partition_key="2026-27", resources=resources, raise_on_error=False
        )
    assert not result.success
    (check,) = result.get_asset_check_evaluations()
    assert not check.passed and check.severity == dg.AssetCheckSeverity.ERROR
    assert (check.metadata["errors"].value, check.metadata["children_with_errors"].value) == (2, 1)
    assert check.metadata["failures_by_rule"].value == {"103 (error)": 1, "204 (error)": 1}
    assert result.asset_materializations_for_node("exports__ssda903_return") == []
    (failure,) = result.get_step_failure_events()
    assert "return was not published: 2 DfE error(s)" in failure.step_failure_data.user_failure_data.description
    assert [(f["child"], f["rule"]) for f in _failures(folder.with_name("2026-27-blocked"))] == [
        ("1001", "103"),
        ("1001", "204"),
    ]
    assert _files(folder) == published


def test_a_year_in_progress_gives_a_draft_that_reports_errors_without_blocking(tmp_path):
    """Before 31 March 2027 the 2026/27 return is a draft: written to 2026-27-draft whatever its errors (many DfE
    rules hold only at the year's end), its dfe_validation check failing as a warning, never blocking."""
    data = tmp_path / "data"
    data.mkdir()
    warehouse = data / "warehouse.duckdb"
    _marts_warehouse(warehouse)
    with duckdb.connect(str(warehouse)) as con:
        _set(con, Y2627, "1001", "ethnic = 'XXXX'")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("CLA_DATA_DIR", str(data))
        env.setenv("CLA_WAREHOUSE", str(warehouse))
        env.setenv("CLA_AS_OF", "2026-11-01")
        env.setenv("CLA_LA_CODE", LA)
        result = dg.materialize(
            [export.ssda903_return], partition_key="2026-27", resources={"warehouse": Warehouse(path=str(warehouse))}
        )
    assert result.success
    (check,) = result.get_asset_check_evaluations()
    assert not check.passed and check.severity == dg.AssetCheckSeverity.WARN and check.metadata["draft"].value
    draft = data / "exports" / "ssda903" / "2026-27-draft"
    manifest = json.loads((draft / "manifest.json").read_text())
    assert manifest["validation"]["draft"] and manifest["validation"]["errors"] >= 1
    assert (draft / "header.csv").exists() and not (data / "exports" / "ssda903" / "2026-27").exists()


MART_MODELS = [ROOT / "dbt_project" / "models" / "marts" / "ssda903" / f"{m}.sql" for m in marts()]


def test_the_asset_writes_the_return_from_the_dbt_marts(tmp_path):
    """Small clean synthetic extracts → ingest → dbt (the 903 marts and what they need) → the export asset, whose
    DfE check must pass: the warehouse's own return of clean data is one DfE accepts."""
    from orchestration.ingest.postcodes import postcodes

    data = tmp_path / "data"
    warehouse = data / "warehouse.duckdb"
    ingest_synthetic_extracts(data, warehouse, seed=3, scale=0.02)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("CLA_DATA_DIR", str(data))
        env.setenv("CLA_WAREHOUSE", str(warehouse))
        env.setenv("CLA_AS_OF", "2026-11-01")
        env.setenv("CLA_LA_CODE", LA)
        resource = Warehouse(path=str(warehouse))
        assert dg.materialize([postcodes, submitted_returns], resources={"warehouse": resource}).success
        started = time.perf_counter()
        # seeds and models; the models' data tests are not this test's subject
        dbt = run_dbt(
            "build", warehouse, tmp_path, "--select", "+path:models/marts/ssda903",
            "--resource-type", "seed", "--resource-type", "model",
        )  # fmt: skip
        assert dbt.returncode == 0, dbt.stdout[-3000:]
        logging.getLogger(__name__).info(f"dbt build of the 903 marts: {time.perf_counter() - started:.1f} s")
        result = dg.materialize(
            [export.ssda903_return], partition_key="2025-26", resources={"warehouse": resource}, raise_on_error=False
        )
    (check,) = result.get_asset_check_evaluations()
    assert check.check_name == "dfe_validation"
    assert check.passed and result.success, (
        f"the 2025/26 return of clean synthetic data has {check.metadata['errors'].value} DfE error(s) "
        f"({check.metadata['children_with_errors'].value} children), by rule: "
        f"{check.metadata['failures_by_rule'].value}; see {check.metadata['report'].value}"
    )
    (materialization,) = result.asset_materializations_for_node("exports__ssda903_return")
    assert materialization.metadata["dfe_errors"].value == check.metadata["errors"].value == 0
    rows = materialization.metadata["rows_by_table"].value
    folder = data / "exports" / "ssda903" / "2025-26"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for t in tables_for(Y2526):
            derived = con.execute(
                f"SELECT count(*) FROM marts_ssda903.{t.mart} "
                "WHERE collection_year = '2025/26' AND return_source = 'derived' AND la_code = ?",
                [LA],
            ).fetchall()[0][0]
            lines = (folder / t.file).read_text().splitlines()
            assert lines[0] == ",".join(t.column_names)
            assert len(lines) - 1 == derived == rows[t.name], t.name
    assert rows["Header"] > 0 and rows["Episodes"] >= rows["Header"] * 0.5
    # The XML has a CHILD for every child in any table (DfE expects each of them in Header too).
    children = set()
    for t in tables_for(Y2526):
        children |= {line.split(",", 1)[0] for line in (folder / t.file).read_text().splitlines()[1:]}
    assert set(read_return(folder / "ssda903_2025-26.xml").tables["Header"].frame["CHILD"]) == children
