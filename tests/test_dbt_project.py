"""The dbt project up to staging, built for real on a temporary DuckDB warehouse.

The raw, quarantine, audit and reference tables are created here as the Python ingest creates them (columns
from the extract contracts in schemas/extracts/*.yaml), with a few rows per entity made from the contracts.
`dbt build` (seeds, staging views and their data tests) must pass on them; a warehouse with a duplicated
child and an unknown legal-status code must fail exactly the tests meant to catch those.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
import yaml
from dbt.cli.main import dbtRunner, dbtRunnerResult
from warehouse_fixtures import write_authority_tables

from orchestration.ssda903.tables import ensure_submitted_tables
from schemas.authority import load_authority

ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = ROOT / "dbt_project"
STAGING_DIR = DBT_PROJECT_DIR / "models" / "staging"
CONTRACTS = sorted((ROOT / "schemas" / "extracts").glob("*.yaml"))
SSDA903_CODES = ROOT / "seeds" / "ssda903_codes.csv"

LA = "E10000016"  # Kent
OTHER_LA = "E06000035"  # Medway: the same child id in another authority is another child
SQL_TYPES = {
    "id": "VARCHAR",
    "text": "VARCHAR",
    "code": "VARCHAR",
    "postcode": "VARCHAR",
    "upn": "VARCHAR",
    "date": "DATE",
    "integer": "BIGINT",
    "flag": "BOOLEAN",
}
CHILD_IDS = ["C1", "C2", "C3"]
ROWS_PER_ENTITY = 3
OPTIONAL_SOURCES = {"workforce"}  # left empty: an authority without the extract still builds


def load_contracts() -> dict[tuple[str, str], dict]:
    """(source, entity) -> the entity's contract."""
    entities = {}
    for path in CONTRACTS:
        contract = yaml.safe_load(path.read_text())
        for entity, spec in contract["entities"].items():
            entities[(contract["source"], entity)] = spec
    return entities


def ssda903_codes() -> dict[str, list[str]]:
    codes: dict[str, list[str]] = {}
    with SSDA903_CODES.open(newline="") as f:
        for row in csv.DictReader(f):
            codes.setdefault(row["field"], []).append(row["code"])
    return codes


# Values for columns whose contract pattern the type alone does not give.
SPECIAL_VALUES = {
    "child_id": lambda i: CHILD_IDS[i % len(CHILD_IDS)],
    "nhs_number": lambda i: f"{9434765910 + i}",
    "upn": lambda i: f"A{100000000000 + i}",
    "academic_year": lambda i: "2024/25",
    "school_urn": lambda i: "118800",
    "urn": lambda i: "SC123456",
    "result": lambda i: ["1", "-0.35", "42.5"][i % 3],
    "placing_la": lambda i: "E10000017",
    "order_la": lambda i: "WAL",
    "order_date": lambda i: "01/ZZ/2019",
    "social_worker_id": lambda i: f"SW{100 + i}",
}


def contract_value(name: str, column: dict, i: int, position: int, codes: dict[str, list[str]]):
    """A valid value for row i of a contract column (later columns get later dates, so pairs stay ordered)."""
    if name in SPECIAL_VALUES:
        return SPECIAL_VALUES[name](i)
    kind = column["type"]
    if kind == "date":
        return date(2019, 1, 1) + timedelta(days=200 * i + 10 * position)
    if kind == "integer":
        return min(column.get("min", 0) + 1 + i, column.get("max", 10**6))
    if kind == "flag":
        return i % 2 == 0
    if kind == "postcode":
        return "CT1 1AA"
    if kind == "code":
        allowed = column["codes"]
        if isinstance(allowed, str) and allowed.startswith("authority:"):  # the authority's districts or teams
            allowed = sorted(getattr(load_authority(), f"{allowed.split(':', 1)[1][:-1]}_codes"))
        elif isinstance(allowed, str):
            allowed = codes[allowed.split(":", 1)[1]]
        return allowed[i % len(allowed)]
    return f"{name}-{i}"


