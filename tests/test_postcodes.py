"""Every UK postcode ships with the repository (seeds/postcodes_uk.parquet), so a placement anywhere gets its
PL_DISTANCE, PL_LA and PL_LOCATION and rule 392c can say whether a postcode exists; CLA_POSTCODES still takes
a newer ONS directory, whatever ONS has called its columns."""

from __future__ import annotations

import gzip
import logging
import time

import dagster as dg
import duckdb
import pandas as pd
import pytest

from orchestration.ingest.postcode_directory import SHIPPED, PostcodeDirectoryProblem, directory_query
from orchestration.ingest.postcodes import postcodes
from orchestration.resources import Warehouse
from orchestration.settings import PROJECT_ROOT
from orchestration.ssda903.layouts import CollectionYear
from orchestration.ssda903.validation.database import open_database
from orchestration.ssda903.validation.postcodes import derive_postcode_fields, load_postcode_directory
from orchestration.ssda903.validation.runner import validate_return

Y2526 = CollectionYear(2026)
KENT = "E10000016"


def test_the_shipped_directory_holds_every_uk_postcode_with_its_attribution():
    rows = (
        duckdb.connect()
        .execute(f"SELECT count(*), count(easting), count(DISTINCT postcode) FROM ({directory_query(SHIPPED)})")
        .fetchall()
    )
    assert rows == [(2_720_556, 2_696_397, 2_720_556)]
    assert SHIPPED.stat().st_size < 12_000_000
    beside = (SHIPPED.parent / "postcodes_uk.md").read_text(encoding="utf-8")
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for attribution in ("Open Government Licence v.3.0", "Royal Mail data", "GeoPlace data"):
        assert attribution in beside and attribution in readme


def test_a_child_placed_in_manchester_gets_distance_authority_and_location():
    episodes = pd.DataFrame(
        [
            {"CHILD": "1", "LS": "C2", "HOME_POST": "ME14 1XQ", "PL_POST": "M1 1AE"},  # Maidstone → Manchester
            {"CHILD": "2", "LS": "C2", "HOME_POST": "ME14 1XQ", "PL_POST": "CF10 1EP"},  # → Cardiff
            {"CHILD": "3", "LS": "C2", "HOME_POST": "ME14 1XQ", "PL_POST": "ct1 1aa"},  # → Canterbury, in Kent
            {"CHILD": "4", "LS": "C2", "HOME_POST": "ME14 1XQ", "PL_POST": "ME99 9ZZ"},  # no such postcode
        ]
    )
    con = open_database(Y2526, KENT, {"episodes": episodes})
    load_postcode_directory(con)
    derive_postcode_fields(con)
    derived = con.execute("SELECT CHILD, PL_DISTANCE, PL_LA, PL_LOCATION FROM episodes ORDER BY CHILD").fetchall()
    assert derived[0][2:] == ("E08000003", "OUT") and 190 < float(derived[0][1]) < 210
    assert derived[1][2:] == ("WAL", "OUT")
    assert derived[2][2:] == (KENT, "IN")
    assert derived[3][1:] == (None, None, None)
    # the directory in the validation database holds only the return's postcodes
    assert con.execute("SELECT count(*) FROM postcode_directory").fetchall() == [(4,)]


def test_a_well_formed_postcode_that_does_not_exist_fails_392c():
    episodes = pd.DataFrame(
        [
            {"CHILD": "1", "DECOM": "01/05/2025", "LS": "C2", "HOME_POST": "ME14 1XQ", "PL_POST": "M1 1AE"},
            {"CHILD": "2", "DECOM": "01/05/2025", "LS": "C2", "HOME_POST": "ME14 1XQ", "PL_POST": "ME99 9ZZ"},
        ]
    )
    validation = validate_return(Y2526, KENT, {"Episodes": episodes})
    found = validation.failures
    assert found.loc[found["rule"] == "392c", "child"].tolist() == ["2"]
    assert found.loc[found["rule"] == "392a", "child"].tolist() == ["2"]  # no distance for it either
    assert "164" not in set(found["rule"])  # a blank distance is 392a's to report


def _onspd(path, header: str, rows: list[str]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(header + "\n" + "\n".join(rows) + "\n")


def test_cla_postcodes_takes_a_newer_ons_directory_whatever_its_column_names(tmp_path, monkeypatch):
    newer = tmp_path / "ONSPD_FEB_2027_UK.csv.gz"
    _onspd(
        newer,
        "pcd7,pcds,dointr,doterm,east1m,north1m,lad26cd,ctry26cd",
        ["M1  1AE,M1 1AE,198001,,384756,398553,E08000003,E92000001", "ZZ991AA,ZZ99 1AA,202701,,,,,E92000001"],
    )
    query = directory_query(newer)
    assert duckdb.connect().execute(f"SELECT * FROM ({query}) ORDER BY 1").fetchall() == [
        ("M1 1AE", 384756, 398553, "E08000003"),
        ("ZZ99 1AA", None, None, None),
    ]
    monkeypatch.setenv("CLA_POSTCODES", str(newer))
    episodes = pd.DataFrame([{"CHILD": "1", "LS": "C2", "HOME_POST": "ZZ99 1AA", "PL_POST": "M1 1AE"}])
    con = open_database(Y2526, KENT, {"episodes": episodes})
    load_postcode_directory(con)
    assert con.execute("SELECT postcode FROM postcode_directory ORDER BY 1").fetchall() == [("M11AE",), ("ZZ991AA",)]

    broken = tmp_path / "no_grid.csv.gz"
    _onspd(broken, "pcds,lad26cd", ["M1 1AE,E08000003"])
    with pytest.raises(PostcodeDirectoryProblem, match=r"no_grid.csv.gz: no easting column \(looked for easting"):
        directory_query(broken)
    with pytest.raises(PostcodeDirectoryProblem, match="no such postcode directory"):
        directory_query(tmp_path / "missing.csv")


def test_the_asset_loads_every_uk_postcode_in_seconds(tmp_path):
    warehouse = Warehouse(path=str(tmp_path / "warehouse.duckdb"))
    started = time.perf_counter()
    result = dg.materialize([postcodes], resources={"warehouse": warehouse})
    elapsed = time.perf_counter() - started
    logging.getLogger(__name__).info(f"reference/postcodes: 2.7 million postcodes in {elapsed:.1f} s")
    (materialization,) = result.asset_materializations_for_node("reference__postcodes")
    assert materialization.metadata["dagster/row_count"].value == 2_720_556
    assert materialization.metadata["file"].value == "postcodes_uk.parquet"
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT * FROM reference.postcodes WHERE postcode = 'M1 1AE'").fetchall() == [
            ("M1 1AE", 384756, 398553, "E08000003")
        ]
