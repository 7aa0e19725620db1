"""`make bench`: how long each stage takes at scale 1 (the demo authority's size) and 10, and 903 validation at
England size (45); the figures are appended to BENCHMARKS.md with a description of the machine.

Each scale runs in its own process with its own data folder (data/bench/scale-N), from an empty warehouse:
generation, ingest (every extract, contract-checked), the build (dbt: seeds, staging, the 903 derivation,
the scorecard and quality models and marts, every dbt test, with dbt's own timings by layer from
run_results.json; the dataset checks and the ingest and quality reports), the 2025/26 return (validation
included), the October 2026 scorecard report, and `cla validate-903` on the 2025/26 return's files. The
England-size return is the scale-1 one repeated 45 times with renumbered children, validated from files to
reports.
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

from orchestration.memory_peak import GIB, step, tree_rss
from orchestration.settings import DBT_TARGET_DIR, PROJECT_ROOT, SEEDS_DIR

SCALES = (1, 10)
ENGLAND = 45
# The same pipeline on input in another shape, at full scale: the case system as Standard Safeguarding Dataset
# tables, and another authority of its own size and shape (a London borough) named by its configuration.
VARIANTS = {"ssd": {"layout": "ssd"}, "lambeth": {"authority": "E09000022"}}


def _dbt_seconds(model: str | None = None) -> dict[str, float] | float:
    """dbt's own execution time by layer (staging, intermediate/ssda903, marts/ssda903, seeds, tests), from the
    run_results.json of the last build; or one model's."""
    target = DBT_TARGET_DIR / "dagster"
    nodes = json.loads((target / "manifest.json").read_text())["nodes"]
    layers: dict[str, float] = {}
    for result in json.loads((target / "run_results.json").read_text())["results"]:
        node = nodes.get(result["unique_id"], {})
        kind = node.get("resource_type", "")
        layer = "tests" if kind == "test" else "seeds" if kind == "seed" else "/".join(node.get("fqn", [])[1:3])
        layers[layer] = layers.get(layer, 0) + result["execution_time"]
        if model and node.get("name") == model:
            return round(result["execution_time"], 1)
    return {k: round(v, 1) for k, v in sorted(layers.items())}


def _ingest_by_source(result) -> dict[str, dict]:
    """Each source's rows read and seconds by stage (read, contract, load), summed over its entities from the
    ingest's materialisation metadata."""
    sources: dict[str, dict] = {}
    for event in result.get_asset_materialization_events():
        materialization = event.step_materialization_data.materialization
        if materialization.asset_key.path[0] != "raw":
            continue
        figures = sources.setdefault(materialization.asset_key.path[1], {"rows": 0})
        figures["rows"] += materialization.metadata["rows_read"].value
        for stage, seconds in materialization.metadata["seconds"].value.items():
            figures[stage] = round(figures.get(stage, 0) + seconds, 2)
    return dict(sorted(sources.items()))


def _validate_files(this_year: Path, last_year: Path, out: Path) -> float:
    from orchestration.cli import main as cla

    started = time.perf_counter()
    cla(["validate-903", "--year", "2025/26", str(this_year), "--last-year", str(last_year), "--out", str(out)])
    return round(time.perf_counter() - started, 1)


def _return_files(con, year, folder: Path, la_code: str, copies: int = 1) -> Path:
    """The year's return from the marts as a CSV set (repeated `copies` times with renumbered children)."""
    import pandas as pd

    from orchestration.ssda903.export import read_mart
    from orchestration.ssda903.files import write_csv_set
    from orchestration.ssda903.layouts import tables_for

    frames = {}
    for table in tables_for(year):
        frame = read_mart(con, table, year, la_code)
        frames[table.name] = pd.concat(
            [frame.assign(CHILD=frame["CHILD"] + (f"-{n}" if n else "")) for n in range(copies)], ignore_index=True
        )
    folder.mkdir(parents=True, exist_ok=True)
    write_csv_set(frames, folder, year)
    return folder


