"""`cla`: the warehouse's command line.

    cla generate   write synthetic extracts into the landing folder
    cla run        load the landing folder and build the warehouse and its outputs (job load_extracts_and_rebuild),
                   then the 903 returns of the last complete and the current collection year (make_903_return)
                   and the scorecard of the last month ended (publish_scorecard)
    cla demo       both, then say what was produced and how to open the UI
    cla status     what the warehouse holds: rows loaded and quarantined per extract
    cla validate-903        check a 903 return made anywhere against DfE's rules
    cla compare-903-rules   what a newer DfE rule catalogue adds, retires and rewords
    cla region              each authority of a region (cla generate --region 8) makes its share; the hub pools them

Settings come from the environment (CLA_DATA_DIR, CLA_WAREHOUSE, CLA_LA_CODE, CLA_AS_OF; see README.md).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from datetime import date
from pathlib import Path


def _say(message: str) -> None:
    print(message, flush=True)


def cmd_generate(args: argparse.Namespace) -> int:
    from orchestration.settings import load_settings
    from schemas.authority import AuthorityFileError
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
    try:
        summary = generate(
            out,
            seed=args.seed,
            scale=args.scale,
            as_of=date.fromisoformat(args.as_of),
            file_format=args.format,
            faults=faults,
            progress=lambda step: _say(f"  … {step}"),
            layout=args.layout,
            authority=getattr(args, "la", None),
        )
    except AuthorityFileError as problem:
        _say(f"cannot generate: {problem}")
        return 2
    rows = summary.get("rows", {})
    _say(f"wrote {sum(rows.values()):,} rows in {len(rows)} extracts to {out} in {time.perf_counter() - started:.1f} s")
    if getattr(args, "la", None):
        _say(
            f"{summary['authority_name']} ({summary['authority']}): load them with CLA_AUTHORITY={summary['authority']}"
        )
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
    from orchestration.definitions import build_definitions

    defs = build_definitions()  # for the settings of now (the module's `defs` kept those of its first import)
    from orchestration.settings import load_settings

    job = defs.resolve_job_def("load_extracts_and_rebuild")
    _say(f"running {job.name}: {len(defs.resolve_asset_graph().get_all_asset_keys())} assets, one step at a time")
    # dbt's line per model and test goes to a file (the run's events are in the UI either way).
    dbt_log = load_settings().data_dir / "logs" / "dbt_build.log"
    dbt_log.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with dg.DagsterInstance.get() as instance:  # one for the load, the returns and the scorecard (~1 s to open)
        with open(dbt_log, "w", encoding="utf-8") as log, contextlib.redirect_stdout(log):
            _wait_for_the_warehouse(instance)
            result = job.execute_in_process(instance=instance, raise_on_error=False, run_config=QUIET, tags=run_tags())
        _say(f"dbt's output: {dbt_log}")
        elapsed = time.perf_counter() - started
        failed = [e.step_key for e in result.all_events if e.is_step_failure]
        if failed:
            _say(f"FAILED after {elapsed:.1f} s in step(s): {', '.join(failed)}; open the run in the UI (make ui)")
            _say_why(result)
            return 1
        _say(f"run {result.run_id[:8]} succeeded in {elapsed:.1f} s")
        _report_failed_checks(result)
        returns = _make_903_returns(defs, bool(getattr(args, "planted_faults", False)), instance)
        return _publish_scorecard(defs, instance) or returns


def run_tags() -> dict[str, str]:
    from orchestration.pool_slots import run_tags

    return run_tags()


def _wait_for_the_warehouse(instance) -> None:
    """Free the pool slots of runs whose process died (a killed `cla run`), then wait for live ones, saying
    which; PoolBusy after CLA_POOL_WAIT seconds (default 30 minutes)."""
    from orchestration.pool_slots import wait_for_pool
    from orchestration.resources import WAREHOUSE_POOL

    wait_for_pool(instance, WAREHOUSE_POOL, float(os.environ.get("CLA_POOL_WAIT", 1800)), _say)


def _say_why(result) -> None:
    """Each failed step's own explanation (a dg.Failure's description, else the error's first line)."""
    for event in result.all_events:
        if not event.is_step_failure:
            continue
        data = event.step_failure_data
        why = data.user_failure_data.description if data.user_failure_data else None
        if not why and data.error is not None:
            why = data.error.message.strip().splitlines()[-1] if data.error.message else data.error.cls_name
        _say(f"  {event.step_key}: {why}")


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


