"""The dbt project as Dagster sees it, and its preparation (the manifest Dagster reads its models from).

As in Dagster's dbt examples, `dagster dev` prepares the manifest itself (`prepare_if_dev`); everything else that
loads the definitions (`cla`, the tests, a deployment) calls `prepare_dbt_project()` first. Importing this module
runs nothing and changes no environment variable.
"""

from __future__ import annotations

from pathlib import Path

from dagster_dbt import DbtProject

from orchestration.environment import temporary_environment
from orchestration.settings import DBT_PROJECT_DIR, DBT_TARGET_DIR, SEEDS_DIR, load_settings

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR, target_path=DBT_TARGET_DIR)
dbt_project.prepare_if_dev()


def dbt_environment(warehouse: str | Path | None = None):
    """CLA_WAREHOUSE set for dbt (profiles.yml reads it; only environment variables reach a profile) while dbt
    starts, then restored: dbt and Dagster open the same absolute file, and nothing else sees a change."""
    return temporary_environment({"CLA_WAREHOUSE": str(warehouse or load_settings().warehouse)})


def _newest_source_change(project_dir: Path) -> float:
    watched = [project_dir / "dbt_project.yml", *project_dir.glob("models/**/*"), *project_dir.glob("macros/**/*")]
    watched += [*project_dir.glob("tests/**/*"), *SEEDS_DIR.glob("*.csv")]
    return max(p.stat().st_mtime for p in watched if p.is_file())


def prepare_dbt_project() -> Path:
    """Parse the dbt project when its manifest is missing or older than a model, macro, test or seed."""
    manifest = dbt_project.manifest_path
    if not manifest.exists() or manifest.stat().st_mtime < _newest_source_change(DBT_PROJECT_DIR):
        from dbt.cli.main import dbtRunner

        with dbt_environment():
            result = dbtRunner().invoke(
                ["parse", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR), "--quiet"]
                + ["--target-path", str(DBT_TARGET_DIR), "--log-path", str(DBT_TARGET_DIR)]
            )
        if not result.success:
            raise RuntimeError(f"dbt parse failed: {result.exception}")
    return manifest