def _rows(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").splitlines()) - 1 for p in folder.glob("*.csv"))


def measure(scale: float, variant: str = "", england: bool = False) -> dict:
    """Run in a fresh process whose CLA_DATA_DIR points at an empty folder (and CLA_AUTHORITY at the variant's
    authority, if it has one). `england`: only generate, ingest, build, return and scorecard, each step's wall
    time and peak memory (every step has them)."""
    import dagster as dg
    import duckdb

    from orchestration.transform.project import prepare_dbt_project

    os.environ["DBT_WRITE_JSON"] = "true"  # dbt's run_results.json, which the build leaves out (_dbt_seconds reads it)
    prepare_dbt_project()
    from orchestration.definitions import defs
    from orchestration.ingest.postcodes import POSTCODES_KEY
    from orchestration.settings import load_settings
    from orchestration.ssda903.layouts import CollectionYear
    from synthetic import generate

    settings = load_settings()
    figures: dict = {"scale": scale, "variant": variant or "demo authority, own layout"}
    with step(figures, "generate"):
        summary = generate(
            settings.landing_dir, seed=1, scale=scale, as_of=date(2026, 10, 31), **VARIANTS.get(variant, {})
        )
    figures["landing_rows"] = sum(summary["rows"].values())
    job = defs.resolve_job_def("load_extracts_and_rebuild")
    graph = defs.resolve_asset_graph()
    # everything but the 903 return, which is partitioned by year and made after the build
    keys = [k for k in graph.get_all_asset_keys() if graph.get(k).is_materializable and not graph.get(k).partitions_def]
    ingest = [k for k in keys if k.path[0] in ("raw", "quarantine")]
    built = [k for k in keys if k not in ingest and k != POSTCODES_KEY]
    with dg.DagsterInstance.ephemeral() as instance:
        # The postcode directory's cost: the old sample file (the demo authority's area and 25 postcodes per other
        # authority), then every UK postcode (which stays).
        directories = (("postcodes_sample_s", SEEDS_DIR / "postcodes_sample.csv.gz"), ("postcodes_s", None))
        for name, directory in directories[1:] if england else directories:
            os.environ.pop("CLA_POSTCODES", None)
            if directory:
                os.environ["CLA_POSTCODES"] = str(directory)
            started = time.perf_counter()
            job.execute_in_process(instance=instance, asset_selection=[POSTCODES_KEY], raise_on_error=False)
            figures[name] = round(time.perf_counter() - started, 1)
        os.environ.pop("CLA_POSTCODES", None)
        for name, selection in (("ingest", ingest), ("build", built)):
            cpu = time.process_time()
            with step(figures, name):
                result = job.execute_in_process(instance=instance, asset_selection=selection, raise_on_error=False)
            figures[f"{name}_succeeded"] = result.success
            if name == "ingest":
                figures["ingest_cpu_s"] = round(time.process_time() - cpu, 1)
                figures["ingest_by_source"] = _ingest_by_source(result)
        figures["dbt_s_by_layer"] = _dbt_seconds()
        figures["placement_locations_s"] = _dbt_seconds("int_ssda903__placement_locations")
        returns = defs.resolve_job_def("make_903_return")
        with step(figures, "return_2025_26"):
            result = returns.execute_in_process(instance=instance, partition_key="2025-26", raise_on_error=False)
        figures["return_2025_26_published"] = result.success
        with step(figures, "scorecard_2026_10"):
            result = defs.resolve_job_def("publish_scorecard").execute_in_process(
                instance=instance, partition_key="2026-10", raise_on_error=False
            )
        figures["scorecard_published"] = result.success
        if result.success:
            (report,) = result.asset_materializations_for_node("exports__scorecard_report")
            figures["scorecard_render_s"] = report.metadata["render_seconds"].value
    figures["total_s"] = round(
        figures["generate_s"] + figures["postcodes_s"] + figures["ingest_s"] + figures["build_s"], 1
    )
    if england:  # the steps alone: the return's files are validated at England size from scale 1's below
        return figures
    bench = settings.data_dir / "validation"
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        this_year = _return_files(con, CollectionYear(2026), bench / "2025-26", settings.la_code)
        last_year = _return_files(con, CollectionYear(2025), bench / "2024-25", settings.la_code)
        figures["return_rows"] = _rows(this_year)
        figures["validate_files_s"] = _validate_files(this_year, last_year, bench / "report")
        if scale == 1 and not variant:
            england_files = _return_files(
                con, CollectionYear(2026), bench / "england-2025-26", settings.la_code, ENGLAND
            )
            england_last = _return_files(
                con, CollectionYear(2025), bench / "england-2024-25", settings.la_code, ENGLAND
            )
            figures["england_return_rows"] = _rows(england_files)
            figures["validate_england_s"] = _validate_files(england_files, england_last, bench / "england-report")
    return figures


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line), platform.processor())
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    memory_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal"))
    return f"{os.cpu_count()} cores ({cpu}), {memory_kb / 1024**2:.0f} GiB, Python {platform.python_version()}"