def _coverage(settings):
    """How far each source reaches, as the load just made recorded it (audit.sources)."""
    import duckdb

    from orchestration.ingest.sources import read_coverage

    if not settings.warehouse.exists():
        return []
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        return read_coverage(con, settings.la_code)


def _open_instance(instance):
    """The Dagster instance given, or DAGSTER_HOME's opened for the while."""
    import dagster as dg

    return contextlib.nullcontext(instance) if instance is not None else dg.DagsterInstance.get()


def _publish_scorecard(defs, instance=None) -> int:
    """The scorecard of the last month every required source reaches (partitioned job); a later month that has
    ended by the load date is named with the sources that do not reach it."""

    from orchestration.ingest.sources import behind, data_as_of, month_end, previous_month_end
    from orchestration.settings import load_settings

    settings = load_settings()
    coverage = _coverage(settings)
    as_of = data_as_of(coverage, settings.as_of)
    last_month = as_of if as_of == month_end(as_of) else previous_month_end(as_of)
    ended = previous_month_end(settings.as_of)
    if ended > last_month:
        short = "; ".join(c.reason for c in behind(coverage, ended) if c.required and c.data_up_to)
        _say(f"scorecard {ended:%Y-%m} not published: {short}")
    month = f"{last_month:%Y-%m}"
    started = time.perf_counter()
    with _open_instance(instance) as instance:
        _wait_for_the_warehouse(instance)
        result = defs.resolve_job_def("publish_scorecard").execute_in_process(
            instance=instance, partition_key=month, raise_on_error=False, run_config=QUIET, tags=run_tags()
        )
    if not result.success:
        _say(f"FAILED publishing the {month} scorecard (run {result.run_id[:8]}); open the run in the UI")
        _say_why(result)
        return 1
    folder = settings.exports_dir / "scorecard" / month
    _say(f"scorecard {month} written to {folder} in {time.perf_counter() - started:.1f} s")
    return 0


def _make_903_returns(defs, planted_faults: bool = False, instance=None) -> int:
    """The 903 return of the last complete collection year and of the year in progress (partitioned job); what
    happened to each is read from the run's `dfe_validation` check: where it was written, the rules that did not
    run and why, and for a blocked return its DfE errors by rule. A blocked return is an outcome, not a crash:
    Dagster's own log of the failed step (a stack trace) stays in the run's log in the UI. With `planted_faults`
    (the demo's), a return held back only by the quarantined rows the demo planted is what the demo shows, not
    a failure of the demo."""

    from orchestration.ingest.sources import data_as_of
    from orchestration.settings import load_settings
    from orchestration.ssda903.export import return_years

    settings = load_settings()
    job = defs.resolve_job_def("make_903_return")
    status = 0
    quiet = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}
    complete, drafts = [], []
    with _open_instance(instance) as instance:
        for year in return_years(data_as_of(_coverage(settings), settings.as_of)):
            _wait_for_the_warehouse(instance)
            result = job.execute_in_process(
                instance=instance, partition_key=year, raise_on_error=False, run_config=quiet, tags=run_tags()
            )
            check = next((e for e in result.get_asset_check_evaluations() if e.check_name == "dfe_validation"), None)
            if check is None or (check.passed and not result.success):
                _say(f"FAILED making the {year} 903 return (run {result.run_id[:8]}); the run's log in the UI has it")
                _say_why(result)
                return 1
            (drafts if check.metadata["draft"].value else complete).append((year, check))
    for year, check in complete:
        folder = Path(check.metadata["folder"].value)
        if check.passed:
            _say(f"903 return {year} validated and written to {folder}")
        elif check.metadata["errors"].value:
            status = 1
            _say(f"903 return {year} NOT published: {check.metadata['errors'].value} DfE error(s) for "
                 f"{check.metadata['children_with_errors'].value} children")  # fmt: skip
            _say_errors_by_rule(folder)
            _say(f"  the report: {folder / 'validation' / 'validation_report.xlsx'}")
        else:
            status = status if planted_faults else 1
            _say(f"903 return {year} NOT published: no DfE error, but children's records are quarantined"
                 + (" (rows the demo planted)" if planted_faults else ""))  # fmt: skip
            _say(f"  the report: {folder / 'validation' / 'validation_report.xlsx'}")
        _say_quarantined(check)
        _say_not_run(check)
    for year, check in drafts:
        _say(
            f"903 return {year} is a draft (the year has not ended; not for DfE): written to "
            f"{check.metadata['folder'].value}; {check.metadata['errors'].value} DfE error(s) so far, many of them "
            "rules that only hold at the year's end"
        )
        _say_quarantined(check)
        _say_not_run(check)
    return status


