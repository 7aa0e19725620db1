"""The job that makes a month's share for the region (kept beside the share, not in operations/, while that
package is reorganised; it is only wiring)."""

import dagster as dg

from orchestration.regional.share import SHARE_KEY

share_with_region = dg.define_asset_job(
    "share_with_region",
    selection=dg.AssetSelection.assets(SHARE_KEY),  # monthly partitions, as the scorecard's
    description=(
        "Write the month's pseudonymised share for the region (choose the month as the partition) into "
        "exports/regional_share/<yyyy-mm>/; needs CLA_SHARE_KEY."
    ),
)
