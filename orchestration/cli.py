"""`cla`: the warehouse's command line.

    cla generate   write synthetic extracts into the landing folder
    cla run        load the landing folder and build the warehouse and its outputs (job load_extracts_and_rebuild),
                   then the 903 returns of the last complete and the current collection year (make_903_return)
                   and the scorecard of the last month ended (publish_scorecard)
    cla demo       both, then say what was produced and how to open the UI
    cla status     what the warehouse holds: rows loaded and quarantined per extract
    cla region     each authority of a region (cla generate --region 8) makes its share; the hub pools them

Settings come from the environment (CLA_DATA_DIR, CLA_WAREHOUSE, CLA_LA_CODE, CLA_AS_OF; see README.md).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path


def _say(message: str) -> None:
    print(message, flush=True)


def cmd_generate(args: argparse.Namespace) -> int:
    from orchestration.settings import load_settings
    from synthetic import generate

    if getattr(args, "region", 0):
        from orchestration.regional.region import generate_region, region_authorities

        folder = Path(args.out) if args.out else load_settings().data_dir / "region"
        authorities = region_authorities(args.region, args.scale, args.seed)
        _say(f"generating a region of {len(authorities)} authorities into {folder}")
        generate_region(folder, authorities, say=_say)
        return 0

    out = Path(args.out) if args.out else load_settings().landing_dir
    faults = [f for f in (args.faults or "").split(",") if f]
    started = time.perf_counter()
    summary = generate(
        out,
        seed=args.seed,
        scale=args.scale,
        as_of=date.fromisoformat(args.as_of),
        file_format=args.format,
        faults=faults,
        progress=lambda step: _say(f"  … {step}"),
    )
    rows = summary.get("rows", {})
    _say(f"wrote {sum(rows.values()):,} rows in {len(rows)} extracts to {out} in {time.perf_counter() - started:.1f} s")
    if faults:
        _say(f"planted faults: {', '.join(summary.get('faults', {}) or faults)} (see {out}/generation_manifest.json)")
    return 0


def _dagster_home() -> Path:
    from orchestration.settings import DAGSTER_YAML, load_settings

    home = Path(os.environ.get("DAGSTER_HOME", load_settings().data_dir / "dagster_home")).resolve()
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text(DAGSTER_YAML.read_text())
    os.environ["DAGSTER_HOME"] = str(home)
    return home


def cmd_run(args: argparse.Namespace) -> int:
    _dagster_home()
    import dagster as dg

    from orchestration.transform.project import prepare_dbt_project

    prepare_dbt_project()  # the definitions read the dbt manifest
    from orchestration.definitions import defs
    from orchestration.settings import load_settings

    job = defs.resolve_job_def("load_extracts_and_rebuild")
    _say(f"running {job.name}: {len(defs.resolve_asset_graph().get_all_asset_keys())} assets, one step at a time")
    # dbt's line per model and test goes to a file (the run's events are in the UI either way).
    dbt_log = load_settings().data_dir / "logs" / "dbt_build.log"
    dbt_log.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with (
        dg.DagsterInstance.get() as instance,
        open(dbt_log, "w", encoding="utf-8") as log,
        contextlib.redirect_stdout(log),
    ):
        result = job.execute_in_process(instance=instance, raise_on_error=False, run_config=QUIET)
    _say(f"dbt's output: {dbt_log}")
    elapsed = time.perf_counter() - started
    failed = [e.step_key for e in result.all_events if e.is_step_failure]
    if failed:
        _say(f"FAILED after {elapsed:.1f} s in step(s): {', '.join(failed)}; open the run in the UI (make ui)")
        return 1
    _say(f"run {result.run_id[:8]} succeeded in {elapsed:.1f} s")
    _report_failed_checks(result)
    returns = _make_903_returns(defs)
    return _publish_scorecard(defs) or returns


# The console shows Dagster's warnings and errors only; every event is still in the run's log in the UI.
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}

# How each kind of check counts what failed: dataset checks, the ingest's contract check, dbt's tests.
ROW_COUNTS = ("rows_failing", "rows_quarantined", "dagster_dbt/failed_row_count")


def _report_failed_checks(result) -> None:
    """The checks that failed, with how many rows and the first children or rows named (ids only)."""
    failed = [e for e in result.get_asset_check_evaluations() if not e.passed]
    if not failed:
        _say("every check passed")
        return
    _say(f"{len(failed)} check(s) failed (details in the UI and in data/exports/quality/):")
    for evaluation in sorted(failed, key=lambda e: (e.severity.value, e.check_name)):
        metadata = evaluation.metadata
        rows = next((metadata[k] for k in ROW_COUNTS if k in metadata), None)
        keys = metadata.get("failing_child_ids") or metadata.get("failing_keys")
        counted = f"{rows.value:,} rows" if rows is not None else "see the UI"
        named = f"; e.g. {', '.join(map(str, keys.value[:8]))}" if keys is not None and keys.value else ""
        if files := metadata.get("file_problems"):
            named += f"; {len(files.value)} file(s) not read" if files.value else ""
        where = evaluation.asset_key.to_user_string()
        _say(f"  {evaluation.severity.value:<5} {evaluation.check_name} on {where}: {counted}{named}")


def _publish_scorecard(defs) -> int:
    """The scorecard of the last month that has ended by the load date (partitioned job)."""
    import dagster as dg

    from orchestration.settings import load_settings

    settings = load_settings()
    last_month = settings.as_of.replace(day=1) - timedelta(days=1)
    month = f"{last_month:%Y-%m}"
    started = time.perf_counter()
    with dg.DagsterInstance.get() as instance:
        result = defs.resolve_job_def("publish_scorecard").execute_in_process(
            instance=instance, partition_key=month, raise_on_error=False, run_config=QUIET
        )
    if not result.success:
        _say(f"FAILED publishing the {month} scorecard (run {result.run_id[:8]}); open the run in the UI")
        return 1
    folder = settings.exports_dir / "scorecard" / month
    _say(f"scorecard {month} written to {folder} in {time.perf_counter() - started:.1f} s")
    return 0


def _make_903_returns(defs) -> int:
    """The 903 return of the last complete collection year and of the year in progress (partitioned job); what
    happened to each is read from the run's `dfe_validation` check."""
    import dagster as dg

    from orchestration.settings import load_settings
    from orchestration.ssda903.export import return_years

    settings = load_settings()
    job = defs.resolve_job_def("make_903_return")
    status = 0

    with dg.DagsterInstance.get() as instance:
        for year in return_years(settings.as_of):
            result = job.execute_in_process(
                instance=instance, partition_key=year, raise_on_error=False, run_config=QUIET
            )
            check = next((e for e in result.get_asset_check_evaluations() if e.check_name == "dfe_validation"), None)
            if check is None:
                _say(f"FAILED making the {year} 903 return (run {result.run_id[:8]}); open the run in the UI")
                return 1
            folder = Path(check.metadata["folder"].value)
            errors = check.metadata["errors"].value
            if check.metadata["draft"].value:
                _say(
                    f"903 return {year} is a draft (the year has not ended): written to {folder}; "
                    f"{errors} DfE error(s) so far, many of them rules that only hold at the year's end"
                )
            elif not check.passed:
                _say(
                    f"903 return {year} NOT published: {errors} DfE error(s); "
                    f"the report is in {folder / 'validation' / 'validation_report.xlsx'}"
                )
                status = 1
            elif not result.success:
                _say(f"FAILED making the {year} 903 return (run {result.run_id[:8]}); open the run in the UI")
                return 1
            else:
                _say(f"903 return {year} validated and written to {folder}")
    return status