def make_rows(source: str, entity: str, spec: dict, codes: dict[str, list[str]]) -> list[dict]:
    if source in OPTIONAL_SOURCES:
        return []
    rows = []
    for i in range(ROWS_PER_ENTITY):
        row = {"la_code": LA}
        for position, (name, column) in enumerate(spec["columns"].items()):
            row[name] = contract_value(name, column, i, position, codes)
        row["source_file"] = f"{entity}.csv"
        row["source_row"] = i + 2
        rows.append(row)
    if source == "health":
        rows[1]["child_id"] = None  # known to health by NHS number only
        rows[2]["child_id"] = "C999"  # a child the case system does not know: a warning, not a failure
    if source == "health" and entity == "sdq_assessments":
        rows[0]["score"], rows[1]["reason_no_score"] = None, None  # a reason or a score, not both
    if (source, entity) == ("case_system", "children"):
        rows.append({**rows[0], "la_code": OTHER_LA, "source_file": "medway_children.csv"})
    return rows


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    if rows:
        columns = list(rows[0])
        placeholders = ", ".join("?" for _ in columns)
        con.executemany(
            f"insert into {table} ({', '.join(columns)}) values ({placeholders})",
            [[row[c] for c in columns] for row in rows],
        )


def create_warehouse(path: Path) -> dict[tuple[str, str], int]:
    """Every table the ingest creates, with rows; returns the raw row count per entity."""
    contracts, codes, counts = load_contracts(), ssda903_codes(), {}
    con = duckdb.connect(str(path))
    for schema in ["raw", "quarantine", "audit", "reference"]:
        con.execute(f"create schema {schema}")
    for (source, entity), spec in contracts.items():
        columns = spec["columns"]
        typed = ", ".join(f"{name} {SQL_TYPES[c['type']]}" for name, c in columns.items())
        con.execute(f"create table raw.{entity} (la_code VARCHAR, {typed}, source_file VARCHAR, source_row INTEGER)")
        as_text = ", ".join(f"{name} VARCHAR" for name in columns)
        con.execute(
            f"create table quarantine.{entity} (la_code VARCHAR, source_file VARCHAR, "
            f"source_row INTEGER, problems VARCHAR, {as_text})"
        )
        rows = make_rows(source, entity, spec, codes)
        insert(con, f"raw.{entity}", rows)
        counts[(source, entity)] = len(rows)
    insert(
        con,
        "quarantine.children",
        [
            {
                "la_code": LA,
                "source_file": "children.csv",
                "source_row": 9,
                "problems": "sex: 'X' is not one of M, F, U",
                "child_id": "C9",
                "sex": "X",
            }
        ],
    )
    con.execute(
        "create table audit.extract_files (la_code VARCHAR, source VARCHAR, entity VARCHAR, "
        "source_file VARCHAR, sha256 VARCHAR, rows_read INTEGER, rows_loaded INTEGER, "
        "rows_quarantined INTEGER, file_problem VARCHAR)"
    )
    insert(
        con,
        "audit.extract_files",
        [
            {
                "la_code": LA,
                "source": "case_system",
                "entity": "children",
                "source_file": "children.csv",
                "sha256": "0" * 64,
                "rows_read": 4,
                "rows_loaded": 3,
                "rows_quarantined": 1,
                "file_problem": None,
            }
        ],
    )
    con.execute(
        "create table reference.postcodes (postcode VARCHAR, easting INTEGER, northing INTEGER, lad_code VARCHAR)"
    )
    insert(
        con,
        "reference.postcodes",
        [
            {"postcode": "CT1 1AA", "easting": 615000, "northing": 157800, "lad_code": "E07000106"},
            {"postcode": "ME14 1XQ", "easting": 575900, "northing": 156200, "lad_code": "E07000110"},
        ],
    )
    counts[("reference", "postcodes")] = 2
    write_authority_tables(con)  # the authority's population, comparators, targets and teams, as its asset writes them
    ensure_submitted_tables(con)  # empty, as the ingest creates them: the 903 marts read them as a source
    from orchestration.ingest.sources import ensure_sources_table

    ensure_sources_table(con)  # empty: how far each source reaches is not recorded for a warehouse made by hand
    con.close()
    return counts


