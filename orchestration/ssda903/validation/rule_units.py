"""The rule units: one SQL file per DfE rule in rules/, named by DfE's code (rules/103.sql).

A rule DfE changed in a year has a file per version, named by the first year it applies to:
rules/146.sql for every year, rules/146@2026.sql from 2025/26 on. The file starts with comments:

    -- 103: The ethnicity code is either not valid or has not been entered.
    -- severity: query        (optional; DfE lets a query be bypassed with an explanation; default error)
    -- needs: last_year       (optional: last_year, providers, postcodes; without them the rule is not run)
    -- uses: history          (optional: the rule looks at every earlier return at hand, history.py)

and is one SELECT returning table_name ('Header', 'Episodes', ... DfE's table names), row_key and child
for every failing row, over the tables described in database.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from orchestration.ssda903.layouts import CollectionYear

RULES_DIR = Path(__file__).resolve().parent / "rules"
_FILE = re.compile(r"^(?P<code>[A-Za-z0-9]+)(@(?P<year>\d{4}))?\.sql$")


@dataclass(frozen=True)
class RuleUnit:
    code: str
    path: Path
    from_year: int  # year ending the version applies from
    sql: str
    severity: str  # error or query
    needs: frozenset[str]
    comment_message: str
    uses_history: bool = False


def _parse(path: Path) -> RuleUnit:
    match = _FILE.match(path.name)
    if not match:
        raise ValueError(f"{path.name}: rule files are named <code>.sql or <code>@<year ending>.sql")
    text = path.read_text(encoding="utf-8")
    header = [line[2:].strip() for line in text.splitlines() if line.startswith("--")]
    first = header[0] if header else ""
    if not first.startswith(f"{match['code']}:"):
        raise ValueError(f"{path.name}: the first line must be '-- {match['code']}: <DfE message>'")
    options = dict(line.split(":", 1) for line in header[1:] if re.match(r"^(severity|needs|uses):", line))
    return RuleUnit(
        code=match["code"],
        path=path,
        from_year=int(match["year"] or 0),
        sql=text,
        severity=options.get("severity", "error").strip(),
        needs=frozenset(n.strip() for n in options.get("needs", "").split(",") if n.strip()),
        comment_message=first.split(":", 1)[1].strip(),
        uses_history=options.get("uses", "").strip() == "history",
    )


@cache
def all_units() -> dict[str, list[RuleUnit]]:
    units: dict[str, list[RuleUnit]] = {}
    for path in sorted(RULES_DIR.glob("*.sql")):
        unit = _parse(path)
        units.setdefault(unit.code, []).append(unit)
    return units


def unit_for(code: str, year: CollectionYear) -> RuleUnit | None:
    """The version of a rule that applies in a year: the latest whose first year is not after it."""
    versions = [u for u in all_units().get(code, []) if u.from_year <= year.ending]
    return max(versions, key=lambda u: u.from_year) if versions else None
