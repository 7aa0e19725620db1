"""Shared fixtures: a temporary data folder with its own warehouse file, set through the environment exactly as
a deployment sets it (CLA_DATA_DIR, CLA_WAREHOUSE), so dbt and Dagster open the same absolute path."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")


def pytest_sessionstart(session):
    """The dbt manifest the Dagster definitions are built from, parsed once if a model changed (as `cla` does)."""
    from orchestration.transform.project import prepare_dbt_project

    prepare_dbt_project()


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("CLA_DATA_DIR", str(folder))
    monkeypatch.setenv("CLA_WAREHOUSE", str(folder / "warehouse.duckdb"))
    monkeypatch.setenv("CLA_AS_OF", "2026-11-01")
    return folder
