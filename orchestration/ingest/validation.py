"""Applying an extract's contract to the rows of its files: each row is loaded or quarantined, never lost.

For every file: personal columns are dropped before anything else sees them, unknown columns are ignored and
reported, a missing required column quarantines the file's rows. All rows then get the type normalisation of
`schemas.values`, the pandera contract and the duplicate checks. Problems name file, row, column and rule;
they quote a value only for code lists (codes are not personal), never a date, postcode or name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import pandera.errors

from orchestration.ingest.local_fields import BlankedValue, blank_unknown_local_values, notes_by_file
from orchestration.ingest.reading import FileProblem, ReadFile
from schemas import values
from schemas.contracts import Contract, pandera_schema

PLUMBING = ["source_file", "source_row"]


@dataclass
class FileSummary:
    file: str
    sha256: str
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    problem: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    """What happened to one entity's files: typed valid rows, quarantined rows, and why."""

    contract: Contract
    loaded: pd.DataFrame
    quarantined: pd.DataFrame
    files: list[FileSummary]
    failures_by_rule: Counter
    ids_repaired: int = 0
    # For an entity read from another layout (the SSD): that layout's own row accounting, table by table.
    layout_accounting: dict = field(default_factory=dict)
    stale_reason: str = ""  # set when the warehouse kept the last good load instead of this one
    # Values of local reporting fields (district, team) not in their code list: loaded as blank, with a warning.
    blanked: list[BlankedValue] = field(default_factory=list)
    # Seconds each stage took (read, contract, load), for the bench and the asset's metadata.
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def rows_read(self) -> int:
        return sum(f.rows_read for f in self.files)


def describe(rule: str, contract: Contract, column: str | None, value, as_of: date) -> tuple[str, str, str]:
    """(column, rule, plain-English problem) for a pandera check name."""
    if rule.startswith("end_before_start:"):
        _, end, start = rule.split(":")
        return end, "end_before_start", f"{end} is before {start}"
    if rule.startswith("required_together:"):
        cols = rule.split(":")[1:]
        return cols[0], "required_together", f"{' and '.join(cols)} must both be given or both be blank"
    if rule.startswith("one_of_required:"):
        cols = rule.split(":")[1:]
        return cols[0], "one_of_required", f"one of {', '.join(cols)} is required"
    if rule.startswith("outside_range_"):
        lo, hi = rule.removeprefix("outside_range_").split("_")
        return column, "outside_range", f"outside the range {lo} to {hi}"
    col = contract.column(column) if column in contract.column_names else None
    if rule == "code_not_in_list" and col is not None:
        # The value is not quoted: a shifted column puts dates of birth and postcodes where codes belong.
        listed = col.code_list.removeprefix("ssda903:") if col.code_list != "contract" else "contract's"
        if col.code_list.startswith("authority:"):
            return column, rule, f"not one of the {col.code_list.split(':')[1]} in the authority's file"
        return column, rule, f"not a code in the {listed} list"
    if rule == "not_a_date" and (why := values.why_not_a_date(value)):
        return column, rule, f"not a date: {why}"
    if rule == "not_a_whole_number" and isinstance(value, str):
        lowered = value.strip().lower()
        if lowered.lstrip("+-") in {"inf", "infinity", "nan"}:
            return column, rule, "not a whole number: not a finite number"
        if "e" in lowered or "." in lowered:
            return column, rule, "not a whole number: decimals and exponents (such as 1e3) are not whole numbers"
    messages = {
        "not_nullable": "required but blank",
        "not_a_date": "not a date (expected dd/mm/yyyy, yyyy-mm-dd or an Excel date)",
        "date_in_future": f"date is after the load date {as_of:%d/%m/%Y}",
        "not_a_whole_number": "not a whole number",
        "too_large": "too large: beyond the largest whole number the warehouse holds (19 digits)",
        "not_a_flag": "not a yes/no flag (expected Y or N)",
        "not_a_postcode": "not a UK postcode",
        "not_a_upn": "not a UPN (a letter and 12 digits) or UN1-UN5",
        "not_an_id": "not an identifier (letters, digits, - and _, at most 48 characters; not a date or a UPN)",
        "wrong_format": f"does not match the format {col.pattern if col else ''}",
    }
    return column, rule, messages.get(rule, rule)


