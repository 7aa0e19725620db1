"""Asset keys and groups for dbt models, from where the model sits in dbt_project/models.

`models/staging/case_system/stg_case_system__children.sql` is the asset `staging/case_system/children` in the
group `case_system`, next to the landing, raw and quarantine assets of the same extract;
`models/marts/ssda903/episodes.sql` is `marts/ssda903/episodes` in the group `ssda903`. Keys depend only on
paths, so lineage changes only when a model moves (tests/test_definitions.py snapshots the keys).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings
from dagster_dbt.asset_utils import default_description_fn, default_owners_from_dbt_resource_props

from orchestration.owners import owners_for_group
from orchestration.transform.check_descriptions import describe_test

_PREFIXES = ("stg_", "int_", "fct_", "dim_", "mart_")


def _clean(name: str) -> str:
    for prefix in _PREFIXES:
        name = name.removeprefix(prefix)
    return name.split("__")[-1]  # stg_<source>__<entity>: the source is already in the folder


class WarehouseTranslator(DagsterDbtTranslator):
    def __init__(self) -> None:
        super().__init__(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        kind = dbt_resource_props["resource_type"]
        if kind == "source":
            return super().get_asset_key(dbt_resource_props)  # meta.dagster.asset_key links to the ingest
        if kind == "seed":
            return dg.AssetKey(["reference", dbt_resource_props["name"]])
        folders = dbt_resource_props["fqn"][1:-1]
        return dg.AssetKey([*folders, _clean(dbt_resource_props["name"])])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        folders = dbt_resource_props["fqn"][1:-1]
        # staging/<source>, intermediate/<topic>, marts/<product>: the second folder names the group.
        return folders[1] if len(folders) > 1 else folders[0] if folders else None

    def get_description(self, dbt_resource_props: Mapping[str, Any]) -> str:
        """The model's description from its YAML (then its SQL); a sentence from where it sits if it has none,
        so the UI never shows a bare 'dbt model …'."""
        if dbt_resource_props.get("description"):
            return default_description_fn(dbt_resource_props)
        return default_description_fn({**dbt_resource_props, "description": _fallback_description(dbt_resource_props)})

    def get_asset_check_spec(self, asset_spec, manifest, unique_id, project):
        """dbt's test as a check, described in plain words (its generated name stays: results match on it)."""
        spec = super().get_asset_check_spec(asset_spec, manifest, unique_id, project)
        if spec is None or spec.description:
            return spec
        test = manifest["nodes"][unique_id]
        model = next(
            (manifest["nodes"].get(p, {}).get("name", "") for p in manifest["parent_map"].get(unique_id, [])),
            asset_spec.key.path[-1],
        )
        attached = test.get("attached_node")
        if attached in manifest["nodes"]:
            model = manifest["nodes"][attached]["name"]
        return dg.AssetCheckSpec(
            name=spec.name,
            asset=spec.asset_key,
            description=describe_test(test, model),
            additional_deps=spec.additional_deps,
            metadata=spec.metadata,
            blocking=spec.blocking,
        )

    def get_owners(self, dbt_resource_props: Mapping[str, Any]) -> Sequence[str] | None:
        # Owners set in the model's YAML (meta.dagster.owners, or its dbt group's owner) win, then the group's team.
        declared = default_owners_from_dbt_resource_props(dbt_resource_props)
        return declared or owners_for_group(self.get_group_name(dbt_resource_props))


_LAYERS = {
    "staging": "A view over the raw table of the same extract, renaming, typing and decoding its columns",
    "intermediate": "An intermediate model: one step of the logic between staging and the marts",
    "marts": "A mart: a finished table that the exports and analysts read",
}


def _fallback_description(props: Mapping[str, Any]) -> str:
    if props["resource_type"] == "seed":
        what = "Reference data loaded by dbt seed"
    else:
        what = _LAYERS.get(props["fqn"][1] if len(props["fqn"]) > 2 else "", f"A dbt {props['resource_type']}")
    return f"{what} ({props.get('original_file_path', props['name'])}; its YAML has no description yet)."
