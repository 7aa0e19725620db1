"""The indicator models' dbt descriptions, written from the indicator catalogue.

Each scorecard indicator's definition lives in one place, the catalogue seed (seeds/scorecard_indicators.csv: its
name, numerator, denominator, DfE's definition, period, unit, polarity and source). The YAML beside each indicator
model (dbt_project/models/intermediate/scorecard/indicators/<model>.yml) describes the model in the catalogue's
words, so that the Dagster UI and dbt's docs say what the report says; nothing else in the YAML is touched.

    python -m orchestration.scorecard.indicator_docs    # rewrite the descriptions after the seed changes

tests/test_indicator_docs.py fails while a description differs from what the seed says.
"""

from __future__ import annotations

import csv
import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

from orchestration.scorecard.pages import POLARITIES, UNIT_AXIS
from orchestration.scorecard.titles import PERIODS
from orchestration.settings import DBT_PROJECT_DIR, SEEDS_DIR

CATALOGUE = SEEDS_DIR / "scorecard_indicators.csv"
INDICATORS_DIR = DBT_PROJECT_DIR / "models" / "intermediate" / "scorecard" / "indicators"
WIDTH = 116  # the folded description's lines, indented by 6, stay within the project's 120 columns


def indicator_id(model_name: str) -> str:
    """int_scorecard__p01_three_placements -> P01 (macros/scorecard.sql scorecard_indicator_id says the same)."""
    return model_name.split("__")[1].split("_")[0].upper()


def load_catalogue(path: Path = CATALOGUE) -> dict[str, dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as file:
        return {row["indicator_id"]: row for row in csv.DictReader(file)}


def describe(indicator: dict[str, str]) -> str:
    """The model's description: the catalogue's row in words, in the order the report's indicator page uses."""
    period = PERIODS.get(indicator["period_type"], ("", indicator["period_type"]))[1]
    unit = UNIT_AXIS.get(indicator["unit"], indicator["unit"])
    polarity = POLARITIES.get(indicator["polarity"], "Context only: no polarity, target or RAG")
    parts = [
        f"{indicator['indicator_id']} {indicator['name']}.",
        f"Numerator: {indicator['numerator_definition']}.",
        f"Denominator: {indicator['denominator_definition'] or 'none (a count)'}.",
        f"DfE definition: {indicator['dfe_definition']}." if indicator["dfe_definition"] else "",
        f"Data period: {period}. Unit: {unit}. Polarity: {polarity}.",
        f"Source: {indicator['source'].replace('_', ' ')}.",
    ]
    return " ".join(" ".join(part.split()) for part in parts if part)


@dataclass(frozen=True)
class IndicatorModel:
    name: str
    yaml_path: Path

    @property
    def indicator_id(self) -> str:
        return indicator_id(self.name)

    def description(self) -> str | None:
        """The description the YAML holds now, folded onto one line; None when the YAML does not describe it."""
        if not self.yaml_path.exists():
            return None
        document = yaml.safe_load(self.yaml_path.read_text(encoding="utf-8")) or {}
        for model in document.get("models", []):
            if model.get("name") == self.name:
                return " ".join(str(model.get("description", "")).split())
        return None


def indicator_models(folder: Path = INDICATORS_DIR) -> list[IndicatorModel]:
    """Every indicator model in the folder, with the YAML beside it (same name, .yml)."""
    return [IndicatorModel(sql.stem, sql.with_suffix(".yml")) for sql in sorted(folder.glob("*.sql"))]


def stale(folder: Path = INDICATORS_DIR, catalogue: Path = CATALOGUE) -> list[str]:
    """The indicator models whose YAML description is not the catalogue's (or that have no YAML or no row)."""
    indicators = load_catalogue(catalogue)
    return [
        model.name
        for model in indicator_models(folder)
        if model.indicator_id not in indicators or model.description() != describe(indicators[model.indicator_id])
    ]


def _description_block(text: str) -> list[str]:
    wrapped = textwrap.wrap(text, width=WIDTH - 6, break_long_words=False, break_on_hyphens=False)
    return ["    description: >\n", *(f"      {line}\n" for line in wrapped)]


def rewrite_description(yaml_path: Path, model_name: str, text: str) -> bool:
    """Puts `text` in as the model's description (a folded block); True when the file changed. The model's
    `description:` must follow its `- name:` line; the lines it spans are those indented more than it."""
    lines = yaml_path.read_text(encoding="utf-8").splitlines(keepends=True)
    name_line = next(
        (i for i, line in enumerate(lines) if re.fullmatch(rf"  - name: {re.escape(model_name)}\s*", line)), None
    )
    if name_line is None or not lines[name_line + 1].startswith("    description:"):
        raise ValueError(f"{yaml_path}: no '    description:' line after '  - name: {model_name}'")
    start = end = name_line + 1
    while end + 1 < len(lines) and (lines[end + 1].startswith("      ") or not lines[end + 1].strip()):
        end += 1
    while not lines[end].strip():  # blank lines after the block belong to what follows
        end -= 1
    new = lines[:start] + _description_block(text) + lines[end + 1 :]
    if new == lines:
        return False
    yaml_path.write_text("".join(new), encoding="utf-8")
    return True


def rewrite(folder: Path = INDICATORS_DIR, catalogue: Path = CATALOGUE) -> list[Path]:
    """Rewrites every indicator model's description from the catalogue; returns the YAML files changed."""
    indicators = load_catalogue(catalogue)
    missing = [m.name for m in indicator_models(folder) if m.indicator_id not in indicators or not m.yaml_path.exists()]
    if missing:
        raise ValueError(f"indicator models without a catalogue row or a YAML of their own: {', '.join(missing)}")
    return [
        model.yaml_path
        for model in indicator_models(folder)
        if rewrite_description(model.yaml_path, model.name, describe(indicators[model.indicator_id]))
    ]


def main() -> int:
    changed = rewrite()
    for path in changed:
        print(f"rewrote {path.relative_to(DBT_PROJECT_DIR.parent)}")
    print(f"{len(changed)} description(s) rewritten; {len(indicator_models()) - len(changed)} already the catalogue's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