def _normalise(rows: pd.DataFrame, contract: Contract) -> tuple[pd.DataFrame, int]:
    out = pd.DataFrame(index=rows.index)
    repaired = 0
    for col in contract.columns:
        text = values.normalise_text(rows[col.name])
        if col.type == "id":
            text, n = values.normalise_id(text)
            repaired += n
        elif col.type == "code":
            text = values.normalise_code(text)
        elif col.type == "flag":
            text = values.normalise_flag(text)
        elif col.type == "postcode":
            text = values.normalise_postcode(text)
        elif col.type == "upn":
            text = text.str.upper()
        elif col.type == "integer":
            text = values.normalise_integer(text)
        out[col.name] = text
    return out, repaired


def _typed(rows: pd.DataFrame, contract: Contract) -> pd.DataFrame:
    out = pd.DataFrame(index=rows.index)
    for col in contract.columns:
        s = rows[col.name]
        if col.type == "date":
            out[col.name] = values.as_dates(values.parse_dates(s))
        elif col.type == "integer":
            out[col.name] = values.parse_integers(s)
        elif col.type == "flag":
            out[col.name] = values.parse_flags(s)
        else:
            out[col.name] = pd.Series(s.to_numpy(dtype=object, na_value=None), index=s.index)
    return out


Problem = tuple[str, str, str]  # (column, rule, message)