def _say_errors_by_rule(folder: Path, shown: int = 15) -> None:
    import pandas as pd

    summary = pd.read_csv(folder / "validation" / "validation_summary.csv", dtype={"rule": str})
    errors = summary[(summary["severity"] == "error") & (summary["failures"] > 0)]
    for row in errors.head(shown).itertuples():
        _say(f"  {row.rule:>9} {row.failures:>6}  {row.message[:90]}")
    if len(errors) > shown:
        _say(f"  … and {len(errors) - shown} more rule(s) with errors")


def _say_quarantined(check) -> None:
    """The children (case-system ids) whose quarantined rows keep the return from being published, and those the
    officer accepted to leave out."""
    held = check.metadata["quarantined_children"].value
    left_out = check.metadata["quarantined_children_left_out"].value
    unnamed = check.metadata["quarantined_rows_naming_no_child"].value
    if held or unnamed:
        _say(
            f"  {len(held)} child(ren) with quarantined records the return would miss"
            + (f": {', '.join(held[:30])}{', …' if len(held) > 30 else ''}" if held else "")
            + (f"; {unnamed} quarantined row(s) name no child" if unnamed else "")
        )
        _say("  fix their rows (the ingest report's quarantined_rows.csv) or list them in return_leaves_out")
    if left_out:
        _say(f"  left out by the officer (return_leaves_out), with quarantined records: {', '.join(left_out)}")


def _say_not_run(check) -> None:
    """The rules that did not run and why, as the check says (e.g. no earlier return, no Ofsted register)."""
    why = check.metadata.get("rules_not_run_why")
    if why is not None and check.metadata["rules_not_run"].value:
        for line in why.value.splitlines():
            _say(f"  {line}")


def cmd_status(args: argparse.Namespace) -> int:
    import duckdb

    from orchestration.ingest.sources import read_coverage
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
        reached = {c.source: c for c in read_coverage(con, settings.la_code)}
    _say(f"warehouse {settings.warehouse} ({settings.la_name}, {settings.la_code})")
    _say(f"  {'source':<14}{'files':>7}{'read':>11}{'loaded':>11}{'quarantined':>13}{'bad files':>11}  data up to")
    for source, files, read, loaded, quarantined, bad in rows:
        coverage = reached.get(source)
        up_to = f"{coverage.data_up_to:%d/%m/%Y} ({coverage.status})" if coverage and coverage.data_up_to else "-"
        _say(f"  {source:<14}{files:>7}{read:>11,}{loaded:>11,}{quarantined:>13,}{bad:>11}  {up_to}")
    for coverage in reached.values():
        if coverage.status != "complete":
            _say(f"  {coverage.status}: {coverage.reason}")
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
    # The demo's extracts are loaded on the day they are dated, whatever the clock says (CLA_AS_OF wins if set).
    os.environ.setdefault("CLA_AS_OF", args.as_of)
    _say("1/2 generating synthetic extracts")
    if cmd_generate(args):
        return 1
    _say("2/2 loading and building the warehouse")
    args.planted_faults = bool(args.faults)
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
    """Exit 0: no DfE errors; 1: DfE errors; 2: the return could not be validated at all."""
    import duckdb

    from orchestration.scratch import MEMORY_LIMIT, memory_limit

    try:
        return _validate_903(args)
    except (duckdb.OutOfMemoryException, MemoryError):
        _say(
            f"could not validate the return: out of memory within {MEMORY_LIMIT}={memory_limit()} (beyond it the "
            "work spills to disk, but a step could not); raise it, e.g. CLA_MEMORY_LIMIT=4GB, or free memory. "
            "Nothing was written. Exit status 2 (1 means DfE errors were found)."
        )
        return 2
    except Exception as error:  # a file that breaks a reader: not 'the return has errors'
        # The error's text is not shown: a reader's message can quote a row of the file.
        _say(
            f"could not validate the return: {type(error).__name__} (see --help); nothing was written. "
            "Exit status 2 (1 means DfE errors were found)."
        )
        return 2


