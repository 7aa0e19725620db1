"""The dbt project as Dagster assets: `dbt build` runs the seeds, models and their tests (as asset checks)."""

import sys
from functools import cached_property
from importlib.metadata import version as installed_version
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets
from packaging import version

from orchestration.ingest.sources import data_as_of, read_coverage
from orchestration.resources import WAREHOUSE_POOL, Warehouse
from orchestration.settings import DBT_PROJECT_DIR, DBT_TARGET_DIR, load_settings
from orchestration.transform.project import dbt_environment, dbt_project, quiet_build, reuse_prepared_parse
from orchestration.transform.translator import WarehouseTranslator


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=WarehouseTranslator(),
    pool=WAREHOUSE_POOL,
)
def warehouse_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse):
    """Seeds, staging, intermediate and marts, built and tested by dbt."""
    settings = load_settings()
    with warehouse.connect() as con:
        coverage = read_coverage(con, settings.la_code)
    as_of = ""  # none recorded by audit/sources at this load: the macros fall back on CLA_AS_OF
    if coverage:
        reached = data_as_of(coverage, settings.as_of)
        as_of = reached.isoformat()
        context.log.info(f"building as of {reached:%d/%m/%Y}, the date every required source reaches")
    # One fixed target folder (dbt runs one at a time, in the duckdb pool), started from the parse made at start-up:
    # dbt's partial parse then re-reads only the files changed since, for any warehouse, authority or as-of date
    # (orchestration/transform/dbt_command.py, macros/run_setting.sql).
    # dbt's unit tests test the models' logic on fixed rows, not the data: they run with the test suite's full
    # `dbt build` (tests/test_dbt_project.py), not at every load (13 of them, about a tenth of the build's time).
    target = DBT_TARGET_DIR / "dagster"
    reuse_prepared_parse(target)
    with dbt_environment(warehouse.path, CLA_LA_CODE=settings.la_code, CLA_DATA_AS_OF=as_of, **quiet_build()):
        build = dbt.cli(["build", "--exclude-resource-type", "unit_test"], context=context, target_path=target)
    yield from build.stream()


class WarehouseDbt(DbtCliResource):
    """dagster-dbt's resource without two start-up costs this project does not use: asking the dbt executable its
    version (a second dbt process, seconds on a busy machine) and opening a dbt adapter in this process, which
    dagster-dbt needs only to fetch row counts or column metadata after the build (not fetched here)."""

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(installed_version("dbt-core"))  # the dbt beside this Python (dbt_resource)

    def _initialize_dbt_core_adapter(self, args):
        return None


def dbt_resource() -> DbtCliResource:
    # dbt run from the warehouse's folder (cla-dbt, installed beside this Python, whether or not the virtual
    # environment is activated), so that every warehouse's build reuses the same parse.
    return WarehouseDbt(
        project_dir=dbt_project,
        profiles_dir=str(DBT_PROJECT_DIR),
        dbt_executable=str(Path(sys.executable).parent / "cla-dbt"),
    )
