"""The ingest assets of each extract entity: landing files → raw.<entity> (valid rows) + quarantine.<entity>.

Every entity's assets and checks are made by one Dagster step (`ingest_extracts`, which can be subset to any
entities), through one warehouse connection: a step per entity cost about a second of Dagster's bookkeeping each.

Validation happens before anything is written (a blocking check cannot undo a write), so raw tables only ever
hold rows that met the contract. The `contract` check reports failures by rule with the file and row of each;
the `rows_accounted` check counts the tables afterwards and fails if read ≠ loaded + quarantined.
"""

import time
from collections.abc import Iterator

import dagster as dg

from orchestration.ingest.landing import content_hash, files_for
from orchestration.ingest.last_good_load import LOADED, REFUSED, STALE, LoadRefused, judge, last_good_rows, record
from orchestration.ingest.reading import FileProblem, read_file
from orchestration.ingest.ssd import adapter as ssd_layout
from orchestration.ingest.validation import Outcome, apply_contract
from orchestration.ingest.warehouse import ensure_tables, write_outcome
from orchestration.owners import owners_for_group
from orchestration.privacy import child_id
from orchestration.resources import WAREHOUSE_POOL, Warehouse
from orchestration.settings import load_settings
from schemas.contracts import Contract, load_contracts

EXAMPLES_SHOWN = 20


def landing_key(contract: Contract) -> dg.AssetKey:
    return dg.AssetKey(["landing", contract.source, contract.entity])


def raw_key(contract: Contract) -> dg.AssetKey:
    return dg.AssetKey(["raw", contract.source, contract.entity])


def quarantine_key(contract: Contract) -> dg.AssetKey:
    return dg.AssetKey(["quarantine", contract.source, contract.entity])


def landing_spec(contract: Contract) -> dg.AssetSpec:
    optional = " This source is optional." if contract.optional_source else ""
    return dg.AssetSpec(
        key=landing_key(contract),
        group_name=contract.source,
        owners=owners_for_group(contract.source),
        description=(
            f"Extract files dropped in data/landing/{contract.source}/ named {contract.entity}.csv or .xlsx "
            f"(further files may add a suffix: {contract.entity}_part2.csv). {contract.description}{optional}"
        ),
        metadata={"contract": f"schemas/extracts/{contract.source}.yaml#{contract.entity}"},
        kinds={"csv", "xlsx"},
    )


def _examples(outcome: Outcome) -> dg.TableMetadataValue:
    rows = outcome.quarantined.head(EXAMPLES_SHOWN)
    # Children by case-system id only: never a UPN, nor a value in the id's place that is no id.
    id_column = next((c for c in ("child_id", "child_reference") if c in rows.columns), None)
    return dg.MetadataValue.table(
        records=[
            dg.TableRecord(
                {
                    "file": r.source_file,
                    "row": int(r.source_row),
                    "child": child_id(getattr(r, id_column)) if id_column else "",
                    "problem": r.problems,
                }
            )
            for r in rows.itertuples()
        ],
        schema=dg.TableSchema(
            columns=[
                dg.TableColumn("file", "string"),
                dg.TableColumn("row", "int"),
                dg.TableColumn("child", "string"),
                dg.TableColumn("problem", "string"),
            ]
        ),
    )


def _files_table(outcome: Outcome) -> dg.TableMetadataValue:
    return dg.MetadataValue.table(
        records=[
            dg.TableRecord(
                {
                    "file": f.file,
                    "sha256": f.sha256[:12],
                    "read": f.rows_read,
                    "loaded": f.rows_loaded,
                    "quarantined": f.rows_quarantined,
                    "problem": f.problem,
                    "notes": "; ".join(f.notes),
                }
            )
            for f in outcome.files
        ],
        schema=dg.TableSchema(
            columns=[
                dg.TableColumn("file", "string"),
                dg.TableColumn("sha256", "string"),
                dg.TableColumn("read", "int"),
                dg.TableColumn("loaded", "int"),
                dg.TableColumn("quarantined", "int"),
                dg.TableColumn("problem", "string"),
                dg.TableColumn("notes", "string"),
            ]
        ),
    )


