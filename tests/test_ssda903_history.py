"""Rules that look at a child's whole history: the pipeline gives them every year the warehouse holds, and
`cla validate-903 --history` the earlier returns it is given. The hand-made 2025/26 return's care leaver
(child 1003) died in care in 2022/23 in these tests, which only an earlier return can show (rule 1000)."""

from __future__ import annotations

import duckdb
import pandas as pd
from warehouse_fixtures import LA, create_ssda903_marts, ssda903_return

from orchestration.ssda903.export import write_return
from orchestration.ssda903.files import write_csv_set
from orchestration.ssda903.layouts import CollectionYear, table

Y2223, Y2526 = CollectionYear(2023), CollectionYear(2026)
DIED_IN_2022 = {
    "Header": pd.DataFrame([["1003", "M", "10/10/2006", "BAFR", "B123456789012", None, None]],
                           columns=list(table("Header").column_names)),
    "Episodes": pd.DataFrame(
        [["1003", "01/01/2022", "S", "C2", "N1", "U4", "PR1", "01/06/2022", "E2", None, "ME14 1XX", "CT1 1AA", None]],
        columns=list(table("Episodes").column_names),
    ),
}  # fmt: skip


def test_the_export_checks_each_child_against_every_year_the_warehouse_holds(tmp_path):
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        create_ssda903_marts(con, {Y2526: ssda903_return(Y2526)})
        clean = write_return(con, Y2526, tmp_path / "exports" / "2025-26", LA)
        assert clean.published and clean.validation.errors == 0
        create_ssda903_marts(con, {Y2223: DIED_IN_2022})
        blocked = write_return(con, Y2526, tmp_path / "exports" / "2025-26", LA)
    failures = blocked.validation.failures
    assert not blocked.published
    assert failures[["child", "table", "rule"]].values.tolist() == [["1003", "OC3", "1000"]]


def _files(folder, year, frames):
    folder.mkdir(parents=True)
    write_csv_set(frames, folder, year)
    return str(folder)


def test_validate_903_reads_earlier_returns_given_with_history(tmp_path, capsys):
    from orchestration.cli import main

    this_year = _files(tmp_path / "return", Y2526, ssda903_return(Y2526))
    earlier = _files(tmp_path / "2022-23", Y2223, DIED_IN_2022)
    common = ["validate-903", "--year", "2025/26", "--la-code", LA, this_year]

    assert main([*common, "--out", str(tmp_path / "alone")]) == 0
    alone = capsys.readouterr().out
    assert "rule(s) not run, needs last year's return" in alone  # says which rules did not run, and why

    assert main([*common, "--history", earlier, "--out", str(tmp_path / "with")]) == 1
    printed = capsys.readouterr().out
    assert "history: 2022/23" in printed
    errors = pd.read_csv(tmp_path / "with" / "validation_errors.csv", dtype=str)
    assert errors[["child", "rule"]].values.tolist() == [["1003", "1000"]]


def test_an_earlier_return_in_a_folder_not_named_by_year_is_dated_by_its_episodes(tmp_path, capsys):
    from orchestration.cli import main

    this_year = _files(tmp_path / "return", Y2526, ssda903_return(Y2526))
    undated = _files(tmp_path / "old return", Y2223, DIED_IN_2022)
    same_year = _files(tmp_path / "2022-23", Y2223, DIED_IN_2022)
    common = ["validate-903", "--year", "2025/26", "--la-code", LA, this_year, "--out", str(tmp_path / "out")]

    assert main([*common, "--history", undated]) == 1
    assert "history: 2022/23" in capsys.readouterr().out
    assert main([*common, "--history", undated, same_year]) == 2
    assert "taken as 2022/23, which is not an earlier year than 2025/26 or is given twice" in capsys.readouterr().out
