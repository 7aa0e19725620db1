"""docs/extracts.md and docs/templates/ are current with the contracts, the dbt models and the SSD adapter."""

from __future__ import annotations

from orchestration.ingest.ssd.adapter import BUILDERS, LINKS
from schemas import extract_docs
from schemas.contracts import load_contracts

REGENERATE = "run `.venv/bin/python -m schemas.extract_docs` and commit docs/"


def test_the_page_is_current():
    assert extract_docs.PAGE.read_text(encoding="utf-8") == extract_docs.render(), REGENERATE


def test_every_entity_has_a_blank_template_with_its_columns():
    expected = extract_docs.templates()
    assert len(expected) == len(load_contracts())
    for path, text in expected.items():
        assert path.exists() and path.read_text(encoding="utf-8") == text, f"{path.name}: {REGENERATE}"
    on_disk = set(extract_docs.TEMPLATES.rglob("*.csv"))
    assert on_disk == set(expected), f"templates of entities that no longer exist: {on_disk - set(expected)}"


def test_outputs_are_found_from_the_dbt_models():
    needs = extract_docs.outputs_needing(load_contracts()["placements"])
    assert "episodes" in needs["903 tables"]
    assert "P01" in needs["scorecard indicators"]
    youth = extract_docs.outputs_needing(load_contracts()["youth_justice"])
    assert youth["scorecard indicators"] == ["C08", "C09"] or "C08" in youth["scorecard indicators"]
    assert "episodes" not in youth["903 tables"]


def test_the_ssd_mapping_names_every_column_the_ssd_supplies():
    mapped = {link.ours for link in LINKS}
    missing = [
        f"{entity}.{column}"
        for entity in BUILDERS
        for column in load_contracts()[entity].column_names
        if f"{entity}.{column}" not in mapped
    ]
    assert missing == ["children.district"], missing  # the SSD holds no district (README)
