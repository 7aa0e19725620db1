"""The ingest report: for the data owners, every file loaded and every row quarantined with its problems.

Written to data/exports/ingest/<load date>/ as CSVs a data engineer can hand back to the system owner, with how
far each source's data reaches (sources.csv).
Rows are named by file, row number and case-system child id only: no values that could identify a child
(orchestration/privacy.py: a code is shown as itself, anything else as present or blank).
"""

import dagster as dg
import pandas as pd

from orchestration.ingest.assets import quarantine_key
from orchestration.ingest.sources import SOURCES_KEY, read_coverage
from orchestration.owners import owners_for_group
from orchestration.privacy import child_id, personal_columns, shown_value
from orchestration.publishing import publish_folder
from orchestration.quality.quarantine import rule_of
from orchestration.report_csv import write_report_csv
from orchestration.resources import WAREHOUSE_POOL, Warehouse
from orchestration.settings import load_settings
from schemas.contracts import load_contracts

REPORT_COLUMNS = ["source", "entity", "source_file", "source_row", "child_id", "problems", "values"]


def quarantined_rows(con, la_code: str) -> pd.DataFrame:
    """Every quarantined row: where it is, its child (by case-system id only), its problems, and the values of
    the columns its problems name as the privacy rules show them (a code as itself, DOBs, postcodes, NHS numbers,
    UPNs, names and anything not shaped as a code as present or blank)."""
    found = []
    for contract in load_contracts().values():
        rows = con.execute(
            f"SELECT * FROM quarantine.{contract.entity} WHERE la_code = ? ORDER BY source_file, source_row", [la_code]
        ).df()
        personal = personal_columns(contract)
        for row in rows.to_dict("records"):
            named = dict.fromkeys(c for c, _, _ in map(rule_of, str(row["problems"]).split("; ")) if c in row)
            found.append(
                {
                    "source": contract.source,
                    "entity": contract.entity,
                    "source_file": row["source_file"],
                    "source_row": row["source_row"],
                    "child_id": child_id(row.get("child_id")),
                    "problems": row["problems"],
                    "values": "; ".join(f"{c}={shown_value(row[c], c in personal)}" for c in named),
                }
            )
    return pd.DataFrame(found, columns=REPORT_COLUMNS).sort_values(["source", "entity", "source_file", "source_row"])


@dg.asset(
    key=["exports", "ingest_report"],
    deps=[*[quarantine_key(c) for c in load_contracts().values()], SOURCES_KEY],
    group_name="quality",
    pool=WAREHOUSE_POOL,
    owners=owners_for_group("quality"),
    kinds={"csv"},
    description=(
        "`data/exports/ingest/yyyy-mm-dd/` (the load date): `extract_files.csv` (each landing file with rows "
        "read, loaded and quarantined, and any file problem) and `quarantined_rows.csv` (file, row, child id, "
        "problems and the values they concern, personal ones shown only as present or blank, of every quarantined "
        "row), to send back to whoever owns the extract, and `sources.csv` (each "
        "source's data-up-to date and whether it is complete, stale or missing)."
    ),
)
def ingest_report(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    settings = load_settings()
    with warehouse.connect() as con:
        files = con.execute(
            "SELECT source, entity, source_file, sha256, rows_read, rows_loaded, rows_quarantined, file_problem, "
            "notes FROM audit.extract_files WHERE la_code = ? ORDER BY source, entity, source_file",
            [settings.la_code],
        ).df()
        problems = quarantined_rows(con, settings.la_code)
        coverage = read_coverage(con, settings.la_code)
    sources = pd.DataFrame(
        [(c.source, c.required, c.rows_loaded, c.data_up_to, c.status, c.reason) for c in coverage],
        columns=["source", "required", "rows_loaded", "data_up_to", "status", "reason"],
    )

    def write(folder):
        write_report_csv(files, folder / "extract_files.csv")
        write_report_csv(problems, folder / "quarantined_rows.csv")
        write_report_csv(sources, folder / "sources.csv")

    target = publish_folder(settings.exports_dir / "ingest" / f"{settings.as_of:%Y-%m-%d}", write)
    context.log.info(f"ingest report: {len(files)} files, {len(problems)} quarantined rows, in {target}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(target)),
            "files": len(files),
            "rows_read": int(files["rows_read"].sum()),
            "rows_loaded": int(files["rows_loaded"].sum()),
            "rows_quarantined": int(files["rows_quarantined"].sum()),
            "files_with_problems": int(files["file_problem"].notna().sum()),
            "data_up_to": dg.MetadataValue.json(
                {c.source: c.data_up_to.isoformat() if c.data_up_to else "missing" for c in coverage}
            ),
        }
    )
