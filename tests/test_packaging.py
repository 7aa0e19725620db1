"""The built wheel is the whole product: installed outside the checkout, `cla demo` runs and writes its outputs
under the folder it is run from, reading the dbt project, seeds and contracts from the installed package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tracked_files(destination: Path) -> None:
    """A copy of what git tracks (and the working tree's changes to it): what a clean clone would build."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)


def test_a_built_wheel_installs_and_runs_the_demo_outside_the_source_tree(tmp_path):
    source, wheels, site, run = (tmp_path / n for n in ("source", "wheels", "site", "run"))
    for folder in (source, wheels, site, run):
        folder.mkdir()
    _tracked_files(source)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(wheels), str(source)], check=True, capture_output=True)
    (wheel,) = wheels.glob("cla_warehouse-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)], check=True, capture_output=True)

    # The installed copy first on the path; the checkout nowhere (its editable finder comes after the path).
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLA_", "DAGSTER_", "DBT_"))}
    env |= {"PYTHONPATH": str(site), "GX_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    where = subprocess.run(
        [sys.executable, "-c", "import orchestration.settings as s; print(s.PROJECT_ROOT, s.IN_SOURCE_TREE)"],
        cwd=run,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert where == [str(site), "False"]

    demo = subprocess.run(
        [sys.executable, "-m", "orchestration.cli", "demo", "--scale", "0.05", "--faults", "missing_required_column"],
        cwd=run,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert demo.returncode == 0, demo.stdout[-4000:] + demo.stderr[-4000:]
    exports = run / "data" / "exports"
    assert (run / "data" / "warehouse.duckdb").exists()
    assert list(exports.glob("ssda903/*/header.csv")), "no 903 return written"
    assert list(exports.glob("scorecard/*/*.html")), "no scorecard written"
    # Nothing written into the installed package (dbt's target and logs go under the data folder).
    assert not (site / "dbt_project" / "target").exists() and not (site / "dbt_project" / "logs").exists()
