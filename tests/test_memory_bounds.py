"""Every warehouse connection works within the same DuckDB bounds (CLA_DUCKDB_MEMORY_LIMIT):
the Dagster steps' through the Warehouse resource, dbt's through profiles.yml. And the bench's measure of a
step's peak memory sees memory the step takes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from orchestration.memory_peak import GIB, step, tree_rss
from orchestration.resources import Warehouse
from orchestration.settings import DBT_PROJECT_DIR


def test_the_warehouse_connection_is_bounded_by_the_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("CLA_DUCKDB_MEMORY_LIMIT", "1GB")
    with Warehouse(path=str(tmp_path / "warehouse.duckdb")).connect() as con:
        limit = con.execute("select current_setting('memory_limit')").fetchone()[0]
    assert limit == "953.6 MiB"  # DuckDB shows 1GB (10^9 bytes) in binary units


def test_dbt_sets_the_bound_again_after_duckdb_has_spilled():
    """dbt sets its settings on every connection it opens: none may be one DuckDB refuses once used (the
    England-size build failed so on temp_directory, after its largest model spilled)."""
    profile = (DBT_PROJECT_DIR / "profiles.yml").read_text()
    assert "temp_directory" not in profile


def test_dbt_connects_within_the_same_bounds(tmp_path, monkeypatch):
    monkeypatch.setenv("CLA_WAREHOUSE", str(tmp_path / "warehouse.duckdb"))
    monkeypatch.setenv("CLA_DUCKDB_MEMORY_LIMIT", "1GB")
    shown = subprocess.run(
        [str(Path(sys.executable).parent / "dbt"), "show", "--inline"]
        + ["select current_setting('memory_limit') as m, current_setting('temp_directory') as t", "--output", "json"]
        + ["--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)]
        + ["--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs")],
        capture_output=True,
        text=True,
    )
    assert shown.returncode == 0, shown.stdout[-2000:]
    assert '"m": "953.6 MiB"' in shown.stdout
    assert f'"t": "{tmp_path / "warehouse.duckdb"}.tmp"' in shown.stdout  # DuckDB's own spill folder


def test_a_steps_peak_memory_includes_what_it_allocates():
    figures: dict = {}
    before = tree_rss() / GIB
    with step(figures, "allocate"):
        block = bytearray(300 * 1024**2)
        block[::4096] = b"x" * len(block[::4096])  # touch every page, so it is resident
    assert figures["allocate_s"] >= 0
    assert figures["allocate_peak_gib"] >= before + 0.25
    del block


@pytest.mark.parametrize("limit", ["", "2GB"])
def test_an_unset_limit_is_duckdbs_own_default(tmp_path, monkeypatch, limit):
    from orchestration.settings import duckdb_config

    monkeypatch.setenv("CLA_DUCKDB_MEMORY_LIMIT", limit)
    assert duckdb_config()["memory_limit"] == (limit or "80%")
