"""The dbt project as Dagster sees it, and its preparation (the manifest Dagster reads its models from).

As in Dagster's dbt examples, `dagster dev` prepares the manifest itself (`prepare_if_dev`); everything else that
loads the definitions (`cla`, the tests, a deployment) calls `prepare_dbt_project()` first. Importing this module
runs nothing and changes no environment variable.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from dagster_dbt import DbtProject

from orchestration.environment import temporary_environment
from orchestration.settings import DBT_PROJECT_DIR, DBT_TARGET_DIR, SEEDS_DIR, load_settings

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR, target_path=DBT_TARGET_DIR)
dbt_project.prepare_if_dev()


PARTIAL_PARSE = "partial_parse.msgpack"  # dbt's saved parse, in its target folder


def dbt_environment(warehouse: str | Path | None = None, **run_settings: str):
    """What dbt reads from the environment, set while dbt starts and then restored (nothing else sees a change):
    CLA_WAREHOUSE, the file (profiles.yml; only environment variables reach a profile), and a build's settings,
    CLA_LA_CODE and CLA_DATA_AS_OF (macros/la_code.sql, as_of_date.sql). Environment variables, not dbt's --vars:
    dbt parses the whole project again whenever --vars change, while the macros read these only as a model runs."""
    return temporary_environment({"CLA_WAREHOUSE": str(warehouse or load_settings().warehouse), **run_settings})


def quiet_build() -> dict[str, str]:
    """What a build writes besides the warehouse, unless the environment says otherwise: dbt's debug log file
    (12 MB a build at scale 1) kept to warnings and errors, and no manifest.json or run_results.json in its target
    (Dagster reads dbt's events as they stream; `make bench` sets DBT_WRITE_JSON=true for dbt's own timings).
    About 1 s of CPU a build; logs/dbt_build.log keeps dbt's line per model and test either way."""
    quiet = {"DBT_LOG_LEVEL_FILE": "warn", "DBT_WRITE_JSON": "false"}
    return {name: os.environ.get(name, value) for name, value in quiet.items()}


def reuse_prepared_parse(target: Path) -> None:
    """A dbt run in `target` starts from the parse prepare_dbt_project() saved when that one is newer (the first
    build, or the first since a model changed): dbt then parses only the files that changed since, not the project."""
    prepared, kept = DBT_TARGET_DIR / PARTIAL_PARSE, target / PARTIAL_PARSE
    if prepared.exists() and (not kept.exists() or kept.stat().st_mtime < prepared.stat().st_mtime):
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(prepared, kept)


def _newest_source_change(project_dir: Path) -> float:
    watched = [project_dir / "dbt_project.yml", *project_dir.glob("models/**/*"), *project_dir.glob("macros/**/*")]
    watched += [*project_dir.glob("tests/**/*"), *SEEDS_DIR.glob("*.csv")]
    return max(p.stat().st_mtime for p in watched if p.is_file())


def prepare_dbt_project() -> Path:
    """Parse the dbt project when its manifest is missing or older than a model, macro, test or seed."""
    manifest = dbt_project.manifest_path
    if not manifest.exists() or manifest.stat().st_mtime < _newest_source_change(DBT_PROJECT_DIR):
        parse_dbt_project(DBT_TARGET_DIR)
    return manifest


def parse_dbt_project(target: Path) -> None:
    """`dbt parse` into `target`: the manifest, and the saved parse the builds start from (reuse_prepared_parse)."""
    from dbt.cli.main import dbtRunner

    # The file's name alone, as cla-dbt gives it to the builds (orchestration/transform/dbt_command.py): the profile
    # is then theirs, and their first parse is partial. A parse opens no connection.
    with dbt_environment(load_settings().warehouse.name):
        result = dbtRunner().invoke(
            ["parse", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR), "--quiet"]
            + ["--target-path", str(target), "--log-path", str(target)]
        )
    if not result.success:
        raise RuntimeError(f"dbt parse failed: {result.exception}")
