"""Generate a full set of synthetic extracts (case system, health, education, workforce) and a manifest."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from synthetic import calibration as cal
from synthetic import case_system, lives, ssd_layout, writing
from synthetic import faults as fault_mod
from synthetic.area import area_for
from synthetic.draws import Draws
from synthetic.placements import TEMPORARY

FILE_FORMATS = ("csv", "xlsx", "mixed")
LAYOUTS = ("own", "ssd")  # our extract contract, or the case system's Standard Safeguarding Dataset tables


def generate(
    out_dir: Path,
    *,
    seed: int = 1,
    scale: float = 1.0,
    start: date = date(2018, 4, 1),
    as_of: date = date(2026, 10, 31),
    file_format: str = "csv",
    faults: Sequence[str] = (),
    progress: Callable[[str], None] | None = None,
    layout: str = "own",
    authority: str | None = None,
) -> dict:
    """Simulate children's lives from `start` to `as_of` and write the extracts under out_dir/<source>/.

    Deterministic for a seed: the same arguments write byte-identical CSVs. `authority` is the synthetic
    authority (a path to its file, or a shipped file's code or name; CLA_AUTHORITY's or the default when None):
    its postcodes, districts, teams and size. `scale` multiplies its size (1 is the authority's own size, from its
    under-18 population; for the calibrated authority, Kent, about 45 is England). Returns a summary: rows per
    entity, children in care at each 31 March, calibration figures and the faults planted (also in
    out_dir/generation_manifest.json).
    Nothing here logs or returns a date of birth, a name or a postcode.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}, not {layout!r}")
    if layout == "ssd" and faults:
        raise ValueError("faults are planted in our own layout only; generate the SSD layout without them")
    if file_format not in FILE_FORMATS:
        raise ValueError(f"file_format must be one of {FILE_FORMATS}, not {file_format!r}")
    if scale <= 0:
        raise ValueError("scale must be positive")
    if not start < as_of:
        raise ValueError("start must be before as_of")
    fault_names = fault_mod.expand(faults)
    area = area_for(authority, as_of)
    say = progress or (lambda _msg: None)
    out_dir = Path(out_dir)
    began = time.perf_counter()

    from synthetic import education, health, workforce  # written alongside; imported when used

    streams = np.random.SeedSequence(seed).spawn(6)
    rng_life, rng_health, rng_edu, rng_work, rng_faults, rng_format = (np.random.default_rng(s) for s in streams)

    say("simulating children's lives")
    life = Draws.from_generator(rng_life)  # the simulation and then the case-system tables draw from it
    population = lives.simulate(life, scale * area.size, start, as_of, say, area)
    extract = case_system.case_system_tables(population, life, say)
    names = extract.names
    case = {
        entity: writing.conform(extract.tables[entity], "case_system", entity)
        for entity in writing.columns_of("case_system")
    }
    children = case["children"].copy()
    periods = case["periods_of_care"].copy()

    say("health extract")
    health_tables = health.health_tables(children.copy(), periods.copy(), rng_health, as_of)
    say("education extract")
    education_tables = education.education_tables(children.copy(), periods.copy(), rng_edu, as_of)
    say("workforce extract")
    workforce_tables = workforce.workforce_tables(
        case["social_worker_allocations"].copy(), rng_work, start, as_of, area.workforce_teams or workforce.TEAMS
    )
    tables = {
        "case_system": case,
        "health": _conform_all(health_tables, "health"),
        "education": _conform_all(education_tables, "education"),
        "workforce": _conform_all(workforce_tables, "workforce"),
    }

    summary_figures = calibration_summary(case, start, as_of)
    planted, extras = fault_mod.plant(tables, names, fault_names, rng_faults, as_of)
    for record in planted:
        say(f"planted fault {record['fault']}: {record['count']} rows")

    say("writing files")
    rows, files, written = {}, {}, {}
    xlsx_pick = rng_format.random(sum(len(t) for t in tables.values()))
    k = 0
    for source, entities in tables.items():
        for entity, frame in entities.items():
            if layout == "ssd" and source == "case_system" and entity not in ssd_layout.NOT_IN_SSD:
                continue  # written below as SSD tables
            use_xlsx = file_format == "xlsx" or (file_format == "mixed" and xlsx_pick[k] < 0.5)
            k += 1
            if entity == "children":
                frame = _with_names(frame, names)
            path = out_dir / source / f"{entity}.{'xlsx' if use_xlsx else 'csv'}"
            if use_xlsx:
                writing.write_xlsx(path, frame, source, entity)
            else:
                writing.write_csv(path, frame, source, entity)
            rows[entity] = len(frame)
            files[str(path.relative_to(out_dir))] = len(frame)
            written[f"{source}/{entity}"] = str(path.relative_to(out_dir))
    if layout == "ssd":
        ssd_files = ssd_layout.write_ssd(out_dir / "ssd", ssd_layout.ssd_tables(tables["case_system"], names))
        files.update(ssd_files)
        rows.update({Path(f).stem: n for f, n in ssd_files.items()})
    for extra in extras:
        path = out_dir / extra.path
        path.parent.mkdir(parents=True, exist_ok=True)
        if extra.raw is not None:
            path.write_bytes(extra.raw)
            files[extra.path] = 0
        else:
            writing.write_csv(path, extra.frame, extra.source, extra.entity, sep=extra.sep, encoding=extra.encoding)
            files[extra.path] = len(extra.frame)

    # Each source's supplier says how far its data reaches (orchestration/ingest/sources.py); the optional
    # workforce extract says nothing, so its newest record decides (its staleness is a fault to be found).
    for folder in ("ssd" if layout == "ssd" else "case_system", "health", "education"):
        declaration = out_dir / folder / "data_up_to.txt"
        declaration.write_text(f"{as_of:%d/%m/%Y}\n", encoding="utf-8")

    for record in planted:  # data faults name the main files they changed
        record["files"] = [written.get(f, f) for f in record["files"]]
    summary = {
        "seed": seed,
        "authority": area.code,
        "authority_name": area.name,
        "scale": scale,
        "simulated_scale": scale * area.size,
        "start": start.isoformat(),
        "as_of": as_of.isoformat(),
        "file_format": file_format,
        "layout": layout,
        "rows": rows,
        "files": files,
        **summary_figures,
        "faults": {record["fault"]: record for record in planted},
    }
    with open(out_dir / "generation_manifest.json", "w", encoding="utf-8") as fh:
        json.dump(summary, fh, indent=2)
        fh.write("\n")
    say(f"done in {time.perf_counter() - began:.1f} s")
    return summary


