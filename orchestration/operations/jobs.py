"""The jobs, each named for what a user wants done.

- `load_extracts_and_rebuild`: load whatever is in the landing folder and rebuild the warehouse and every
  output that is not made for a period. The landing sensor starts it; `cla run` runs it.
- `make_903_return`: one collection year's SSDA903 return (partition '2025-26' = 2025/26).
- `publish_scorecard`: one month's Children in Care scorecard report (partition = the month).

The outputs made for a period (a collection year's return, a month's scorecard) are left out of the rebuild:
a job runs for one partition at a time, and which year or month to publish is the user's (or the schedule's)
choice, not a side effect of a new extract.
"""

from collections.abc import Set

import dagster as dg

from orchestration.scorecard.report import REPORT_KEY as SCORECARD_REPORT_KEY
from orchestration.ssda903.export import EXPORT_KEY


class _NotMadePerPeriod(dg.AssetSelection):
    """Every asset that can be materialised and is not partitioned, whatever assets the project holds."""

    def resolve_inner(self, asset_graph, allow_missing: bool) -> Set[dg.AssetKey]:
        return {key for key in asset_graph.materializable_asset_keys if not asset_graph.get(key).is_partitioned}

    def to_selection_str(self) -> str:
        return "not partitioned"


load_extracts_and_rebuild = dg.define_asset_job(
    "load_extracts_and_rebuild",
    selection=_NotMadePerPeriod(),
    description=(
        "Load every extract in the landing folder (checking each row against its contract), rebuild the "
        "warehouse with dbt, and write the ingest and data-quality reports. Started by the landing sensor when "
        "an extract changes, or by hand."
    ),
)

make_903_return = dg.define_asset_job(
    "make_903_return",
    selection=dg.AssetSelection.assets(EXPORT_KEY),  # partitioned by collection year, as the asset is
    description=(
        "Validate and write one collection year's SSDA903 return (choose the year as the partition, e.g. "
        "2025-26). Scheduled each May for the year that ended on 31 March."
    ),
)

publish_scorecard = dg.define_asset_job(
    "publish_scorecard",
    selection=dg.AssetSelection.assets(SCORECARD_REPORT_KEY),  # monthly partitions, as the report has
    description=(
        "Publish the Children in Care scorecard report for one month (choose the month as the partition). "
        "Scheduled on the 3rd of each month for the month just ended."
    ),
)