def dbt(args: list[str], work: Path) -> dbtRunnerResult:
    """Runs dbt in-process against the warehouse named by CLA_WAREHOUSE, writing nothing to the repo."""
    return dbtRunner().invoke(
        [
            *args,
            "--project-dir",
            str(DBT_PROJECT_DIR),
            "--profiles-dir",
            str(DBT_PROJECT_DIR),
            "--target-path",
            str(work / "target"),
            "--log-path",
            str(work / "logs"),
        ]
    )


def failures(result: dbtRunnerResult) -> list[str]:
    return [
        f"{r.node.name}: {r.status} {r.message or ''}"
        for r in result.result
        if str(r.status) in {"error", "fail", "runtime error"}
    ]


def staging_model_columns() -> dict[str, list[str]]:
    """Each staging model's columns as its YAML describes them."""
    described = {}
    for path in STAGING_DIR.rglob("stg_*.yml"):
        for model in yaml.safe_load(path.read_text())["models"]:
            described[model["name"]] = [c["name"] for c in model["columns"]]
    return described


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A warehouse with every raw table, and the result of `dbt build` on it."""
    work = tmp_path_factory.mktemp("dbt")
    warehouse = work / "warehouse.duckdb"
    counts = create_warehouse(warehouse)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("CLA_WAREHOUSE", str(warehouse))
        result = dbt(["build"], work)  # build seeds first, then the views, each followed by its tests
    return work, warehouse, counts, result


def test_every_dbt_unit_test_runs_and_passes_in_the_full_build(built):
    """The warehouse's own build leaves the unit tests out (orchestration/transform/assets.py): they run here."""
    _, _, _, result = built
    declared = {
        test["name"]
        for path in (DBT_PROJECT_DIR / "models").rglob("*.yml")
        for test in (yaml.safe_load(path.read_text()) or {}).get("unit_tests", [])
    }
    ran = {r.node.name: str(r.status) for r in result.result if r.node.resource_type == "unit_test"}
    assert declared and set(ran) == declared
    assert set(ran.values()) == {"pass"}, ran


def test_build_passes_and_staging_views_return_the_raw_rows(built):
    _, warehouse, counts, result = built
    assert result.success, failures(result)
    warned = {r.node.name for r in result.result if str(r.status) == "warn"}
    assert warned and all(name.startswith("relationships_within_la_stg_health__") for name in warned)

    # Not read_only: dbt-duckdb keeps its DuckDB instance open in this process after the build, and DuckDB
    # refuses a second connection to the same file with a different configuration.
    con = duckdb.connect(str(warehouse))
    try:
        for (source, entity), expected in counts.items():
            n = con.execute(f"select count(*) from staging.stg_{source}__{entity}").fetchone()[0]
            assert n == expected, (source, entity)
        assert (
            con.execute(
                "select count(*) from staging.stg_reference__ssda903_codes where code_list = 'ACTIV' and code = '0'"
            ).fetchone()[0]
            == 1
        )
        assert (
            con.execute(
                "select utla_code from staging.stg_reference__local_authorities where ltla_code = 'E07000106'"
            ).fetchone()[0]
            == "E10000016"
        )
        assert con.execute(
            "select result_value from staging.stg_education__attainment where upn = 'A100000000001'"
        ).fetchone()[0] == Decimal("-0.35")

        # Every view's columns are the ones its YAML describes, in the same order.
        actual: dict[str, list[str]] = {}
        for table, column in con.execute(
            "select table_name, column_name from information_schema.columns "
            "where table_schema = 'staging' order by table_name, ordinal_position"
        ).fetchall():
            actual.setdefault(table, []).append(column)
        assert actual == staging_model_columns()
        # Seeds land in the reference schema, beside the postcodes the Python asset loads.
        tables = {
            t
            for (t,) in con.execute(
                "select table_name from information_schema.tables where table_schema = 'reference'"
            ).fetchall()
        }
        assert {"ssda903_codes", "ltla21_to_utla21", "postcodes"} <= tables
    finally:
        con.close()


