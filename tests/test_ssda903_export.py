"""The 903 return out of the warehouse (data/exports/ssda903/<year>/) and earlier returns into it
(data/landing/returns/<year>/ → submitted_returns), on hand-made 903 tables of four children; and the export
asset materialised by Dagster over the real dbt marts built from small synthetic extracts."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest
from warehouse_fixtures import LA, create_ssda903_marts, ssda903_return

from orchestration.ingest.reading import FileProblem
from orchestration.resources import Warehouse
from orchestration.ssda903 import export
from orchestration.ssda903.export import RETURN_YEARS, return_years, write_return
from orchestration.ssda903.files import read_return, write_csv_set, write_xml
from orchestration.ssda903.layouts import CollectionYear, marts, table, tables_for
from orchestration.ssda903.submitted import load_submitted_returns, submitted_returns

ROOT = Path(__file__).resolve().parent.parent
Y2324, Y2425, Y2526, Y2627 = (CollectionYear(y) for y in (2024, 2025, 2026, 2027))
AS_OF = date(2026, 11, 1)
OTHER_LA = "E06000035"
POSTCODES = [  # Kent postcodes: Canterbury (E07000106) and Maidstone (E07000110), both in Kent (E10000016)
    ("CT1 1AA", 615000, 157800, "E07000106"),
    ("CT2 7NZ", 614000, 159000, "E07000106"),
    ("ME14 1XQ", 575900, 156200, "E07000110"),
]


def _marts_warehouse(path: Path) -> None:
    """marts_ssda903 as the dbt marts make them: 2025/26 and 2026/27 derived for Kent, plus rows that must not
    be exported (an earlier return's, another authority's)."""
    con = duckdb.connect(str(path))
    create_ssda903_marts(con, {Y2526: ssda903_return(Y2526), Y2627: ssda903_return(Y2627)})
    submitted = {name: frame.assign(CHILD="9999") for name, frame in ssda903_return(Y2526).items()}
    create_ssda903_marts(con, {Y2526: submitted}, return_source="submitted")
    create_ssda903_marts(con, {Y2526: {"Header": ssda903_return(Y2526)["Header"]}}, la_code=OTHER_LA)
    con.close()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_the_return_has_dfe_files_for_its_year_and_a_manifest_without_personal_data(tmp_path):
    _marts_warehouse(tmp_path / "w.duckdb")
    exports = tmp_path / "exports" / "ssda903"
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        exported = write_return(con, "2025/26", exports / "2025-26", LA, AS_OF)
        later = write_return(con, Y2627, exports / "2026-27", LA, AS_OF)

    files = _files(exported.folder)
    csvs = sorted(t.file for t in tables_for(Y2526))
    assert sorted(files) == sorted([*csvs, "manifest.json", "ssda903_2025-26.xml"])
    assert "dolo.csv" not in files and "dolo.csv" in _files(later.folder)
    assert files["header.csv"] == (
        b"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
        b"1001,M,03/05/2012,WBRI,A123456789012,,\n"
        b"1002,F,01/02/2009,AOTH,UN2,1,04/04/2025\n"
        b"1003,M,10/10/2006,BAFR,B123456789012,0,\n"
        b"1004,F,05/06/2020,MWBC,UN1,,\n"
    )
    assert exported.rows == {name: len(frame) for name, frame in ssda903_return(Y2526).items()}
    # The CSVs hold exactly the derived rows (no earlier return's child 9999, no other authority's rows).
    from_csvs = read_return([exported.folder / name for name in csvs]).frames()
    for name, frame in ssda903_return(Y2526).items():
        pd.testing.assert_frame_equal(from_csvs[name].reset_index(drop=True), frame, obj=name)
    # ... and so does the XML.
    from_xml = read_return(exported.folder / "ssda903_2025-26.xml").frames()
    assert from_xml["Episodes"].shape == (5, 13) and set(from_xml["Header"]["CHILD"]) == {
        "1001",
        "1002",
        "1003",
        "1004",
    }

    manifest = json.loads(files["manifest.json"])
    assert (manifest["collection_year"], manifest["la_code"], manifest["extract_as_of"]) == (
        "2025/26",
        LA,
        "2026-11-01",
    )
    assert (
        manifest["complete_year"] is True
        and json.loads(_files(later.folder)["manifest.json"])["complete_year"] is False
    )
    described = {f["file"]: f for f in manifest["files"]}
    assert set(described) == set(files) - {"manifest.json"}
    for name, entry in described.items():
        assert entry["sha256"] == hashlib.sha256(files[name]).hexdigest()
    assert described["episodes.csv"]["rows"] == 5 and described["ssda903_2025-26.xml"]["rows"] == 4
    text = files["manifest.json"].decode()
    assert "1001" not in text and "03/05/2012" not in text and "CT1 1AA" not in text
    assert all(b"\r" not in content for content in files.values())


def test_a_second_run_writes_byte_identical_files_and_archives_the_first(tmp_path):
    _marts_warehouse(tmp_path / "w.duckdb")
    target = tmp_path / "exports" / "ssda903" / "2025-26"
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        first = _files(write_return(con, Y2526, target, LA, AS_OF).folder)
        second = _files(write_return(con, Y2526, target, LA, AS_OF).folder)
    assert first == second
    (archived,) = (target.parent / "archive").iterdir()
    assert archived.name.startswith("2025-26-") and _files(archived) == first


def test_a_failed_export_leaves_the_published_return_alone_and_no_partial_folder(tmp_path):
    _marts_warehouse(tmp_path / "w.duckdb")
    target = tmp_path / "exports" / "ssda903" / "2025-26"
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        published = _files(write_return(con, Y2526, target, LA, AS_OF).folder)
        # Fails after several CSVs were written: a table the return needs is gone.
        con.execute("DROP TABLE marts_ssda903.sw_episodes")
        with pytest.raises(RuntimeError, match="marts_ssda903.sw_episodes does not exist"):
            write_return(con, Y2526, target, LA, AS_OF)
        # Fails at the XML: two UASC rows for one child cannot be one child's HEADER.
        create_ssda903_marts(con, {Y2526: {"SWEpisodes": ssda903_return(Y2526)["SWEpisodes"]}})
        create_ssda903_marts(con, {Y2526: {"UASC": ssda903_return(Y2526)["UASC"]}})
        with pytest.raises(ValueError, match="UASC has 2 rows for child 1002"):
            write_return(con, Y2526, target, LA, AS_OF)
    assert sorted(p.name for p in target.parent.iterdir()) == ["2025-26"]  # no .2025-26.partial, no archive
    assert _files(target) == published


def test_earlier_returns_dropped_in_landing_load_into_submitted_returns(tmp_path):
    landing = tmp_path / "landing"
    returns = landing / "returns"
    (returns / "2024-25").mkdir(parents=True)
    for number, (name, path) in enumerate(
        write_csv_set(ssda903_return(Y2425), returns / "2024-25", Y2425).items()
    ):  # any file names will do
        path.rename(path.with_name(f"SSDA903_{number}_{name}.csv"))
    (returns / "2023_24").mkdir()
    write_xml(ssda903_return(Y2324), returns / "2023_24" / "kent_903.xml", Y2324)
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
    for year in (Y2425, Y2324):
        for name, frame in ssda903_return(year).items():
            expected[table(name).mart] += len(frame)
    with duckdb.connect(str(warehouse)) as con:
        counts = {m: con.execute(f"SELECT count(*) FROM submitted_returns.{m}").fetchall()[0][0] for m in marts()}
        assert counts == expected and counts["header"] == 8 and counts["sw_episodes"] == 4 and counts["dolo"] == 0
        assert con.execute(
            "SELECT collection_year, count(*) FROM submitted_returns.episodes WHERE la_code = ? "
            "GROUP BY ALL ORDER BY 1",
            [LA],
        ).fetchall() == [("2023/24", 5), ("2024/25", 5)]
        episodes = con.execute(
            "SELECT child, decom, pl_distance, pl_la, pl_location FROM submitted_returns.episodes "
            "WHERE collection_year = '2024/25' ORDER BY child, decom"
        ).fetchall()
        assert episodes[0] == ("1001", date(2024, 4, 1), 24.3, "E10000016", "IN")  # Canterbury → Maidstone
        assert episodes[2][2:] == (None, "E10000016", "IN")  # no home postcode: no distance
        assert con.execute("SELECT typeof(sdq_score), typeof(dob) FROM submitted_returns.oc2 LIMIT 1").fetchall() == [
            ("INTEGER", "DATE")
        ]

    # The folder is the truth: a year taken out of landing goes from the warehouse at the next load.
    shutil.rmtree(returns / "2023_24")
    with duckdb.connect(str(warehouse)) as con:
        load = load_submitted_returns(con, landing, LA, logging.getLogger())
        assert load.totals["header"] == 4
        assert [(y.folder, y.loaded) for y in load.years] == [("2022-23", False), ("2024-25", True)]
        with pytest.raises(FileProblem, match=r"nearest is Header \(missing SEX; not expected GENDER\)"):
            read_return(returns / "2022-23")


def test_partitions_are_collection_years_named_as_folders():
    keys = RETURN_YEARS.get_partition_keys()
    assert keys[0] == "2018-19" and keys[-1] == "2026-27" and len(keys) == 9
    assert return_years(AS_OF) == ["2025-26", "2026-27"]
    assert return_years(date(2026, 3, 31)) == ["2024-25", "2025-26"]


MART_MODELS = [ROOT / "dbt_project" / "models" / "marts" / "ssda903" / f"{m}.sql" for m in marts()]


@pytest.mark.skipif(
    not all(p.exists() for p in MART_MODELS),
    reason="the 903 mart models (dbt_project/models/marts/ssda903/<mart>.sql) are not all written yet",
)
def test_the_asset_writes_the_return_from_the_dbt_marts(tmp_path):
    """Small synthetic extracts → ingest → dbt (the 903 marts and what they need) → the export asset."""
    from orchestration.ingest.assets import load_entity
    from orchestration.reference.postcodes import postcodes
    from schemas.contracts import load_contracts
    from synthetic import generate

    data = tmp_path / "data"
    warehouse = data / "warehouse.duckdb"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("CLA_DATA_DIR", str(data))
        env.setenv("CLA_WAREHOUSE", str(warehouse))
        env.setenv("CLA_AS_OF", "2026-11-01")
        env.setenv("CLA_LA_CODE", LA)
        generate(data / "landing", seed=3, scale=0.02, as_of=date(2026, 10, 31))
        resource = Warehouse(path=str(warehouse))
        for contract in load_contracts().values():
            load_entity(contract, resource, logging.getLogger())
        assert dg.materialize([postcodes, submitted_returns], resources={"warehouse": resource}).success
        started = time.perf_counter()
        dbt = subprocess.run(
            [
                str(Path(sys.executable).parent / "dbt"),
                "build",  # seeds and models; the models' data tests are not this test's subject
                "--select",
                "+path:models/marts/ssda903",
                "--resource-type",
                "seed",
                "--resource-type",
                "model",
                "--project-dir",
                str(ROOT / "dbt_project"),
                "--profiles-dir",
                str(ROOT / "dbt_project"),
                "--target-path",
                str(tmp_path / "target"),
                "--log-path",
                str(tmp_path / "logs"),
            ],
            capture_output=True,
            text=True,
        )
        assert dbt.returncode == 0, dbt.stdout[-3000:]
        logging.getLogger(__name__).info(f"dbt build of the 903 marts: {time.perf_counter() - started:.1f} s")
        result = dg.materialize([export.ssda903_return], partition_key="2025-26", resources={"warehouse": resource})
    assert result.success
    (materialization,) = result.asset_materializations_for_node("exports__ssda903_return")
    rows = materialization.metadata["rows_by_table"].value
    folder = data / "exports" / "ssda903" / "2025-26"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table in tables_for(Y2526):
            derived = con.execute(
                f"SELECT count(*) FROM marts_ssda903.{table.mart} "
                "WHERE collection_year = '2025/26' AND return_source = 'derived' AND la_code = ?",
                [LA],
            ).fetchall()[0][0]
            lines = (folder / table.file).read_text().splitlines()
            assert lines[0] == ",".join(table.column_names)
            assert len(lines) - 1 == derived == rows[table.name], table.name
    assert rows["Header"] > 0 and rows["Episodes"] >= rows["Header"] * 0.5
    # The XML has a CHILD for every child in any table (DfE expects each of them in Header too).
    children = set()
    for table in tables_for(Y2526):
        children |= {line.split(",", 1)[0] for line in (folder / table.file).read_text().splitlines()[1:]}
    assert set(read_return(folder / "ssda903_2025-26.xml").tables["Header"].frame["CHILD"]) == children
