"""The regional marts as Dagster assets: the dbt project's models/regional, built over the hub's share tables on the
hub's target (DuckDB or PostgreSQL).

The regional models are enabled only with the var regional_hub (dbt_project.yml), so an authority's own build and
manifest never see them; the hub parses the project with it into a target folder of its own.
"""

import json
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DbtCliResource, DbtProject, dbt_assets

from orchestration.environment import temporary_environment
from orchestration.regional.hub_settings import load_hub_settings, postgres_environment
from orchestration.regional.hub_store import HUB_POOL, HubWarehouse
from orchestration.settings import DBT_PROJECT_DIR, DBT_TARGET_DIR
from orchestration.transform.translator import WarehouseTranslator

HUB_VARS = json.dumps({"regional_hub": True})
HUB_TARGET_DIR = DBT_TARGET_DIR / "hub"
REGIONAL_GROUP = "hub_marts"

hub_dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR, target_path=HUB_TARGET_DIR)


@contextmanager
def hub_dbt_environment(hub: HubWarehouse | None = None) -> Iterator[None]:
    """The variables profiles.yml reads, set for dbt while it starts and then restored: CLA_WAREHOUSE (the hub's
    DuckDB file) and the CLA_PG_* of its server."""
    settings = load_hub_settings()
    values = {"CLA_WAREHOUSE": hub.path if hub and hub.path else str(settings.warehouse), **postgres_environment()}
    if hub is not None and hub.target == "postgres":
        values |= {
            "CLA_PG_HOST": hub.pg_host,
            "CLA_PG_PORT": str(hub.pg_port),
            "CLA_PG_USER": hub.pg_user,
            "CLA_PG_PASSWORD": hub.pg_password,
            "CLA_PG_DATABASE": hub.pg_database,
        }
    with temporary_environment(values):
        yield


def prepare_hub_dbt_project() -> Path:
    """Parse the project with the regional models enabled when the hub's manifest is missing or older than a source."""
    from orchestration.transform.project import _newest_source_change

    manifest = hub_dbt_project.manifest_path
    if not manifest.exists() or manifest.stat().st_mtime < _newest_source_change(DBT_PROJECT_DIR):
        from dbt.cli.main import dbtRunner

        with hub_dbt_environment():
            result = dbtRunner().invoke(
                ["parse", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR), "--quiet"]
                + ["--vars", HUB_VARS, "--target-path", str(HUB_TARGET_DIR), "--log-path", str(HUB_TARGET_DIR)]
            )
        if not result.success:
            raise RuntimeError(f"dbt parse of the regional models failed: {result.exception}")
    return manifest


class HubTranslator(WarehouseTranslator):
    """Keys as the authority's (regional/staging/episodes, regional/marts/dfe_measures), all in one group."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return REGIONAL_GROUP


# The hub's definitions are read from its manifest: parsed here when missing or older than a model (a second or two
# when it is current), so the hub's code location never shows models older than the project's.
prepare_hub_dbt_project()


@dbt_assets(
    manifest=hub_dbt_project.manifest_path,
    project=hub_dbt_project,
    select="path:models/regional",
    dagster_dbt_translator=HubTranslator(),
    pool=HUB_POOL,
)
def regional_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, hub: HubWarehouse):
    """The regional marts over every authority's share, built and tested by dbt on the hub's target."""
    with hub_dbt_environment(hub):
        build = dbt.cli(
            ["build", "--vars", HUB_VARS, "--target", hub.target],
            context=context,
            target_path=HUB_TARGET_DIR / "dagster",
        )
    yield from build.stream()


def hub_dbt_resource() -> DbtCliResource:
    return DbtCliResource(
        project_dir=hub_dbt_project,
        profiles_dir=str(DBT_PROJECT_DIR),
        dbt_executable=str(Path(sys.executable).parent / "dbt"),
    )
