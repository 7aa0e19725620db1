"""Which extracts a group of dbt models is built from, read from dbt's manifest (the lineage Dagster also shows).

Each dbt source is an ingest asset (`meta.dagster.asset_key`: raw/<source>/<entity>); walking up from the models
of one folder to the sources they read gives the extract entities behind a product, e.g. the 903 marts.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from orchestration.transform.project import prepare_dbt_project


@cache
def _manifest(path: Path, changed: float) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def extracts_upstream_of(models_folder: str) -> list[str]:
    """The raw entities (e.g. 'placements') every model under `models_folder` (e.g. 'models/marts/ssda903')
    reads from, directly or through other models."""
    path = prepare_dbt_project()
    manifest = _manifest(path, path.stat().st_mtime)  # read again when dbt parses again
    nodes, sources = manifest["nodes"], manifest["sources"]
    to_visit = [k for k, n in nodes.items() if n.get("original_file_path", "").startswith(models_folder + "/")]
    seen: set[str] = set()
    entities: set[str] = set()
    while to_visit:
        key = to_visit.pop()
        if key in seen:
            continue
        seen.add(key)
        if key in sources:
            asset_key = sources[key].get("meta", {}).get("dagster", {}).get("asset_key", [])
            if asset_key[:1] == ["raw"]:
                entities.add(asset_key[-1])
        elif key in nodes:
            to_visit += nodes[key].get("depends_on", {}).get("nodes", [])
    return sorted(entities)
