"""The SSD adapter: read the SSD tables once, map them into our case-system entities, hand each entity's
rows to the ingest as if they were that entity's file (named after its SSD table), so the contract, quarantine,
raw tables and everything downstream are the same as for our own layout.

Where the SSD comes from: `CLA_SSD_URL` (a SQLAlchemy URL, e.g. postgresql+psycopg://…/csc or
mssql+pyodbc://…; `CLA_SSD_SCHEMA` names the schema, such as SystemC's ssd_development), else the CSV or XLSX
files in `landing/ssd/`. Which person id is the 903 CHILD: `CLA_SSD_CHILD_ID` (person_id, the default, or
legacy_id).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from orchestration.ingest.reading import EXTENSIONS, FileProblem, ReadFile
from orchestration.ingest.ssd import (
    care_leavers,
    histories,
    legal_statuses,
    mapping,
    people,
    periods,
    permanence,
    placements,
    social_workers,
)
from orchestration.ingest.ssd.mapping import Mapped, People
from orchestration.ingest.ssd.tables import SsdTable, read_database, read_folder
from orchestration.settings import Settings

Builder = Callable[[dict[str, SsdTable], People], Mapped]

# Each entity the SSD supplies: its primary SSD table and the module that maps it.
BUILDERS: dict[str, tuple[str, Builder]] = {
    "children": ("ssd_person", people.build),
    "periods_of_care": ("ssd_cla_episodes", periods.build),
    "legal_statuses": ("ssd_legal_status", legal_statuses.build),
    "placements": ("ssd_cla_placement", placements.build),
    "reviews": ("ssd_cla_reviews", histories.reviews),
    "missing_episodes": ("ssd_missing", histories.missing_episodes),
    "adoptions": ("ssd_permanence", permanence.adoptions),
    "care_leaver_contacts": ("ssd_care_leavers", care_leavers.build),
    "social_worker_allocations": ("ssd_involvements", social_workers.build),
    "previous_permanence": ("ssd_cla_previous_permanence", permanence.previous_permanence),
    "child_protection_plans": ("ssd_cp_plans", histories.child_protection_plans),
    "youth_justice": ("ssd_cla_convictions", histories.youth_justice),
}
# The other tables read, and the entity whose ingest accounts for their rows.
SECONDARY = {
    "ssd_disability": "children",
    "ssd_immigration_status": "children",
    "ssd_mother": "children",
    "ssd_address": "placements",
    "ssd_professionals": "social_worker_allocations",
}
TABLES = {table for table, _ in BUILDERS.values()} | set(SECONDARY)
LINKS = [
    *people.LINKS,
    *periods.LINKS,
    *legal_statuses.LINKS,
    *placements.LINKS,
    *histories.LINKS,
    *care_leavers.LINKS,
    *permanence.LINKS,
    *social_workers.LINKS,
]


def ssd_folder(settings: Settings) -> Path:
    return settings.landing_dir / "ssd"


def in_use(settings: Settings) -> bool:
    """The SSD layout is in use when CLA_SSD_URL is set or landing/ssd/ holds an SSD table."""
    if os.environ.get("CLA_SSD_URL"):
        return True
    folder = ssd_folder(settings)
    return folder.is_dir() and any(
        p.suffix.lower() in EXTENSIONS and p.stem.lower() in TABLES for p in folder.iterdir()
    )


def supplies(entity: str, settings: Settings) -> bool:
    return entity in BUILDERS and in_use(settings)


def _fingerprint(settings: Settings) -> tuple:
    url = os.environ.get("CLA_SSD_URL", "")
    if url:
        return (url, os.environ.get("CLA_SSD_SCHEMA", ""), _row_counts(url))
    folder = ssd_folder(settings)
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.iterdir() if p.is_file()))


def _row_counts(url: str) -> tuple:
    """Enough to tell one load of the database from the next: the row count of each table we read."""
    import sqlalchemy as sa

    schema = os.environ.get("CLA_SSD_SCHEMA") or None
    engine = sa.create_engine(url)
    try:
        present = {t.lower(): t for t in sa.inspect(engine).get_table_names(schema=schema)}
        with engine.connect() as con:
            return tuple(
                (
                    name,
                    con.execute(
                        sa.select(sa.func.count()).select_from(sa.table(present[name], schema=schema))
                    ).scalar(),
                )
                for name in sorted(TABLES & set(present))
            )
    finally:
        engine.dispose()


def read_tables(settings: Settings) -> dict[str, SsdTable]:
    url = os.environ.get("CLA_SSD_URL")
    if url:
        found = read_database(url, TABLES, os.environ.get("CLA_SSD_SCHEMA") or None)
    else:
        found = read_folder(ssd_folder(settings), TABLES)
    return {name: found.get(name) or mapping.empty(name) for name in TABLES} | {
        f"_supplied_{name}": found[name] for name in found
    }


@lru_cache(maxsize=1)
def _adapt(fingerprint: tuple, landing: Path, child_id: str) -> tuple[dict[str, Mapped], dict[str, SsdTable]]:
    del fingerprint  # the cache key: the same files or database rows give the same mapping
    from orchestration.settings import load_settings

    everything = read_tables(load_settings())
    tables = {name: t for name, t in everything.items() if not name.startswith("_supplied_")}
    supplied = {name.removeprefix("_supplied_") for name in everything if name.startswith("_supplied_")}
    who = People(tables["ssd_person"], tables["ssd_cla_episodes"], child_id)
    mapped = {}
    for entity, (table, build) in BUILDERS.items():
        result = build(tables, who)
        if table not in supplied:
            result.notes.append(f"{table} was not supplied")
        mapped[entity] = result
    return mapped, {name: t for name, t in tables.items() if name in supplied}


def adapt(settings: Settings) -> tuple[dict[str, Mapped], dict[str, SsdTable]]:
    """Every entity the SSD supplies, mapped; and the SSD tables that were supplied."""
    child_id = os.environ.get("CLA_SSD_CHILD_ID", "person_id")
    return _adapt(_fingerprint(settings), settings.landing_dir, child_id)


def entity_files(entity: str, columns: list[str], settings: Settings) -> tuple[list, Mapped, dict[str, SsdTable]]:
    """The entity's rows as the ingest reads a file: [(path named after the SSD table, sha256, ReadFile or
    FileProblem)], with the mapping and the SSD tables for the row accounting."""
    mapped, supplied = adapt(settings)
    result = mapped[entity]
    table = supplied.get(result.table)
    if table is None:
        return [], result, supplied
    if table.problem:
        return [(Path(table.label), table.sha256, FileProblem(table.problem))], result, supplied
    rows = result.rows.reindex(columns=columns).astype(object)
    rows = rows.where(pd.notna(rows), None)
    rejected = [
        (int(r["_row"]), str(r["column"]), str(r["problem"]), {c: r.get(c) for c in columns if pd.notna(r.get(c))})
        for r in result.rejected.to_dict("records")
    ]
    read = ReadFile(
        rows=rows.reset_index(drop=True),
        row_numbers=[int(n) for n in result.rows["_row"]],
        encoding="ssd",
        notes=list(result.notes),
        broken_rows=list(table.broken_rows),
        rejected_rows=rejected,
    )
    return [(Path(table.label), table.sha256, read)], result, supplied


def column_names(result: Mapped) -> dict[str, str]:
    """Our column -> the SSD column it comes from in the entity's primary table, for problem messages."""
    names: dict[str, str] = {}
    for link in LINKS:
        table, _, ssd_column = link.ssd.partition(".")
        entity, _, ours = link.ours.partition(".")
        if table == result.table and entity == result.entity and ours and ours not in names:
            names[ours] = ssd_column
    return names


def name_ssd_columns(outcome, result: Mapped) -> None:
    """Contract problems name our columns; for SSD rows, name the SSD column too ("clap_…_start_date →
    start_date: not a date"), so the authority can find the value in its own table."""
    names = column_names(result)
    if outcome.quarantined.empty or not names:
        return

    def rename(problems: str) -> str:
        parts = []
        for part in str(problems).split("; "):
            ours, sep, message = part.partition(": ")
            parts.append(f"{names[ours]} → {ours}: {message}" if sep and ours in names else part)
        return "; ".join(parts)

    outcome.quarantined["problems"] = outcome.quarantined["problems"].map(rename)
