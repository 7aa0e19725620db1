"""Shared fixtures: a temporary data folder with its own warehouse file, set through the environment exactly as
a deployment sets it (CLA_DATA_DIR, CLA_WAREHOUSE), so dbt and Dagster open the same absolute path."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")

# Under pytest-xdist each worker gets its own dbt target and log folders: Dagster's dbt runs write one fixed
# target folder (orchestration/transform/assets.py), which two workers building at once must not share. Set
# before anything imports orchestration.settings, which reads CLA_DBT_TARGET once.
SHARED_DBT_TARGET = Path(
    os.environ.get("CLA_DBT_TARGET") or Path(__file__).resolve().parent.parent / "dbt_project" / "target"
)
WORKER = os.environ.get("PYTEST_XDIST_WORKER")
if WORKER:
    os.environ["CLA_DBT_TARGET"] = str(SHARED_DBT_TARGET / f"xdist_{WORKER}")
    os.environ["DBT_LOG_PATH"] = str(SHARED_DBT_TARGET / f"xdist_{WORKER}" / "logs")


# The files whose module-scoped build takes a minute or more, slowest first (`--durations` of a whole run). Run
# first, so that with two workers (`make test` runs `pytest -n 2`) the short files fill in around them rather than
# one long build starting last while the other worker idles.
SLOWEST_FIRST = (
    "test_region.py",
    "test_bad_inputs.py",
    "test_ssd_layout.py",
    "test_packaging.py",
    "test_sources.py",
    "test_quality.py",
    "test_end_to_end.py",
    "test_other_authority.py",
    "test_scorecard_models.py",
)


def pytest_collection_modifyitems(config, items):
    """The slowest files first; within a file the order is unchanged. With pytest-xdist (`--dist loadfile`) a
    file's tests all run on one worker, so a module-scoped build is made once, as without xdist."""
    rank = {name: i for i, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def pytest_sessionstart(session):
    """The dbt manifests the Dagster definitions are built from (the authority's and the regional hub's), parsed
    once if a model changed (as `cla` does). An xdist worker starts from the controller's (times kept)."""
    from orchestration.settings import DBT_TARGET_DIR

    if WORKER:
        assert SHARED_DBT_TARGET.resolve() / f"xdist_{WORKER}" == DBT_TARGET_DIR, "orchestration imported too early"
        for name in ("manifest.json", "partial_parse.msgpack", "hub/manifest.json", "hub/partial_parse.msgpack"):
            if (SHARED_DBT_TARGET / name).exists():
                (DBT_TARGET_DIR / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(SHARED_DBT_TARGET / name, DBT_TARGET_DIR / name)
    from orchestration.regional.hub_dbt import prepare_hub_dbt_project
    from orchestration.transform.project import prepare_dbt_project

    prepare_dbt_project()
    prepare_hub_dbt_project()


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("CLA_DATA_DIR", str(folder))
    monkeypatch.setenv("CLA_WAREHOUSE", str(folder / "warehouse.duckdb"))
    monkeypatch.setenv("CLA_AS_OF", "2026-11-01")
    return folder
