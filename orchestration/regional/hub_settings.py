"""Where the regional hub keeps things and which database it builds in: from the environment, with defaults.

CLA_HUB_DIR        the hub's folder (default $CLA_DATA_DIR/hub): landing/<la_code>/ holds each authority's share
CLA_HUB_TARGET     duckdb (default: one file, CLA_HUB_WAREHOUSE, default <hub>/hub.duckdb) or postgres
CLA_PG_HOST, CLA_PG_PORT, CLA_PG_USER, CLA_PG_PASSWORD, CLA_PG_DATABASE   the PostgreSQL server (the same
                   variables dbt's `postgres` target reads in dbt_project/profiles.yml)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from orchestration.settings import load_settings

TARGETS = ("duckdb", "postgres")


@dataclass(frozen=True)
class HubSettings:
    hub_dir: Path
    target: str
    warehouse: Path

    @property
    def landing_dir(self) -> Path:
        return self.hub_dir / "landing"


def load_hub_settings() -> HubSettings:
    hub_dir = Path(os.environ.get("CLA_HUB_DIR", load_settings().data_dir / "hub")).resolve()
    target = os.environ.get("CLA_HUB_TARGET", "duckdb")
    if target not in TARGETS:
        raise ValueError(f"CLA_HUB_TARGET must be one of {', '.join(TARGETS)}, not {target!r}")
    warehouse = Path(os.environ.get("CLA_HUB_WAREHOUSE", hub_dir / "hub.duckdb")).resolve()
    return HubSettings(hub_dir=hub_dir, target=target, warehouse=warehouse)


def postgres_environment() -> dict[str, str]:
    """The server's CLA_PG_* variables as set now (defaults as in profiles.yml)."""
    return {
        "CLA_PG_HOST": os.environ.get("CLA_PG_HOST", "localhost"),
        "CLA_PG_PORT": os.environ.get("CLA_PG_PORT", "5432"),
        "CLA_PG_USER": os.environ.get("CLA_PG_USER", "cla"),
        "CLA_PG_PASSWORD": os.environ.get("CLA_PG_PASSWORD", ""),
        "CLA_PG_DATABASE": os.environ.get("CLA_PG_DATABASE", "cla"),
    }
