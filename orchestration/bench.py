"""`make bench`: time generation, ingest and the dbt build at scale 1 and 10; append the figures to BENCHMARKS.md.

Each scale runs in its own process with its own data folder (data/bench/scale-N), so the timings include
nothing cached from another run, and the figures are written with a description of the machine.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

from orchestration.settings import PROJECT_ROOT

SCALES = (1, 10)


def measure(scale: float) -> dict:
    """Run in a fresh process whose CLA_DATA_DIR points at an empty folder."""
    import dagster as dg

    from orchestration.definitions import defs
    from orchestration.reference.postcodes import POSTCODES_KEY
    from orchestration.settings import load_settings
    from synthetic import generate

    settings = load_settings()
    figures: dict = {"scale": scale}
    started = time.perf_counter()
    summary = generate(settings.landing_dir, seed=1, scale=scale, as_of=date(2026, 10, 31))
    figures["generate_s"] = round(time.perf_counter() - started, 1)
    figures["landing_rows"] = sum(summary["rows"].values())
    job = defs.get_job_def("refresh_warehouse")
    graph = defs.resolve_asset_graph()
    keys = [k for k in graph.get_all_asset_keys() if graph.get(k).is_materializable]
    ingest = [k for k in keys if k.path[0] in ("raw", "quarantine") or k == POSTCODES_KEY]
    built = [k for k in keys if k not in ingest]
    with dg.DagsterInstance.ephemeral() as instance:
        for name, keys in (("ingest_s", ingest), ("dbt_build_and_exports_s", built)):
            started = time.perf_counter()
            result = job.execute_in_process(instance=instance, asset_selection=keys, raise_on_error=False)
            figures[name] = round(time.perf_counter() - started, 1)
            figures[f"{name[:-2]}_succeeded"] = result.success
    figures["total_s"] = round(figures["generate_s"] + figures["ingest_s"] + figures["dbt_build_and_exports_s"], 1)
    return figures


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    return f"{os.cpu_count()} cores ({cpu}), {memory_kb / 1024**2:.0f} GiB, Python {platform.python_version()}"


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--scale":
        print(json.dumps(measure(float(sys.argv[2]))))
        return 0
    rows = []
    for scale in SCALES:
        data_dir = PROJECT_ROOT / "data" / "bench" / f"scale-{scale}"
        subprocess.run(["rm", "-rf", str(data_dir)], check=True)
        env = {**os.environ, "CLA_DATA_DIR": str(data_dir), "CLA_AS_OF": "2026-11-01"}
        env.pop("CLA_WAREHOUSE", None)
        print(f"scale {scale}: generating, ingesting and building in {data_dir}", flush=True)
        out = subprocess.run(
            [sys.executable, "-m", "orchestration.bench", "--scale", str(scale)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        figures = json.loads(out.strip().splitlines()[-1])
        print(f"  {figures}", flush=True)
        rows.append(figures)
    lines = [
        f"\n## {datetime.now():%Y-%m-%d %H:%M} — {machine()}\n",
        "| scale | landing rows | generate (s) | ingest (s) | dbt build + exports (s) | total (s) | succeeded |",
        "|---:|---:|---:|---:|---:|---:|---|",
    ]
    for f in rows:
        ok = f["ingest_succeeded"] and f["dbt_build_and_exports_succeeded"]
        lines.append(
            f"| {f['scale']:g} | {f['landing_rows']:,} | {f['generate_s']} | {f['ingest_s']} | "
            f"{f['dbt_build_and_exports_s']} | {f['total_s']} | {'yes' if ok else 'NO'} |"
        )
    bench = PROJECT_ROOT / "BENCHMARKS.md"
    if not bench.exists():
        bench.write_text(
            "# Benchmarks\n\nWritten by `make bench`: synthetic extracts generated, ingested and built from an empty "
            "warehouse, one process per scale, in-process executor. Targets (2 cores): `make demo` at scale 1 "
            "under 60 s after install; scale 10 under 5 minutes.\n"
        )
    with open(bench, "a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"appended to {bench}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