def _validate_903(args: argparse.Namespace) -> int:
    # Only what validating files needs: no Dagster, no extract contracts (seconds of start-up).
    started = time.perf_counter()
    from orchestration.ingest.reading import FileProblem
    from orchestration.settings import load_settings
    from orchestration.ssda903.files import read_return
    from orchestration.ssda903.layouts import CollectionYear
    from orchestration.ssda903.validation.providers import ProviderRegisterProblem, read_providers
    from orchestration.ssda903.validation.reports import by_rule, not_run_text, write_reports
    from orchestration.ssda903.validation.runner import validate_return

    stages = {"imports": time.perf_counter() - started}
    year = CollectionYear.parse(args.year)
    try:
        this_year = read_return([Path(p) for p in args.files])
        last_year = read_return([Path(p) for p in args.last_year]) if args.last_year else None
        history = {}
        for folder in args.history:
            earlier = read_return(Path(folder))
            ending = _year_of_earlier_return(Path(folder), earlier).ending
            if ending >= year.ending or ending in history:
                _say(
                    f"--history {folder}: taken as {CollectionYear(ending)}, which is not an earlier year than "
                    f"{year} or is given twice; name each folder by its year (e.g. 2023-24)"
                )
                return 2
            history[ending] = earlier.texts()
    except FileProblem as problem:
        _say(f"cannot read the return: {problem}")
        return 2
    if history:
        _say(f"history: {', '.join(str(CollectionYear(e)) for e in sorted(history))}")
    try:
        providers = read_providers(Path(args.providers)) if args.providers else None
    except ProviderRegisterProblem as problem:
        _say(str(problem))
        return 2
    la_code = args.la_code or load_settings().la_code
    stages["reading"] = time.perf_counter() - started - sum(stages.values())
    validation = validate_return(
        year, la_code, this_year.texts(), last_year.texts() if last_year else None, providers, history
    )
    stages.update(validation.seconds)
    reporting = time.perf_counter()
    written = write_reports(validation, Path(args.out), authority=la_code)
    stages["reports"] = time.perf_counter() - reporting
    outcomes = validation.outcomes
    ran = sum(o.status == "run" for o in outcomes)
    _say(f"{year} return ({this_year.file_format}, {', '.join(f'{t} {len(f)}' for t, f in this_year.tables.items())})")
    _say(
        f"{ran} of {len(outcomes)} rules run ({sum(o.status == 'not run' for o in outcomes)} not run for want of "
        f"data, {sum(o.status == 'not implemented' for o in outcomes)} not implemented); "
        f"{validation.errors} errors and {validation.queries} queries for "
        f"{validation.children} children, in {time.perf_counter() - started:.1f} s"
    )
    for rule in by_rule(o for o in outcomes if o.failures > 0)[:15]:
        _say(f"  {rule.code:>9} {rule.severity:<6}{rule.failures:>6}  {rule.message[:90]}")
    not_run = [o for o in outcomes if o.status != "run"]
    if not_run:
        _say(not_run_text(not_run))
    _say(f"reports: {', '.join(str(p) for p in written)}")
    _say("stages: " + ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in stages.items()))
    return 1 if validation.errors else 0


def _year_of_earlier_return(folder: Path, earlier):
    """An earlier return's collection year: from its folder's name (2023-24), else from the latest episode date
    it holds (an episode starts or ends within its year at the latest)."""
    from orchestration.ingest.reading import FileProblem
    from orchestration.ssda903.files import parse_date
    from orchestration.ssda903.layouts import CollectionYear

    try:
        return CollectionYear.parse(folder.name)
    except ValueError:
        pass
    dates = []
    episodes = earlier.tables.get("Episodes")
    for column in ("DECOM", "DEC"):
        for value in episodes.frame[column].dropna() if episodes is not None else []:
            with contextlib.suppress(ValueError):
                dates.append(parse_date(value))
    if not dates:
        raise FileProblem(f"{folder}: cannot tell which year this return is; name its folder by its year (2023-24)")
    return CollectionYear.containing(max(dates))