def cmd_status(args: argparse.Namespace) -> int:
    import duckdb

    from orchestration.settings import load_settings

    settings = load_settings()
    if not settings.warehouse.exists():
        _say(f"no warehouse at {settings.warehouse}; run `cla run` first")
        return 1
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        rows = con.execute(
            """
            SELECT source, count(*) AS files, sum(rows_read), sum(rows_loaded), sum(rows_quarantined),
                   count(file_problem)
            FROM audit.extract_files WHERE la_code = ? GROUP BY source ORDER BY source
            """,
            [settings.la_code],
        ).fetchall()
    _say(f"warehouse {settings.warehouse} ({settings.la_name}, {settings.la_code})")
    _say(f"  {'source':<14}{'files':>7}{'read':>11}{'loaded':>11}{'quarantined':>13}{'bad files':>11}")
    for source, files, read, loaded, quarantined, bad in rows:
        _say(f"  {source:<14}{files:>7}{read:>11,}{loaded:>11,}{quarantined:>13,}{bad:>11}")
    # GX's Data Docs are a site of many pages: named by their folder, not page by page.
    exports = sorted(
        p.parent if "data_docs" in p.parts else p
        for p in settings.exports_dir.rglob("*")
        if (p.is_file() and "archive" not in p.parts and "data_docs" not in p.parts) or p.name == "index.html"
    )
    _say(f"outputs under {settings.exports_dir}:")
    for path in dict.fromkeys(exports):
        _say(f"  {path.relative_to(settings.exports_dir)}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    _say("1/2 generating synthetic extracts")
    if cmd_generate(args):
        return 1
    _say("2/2 loading and building the warehouse")
    if cmd_run(args):
        return 1
    cmd_status(args)
    _say("open the Dagster UI with `make ui`, then http://127.0.0.1:3000 (Assets → View lineage)")
    return 0


def cmd_region(args: argparse.Namespace) -> int:
    """Every authority of a generated region makes its share; the hub loads them and builds the regional marts."""
    import dagster as dg

    from orchestration.regional.region import make_share, read_region, run_hub
    from orchestration.settings import load_settings
    from orchestration.transform.project import prepare_dbt_project

    home = _dagster_home()
    prepare_dbt_project()
    folder = Path(args.folder) if args.folder else load_settings().data_dir / "region"
    with dg.DagsterInstance.get() as instance:
        for authority in read_region(folder):
            started = time.perf_counter()
            share = make_share(folder, authority, instance)
            _say(f"{authority.la_code} {authority.la_name}: share in {share} ({time.perf_counter() - started:.1f} s)")
        timings = run_hub(folder, instance, args.target)
    _say(f"hub on {args.target}: shares loaded in {timings['load_seconds']} s, marts in {timings['marts_seconds']} s")
    _say(f"open both code locations with `make ui` (DAGSTER_HOME={home}); the marts are in marts_regional.*")
    return 0


def cmd_validate_903(args: argparse.Namespace) -> int:
    import pandas as pd

    from orchestration.ingest.reading import FileProblem
    from orchestration.settings import load_settings
    from orchestration.ssda903.files import read_return
    from orchestration.ssda903.layouts import CollectionYear
    from orchestration.ssda903.validation.reports import write_reports
    from orchestration.ssda903.validation.runner import validate_return

    started = time.perf_counter()
    year = CollectionYear.parse(args.year)
    try:
        this_year = read_return([Path(p) for p in args.files])
        last_year = read_return([Path(p) for p in args.last_year]) if args.last_year else None
    except FileProblem as problem:
        _say(f"cannot read the return: {problem}")
        return 2
    providers = pd.read_csv(args.providers, dtype=str) if args.providers else None
    la_code = args.la_code or load_settings().la_code
    validation = validate_return(year, la_code, this_year.texts(), last_year.texts() if last_year else None, providers)
    written = write_reports(validation, Path(args.out))
    summary = validation.summary()
    ran = int((summary["status"] == "run").sum())
    _say(f"{year} return ({this_year.file_format}, {', '.join(f'{t} {len(f)}' for t, f in this_year.tables.items())})")
    _say(
        f"{ran} of {len(summary)} rules run ({(summary['status'] == 'not run').sum()} not run for want of data, "
        f"{(summary['status'] == 'not implemented').sum()} not implemented); "
        f"{validation.errors} errors and {validation.queries} queries for "
        f"{validation.failures['child'].nunique()} children, in {time.perf_counter() - started:.1f} s"
    )
    for row in summary[summary["failures"] > 0].sort_values("failures", ascending=False).head(15).itertuples():
        _say(f"  {row.rule:>9} {row.severity:<6}{row.failures:>6}  {row.message[:90]}")
    _say(f"reports: {', '.join(str(p) for p in written)}")
    return 1 if validation.errors else 0


def _generation_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", help="landing folder to write (default: $CLA_DATA_DIR/landing)")
    parser.add_argument("--seed", type=int, default=1, help="random seed; the same seed gives the same files")
    parser.add_argument("--scale", type=float, default=1.0, help="1 = a Kent-sized authority, 45 ≈ England")
    parser.add_argument("--as-of", default="2026-10-31", help="extract date, yyyy-mm-dd (default 2026-10-31)")
    parser.add_argument("--format", choices=["csv", "xlsx", "mixed"], default="csv", help="file format")
    parser.add_argument(
        "--faults",
        default="",
        help="comma-separated faults to plant, or 'all' (see synthetic/faults.py for the list)",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cla", description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    generate = commands.add_parser("generate", help="write synthetic extracts into the landing folder")
    _generation_options(generate)
    generate.add_argument(
        "--region",
        type=int,
        default=0,
        help="make a region of this many authorities of different sizes (up to 33) in $CLA_DATA_DIR/region "
        "(or --out), each scaled from --scale; then `cla region` runs it",
    )
    generate.set_defaults(func=cmd_generate)
    run = commands.add_parser("run", help="load the landing folder and build the warehouse and outputs")
    run.set_defaults(func=cmd_run)
    demo = commands.add_parser("demo", help="generate synthetic extracts, then run everything")
    _generation_options(demo)
    demo.set_defaults(func=cmd_demo)
    status = commands.add_parser("status", help="rows loaded and quarantined per source, and the outputs")
    status.set_defaults(func=cmd_status)
    region = commands.add_parser(
        "region", help="each authority of a generated region makes its share; the hub loads them all"
    )
    region.add_argument("--folder", help="the region's folder (default $CLA_DATA_DIR/region)")
    region.add_argument("--target", choices=["duckdb", "postgres"], default="duckdb", help="the hub's database")
    region.set_defaults(func=cmd_region)
    validate = commands.add_parser(
        "validate-903",
        help="check a 903 return (CSV set or XML, from anywhere) against DfE's validation rules",
        description="Validate a set of 903 files (one CSV per table, recognised by its columns, or one XML file) "
        "against every DfE rule active in the year. Exit status 1 when there are errors, 2 when the files "
        "cannot be read.",
    )
    validate.add_argument("--year", required=True, help="collection year, e.g. 2025/26")
    validate.add_argument("files", nargs="+", help="this year's files, or the folder holding them")
    validate.add_argument("--last-year", nargs="+", default=[], help="last year's files, for the rules that compare")
    validate.add_argument("--out", required=True, help="folder for the validation reports (CSV and XLSX)")
    validate.add_argument("--providers", help="the Ofsted provider register as CSV, for the URN rules")
    validate.add_argument("--la-code", help="the returning authority's code (default $CLA_LA_CODE)")
    validate.set_defaults(func=cmd_validate_903)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