def load_entity(contract: Contract, warehouse: Warehouse, log) -> Outcome:
    """Read, validate and write one entity; the work behind its asset, callable without Dagster."""
    with warehouse.connect() as con:
        return load_into(con, contract, log)


def load_into(con, contract: Contract, log) -> Outcome:
    """`load_entity` on an open warehouse connection (one step loads every entity through one connection)."""
    settings = load_settings()
    if contract.source == "case_system" and ssd_layout.supplies(contract.entity, settings):
        return _load_from_ssd(con, contract, log, settings)
    started = time.perf_counter()
    read = []
    for path in files_for(settings.landing_dir, contract.source, contract.entity):
        try:
            result = read_file(path)
        except FileProblem as problem:
            log.warning(f"{contract.source}/{path.name}: {problem}")
            result = problem
        read.append((path, content_hash(path), result))
    read_at = time.perf_counter()
    outcome = apply_contract(contract, read, settings.as_of)
    checked_at = time.perf_counter()
    for summary in outcome.files:
        for note in summary.notes:
            log.info(f"{contract.source}/{summary.file}: {note}")
    for value in outcome.blanked:
        log.warning(f"{contract.source}/{value.message}")
    _write_unless_shrunk(con, contract, outcome, settings, log)
    outcome.seconds = _stages(started, read_at, checked_at)
    return outcome


def _stages(started: float, read_at: float, checked_at: float) -> dict[str, float]:
    return {
        "read": round(read_at - started, 3),
        "contract": round(checked_at - read_at, 3),
        "load": round(time.perf_counter() - checked_at, 3),
    }


def _write_unless_shrunk(con, contract: Contract, outcome: Outcome, settings, log) -> bool:
    """Replace the entity's tables with this load, unless it is missing, unreadable or much smaller than the
    last good load: then keep that one (an optional source goes on, marked stale) or refuse. True if written."""
    verdict = judge(outcome, last_good_rows(con, settings.la_code, contract.entity), settings.min_share_kept)
    if verdict.replace:
        write_outcome(con, outcome, settings.la_code)
        record(con, outcome, verdict, settings.la_code, settings.as_of, LOADED)
        return True
    if contract.optional_source or contract.source in settings.optional_sources:
        log.warning(f"{contract.source}/{contract.entity}: last good load kept, marked stale: {verdict.reason}")
        record(con, outcome, verdict, settings.la_code, settings.as_of, STALE)
        outcome.stale_reason = verdict.reason
        return False
    record(con, outcome, verdict, settings.la_code, settings.as_of, REFUSED)
    raise LoadRefused(
        f"{contract.source}/{contract.entity} not loaded, the last good load is kept: {verdict.reason}. "
        "Nothing downstream is rebuilt from it. Put the whole extract in landing and run again "
        f"(or list {contract.source} in CLA_OPTIONAL_SOURCES to go on with the last good load)."
    )


def _load_from_ssd(con, contract: Contract, log, settings) -> Outcome:
    """The entity from the Standard Safeguarding Dataset: the adapter's rows meet the same contract, and every
    SSD row read is recorded in audit.ssd_rows as loaded or quarantined."""
    from orchestration.ingest.ssd import accounting

    for path in files_for(settings.landing_dir, contract.source, contract.entity):
        log.warning(f"{contract.source}/{path.name}: ignored, because the SSD supplies {contract.entity}")
    started = time.perf_counter()
    read, mapped, supplied = ssd_layout.entity_files(contract.entity, contract.column_names, settings)
    read_at = time.perf_counter()
    outcome = apply_contract(contract, read, settings.as_of)
    checked_at = time.perf_counter()
    ssd_layout.name_ssd_columns(outcome, mapped)
    rows = accounting.rows_of(mapped, outcome, supplied)
    outcome.layout_accounting = accounting.summary(rows, mapped, supplied)
    for summary in outcome.files:
        for note in summary.notes:
            log.info(f"ssd/{summary.file}: {note}")
    if _write_unless_shrunk(con, contract, outcome, settings, log):
        accounting.write(con, rows, contract.entity, settings.la_code)
    outcome.seconds = _stages(started, read_at, checked_at)
    return outcome


