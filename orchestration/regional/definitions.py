"""The regional hub's Dagster definitions: a second code location (workspace.yaml), beside the authority's.

Each authority's share is a partition of the share assets; the regional marts are built over all of them on the
hub's target (CLA_HUB_TARGET: duckdb, or postgres with CLA_PG_*).
"""

import dagster as dg

from orchestration.regional.hub_dbt import hub_dbt_resource, regional_models
from orchestration.regional.hub_ingest import share_assets
from orchestration.regional.hub_operations import (
    load_authority_share,
    marts_after_a_share,
    rebuild_regional_marts,
    shares_arrived,
)
from orchestration.regional.hub_settings import load_hub_settings, postgres_environment
from orchestration.regional.hub_store import HubWarehouse


def hub_resource() -> HubWarehouse:
    settings = load_hub_settings()
    pg = postgres_environment()
    return HubWarehouse(
        target=settings.target,
        path=str(settings.warehouse),
        pg_host=pg["CLA_PG_HOST"],
        pg_port=int(pg["CLA_PG_PORT"]),
        pg_user=pg["CLA_PG_USER"],
        pg_password=pg["CLA_PG_PASSWORD"],
        pg_database=pg["CLA_PG_DATABASE"],
    )


def build_hub_definitions() -> dg.Definitions:
    return dg.Definitions(
        assets=[*share_assets(), regional_models],
        jobs=[load_authority_share, rebuild_regional_marts],
        sensors=[shares_arrived, marts_after_a_share],
        resources={"hub": hub_resource(), "dbt": hub_dbt_resource()},
        executor=dg.in_process_executor,
    )


defs = build_hub_definitions()
