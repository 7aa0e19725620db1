"""Faults the ingest and the quality checks must catch, planted on purpose and recorded in the manifest.

Data faults change values in the main files, as the real problems in Kent's reports did. Bad-input faults
are confined to extra files named <entity>_<what>.csv beside the main ones: the main files still load, and
every row moved out of a main file is still in some file. Faults that make rows unloadable (a missing column,
the wrong delimiter, impossible dates, unknown codes) put copies of rows in their file and leave the originals
in the main file: the demo shows the quarantine, and its 903 return stays complete and publishable.
Encoding faults write one extra file each in the encoding named.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from synthetic import calibration as cal
from synthetic import identifiers as ids

DESCRIPTIONS = {
    # data faults
    "care_leaver_status_unknown": "In 2025/26, about 56% of care leavers aged 19-21 recorded as not in touch, "
    "activity and accommodation 0 (KP: Kent could not ascertain 56%).",
    "review_participation_miscoded": "About 5% of reviews of children aged 4+ who attended recorded as PN7 "
    "(did not attend, views not conveyed).",
    "education_upn_unmatched": "A few dozen education rows carry a UPN that matches no child.",
    # bad input
    "missing_required_column": "Copies of some rows of an entity in <entity>_part2.csv, which lacks a required column.",
    "unknown_column": "Some rows of an entity moved into a file with an extra column 'case_note_flag'.",
    "empty_file": "A zero-byte file.",
    "header_only_file": "A file with a header row and no data.",
    "wrong_delimiter": "Copies of some rows of an entity in a file delimited with ';'.",
    "corrupt_xlsx": "A .xlsx file that is not a zip workbook.",
    "duplicate_rows": "Exact copies of a few rows in an extra file.",
    "duplicate_keys": "A few rows repeated with the same key and different values.",
    "future_dates": "Copies of a few rows in a file with dates after the extract date.",
    "end_before_start": "Copies of a few rows in a file with end dates before their start dates.",
    "invalid_codes": "Copies of a few rows in a file with codes outside the contract's lists.",
    "float_ids": "Some rows moved into a file with child ids written as floats (1234.0).",
    # encodings
    "utf8_bom": "Some rows moved into a UTF-8 file with a byte-order mark.",
    "utf16": "Some rows moved into a UTF-16 file.",
    "cp1252": "Some children (names with accents) moved into a Windows-1252 file.",
}
DATA_FAULTS = ("care_leaver_status_unknown", "review_participation_miscoded", "education_upn_unmatched")
ALL_FAULTS = tuple(DESCRIPTIONS)


@dataclass
class ExtraFile:
    source: str
    entity: str
    name: str  # file name inside out_dir/<source>/
    frame: pd.DataFrame | None = None
    sep: str = ","
    encoding: str = "utf-8"
    raw: bytes | None = None  # written as is (empty or corrupt files)

    @property
    def path(self) -> str:
        return f"{self.source}/{self.name}"


@dataclass
class Planted:
    fault: str
    files: list[str] = field(default_factory=list)
    count: int = 0
    child_ids: list[str] = field(default_factory=list)
    details: dict = field(default_factory=dict)

    def record(self) -> dict:
        return {
            "fault": self.fault,
            "description": DESCRIPTIONS[self.fault],
            "files": self.files,
            "count": int(self.count),
            "child_ids": self.child_ids,
            **self.details,
        }


def expand(faults: Sequence[str] | str) -> list[str]:
    """Fault names in a fixed order; "all" means every fault."""
    if isinstance(faults, str):
        faults = [faults]
    names = set()
    for f in faults:
        if f == "all":
            names.update(ALL_FAULTS)
        elif f in DESCRIPTIONS:
            names.add(f)
        else:
            raise ValueError(f"unknown fault {f!r}; known: all, {', '.join(ALL_FAULTS)}")
    return [f for f in ALL_FAULTS if f in names]


def _child_ids(values) -> list[str]:
    return sorted({str(v) for v in values}, key=lambda v: (len(v), v))


class Planter:
    def __init__(self, tables: dict, names: pd.DataFrame, rng: np.random.Generator, as_of):
        self.tables = tables
        self.names = names
        self.rng = rng
        self.as_of = pd.Timestamp(as_of)
        self.extras: list[ExtraFile] = []
        self.pinned: dict[str, set] = {}  # rows other faults copied: they must stay in the main file

    def _move(
        self, source: str, entity: str, n: int, where: pd.Series | None = None, keep_originals: bool = False
    ) -> pd.DataFrame:
        """Take up to n random rows out of a main table (they go into an extra file), or copy them."""
        frame = self.tables[source][entity]
        pool = frame.index if where is None else frame.index[where.reindex(frame.index, fill_value=False)]
        pool = pool.difference(sorted(self.pinned.get(entity, ())))
        take = np.sort(self.rng.choice(pool, min(n, len(pool)), replace=False)) if len(pool) else []
        rows = frame.loc[take].copy()
        if keep_originals:
            self.pinned.setdefault(entity, set()).update(take)
        else:
            self.tables[source][entity] = frame.drop(index=take)
        return rows

    def _with_names(self, rows: pd.DataFrame) -> pd.DataFrame:
        named = rows.merge(self.names, on="child_id", how="left")
        cols = ["child_id", "first_name", "last_name", *[c for c in rows.columns if c != "child_id"]]
        return named[cols]

    def _extra(self, source, entity, suffix, frame=None, **kwargs) -> ExtraFile:
        extra = ExtraFile(source, entity, f"{entity}_{suffix}", frame, **kwargs)
        self.extras.append(extra)
        return extra

    def _moved_fault(
        self, fault, entity, suffix, n, change=None, where=None, keep_originals=False, **kwargs
    ) -> Planted:
        rows = self._move("case_system", entity, n, where, keep_originals)
        if change is not None:
            rows = change(rows)
        if entity == "children":
            rows = self._with_names(rows)
        extra = self._extra("case_system", entity, suffix, rows, **kwargs)
        ids_ = rows["child_id"].astype(str).str.replace(r"\.0$", "", regex=True) if "child_id" in rows else []
        details = {"entity": entity, "originals_kept": True} if keep_originals else {"entity": entity}
        return Planted(fault, [extra.path], len(rows), _child_ids(ids_), details)

    # ------------------------------------------------------------------------------------- data faults
    def care_leaver_status_unknown(self) -> Planted:
        cl = self.tables["case_system"]["care_leaver_contacts"]
        dob = self.tables["case_system"]["children"].set_index("child_id")["date_of_birth"]
        # 2025/26, or the last complete collection year when the history ends before it
        last_complete = self.as_of.year if (self.as_of.month, self.as_of.day) >= (3, 31) else self.as_of.year - 1
        year = min(cal.FAULT_COLLECTION_YEAR, last_complete)
        age = cl["birthday"].dt.year - dob.reindex(cl["child_id"]).dt.year.to_numpy()
        cohort = (
            (cl["birthday"] >= pd.Timestamp(year - 1, 4, 1))
            & (cl["birthday"] <= pd.Timestamp(year, 3, 31))
            & age.between(19, 21)
        )
        already = cohort & (cl["in_touch"] == "NO")
        target = round(cal.CARE_LEAVER_STATUS_UNKNOWN * cohort.sum())
        # A death is known: a young person reported as having died stays so (rule 348 drops them from later
        # years, which a "not in touch" here would bring back without a contact).
        pool = cl.index[cohort & ~already & (cl["in_touch"] != "DIED")]
        n = int(max(0, min(len(pool), target - already.sum())))
        pick = np.sort(self.rng.choice(pool, n, replace=False)) if n else []
        cl.loc[pick, ["in_touch", "activity", "accommodation"]] = ["NO", "0", "0"]
        cl.loc[pick, "contact_date"] = pd.NaT
        return Planted(
            "care_leaver_status_unknown",
            ["case_system/care_leaver_contacts"],
            n,
            _child_ids(cl.loc[pick, "child_id"]),
            {
                "collection_year": f"{year - 1}/{str(year)[2:]}",
                "cohort_rows": int(cohort.sum()),
                "not_in_touch_rows": int(already.sum() + n),
            },
        )

    def review_participation_miscoded(self) -> Planted:
        rv = self.tables["case_system"]["reviews"]
        dob = self.tables["case_system"]["children"].set_index("child_id")["date_of_birth"]
        age_days = (rv["review_date"] - dob.reindex(rv["child_id"]).to_numpy()).dt.days
        attended = rv["participation"].isin(["PN1", "PN2", "PN3", "PN4"]) & (age_days >= 4 * 365.25)
        pool = rv.index[attended]
        n = round(0.05 * len(pool))
        pick = np.sort(self.rng.choice(pool, n, replace=False)) if n else []
        rv.loc[pick, "participation"] = "PN7"
        return Planted(
            "review_participation_miscoded",
            ["case_system/reviews"],
            n,
            _child_ids(rv.loc[pick, "child_id"]),
            {"attended_reviews": int(len(pool))},
        )

    def education_upn_unmatched(self) -> Planted:
        edu = self.tables.get("education", {})
        children = self.tables["case_system"]["children"]
        known = set(children["upn"].astype(str))
        by_upn = dict(zip(children["upn"].astype(str), children["child_id"].astype(str), strict=True))
        candidates = [
            (name, idx)
            for name, frame in edu.items()
            if "upn" in frame.columns
            for idx in frame.index[frame["upn"].astype(str).isin(known - {"UN1", "UN2", "UN3", "UN4", "UN5"})]
        ]
        n = min(len(candidates), 36)
        chosen = sorted(self.rng.choice(len(candidates), n, replace=False)) if n else []
        fresh = [
            u for u in ids.make_upns(self.rng, np.array(["886"] * (n + 10)), np.full(n + 10, 2016)) if u not in known
        ]
        files, affected = set(), []
        for k, pos in enumerate(chosen):
            name, idx = candidates[pos]
            affected.append(by_upn[str(edu[name].at[idx, "upn"])])
            edu[name].at[idx, "upn"] = fresh[k]
            files.add(f"education/{name}")
        return Planted("education_upn_unmatched", sorted(files), n, _child_ids(affected))

    # ------------------------------------------------------------------------------------- bad input
    def missing_required_column(self) -> Planted:
        p = self._moved_fault(
            "missing_required_column",
            "missing_episodes",
            "part2.csv",
            12,
            change=lambda r: r.drop(columns=["missing_type"]),
            keep_originals=True,
        )
        p.details["column"] = "missing_type"
        return p

    def unknown_column(self) -> Planted:
        def add(rows):
            rows = rows.copy()
            rows["case_note_flag"] = np.where(self.rng.random(len(rows)) < 0.5, "Y", "N")
            return rows

        p = self._moved_fault("unknown_column", "reviews", "extra_column.csv", 15, change=add)
        p.details["column"] = "case_note_flag"
        return p

    def empty_file(self) -> Planted:
        extra = self._extra("case_system", "youth_justice", "empty.csv", raw=b"")
        return Planted("empty_file", [extra.path], 0, [], {"entity": "youth_justice"})

    def header_only_file(self) -> Planted:
        frame = self.tables["case_system"]["child_protection_plans"].iloc[0:0]
        extra = self._extra("case_system", "child_protection_plans", "header_only.csv", frame)
        return Planted("header_only_file", [extra.path], 0, [], {"entity": "child_protection_plans"})

    def wrong_delimiter(self) -> Planted:
        return self._moved_fault(
            "wrong_delimiter", "care_leaver_contacts", "semicolon.csv", 15, keep_originals=True, sep=";"
        )

    def corrupt_xlsx(self) -> Planted:
        raw = b"This is not a workbook: the export was interrupted.\n" * 4
        extra = self._extra("case_system", "adoptions", "corrupt.xlsx", raw=raw)
        return Planted("corrupt_xlsx", [extra.path], 0, [], {"entity": "adoptions"})

    def duplicate_rows(self) -> Planted:
        frame = self.tables["case_system"]["placements"]
        take = np.sort(self.rng.choice(frame.index, min(8, len(frame)), replace=False))
        self.pinned.setdefault("placements", set()).update(take)
        rows = frame.loc[take].copy()
        extra = self._extra("case_system", "placements", "duplicates.csv", rows)
        return Planted(
            "duplicate_rows", [extra.path], len(rows), _child_ids(rows["child_id"]), {"entity": "placements"}
        )

    def duplicate_keys(self) -> Planted:
        frame = self.tables["case_system"]["children"]
        take = np.sort(self.rng.choice(frame.index, min(6, len(frame)), replace=False))
        self.pinned.setdefault("children", set()).update(take)
        rows = frame.loc[take].copy()
        rows["ethnicity"] = np.where(rows["ethnicity"] == "WBRI", "WOTH", "WBRI")  # a conflicting value
        rows = self._with_names(rows)
        extra = self._extra("case_system", "children", "conflicts.csv", rows)
        return Planted(
            "duplicate_keys",
            [extra.path],
            len(rows),
            _child_ids(rows["child_id"]),
            {"entity": "children", "key": ["child_id"], "changed_column": "ethnicity"},
        )

    def future_dates(self) -> Planted:
        def shift(rows):
            rows = rows.copy()
            ahead = pd.to_timedelta(self.rng.integers(10, 200, len(rows)), unit="D")
            length = rows["end_date"] - rows["start_date"]
            rows["start_date"] = self.as_of + ahead
            rows["end_date"] = rows["start_date"] + length
            return rows

        frame = self.tables["case_system"]["missing_episodes"]
        p = self._moved_fault(
            "future_dates",
            "missing_episodes",
            "future_dates.csv",
            8,
            change=shift,
            where=frame["end_date"].notna(),
            keep_originals=True,
        )
        p.details["columns"] = ["start_date", "end_date"]
        return p

    def end_before_start(self) -> Planted:
        def swap(rows):
            rows = rows.copy()
            rows["end_date"] = rows["start_date"] - pd.to_timedelta(self.rng.integers(1, 60, len(rows)), unit="D")
            return rows

        frame = self.tables["case_system"]["social_worker_allocations"]
        return self._moved_fault(
            "end_before_start",
            "social_worker_allocations",
            "end_before_start.csv",
            8,
            change=swap,
            where=frame["end_date"].notna(),
            keep_originals=True,
        )

    def invalid_codes(self) -> Planted:
        def recode(rows):
            rows = rows.copy()
            # codes from the 903's history and neighbours' lists that the contract does not accept
            rows["activity"] = self.rng.choice(np.array(["F3", "P3"]), len(rows))
            rows["accommodation"] = self.rng.choice(np.array(["S1", "X1"]), len(rows))
            return rows

        frame = self.tables["case_system"]["care_leaver_contacts"]
        p = self._moved_fault(
            "invalid_codes",
            "care_leaver_contacts",
            "invalid_codes.csv",
            10,
            change=recode,
            where=frame["in_touch"] == "YES",
            keep_originals=True,
        )
        p.details["columns"] = ["activity", "accommodation"]
        return p

    def float_ids(self) -> Planted:
        def floaty(rows):
            rows = rows.copy()
            rows["child_id"] = rows["child_id"].astype(str) + ".0"
            return rows

        return self._moved_fault("float_ids", "legal_statuses", "float_ids.csv", 20, change=floaty)

    # ------------------------------------------------------------------------------------- encodings
    def utf8_bom(self) -> Planted:
        return self._moved_fault("utf8_bom", "children", "utf8_bom.csv", 20, encoding="utf-8-sig")

    def utf16(self) -> Planted:
        return self._moved_fault("utf16", "previous_permanence", "utf16.csv", 25, encoding="utf-16")

    def cp1252(self) -> Planted:
        named = self.names.set_index("child_id")
        accented = (named["first_name"] + named["last_name"]).map(lambda s: not s.isascii())
        children = self.tables["case_system"]["children"]
        where = children["child_id"].map(accented).fillna(False).astype(bool)
        return self._moved_fault("cp1252", "children", "cp1252.csv", 15, where=where, encoding="cp1252")


def plant(tables: dict, names: pd.DataFrame, faults: Sequence[str], rng: np.random.Generator, as_of):
    """Plant the faults (data faults first, so that moved rows carry them too)."""
    planter = Planter(tables, names, rng, as_of)
    planted = [getattr(planter, name)() for name in faults]
    return [p.record() for p in planted], planter.extras