def _specs(contract: Contract) -> list[dg.AssetSpec]:
    return [
        dg.AssetSpec(
            raw_key(contract),
            deps=[landing_key(contract)],
            group_name=contract.source,
            owners=owners_for_group(contract.source),
            description=(
                f"raw.{contract.entity}: the rows of the {contract.entity} extract that met their contract, "
                f"typed, with the file and row each came from. {contract.description}"
            ),
            kinds={"duckdb", "pandera"},
        ),
        dg.AssetSpec(
            quarantine_key(contract),
            deps=[landing_key(contract)],
            group_name=contract.source,
            owners=owners_for_group(contract.source),
            description=(
                f"quarantine.{contract.entity}: rows of the {contract.entity} extract that broke the contract, "
                "as they were in the file, with the file, row number and every problem found."
            ),
            kinds={"duckdb", "pandera"},
        ),
    ]


def _check_specs(contract: Contract) -> list[dg.AssetCheckSpec]:
    return [
        dg.AssetCheckSpec(
            "contract",
            asset=raw_key(contract),
            description=(
                f"Every row of the {contract.entity} extract meets its pandera contract "
                f"(schemas/extracts/{contract.source}.yaml): columns, types, code lists, dates, keys."
            ),
        ),
        dg.AssetCheckSpec(
            "rows_accounted",
            asset=raw_key(contract),
            description="Rows read from the files = rows in raw + rows in quarantine: nothing is lost.",
        ),
    ]


def build_ingest_asset(*contracts: Contract) -> dg.AssetsDefinition:
    """One step ingesting the entities given (each entity's raw and quarantine tables and its two checks).

    The job ingests every extract in one step through one warehouse connection: a step each cost about a
    second of Dagster's bookkeeping apiece. The step can be subset (a sensor or a user may select one entity's
    assets). An entity whose load is refused keeps its last good load and fails the step, naming it, after
    the other entities are loaded: nothing downstream is rebuilt from a run where one load was refused."""
    name = f"ingest_{contracts[0].entity}" if len(contracts) == 1 else "ingest_extracts"

    @dg.multi_asset(
        name=name,
        specs=[spec for c in contracts for spec in _specs(c)],
        check_specs=[spec for c in contracts for spec in _check_specs(c)],
        can_subset=True,
        pool=WAREHOUSE_POOL,
    )
    def ingest(context: dg.AssetExecutionContext, warehouse: Warehouse) -> Iterator:
        selected = context.selected_asset_keys
        refused = []
        with warehouse.connect() as con:
            for contract in contracts:
                if not {raw_key(contract), quarantine_key(contract)} & selected:
                    continue
                try:
                    outcome = load_into(con, contract, context.log)
                except LoadRefused as refusal:
                    refused.append(str(refusal))
                    continue
                results = _results(con, contract, outcome, context.log)
                yield from (r for r in results if _key_of(r) in selected | context.selected_asset_check_keys)
        if refused:
            raise dg.Failure(description="\n".join(refused))

    return ingest


def _key_of(result: dg.MaterializeResult | dg.AssetCheckResult):
    if isinstance(result, dg.AssetCheckResult):
        return dg.AssetCheckKey(result.asset_key, result.check_name)
    return result.asset_key


