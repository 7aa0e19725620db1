"""The Dagster definitions: every asset, check, job and resource of the warehouse."""

from __future__ import annotations

import dagster as dg

from orchestration.exports.ingest_report import ingest_report
from orchestration.ingest.assets import ingest_assets
from orchestration.reference.postcodes import postcodes
from orchestration.resources import Warehouse
from orchestration.settings import load_settings
from orchestration.ssda903.export import make_903_return, ssda903_return
from orchestration.ssda903.submitted import returns_landing, submitted_returns
from orchestration.transform.assets import dbt_resource, warehouse_models

refresh_warehouse = dg.define_asset_job(
    "refresh_warehouse",
    # The 903 return is partitioned by collection year: its own job (make_903_return) makes one year's.
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets(ssda903_return),
    description="Load every extract in data/landing, check it, and rebuild the warehouse and its outputs.",
)


def build_definitions() -> dg.Definitions:
    settings = load_settings()
    return dg.Definitions(
        assets=[
            *ingest_assets(),
            postcodes,
            returns_landing,
            submitted_returns,
            warehouse_models,
            ingest_report,
            ssda903_return,
        ],
        jobs=[refresh_warehouse, make_903_return],
        resources={"warehouse": Warehouse(path=str(settings.warehouse)), "dbt": dbt_resource()},
        # One process, steps in turn: the warehouse takes one writer at a time, and on a 2-core machine a
        # process per step spends longer starting Python than the steps take.
        executor=dg.in_process_executor,
    )


defs = build_definitions()
