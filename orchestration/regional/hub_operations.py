"""The hub's jobs and sensors.

- `load_authority_share`: load one authority's share (the partition is the authority's code).
- `rebuild_regional_marts`: rebuild the regional marts over every share loaded.
- The sensor `shares_arrived` watches <hub>/landing/<la_code>/: a new authority becomes a partition, and a share
  whose content changed (SHA-256 of its files) starts one load; `marts_after_a_share` then rebuilds the marts.
"""

import hashlib
import json

import dagster as dg

from orchestration.ingest.landing import content_hash
from orchestration.regional.hub_dbt import REGIONAL_GROUP
from orchestration.regional.hub_ingest import AUTHORITIES, SHARES_GROUP
from orchestration.regional.hub_settings import load_hub_settings

load_authority_share = dg.define_asset_job(
    "load_authority_share",
    selection=dg.AssetSelection.groups(SHARES_GROUP),
    partitions_def=AUTHORITIES,
    description="Load one authority's share from <hub>/landing/<la_code>/, checking every row against the "
    "share's contract (choose the authority as the partition). Started by the shares_arrived sensor.",
)

rebuild_regional_marts = dg.define_asset_job(
    "rebuild_regional_marts",
    selection=dg.AssetSelection.groups(REGIONAL_GROUP),
    description="Rebuild the regional marts (dbt) over every authority's share the hub holds.",
)


def share_fingerprints() -> dict[str, str]:
    """Each authority folder's content hash (its files' names and SHA-256), hidden and partial files left out."""
    landing = load_hub_settings().landing_dir
    found = {}
    for folder in sorted(p for p in landing.glob("*") if p.is_dir() and not p.name.startswith(".")):
        files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith((".", "~$")))
        digest = hashlib.sha256()
        for path in files:
            digest.update(f"{path.name}:{content_hash(path)}\n".encode())
        if files:
            found[folder.name] = digest.hexdigest()
    return found


@dg.sensor(job=load_authority_share, minimum_interval_seconds=30)
def shares_arrived(context: dg.SensorEvaluationContext) -> dg.SensorResult:
    seen = json.loads(context.cursor) if context.cursor else {}
    now = share_fingerprints()
    changed = [la for la, digest in now.items() if seen.get(la) != digest]
    known = set(context.instance.get_dynamic_partitions(AUTHORITIES.name))
    return dg.SensorResult(
        run_requests=[dg.RunRequest(partition_key=la, run_key=f"{la}:{now[la]}") for la in changed],
        dynamic_partitions_requests=[AUTHORITIES.build_add_request([la for la in changed if la not in known])],
        cursor=json.dumps(now),
    )


@dg.run_status_sensor(
    run_status=dg.DagsterRunStatus.SUCCESS, monitored_jobs=[load_authority_share], request_job=rebuild_regional_marts
)
def marts_after_a_share(context: dg.RunStatusSensorContext) -> dg.RunRequest:
    return dg.RunRequest(run_key=f"after:{context.dagster_run.run_id}")