def _results(con, contract: Contract, outcome: Outcome, log) -> list[dg.MaterializeResult | dg.AssetCheckResult]:
    """The entity's two materialisations and two checks, from its outcome and what its tables now hold."""
    raw, quarantine = raw_key(contract), quarantine_key(contract)
    loaded, quarantined = len(outcome.loaded), len(outcome.quarantined)
    la_code = load_settings().la_code
    # What the tables hold was read from these files: this load's, or the last good one kept as stale.
    stored_read = con.execute(
        "SELECT coalesce(sum(rows_read), 0) FROM audit.extract_files WHERE la_code = ? AND entity = ?",
        [la_code, contract.entity],
    ).fetchone()[0]
    stored_raw = con.execute(f"SELECT count(*) FROM raw.{contract.entity} WHERE la_code = ?", [la_code]).fetchone()[0]
    stored_quarantine = con.execute(
        f"SELECT count(*) FROM quarantine.{contract.entity} WHERE la_code = ?", [la_code]
    ).fetchone()[0]
    log.info(
        f"{contract.entity}: {outcome.rows_read} rows read from {len(outcome.files)} file(s), "
        f"{loaded} loaded, {quarantined} quarantined"
    )
    accounting = {
        "rows_read": outcome.rows_read,
        "rows_loaded": loaded,
        "rows_quarantined": quarantined,
    }
    stale = {"kept_last_good_load": outcome.stale_reason} if outcome.stale_reason else {}
    file_problems = [f"{f.file}: {f.problem}" for f in outcome.files if f.problem]
    # read from the SSD: each SSD table's rows are also each loaded or quarantined, exactly once
    ssd_tables = outcome.layout_accounting
    return [
        dg.MaterializeResult(
            asset_key=raw,
            metadata={
                **accounting,
                "dagster/row_count": stored_raw,
                "files": _files_table(outcome),
                "ids_repaired": dg.MetadataValue.int(outcome.ids_repaired),
                "stale": bool(outcome.stale_reason),
                **stale,
                "seconds": dg.MetadataValue.json(outcome.seconds),
            },
        ),
        dg.MaterializeResult(
            asset_key=quarantine,
            metadata={
                "dagster/row_count": stored_quarantine,
                "examples": _examples(outcome),
            },
        ),
        dg.AssetCheckResult(
            asset_key=raw,
            check_name="contract",
            passed=quarantined == 0 and not file_problems and not outcome.stale_reason,
            severity=dg.AssetCheckSeverity.WARN,
            metadata={
                **accounting,
                **stale,
                "failures_by_rule": dg.MetadataValue.json(dict(outcome.failures_by_rule.most_common())),
                "file_problems": dg.MetadataValue.json(file_problems),
                "examples": _examples(outcome),
            },
        ),
        dg.AssetCheckResult(
            asset_key=raw,
            check_name="rows_accounted",
            passed=stored_read == stored_raw + stored_quarantine
            and (bool(outcome.stale_reason) or stored_read == outcome.rows_read)
            and all(t["every_row_once"] for t in ssd_tables.values()),
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={
                "rows_read": int(stored_read),
                "rows_in_raw": stored_raw,
                "rows_in_quarantine": stored_quarantine,
                **({"ssd_tables": dg.MetadataValue.json(ssd_tables)} if ssd_tables else {}),
            },
        ),
    ]


EXTRACT_FILES_KEY = dg.AssetKey(["audit", "extract_files"])


def extract_files_spec(contracts: list[Contract]) -> dg.AssetSpec:
    """The register every ingest step writes its files' rows to; declared so its readers (the data-quality
    models) show where it comes from. Each entity's ingest replaces that entity's rows in the same transaction
    as its raw and quarantine tables."""
    return dg.AssetSpec(
        key=EXTRACT_FILES_KEY,
        deps=[landing_key(c) for c in contracts],
        group_name="quality",
        owners=owners_for_group("quality"),
        description=(
            "audit.extract_files: one row per landing file of the latest load of each extract, with its SHA-256, "
            "rows read, loaded and quarantined, and any problem that stopped the file being read. Written by each "
            "extract's ingest step (read = loaded + quarantined is checked there)."
        ),
        kinds={"duckdb"},
    )


def ingest_assets() -> list:
    contracts = list(load_contracts().values())
    specs = [landing_spec(c) for c in contracts] + [extract_files_spec(contracts)]
    return [*specs, build_ingest_asset(*contracts)]


def create_empty_tables(warehouse: Warehouse) -> None:
    """Every raw and quarantine table, empty, so dbt can build before the first extract arrives."""
    with warehouse.connect() as con:
        for contract in load_contracts().values():
            ensure_tables(con, contract)
