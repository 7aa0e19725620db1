"""Keeping the rules current: a newer DfE catalogue compared with ours, and taken in with its change log."""

from __future__ import annotations

import csv
import shutil

import pytest

from orchestration.ssda903.layouts import CollectionYear
from orchestration.ssda903.validation import catalogue_changes
from orchestration.ssda903.validation.catalogue import CATALOGUE, catalogue, read_catalogue
from orchestration.ssda903.validation.catalogue_changes import compare, natural_key


def _edited_catalogue(path, edit):
    with open(CATALOGUE, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows = edit(rows)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def _next_release(rows):
    """What DfE's next mid-year change could look like: 2026/27 gains a rule, loses one, rewords one."""
    for row in rows:
        if row["code"] == "SW19STG2":
            row["active_2026_27"] = ""
        if row["code"] == "101":
            row["message"] = "The child's reported sex is not valid."
    new = dict(rows[0], code="244", message="A new rule.", active_2022_23="", active_2023_24="")
    new.update(active_2024_25="", active_2025_26="", active_2026_27="Y")
    return [*rows, new]


def test_a_new_catalogue_is_compared_rule_by_rule_and_year_by_year(tmp_path):
    new = read_catalogue(_edited_catalogue(tmp_path / "new.csv", _next_release))
    changes = {(c.year.label, c.change, c.rule) for c in compare(catalogue(), new)}
    assert changes == {
        ("2026/27", "added", "244"),
        ("2026/27", "retired", "SW19STG2"),
        ("2022/23", "reworded", "101"),
        ("2023/24", "reworded", "101"),
        ("2024/25", "reworded", "101"),
        ("2025/26", "reworded", "101"),
        ("2026/27", "reworded", "101"),
    }
    assert compare(catalogue(), catalogue()) == []


def test_the_command_lists_the_changes_and_with_update_takes_the_catalogue_in(tmp_path, monkeypatch, capsys):
    from orchestration.cli import main

    ours = tmp_path / "rule_catalogue.csv"
    shutil.copyfile(CATALOGUE, ours)
    monkeypatch.setattr(catalogue_changes, "CATALOGUE", ours)
    monkeypatch.setattr(catalogue_changes, "CHANGE_LOG", tmp_path / "rule_changes.csv")
    new = _edited_catalogue(tmp_path / "release.csv", _next_release)

    assert main(["compare-903-rules", str(new)]) == 0
    printed = capsys.readouterr().out
    assert "2026/27  added     244" in printed and "2026/27  retired   SW19STG2" in printed
    assert ours.read_bytes() == CATALOGUE.read_bytes()  # only listed

    assert main(["compare-903-rules", str(new), "--update"]) == 2  # a release name is required
    assert main(["compare-903-rules", str(new), "--release", "0.1.18", "--update"]) == 0
    assert ours.read_bytes() == new.read_bytes()
    with open(tmp_path / "rule_changes.csv", newline="", encoding="utf-8") as f:
        logged = {(r["release"], r["collection_year"], r["change"], r["rule"]) for r in csv.DictReader(f)}
    assert ("0.1.18", "2026/27", "added", "244") in logged and ("0.1.18", "2026/27", "retired", "SW19STG2") in logged


def test_a_file_that_is_not_a_catalogue_is_named(tmp_path, capsys):
    from orchestration.cli import main

    (tmp_path / "rules.csv").write_text("rule,text\n101,x\n", encoding="utf-8")
    assert main(["compare-903-rules", str(tmp_path / "rules.csv")]) == 2
    assert "rules.csv: not a rule catalogue" in capsys.readouterr().out


def test_release_0_1_17_is_in_the_change_log():
    recorded = catalogue_changes.recorded_changes()
    logged = {(r["release"], r["collection_year"], r["change"], r["rule"]) for r in recorded}
    for code in ("241", "242", "243", "SW10aSTG2", "SW10bSTG2", "SW18STG2", "SW19STG2"):
        assert ("0.1.17", "2025/26", "added", code) in logged
    assert ("0.1.17", "2025/26", "retired", "SW01aSTG1") in logged
    assert catalogue()["SW01aSTG1"].years == frozenset({2025})  # runs in 2024/25 only
    assert not catalogue()["SW01bSTG1"].active_in(CollectionYear(2026))


@pytest.mark.parametrize(
    ("codes", "ordered"),
    [(["1000", "101", "SW01aSTG1", "503B", "503A", "99"], ["99", "101", "503A", "503B", "1000", "SW01aSTG1"])],
)
def test_rule_codes_sort_naturally(codes, ordered):
    assert sorted(codes, key=natural_key) == ordered


def test_each_difference_from_the_sector_validator_says_why_with_an_example():
    import yaml

    from orchestration.ssda903.validation.coverage import DIFFERENCES, render

    entries = yaml.safe_load(DIFFERENCES.read_text(encoding="utf-8"))
    active = {r.code for r in catalogue().values() if r.active_in(CollectionYear(2026))}
    page = render()
    for entry in entries:
        codes = [c.strip() for c in entry["rule"].split(",")]
        assert set(codes) <= active, entry["rule"]
        assert len(entry["why"]) > 40 and "CHILD" in entry["example"], entry
        assert f"| {entry['rule']} | {entry['ours']} | {entry['theirs']} |" in page
