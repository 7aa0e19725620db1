"""The quarantine by rule: every quarantined row's problems, grouped into the rule they broke (one line for
'duplicate key (child_id) already used by an earlier row', not one per row it repeats), with how many rows, the
codes that broke a code list, and the first rows (file and row) to look at.

Values are shown only where they are codes (a code-list rule): other problems quote values that can be a date
of birth, a postcode or an id, which never leave the warehouse in a report.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from orchestration.privacy import as_code
from schemas.contracts import load_contracts

FIRST_ROWS = 5
COLUMNS = ["source", "entity", "column", "rule", "rows", "codes", "first_rows"]
_QUOTED = re.compile(r"'([^']*)'")
_CODE_RULE = re.compile(r"^'[^']*' is not a code in the (\S+) list$")
# References to one row or file inside a problem: the rule is the same whichever row it names.
_ROW_REFERENCES = [
    (re.compile(r"\brow \d+ of [^\s,;]+"), "an earlier row"),
    (re.compile(r"\brow \d+\b"), "another row"),
]


def rule_of(problem: str) -> tuple[str, str, bool]:
    """'accommodation: not a code in the ACCOM list' → ('accommodation', 'not a code in the ACCOM list', True):
    the column, the rule (quoted values and row numbers taken out) and whether the column's value is a code to
    show. The ingest quotes no value; an older message quoting one loses it here."""
    column, _, text = problem.partition(": ")
    if not text:
        column, text = "", problem
    if match := _CODE_RULE.match(text):
        return column, f"not a code in the {match[1]} list", True
    text = _QUOTED.sub("'…'", text)
    for pattern, words in _ROW_REFERENCES:
        text = pattern.sub(words, text)
    return column, text, text.startswith("not a code in the ")


def _rows_by_file(rows: list[tuple[str, int]]) -> str:
    """[('a.csv', 2), ('a.csv', 3), ('b.csv', 9)] → 'a.csv rows 2, 3; b.csv row 9'."""
    files: dict[str, list[str]] = {}
    for file, row in rows:
        files.setdefault(file, []).append(str(row))
    return "; ".join(f"{file} row{'s' if len(n) > 1 else ''} {', '.join(n)}" for file, n in files.items())


def quarantine_by_rule(con, la_code: str) -> pd.DataFrame:
    """One row per source, entity, column and rule: rows quarantined for it, codes found (most common first,
    with counts) and the first rows by file."""
    groups: dict[tuple[str, str, str, str], dict] = {}
    for contract in load_contracts().values():
        rows = con.execute(
            f"SELECT * FROM quarantine.{contract.entity} WHERE la_code = ? ORDER BY source_file, source_row",
            [la_code],
        ).df()
        for row in rows.to_dict("records"):
            file, number = row["source_file"], row["source_row"]
            for problem in str(row["problems"]).split("; "):
                column, rule, shows_code = rule_of(problem)
                key = (contract.source, contract.entity, column, rule)
                group = groups.setdefault(key, {"rows": set(), "codes": Counter(), "at": []})
                if (file, number) not in group["rows"]:
                    group["rows"].add((file, number))
                    if len(group["at"]) < FIRST_ROWS:
                        group["at"].append((file, number))
                if shows_code and (code := as_code(row.get(column))) is not None:
                    group["codes"][code] += 1
    if not groups:
        return pd.DataFrame(columns=COLUMNS)
    summary = pd.DataFrame(
        [
            {
                "source": source,
                "entity": entity,
                "column": column,
                "rule": rule,
                "rows": len(group["rows"]),
                "codes": ", ".join(f"'{code}' ({n})" for code, n in group["codes"].most_common()),
                "first_rows": _rows_by_file(group["at"]),
            }
            for (source, entity, column, rule), group in groups.items()
        ],
        columns=COLUMNS,
    )
    return summary.sort_values(["rows", "source", "entity", "column"], ascending=[False, True, True, True])
