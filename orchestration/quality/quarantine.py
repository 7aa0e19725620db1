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

from schemas.contracts import load_contracts

FIRST_ROWS = 5
COLUMNS = ["source", "entity", "column", "rule", "rows", "codes", "first_rows"]
_QUOTED = re.compile(r"'([^']*)'")
_CODE_RULE = re.compile(r"^'[^']*' is not a code in the (\w+) list$")
# References to one row or file inside a problem: the rule is the same whichever row it names.
_ROW_REFERENCES = [
    (re.compile(r"\brow \d+ of [^\s,;]+"), "an earlier row"),
    (re.compile(r"\brow \d+\b"), "another row"),
]


def rule_of(problem: str) -> tuple[str, str, str | None]:
    """'accommodation: 'X1' is not a code in the ACCOM list' → ('accommodation', 'not a code in the ACCOM list',
    'X1'); other problems lose their quoted values and row numbers, and have no code."""
    column, _, text = problem.partition(": ")
    if not text:
        column, text = "", problem
    code = None
    if match := _CODE_RULE.match(text):
        code = _QUOTED.match(text)[1]
        text = f"not a code in the {match[1]} list"
    else:
        text = _QUOTED.sub("'…'", text)
        for pattern, words in _ROW_REFERENCES:
            text = pattern.sub(words, text)
    return column, text, code


def _rows_by_file(rows: list[tuple[str, int]]) -> str:
    """[('a.csv', 2), ('a.csv', 3), ('b.csv', 9)] → 'a.csv rows 2, 3; b.csv row 9'."""
    files: dict[str, list[str]] = {}
    for file, row in rows:
        files.setdefault(file, []).append(str(row))
    return "; ".join(f"{file} row{'s' if len(n) > 1 else ''} {', '.join(n)}" for file, n in files.items())


def quarantine_by_rule(con, la_code: str) -> pd.DataFrame:
    """One row per source, entity, column and rule: rows quarantined for it, codes found (most common first,
    with counts) and the first rows by file."""
    parts = [
        f"SELECT '{c.source}' AS source, '{c.entity}' AS entity, source_file, source_row, problems "
        f"FROM quarantine.{c.entity} WHERE la_code = ?"
        for c in load_contracts().values()
    ]
    rows = con.execute(" UNION ALL ".join(parts), [la_code] * len(parts)).df()
    if rows.empty:
        return pd.DataFrame(columns=COLUMNS)
    groups: dict[tuple[str, str, str, str], dict] = {}
    ordered = rows.sort_values(["source", "entity", "source_file", "source_row"])
    for source, entity, file, row, problems in ordered.itertuples(index=False):
        for problem in str(problems).split("; "):
            column, rule, code = rule_of(problem)
            group = groups.setdefault((source, entity, column, rule), {"rows": set(), "codes": Counter(), "at": []})
            if (file, row) not in group["rows"]:
                group["rows"].add((file, row))
                if len(group["at"]) < FIRST_ROWS:
                    group["at"].append((file, row))
            if code is not None:
                group["codes"][code] += 1
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
