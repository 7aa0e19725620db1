"""Who answers for each group of assets: the team a question about an asset goes to.

Groups are by source (the extracts, their raw, quarantine and staging tables) or by purpose (the 903 return,
the scorecard, data quality, reference data). An asset's owner follows its group, so a new model in a group
has the right owner without anyone remembering to set it.
"""

from __future__ import annotations

DATA_ENGINEERING = "team:data-engineering"  # loads the extracts, runs the warehouse, fixes failures
STATUTORY_RETURNS = "team:statutory-returns"  # makes and submits the SSDA903 return
PERFORMANCE = "team:performance"  # the monthly Children in Care scorecard and its indicators

GROUP_OWNERS = {
    "ssda903": STATUTORY_RETURNS,
    "scorecard": PERFORMANCE,
}


def owners_for_group(group: str | None) -> list[str]:
    """The sources, reference data and data quality are data engineering's; the products are their users'."""
    return [GROUP_OWNERS.get(group or "", DATA_ENGINEERING)]
