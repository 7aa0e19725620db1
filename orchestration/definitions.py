"""The Dagster definitions: every asset, check, job, schedule, sensor and resource of the warehouse."""

from __future__ import annotations

import dagster as dg

from orchestration.ingest.assets import ingest_assets
from orchestration.ingest.authority_reference import authority_reference
from orchestration.ingest.postcodes import postcodes
from orchestration.ingest.report import ingest_report
from orchestration.ingest.sources import sources
from orchestration.operations.jobs import load_extracts_and_rebuild, make_903_return, publish_scorecard
from orchestration.operations.landing_sensor import landing_files_changed
from orchestration.operations.schedules import annual_903_return, monthly_scorecard
from orchestration.quality.checks import quality_checks
from orchestration.quality.report import quality_report
from orchestration.regional.share import regional_share
from orchestration.regional.share_job import share_with_region
from orchestration.resources import Warehouse
from orchestration.scorecard.report import scorecard_report
from orchestration.settings import load_settings
from orchestration.ssda903.export import ssda903_return
from orchestration.ssda903.submitted import returns_landing, submitted_returns
from orchestration.transform.assets import dbt_resource, warehouse_models


def build_definitions() -> dg.Definitions:
    settings = load_settings()
    return dg.Definitions(
        assets=[
            *ingest_assets(),
            sources,
            postcodes,
            authority_reference,
            returns_landing,
            submitted_returns,
            warehouse_models,
            ingest_report,
            quality_report,
            ssda903_return,
            scorecard_report,
            regional_share,
        ],
        asset_checks=quality_checks(),
        jobs=[load_extracts_and_rebuild, make_903_return, publish_scorecard, share_with_region],
        schedules=[annual_903_return, monthly_scorecard],
        sensors=[landing_files_changed],
        resources={"warehouse": Warehouse(path=str(settings.warehouse)), "dbt": dbt_resource()},
        # One process, steps in turn: the warehouse takes one writer at a time, and on a 2-core machine a
        # process per step spends longer starting Python than the steps take.
        executor=dg.in_process_executor,
    )


defs = build_definitions()
