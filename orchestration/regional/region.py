"""A synthetic region, end to end: several authorities of different sizes, each with its own extracts, warehouse
and key, each making its share with the authority's own Dagster definitions, and the hub loading them all.

    <region>/authorities/<la_code>/   an authority's data folder: landing/, warehouse.duckdb, exports/
    <region>/keys/<la_code>.key       its pseudonymisation key (outside its data, never in the share)
    <region>/hub/landing/<la_code>/   its share, copied in as an authority would send it
    <region>/region.json              who the authorities are, their seeds and scales

The synthetic authorities are the generator's population, shaped like the demo authority's, at other sizes and
seeds, named after a real region's authorities (their districts and postcodes stay the demo authority's): enough
to exercise the pooling, not to describe those places.
"""

from __future__ import annotations

import csv
import json
import secrets
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from orchestration.environment import temporary_environment
from orchestration.settings import SEEDS_DIR

# Relative sizes, so that a region's authorities differ as real ones do (the demo authority 1, a small unitary a
# fifth of it).
SIZES = (1.0, 0.35, 0.6, 0.25, 0.8, 0.45, 0.2, 0.7, 0.3, 0.5, 0.4)
SOUTH_EAST = ("E10000016", "E06000035", "E10000011", "E10000032", "E10000030", "E10000014", "E06000043", "E06000044")
AS_OF = date(2026, 10, 31)  # the generator's extract date; the share is October 2026's
SHARE_MONTH = "2026-10"


@dataclass(frozen=True)
class Authority:
    la_code: str
    la_name: str
    seed: int
    scale: float


def authority_names() -> dict[str, str]:
    with open(SEEDS_DIR / "ltla21_to_utla21.csv", newline="", encoding="utf-8") as fh:
        return {row["UTLA21CD"]: row["UTLA21NM"] for row in csv.DictReader(fh)}


def region_authorities(count: int, scale: float, seed: int = 1) -> list[Authority]:
    """Up to 8 South East authorities, or London's boroughs (up to 33) for more; sizes vary by SIZES."""
    names = authority_names()
    codes = list(SOUTH_EAST) if count <= len(SOUTH_EAST) else sorted(c for c in names if c.startswith("E09"))
    if count > len(codes):
        raise ValueError(f"a region of at most {len(codes)} authorities")
    return [
        Authority(code, names[code], seed + i, round(max(0.02, scale * SIZES[i % len(SIZES)]), 3))
        for i, code in enumerate(codes[:count])
    ]


def generate_region(folder: Path, authorities: list[Authority], say: Callable[[str], None] = print) -> None:
    """Each authority's extracts and key, and region.json."""
    from synthetic import generate

    for authority in authorities:
        started = time.perf_counter()
        landing = folder / "authorities" / authority.la_code / "landing"
        generate(landing, seed=authority.seed, scale=authority.scale, as_of=AS_OF)
        key = folder / "keys" / f"{authority.la_code}.key"
        key.parent.mkdir(parents=True, exist_ok=True)
        if not key.exists():
            key.write_text(secrets.token_hex(32) + "\n", encoding="utf-8")
            key.chmod(0o600)
        seconds = time.perf_counter() - started
        say(f"  {authority.la_code} {authority.la_name}: scale {authority.scale}, generated in {seconds:.1f} s")
    (folder / "region.json").write_text(json.dumps([asdict(a) for a in authorities], indent=2) + "\n")


def read_region(folder: Path) -> list[Authority]:
    return [Authority(**a) for a in json.loads((folder / "region.json").read_text())]


def authority_environment(folder: Path, authority: Authority) -> dict[str, str]:
    data = folder / "authorities" / authority.la_code
    return {
        "CLA_DATA_DIR": str(data),
        "CLA_WAREHOUSE": str(data / "warehouse.duckdb"),
        "CLA_LA_CODE": authority.la_code,
        "CLA_LA_NAME": authority.la_name,
        "CLA_SHARE_KEY_FILE": str(folder / "keys" / f"{authority.la_code}.key"),
        "CLA_AS_OF": "2026-11-01",
    }


def make_share(folder: Path, authority: Authority, instance) -> Path:
    """The authority's own run: its extracts loaded and its marts built (the assets the share needs, and nothing
    else), then the month's share; copied into the hub's landing folder. Returns the share's folder."""
    import dagster as dg

    from orchestration.regional.share import SHARE_KEY

    with temporary_environment(authority_environment(folder, authority)):
        from orchestration.definitions import build_definitions

        defs = build_definitions()
        graph = defs.resolve_asset_graph()
        # The reference data too: dbt's tests of the selected models read the code lists.
        needed = dg.AssetSelection.assets(SHARE_KEY).upstream() | dg.AssetSelection.groups("reference")
        needed = needed.required_multi_asset_neighbors()
        upstream = needed.resolve(graph) - {SHARE_KEY}
        build = defs.resolve_job_def("load_extracts_and_rebuild").execute_in_process(
            instance=instance,
            asset_selection=sorted(k for k in upstream if graph.get(k).is_materializable),
            raise_on_error=True,
            run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
        )
        assert build.success
        defs.resolve_job_def("share_with_region").execute_in_process(
            instance=instance, partition_key=SHARE_MONTH, raise_on_error=True
        )
        share = folder / "authorities" / authority.la_code / "exports" / "regional_share" / SHARE_MONTH
    landing = folder / "hub" / "landing" / authority.la_code
    shutil.rmtree(landing, ignore_errors=True)
    shutil.copytree(share, landing)
    return share


def hub_environment(folder: Path, target: str = "duckdb") -> dict[str, str]:
    return {
        "CLA_HUB_DIR": str(folder / "hub"),
        "CLA_HUB_TARGET": target,
        "CLA_HUB_WAREHOUSE": str(folder / "hub" / f"hub_{target}.duckdb"),
        "CLA_AS_OF": "2026-11-01",
    }


def run_hub(folder: Path, instance, target: str = "duckdb") -> dict[str, float]:
    """Every authority's share loaded (one run per partition), then the regional marts built; seconds per stage."""
    with temporary_environment(hub_environment(folder, target)):
        from orchestration.regional.definitions import build_hub_definitions
        from orchestration.regional.hub_ingest import AUTHORITIES

        defs = build_hub_definitions()
        authorities = sorted(p.name for p in (folder / "hub" / "landing").iterdir() if p.is_dir())
        instance.add_dynamic_partitions(AUTHORITIES.name, authorities)
        started = time.perf_counter()
        load = defs.resolve_job_def("load_authority_share")
        for la_code in authorities:
            load.execute_in_process(instance=instance, partition_key=la_code, raise_on_error=True)
        loaded = time.perf_counter()
        defs.resolve_job_def("rebuild_regional_marts").execute_in_process(instance=instance, raise_on_error=True)
        return {"load_seconds": round(loaded - started, 1), "marts_seconds": round(time.perf_counter() - loaded, 1)}