def _contract_failures(rows: pd.DataFrame, contract: Contract, as_of: date) -> dict[int, list[Problem]]:
    """Row index -> [(column, rule, message)] from the pandera contract."""
    problems: dict[int, list[Problem]] = {}
    try:
        pandera_schema(contract, as_of).validate(rows, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        # A failure pandera cannot place on a row holds every row: none is loaded unchecked.
        for rule, column in (
            cases.loc[cases["index"].isna(), ["check", "column"]].drop_duplicates().itertuples(index=False)
        ):
            entry = (
                column if isinstance(column, str) else "row",
                "check_not_applied",
                f"the check {rule} could not be applied to the file's rows, so none is loaded until it can",
            )
            for index in rows.index:
                problems.setdefault(int(index), []).append(entry)
        cases = cases[cases["index"].notna()]
        for rule, column, value, index in zip(
            cases["check"].astype(str), cases["column"], cases["failure_case"], cases["index"], strict=True
        ):
            entry = describe(rule, contract, column if isinstance(column, str) else None, value, as_of)
            found = problems.setdefault(int(index), [])
            if entry not in found:
                found.append(entry)
    return problems


def _duplicate_failures(rows: pd.DataFrame, contract: Contract, where: pd.DataFrame) -> dict[int, Problem]:
    """Later copies of a row (or of a row's key) are quarantined, naming the first; the first is kept."""
    problems: dict[int, Problem] = {}
    if rows.empty:
        return problems
    key = list(contract.key)
    first_of_key = rows.groupby(key, dropna=False, sort=False).ngroup()
    first_index = pd.Series(rows.index, index=rows.index).groupby(first_of_key.values).transform("first")
    later = rows.index[first_index.values != rows.index.values]
    firsts = first_index[later].to_numpy()
    # Whole-row equality, compared only for the later copies (few) against their first.
    same_row = (rows.loc[later].astype(str).to_numpy() == rows.loc[firsts].astype(str).to_numpy()).all(axis=1)
    for index, first, same in zip(later, firsts, same_row, strict=True):
        place = f"row {where.at[first, 'source_row']} of {where.at[first, 'source_file']}"
        if same:
            problems[index] = (key[0], "duplicate_row", f"duplicate row: the same as {place}")
        else:
            problems[index] = (
                key[0],
                "duplicate_key",
                f"duplicate key ({', '.join(key)}) already used by {place}",
            )
    return problems


def apply_contract(contract: Contract, files: list[tuple[Path, str, ReadFile | FileProblem]], as_of: date) -> Outcome:
    """Validate every row of an entity's files (already read) against its contract."""
    with values.columns_parsed_once():  # each date column parsed once for its checks and its typing
        return _apply_contract(contract, files, as_of)


def _apply_contract(contract: Contract, files: list[tuple[Path, str, ReadFile | FileProblem]], as_of: date) -> Outcome:
    summaries: list[FileSummary] = []
    parts: list[pd.DataFrame] = []
    quarantine_rows: list[dict] = []
    by_rule: Counter = Counter()

    def quarantine(summary: FileSummary, row: int, problems: list[Problem], data: dict) -> None:
        summary.rows_quarantined += 1
        for column, rule, _ in problems:
            by_rule[f"{column}: {rule}"] += 1
        quarantine_rows.append(
            {
                "source_file": summary.file,
                "source_row": row,
                "problems": "; ".join(f"{c}: {m}" for c, _, m in problems),
                **data,
            }
        )

    for path, sha, read in files:
        summary = FileSummary(file=path.name, sha256=sha)
        summaries.append(summary)
        if isinstance(read, FileProblem):
            summary.problem = str(read)
            by_rule["file: unreadable"] += 1
            continue
        rows = read.rows
        summary.rows_read = len(rows) + len(read.broken_rows) + len(read.rejected_rows) + len(read.other_sheet_rows)
        summary.notes.extend(read.notes)
        dropped = sorted(c for c in rows.columns if c in contract.personal)
        if dropped:
            summary.notes.append(f"personal column(s) {', '.join(dropped)} dropped before loading")
        unknown = sorted(c for c in rows.columns if c not in contract.column_names and c not in contract.personal)
        if unknown and any(c in contract.column_names for c in rows.columns):
            summary.notes.append(
                f"unknown column(s) {', '.join(unknown)} ignored (not in the {contract.entity} contract)"
            )
        elif unknown:  # not a header at all: its cells are probably a child's record, so they are not repeated
            summary.notes.append(
                f"the first row names none of the {contract.entity} contract's columns ({len(unknown)} cells): "
                "the header row is probably missing"
            )
        rows = rows[[c for c in rows.columns if c in contract.column_names]]
        for number, message in read.broken_rows:
            quarantine(summary, number, [("row", "wrong_field_count", message)], {})
        for number, column, message, data in read.rejected_rows:
            quarantine(summary, number, [(column, "not_mapped", message)], data)
        for number, message in read.other_sheet_rows:
            quarantine(summary, number, [("row", "other_sheet", message)], {})
        if rows.empty and not read.broken_rows:
            summary.notes.append("header only: the file has no data rows")
        missing = [c for c in contract.required_columns if c not in rows.columns]
        if missing:
            summary.problem = f"missing required column(s) {', '.join(missing)}"
            for number, (_, data) in zip(read.row_numbers, rows.iterrows(), strict=True):
                quarantine(
                    summary,
                    number,
                    [(c, "missing_column", "required column missing from the file") for c in missing],
                    data.to_dict(),
                )
            continue
        absent = [c for c in contract.column_names if c not in rows.columns]
        if absent:
            summary.notes.append(f"optional column(s) {', '.join(absent)} not in the file: loaded as blank")
        rows = rows.reindex(columns=contract.column_names)
        rows["source_file"] = path.name
        rows["source_row"] = read.row_numbers
        parts.append(rows)

    summary_of = {s.file: s for s in summaries}
    repaired = 0
    blanked: list[BlankedValue] = []
    loaded = pd.DataFrame(columns=contract.column_names + PLUMBING)
    if parts:
        combined = pd.concat(parts, ignore_index=True)
        where = combined[PLUMBING]
        normalised, repaired = _normalise(combined, contract)
        blanked = blank_unknown_local_values(normalised, contract, where)
        problems = _contract_failures(normalised, contract, as_of)
        passing = normalised.loc[~normalised.index.isin(list(problems))]
        for index, problem in _duplicate_failures(passing, contract, where).items():
            problems[index] = [problem]
        blanked = [b for b in blanked if b.index not in problems]  # a quarantined row keeps its value
        for file, note in notes_by_file(blanked).items():
            summary_of[file].notes.append(note)
        for index in sorted(problems):
            summary = summary_of[where.at[index, "source_file"]]
            original = combined.loc[index, contract.column_names].to_dict()
            quarantine(summary, int(where.at[index, "source_row"]), problems[index], original)
        # Every row is typed and the good ones kept (typing is row by row alike): the columns the checks parsed.
        typed = _typed(normalised, contract)
        typed[PLUMBING] = where
        loaded = typed.loc[~normalised.index.isin(list(problems))]
        for file, count in loaded["source_file"].value_counts().items():
            summary_of[file].rows_loaded = int(count)

    quarantined = pd.DataFrame(quarantine_rows, columns=PLUMBING + ["problems"] + contract.column_names)
    return Outcome(contract, loaded.reset_index(drop=True), quarantined, summaries, by_rule, repaired, blanked=blanked)
