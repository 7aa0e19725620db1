"""The dbt project as Dagster assets: `dbt build` runs the seeds, models and their tests (as asset checks)."""

import os
import sys
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource, DbtProject, dbt_assets

from orchestration.resources import WAREHOUSE_POOL, Warehouse
from orchestration.settings import DBT_PROJECT_DIR, DBT_TARGET_DIR, load_settings
from orchestration.transform.translator import WarehouseTranslator


def _newest_source_change(project_dir: Path) -> float:
    watched = [project_dir / "dbt_project.yml", *project_dir.glob("models/**/*"), *project_dir.glob("macros/**/*")]
    watched += [*project_dir.glob("tests/**/*"), *(project_dir.parent / "seeds").glob("*.csv")]
    return max(p.stat().st_mtime for p in watched if p.is_file())


def ensure_manifest(project_dir: Path = DBT_PROJECT_DIR) -> Path:
    """Parse the dbt project when its manifest is missing or older than a model: `dagster dev` would do this,
    but tests, CI and `cla` load the definitions directly."""
    manifest = DBT_TARGET_DIR / "manifest.json"
    if not manifest.exists() or manifest.stat().st_mtime < _newest_source_change(project_dir):
        from dbt.cli.main import dbtRunner

        result = dbtRunner().invoke(
            ["parse", "--project-dir", str(project_dir), "--profiles-dir", str(project_dir), "--quiet"]
            + ["--target-path", str(DBT_TARGET_DIR)]
        )
        if not result.success:
            raise RuntimeError(f"dbt parse failed: {result.exception}")
    return manifest


# dbt reads the warehouse path from the environment (profiles.yml); parsing needs it set.
os.environ.setdefault("CLA_WAREHOUSE", str(load_settings().warehouse))

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR, target_path=DBT_TARGET_DIR)


@dbt_assets(
    manifest=ensure_manifest(),
    project=dbt_project,
    dagster_dbt_translator=WarehouseTranslator(),
    pool=WAREHOUSE_POOL,
)
def warehouse_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse):
    """Seeds, staging, intermediate and marts, built and tested by dbt."""
    # dbt runs in a subprocess that inherits this environment: the same absolute file as every other step.
    os.environ["CLA_WAREHOUSE"] = warehouse.path
    os.environ["CLA_LA_CODE"] = load_settings().la_code
    # One fixed target folder (dbt runs one at a time, in the duckdb pool): dbt's partial parsing then reuses
    # the last parse instead of parsing the whole project again on every run.
    yield from dbt.cli(["build"], context=context, target_path=DBT_TARGET_DIR / "dagster").stream()


def dbt_resource() -> DbtCliResource:
    # The dbt installed beside this Python, whether or not the virtual environment is activated.
    return DbtCliResource(
        project_dir=dbt_project,
        profiles_dir=str(DBT_PROJECT_DIR),
        dbt_executable=str(Path(sys.executable).parent / "dbt"),
    )
