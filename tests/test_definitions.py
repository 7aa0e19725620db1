"""The Dagster definitions load, and the lineage an analyst reads cannot change by accident."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from orchestration.definitions import defs

SNAPSHOT = Path(__file__).parent / "snapshots" / "asset_keys.txt"


def _graph():
    return defs.resolve_asset_graph()


def test_definitions_load_with_every_extract_entity():
    from schemas.contracts import load_contracts

    keys = {k.to_user_string() for k in _graph().get_all_asset_keys()}
    for contract in load_contracts().values():
        for stage in ("landing", "raw", "quarantine", "staging"):
            assert f"{stage}/{contract.source}/{contract.entity}" in keys


def test_asset_keys_match_the_snapshot():
    """If this fails because you added or moved an asset on purpose, rewrite the snapshot:
    python -c "from tests.test_definitions import write_snapshot; write_snapshot()"."""
    keys = sorted(k.to_user_string() for k in _graph().get_all_asset_keys())
    assert keys == SNAPSHOT.read_text().split()


def write_snapshot() -> None:
    SNAPSHOT.write_text("\n".join(sorted(k.to_user_string() for k in _graph().get_all_asset_keys())) + "\n")


def test_lineage_runs_from_landing_through_raw_to_staging():
    graph = _graph()
    staging = graph.get(dg.AssetKey(["staging", "case_system", "placements"]))
    assert dg.AssetKey(["raw", "case_system", "placements"]) in staging.parent_keys
    raw = graph.get(dg.AssetKey(["raw", "case_system", "placements"]))
    assert dg.AssetKey(["landing", "case_system", "placements"]) in raw.parent_keys


def test_every_asset_is_described_grouped_and_owned():
    graph = _graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.description and len(node.description) > 20, f"{key.to_user_string()} has no description"
        assert node.group_name and node.group_name != "default", f"{key.to_user_string()} has no group"
        if node.is_materializable:
            assert node.owners, f"{key.to_user_string()} has no owner"


def test_ingest_and_dbt_tests_are_asset_checks():
    checks = {c.to_user_string() for c in _graph().asset_check_keys}
    assert "raw/case_system/children:contract" in checks
    assert "raw/case_system/children:rows_accounted" in checks
    assert any(c.startswith("staging/case_system/children:") and "unique" in c for c in checks)