def _conform_all(tables: dict, source: str) -> dict:
    wanted = writing.columns_of(source)
    missing = [e for e in wanted if e not in tables]
    unexpected = [e for e in tables if e not in wanted]
    if missing or unexpected:
        raise ValueError(f"{source}: entities missing {missing}, unexpected {unexpected}")
    return {entity: writing.conform(tables[entity].reset_index(drop=True), source, entity) for entity in wanted}


def _with_names(children: pd.DataFrame, names: pd.DataFrame) -> pd.DataFrame:
    """The case system's children file also carries names (the ingest must drop them)."""
    named = children.merge(names, on="child_id", how="left", validate="one_to_one")
    cols = ["child_id", *writing.PERSONAL_COLUMNS, *[c for c in children.columns if c != "child_id"]]
    return named[cols]


def _in_care(periods: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    """Periods open at the end of the day (a child who left on 31 March was not in care at 31 March)."""
    return periods[(periods["start_date"] <= day) & (periods["end_date"].isna() | (periods["end_date"] > day))]


def calibration_summary(case: dict, start: date, as_of: date) -> dict:
    """The Kent profile's figures (see calibration.py), measured on the generated (unfaulted) data."""
    children = case["children"].set_index("child_id")
    periods = case["periods_of_care"]
    placements = case["placements"]
    in_care, years = {}, {}
    first_year = start.year + (1 if start.month >= 4 else 0)
    for year in range(first_year, as_of.year + 1):
        day = pd.Timestamp(year, 3, 31)
        if day > pd.Timestamp(as_of):
            break
        open_ = _in_care(periods, day)
        ids = open_["child_id"].unique()
        in_care[day.date().isoformat()] = int(len(ids))
        year_start = pd.Timestamp(year - 1, 4, 1)
        started = periods[(periods["start_date"] >= year_start) & (periods["start_date"] <= day)]
        ended = periods[(periods["end_date"] >= year_start) & (periods["end_date"] <= day)]
        moves = placements[
            placements["child_id"].isin(ids)
            & (placements["start_date"] <= day)
            & (placements["end_date"].isna() | (placements["end_date"] >= year_start))
            & ~placements["placement_type"].isin(TEMPORARY)
        ]
        per_child = moves.groupby("child_id").size()
        age = (day - children.loc[ids, "date_of_birth"]).dt.days / 365.25
        years[f"{year - 1}/{str(year)[2:]}"] = {
            "in_care_31_march": int(len(ids)),
            "uasc_share": round(float((children.loc[ids, "uasc"] == "Y").mean()), 3) if len(ids) else None,
            "starters": int(len(started)),
            "leavers": int(len(ended)),
            "adopted": int(ended["reason_ended"].isin(["E11", "E12"]).sum()),
            "special_guardianship": int(ended["reason_ended"].isin(["E45", "E46", "E47", "E48"]).sum()),
            "three_plus_placements_share": round(float((per_child >= 3).sum() / len(ids)), 3) if len(ids) else None,
            "aged_16_plus_share": round(float((age >= 16).mean()), 3) if len(ids) else None,
            "care_leavers_17_21": care_leavers_aged_17_21(case, day),
        }
    return {"in_care_31_march": in_care, "calibration": years, "kent_profile_targets": _targets()}


def care_leavers_aged_17_21(case: dict, day: pd.Timestamp) -> int:
    """Care leavers (children with care-leaver contacts who have left care) aged 17-21 on the day."""
    contacts = case["care_leaver_contacts"]
    periods = case["periods_of_care"]
    leavers = pd.Index(contacts["child_id"].unique())
    dob = case["children"].set_index("child_id")["date_of_birth"].reindex(leavers)
    last_end = periods.groupby("child_id")["end_date"].max().reindex(leavers)
    still_in = leavers.isin(periods.loc[periods["end_date"].isna(), "child_id"].unique())
    ok = (dob + pd.DateOffset(years=17) <= day) & (dob + pd.DateOffset(years=22) > day)
    return int((ok & (last_end <= day) & ~still_in).sum())


def _targets() -> dict:
    return {
        "in_care_31_march": cal.IN_CARE_31_MARCH,
        "uasc_share": round(cal.UASC_IN_CARE / cal.IN_CARE_31_MARCH, 3),
        "starters": cal.STARTERS_PER_YEAR,
        "leavers": cal.LEAVERS_PER_YEAR,
        "adopted": cal.ADOPTED_PER_YEAR,
        "special_guardianship": cal.SGO_PER_YEAR,
        "three_plus_placements_share": 0.096,
        "care_leavers_17_21": cal.CARE_LEAVERS_17_21,
    }
