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
    # data faults for the dataset checks (schemas/quality/); planted last, so the faults above pick the same rows
    "health_records_unlinked": "A few dental checks for child ids the case system does not hold.",
    "education_records_missing": "Every education row of a few school-age children in care removed.",
    "health_assessments_missing": "The health assessments of a few children in care since the spring removed.",
    "dated_after_extract": "A few dental checks dated the day after the extract date (before the load date, so "
    "the contract accepts them).",
    "implausible_values": "SDQs recorded for children under 2, and a missing episode lasting over 200 days.",
    "workforce_extract_stale": "The workforce extract stops three months before the extract date.",
    "extract_truncated": "Two in five rows of the attainment extract missing (a truncated file).",
    "duplicate_child_records": "A few children registered again under new child ids (same UPN and NHS number) in "
    "children_reregistered.csv.",
}
DATA_FAULTS = (
    "care_leaver_status_unknown",
    "review_participation_miscoded",
    "education_upn_unmatched",
    "health_records_unlinked",
    "education_records_missing",
    "health_assessments_missing",
    "dated_after_extract",
    "implausible_values",
    "workforce_extract_stale",
    "extract_truncated",
    "duplicate_child_records",
)
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

    # ------------------------------------------------------------------------------------- dataset-check faults
    def _in_care(self, min_days: int = 0, started_after=None) -> pd.DataFrame:
        """Children looked after at the extract date for at least min_days, with their period's start."""
        periods = self.tables["case_system"]["periods_of_care"]
        since = self.as_of - pd.Timedelta(days=min_days)
        open_ = (periods["start_date"] <= since) & (periods["end_date"].isna() | (periods["end_date"] > self.as_of))
        if started_after is not None:
            open_ &= periods["start_date"] > pd.Timestamp(started_after)
        current = periods.loc[open_, ["child_id", "start_date"]].drop_duplicates("child_id")
        return current.assign(child_id=current["child_id"].astype(str)).reset_index(drop=True)

    def _pick(self, values: Sequence, n: int) -> list:
        values = sorted(set(values), key=lambda v: (len(str(v)), str(v)))
        return [values[i] for i in sorted(self.rng.choice(len(values), min(n, len(values)), replace=False))]

    def _append(self, source: str, entity: str, rows: pd.DataFrame) -> None:
        frame = self.tables[source][entity]
        rows = rows[list(frame.columns)].astype(frame.dtypes.to_dict())
        self.tables[source][entity] = pd.concat([frame, rows], ignore_index=True)

    def _unknown_ids(self, n: int) -> list[str]:
        known = set(self.tables["case_system"]["children"]["child_id"].astype(str))
        top = max(int(v) for v in known if str(v).isdigit())
        self._next_id = max(getattr(self, "_next_id", 0), top + 500_000)
        fresh = []
        while len(fresh) < n:
            self._next_id += 1
            if str(self._next_id) not in known:
                fresh.append(str(self._next_id))
        return fresh

    def health_records_unlinked(self) -> Planted:
        strangers = self._unknown_ids(4)
        rows = pd.DataFrame(
            {
                "child_id": strangers,
                "nhs_number": [None] * len(strangers),
                "check_date": [self.as_of - pd.Timedelta(days=int(d)) for d in self.rng.integers(20, 300, 4)],
            }
        )
        self._append("health", "dental_checks", rows)
        return Planted("health_records_unlinked", ["health/dental_checks"], len(rows), _child_ids(strangers))

    def education_records_missing(self) -> Planted:
        children = self.tables["case_system"]["children"].assign(child_id=lambda f: f["child_id"].astype(str))
        age = (self.as_of - children["date_of_birth"]).dt.days / 365.25
        school_age = children[age.between(7, 14) & ~children["upn"].astype(str).str.match(r"^UN\d$")]
        in_care = set(self._in_care(min_days=60)["child_id"])
        chosen = self._pick([c for c in school_age["child_id"] if c in in_care], 4)
        upns = set(school_age.loc[school_age["child_id"].isin(chosen), "upn"].astype(str))
        removed, files = 0, []
        for name, frame in self.tables["education"].items():
            gone = frame["upn"].astype(str).isin(upns)
            if gone.any():
                removed += int(gone.sum())
                files.append(f"education/{name}")
                self.tables["education"][name] = frame.loc[~gone]
        return Planted("education_records_missing", files, removed, _child_ids(chosen))

    def health_assessments_missing(self) -> Planted:
        # children who came into care in this collection year: no 903 OC2 row of a complete year changes
        year_start = pd.Timestamp(self.as_of.year if self.as_of.month >= 4 else self.as_of.year - 1, 4, 1)
        current = self._in_care(min_days=60, started_after=year_start)
        if len(current) < 3:
            current = self._in_care(min_days=60)
        chosen = self._pick(current["child_id"], 4)
        children = self.tables["case_system"]["children"]
        nhs = set(children.loc[children["child_id"].astype(str).isin(chosen), "nhs_number"].dropna().astype(str))
        ha = self.tables["health"]["health_assessments"]
        gone = ha["child_id"].astype(str).isin(chosen) | ha["nhs_number"].astype(str).isin(nhs)
        self.tables["health"]["health_assessments"] = ha.loc[~gone]
        return Planted("health_assessments_missing", ["health/health_assessments"], int(gone.sum()), _child_ids(chosen))

    def dated_after_extract(self) -> Planted:
        chosen = self._pick(self._in_care()["child_id"], 3)
        rows = pd.DataFrame(
            {"child_id": chosen, "nhs_number": [None] * len(chosen), "check_date": self.as_of + pd.Timedelta(days=1)}
        )
        self._append("health", "dental_checks", rows)
        return Planted(
            "dated_after_extract", ["health/dental_checks"], len(rows), _child_ids(chosen), {"days_after_extract": 1}
        )

    def implausible_values(self) -> Planted:
        children = self.tables["case_system"]["children"].assign(child_id=lambda f: f["child_id"].astype(str))
        assessed = self.as_of - pd.Timedelta(days=30)
        infants = children.loc[(assessed - children["date_of_birth"]).dt.days.between(60, 600), "child_id"]
        babies = self._pick(infants, 2)
        sdq = self.tables["health"]["sdq_assessments"]
        sdq_rows = pd.DataFrame(
            {
                "child_id": babies,
                "nhs_number": [None] * len(babies),
                "assessment_date": assessed,
                "score": [12] * len(babies),
                "reason_no_score": [None] * len(babies),
            }
        )[list(sdq.columns)]
        self._append("health", "sdq_assessments", sdq_rows)
        # a missing episode of this collection year whose end date was mis-keyed 200 days late (a changed row,
        # not a new one, and none that another fault copied)
        missing = self.tables["case_system"]["missing_episodes"]
        year_start = pd.Timestamp(self.as_of.year if self.as_of.month >= 4 else self.as_of.year - 1, 4, 1)
        late = missing["start_date"].between(year_start, self.as_of - pd.Timedelta(days=201))
        pool = missing.index[late & missing["end_date"].notna()].difference(
            sorted(self.pinned.get("missing_episodes", ()))
        )
        row = self._pick(pool, 1)
        missing.loc[row, "end_date"] = missing.loc[row, "start_date"] + pd.Timedelta(days=200)
        away = missing.loc[row, "child_id"].astype(str).tolist()
        return Planted(
            "implausible_values",
            ["health/sdq_assessments", "case_system/missing_episodes"],
            len(sdq_rows) + len(away),
            _child_ids([*babies, *away]),
            {"sdq_under_2": _child_ids(babies), "missing_episode_over_180_days": _child_ids(away)},
        )

    def workforce_extract_stale(self) -> Planted:
        posts = self.tables["workforce"]["social_work_posts"]
        recent = posts["month_end"] > self.as_of - pd.Timedelta(days=92)
        self.tables["workforce"]["social_work_posts"] = posts.loc[~recent]
        return Planted("workforce_extract_stale", ["workforce/social_work_posts"], int(recent.sum()), [])

    def extract_truncated(self) -> Planted:
        frame = self.tables["education"]["attainment"]
        # rows of known pupils only: the rows education_upn_unmatched changed stay, as it counted them
        known = frame["upn"].astype(str).isin(set(self.tables["case_system"]["children"]["upn"].astype(str)))
        pool = frame.index[known]
        drop = self.rng.choice(pool, round(0.4 * len(frame)), replace=False)
        self.tables["education"]["attainment"] = frame.drop(index=drop)
        return Planted("extract_truncated", ["education/attainment"], len(drop), [], {"share_removed": 0.4})

    def duplicate_child_records(self) -> Planted:
        children = self.tables["case_system"]["children"]
        with_ids = children["upn"].astype(str).str.match(r"^[A-Z]\d{12}$") & children["nhs_number"].notna()
        take = self._pick(children.index[with_ids & ~children.index.isin(sorted(self.pinned.get("children", ())))], 3)
        rows = children.loc[take].copy()
        originals = rows["child_id"].astype(str).tolist()
        rows["child_id"] = self._unknown_ids(len(rows))
        names = self.names.assign(child_id=self.names["child_id"].astype(str)).set_index("child_id")
        named = rows.assign(**{c: names[c].reindex(originals).to_numpy() for c in ("first_name", "last_name")})
        named = named[["child_id", "first_name", "last_name", *[c for c in rows.columns if c != "child_id"]]]
        extra = self._extra("case_system", "children", "reregistered.csv", named)
        return Planted(
            "duplicate_child_records",
            [extra.path],
            len(rows),
            _child_ids([*originals, *rows["child_id"]]),
            {
                "entity": "children",
                "originals_kept": True,
                "registered_again_as": dict(zip(originals, rows["child_id"].astype(str), strict=True)),
            },
        )


def plant(tables: dict, names: pd.DataFrame, faults: Sequence[str], rng: np.random.Generator, as_of):
    """Plant the faults (data faults first, so that moved rows carry them too)."""
    planter = Planter(tables, names, rng, as_of)
    planted = [getattr(planter, name)() for name in faults]
    return [p.record() for p in planted], planter.extras