def test_la_code_macro_reads_the_environment(built):
    work, warehouse, _, _ = built
    inline = ["compile", "--inline", "select '{{ la_code() }}' as la_code"]
    with pytest.MonkeyPatch.context() as env:
        env.setenv("CLA_WAREHOUSE", str(warehouse))
        env.delenv("CLA_LA_CODE", raising=False)
        default = dbt(inline, work)
        env.setenv("CLA_LA_CODE", OTHER_LA)
        configured = dbt(inline, work)
    assert default.result.results[0].node.compiled_code == "select 'E10000016' as la_code"
    assert configured.result.results[0].node.compiled_code == f"select '{OTHER_LA}' as la_code"


def test_every_contract_entity_has_a_linked_source_and_a_documented_staging_model():
    contracts, described = load_contracts(), staging_model_columns()
    for (source, entity), spec in contracts.items():
        folder = STAGING_DIR / source
        sources = yaml.safe_load((folder / f"_{source}__sources.yml").read_text())["sources"]
        (declared,) = [s for s in sources if s["name"] == source]
        assert declared["schema"] == "raw"
        (table,) = [t for t in declared["tables"] if t["name"] == entity]
        assert table["config"]["meta"]["dagster"]["asset_key"] == ["raw", source, entity]
        assert table["description"].strip()

        model = f"stg_{source}__{entity}"
        assert (folder / f"{model}.sql").exists()
        (doc,) = yaml.safe_load((folder / f"{model}.yml").read_text())["models"]
        assert doc["description"].strip()
        assert all(c.get("description", "").strip() for c in doc["columns"]), model
        # One staging column per contract column, plus la_code, source_file and source_row.
        assert len(described[model]) == len(spec["columns"]) + 3, model


def test_a_duplicate_key_an_unknown_code_and_a_blank_start_fail_their_tests(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    create_warehouse(warehouse)
    con = duckdb.connect(str(warehouse))
    con.execute(
        "insert into raw.children select * replace (99 as source_row) from raw.children "
        "where la_code = ? and child_id = 'C1'",
        [LA],
    )
    con.execute("update raw.legal_statuses set legal_status = 'ZZ' where child_id = 'C2'")
    con.execute("update raw.legal_statuses set start_date = null where child_id = 'C3'")
    con.close()

    models = "ssda903_codes stg_reference__ssda903_codes stg_case_system__children stg_case_system__legal_statuses"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("CLA_WAREHOUSE", str(warehouse))
        result = dbt(["build", "--select", models, "--indirect-selection", "cautious"], tmp_path)
    assert not result.success
    failed = {
        (r.node.test_metadata.name, r.node.attached_node.split(".")[-1], r.failures)
        for r in result.result
        if str(r.status) != "pass" and r.node.resource_type == "test"
    }
    assert failed == {
        ("unique_combination_of_columns", "stg_case_system__children", 1),
        ("accepted_ssda903_codes", "stg_case_system__legal_statuses", 1),
        ("not_null_columns", "stg_case_system__legal_statuses", 1),
    }


def test_every_seed_loads_on_postgresql(tmp_path, monkeypatch):
    """The seeds' column types are ones PostgreSQL knows too (DuckDB's `double` is not), so an authority or the
    regional hub on PostgreSQL can load the reference data."""
    from postgres_server import postgres_server

    with postgres_server() as server:
        for name, value in {
            "CLA_PG_HOST": server.host,
            "CLA_PG_PORT": str(server.port),
            "CLA_PG_USER": server.user,
            "CLA_PG_DATABASE": server.database,
            "CLA_WAREHOUSE": str(tmp_path / "unused.duckdb"),
        }.items():
            monkeypatch.setenv(name, value)
        result = dbt(["seed", "--target", "postgres"], tmp_path)
        assert result.success, failures(result)
        loaded = {r.node.name for r in result.result if str(r.status) == "success"}
        assert {path.stem for path in (ROOT / "seeds").glob("*.csv")} <= loaded
