"""`make bench-region`: the hub's time at 8 and 33 authorities, on DuckDB and on PostgreSQL.

Three small synthetic authorities are built for real (extracts, warehouse, share); the 8 and 33 authorities the hub
then loads are copies of their shares relabelled with other authorities' codes (the hub's work grows with the rows
and the authorities; building 33 authorities' own warehouses here would time the authority, not the hub). The
PostgreSQL server is started in a temporary folder as the tests do. Appends to BENCHMARKS.md.
"""

from __future__ import annotations

import platform
import shutil
import sys
import time
from datetime import datetime
from pathlib import Path

import dagster as dg
import pandas as pd

from orchestration.environment import temporary_environment
from orchestration.regional.region import generate_region, make_share, read_region, region_authorities, run_hub
from orchestration.settings import PROJECT_ROOT, load_settings

COUNTS = (8, 33)
SCALE = 0.05


def relabelled_region(source: Path, target: Path, count: int) -> int:
    """<target>/hub/landing/ with `count` authorities' shares, copied round-robin from the built ones; rows copied."""
    built = sorted(p for p in (source / "hub" / "landing").iterdir() if p.is_dir())
    codes = [a.la_code for a in region_authorities(count, 0.02)]
    rows = 0
    shutil.rmtree(target, ignore_errors=True)
    for i, code in enumerate(codes):
        origin = built[i % len(built)]
        landing = target / "hub" / "landing" / code
        landing.mkdir(parents=True)
        for path in origin.glob("*.csv"):
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
            frame["la_code"] = code
            frame.to_csv(landing / path.name, index=False)
            rows += len(frame)
    return rows


def main() -> int:
    sys.path.insert(0, str(PROJECT_ROOT / "tests"))
    from postgres_server import postgres_server

    work = load_settings().data_dir / "bench" / "region"
    shutil.rmtree(work, ignore_errors=True)
    started = time.perf_counter()
    generate_region(work / "built", region_authorities(3, SCALE))
    with dg.DagsterInstance.ephemeral() as instance:
        for authority in read_region(work / "built"):
            make_share(work / "built", authority, instance)
    built_seconds = time.perf_counter() - started
    lines = []
    with postgres_server() as server:
        for count in COUNTS:
            rows = relabelled_region(work / "built", work / f"hub-{count}", count)
            for target in ("duckdb", "postgres"):
                with temporary_environment(server.environment()), dg.DagsterInstance.ephemeral() as instance:
                    timings = run_hub(work / f"hub-{count}", instance, target)
                lines.append(
                    f"| {count} | {target} | {rows:,} | {timings['load_seconds']} | {timings['marts_seconds']} |"
                )
                print(lines[-1], flush=True)
    report = [
        "",
        f"## Regional hub, {datetime.now():%Y-%m-%d %H:%M} ({platform.machine()}, {platform.processor() or 'cpu'})",
        "",
        f"Shares of 3 synthetic authorities at scale {SCALE} (built in {built_seconds:.0f} s), copied to 8 and 33",
        "authorities; the hub loads each share (one partition, one run each, contract-checked) and builds the",
        "regional marts with dbt. PostgreSQL 15 in a temporary folder on the same machine (fsync off).",
        "",
        "| authorities | target | rows shared | load shares (s) | regional marts (s) |",
        "|---|---|---|---|---|",
        *lines,
        "",
    ]
    with open(PROJECT_ROOT / "BENCHMARKS.md", "a", encoding="utf-8") as fh:
        fh.write("\n".join(report))
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
