"""The hub's ingest: one asset per shared table, partitioned by authority, loading <hub>/landing/<la_code>/ into
raw.<table> (rows that met the share's contract) and quarantine.<table> (the rest, with file, row and problem).

The rules are the authority ingest's (orchestration/ingest): the same reading, contract (schemas/shares/
regional_share.yaml), quarantine and accounting (read = loaded + quarantined), so a hub holds only what a share
promised. Two rules more, for a share: every row of a file must be of the authority whose folder it is in (a file
holding another authority's rows is refused whole), and a column that identifies a child (an id, UPN, date of birth,
postcode, name) is never stored, and fails the contract check, since a share must never carry one.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import dagster as dg

from orchestration.ingest.landing import content_hash
from orchestration.ingest.reading import EXTENSIONS, FileProblem, read_file
from orchestration.ingest.validation import Outcome, apply_contract
from orchestration.owners import owners_for_group
from orchestration.regional.hub_settings import load_hub_settings
from orchestration.regional.hub_store import HUB_POOL, HubWarehouse
from orchestration.settings import SCHEMAS_DIR, load_settings
from schemas.contracts import Contract, load_contracts_from

AUTHORITIES = dg.DynamicPartitionsDefinition(name="authorities")
SHARES_GROUP = "hub_shares"
EXAMPLES_SHOWN = 20


def share_contracts() -> dict[str, Contract]:
    return load_contracts_from(SCHEMAS_DIR / "shares")


def landing_key(contract: Contract) -> dg.AssetKey:
    return dg.AssetKey(["hub", "landing", contract.entity])


def share_key(contract: Contract) -> dg.AssetKey:
    return dg.AssetKey(["hub", "share", contract.entity])


def quarantine_key(contract: Contract) -> dg.AssetKey:
    return dg.AssetKey(["hub", "quarantine", contract.entity])


def share_files(folder: Path, entity: str) -> list[Path]:
    """<entity>.csv (or .xlsx) in an authority's folder, and any <entity>_<suffix> files beside it."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in EXTENSIONS
        and (p.stem.lower() == entity or re.match(re.escape(entity) + r"_[^a-z]", p.stem.lower()))
    )


def _of_this_authority(read, la_code: str, path: Path):
    """The file's rows without their la_code column, or a FileProblem naming the first row of another authority."""
    if "la_code" not in read.rows.columns:
        raise FileProblem("no la_code column: a share names its authority on every row")
    codes = read.rows["la_code"].astype(str).str.strip()
    wrong = codes != la_code
    if wrong.any():
        first = int(wrong.to_numpy().argmax())
        raise FileProblem(
            f"row {read.row_numbers[first]} is of authority {codes.iloc[first]!r}, not {la_code} whose folder "
            "the file is in: a share holds one authority's rows only"
        )
    read.rows = read.rows.drop(columns=["la_code"])
    return read


def load_share_entity(contract: Contract, la_code: str, hub: HubWarehouse, log) -> tuple[Outcome, list[str]]:
    """Read, check and write one shared table of one authority. Returns the outcome and the identifying columns
    found (and dropped), which a share must never hold."""
    folder = load_hub_settings().landing_dir / la_code
    read, identifiers = [], []
    for path in share_files(folder, contract.entity):
        try:
            result = _of_this_authority(read_file(path), la_code, path)
            identifiers += sorted(c for c in result.rows.columns if c in contract.personal)
        except FileProblem as problem:
            log.warning(f"{la_code}/{path.name}: {problem}")
            result = problem
        read.append((path, content_hash(path), result))
    outcome = apply_contract(contract, read, load_settings().as_of)
    hub.write(outcome, la_code)
    return outcome, identifiers