def _report(rows: list[dict]) -> list[str]:
    lines = [
        f"\n## {datetime.now():%Y-%m-%d %H:%M} — {machine()}\n",
        "| scale | landing rows | generate (s) | ingest (s) | dbt build, Dagster (s) | 2025/26 return (s) "
        "| generate + ingest + build (s) | all succeeded |",
        "|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for f in rows:
        ok = f["ingest_succeeded"] and f["build_succeeded"]
        lines.append(
            f"| {f['scale']:g}{' ' + f['variant'] if f.get('variant') in VARIANTS else ''} "
            f"| {f['landing_rows']:,} | {f['generate_s']} | {f['ingest_s']} | {f['build_s']} | "
            f"{f['return_2025_26_s']} ({'published' if f['return_2025_26_published'] else 'blocked by DfE errors'}) "
            f"| {f['total_s']} | {'yes' if ok else 'NO'} |"
        )
    lines += ["", "The ingest by source (rows read; seconds reading + checking the contract + loading):", ""]
    for f in rows:
        by_source = "; ".join(
            f"{source} {t['rows']:,} ({t.get('read', 0)} + {t.get('contract', 0)} + {t.get('load', 0)})"
            for source, t in f["ingest_by_source"].items()
        )
        lines.append(f"- scale {f['scale']:g}: {f['ingest_s']} s wall, {f['ingest_cpu_s']} s CPU; {by_source}")
    lines += ["", "dbt's own time by layer (s, from run_results.json; tests are every dbt data test):", ""]
    for f in rows:
        lines.append(f"- scale {f['scale']:g}: " + ", ".join(f"{k} {v}" for k, v in f["dbt_s_by_layer"].items()))
    lines += ["", "The October 2026 scorecard (dbt time of its models in the build above; the report alone):", ""]
    for f in rows:
        layers = f["dbt_s_by_layer"]
        models = round(layers.get("intermediate/scorecard", 0) + layers.get("marts/scorecard", 0), 1)
        lines.append(
            f"- scale {f['scale']:g}: scorecard models {models} s of dbt time; report step "
            f"{f['scorecard_2026_10_s']} s in Dagster (rendering and writing {f.get('scorecard_render_s')} s)"
            + ("" if f["scorecard_published"] else " — FAILED")
        )
    lines += [
        "",
        "The postcode directory (the reference/postcodes asset alone; the dbt model that joins placements to it):",
        "",
    ]
    for f in rows:
        lines.append(
            f"- scale {f['scale']:g}: every UK postcode (2.7 million) {f['postcodes_s']} s, "
            f"the old sample CSV (99,073) {f['postcodes_sample_s']} s; int_ssda903__placement_locations "
            f"{f['placement_locations_s']} s"
        )
    lines += ["", "903 validation from files to reports (`cla validate-903`, every active rule, with last year):", ""]
    for f in rows:
        lines.append(f"- scale {f['scale']:g}: {f['return_rows']:,} rows in {f['validate_files_s']} s")
        if "validate_england_s" in f:
            lines.append(
                f"- England size (the scale 1 return × {ENGLAND}): {f['england_return_rows']:,} rows in "
                f"{f['validate_england_s']} s"
            )
    return lines


STEPS = ("generate", "ingest", "build", "return_2025_26", "scorecard_2026_10")
# England (scale 45) on a shared machine: DuckDB bounded (CLA_DUCKDB_MEMORY_LIMIT, spilling beside the warehouse),
# and the run stopped if the whole process tree passes CLA_BENCH_MAX_GIB.
ENGLAND_MEMORY_LIMIT = "4GB"
MAX_GIB = float(os.environ.get("CLA_BENCH_MAX_GIB", "12"))


def _steps_report(rows: list[dict]) -> list[str]:
    lines = [
        "",
        "Each step's wall time (s) and peak memory (GiB: this process and dbt's, sampled every 0.2 s):",
        "",
        "| scale | " + " | ".join(STEPS) + " |",
        "|---:|" + "---:|" * len(STEPS),
    ]
    for f in rows:
        cells = [f"{f.get(f'{s}_s', '–')} s, {f.get(f'{s}_peak_gib', '–')} GiB" for s in STEPS]
        lines.append(
            f"| {f['scale']:g}{' ' + f['variant'] if f.get('variant') in VARIANTS else ''} | "
            + " | ".join(cells)
            + " |"
        )
    return lines


def _watch(process: subprocess.Popen, name: str) -> int:
    """Wait for `process`, stopping it (and what it started) if its memory passes MAX_GIB."""
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid) / GIB)
        if peak > MAX_GIB:
            os.killpg(process.pid, 9)
            raise RuntimeError(f"{name}: stopped at {peak:.1f} GiB, over CLA_BENCH_MAX_GIB={MAX_GIB:g}")
        time.sleep(1)
    return process.returncode


