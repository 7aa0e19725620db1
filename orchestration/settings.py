"""Where things are and which local authority this is: read from the environment, with defaults for the demo.

The authority comes from its configuration file (`authorities/`, chosen by CLA_AUTHORITY; `schemas.authority`);
CLA_LA_CODE, CLA_LA_NAME and CLA_LA_OLD_CODE still override its codes and name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from schemas.authority import Authority, load_authority

# The source tree, or the folder the wheel was installed into (site-packages): the dbt project, the seeds and the
# contracts ship with the package, so an installed copy needs no checkout.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
IN_SOURCE_TREE = (PROJECT_ROOT / "pyproject.toml").exists()
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
SEEDS_DIR = PROJECT_ROOT / "seeds"
SCHEMAS_DIR = PROJECT_ROOT / "schemas"
DAGSTER_YAML = Path(__file__).resolve().parent / "dagster.yaml"  # the instance's settings DAGSTER_HOME starts from


def _default_data_dir() -> Path:
    """data/ in the checkout; ./data where the package is installed (never inside site-packages)."""
    return Path(os.environ.get("CLA_DATA_DIR", (PROJECT_ROOT if IN_SOURCE_TREE else Path.cwd()) / "data")).resolve()


# dbt's manifest and run results; CLA_DBT_TARGET moves them (two checkouts or test runs side by side).
DBT_TARGET_DIR = Path(
    os.environ.get(
        "CLA_DBT_TARGET", DBT_PROJECT_DIR / "target" if IN_SOURCE_TREE else _default_data_dir() / "dbt_target"
    )
).resolve()


def duckdb_config() -> dict[str, str]:
    """The bound every warehouse connection works within (dbt's too: profiles.yml reads the same variable):
    CLA_DUCKDB_MEMORY_LIMIT (DuckDB's own default, 80% of the machine's memory, when unset; `4GB` bounds an
    England-size build). Past it DuckDB spills to its default folder beside the warehouse, `<warehouse>.tmp`:
    that folder is not configurable here, since DuckDB refuses to set it again once it has been used, and dbt
    sets its settings on every connection it opens."""
    return {"memory_limit": os.environ.get("CLA_DUCKDB_MEMORY_LIMIT") or "80%"}


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    warehouse: Path
    la_code: str
    la_name: str
    la_old_code: str
    as_of: date
    # A load or a publication with fewer than this share of its last rows is refused (CLA_MIN_SHARE_KEPT).
    min_share_kept: float = 0.5
    # Sources, besides those their contract calls optional, whose missing or shrunken extract keeps its last
    # good load, marked stale (CLA_OPTIONAL_SOURCES=health,education).
    optional_sources: frozenset[str] = frozenset()

    @property
    def landing_dir(self) -> Path:
        return self.data_dir / "landing"

    @property
    def exports_dir(self) -> Path:
        return self.data_dir / "exports"


def authority() -> Authority:
    """The authority's configuration file: CLA_AUTHORITY (a path, or a shipped file's code or name), else the
    demo's default."""
    return load_authority()


def load_settings() -> Settings:
    """Settings from CLA_* environment variables; paths are made absolute so dbt and Dagster agree."""
    configured = authority()
    data_dir = _default_data_dir()
    warehouse = Path(os.environ.get("CLA_WAREHOUSE", data_dir / "warehouse.duckdb")).resolve()
    as_of = os.environ.get("CLA_AS_OF")
    return Settings(
        data_dir=data_dir,
        warehouse=warehouse,
        la_code=os.environ.get("CLA_LA_CODE", configured.code),
        la_name=os.environ.get("CLA_LA_NAME", configured.name),
        la_old_code=os.environ.get("CLA_LA_OLD_CODE", configured.old_code),
        as_of=date.fromisoformat(as_of) if as_of else date.today(),
        min_share_kept=float(os.environ.get("CLA_MIN_SHARE_KEPT", "0.5")),
        optional_sources=frozenset(
            s.strip() for s in os.environ.get("CLA_OPTIONAL_SOURCES", "").split(",") if s.strip()
        ),
    )