def build_share_asset(contract: Contract) -> dg.AssetsDefinition:
    loaded_key, quarantined_key = share_key(contract), quarantine_key(contract)

    @dg.multi_asset(
        name=f"hub_ingest_{contract.entity}",
        specs=[
            dg.AssetSpec(
                loaded_key,
                deps=[landing_key(contract)],
                group_name=SHARES_GROUP,
                owners=owners_for_group(SHARES_GROUP),
                description=(
                    f"raw.{contract.entity} in the hub: every authority's shared {contract.entity} rows that met the "
                    f"share's contract, stamped with the authority (one partition each). {contract.description}"
                ),
                kinds={"pandera"},
            ),
            dg.AssetSpec(
                quarantined_key,
                deps=[landing_key(contract)],
                group_name=SHARES_GROUP,
                owners=owners_for_group(SHARES_GROUP),
                description=(
                    f"quarantine.{contract.entity} in the hub: shared {contract.entity} rows that broke the share's "
                    "contract, as they were in the file, with the file, row number and every problem found."
                ),
                kinds={"pandera"},
            ),
        ],
        check_specs=[
            dg.AssetCheckSpec(
                "contract",
                asset=loaded_key,
                description=(
                    f"Every row of the shared {contract.entity} file meets its contract "
                    "(schemas/shares/regional_share.yaml), every row is of the folder's authority, and the file "
                    "holds no identifying column."
                ),
            ),
            dg.AssetCheckSpec(
                "rows_accounted",
                asset=loaded_key,
                description="Rows read from the share = rows loaded + rows quarantined: nothing is lost.",
            ),
        ],
        partitions_def=AUTHORITIES,
        pool=HUB_POOL,
    )
    def ingest(context: dg.AssetExecutionContext, hub: HubWarehouse) -> Iterator:
        la_code = context.partition_key
        outcome, identifiers = load_share_entity(contract, la_code, hub, context.log)
        stored = hub.count(f"raw.{contract.entity}", la_code)
        stored_quarantine = hub.count(f"quarantine.{contract.entity}", la_code)
        loaded, quarantined = len(outcome.loaded), len(outcome.quarantined)
        context.log.info(
            f"{la_code} {contract.entity}: {outcome.rows_read} rows read, {loaded} loaded, {quarantined} quarantined"
        )
        accounting = {"rows_read": outcome.rows_read, "rows_loaded": loaded, "rows_quarantined": quarantined}
        yield dg.MaterializeResult(asset_key=loaded_key, metadata={**accounting, "dagster/row_count": stored})
        examples = [
            {"file": r.source_file, "row": int(r.source_row), "problem": r.problems}
            for r in outcome.quarantined.head(EXAMPLES_SHOWN).itertuples()
        ]
        yield dg.MaterializeResult(
            asset_key=quarantined_key,
            metadata={"dagster/row_count": stored_quarantine, "examples": dg.MetadataValue.json(examples)},
        )
        file_problems = [f"{f.file}: {f.problem}" for f in outcome.files if f.problem]
        yield dg.AssetCheckResult(
            asset_key=loaded_key,
            check_name="contract",
            passed=quarantined == 0 and not file_problems and not identifiers,
            severity=dg.AssetCheckSeverity.WARN,
            metadata={
                **accounting,
                "failures_by_rule": dg.MetadataValue.json(dict(outcome.failures_by_rule.most_common())),
                "file_problems": dg.MetadataValue.json(file_problems),
                "identifying_columns_dropped": dg.MetadataValue.json(identifiers),
                "examples": dg.MetadataValue.json(examples),
            },
        )
        yield dg.AssetCheckResult(
            asset_key=loaded_key,
            check_name="rows_accounted",
            passed=outcome.rows_read == stored + stored_quarantine,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={"rows_read": outcome.rows_read, "rows_loaded": stored, "rows_quarantined": stored_quarantine},
        )

    return ingest


def landing_spec(contract: Contract) -> dg.AssetSpec:
    return dg.AssetSpec(
        key=landing_key(contract),
        group_name=SHARES_GROUP,
        owners=owners_for_group(SHARES_GROUP),
        partitions_def=AUTHORITIES,
        description=(
            f"The {contract.entity} file of each authority's share, dropped in <hub>/landing/<la_code>/ "
            f"({contract.entity}.csv): copied there from the authority's exports/regional_share/<yyyy-mm>/."
        ),
        kinds={"csv"},
    )


def share_assets() -> list:
    contracts = list(share_contracts().values())
    return [landing_spec(c) for c in contracts] + [build_share_asset(c) for c in contracts]
