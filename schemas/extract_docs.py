"""`docs/extracts.md` and `docs/templates/`: the extract contracts as a report writer reads them.

Every entity of every source with its columns, types, code lists and whether each is required; which outputs
need the entity (903 tables, scorecard indicators, data-quality checks), found by following the dbt models'
`ref()`s from the entity's staging model; a blank CSV template per entity; and the SSD mapping table. Written
by `python -m schemas.extract_docs`; tests/test_extract_docs.py fails when the page is not current.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from schemas.contracts import Contract, sources

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "dbt_project" / "models"
PAGE = ROOT / "docs" / "extracts.md"
TEMPLATES = ROOT / "docs" / "templates"
_REF = re.compile(r"ref\(\s*['\"]([a-z0-9_]+)['\"]\s*\)")


def _model_graph() -> tuple[dict[str, Path], dict[str, set[str]]]:
    """Each dbt model's file, and the models that ref() it."""
    paths = {p.stem: p for p in MODELS.rglob("*.sql")}
    readers: dict[str, set[str]] = {name: set() for name in paths}
    for name, path in paths.items():
        for parent in _REF.findall(path.read_text(encoding="utf-8")):
            readers.setdefault(parent, set()).add(name)
    return paths, readers


def outputs_needing(contract: Contract, paths=None, readers=None) -> dict[str, list[str]]:
    """The 903 tables, scorecard indicators and data-quality models built from an entity."""
    if paths is None:
        paths, readers = _model_graph()
    seen, todo = set(), [f"stg_{contract.source}__{contract.entity}"]
    while todo:
        name = todo.pop()
        for reader in readers.get(name, ()):
            if reader not in seen:
                seen.add(reader)
                todo.append(reader)
    found: dict[str, list[str]] = {"903 tables": [], "scorecard indicators": [], "checks": []}
    for name in sorted(seen):
        parts = paths[name].relative_to(MODELS).parts
        if parts[:2] == ("marts", "ssda903"):
            found["903 tables"].append(name)
        elif "indicators" in parts:
            found["scorecard indicators"].append(name.removeprefix("int_scorecard__").split("_")[0].upper())
        elif parts[:2] == ("intermediate", "quality"):
            found["checks"].append(name.removeprefix("int_quality__"))
    return found


def _codes(column) -> str:
    if column.codes is None:
        return ""
    if column.code_list.startswith("ssda903:"):
        return f"903 {column.code_list.removeprefix('ssda903:')} list"
    if column.code_list.startswith("authority:"):  # the page must not change with the authority configured
        local = "; local reporting only: other values are loaded blank, with a warning" if column.local else ""
        return f"the authority's {column.code_list.split(':', 1)[1]} (authorities/<authority>.yaml){local}"
    return ", ".join(sorted(column.codes))


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def ssd_mapping_table() -> list[str]:
    from orchestration.ingest.ssd.adapter import LINKS

    lines = ["| SSD table.column | our entity.column | how |", "|---|---|---|"]
    lines += [f"| `{link.ssd}` | `{link.ours}` | {_cell(link.how)} |" for link in LINKS]
    return lines


def render() -> str:
    paths, readers = _model_graph()
    out = [
        "# The extracts: what to send",
        "",
        "Generated from `schemas/extracts/*.yaml` and the dbt models by `python -m schemas.extract_docs`; do not",
        "edit by hand (tests/test_extract_docs.py fails when this page is not current). Blank CSV templates, one per",
        "entity, are in [`templates/`](templates/). Dates may be dd/mm/yyyy, yyyy-mm-dd or Excel dates; flags Y/N.",
        "A case system that builds the Standard Safeguarding Dataset can send its `ssd_*` tables instead of the",
        "case-system extract: see [the SSD mapping](#the-standard-safeguarding-dataset-ssd-mapping) at the end.",
        "",
    ]
    for source, contracts in sources().items():
        optional = " (optional)" if contracts[0].optional_source else ""
        out += [f"## {source}{optional}", "", f"Files go in `landing/{source}/` as `<entity>.csv` or `.xlsx`.", ""]
        for contract in contracts:
            needs = outputs_needing(contract, paths, readers)
            out += [f"### {contract.entity}", "", _cell(contract.description), ""]
            out += [
                f"Key: {', '.join(contract.key)}. Template: [`templates/{source}/{contract.entity}.csv`]"
                f"(templates/{source}/{contract.entity}.csv).",
                "",
            ]
            out += ["| column | type | required | codes | description |", "|---|---|---|---|---|"]
            for column in contract.columns:
                out.append(
                    f"| `{column.name}` | {column.type} | {'yes' if column.required else ''} | {_cell(_codes(column))} "
                    f"| {_cell(column.description)} |"
                )
            rules = [f"{e} not before {s}" for s, e in contract.ordered]
            rules += [f"{' and '.join(c)} both given or both blank" for c in contract.required_together]
            rules += [f"one of {', '.join(c)} required" for c in contract.one_of]
            out += [""] + ([f"Rules: {'; '.join(rules)}.", ""] if rules else [])
            for kind, names in needs.items():
                out.append(f"- **{kind}**: {', '.join(f'`{n}`' for n in dict.fromkeys(names)) or 'none'}")
            out.append("")
    out += ["## The Standard Safeguarding Dataset (SSD) mapping", ""]
    out += [
        "Put one CSV per SSD table in `landing/ssd/` named after the table (`ssd_person.csv`), or set `CLA_SSD_URL`",
        "to the database holding them. Each SSD column below becomes our column as described; everything after that",
        "(contract, quarantine, staging) is the same as for our own extract. Case-system entities the SSD has no",
        "table for (other authorities' children placed here, deprivation-of-liberty orders) are still read from",
        "`landing/case_system/`.",
        "",
        *ssd_mapping_table(),
        "",
    ]
    return "\n".join(out)


def templates() -> dict[Path, str]:
    return {
        TEMPLATES / c.source / f"{c.entity}.csv": ",".join(c.column_names) + "\n"
        for contracts in sources().values()
        for c in contracts
    }


def main() -> int:
    PAGE.parent.mkdir(parents=True, exist_ok=True)
    PAGE.write_text(render(), encoding="utf-8")
    for path, text in templates().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)} and {len(templates())} templates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