def _run(scale: float, variant: str = "", england: bool = False) -> dict:
    name = f"scale-{scale:g}" + (f"-{variant}" if variant else "")
    data_dir = PROJECT_ROOT / "data" / "bench" / name
    subprocess.run(["rm", "-rf", str(data_dir)], check=True)
    env = {**os.environ, "CLA_DATA_DIR": str(data_dir), "CLA_AS_OF": "2026-11-01"}
    env.pop("CLA_WAREHOUSE", None)
    if england:
        env.setdefault("CLA_DUCKDB_MEMORY_LIMIT", ENGLAND_MEMORY_LIMIT)
    if authority := VARIANTS.get(variant, {}).get("authority"):
        env["CLA_AUTHORITY"] = authority
    print(f"{name}: generating, ingesting, building and publishing in {data_dir}", flush=True)
    command = [sys.executable, "-m", "orchestration.bench", "--scale", str(scale)]
    command += ["--variant", variant] if variant else []
    command += ["--england"] if england else []
    out_path = data_dir.parent / f"{name}.out"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with open(out_path, "w") as out:
        process = subprocess.Popen(command, env=env, stdout=out, text=True, start_new_session=True)
        if _watch(process, name):
            raise subprocess.CalledProcessError(process.returncode, command)
    figures = json.loads(out_path.read_text().strip().splitlines()[-1])
    print(f"  {figures}", flush=True)
    return figures


def main() -> int:
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "--scale":
        variant = args[args.index("--variant") + 1] if "--variant" in args else ""
        print(json.dumps(measure(float(args[1]), variant, england="--england" in args)))
        return 0
    bench = PROJECT_ROOT / "BENCHMARKS.md"
    if args == ["--validation"]:  # just 903 validation against the sector validator (`make bench-validation`)
        from orchestration.ssda903.validation.bench import run as bench_validation

        bench_validation(bench)
        return 0
    if args == ["--variants"]:  # just the other shapes of input (`make bench-variants`)
        rows = [_run(1, variant) for variant in VARIANTS]
    elif args == ["--england"]:  # just England's size (`make bench-england`)
        rows = []
    else:
        rows = [_run(scale) for scale in SCALES] + [_run(1, variant) for variant in VARIANTS]
    england = [_run(ENGLAND, england=True)] if args in ([], ["--england"]) else []
    if not bench.exists():
        bench.write_text(
            "# Benchmarks\n\nWritten by `make bench`: synthetic extracts generated, ingested and built from an empty "
            "warehouse, one process per scale, Dagster's in-process executor. Targets (2 cores): `make demo` at "
            "scale 1 under 60 s after install, scale 10 under 5 minutes; the 903 marts at scale 1 under 15 s of dbt "
            "time; a scale-1 return validated in under 5 s and an England-size one in under 30 s.\n"
        )
    lines = _report(rows) if rows else [f"\n## {datetime.now():%Y-%m-%d %H:%M} — {machine()}"]
    lines += _steps_report(rows + england)
    for f in england:
        ok = {s: "succeeded" if f[f"{s}_succeeded"] else "FAILED" for s in ("ingest", "build")}
        total = sum(f[f"{s}_s"] for s in STEPS)
        peak = max(f[f"{s}_peak_gib"] for s in STEPS)
        lines += [
            "",
            f"England size (scale {ENGLAND}, {f['landing_rows']:,} landing rows, DuckDB memory_limit "
            f"{os.environ.get('CLA_DUCKDB_MEMORY_LIMIT', ENGLAND_MEMORY_LIMIT)}): {total:.0f} s in all, the largest "
            f"step {peak:.1f} GiB (goal: 5 minutes and 8 GiB); ingest {ok['ingest']}, build {ok['build']}.",
        ]
    with open(bench, "a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"appended to {bench}")
    if not args:
        from orchestration.ssda903.validation.bench import run as bench_validation

        bench_validation(bench)
    return 0


if __name__ == "__main__":
    sys.exit(main())
