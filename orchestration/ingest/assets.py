"""One ingest asset per extract entity: landing files → raw.<entity> (valid rows) + quarantine.<entity>.

Validation happens before anything is written (a blocking check cannot undo a write), so raw tables only ever
hold rows that met the contract. The `contract` check reports failures by rule with the file and row of each;
the `rows_accounted` check counts the tables afterwards and fails if read ≠ loaded + quarantined.
"""

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
    settings = load_settings()
    if contract.source == "case_system" and ssd_layout.supplies(contract.entity, settings):
        return _load_from_ssd(contract, warehouse, log, settings)
    read = []
    for path in files_for(settings.landing_dir, contract.source, contract.entity):
        try:
            result = read_file(path)
        except FileProblem as problem:
            log.warning(f"{contract.source}/{path.name}: {problem}")
            result = problem
        read.append((path, content_hash(path), result))
    outcome = apply_contract(contract, read, settings.as_of)
    for summary in outcome.files:
        for note in summary.notes:
            log.info(f"{contract.source}/{summary.file}: {note}")
    for value in outcome.blanked:
        log.warning(f"{contract.source}/{value.message}")
    with warehouse.connect() as con:
        _write_unless_shrunk(con, contract, outcome, settings, log)
    return outcome


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


def _load_from_ssd(contract: Contract, warehouse: Warehouse, log, settings) -> Outcome:
    """The entity from the Standard Safeguarding Dataset: the adapter's rows meet the same contract, and every
    SSD row read is recorded in audit.ssd_rows as loaded or quarantined."""
    from orchestration.ingest.ssd import accounting

    for path in files_for(settings.landing_dir, contract.source, contract.entity):
        log.warning(f"{contract.source}/{path.name}: ignored, because the SSD supplies {contract.entity}")
    read, mapped, supplied = ssd_layout.entity_files(contract.entity, contract.column_names, settings)
    outcome = apply_contract(contract, read, settings.as_of)
    ssd_layout.name_ssd_columns(outcome, mapped)
    rows = accounting.rows_of(mapped, outcome, supplied)
    outcome.layout_accounting = accounting.summary(rows, mapped, supplied)
    for summary in outcome.files:
        for note in summary.notes:
            log.info(f"ssd/{summary.file}: {note}")
    with warehouse.connect() as con:
        if _write_unless_shrunk(con, contract, outcome, settings, log):
            accounting.write(con, rows, contract.entity, settings.la_code)
    return outcome


def build_ingest_asset(contract: Contract) -> dg.AssetsDefinition:
    raw, quarantine = raw_key(contract), quarantine_key(contract)

    @dg.multi_asset(
        name=f"ingest_{contract.entity}",
        specs=[
            dg.AssetSpec(
                raw,
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
                quarantine,
                deps=[landing_key(contract)],
                group_name=contract.source,
                owners=owners_for_group(contract.source),
                description=(
                    f"quarantine.{contract.entity}: rows of the {contract.entity} extract that broke the contract, "
                    "as they were in the file, with the file, row number and every problem found."
                ),
                kinds={"duckdb", "pandera"},
            ),
        ],
        check_specs=[
            dg.AssetCheckSpec(
                "contract",
                asset=raw,
                description=(
                    f"Every row of the {contract.entity} extract meets its pandera contract "
                    f"(schemas/extracts/{contract.source}.yaml): columns, types, code lists, dates, keys."
                ),
            ),
            dg.AssetCheckSpec(
                "rows_accounted",
                asset=raw,
                description="Rows read from the files = rows in raw + rows in quarantine: nothing is lost.",
            ),
        ],
        pool=WAREHOUSE_POOL,
    )
    def ingest(context: dg.AssetExecutionContext, warehouse: Warehouse) -> Iterator:
        try:
            outcome = load_entity(contract, warehouse, context.log)
        except LoadRefused as refused:
            raise dg.Failure(description=str(refused)) from None
        loaded, quarantined = len(outcome.loaded), len(outcome.quarantined)
        settings = load_settings()
        with warehouse.connect() as con:
            # What the tables hold was read from these files: this load's, or the last good one kept as stale.
            stored_read = con.execute(
                "SELECT coalesce(sum(rows_read), 0) FROM audit.extract_files WHERE la_code = ? AND entity = ?",
                [settings.la_code, contract.entity],
            ).fetchone()[0]
            stored_raw = con.execute(
                f"SELECT count(*) FROM raw.{contract.entity} WHERE la_code = ?", [settings.la_code]
            ).fetchone()[0]
            stored_quarantine = con.execute(
                f"SELECT count(*) FROM quarantine.{contract.entity} WHERE la_code = ?", [settings.la_code]
            ).fetchone()[0]
        context.log.info(
            f"{contract.entity}: {outcome.rows_read} rows read from {len(outcome.files)} file(s), "
            f"{loaded} loaded, {quarantined} quarantined"
        )
        accounting = {
            "rows_read": outcome.rows_read,
            "rows_loaded": loaded,
            "rows_quarantined": quarantined,
        }
        yield dg.MaterializeResult(
            asset_key=raw,
            metadata={
                **accounting,
                "dagster/row_count": stored_raw,
                "files": _files_table(outcome),
                "ids_repaired": dg.MetadataValue.int(outcome.ids_repaired),
                "stale": bool(outcome.stale_reason),
                **({"kept_last_good_load": outcome.stale_reason} if outcome.stale_reason else {}),
            },
        )
        yield dg.MaterializeResult(
            asset_key=quarantine,
            metadata={
                "dagster/row_count": stored_quarantine,
                "examples": _examples(outcome),
            },
        )
        file_problems = [f"{f.file}: {f.problem}" for f in outcome.files if f.problem]
        yield dg.AssetCheckResult(
            asset_key=raw,
            check_name="contract",
            passed=quarantined == 0 and not file_problems and not outcome.stale_reason,
            severity=dg.AssetCheckSeverity.WARN,
            metadata={
                **accounting,
                **({"kept_last_good_load": outcome.stale_reason} if outcome.stale_reason else {}),
                "failures_by_rule": dg.MetadataValue.json(dict(outcome.failures_by_rule.most_common())),
                "file_problems": dg.MetadataValue.json(file_problems),
                "examples": _examples(outcome),
            },
        )
        # read from the SSD: each SSD table's rows are also each loaded or quarantined, exactly once
        ssd_tables = outcome.layout_accounting
        yield dg.AssetCheckResult(
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
        )

    return ingest


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
    return specs + [build_ingest_asset(c) for c in contracts]


def create_empty_tables(warehouse: Warehouse) -> None:
    """Every raw and quarantine table, empty, so dbt can build before the first extract arrives."""
    with warehouse.connect() as con:
        for contract in load_contracts().values():
            ensure_tables(con, contract)