def cmd_compare_903_rules(args: argparse.Namespace) -> int:
    from orchestration.ssda903.validation.catalogue import CATALOGUE, catalogue
    from orchestration.ssda903.validation.catalogue_changes import compare, read_new_catalogue, record

    new = Path(args.catalogue)
    try:
        theirs = read_new_catalogue(new)
    except (OSError, ValueError) as problem:
        _say(f"cannot read the catalogue: {problem}")
        return 2
    changes = compare(catalogue(), theirs)
    if not changes:
        _say(f"{new} holds the same rules and messages as {CATALOGUE.name}")
        return 0
    _say(f"{len(changes)} change(s) in {new} against {CATALOGUE.name}:")
    for change in changes:
        _say(f"  {change.year}  {change.change:<9} {change.rule:<10} {change.message[:90]}")
    if args.update:
        if not args.release:
            _say("--update needs --release (the name of the release the new catalogue comes from)")
            return 2
        record(changes, args.release, new, date.today())
        _say(
            f"took {new.name} in as {CATALOGUE.name} and logged the changes as release {args.release}; next: a SQL "
            "file and fixture per added or reworded rule, then `python -m orchestration.ssda903.validation.coverage`"
        )
    return 0


def _generation_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", help="landing folder to write (default: $CLA_DATA_DIR/landing)")
    parser.add_argument("--seed", type=int, default=1, help="random seed; the same seed gives the same files")
    parser.add_argument(
        "--scale", type=float, default=1.0, help="1 = the authority's own size (its under-18 population)"
    )
    parser.add_argument("--as-of", default="2026-10-31", help="extract date, yyyy-mm-dd (default 2026-10-31)")
    parser.add_argument("--format", choices=["csv", "xlsx", "mixed"], default="csv", help="file format")
    parser.add_argument(
        "--layout",
        choices=["own", "ssd"],
        default="own",
        help="the case system's extract in our own contract, or as Standard Safeguarding Dataset tables (landing/ssd/)",
    )
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
        "--la",
        help="the authority to simulate: a shipped authority's ONS code or name (authorities/), or a path to its "
        "file (default: CLA_AUTHORITY's, else the demo's)",
    )
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
    validate.add_argument(
        "--history",
        nargs="+",
        default=[],
        metavar="DIR",
        help="earlier returns, one folder each, named by year (2023-24), for the rules that look at a child's "
        "whole history (a folder for last year stands for --last-year)",
    )
    validate.add_argument("--out", required=True, help="folder for the validation reports (CSV and XLSX)")
    validate.add_argument("--providers", help="the Ofsted provider register as CSV, for the URN rules")
    validate.add_argument("--la-code", help="the returning authority's code (default $CLA_LA_CODE)")
    validate.set_defaults(func=cmd_validate_903)
    rules = commands.add_parser(
        "compare-903-rules",
        help="list the DfE rules a newer catalogue adds, retires and rewords against ours",
        description="Compare a DfE rule catalogue (the layout of schemas/ssda903/rule_catalogue.csv, e.g. a new "
        "release of the sector validator's list) with ours: rules added, retired and reworded in each "
        "collection year. With --update, take it in and record the changes in the change log.",
    )
    rules.add_argument("catalogue", help="the new catalogue (CSV)")
    rules.add_argument("--release", help="the release the new catalogue comes from, e.g. 0.1.18")
    rules.add_argument("--update", action="store_true", help="replace our catalogue and log the changes")
    rules.set_defaults(func=cmd_compare_903_rules)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except Exception as error:
        # Only the commands that wait for the warehouse's pool import it (with Dagster, seconds of start-up).
        pool_slots = sys.modules.get("orchestration.pool_slots")
        if pool_slots is None or not isinstance(error, pool_slots.PoolBusy):
            raise
        _say(f"not started: {error}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
